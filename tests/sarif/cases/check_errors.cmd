tests/sarif/inputs
--check --diagnostics-format sarif unknown.pol broken.pol ../../lint/cases/clean.pol
