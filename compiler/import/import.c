/* polc_import_profile: read (read.c), interpret (model.c), write (write.c). */
#include <stdlib.h>
#include <string.h>

#include "fmt/fmt.h"
#include "import/import.h"

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
    else
        *pol_out = imp_write_pol(&ic, opts ? opts->policy_name : NULL);
    if (*pol_out)
        *pol_out = fmt_canonical(*pol_out);
    imp_std_free(&ic);
    return st;
}
