/* polc --dump-ast: the syntax tree, one node per line, with spans. */
#include "ast.h"
#include "compile.h"

static void dump_expr(StrBuf *sb, const Expr *e, int depth);

static void indent(StrBuf *sb, int depth)
{
    for (int i = 0; i < depth; i++)
        sb_puts(sb, "  ");
}

static void dump_expr(StrBuf *sb, const Expr *e, int depth)
{
    static const char *const kinds[] = {"num", "name", "neg", "bitnot", "bitor", "shl", "cmp",
                                        "maskcmp", "bittest", "in", "and", "or", "not"};
    static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
    indent(sb, depth);
    sb_printf(sb, "%s @%u..%u", kinds[e->kind], e->span.start, e->span.end);
    if (e->kind == EX_NUM)
        sb_printf(sb, " %llu", (unsigned long long)e->num);
    if (e->name)
        sb_printf(sb, " %s", e->name);
    if (e->kind == EX_CMP || e->kind == EX_MASKCMP)
        sb_printf(sb, " %s", ops[e->op]);
    if (e->kind == EX_IN && e->negated)
        sb_puts(sb, " negated");
    sb_putc(sb, '\n');
    if (e->a) dump_expr(sb, e->a, depth + 1);
    if (e->b) dump_expr(sb, e->b, depth + 1);
    if (e->c) dump_expr(sb, e->c, depth + 1);
    for (size_t i = 0; i < e->list.len; i++)
        dump_expr(sb, e->list.items[i], depth + 1);
}

static void dump_stmts(const polc_ctx *ctx, StrBuf *sb, const StmtList *l, int depth);

static void dump_stmt(const polc_ctx *ctx, StrBuf *sb, const Stmt *s, int depth)
{
    static const char *const kinds[] = {"policy", "include", "arch", "default", "const", "capability",
                                        "set", "syscalls", "rule", "when-capability", "when-arch",
                                        "capabilities", "cap-item", "filesystem", "fs-item", "network",
                                        "net-item", "process", "proc-item", "mode"};
    indent(sb, depth);
    sb_printf(sb, "%s @%u..%u", kinds[s->kind], s->span.start, s->span.end);
    if (s->negated)
        sb_puts(sb, " not");
    if (s->name)
        sb_printf(sb, " %s", s->name);
    if (s->str)
        sb_printf(sb, " \"%s\"", s->str);
    if (s->kind == ST_RULE || s->kind == ST_DEFAULT)
        sb_printf(sb, " action=%s", act_kind_name(s->action.kind));
    for (size_t i = 0; i < s->targets.len; i++)
        sb_printf(sb, " %s%s", s->targets.items[i].is_group ? "@" : "", s->targets.items[i].name);
    for (size_t i = 0; i < s->idents.len; i++)
        sb_printf(sb, " %s", s->idents.items[i].name);
    for (size_t i = 0; i < s->net.len; i++)
        sb_printf(sb, " %s/%s", s->net.items[i].family.name ? s->net.items[i].family.name : "*",
                  s->net.items[i].type.name ? s->net.items[i].type.name : "*");
    if (s->all)
        sb_puts(sb, " all");
    if (s->kind == ST_PROC_ITEM && s->sub != PROC_NO_NEW_PRIVS)
        sb_printf(sb, " %llu", (unsigned long long)s->n1);
    sb_putc(sb, '\n');
    if (s->action.arg)
        dump_expr(sb, s->action.arg, depth + 1);
    if (s->expr)
        dump_expr(sb, s->expr, depth + 1);
    if (s->kind != ST_INCLUDE)
        dump_stmts(ctx, sb, &s->body, depth + 1);
}

static void dump_stmts(const polc_ctx *ctx, StrBuf *sb, const StmtList *l, int depth)
{
    for (size_t i = 0; i < l->len; i++)
        dump_stmt(ctx, sb, l->items[i], depth);
}

/* Only the root file's statements: included files are listed, not expanded. */
char *polc_dump_ast(polc_ctx *ctx)
{
    StrBuf sb;
    sb_init(&sb);
    StmtList root = {0};
    for (size_t i = 0; i < ctx->stmts.len; i++)
        if (ctx->stmts.items[i]->file == ctx->root_file)
            VEC_PUSH(&ctx->arena, root, ctx->stmts.items[i]);
    dump_stmts(ctx, &sb, &root, 0);
    return sb_take(&sb);
}
