/* polc lint and polc explain: what a reviewer should look at in a compiled
 * policy. Both read the IR (sets, constants and includes already seen
 * through) and the model fields of polc_ctx; neither prints. */
#ifndef POLC_REVIEW_LINT_H
#define POLC_REVIEW_LINT_H
#include <stdbool.h>
#include <stddef.h>

#include "compile.h"
#include "middle/cond.h"
#include "middle/ir.h"
#include "backend/backend.h"

/* ---- dangerous.c: the tables, one reason per entry ---- */
typedef struct DangerousSyscall {
    const char *name;
    const char *reason; /* why an unconditional allow is a risk */
} DangerousSyscall;
extern const DangerousSyscall review_dangerous_syscalls[];
const DangerousSyscall *review_dangerous_syscall(const char *name);

typedef struct DangerousCap {
    const char *name; /* without CAP_ */
    const char *reason;
} DangerousCap;
extern const DangerousCap review_dangerous_caps[];
const DangerousCap *review_dangerous_cap(const char *name);

/* Syscalls that reach the same kernel operation: denying one and allowing
 * another leaves the operation open. NULL-terminated member lists. */
typedef struct EquivGroup {
    const char *what;
    const char *names[8];
} EquivGroup;
extern const EquivGroup review_equiv_groups[];

/* Namespace flags of clone(2)/unshare(2), by name (CLONE_NEWUSER ...). */
typedef struct NsFlag {
    const char *name;
    uint64_t bit;
} NsFlag;
extern const NsFlag review_ns_flags[];

/* ---- allowed.c: what a syscall may do on one arch ---- */
/* An action that lets the call run (allow, log). */
bool review_action_allows(Action a);
typedef struct Allowed {
    bool exists;     /* the syscall is in the arch's table */
    Dnf region;      /* inputs that run (allow or log) */
    int rule;        /* a rule that allows some input; IR_RULE_DEFAULT: the default */
    bool by_default; /* some input runs because of the default action */
} Allowed;
/* Under the policy's own capability set (ctx->policy.caps.effective). */
Allowed review_allowed(polc_ctx *ctx, CondCtx *cc, ArchId arch, const char *name);
/* The syscall is named by an unconditional rule whose action does not allow
 * it, on this arch, without a capability requirement; returns the rule. */
const Rule *review_explicit_deny(const polc_ctx *ctx, ArchId arch, const char *name);
/* Index of argument `argname` of `sysname` on arch, -1 if unknown. */
int review_arg_index(const polc_ctx *ctx, const char *sysname, ArchId arch, const char *argname);
/* The span a finding about something missing points at: the root file's
 * `policy` statement (or its first statement), or the given section. */
Span review_anchor(const polc_ctx *ctx, StmtKind section);
/* The target arches, in ArchId order. */
size_t review_arches(const polc_ctx *ctx, ArchId out[ARCH__COUNT]);

/* ---- lint.c ---- */
typedef struct LintNote {
    Span span; /* may be SPAN_NONE */
    const char *msg;
} LintNote;

typedef struct LintFinding {
    const char *code; /* "L0101" */
    Span span;
    const char *msg;
    const char *help;
    VEC(LintNote) notes;
} LintFinding;

typedef VEC(LintFinding *) LintFindings;

/* Every check on a compiled policy (ctx->compiled), in a stable order. */
void review_lint(polc_ctx *ctx, LintFindings *out);
/* A diagnostic with this code and span is silenced by a
 * `# polc: allow CODE[, CODE...]` comment on a line of the span. */
bool review_silenced_in_source(const polc_ctx *ctx, Span span, const char *code);

/* ---- lint_codes.c: docs/lint.md's table; NULL for a code not in it ---- */
const char *lint_code_meaning(const char *code);
/* docs/lint.md's severities ("Severity and baseline"); LINT_MEDIUM for a
 * code not in the table (the compiler's warnings). */
typedef enum LintSeverity { LINT_LOW, LINT_MEDIUM, LINT_HIGH } LintSeverity;
LintSeverity lint_code_severity(const char *code);

/* ---- explain.c ---- */
bool review_explain(polc_ctx *ctx, bool json, StrBuf *out);

#endif
