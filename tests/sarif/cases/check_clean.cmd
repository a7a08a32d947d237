tests/lint/cases
--check --diagnostics-format sarif clean.pol
