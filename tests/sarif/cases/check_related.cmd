tests/diagnostics/cases
--check -t apparmor --diagnostics-format sarif aa_net_allow_in_deny.pol
