/* polc diff output: readable text (arches with the same changes share one
 * block) and JSON (docs/diff.md has the schema). */
#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "review/review.h"
#include "util/sarif.h"

typedef struct Paint {
    bool on;
} Paint;

static const char *class_color(DiffClass c)
{
    static const char *const col[] = {"\033[1;31m", "\033[32m", "\033[33m"};
    return col[c];
}

static void colored(StrBuf *sb, Paint p, const char *color, const char *text)
{
    sb_printf(sb, "%s%s%s", p.on ? color : "", text, p.on ? "\033[0m" : "");
}

static const char *act(const PolicyDiff *d, Action a)
{
    polc_ctx *n = (polc_ctx *)d->new_ctx;
    return action_str(&n->policy, &n->arena, a);
}

static void rules_text(const DiffRules *r, StrBuf *sb)
{
    for (size_t i = 0; i < r->len; i++)
        sb_printf(sb, "%s%s", i ? ", " : "", r->items[i].at);
}

/* "OLD: the default (old.pol:3); NEW: new.pol:7" (malloc'd) */
static char *by_text(const SyscallChange *c)
{
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "OLD: ");
    rules_text(&c->old_by, &sb);
    sb_puts(&sb, "; NEW: ");
    rules_text(&c->new_by, &sb);
    return sb_take(&sb);
}

/* The change, then (unless its group says them once) the rules that
 * decide it on each side. */
static void syscall_line(const PolicyDiff *d, const SyscallChange *c, bool rules, StrBuf *sb)
{
    sb_printf(sb, "      %s", c->name);
    if (c->region)
        sb_printf(sb, "(%s)", c->region);
    if (c->when)
        sb_printf(sb, " [%s]", c->when);
    sb_printf(sb, ": %s -> %s\n", act(d, c->from), act(d, c->to));
    if (rules) {
        char *t = by_text(c);
        sb_printf(sb, "        %s\n", t);
        free(t);
    }
}

static bool in_group(const SyscallChange *c, ArchId arch, int cls, const char *group)
{
    if (c->arch != arch || (int)c->cls != cls)
        return false;
    return group ? !c->danger && !strcmp(c->group, group) : c->danger != NULL;
}

/* One group of one class: its title with the count, then its changes, the
 * first DIFF_GROUP_SHOWN of them unless verbose. group NULL: the dangerous
 * calls, never cut. */
static void group_block(const PolicyDiff *d, ArchId arch, int cls, const char *group, StrBuf *sb)
{
    size_t n = 0, shown = 0;
    char *by = NULL; /* the rules every change of the group shares, else NULL */
    bool shared = true;
    for (size_t i = 0; i < d->syscalls.len; i++) {
        if (!in_group(&d->syscalls.items[i], arch, cls, group))
            continue;
        char *t = by_text(&d->syscalls.items[i]);
        if (!n++)
            by = t;
        else {
            shared = shared && !strcmp(by, t);
            free(t);
        }
    }
    if (!n)
        return;
    if (!shared || n == 1) {
        free(by);
        by = NULL;
    }
    if (!group)
        sb_printf(sb, "    dangerous calls (%zu):\n", n);
    else if (!strcmp(group, "other"))
        sb_printf(sb, "    in no group (%zu):\n", n);
    else
        sb_printf(sb, "    @%s (%zu):\n", group, n);
    bool each = by != NULL;
    if (each)
        sb_printf(sb, "      each: %s\n", by);
    free(by);
    /* the dangerous calls are always listed in full */
    bool cut = group && !d->verbose && n > DIFF_GROUP_SHOWN;
    for (size_t i = 0; i < d->syscalls.len; i++) {
        const SyscallChange *c = &d->syscalls.items[i];
        if (!in_group(c, arch, cls, group))
            continue;
        if (cut && shown == DIFF_GROUP_SHOWN) {
            sb_printf(sb, "      … and %zu more (--verbose lists them)\n", n - shown);
            break;
        }
        syscall_line(d, c, !each, sb);
        if (c->danger)
            sb_printf(sb, "        why it matters: %s\n", c->danger);
        shown++;
    }
}

static const char *const CLASS_TITLE[] = {
    "widened (NEW runs calls OLD refused)",
    "narrowed (OLD ran calls NEW refuses)",
    "other action changes",
};

/* The syscall changes of one arch, without the arch's name. */
static char *arch_block(const PolicyDiff *d, ArchId arch, Paint p)
{
    StrBuf sb;
    sb_init(&sb);
    for (int cls = DIFF_WIDENED; cls <= DIFF_OTHER; cls++) {
        size_t n = 0;
        for (size_t i = 0; i < d->syscalls.len; i++)
            n += d->syscalls.items[i].arch == arch && (int)d->syscalls.items[i].cls == cls;
        if (!n)
            continue;
        sb_puts(&sb, "  ");
        colored(&sb, p, class_color((DiffClass)cls), CLASS_TITLE[cls]);
        sb_printf(&sb, " (%zu):\n", n);
        group_block(d, arch, cls, NULL, &sb);
        for (size_t g = 0; diff_group_order[g]; g++)
            group_block(d, arch, cls, diff_group_order[g], &sb);
    }
    return sb_take(&sb);
}

static void tag(StrBuf *sb, Paint p, DiffClass c)
{
    sb_puts(sb, "  [");
    colored(sb, p, class_color(c), diff_class_name(c));
    sb_puts(sb, "]\n");
}

/* Whether some block of syscall changes stands for several arches. */
static bool text_syscalls(const PolicyDiff *d, Paint p, StrBuf *sb)
{
    bool shared = false;
    char *blocks[ARCH__COUNT] = {0};
    bool present[ARCH__COUNT] = {false}, done[ARCH__COUNT] = {false};
    for (size_t i = 0; i < d->syscalls.len; i++)
        present[d->syscalls.items[i].arch] = true;
    for (int a = 0; a < ARCH__COUNT; a++)
        if (present[a])
            blocks[a] = arch_block(d, (ArchId)a, p);
    for (int a = 0; a < ARCH__COUNT; a++) {
        if (!present[a] || done[a])
            continue;
        sb_printf(sb, "syscalls on %s", arch_info((ArchId)a)->name);
        for (int b = a + 1; b < ARCH__COUNT; b++)
            if (present[b] && !done[b] && !strcmp(blocks[a], blocks[b])) {
                sb_printf(sb, ", %s", arch_info((ArchId)b)->name);
                done[b] = true;
                shared = true;
            }
        sb_puts(sb, ":\n");
        sb_puts(sb, blocks[a]);
    }
    for (int a = 0; a < ARCH__COUNT; a++)
        free(blocks[a]);
    return shared;
}

void diff_render_text(const PolicyDiff *d, bool color, StrBuf *sb)
{
    Paint p = {color};
    sb_printf(sb, "--- %s\n+++ %s\n", d->old_label, d->new_label);
    if (d->not_compared)
        sb_printf(sb, "not compared: %s (%s: it states only the syscalls)\n", d->not_compared, d->artifact_note);
    if (d->fixed_caps) {
        sb_puts(sb, "capabilities: the syscalls are compared with");
        bool any = false;
        for (int c = 0; c < 64; c++)
            if (d->caps & (1ull << c)) {
                const char *n = cap_name(&d->new_ctx->policy, c);
                if (!n)
                    n = cap_name(&d->old_ctx->policy, c);
                sb_printf(sb, "%s %s", any ? "," : "", n ? n : "?");
                any = true;
            }
        sb_puts(sb, any ? " (the set the BPF program was built for)\n" : " none (the set the BPF program was built for)\n");
    }
    size_t total = d->counts[0] + d->counts[1] + d->counts[2];
    if (!total) {
        sb_puts(sb, "no changes\n");
        return;
    }
    if (d->default_changed) {
        sb_printf(sb, "default: %s -> %s", act(d, d->default_from), act(d, d->default_to));
        tag(sb, p, diff_classify(d->default_from, d->default_to));
        sb_puts(sb, "  OLD: ");
        rules_text(&d->default_old_by, sb);
        sb_puts(sb, "; NEW: ");
        rules_text(&d->default_new_by, sb);
        sb_putc(sb, '\n');
    }
    if (d->unknown_changed) {
        sb_printf(sb, "numbers polc's tables do not know: %s -> %s", act(d, d->unknown_from), act(d, d->unknown_to));
        tag(sb, p, diff_classify(d->unknown_from, d->unknown_to));
    }
    for (size_t i = 0; i < d->arches.len; i++) {
        const ArchChange *a = &d->arches.items[i];
        sb_printf(sb, "arch %s: %s", arch_info(a->arch)->name,
                  a->added ? "newly targeted (its calls were killed)" : "no longer targeted (its calls are killed)");
        tag(sb, p, a->cls);
    }
    bool shared = text_syscalls(d, p, sb);
    const char *section = NULL;
    for (size_t i = 0; i < d->items.len; i++) {
        const ItemChange *c = &d->items.items[i];
        if (!section || strcmp(section, c->section)) {
            section = c->section;
            sb_printf(sb, "%s:\n", section);
        }
        if (!c->from)
            sb_printf(sb, "  + %s", c->item);
        else if (!c->to)
            sb_printf(sb, "  - %s", c->item);
        else
            sb_printf(sb, "  %s: %s -> %s", c->item, c->from, c->to);
        if (c->at)
            sb_printf(sb, " (%s)", c->at);
        tag(sb, p, c->cls);
    }
    sb_printf(sb, "summary: %zu widened, %zu narrowed, %zu other", d->counts[DIFF_WIDENED], d->counts[DIFF_NARROWED],
              d->counts[DIFF_OTHER]);
    if (shared)
        sb_puts(sb, " (a syscall change counts once per arch)");
    sb_puts(sb, d->counts[DIFF_WIDENED] ? "; NEW allows what OLD did not\n" : "\n");
}

/* ---- JSON ---- */

static json_object *jstr_or_null(const char *s) { return s ? json_object_new_string(s) : NULL; }

static json_object *jaction(const PolicyDiff *d, Action a)
{
    static const char *const kinds[] = {"kill-process", "kill", "trap", "errno", "notify", "trace", "log", "allow"};
    json_object *o = json_object_new_object();
    json_object_object_add(o, "action", json_object_new_string(kinds[a.kind]));
    if (a.kind == ACT_ERRNO || a.kind == ACT_TRAP || a.kind == ACT_TRACE)
        json_object_object_add(o, "value", json_object_new_int64(a.data));
    json_object_object_add(o, "text", json_object_new_string(act(d, a)));
    return o;
}

static json_object *jrules(const DiffRules *r)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; i < r->len; i++) {
        json_object *o = json_object_new_object();
        json_object_object_add(o, "kind", json_object_new_string(r->items[i].kind));
        json_object_object_add(o, "at", json_object_new_string(r->items[i].at));
        json_object_object_add(o, "text", jstr_or_null(r->items[i].text));
        json_object_array_add(a, o);
    }
    return a;
}

static json_object *jchange(const PolicyDiff *d, Action from, Action to)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "class", json_object_new_string(diff_class_name(diff_classify(from, to))));
    json_object_object_add(o, "from", jaction(d, from));
    json_object_object_add(o, "to", jaction(d, to));
    return o;
}

void diff_render_json(const PolicyDiff *d, StrBuf *sb)
{
    json_object *root = json_object_new_object();
    json_object_object_add(root, "schema", json_object_new_string("polc-diff/2"));
    json_object_object_add(root, "old", json_object_new_string(d->old_label));
    json_object_object_add(root, "new", json_object_new_string(d->new_label));
    json_object_object_add(root, "more_permissive", json_object_new_boolean(d->counts[DIFF_WIDENED] != 0));
    json_object *sum = json_object_new_object();
    for (int c = DIFF_WIDENED; c <= DIFF_OTHER; c++)
        json_object_object_add(sum, diff_class_name((DiffClass)c), json_object_new_int64((int64_t)d->counts[c]));
    json_object_object_add(root, "summary", sum);
    json_object *dflt = NULL;
    if (d->default_changed) {
        dflt = jchange(d, d->default_from, d->default_to);
        json_object_object_add(dflt, "old_rules", jrules(&d->default_old_by));
        json_object_object_add(dflt, "new_rules", jrules(&d->default_new_by));
    }
    json_object_object_add(root, "default", dflt);
    json_object_object_add(root, "unknown_numbers",
                           d->unknown_changed ? jchange(d, d->unknown_from, d->unknown_to) : NULL);
    json_object *arches = json_object_new_array();
    for (size_t i = 0; i < d->arches.len; i++) {
        const ArchChange *a = &d->arches.items[i];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "arch", json_object_new_string(arch_info(a->arch)->name));
        json_object_object_add(o, "change", json_object_new_string(a->added ? "added" : "removed"));
        json_object_object_add(o, "class", json_object_new_string(diff_class_name(a->cls)));
        json_object_array_add(arches, o);
    }
    json_object_object_add(root, "arches", arches);
    json_object *sys = json_object_new_array();
    for (size_t i = 0; i < d->syscalls.len; i++) {
        const SyscallChange *c = &d->syscalls.items[i];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "arch", json_object_new_string(arch_info(c->arch)->name));
        json_object_object_add(o, "syscall", json_object_new_string(c->name));
        json_object_object_add(o, "nr", json_object_new_int64(c->nr));
        json_object_object_add(o, "class", json_object_new_string(diff_class_name(c->cls)));
        json_object_object_add(o, "region", jstr_or_null(c->region));
        json_object_object_add(o, "when", jstr_or_null(c->when));
        json_object_object_add(o, "from", jaction(d, c->from));
        json_object_object_add(o, "to", jaction(d, c->to));
        json_object_object_add(o, "old_rules", jrules(&c->old_by));
        json_object_object_add(o, "new_rules", jrules(&c->new_by));
        json_object_object_add(o, "dangerous", jstr_or_null(c->danger));
        json_object_object_add(o, "group", json_object_new_string(c->group));
        json_object_array_add(sys, o);
    }
    json_object_object_add(root, "syscalls", sys);
    static const char *const sections[] = {"capabilities", "filesystem", "network", "process", "resources"};
    for (size_t s = 0; s < sizeof sections / sizeof *sections; s++) {
        json_object *arr = json_object_new_array();
        for (size_t i = 0; i < d->items.len; i++) {
            const ItemChange *c = &d->items.items[i];
            if (strcmp(c->section, sections[s]))
                continue;
            json_object *o = json_object_new_object();
            json_object_object_add(o, "item", json_object_new_string(c->item));
            json_object_object_add(o, "change",
                                   json_object_new_string(!c->from ? "added" : !c->to ? "removed" : "changed"));
            json_object_object_add(o, "class", json_object_new_string(diff_class_name(c->cls)));
            json_object_object_add(o, "from", jstr_or_null(c->from));
            json_object_object_add(o, "to", jstr_or_null(c->to));
            json_object_object_add(o, "at", jstr_or_null(c->at));
            json_object_array_add(arr, o);
        }
        json_object_object_add(root, sections[s], arr);
    }
    sb_puts(sb, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                         JSON_C_TO_STRING_NOSLASHESCAPE));
    sb_putc(sb, '\n');
    json_object_put(root);
}

/* ---- SARIF: each widened change is a result W1010 about NEW ---- */

static void sarif_widened(SarifLog *log, const PolicyDiff *d, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void sarif_widened(SarifLog *log, const PolicyDiff *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_vprintf(&((polc_ctx *)d->new_ctx)->arena, fmt, ap);
    va_end(ap);
    const char *path = d->new_label && strcmp(d->new_label, "-") != 0 ? d->new_label : NULL;
    sarif_add_file_result(log, "W1010", SEV_WARNING, msg, path);
}

void diff_render_sarif(const PolicyDiff *d, SarifLog *log)
{
    if (d->default_changed && (d->exact || diff_classify(d->default_from, d->default_to) == DIFF_WIDENED))
        sarif_widened(log, d, "%s: default: %s -> %s", diff_class_name(diff_classify(d->default_from, d->default_to)), act(d, d->default_from), act(d, d->default_to));
    if (d->unknown_changed && (d->exact || diff_classify(d->unknown_from, d->unknown_to) == DIFF_WIDENED))
        sarif_widened(log, d, "%s: numbers polc's tables do not know: %s -> %s", diff_class_name(diff_classify(d->unknown_from, d->unknown_to)), act(d, d->unknown_from),
                      act(d, d->unknown_to));
    for (size_t i = 0; i < d->arches.len; i++) {
        const ArchChange *a = &d->arches.items[i];
        if (d->exact || a->cls == DIFF_WIDENED)
            sarif_widened(log, d, "%s: arch %s: %s", diff_class_name(a->cls), arch_info(a->arch)->name,
                          a->added ? "newly targeted (its calls were killed)"
                                   : "no longer targeted (its calls are killed)");
    }
    for (size_t i = 0; i < d->syscalls.len; i++) {
        const SyscallChange *c = &d->syscalls.items[i];
        if (c->cls != DIFF_WIDENED && !d->exact)
            continue;
        sarif_widened(log, d, "%s on %s: %s%s%s%s%s%s: %s -> %s", diff_class_name(c->cls), arch_info(c->arch)->name, c->name,
                      c->region ? "(" : "", c->region ? c->region : "", c->region ? ")" : "",
                      c->when ? " " : "", c->when ? arena_printf(&((polc_ctx *)d->new_ctx)->arena, "[%s]", c->when) : "",
                      act(d, c->from), act(d, c->to));
    }
    for (size_t i = 0; i < d->items.len; i++) {
        const ItemChange *c = &d->items.items[i];
        if (c->cls != DIFF_WIDENED && !d->exact)
            continue;
        if (!c->from)
            sarif_widened(log, d, "%s: %s: + %s", diff_class_name(c->cls), c->section, c->item);
        else if (!c->to)
            sarif_widened(log, d, "%s: %s: - %s", diff_class_name(c->cls), c->section, c->item);
        else
            sarif_widened(log, d, "%s: %s: %s: %s -> %s", diff_class_name(c->cls), c->section, c->item, c->from, c->to);
    }
}
