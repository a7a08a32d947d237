/* polc --dump-ast: the syntax tree, one node per line, with spans. Without
 * spans it is what polc fmt compares before and after formatting: every
 * field that carries meaning is printed. */
#include "front/ast.h"
#include "compile.h"

static void dump_expr(StrBuf *sb, const Expr *e, int depth, bool spans);

/* --dump-ast indents; the span-free dump (compared by polc fmt) writes the
 * depth as a number, so that a chain of 20000 `|` stays linear in size. */
static void indent(StrBuf *sb, int depth, bool spans)
{
    if (!spans) {
        sb_printf(sb, "%d ", depth);
        return;
    }
    for (int i = 0; i < depth; i++)
        sb_puts(sb, "  ");
}

static void dump_span(StrBuf *sb, Span sp, bool spans)
{
    if (spans)
        sb_printf(sb, " @%u..%u", sp.start, sp.end);
}

static void dump_expr(StrBuf *sb, const Expr *e, int depth, bool spans)
{
    static const char *const kinds[] = {"num", "name", "neg", "bitnot", "bitor", "shl", "cmp",
                                        "maskcmp", "bittest", "in", "and", "or", "not"};
    static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
    indent(sb, depth, spans);
    sb_puts(sb, kinds[e->kind]);
    dump_span(sb, e->span, spans);
    if (e->kind == EX_NUM)
        sb_printf(sb, " %llu", (unsigned long long)e->num);
    if (e->name)
        sb_printf(sb, " %s", e->name);
    if (e->kind == EX_CMP || e->kind == EX_MASKCMP)
        sb_printf(sb, " %s", ops[e->op]);
    if (e->kind == EX_IN && e->negated)
        sb_puts(sb, " negated");
    sb_putc(sb, '\n');
    if (e->a) dump_expr(sb, e->a, depth + 1, spans);
    if (e->b) dump_expr(sb, e->b, depth + 1, spans);
    if (e->c) dump_expr(sb, e->c, depth + 1, spans);
    for (size_t i = 0; i < e->list.len; i++)
        dump_expr(sb, e->list.items[i], depth + 1, spans);
}

static void dump_stmts(StrBuf *sb, const StmtList *l, int depth, bool spans);

static void dump_stmt(StrBuf *sb, const Stmt *s, int depth, bool spans)
{
    static const char *const kinds[] = {"policy", "include", "arch", "default", "const", "capability",
                                        "set", "syscalls", "rule", "when-capability", "when-arch",
                                        "capabilities", "cap-item", "filesystem", "fs-item", "network",
                                        "net-item", "process", "proc-item", "mode",
                                        "resources", "res-item"};
    indent(sb, depth, spans);
    sb_puts(sb, kinds[s->kind]);
    dump_span(sb, s->span, spans);
    if (s->negated)
        sb_puts(sb, " not");
    if (s->name)
        sb_printf(sb, " %s", s->name);
    if (s->str)
        sb_printf(sb, " %s%s%s", s->angle ? "<" : "\"", s->str, s->angle ? ">" : "\"");
    if (s->kind == ST_DEFAULT || s->kind == ST_CAP_ITEM || s->kind == ST_FS_ITEM || s->kind == ST_NET_ITEM ||
        s->kind == ST_PROC_ITEM || s->kind == ST_RES_ITEM)
        sb_printf(sb, " sub=%d", s->sub);
    if (s->kind == ST_RULE || s->kind == ST_DEFAULT)
        sb_printf(sb, " action=%s", act_kind_name(s->action.kind));
    for (size_t i = 0; i < s->targets.len; i++)
        sb_printf(sb, " %s%s", s->targets.items[i].is_group ? "@" : "", s->targets.items[i].name);
    for (size_t i = 0; i < s->idents.len; i++)
        sb_printf(sb, " %s", s->idents.items[i].name);
    for (size_t i = 0; i < s->net.len; i++)
        sb_printf(sb, " %s/%s", s->net.items[i].family.name ? s->net.items[i].family.name : "*",
                  s->net.items[i].type.name ? s->net.items[i].type.name : "*");
    for (size_t i = 0; i < s->net.len; i++)
        for (size_t j = 0; j < s->net.items[i].ports.len; j++)
            sb_printf(sb, " port=%llu-%llu", (unsigned long long)s->net.items[i].ports.items[j].lo,
                      (unsigned long long)s->net.items[i].ports.items[j].hi);
    if (s->all)
        sb_puts(sb, " all");
    if ((s->kind == ST_PROC_ITEM && s->sub != PROC_NO_NEW_PRIVS && s->sub != PROC_SCOPE) ||
        (s->kind == ST_RES_ITEM && !s->str)) {
        if (s->n1_word)
            sb_printf(sb, " %s", s->n1_word);
        else
            sb_printf(sb, " %llu", (unsigned long long)s->n1);
    }
    if (s->has_n2 && s->n2_word)
        sb_printf(sb, ":%s", s->n2_word);
    else if (s->has_n2)
        sb_printf(sb, ":%llu", (unsigned long long)s->n2);
    sb_putc(sb, '\n');
    if (s->action.arg)
        dump_expr(sb, s->action.arg, depth + 1, spans);
    if (s->expr)
        dump_expr(sb, s->expr, depth + 1, spans);
    if (s->kind != ST_INCLUDE)
        dump_stmts(sb, &s->body, depth + 1, spans);
}

static void dump_stmts(StrBuf *sb, const StmtList *l, int depth, bool spans)
{
    for (size_t i = 0; i < l->len; i++)
        dump_stmt(sb, l->items[i], depth, spans);
}

void ast_dump_stmts(StrBuf *sb, const StmtList *stmts, bool spans)
{
    dump_stmts(sb, stmts, 0, spans);
}

/* Only the root file's statements: included files are listed, not expanded. */
char *polc_dump_ast(polc_ctx *ctx)
{
    StrBuf sb;
    sb_init(&sb);
    StmtList root = {0};
    for (size_t i = 0; i < ctx->front.stmts.len; i++)
        if (ctx->front.stmts.items[i]->file == ctx->policy.root_file)
            VEC_PUSH(&ctx->arena, root, ctx->front.stmts.items[i]);
    dump_stmts(&sb, &root, 0, true);
    return sb_take(&sb);
}
