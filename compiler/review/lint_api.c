/* The public entry points of include/polc/lint.h. */
#include <stdlib.h>
#include <string.h>

#include "polc/lint.h"

#include "review/lint.h"

static bool in_list(const char *code, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] && code && strcmp(list[i], code) == 0)
            return true;
    return false;
}

size_t polc_lint(polc_ctx *ctx, const char *const *allow, size_t nallow)
{
    LintFindings found = {0};
    review_lint(ctx, &found);
    DiagEngine *d = &ctx->diag;
    for (size_t i = 0; i < found.len; i++) {
        const LintFinding *f = found.items[i];
        Diag *g = diag_warning(d, f->code, f->span, "%s", f->msg);
        for (size_t k = 0; k < f->notes.len; k++)
            diag_note(d, g, f->notes.items[k].span, "%s", f->notes.items[k].msg);
        if (f->help)
            diag_help(d, g, "%s", f->help);
    }
    /* silencing applies to every warning, the compiler's too */
    size_t kept = 0;
    for (size_t i = 0; i < d->list.len; i++) {
        Diag *g = d->list.items[i];
        if (g->sev == SEV_WARNING &&
            (in_list(g->code, allow, nallow) || review_silenced_in_source(ctx, g->span, g->code))) {
            d->nwarnings--;
            continue;
        }
        d->list.items[kept++] = g;
    }
    d->list.len = kept;
    return d->nwarnings;
}

static bool in_baseline(const polc_ctx *old, const Diag *g)
{
    for (size_t i = 0; old && i < old->diag.list.len; i++) {
        const Diag *o = old->diag.list.items[i];
        if (o->sev == SEV_WARNING && o->code && g->code && strcmp(o->code, g->code) == 0 && o->msg && g->msg &&
            strcmp(o->msg, g->msg) == 0)
            return true;
    }
    return false;
}

size_t polc_lint_gate(polc_ctx *ctx, const polc_ctx *baseline, int min_severity)
{
    DiagEngine *d = &ctx->diag;
    size_t kept = 0;
    for (size_t i = 0; i < d->list.len; i++) {
        Diag *g = d->list.items[i];
        if (g->sev == SEV_WARNING && ((int)lint_code_severity(g->code) < min_severity || in_baseline(baseline, g))) {
            d->nwarnings--;
            continue;
        }
        d->list.items[kept++] = g;
    }
    d->list.len = kept;
    return d->nwarnings;
}

polc_status polc_explain(polc_ctx *ctx, int json, char **out)
{
    *out = NULL;
    if (!ctx->compiled)
        return POLC_EINPUT;
    StrBuf sb;
    sb_init(&sb);
    if (!review_explain(ctx, json != 0, &sb)) {
        sb_free(&sb);
        return POLC_EINPUT;
    }
    *out = sb_take(&sb);
    return POLC_OK;
}
