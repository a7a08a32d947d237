/* polc eval: what the policy does with one call, e.g.
 *   polc eval app.pol --arch x86_64 'socket(AF_INET, SOCK_STREAM, 0)'
 * The IR's verdict and the rule (file:line) that decided it, then the BPF
 * program run on the same input, with the instructions it executed. The two
 * must agree; a difference is a bug in polc and is reported as one. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "bpf/asm.h"
#include "bpf/interp.h"
#include "front/check.h"
#include "middle/ir.h"

bool resolve_value(polc_ctx *ctx, Expr *e, uint64_t *out);

typedef struct Call {
    char name[64];
    uint64_t args[6];
    int nargs;
} Call;

/* name(VALUE, ...) where VALUE is a number, a constant name, -VALUE or A|B. */
static bool parse_value(polc_ctx *ctx, const char **pp, uint64_t *out)
{
    const char *p = *pp;
    uint64_t acc = 0;
    for (;;) {
        while (isspace((unsigned char)*p))
            p++;
        bool neg = false;
        if (*p == '-')
            neg = true, p++;
        uint64_t v = 0;
        if (isdigit((unsigned char)*p)) {
            char *end;
            v = strtoull(p, &end, 0);
            p = end;
        } else if (isalpha((unsigned char)*p) || *p == '_') {
            char name[96];
            size_t n = 0;
            while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < sizeof name)
                name[n++] = *p++;
            name[n] = '\0';
            Expr e = {0};
            e.kind = EX_NAME;
            e.name = arena_strdup(&ctx->arena, name);
            e.span = SPAN_NONE;
            if (!resolve_value(ctx, &e, &v))
                return false;
        } else {
            diag_error(&ctx->diag, "E0800", SPAN_NONE, "cannot read the argument at `%s`", p);
            return false;
        }
        acc |= neg ? (uint64_t)0 - v : v;
        while (isspace((unsigned char)*p))
            p++;
        if (*p != '|')
            break;
        p++;
    }
    *pp = p;
    *out = acc;
    return true;
}

static bool parse_call(polc_ctx *ctx, const char *text, Call *c)
{
    memset(c, 0, sizeof *c);
    const char *p = text;
    while (isspace((unsigned char)*p))
        p++;
    size_t n = 0;
    while ((isalnum((unsigned char)*p) || *p == '_') && n + 1 < sizeof c->name)
        c->name[n++] = *p++;
    while (isspace((unsigned char)*p))
        p++;
    if (n == 0 || (*p != '(' && *p != '\0')) {
        Diag *g = diag_error(&ctx->diag, "E0800", SPAN_NONE, "expected a call such as `socket(AF_INET, SOCK_STREAM, 0)`, not `%s`", text);
        diag_help(&ctx->diag, g, "arguments are numbers or constant names, combined with `|`");
        return false;
    }
    if (*p == '\0')
        return true;
    p++;
    while (isspace((unsigned char)*p))
        p++;
    while (*p && *p != ')') {
        if (c->nargs == 6) {
            diag_error(&ctx->diag, "E0800", SPAN_NONE, "a syscall has at most six arguments");
            return false;
        }
        if (!parse_value(ctx, &p, &c->args[c->nargs++]))
            return false;
        if (*p == ',')
            p++;
        else if (*p != ')') {
            diag_error(&ctx->diag, "E0800", SPAN_NONE, "expected `,` or `)` at `%s`", p);
            return false;
        }
    }
    if (*p != ')') {
        diag_error(&ctx->diag, "E0800", SPAN_NONE, "missing `)` in `%s`", text);
        return false;
    }
    return true;
}

typedef struct Trace {
    VEC(size_t) pcs;
    Arena *arena;
} Trace;

static void on_insn(void *vt, size_t pc, const struct sock_filter *insn, uint32_t a, uint32_t x)
{
    (void)insn, (void)a, (void)x;
    Trace *t = vt;
    VEC_PUSH(t->arena, t->pcs, pc);
}

polc_status polc_eval(polc_ctx *ctx, const char *arch_name, const char *call_text, char **report)
{
    *report = NULL;
    if (!ctx->compiled)
        return POLC_EINPUT;
    ArchId arch = ARCH_X86_64;
    if (arch_name && !arch_from_name(arch_name, &arch)) {
        diag_error(&ctx->diag, "E0217", SPAN_NONE, "unknown architecture `%s`", arch_name);
        return POLC_EUSAGE;
    }
    if (!arch_name) {
        /* the first target arch */
        for (size_t i = 0; i < ctx->policy.ir->arches.len; i++) {
            arch = ctx->policy.ir->arches.items[0].arch;
            break;
        }
    }
    if (!syscalldb_load_arch(&ctx->policy.db, &ctx->arena, &ctx->diag, &ctx->sm, arch, stdlib_locate, ctx))
        return POLC_EUSAGE;
    Call c;
    if (!parse_call(ctx, call_text, &c))
        return POLC_EUSAGE;
    uint32_t nr;
    const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, arch, c.name);
    if (e) {
        nr = e->nr;
    } else if (isdigit((unsigned char)c.name[0])) {
        nr = (uint32_t)strtoul(c.name, NULL, 0);
    } else {
        Diag *g = diag_error(&ctx->diag, "E0210", SPAN_NONE, "unknown syscall `%s` on %s", c.name,
                             arch_info(arch)->name);
        const char *near = syscalldb_closest(&ctx->policy.db, 1u << arch, c.name);
        if (near)
            diag_help(&ctx->diag, g, "did you mean `%s`?", near);
        return POLC_EUSAGE;
    }
    const char *why;
    uint64_t caps = bpf_chosen_caps(&ctx->policy, &ctx->opt.backend, &why);
    IrVerdict v = ir_eval(&ctx->policy, arch, nr, c.args, caps);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s(", c.name);
    for (int i = 0; i < c.nargs; i++)
        sb_printf(&sb, "%s%#llx", i ? ", " : "", (unsigned long long)c.args[i]);
    sb_printf(&sb, ") on %s, syscall %u, capabilities: %s\n", arch_info(arch)->name, nr, why);
    sb_printf(&sb, "action: %s\n", action_str(&ctx->policy, &ctx->arena, v.action));
    if (v.rule >= 0) {
        const Rule *r = ctx->policy.rules.items[v.rule];
        const SourceFile *f = source_get(&ctx->sm, r->file);
        unsigned line, col;
        source_linecol(f, r->span.start, &line, &col);
        size_t len;
        const char *text = source_line(f, line, &len);
        while (len && isspace((unsigned char)*text))
            text++, len--;
        sb_printf(&sb, "decided by: %s  %.*s\n", r->loc, (int)len, text);
    } else if (v.rule == IR_RULE_BAD_ARCH) {
        sb_puts(&sb, "decided by: the policy does not target this ABI\n");
    } else {
        sb_puts(&sb, "decided by: the default (no rule matches)\n");
    }
    /* the same input through polc's BPF */
    BpfProgram p;
    BackendRun run = compile_backend_run(ctx);
    if (!bpf_generate(&run, caps, &p)) {
        sb_free(&sb);
        diag_error(&ctx->diag, "E0499", SPAN_NONE, "internal error: BPF generation failed");
        return POLC_EINPUT;
    }
    struct seccomp_data d = {(int)nr, arch_info(arch)->audit, 0, {0}};
    for (int i = 0; i < 6; i++)
        d.args[i] = c.args[i];
    Trace t = {{0}, &ctx->arena};
    BpfResult br = bpf_run_trace(p.insns, p.len, &d, on_insn, &t);
    char rb[64];
    sb_printf(&sb, "BPF: %s after %zu instructions:\n", bpf_describe_ret(br.ret, rb, sizeof rb), br.executed);
    for (size_t i = 0; i < t.pcs.len; i++) {
        bpf_format_insn(&run, &p, t.pcs.items[i], &sb);
        sb_putc(&sb, '\n');
    }
    bool agree = v.rule == IR_RULE_BAD_ARCH
                     ? (br.ret & SECCOMP_RET_ACTION_FULL) == SECCOMP_RET_KILL_PROCESS
                     : br.ret == ir_action_ret(v.action);
    *report = sb_take(&sb);
    if (!agree) {
        diag_error(&ctx->diag, "E0499", SPAN_NONE, "internal error: the IR and the BPF program disagree on this call");
        return POLC_EINPUT;
    }
    return POLC_OK;
}
