# polc import: the string errno field, which the runtimes ignore (W0104)
import --color=never import_ignored_field.json -o /dev/null
