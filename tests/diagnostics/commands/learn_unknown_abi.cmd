# polc learn: an unknown syscall name (W0702) and calls in x86 mode (W0703) in an x86_64 trace
learn --arch x86_64 --color=never learn_mixed.strace
