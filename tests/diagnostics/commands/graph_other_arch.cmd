# polc graph --arch names an arch the policy does not target (E1002)
graph --arch s390x output.pol
