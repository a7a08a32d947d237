/* The public entry points of polc diff and polc graph (include/polc/polc.h). */
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "review/graph.h"
#include "review/review.h"
#include "util/sarif.h"

static bool is_policy_path(const char *path)
{
    size_t n = strlen(path);
    return strcmp(path, "-") == 0 || (n >= 4 && strcmp(path + n - 4, ".pol") == 0);
}

static bool has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), m = strlen(suffix);
    return n >= m && strcmp(path + n - m, suffix) == 0;
}

polc_status polc_compile_any(polc_ctx *ctx, const char *path)
{
    if (is_policy_path(path))
        return polc_compile_file(ctx, path, NULL);
    if (has_suffix(path, ".bpf")) {
        char *pol = polc_lift_bpf(ctx, path);
        if (!pol)
            return POLC_EINPUT;
        ctx->artifact = "BPF program"; /* before compiling: no warnings meant for an author (W0006) */
        polc_status st = polc_compile_buffer(ctx, arena_printf(&ctx->arena, "%s (lifted)", path), pol, strlen(pol));
        free(pol);
        return st;
    }
    ctx->artifact = "seccomp profile";
    polc_import_options io = {NULL, ctx->opt.arch_override};
    char *pol = NULL;
    polc_status st = polc_import_profile(ctx, path, &io, &pol);
    if (st == POLC_OK)
        st = polc_compile_buffer(ctx, arena_printf(&ctx->arena, "%s (imported)", path), pol, strlen(pol));
    free(pol);
    return st;
}

polc_status polc_diff(polc_ctx *old_ctx, polc_ctx *new_ctx, const polc_diff_options *opts, char **report,
                      int *more_permissive)
{
    *report = NULL;
    *more_permissive = 0;
    if (!old_ctx->compiled || !new_ctx->compiled)
        return POLC_EINPUT;
    PolicyDiff d;
    memset(&d, 0, sizeof d);
    d.old_label = opts && opts->old_label ? opts->old_label : "old";
    d.new_label = opts && opts->new_label ? opts->new_label : "new";
    d.exact = opts && opts->exact;
    d.verbose = opts && opts->verbose;
    if (!diff_policies(old_ctx, new_ctx, &d))
        return POLC_EINPUT;
    StrBuf sb;
    sb_init(&sb);
    if (opts && opts->sarif) {
        SarifLog log;
        sarif_init(&log, NULL);
        diff_render_sarif(&d, &log);
        char *s = sarif_render(&log, polc_version());
        sb_puts(&sb, s);
        free(s);
    } else if (opts && opts->json)
        diff_render_json(&d, &sb);
    else
        diff_render_text(&d, opts && opts->color, &sb);
    *report = sb_take(&sb);
    *more_permissive = d.exact ? d.counts[DIFF_WIDENED] + d.counts[DIFF_NARROWED] + d.counts[DIFF_OTHER] != 0
                               : d.counts[DIFF_WIDENED] != 0;
    return POLC_OK;
}

polc_status polc_graph_with(polc_ctx *ctx, const polc_graph_options *opts, char **out)
{
    polc_graph_options o = opts ? *opts : (polc_graph_options){NULL, POLC_GRAPH_REVIEW, 0, 0};
    *out = NULL;
    if (!ctx->compiled)
        return POLC_EINPUT;
    if (o.json && o.view == POLC_GRAPH_RANGES)
        return POLC_EUSAGE; /* the caller's mistake: the range view is dot only (polc graph refuses the options) */
    StrBuf sb;
    sb_init(&sb);
    GraphView g;
    bool ok;
    if (o.view == POLC_GRAPH_RANGES)
        ok = graph_ranges_dot(ctx, o.arch, &sb);
    else if ((ok = graph_build(ctx, o.arch, &g))) {
        if (o.json)
            graph_render_json(ctx, &g, &sb);
        else
            graph_render_dot(ctx, &g, o.verbose, &sb);
    }
    if (!ok) {
        sb_free(&sb);
        return POLC_EUSAGE;
    }
    *out = sb_take(&sb);
    return POLC_OK;
}

polc_status polc_graph(polc_ctx *ctx, const char *arch, char **dot)
{
    polc_graph_options o = {arch, POLC_GRAPH_REVIEW, 0, 0};
    return polc_graph_with(ctx, &o, dot);
}
