# an output directory that cannot be created (E0500)
--color=never -t docker output.pol -o /dev/null/out
