tests/diff/cases/paths-network
diff --diagnostics-format sarif old.pol new.pol
