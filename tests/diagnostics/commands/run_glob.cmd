# polc run refuses a glob Landlock cannot express (E1101)
run run_glob.pol -- /bin/true
