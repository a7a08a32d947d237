/* Hover, completion, go-to-definition, document symbols and formatting,
 * answered from a document's latest compilation: the names are the ones
 * resolve used (syscall tables of the policy's arches, the stdlib's and the
 * policy's sets and constants), never a second parse of their own. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/keywords.h"
#include "lsp/document.h"

/* ---- the word under the cursor ---- */

static bool word_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '-'; }

/* The name at offset: a syscall, constant, keyword, or `@set` (with its @). */
static bool word_at(const LspDoc *d, size_t off, size_t *start, size_t *end)
{
    const char *t = d->text;
    size_t s = off, e = off;
    while (s > 0 && word_char(t[s - 1]))
        s--;
    while (e < d->len && word_char(t[e]))
        e++;
    if (s > 0 && t[s - 1] == '@')
        s--;
    if (s == e)
        return false;
    *start = s, *end = e;
    return true;
}

static char *dup_range(const char *t, size_t s, size_t e)
{
    char *w = malloc(e - s + 1);
    if (w) {
        memcpy(w, t + s, e - s);
        w[e - s] = '\0';
    }
    return w;
}

/* ---- hover ---- */

static const Signature *signature_of(const polc_ctx *ctx, const char *name)
{
    return syscalldb_signature(&ctx->policy.db, name);
}

static bool is_syscall(const polc_ctx *ctx, const char *name)
{
    for (int a = 0; a < ARCH__COUNT; a++)
        if ((ctx->policy.arch_mask & (1u << a)) && syscalldb_lookup(&ctx->policy.db, (ArchId)a, name))
            return true;
    return false;
}

static void source_line_of(const polc_ctx *ctx, Span sp, StrBuf *out)
{
    const SourceFile *f = source_get(&ctx->sm, sp.file);
    unsigned line, col;
    source_linecol(f, sp.start, &line, &col);
    size_t n;
    const char *text = source_line(f, line, &n);
    while (n && isspace((unsigned char)*text))
        text++, n--;
    sb_printf(out, "%s:%u: `%.*s`", f->name, line, (int)(n > 120 ? 120 : n), text);
}

static void hover_syscall(const polc_ctx *ctx, const char *name, StrBuf *md)
{
    const Signature *sig = signature_of(ctx, name);
    sb_printf(md, "```\n%s(", name);
    for (int i = 0; sig && i < sig->nargs; i++)
        sb_printf(md, "%s%s %s", i ? ", " : "", arg_type_name(sig->arg_types[i]), sig->arg_names[i]);
    sb_printf(md, ")\n```\n");
    /* the rules that name it; resolve records each target it expanded */
    Arena tmp;
    arena_init(&tmp);
    Arena *A = &tmp;
    size_t shown = 0;
    for (size_t r = 0; r < ctx->policy.rules.len; r++) {
        const Rule *rule = ctx->policy.rules.items[r];
        for (size_t t = 0; t < rule->targets.len; t++) {
            if (strcmp(rule->targets.items[t].name, name) != 0)
                continue;
            if (shown++ < 12) {
                sb_printf(md, "%s `%s`%s — ", shown == 1 ? "\nRules:\n\n*" : "*",
                          action_str(&ctx->policy, A, rule->action), rule->cond ? " with a condition" : "");
                source_line_of(ctx, rule->span, md);
                sb_putc(md, '\n');
            }
            break;
        }
    }
    if (shown > 12)
        sb_printf(md, "* … and %zu more\n", shown - 12);
    if (!shown && ctx->policy.have_default)
        sb_printf(md, "\nNo rule names it: the default decides, `%s`.\n",
                  action_str(&ctx->policy, A, ctx->policy.default_action));
    else if (ctx->policy.have_default)
        sb_printf(md, "\nWhat no rule matches: the default, `%s`. The most restrictive matching rule wins.\n",
                  action_str(&ctx->policy, A, ctx->policy.default_action));
    arena_release(&tmp);
}

static void hover_set(const polc_ctx *ctx, const SetDef *s, StrBuf *md)
{
    sb_printf(md, "`@%s`: %zu syscalls\n\n", s->name, s->expanded.len);
    for (size_t i = 0; i < s->expanded.len && i < 80; i++)
        sb_printf(md, "%s`%s`", i ? ", " : "", s->expanded.items[i].name);
    if (s->expanded.len > 80)
        sb_printf(md, ", … (%zu more)", s->expanded.len - 80);
    sb_printf(md, "\n\nDefined at ");
    source_line_of(ctx, s->span, md);
    sb_putc(md, '\n');
}

json_object *lsp_hover(const LspDoc *d, LspPos pos)
{
    const polc_ctx *ctx = d->names;
    size_t s, e;
    if (!ctx || !word_at(d, lsp_offset_of(d->text, d->len, pos), &s, &e))
        return NULL;
    char *w = dup_range(d->text, s, e);
    if (!w)
        return NULL;
    StrBuf md;
    sb_init(&md);
    const SetDef *set = w[0] == '@' ? strmap_get(&ctx->front.sets, w + 1) : NULL;
    const NamedConst *k = w[0] != '@' ? strmap_get(&ctx->policy.constants, w) : NULL;
    if (set)
        hover_set(ctx, set, &md);
    else if (k)
        sb_printf(&md, "`%s` = %llu (0x%llx)%s\n", w, (unsigned long long)k->value, (unsigned long long)k->value,
                  k->is_errno ? ", an errno value" : "");
    else if (is_syscall(ctx, w))
        hover_syscall(ctx, w, &md);
    free(w);
    if (!md.len) {
        sb_free(&md);
        return NULL;
    }
    json_object *h = json_object_new_object(), *c = json_object_new_object();
    json_object_object_add(c, "kind", json_object_new_string("markdown"));
    json_object_object_add(c, "value", json_object_new_string(md.data));
    json_object_object_add(h, "contents", c);
    json_object_object_add(h, "range", lsp_range(d->text, d->len, s, e));
    sb_free(&md);
    return h;
}

/* ---- completion ---- */

enum { CK_FUNCTION = 3, CK_FIELD = 5, CK_VARIABLE = 6, CK_KEYWORD = 14, CK_CONSTANT = 21 };

static void item(json_object *items, StrMap *seen, Arena *a, const char *label, int kind, const char *detail,
                 const char *sort)
{
    if (strmap_get(seen, label))
        return;
    strmap_put(seen, a, label, (void *)1);
    json_object *o = json_object_new_object();
    json_object_object_add(o, "label", json_object_new_string(label));
    json_object_object_add(o, "kind", json_object_new_int(kind));
    if (detail)
        json_object_object_add(o, "detail", json_object_new_string(detail));
    json_object_object_add(o, "sortText", json_object_new_string(arena_printf(a, "%s%s", sort, label)));
    json_object_array_add(items, o);
}

/* The syscall a condition being typed belongs to: `NAME … if` earlier on the
 * cursor's line. */
static const Signature *condition_call(const LspDoc *d, size_t off)
{
    size_t ls = off;
    while (ls > 0 && d->text[ls - 1] != '\n')
        ls--;
    char line[512];
    size_t n = off - ls < sizeof line - 1 ? off - ls : sizeof line - 1;
    memcpy(line, d->text + ls, n);
    line[n] = '\0';
    char *iff = strstr(line, " if ");
    if (!iff)
        return NULL;
    *iff = '\0';
    /* the last word before `if` that names a syscall */
    for (char *p = iff; p > line;) {
        while (p > line && !word_char(p[-1]))
            p--;
        char *end = p;
        while (p > line && word_char(p[-1]))
            p--;
        char save = *end;
        *end = '\0';
        const Signature *sig = *p ? signature_of(d->names, p) : NULL;
        *end = save;
        if (sig)
            return sig;
    }
    return NULL;
}

json_object *lsp_completion(const LspDoc *d, LspPos pos)
{
    const polc_ctx *ctx = d->names;
    json_object *items = json_object_new_array();
    if (!ctx)
        return items;
    Arena tmp;
    arena_init(&tmp);
    StrMap seen = {0};
    const Signature *sig = condition_call(d, lsp_offset_of(d->text, d->len, pos));
    for (int i = 0; sig && i < sig->nargs; i++)
        item(items, &seen, &tmp, sig->arg_names[i], CK_FIELD,
             arena_printf(&tmp, "argument %d of %s: %s", i, sig->name, arg_type_name(sig->arg_types[i])), "0");
    for (const char *const *k = polc_keywords; *k; k++)
        item(items, &seen, &tmp, *k, CK_KEYWORD, "keyword", "3");
    for (size_t i = 0; i < ctx->front.sets.cap; i++)
        if (ctx->front.sets.slots[i].key)
            item(items, &seen, &tmp, arena_printf(&tmp, "@%s", ctx->front.sets.slots[i].key), CK_VARIABLE, "set",
                 "1");
    for (int a = 0; a < ARCH__COUNT; a++) {
        if (!(ctx->policy.arch_mask & (1u << a)))
            continue;
        const ArchTable *t = &ctx->policy.db.arch[a];
        for (size_t i = 0; i < t->len; i++)
            item(items, &seen, &tmp, t->entries[i].name, CK_FUNCTION, "syscall", "1");
    }
    for (size_t i = 0; i < ctx->policy.constants.cap; i++)
        if (ctx->policy.constants.slots[i].key) {
            const NamedConst *k = ctx->policy.constants.slots[i].value;
            item(items, &seen, &tmp, ctx->policy.constants.slots[i].key, CK_CONSTANT,
                 arena_printf(&tmp, "= %llu", (unsigned long long)k->value), "2");
        }
    arena_release(&tmp);
    json_object *list = json_object_new_object();
    json_object_object_add(list, "isIncomplete", json_object_new_boolean(0));
    json_object_object_add(list, "items", items);
    return list;
}

/* ---- definition ---- */

static json_object *location(const polc_ctx *ctx, const char *path, Span sp)
{
    char *uri = lsp_path_to_uri(path);
    if (!uri)
        return NULL;
    json_object *l = json_object_new_object();
    json_object_object_add(l, "uri", json_object_new_string(uri));
    free(uri);
    if (span_valid(sp)) {
        const SourceFile *f = source_get(&ctx->sm, sp.file);
        json_object_object_add(l, "range", lsp_range(f->text, f->len, sp.start, sp.end));
    } else {
        json_object_object_add(l, "range", lsp_range("", 0, 0, 0));
    }
    return l;
}

static const char *real_path_of(const polc_ctx *ctx, Span sp)
{
    const SourceFile *f = source_get(&ctx->sm, sp.file);
    return f->path ? f->path : f->name;
}

/* The top-level include statement of the root file at offset, if any. */
static const Stmt *include_at(const polc_ctx *ctx, size_t off)
{
    for (size_t i = 0; i < ctx->front.stmts.len; i++) {
        const Stmt *s = ctx->front.stmts.items[i];
        if (s->kind == ST_INCLUDE && s->file == ctx->policy.root_file && span_valid(s->span) && s->span.start <= off &&
            off <= s->span.end)
            return s;
    }
    return NULL;
}

/* The file an include read: the first statement of its body says which. */
static const char *included_path(const polc_ctx *ctx, const Stmt *inc)
{
    for (size_t i = 0; i < inc->body.len; i++) {
        const SourceFile *f = source_get(&ctx->sm, inc->body.items[i]->file);
        if (f && f->path)
            return f->path;
    }
    /* an empty included file has no statements: find it by name */
    for (size_t i = 0; i < ctx->sm.files.len; i++) {
        const SourceFile *f = ctx->sm.files.items[i];
        const char *slash = strrchr(f->path ? f->path : "", '/');
        if (slash && strcmp(slash + 1, strrchr(inc->str, '/') ? strrchr(inc->str, '/') + 1 : inc->str) == 0)
            return f->path;
    }
    return NULL;
}

json_object *lsp_definition(const LspDoc *d, LspPos pos)
{
    const polc_ctx *ctx = d->names;
    if (!ctx)
        return NULL;
    size_t off = lsp_offset_of(d->text, d->len, pos), s, e;
    const Stmt *inc = include_at(ctx, off);
    if (inc) {
        const char *p = included_path(ctx, inc);
        return p ? location(ctx, p, SPAN_NONE) : NULL;
    }
    if (!word_at(d, off, &s, &e))
        return NULL;
    char *w = dup_range(d->text, s, e);
    if (!w)
        return NULL;
    json_object *loc = NULL;
    const SetDef *set = w[0] == '@' ? strmap_get(&ctx->front.sets, w + 1) : NULL;
    const ConstDef *k = w[0] != '@' ? strmap_get(&ctx->front.consts, w) : NULL;
    if (set && span_valid(set->span))
        loc = location(ctx, real_path_of(ctx, set->span), set->span);
    else if (k && span_valid(k->span))
        loc = location(ctx, real_path_of(ctx, k->span), k->span);
    free(w);
    return loc;
}

/* ---- document symbols ---- */

enum { SK_MODULE = 2, SK_NAMESPACE = 3, SK_PROPERTY = 7, SK_VARIABLE = 13, SK_CONSTANT = 14, SK_ARRAY = 18 };

static json_object *symbol(const LspDoc *d, const char *name, int kind, Span sp, Span sel)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "name", json_object_new_string(name));
    json_object_object_add(o, "kind", json_object_new_int(kind));
    json_object_object_add(o, "range", lsp_range(d->text, d->len, sp.start, sp.end));
    if (!span_valid(sel) || sel.start < sp.start || sel.end > sp.end)
        sel = sp;
    json_object_object_add(o, "selectionRange", lsp_range(d->text, d->len, sel.start, sel.end));
    return o;
}

json_object *lsp_document_symbols(const LspDoc *d)
{
    json_object *arr = json_object_new_array();
    const polc_ctx *ctx = d->names;
    if (!ctx)
        return arr;
    for (size_t i = 0; i < ctx->front.stmts.len; i++) {
        const Stmt *s = ctx->front.stmts.items[i];
        if (s->file != ctx->policy.root_file || !span_valid(s->span))
            continue;
        const char *name = NULL;
        int kind = SK_NAMESPACE;
        switch (s->kind) {
        case ST_POLICY: name = s->name, kind = SK_MODULE; break;
        case ST_SET: name = s->name, kind = SK_ARRAY; break;
        case ST_CONST: name = s->name, kind = SK_CONSTANT; break;
        case ST_CAPDECL: name = s->name, kind = SK_CONSTANT; break;
        case ST_INCLUDE: name = s->str, kind = SK_MODULE; break;
        case ST_ARCH: name = "arch", kind = SK_PROPERTY; break;
        case ST_DEFAULT: name = "default", kind = SK_PROPERTY; break;
        case ST_MODE: name = "mode", kind = SK_PROPERTY; break;
        case ST_SYSCALLS: name = "syscalls"; break;
        case ST_CAPS: name = "capabilities"; break;
        case ST_FS: name = "filesystem"; break;
        case ST_NET: name = "network"; break;
        case ST_PROCESS: name = "process"; break;
        case ST_RESOURCES: name = "resources"; break;
        default: break;
        }
        char set_name[256];
        if (name && s->kind == ST_SET) {
            snprintf(set_name, sizeof set_name, "@%s", name);
            name = set_name;
        }
        if (name)
            json_object_array_add(arr, symbol(d, name, kind, s->span, s->name_span));
    }
    return arr;
}

/* ---- formatting ---- */

json_object *lsp_formatting(const LspDoc *d)
{
    polc_ctx *scratch = polc_new();
    if (!scratch)
        return NULL;
    char *out = NULL;
    size_t out_len = 0;
    polc_status st = polc_format(scratch, d->path ? d->path : d->uri, d->text, d->len, &out, &out_len);
    polc_free(scratch);
    if (st != POLC_OK) {
        free(out);
        return NULL; /* a file that does not parse is left alone */
    }
    json_object *edits = json_object_new_array();
    if (out_len != d->len || memcmp(out, d->text, d->len) != 0) {
        json_object *e = json_object_new_object();
        json_object_object_add(e, "range", lsp_range(d->text, d->len, 0, d->len));
        json_object_object_add(e, "newText", json_object_new_string_len(out, (int)out_len));
        json_object_array_add(edits, e);
    }
    free(out);
    return edits;
}
