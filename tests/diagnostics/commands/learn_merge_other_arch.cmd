# polc learn --merge into a policy without the traced arch (W0705)
learn --arch x86_64 --color=never --merge merge_other_arch.pol merge.strace
