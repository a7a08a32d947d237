# polc import: two entries decide write unconditionally with different actions (W0102)
import --color=never import_overlap.json -o /dev/null
