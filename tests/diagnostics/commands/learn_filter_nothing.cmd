# polc learn --comm that no audit record matches (W0903, then E0704)
learn --color=never --comm nobody learn_workload.log
