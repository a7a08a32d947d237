tests/sarif/inputs
diff --diagnostics-format sarif ../../lint/cases/clean.pol unknown.pol
