# polc run --write-bpf FILE that cannot be written (E1108; the kernel steps it also reports are checked first)
run --write-bpf /nonexistent/dir/x.bpf run_base.pol -- /bin/true
