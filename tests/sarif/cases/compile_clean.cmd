tests/lint/cases
-o /tmp/polc-sarif-compile-out --diagnostics-format sarif clean.pol
