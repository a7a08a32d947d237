# polc run refuses a network section (E1104)
run run_network.pol -- /bin/true
