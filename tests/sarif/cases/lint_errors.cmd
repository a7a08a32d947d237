tests/sarif/inputs
lint --diagnostics-format sarif unknown.pol
