tests/diff/cases/arg-widening
diff --diagnostics-format sarif old.pol new.pol
