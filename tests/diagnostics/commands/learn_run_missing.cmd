# polc learn --run: CMD cannot be run, so nothing is recorded (E1122, polc run's E1109 as the note)
learn --run -- /nonexistent/cmd
