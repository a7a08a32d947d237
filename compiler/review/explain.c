#include "lint.h"
bool review_explain(polc_ctx *ctx, bool json, StrBuf *out) { (void)ctx; (void)json; sb_puts(out, "todo\n"); return true; }
