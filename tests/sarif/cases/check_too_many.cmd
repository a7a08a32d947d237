tests/diagnostics/cases
--check --diagnostics-format=sarif too_many_errors.pol
