tests/lint/cases
lint --diagnostics-format sarif sigreturn.pol caps_added.pol clean.pol
