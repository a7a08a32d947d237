# polc import: includes.minKernel, imported as always applying (W0105)
import --color=never import_minkernel.json -o /dev/null
