tests/lint/cases
lint --diagnostics-format sarif clean.pol
