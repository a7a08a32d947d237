# polc load: the AppArmor interface directory does not exist (E0806)
load --apparmorfs no-such-apparmorfs output.pol
