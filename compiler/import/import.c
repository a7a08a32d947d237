/* polc_import_profile: read (read.c), interpret (model.c), write (write.c). */
#include <stdlib.h>
#include <string.h>

#include "fmt/fmt.h"
#include "import/import.h"

/* The entries as import kept them, for polc diff to name (compile.h). */
static void keep_entries(ImpCtx *ic)
{
    polc_ctx *ctx = ic->ctx;
    const char *slash = strrchr(ic->prof.path, '/');
    ctx->profile_name = arena_strdup(&ctx->arena, slash ? slash + 1 : ic->prof.path);
    for (size_t i = 0; i < ic->prof.rules.len; i++) {
        const ImpRule *r = &ic->prof.rules.items[i];
        if (r->dropped)
            continue;
        const char **names = arena_alloc(&ctx->arena, (r->names.len ? r->names.len : 1) * sizeof *names);
        size_t n = 0;
        for (size_t k = 0; k < r->names.len; k++)
            if (r->names.items[k])
                names[n++] = r->names.items[k];
        ProfileEntry e = {r->entry, names, n, {r->act.kind, r->act.data}, r->arch_mask, r->conds, r->nconds, r->conds_or};
        VEC_PUSH(&ctx->arena, ctx->profile_entries, e);
    }
}

polc_status polc_import_profile(polc_ctx *ctx, const char *path, const polc_import_options *opts, char **pol_out)
{
    *pol_out = NULL;
    ImpCtx ic;
    memset(&ic, 0, sizeof ic);
    ic.ctx = ctx;
    if (!imp_std_load(&ic)) {
        imp_std_free(&ic);
        return POLC_EUSAGE;
    }
    polc_status st = POLC_OK;
    if (!imp_read_profile(&ic, path))
        st = ctx->diag.nerrors && strcmp(ctx->diag.list.items[0]->code, "E0200") == 0 ? POLC_EUSAGE : POLC_EINPUT;
    else if (!imp_semantics(&ic, opts ? opts->arches : NULL))
        st = POLC_EUSAGE;
    else if (!imp_values_fit(&ic))
        st = POLC_EINPUT;
    else {
        *pol_out = imp_write_pol(&ic, opts ? opts->policy_name : NULL);
        keep_entries(&ic);
    }
    if (*pol_out)
        *pol_out = fmt_canonical(*pol_out);
    imp_std_free(&ic);
    return st;
}
