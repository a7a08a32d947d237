# shellcheck shell=bash
# example_args SRC NAME: the options the example NAME needs beyond its file,
# one per line (mapfile -t). An example that names its user (`user redis`)
# has its image's etc/passwd and etc/group in tests/golden/image-roots/NAME
# (copied from the Debian image tests/examples builds): the outputs that
# write numeric ids look the name up there (--image-root), as they would in
# the image.
example_args() {
    local d=$1/tests/golden/image-roots/$2
    [[ -d $d ]] && printf '%s\n' --image-root "$d"
    return 0
}
