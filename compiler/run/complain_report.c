/* The complain findings written out: the text report (stderr), the JSON
 * report (--report FILE --diagnostics-format json, schema in docs/run.md),
 * and the two halves of --suggest: the seccomp findings as strace lines that
 * polc learn --merge turns into rules (one generator of policy text), and
 * filesystem rules for the filesystem findings. Sorted, so a run's report does
 * not depend on the order threads made their calls. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "middle/const_names.h"
#include "run/complain.h"

static int cmp_finding(const void *x, const void *y)
{
    const Finding *a = *(Finding *const *)x, *b = *(Finding *const *)y;
    if (a->span.file != b->span.file)
        return a->span.file < b->span.file ? -1 : 1;
    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    int c = strcmp(a->sys, b->sys);
    if (c)
        return c;
    c = strcmp(a->args, b->args);
    return c ? c : strcmp(a->why, b->why);
}

void complain_sort(ComplainState *cs)
{
    if (cs->findings.len)
        qsort(cs->findings.items, cs->findings.len, sizeof *cs->findings.items, cmp_finding);
}

typedef struct Where {
    const char *file;
    unsigned line, col;
    const char *text;
    size_t len;
} Where;

static Where where(const Policy *p, Span s)
{
    Where w = {"?", 0, 0, "", 0};
    const SourceFile *f = source_get(p->sm, s.file);
    if (!f)
        return w;
    w.file = f->name;
    source_linecol(f, s.start, &w.line, &w.col);
    w.text = source_line(f, w.line, &w.len);
    while (w.len && (w.text[w.len - 1] == '\n' || w.text[w.len - 1] == '\r'))
        w.len--;
    return w;
}

/* The line without its indentation (the JSON report, comments). */
static Where trimmed(Where w)
{
    while (w.len && (*w.text == ' ' || *w.text == '\t'))
        w.text++, w.len--;
    return w;
}

void complain_text(const ComplainState *cs, StrBuf *out)
{
    uint64_t calls = 0;
    for (size_t i = 0; i < cs->findings.len; i++) {
        const Finding *f = cs->findings.items[i];
        Where w = where(cs->p, f->span);
        sb_printf(out, "%s:%u:%u: would deny %s(%s): %s", w.file, w.line, w.col, f->sys, f->args, f->why);
        if (f->count > 1)
            sb_printf(out, " (%llu calls)", (unsigned long long)f->count);
        sb_printf(out, "\n%5u | %.*s\n", w.line, (int)w.len, w.text);
        calls += f->count;
    }
    if (cs->findings.len)
        sb_printf(out, "polc run: complain mode: %zu finding%s, %llu call%s would have been denied\n",
                  cs->findings.len, cs->findings.len == 1 ? "" : "s", (unsigned long long)calls,
                  calls == 1 ? "" : "s");
    else
        sb_puts(out, "polc run: complain mode: nothing would have been denied\n");
}

static const char *kind_name(FindingKind k)
{
    switch (k) {
    case FIND_SECCOMP: return "seccomp";
    case FIND_FS: return "filesystem";
    case FIND_NET: return "network";
    case FIND_SCOPE: return "scope";
    }
    return "?";
}

void complain_json(const ComplainState *cs, StrBuf *out)
{
    json_object *root = json_object_new_object();
    json_object *arr = json_object_new_array();
    for (size_t i = 0; i < cs->findings.len; i++) {
        const Finding *f = cs->findings.items[i];
        Where w = trimmed(where(cs->p, f->span));
        json_object *o = json_object_new_object();
        json_object_object_add(o, "kind", json_object_new_string(kind_name(f->kind)));
        json_object_object_add(o, "syscall", json_object_new_string(f->sys));
        json_object_object_add(o, "arch", json_object_new_string(arch_info(f->arch)->name));
        json_object_object_add(o, "args", json_object_new_string(f->args));
        json_object *raw = json_object_new_array();
        for (int k = 0; k < f->nargs; k++) {
            /* pointers differ from run to run: only numbers are kept */
            char num[24];
            snprintf(num, sizeof num, "%#llx", (unsigned long long)f->raw[k]);
            const Signature *sig = syscalldb_signature_on(&cs->p->db, f->sys, f->arch);
            bool ptr = sig && k < sig->nargs && sig->arg_types[k] == AT_PTR;
            json_object_array_add(raw, ptr ? NULL : json_object_new_string(num));
        }
        json_object_object_add(o, "args_raw", raw);
        json_object *rule = json_object_new_object();
        json_object_object_add(rule, "file", json_object_new_string(w.file));
        json_object_object_add(rule, "line", json_object_new_int((int)w.line));
        json_object_object_add(rule, "col", json_object_new_int((int)w.col));
        json_object_object_add(rule, "text", json_object_new_string_len(w.text, (int)w.len));
        json_object_object_add(rule, "is_default",
                               json_object_new_boolean(f->kind == FIND_SECCOMP && f->rule < 0));
        json_object_object_add(o, "rule", rule);
        json_object_object_add(o, "action", json_object_new_string(f->action));
        json_object_object_add(o, "why", json_object_new_string(f->why));
        if (f->kind == FIND_FS) {
            json_object_object_add(o, "path", json_object_new_string(f->fs_path));
            json_object_object_add(o, "right", json_object_new_string(f->fs_right));
        } else if (f->kind == FIND_NET) {
            json_object_object_add(o, "port", json_object_new_int(atoi(f->fs_path)));
            json_object_object_add(o, "right", json_object_new_string(f->fs_right));
        } else if (f->kind == FIND_SCOPE) {
            json_object_object_add(o, "peer", json_object_new_string(f->fs_path));
            json_object_object_add(o, "right", json_object_new_string(f->fs_right));
        }
        json_object_object_add(o, "count", json_object_new_int64((int64_t)f->count));
        json_object_array_add(arr, o);
    }
    json_object_object_add(root, "findings", arr);
    char *text = diag_json_text(root);
    sb_puts(out, text);
    free(text);
    json_object_put(root);
}

void complain_trace(const ComplainState *cs, StrBuf *out)
{
    for (size_t i = 0; i < cs->findings.len; i++) {
        const Finding *f = cs->findings.items[i];
        /* a rule decided it, not the default: an added allow would not change
         * that (the most restrictive matching rule wins); see below */
        if (f->kind != FIND_SECCOMP || f->rule >= 0)
            continue;
        /* strace prints clone's flags by key */
        if (strcmp(f->sys, "clone") == 0) {
            sb_puts(out, "1 clone(child_stack=NULL, flags=");
            const_format_arg_value(cs->p, out, "clone", 0, f->raw[0], false);
            sb_puts(out, ") = 0\n");
        } else
            sb_printf(out, "1 %s(%s) = 0\n", f->sys, f->args);
    }
}

/* The rule that grants the right: a file rule when the right is one a file
 * rule carries, else the directory's hierarchy. */
static const char *fs_rule(Arena *a, const Finding *f)
{
    const char *r = f->fs_right;
    if (strcmp(r, "execute") == 0)
        return arena_printf(a, "exec %s", f->fs_path);
    if (strcmp(r, "read-file") == 0 || strcmp(r, "read-dir") == 0)
        return arena_printf(a, "read %s", f->fs_path);
    if (strcmp(r, "write-file") == 0 || strcmp(r, "truncate") == 0)
        return arena_printf(a, "write %s", f->fs_path);
    return arena_printf(a, "write %s%s**", f->fs_path, strcmp(f->fs_path, "/") ? "/" : "");
}

void complain_fs_suggestions(const ComplainState *cs, StrBuf *out)
{
    Arena *a = cs->p->arena;
    StrMap done;
    memset(&done, 0, sizeof done);
    bool any = false;
    for (size_t i = 0; i < cs->findings.len; i++) {
        const Finding *f = cs->findings.items[i];
        if (f->kind != FIND_FS)
            continue;
        const char *rule = fs_rule(a, f);
        if (strmap_get(&done, rule))
            continue;
        strmap_put(&done, a, rule, (void *)rule);
        if (!any)
            sb_puts(out, "filesystem {\n");
        any = true;
        sb_printf(out, "    %s  # %s(%s): %s\n", rule, f->sys, f->args, f->why);
    }
    if (any)
        sb_puts(out, "}\n");
    any = false;
    for (size_t i = 0; i < cs->findings.len; i++) {
        const Finding *f = cs->findings.items[i];
        if (f->kind != FIND_NET)
            continue;
        bool connect = strcmp(f->fs_right, "connect-tcp") == 0;
        const char *rule = arena_printf(a, "allow tcp %s %s", connect ? "connect" : "bind", f->fs_path);
        if (strmap_get(&done, rule))
            continue;
        strmap_put(&done, a, rule, (void *)rule);
        if (!any)
            sb_puts(out, "network {\n");
        any = true;
        sb_printf(out, "    %s  # %s(%s): %s\n", rule, f->sys, f->args, f->why);
    }
    if (any)
        sb_puts(out, "}\n");
    /* a deny rule decided these: only editing it would allow them */
    for (size_t i = 0; i < cs->findings.len; i++) {
        const Finding *f = cs->findings.items[i];
        if (f->kind != FIND_SECCOMP || f->rule < 0)
            continue;
        Where w = trimmed(where(cs->p, f->span));
        sb_printf(out, "# not added: %s(%s): decided by %s:%u `%.*s`; an added allow would not change it (the most "
                       "restrictive rule wins): edit that rule\n",
                  f->sys, f->args, w.file, w.line, (int)w.len, w.text);
    }
    /* a scope has no finer rule to add: only its removal would allow these */
    for (size_t i = 0; i < cs->findings.len; i++) {
        const Finding *f = cs->findings.items[i];
        if (f->kind == FIND_SCOPE)
            sb_printf(out, "# not added: %s(%s): %s; only removing `scope %s` would allow it\n", f->sys, f->args,
                      f->why, f->fs_right);
    }
}
