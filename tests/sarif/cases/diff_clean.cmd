tests/diff/cases/narrowing-only
diff --diagnostics-format sarif old.pol new.pol
