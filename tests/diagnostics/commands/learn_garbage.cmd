# polc learn: an input with no recognisable line (W0701) and so no syscall (E0704)
learn --arch x86_64 --color=never learn_garbage.txt
