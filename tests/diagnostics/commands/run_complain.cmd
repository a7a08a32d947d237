# polc run refuses mode complain (E1105)
run run_complain.pol -- /bin/true
