/* The resources section: each entry's value, as written, becomes a typed
 * limit of Policy.resources (docs/language.md, "Resources"). Every value
 * is judged here, so back ends and polc run read numbers they can trust. */
#include "front/resolve_resources.h"

#include <string.h>

#define KIB 1024ull
/* The ranges (docs/language.md, "Resources"): Docker refuses less memory
 * than 6 MiB; the kernel's shortest CFS quota is 1 ms of a 100 ms period
 * (cpus 0.01); no kernel runs more than PID_MAX_LIMIT tasks; fs.nr_open
 * cannot exceed 1073741816. */
#define MEMORY_MIN (6 * KIB * KIB)
#define MEMORY_MAX (KIB * KIB * KIB * KIB * KIB * KIB) /* 1048576TiB */
#define CPUS_MIN 10       /* thousandths */
#define CPUS_MAX 4096000  /* 4096 CPUs */
#define PIDS_MAX 4194304ull
#define NOFILE_MAX 1073741816ull
#define NPROC_MAX 4194304ull

static const char *const key_names[] = {"pids", "memory", "memory-swap", "cpus", "nofile", "nproc"};

static const char *value_text(polc_ctx *ctx, const Stmt *it)
{
    const char *v = it->str ? it->str : arena_printf(&ctx->arena, "%llu", (unsigned long long)it->n1);
    if (it->has_n2)
        v = arena_printf(&ctx->arena, "%s:%llu", v, (unsigned long long)it->n2);
    return it->negated ? arena_printf(&ctx->arena, "-%s", v) : v;
}

static bool out_of_range(polc_ctx *ctx, const Stmt *it, const char *range, const char *help)
{
    Diag *g = diag_error(&ctx->diag, "E0321", it->n1_span, "`%s %s` is out of range (%s)", key_names[it->sub],
                         value_text(ctx, it), range);
    if (help)
        diag_help(&ctx->diag, g, "%s", help);
    return false;
}

static bool wrong_form(polc_ctx *ctx, const Stmt *it, const char *want, const char *help)
{
    Diag *g = diag_error(&ctx->diag, "E0320", it->n1_span, "`%s` takes %s, not `%s`", key_names[it->sub], want,
                         value_text(ctx, it));
    if (help)
        diag_help(&ctx->diag, g, "%s", help);
    return false;
}

/* `512MiB`, `1.5GiB`: a decimal number of a binary unit, a whole number of bytes. */
static bool parse_size(polc_ctx *ctx, const Stmt *it, uint64_t *out)
{
    static const char help[] = "sizes are a number and one of B, KiB, MiB, GiB, TiB (powers of 1024), "
                               "e.g. `512MiB`; Docker's `512m` is `512MiB`";
    if (!it->str)
        return wrong_form(ctx, it, "a size with its unit", help);
    const char *p = it->str;
    uint64_t whole = 0, frac = 0, frac_scale = 1;
    bool big = false;
    for (; (*p >= '0' && *p <= '9') || *p == '_'; p++) {
        if (*p == '_')
            continue;
        if (whole > (UINT64_MAX - 9) / 10)
            big = true;
        else
            whole = whole * 10 + (uint64_t)(*p - '0');
    }
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (frac_scale >= 1000000000000ull) /* more decimals than any unit has bytes to give */
                return wrong_form(ctx, it, "a size of whole bytes", "write it in a smaller unit");
            frac = frac * 10 + (uint64_t)(*p - '0');
            frac_scale *= 10;
        }
    }
    static const struct {
        const char *name;
        uint64_t bytes;
    } units[] = {{"B", 1}, {"KiB", KIB}, {"MiB", KIB * KIB}, {"GiB", KIB * KIB * KIB},
                 {"TiB", KIB * KIB * KIB * KIB}};
    uint64_t unit = 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(p, units[i].name) == 0)
            unit = units[i].bytes;
    if (!unit) {
        Diag *g = diag_error(&ctx->diag, "E0320", it->n1_span, "unknown unit `%s` in `%s %s`", p,
                             key_names[it->sub], value_text(ctx, it));
        diag_help(&ctx->diag, g, "%s", help);
        return false;
    }
    if ((frac * unit) % frac_scale)
        return wrong_form(ctx, it, "a size of whole bytes", "write it in a smaller unit");
    uint64_t bytes = whole * unit, part = frac * unit / frac_scale;
    if (big || (unit && whole > UINT64_MAX / unit) || bytes > UINT64_MAX - part)
        return out_of_range(ctx, it, "at most 1048576TiB", NULL);
    *out = bytes + part;
    return true;
}

/* `1.5`, `2`: thousandths of a CPU. */
static bool parse_cpus(polc_ctx *ctx, const Stmt *it, uint64_t *out)
{
    static const char range[] = "0.01 to 4096: the kernel's shortest quota is 1 ms per 100 ms";
    if (it->has_n2 || (it->str && strchr(it->str, '.') == NULL))
        return wrong_form(ctx, it, "a decimal number of CPUs, e.g. `1.5`",
                          "Kubernetes' `1500m` is `cpus 1.5`");
    uint64_t whole = it->n1, frac = 0;
    if (it->str) {
        const char *p = it->str, *dot = strchr(p, '.');
        size_t decimals = strcspn(dot + 1, ".");
        if (dot[1 + decimals] != '\0' || dot[1 + strspn(dot + 1, "0123456789")] != '\0')
            return wrong_form(ctx, it, "a decimal number of CPUs, e.g. `1.5`", "Kubernetes' `1500m` is `cpus 1.5`");
        if (decimals > 3) {
            Diag *g = diag_error(&ctx->diag, "E0322", it->n1_span, "`cpus %s` has more than 3 decimals", p);
            diag_help(&ctx->diag, g, "cpus counts thousandths of a CPU (Kubernetes' millicores), e.g. `0.125`");
            return false;
        }
        whole = 0;
        for (; p < dot; p++) {
            if (whole > CPUS_MAX)
                break;
            whole = whole * 10 + (uint64_t)(*p - '0');
        }
        for (size_t i = 0; i < 3; i++)
            frac = frac * 10 + (i < decimals ? (uint64_t)(dot[1 + i] - '0') : 0);
    }
    if (it->negated || whole > CPUS_MAX / 1000 || whole * 1000 + frac > CPUS_MAX || whole * 1000 + frac < CPUS_MIN) {
        Diag *g = diag_error(&ctx->diag, "E0322", it->n1_span, "`cpus %s` is out of range (%s)", value_text(ctx, it),
                             range);
        diag_help(&ctx->diag, g, "leave cpus out for no limit");
        return false;
    }
    *out = whole * 1000 + frac;
    return true;
}

/* pids, and each half of nofile/nproc: a whole number from 1 to max. */
static bool parse_count(polc_ctx *ctx, const Stmt *it, uint64_t max, bool pair_ok)
{
    if (it->str || (it->has_n2 && !pair_ok))
        return wrong_form(ctx, it, pair_ok ? "a whole number or SOFT:HARD" : "a whole number", NULL);
    const char *range = arena_printf(&ctx->arena, "1 to %llu", (unsigned long long)max);
    if (it->negated || it->n1 == 0 || it->n1 > max || (it->has_n2 && (it->n2 == 0 || it->n2 > max)))
        return out_of_range(ctx, it, range, "leave the entry out for the runtime's own limit");
    return true;
}

static void limit_set(ResourceLimit *l, uint64_t v, Span span)
{
    l->set = true;
    l->value = v;
    l->span = span;
}

static void rlimit_set(polc_ctx *ctx, RlimitPair *r, const Stmt *it)
{
    uint64_t hard = it->has_n2 ? it->n2 : it->n1;
    if (it->n1 > hard) {
        Diag *g = diag_error(&ctx->diag, "E0323", it->n1_span, "soft limit %llu is above the hard limit %llu",
                             (unsigned long long)it->n1, (unsigned long long)hard);
        diag_help(&ctx->diag, g, "write SOFT:HARD with SOFT <= HARD, or one number for both");
        return;
    }
    r->set = true;
    r->soft = it->n1;
    r->hard = hard;
    r->span = it->span;
}

static Span entry_span(const Policy *p, ResKey k)
{
    switch (k) {
    case RES_PIDS: return p->resources.pids.span;
    case RES_MEMORY: return p->resources.memory.span;
    case RES_MEMORY_SWAP: return p->resources.memory_swap.span;
    case RES_CPUS: return p->resources.cpus.span;
    case RES_NOFILE: return p->resources.nofile.span;
    case RES_NPROC: return p->resources.nproc.span;
    }
    return SPAN_NONE;
}

static bool entry_given(const Policy *p, ResKey k)
{
    switch (k) {
    case RES_PIDS: return p->resources.pids.set;
    case RES_MEMORY: return p->resources.memory.set;
    case RES_MEMORY_SWAP: return p->resources.memory_swap.set;
    case RES_CPUS: return p->resources.cpus.set;
    case RES_NOFILE: return p->resources.nofile.set;
    case RES_NPROC: return p->resources.nproc.set;
    }
    return false;
}

static void resolve_entry(polc_ctx *ctx, const Stmt *it)
{
    Policy *p = &ctx->policy;
    ResKey k = (ResKey)it->sub;
    if (entry_given(p, k)) {
        Diag *g = diag_error(&ctx->diag, "E0325", it->span, "`%s` is given twice", key_names[k]);
        diag_note(&ctx->diag, g, entry_span(p, k), "the first `%s` is here", key_names[k]);
        return;
    }
    uint64_t v = 0;
    switch (k) {
    case RES_PIDS:
        if (parse_count(ctx, it, PIDS_MAX, false))
            limit_set(&p->resources.pids, it->n1, it->span);
        break;
    case RES_MEMORY:
    case RES_MEMORY_SWAP:
        if (!parse_size(ctx, it, &v))
            break;
        if (it->negated || v < MEMORY_MIN || v > MEMORY_MAX) {
            out_of_range(ctx, it, "6MiB to 1048576TiB", "Docker refuses memory limits below 6 MiB");
            break;
        }
        limit_set(k == RES_MEMORY ? &p->resources.memory : &p->resources.memory_swap, v, it->span);
        break;
    case RES_CPUS:
        if (parse_cpus(ctx, it, &v))
            limit_set(&p->resources.cpus, v, it->span);
        break;
    case RES_NOFILE:
    case RES_NPROC:
        if (parse_count(ctx, it, k == RES_NOFILE ? NOFILE_MAX : NPROC_MAX, true))
            rlimit_set(ctx, k == RES_NOFILE ? &p->resources.nofile : &p->resources.nproc, it);
        break;
    }
}

void resolve_resources_section(polc_ctx *ctx, const Stmt *s)
{
    Policy *p = &ctx->policy;
    if (p->resources.declared) {
        Diag *g = diag_error(&ctx->diag, "E0325", s->span, "a second `resources` section");
        diag_note(&ctx->diag, g, p->resources.span, "the first `resources` section is here");
        diag_help(&ctx->diag, g, "a compilation has one resources section, its includes' included: merge them");
        return;
    }
    p->resources.declared = true;
    p->resources.span = s->span;
    bool memory_written = false; /* a bad memory entry is reported once, not again by memory-swap */
    for (size_t i = 0; i < s->body.len; i++) {
        resolve_entry(ctx, s->body.items[i]);
        memory_written |= s->body.items[i]->sub == RES_MEMORY;
    }
    /* Docker's --memory-swap is memory plus swap: it needs --memory and cannot be below it */
    const ResourceLimit *m = &p->resources.memory, *ms = &p->resources.memory_swap;
    if (ms->set && !m->set && !memory_written) {
        Diag *g = diag_error(&ctx->diag, "E0324", ms->span, "`memory-swap` without `memory`");
        diag_help(&ctx->diag, g, "memory-swap is memory plus swap (as Docker's --memory-swap): give `memory` too");
    } else if (ms->set && m->set && ms->value < m->value) {
        Diag *g = diag_error(&ctx->diag, "E0324", ms->span, "`memory-swap` is below `memory`");
        diag_note(&ctx->diag, g, m->span, "memory is limited here");
        diag_help(&ctx->diag, g, "memory-swap is memory plus swap: equal to memory for no swap at all");
    }
}
