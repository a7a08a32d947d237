# Breaks net_reads.pol three ways (a bind and a connect to a port it does not
# list, a read outside its read rules) and keeps it three ways (port 8080, a
# UDP socket Landlock does not check, a listed file). Run in a network
# namespace of the test's own: complain_test.sh net_reads.
import socket
import sys

work = sys.argv[1]
keep = socket.socket()
keep.bind(("127.0.0.1", 8080))
keep.listen()
other = socket.socket()
other.bind(("127.0.0.1", 8081))  # would deny: bind 8081
other.listen()
for port in (8080, 8081):  # would deny: connect 8081
    c = socket.socket()
    c.connect(("127.0.0.1", port))
    c.close()
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", 9999))  # UDP: not Landlock's business
with open(work + "/inside/ok.txt") as f:
    f.read()
with open(work + "/outside/secret.txt") as f:  # would deny: read confinement
    f.read()
try:  # a missing file fails with ENOENT before Landlock: not a finding
    open(work + "/outside/missing.txt")
except FileNotFoundError:
    pass
print("done")
