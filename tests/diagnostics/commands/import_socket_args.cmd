# polc import: argument conditions on socket with x86 among the arches (W0103)
import --color=never import_socket_args.json -o /dev/null
