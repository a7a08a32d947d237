# polc diff: argument regions past 4096 terms stop the comparison (E1001)
diff --color never diff_old.pol diff_new.pol
