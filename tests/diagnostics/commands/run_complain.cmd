# polc run --complain --report FILE: FILE cannot be written (E1121), refused before CMD starts
run --complain --report /nonexistent-dir/report.json run_complain.pol -- /bin/true
