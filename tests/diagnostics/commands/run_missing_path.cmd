# polc run refuses a rule on a path that does not exist (E1103)
run run_missing_path.pol -- /bin/true
