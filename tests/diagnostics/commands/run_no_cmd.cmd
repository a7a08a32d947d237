# polc run: CMD that does not exist (E1109)
run run_base.pol -- /nonexistent/polc-run-cmd
