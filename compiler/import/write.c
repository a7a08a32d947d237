/* polc import, step 3: the ImpProfile as readable polc source.
 *
 * Unconditional entries with the same action and context are merged into
 * one rule whose names use stdlib groups where a group is contained whole;
 * conditional entries on the same syscalls and context are merged with
 * `or`; arguments get their signatures.tbl names and values their constant
 * names where the mapping is exact. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front/keywords.h"
#include "import/import.h"

#define WRAP 96

/* ---- constants: exact reverse mapping (const_names.c) -------------- */

static void fmt_value(ImpCtx *ic, StrBuf *b, const char *sys, unsigned index, uint64_t v, bool paren)
{
    StrBuf sb;
    sb_init(&sb);
    stdlib_view_format_arg(ic->std.view, &sb, sys, index, v, paren);
    char *text = sb_take(&sb);
    sb_puts(b, text);
    free(text);
}

/* ---- names and groups ------------------------------------------------ */

typedef VEC(const char *) NameVec;

static bool nv_has(const NameVec *v, const char *s)
{
    for (size_t i = 0; i < v->len; i++)
        if (v->items[i] && !strcmp(v->items[i], s))
            return true;
    return false;
}

typedef struct Group {
    const char *name; /* "@basic-io" */
    NameVec members;
} Group;

typedef VEC(Group) GroupVec;

static int cmp_group(const void *a, const void *b)
{
    return strcmp(((const Group *)a)->name, ((const Group *)b)->name);
}

static GroupVec load_groups(ImpCtx *ic)
{
    GroupVec g = {0};
    size_t n;
    const StdlibGroup *sg = stdlib_view_groups(ic->std.view, &n);
    for (size_t i = 0; i < n; i++) {
        Group gr = {sg[i].name[0] == '@' ? sg[i].name : arena_printf(&ic->ctx->arena, "@%s", sg[i].name), {0}};
        for (size_t m = 0; m < sg[i].nmembers; m++)
            VEC_PUSH(&ic->ctx->arena, gr.members, sg[i].members[m]);
        VEC_PUSH(&ic->ctx->arena, g, gr);
    }
    if (g.len)
        qsort(g.items, g.len, sizeof *g.items, cmp_group);
    return g;
}

static uint32_t arches_of(ImpCtx *ic, const char *name, uint32_t mask)
{
    uint32_t m = 0;
    for (int a = 0; a < ARCH__COUNT; a++)
        if ((mask & (1u << a)) && imp_syscall_on(ic, name, (ArchId)a))
            m |= 1u << a;
    return m;
}

static void put_arches(StrBuf *b, uint32_t mask)
{
    bool first = true;
    for (int a = 0; a < ARCH__COUNT; a++)
        if (mask & (1u << a)) {
            sb_printf(b, "%s%s", first ? "" : ", ", arch_info((ArchId)a)->name);
            first = false;
        }
}

/* "verb a, b, c" wrapped at WRAP columns with continuation indent. */
static void put_list(StrBuf *b, const char *indent, const char *lead, const NameVec *items, const char *tail)
{
    size_t col = strlen(indent) + strlen(lead);
    sb_printf(b, "%s%s", indent, lead);
    size_t cont = strlen(indent) + 2;
    for (size_t i = 0; i < items->len; i++) {
        const char *s = items->items[i];
        size_t need = strlen(s) + (i + 1 < items->len ? 1 : 0) + 1;
        if (i > 0 && col + need > WRAP) {
            sb_printf(b, "\n%*s", (int)cont, "");
            col = cont;
        } else if (i > 0) {
            sb_puts(b, " ");
            col++;
        }
        sb_printf(b, "%s%s", s, i + 1 < items->len ? "," : "");
        col += strlen(s) + (i + 1 < items->len ? 1 : 0);
    }
    sb_printf(b, "%s\n", tail ? tail : "");
}

/* The length of the valid UTF-8 sequence at p (a printable ASCII byte is
 * one), 0 for a control byte or an invalid sequence. */
static size_t utf8_char(const unsigned char *p)
{
    if (*p >= 0x20 && *p < 0x7f)
        return 1;
    size_t n = *p >= 0xf0 && *p <= 0xf4 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc2 && *p < 0xe0 ? 2 : 0;
    if (*p >= 0xf5)
        n = 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

static void put_comment(StrBuf *b, const char *indent, const char *raw)
{
    /* profile text (unknown names, say) may hold any bytes, and a policy is
     * UTF-8 text: write the others as \xNN */
    StrBuf clean = {0};
    for (const unsigned char *q = (const unsigned char *)raw; *q;) {
        size_t n = *q == '\n' ? 1 : utf8_char(q);
        if (n == 0) {
            sb_printf(&clean, "\\x%02x", *q++);
            continue;
        }
        sb_printf(&clean, "%.*s", (int)n, (const char *)q);
        q += n;
    }
    /* wrap long comments, one `#` per line, never inside a character */
    const char *p = clean.data ? clean.data : "";
    while (*p) {
        size_t room = WRAP - strlen(indent) - 2, n = 0, last_space = 0;
        while (p[n] && p[n] != '\n' && n < room) {
            if (p[n] == ' ')
                last_space = n;
            n++;
        }
        if (p[n] && p[n] != '\n' && last_space > 0)
            n = last_space;
        while (n > 1 && (p[n] & 0xc0) == 0x80)
            n--;
        sb_printf(b, "%s# %.*s\n", indent, (int)n, p);
        p += n;
        while (*p == ' ' || *p == '\n')
            p++;
    }
    free(clean.data);
}

static const char *action_text(ImpCtx *ic, ImpAction a, bool *is_deny)
{
    Arena *ar = &ic->ctx->arena;
    *is_deny = false;
    switch (a.kind) {
    case ACT_KILL_PROCESS: return "kill-process";
    case ACT_KILL_THREAD: return "kill";
    case ACT_TRAP: return "trap";
    case ACT_ERRNO: *is_deny = true; return "deny";
    case ACT_NOTIFY: return "notify";
    case ACT_TRACE: return arena_printf(ar, "trace(%u)", a.data);
    case ACT_LOG: return "log";
    case ACT_ALLOW: return "allow";
    default: return "?";
    }
}

static const char *errno_text(ImpCtx *ic, uint32_t v)
{
    const char *n = stdlib_view_errno_name(ic->std.view, v);
    return n ? n : arena_printf(&ic->ctx->arena, "%u", v);
}

/* ---- conditions ------------------------------------------------------ */

/* The argument's name for every syscall in names on every arch of mask, or argN. */
static const char *arg_name(ImpCtx *ic, const NameVec *names, unsigned index, uint32_t mask)
{
    const char *common = NULL;
    for (size_t i = 0; i < names->len; i++)
        for (int a = 0; a < ARCH__COUNT; a++) {
            if (!(mask & (1u << a)) || !stdlib_view_has_syscall(ic->std.view, (ArchId)a, names->items[i]))
                continue;
            const Signature *s = syscalldb_signature_on(stdlib_view_db(ic->std.view), names->items[i], (ArchId)a);
            const char *n = s && (int)index < s->nargs ? s->arg_names[index] : NULL;
            if (!n || !polc_word_fits(n, POLC_WORD_OPERAND) || (common && strcmp(common, n)))
                return arena_printf(&ic->ctx->arena, "arg%u", index);
            common = n;
        }
    return common ? common : arena_printf(&ic->ctx->arena, "arg%u", index);
}

static void fmt_cond(ImpCtx *ic, StrBuf *b, const ImpCond *c, const char *an, const char *sys)
{
    static const char *const OPS[] = {"==", "!=", "<", "<=", ">", ">="};
    if (c->op == IOP_MASKED_EQ) {
        sb_printf(b, "%s & ", an);
        fmt_value(ic, b, sys, c->index, c->value, true);
        sb_puts(b, " == ");
        fmt_value(ic, b, sys, c->index, c->value2, true);
        return;
    }
    sb_printf(b, "%s %s ", an, OPS[c->op]);
    fmt_value(ic, b, sys, c->index, c->value, false);
}

/* One entry's condition: AND of its conditions, or OR when runc ORs them. */
static char *entry_cond(ImpCtx *ic, const ImpRule *r, const NameVec *names, uint32_t mask, bool *has_or)
{
    StrBuf b = {0};
    const char *sys = names->len == 1 ? names->items[0] : NULL;
    *has_or = false;
    bool all_eq_one = r->conds_or;
    for (size_t i = 0; i < r->nconds; i++)
        if (r->conds[i].op != IOP_EQ || r->conds[i].index != r->conds[0].index)
            all_eq_one = false;
    if (all_eq_one && r->nconds > 1) {
        sb_printf(&b, "%s in {", arg_name(ic, names, r->conds[0].index, mask));
        for (size_t i = 0; i < r->nconds; i++) {
            if (i)
                sb_puts(&b, ", ");
            fmt_value(ic, &b, sys, r->conds[0].index, r->conds[i].value, false);
        }
        sb_puts(&b, "}");
        return b.data;
    }
    for (size_t i = 0; i < r->nconds; i++) {
        if (i)
            sb_puts(&b, r->conds_or ? " or " : " and ");
        fmt_cond(ic, &b, &r->conds[i], arg_name(ic, names, r->conds[i].index, mask), sys);
    }
    *has_or = r->conds_or && r->nconds > 1;
    if (!b.data)
        sb_puts(&b, "");
    return b.data;
}

/* ---- emission -------------------------------------------------------- */

typedef struct Bucket {
    uint64_t req, forbid;
    uint32_t arch_mask;
    ImpAction act;
    bool conditional;
    NameVec names;              /* unconditional: merged names; conditional: the entry's names */
    VEC(const ImpRule *) rules; /* conditional: entries OR'ed; unconditional: contributors */
    size_t first_entry;
} Bucket;

typedef VEC(Bucket) BucketVec;

static bool same_names(const ImpRule *r, const NameVec *v)
{
    size_t n = 0;
    for (size_t i = 0; i < r->names.len; i++) {
        if (!r->names.items[i])
            continue;
        if (!nv_has(v, r->names.items[i]))
            return false;
        n++;
    }
    return n == v->len;
}

static BucketVec make_buckets(ImpCtx *ic)
{
    BucketVec bv = {0};
    Arena *ar = &ic->ctx->arena;
    for (size_t i = 0; i < ic->prof.rules.len; i++) {
        const ImpRule *r = &ic->prof.rules.items[i];
        if (r->dropped)
            continue;
        Bucket *hit = NULL;
        for (size_t k = 0; k < bv.len && !hit; k++) {
            Bucket *b = &bv.items[k];
            if (b->req != r->cap_req || b->forbid != r->cap_forbid || b->arch_mask != r->arch_mask ||
                b->act.kind != r->act.kind || b->act.data != r->act.data || b->conditional != (r->nconds > 0))
                continue;
            if (!b->conditional)
                hit = b;
            else if (same_names(r, &b->names) && !r->comment == !b->rules.items[0]->comment &&
                     (!r->comment || !strcmp(r->comment, b->rules.items[0]->comment)))
                hit = b;
        }
        if (!hit) {
            Bucket nb;
            memset(&nb, 0, sizeof nb);
            nb.req = r->cap_req;
            nb.forbid = r->cap_forbid;
            nb.arch_mask = r->arch_mask;
            nb.act = r->act;
            nb.conditional = r->nconds > 0;
            nb.first_entry = r->entry;
            VEC_PUSH(ar, bv, nb);
            hit = &bv.items[bv.len - 1];
            if (hit->conditional)
                for (size_t n = 0; n < r->names.len; n++)
                    if (r->names.items[n] && !nv_has(&hit->names, r->names.items[n]))
                        VEC_PUSH(ar, hit->names, r->names.items[n]);
        }
        if (!hit->conditional)
            for (size_t n = 0; n < r->names.len; n++)
                if (r->names.items[n] && !nv_has(&hit->names, r->names.items[n]))
                    VEC_PUSH(ar, hit->names, r->names.items[n]);
        VEC_PUSH(ar, hit->rules, r);
    }
    return bv;
}

/* Split names into: unknown to polc, absent on the bucket's arches, and
 * per arch subset (the bucket's full mask first). */
typedef struct NameSplit {
    NameVec unknown, absent;
    uint32_t masks[16];
    NameVec lists[16];
    size_t nlists;
} NameSplit;

static void split_names(ImpCtx *ic, const NameVec *names, uint32_t mask, NameSplit *s)
{
    Arena *ar = &ic->ctx->arena;
    memset(s, 0, sizeof *s);
    s->masks[0] = mask;
    s->nlists = 1;
    for (size_t i = 0; i < names->len; i++) {
        const char *n = names->items[i];
        if (!imp_syscall_known(ic, n)) {
            VEC_PUSH(ar, s->unknown, n);
            continue;
        }
        uint32_t m = arches_of(ic, n, mask);
        if (!m) {
            VEC_PUSH(ar, s->absent, n);
            continue;
        }
        size_t k = 0;
        while (k < s->nlists && s->masks[k] != m)
            k++;
        if (k == s->nlists) {
            if (s->nlists == 16)
                k = 0; /* cannot happen with 8 arches in practice */
            else
                s->masks[s->nlists++] = m;
        }
        VEC_PUSH(ar, s->lists[k], n);
    }
}

/* Replace names by whole stdlib groups where possible (greedy, biggest first). */
static NameVec with_groups(ImpCtx *ic, const GroupVec *groups, NameSplit *s, uint32_t mask)
{
    Arena *ar = &ic->ctx->arena;
    NameVec all = {0}, used = {0}, covered = {0};
    for (size_t k = 0; k < s->nlists; k++)
        for (size_t i = 0; i < s->lists[k].len; i++)
            VEC_PUSH(ar, all, s->lists[k].items[i]);
    for (;;) {
        const Group *best = NULL;
        size_t best_new = 0;
        for (size_t g = 0; g < groups->len; g++) {
            const Group *gr = &groups->items[g];
            if (nv_has(&used, gr->name))
                continue;
            size_t eff = 0, fresh = 0;
            bool ok = true;
            for (size_t m = 0; m < gr->members.len && ok; m++) {
                const char *n = gr->members.items[m];
                if (!arches_of(ic, n, mask))
                    continue;
                eff++;
                if (!nv_has(&all, n))
                    ok = false;
                else if (!nv_has(&covered, n))
                    fresh++;
            }
            if (ok && eff > 0 && fresh >= 3 && fresh > best_new) {
                best = gr;
                best_new = fresh;
            }
        }
        if (!best)
            break;
        VEC_PUSH(ar, used, best->name);
        for (size_t m = 0; m < best->members.len; m++)
            if (arches_of(ic, best->members.items[m], mask) && !nv_has(&covered, best->members.items[m]))
                VEC_PUSH(ar, covered, best->members.items[m]);
    }
    /* drop covered names from the lists */
    for (size_t k = 0; k < s->nlists; k++) {
        NameVec keep = {0};
        for (size_t i = 0; i < s->lists[k].len; i++)
            if (!nv_has(&covered, s->lists[k].items[i]))
                VEC_PUSH(ar, keep, s->lists[k].items[i]);
        s->lists[k] = keep;
    }
    return used;
}

static void put_name_comments(ImpCtx *ic, StrBuf *b, const char *ind, const NameSplit *s, uint32_t mask)
{
    if (s->unknown.len) {
        StrBuf t = {0};
        sb_puts(&t, "not in polc's syscall tables, kept from the profile: ");
        for (size_t i = 0; i < s->unknown.len; i++)
            sb_printf(&t, "%s%s", i ? ", " : "", s->unknown.items[i]);
        put_comment(b, ind, t.data);
        free(t.data);
        for (size_t i = 0; i < s->unknown.len; i++)
            diag_warning(&ic->ctx->diag, IMP_W_UNKNOWN_NAME, SPAN_NONE,
                         "%s: `%s` is not a syscall in polc's tables for any arch; kept as a comment in the "
                         "imported policy",
                         ic->prof.path, s->unknown.items[i]);
    }
    if (s->absent.len) {
        StrBuf t = {0};
        sb_puts(&t, "not syscalls on ");
        put_arches(&t, mask);
        sb_puts(&t, ": ");
        for (size_t i = 0; i < s->absent.len; i++)
            sb_printf(&t, "%s%s", i ? ", " : "", s->absent.items[i]);
        put_comment(b, ind, t.data);
        free(t.data);
    }
}

static void put_rule_notes(StrBuf *b, const char *ind, const Bucket *bk)
{
    for (size_t i = 0; i < bk->rules.len; i++) {
        const ImpRule *r = bk->rules.items[i];
        if (r->comment) {
            if (bk->conditional || bk->rules.len == 1)
                put_comment(b, ind, r->comment);
            else {
                char *t = NULL;
                size_t tl = 0;
                FILE *f = open_memstream(&t, &tl);
                fprintf(f, "syscalls[%zu] (", r->entry);
                for (size_t n = 0, k = 0; n < r->names.len && k < 4; n++)
                    if (r->names.items[n])
                        fprintf(f, "%s%s", k++ ? ", " : "", r->names.items[n]);
                fprintf(f, "%s): %s", r->names.len > 4 ? ", ..." : "", r->comment);
                fclose(f);
                put_comment(b, ind, t);
                free(t);
            }
        }
        for (size_t n = 0; n < r->notes.len; n++) {
            char *t = NULL;
            size_t tl = 0;
            FILE *f = open_memstream(&t, &tl);
            fprintf(f, "syscalls[%zu] (", r->entry);
            for (size_t m = 0, k = 0; m < r->names.len && k < 4; m++)
                if (r->names.items[m])
                    fprintf(f, "%s%s", k++ ? ", " : "", r->names.items[m]);
            fprintf(f, "%s): %s", r->names.len > 4 ? ", ..." : "", r->notes.items[n]);
            fclose(f);
            put_comment(b, ind, t);
            free(t);
        }
    }
}

static void emit_bucket(ImpCtx *ic, StrBuf *b, const char *ind, const Bucket *bk, const GroupVec *groups)
{
    Arena *ar = &ic->ctx->arena;
    bool is_deny;
    const char *verb = action_text(ic, bk->act, &is_deny);
    const char *errno_part = is_deny && bk->act.data != 1 ? arena_printf(ar, " errno(%s)", errno_text(ic, bk->act.data))
                                                          : "";
    NameSplit s;
    split_names(ic, &bk->names, bk->arch_mask, &s);
    put_rule_notes(b, ind, bk);
    put_name_comments(ic, b, ind, &s, bk->arch_mask);
    NameVec groups_used = {0};
    if (!bk->conditional)
        groups_used = with_groups(ic, groups, &s, bk->arch_mask);
    for (size_t k = 0; k < s.nlists; k++) {
        NameVec items = {0};
        if (k == 0)
            for (size_t i = 0; i < groups_used.len; i++)
                VEC_PUSH(ar, items, groups_used.items[i]);
        for (size_t i = 0; i < s.lists[k].len; i++)
            VEC_PUSH(ar, items, s.lists[k].items[i]);
        if (!items.len)
            continue;
        const char *ind2 = ind;
        if (k > 0) {
            StrBuf w = {0};
            sb_printf(&w, "%swhen arch ", ind);
            put_arches(&w, s.masks[k]);
            sb_puts(&w, " {   # only these target arches have them\n");
            sb_puts(b, w.data);
            free(w.data);
            ind2 = arena_printf(ar, "%s  ", ind);
        }
        const char *tail = errno_part;
        if (bk->conditional) {
            /* OR the entries' conditions */
            StrBuf c = {0};
            bool all_eq_one = true;
            for (size_t i = 0; i < bk->rules.len; i++) {
                const ImpRule *r = bk->rules.items[i];
                if (r->nconds != 1 || r->conds[0].op != IOP_EQ || r->conds[0].index != bk->rules.items[0]->conds[0].index)
                    all_eq_one = false;
            }
            if (all_eq_one && bk->rules.len > 1) {
                unsigned idx = bk->rules.items[0]->conds[0].index;
                sb_printf(&c, "%s in {", arg_name(ic, &s.lists[k], idx, s.masks[k]));
                for (size_t i = 0; i < bk->rules.len; i++) {
                    if (i)
                        sb_puts(&c, ", ");
                    fmt_value(ic, &c, s.lists[k].len == 1 ? s.lists[k].items[0] : NULL, idx,
                              bk->rules.items[i]->conds[0].value, false);
                }
                sb_puts(&c, "}");
            } else {
                for (size_t i = 0; i < bk->rules.len; i++) {
                    bool has_or;
                    char *one = entry_cond(ic, bk->rules.items[i], &s.lists[k], s.masks[k], &has_or);
                    bool paren = bk->rules.len > 1 && bk->rules.items[i]->nconds > 1 && !has_or;
                    sb_printf(&c, "%s%s%s%s", i ? " or " : "", paren ? "(" : "", one, paren ? ")" : "");
                    free(one);
                }
            }
            tail = arena_printf(ar, "%s if %s", errno_part, c.data ? c.data : "");
            free(c.data);
        }
        put_list(b, ind2, arena_printf(ar, "%s ", verb), &items, tail);
        if (k > 0)
            sb_printf(b, "%s}\n", ind);
    }
}

static void put_caps(ImpCtx *ic, StrBuf *b, uint64_t caps)
{
    bool first = true;
    for (int i = 0; i < 64; i++)
        if (caps & (1ull << i)) {
            sb_printf(b, "%s%s", first ? "" : ", ", imp_cap_name(ic, i));
            first = false;
        }
}

static int cmp_ctx(const Bucket *a, const Bucket *b)
{
    /* unconditional context first, then by first appearance */
    int za = a->req == 0 && a->forbid == 0, zb = b->req == 0 && b->forbid == 0;
    if (za != zb)
        return zb - za;
    return a->first_entry < b->first_entry ? -1 : a->first_entry > b->first_entry;
}

char *imp_write_pol(ImpCtx *ic, const char *policy_name)
{
    ImpProfile *p = &ic->prof;
    Arena *ar = &ic->ctx->arena;
    StrBuf b = {0};
    const char *base = strrchr(p->path, '/') ? strrchr(p->path, '/') + 1 : p->path;
    sb_printf(&b, "# Imported by `polc import` from %s\n# (%s).\n", base, p->format);
    sb_puts(&b, "# Semantics kept: runc/libseccomp's reading of the profile (docs/import.md).\n");
    for (size_t i = 0; i < p->header.len; i++)
        put_comment(&b, "", p->header.items[i]);
    char *stem = arena_strdup(ar, base);
    char *dot = strchr(stem, '.');
    if (dot)
        *dot = '\0';
    sb_printf(&b, "policy %s \"imported from %s\"\n", polc_name_text(&ic->ctx->arena, policy_name ? policy_name : stem, POLC_WORD_NAME, "imported"), base);
    sb_puts(&b, "arch ");
    put_arches(&b, p->arch_mask);
    sb_puts(&b, "\n");
    bool is_deny;
    const char *dv = action_text(ic, p->def, &is_deny);
    if (is_deny)
        sb_printf(&b, "default errno(%s)\n\n", errno_text(ic, p->def.data));
    else
        sb_printf(&b, "default %s\n\n", dv);

    GroupVec groups = load_groups(ic);
    BucketVec bv = make_buckets(ic);
    /* stable sort by context */
    for (size_t i = 1; i < bv.len; i++)
        for (size_t j = i; j > 0 && cmp_ctx(&bv.items[j - 1], &bv.items[j]) > 0; j--) {
            Bucket t = bv.items[j];
            bv.items[j] = bv.items[j - 1];
            bv.items[j - 1] = t;
        }
    sb_puts(&b, "syscalls {\n");
    bool *done = arena_alloc(ar, bv.len + 1);
    for (size_t i = 0; i < bv.len; i++) {
        if (done[i])
            continue;
        Bucket *c0 = &bv.items[i];
        const char *ind = "  ";
        int open = 0;
        if (c0->req || c0->forbid)
            sb_puts(&b, "\n");
        if (c0->req) {
            sb_printf(&b, "%swhen capability ", ind);
            put_caps(ic, &b, c0->req);
            sb_puts(&b, " {\n");
            ind = arena_printf(ar, "%s  ", ind);
            open++;
        }
        if (c0->forbid) {
            sb_printf(&b, "%swhen not capability ", ind);
            put_caps(ic, &b, c0->forbid);
            sb_puts(&b, " {\n");
            ind = arena_printf(ar, "%s  ", ind);
            open++;
        }
        /* every bucket of this capability context: unconditional first, then conditional */
        for (int pass = 0; pass < 2; pass++)
            for (size_t j = i; j < bv.len; j++) {
                Bucket *bk = &bv.items[j];
                if (done[j] || bk->req != c0->req || bk->forbid != c0->forbid || bk->conditional != (pass == 1))
                    continue;
                done[j] = true;
                if (bk->arch_mask != p->arch_mask) {
                    sb_printf(&b, "%swhen arch ", ind);
                    put_arches(&b, bk->arch_mask);
                    sb_puts(&b, " {\n");
                    emit_bucket(ic, &b, arena_printf(ar, "%s  ", ind), bk, &groups);
                    sb_printf(&b, "%s}\n", ind);
                } else {
                    emit_bucket(ic, &b, ind, bk, &groups);
                }
            }
        while (open-- > 0) {
            ind = arena_strdup(ar, ind);
            ((char *)ind)[strlen(ind) - 2] = '\0';
            sb_printf(&b, "%s}\n", ind);
        }
    }
    if (p->noop.len || p->skipped.len)
        sb_puts(&b, "\n");
    if (p->noop.len) {
        StrBuf t = {0};
        sb_puts(&t, "entries with the default action (runc drops them, so they decide nothing): ");
        NameVec seen = {0};
        for (size_t i = 0; i < p->noop.len; i++)
            if (!nv_has(&seen, p->noop.items[i])) {
                sb_printf(&t, "%s%s", seen.len ? ", " : "", p->noop.items[i]);
                VEC_PUSH(ar, seen, p->noop.items[i]);
            }
        put_comment(&b, "  ", t.data);
        free(t.data);
    }
    for (size_t i = 0; i < p->skipped.len; i++)
        put_comment(&b, "  ", p->skipped.items[i]);
    sb_puts(&b, "}\n");
    return b.data;
}
