# polc learn --base with a name that is not a base preset (E0910)
learn --color=never --base runc,docker learn_workload.log
