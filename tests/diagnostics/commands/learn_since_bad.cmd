# polc learn --since with a time polc learn does not understand (E0909)
learn --color=never --since yesterday learn_workload.log
