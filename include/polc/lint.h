/* polc lint and polc explain: reviewing a compiled policy (see docs/lint.md).
 * Companion of polc.h; call after polc_compile_file returned POLC_OK. */
#ifndef POLC_LINT_H
#define POLC_LINT_H

#include <stddef.h>

#include "polc/polc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Run the lint checks: each finding becomes a warning with an L01xx code in
 * the diagnostics (polc_render_diagnostics). Afterwards every warning, the
 * compiler's own included, is dropped when its code is in allow[] or a
 * `# polc: allow CODE` comment sits on a line of its span. Returns the number
 * of warnings left. */
size_t polc_lint(polc_ctx *ctx, const char *const *allow, size_t nallow);

/* After polc_lint, for a CI gate: drops the warnings below min_severity
 * (0 low, 1 medium, 2 high: docs/lint.md) and, when baseline is a linted
 * compilation of the old policy, those it has too (the same code and
 * message; lines may have moved). Returns the number of warnings left. */
size_t polc_lint_gate(polc_ctx *ctx, const polc_ctx *baseline, int min_severity);

/* A plain-language summary of the policy for a reviewer: the default, what is
 * allowed (by systemd group), argument conditions in words, dangerous
 * permissions, the non-syscall sections, and per back end what it enforces
 * and what it cannot. json: one JSON object instead of text. malloc'd. */
polc_status polc_explain(polc_ctx *ctx, int json, char **out);

#ifdef __cplusplus
}
#endif
#endif
