# polc run refuses a policy that does not target the host arch (E1100)
run run_other_arch.pol -- /bin/true
