/* A systemd drop-in (UNIT.service.d/polc.conf) for a service confined by the
 * policy.
 *
 * The syscall part is SystemCallFilter=, which names calls and nothing else:
 * a call is allowed, or gets the one answer of its mode. The drop-in is
 * written only where that is the policy, decided per syscall name over every
 * target arch at the policy's own capability set (the bounding set the
 * drop-in gives):
 *  - a default of errno(N) or kill-process is an allow list: the allowed and
 *    logged calls, SystemCallErrorNumber=N (none: systemd kills the process).
 *    systemd adds its @default group to every allow list, so the drop-in
 *    takes back, with `~`, every name of polc's tables the policy denies;
 *  - a default of allow is a deny list, each call with its own errno
 *    (`~name:EPERM`) or none (killed);
 *  - `log` calls are SystemCallLog=, a filter of its own that logs and
 *    allows what the main filter allows.
 * Anything else refuses the policy (E1202, E1203, E1205), naming the rules:
 * argument conditions, a denial other than the default's in an allow list, a
 * trap/trace/notify/kill-thread action, a call decided differently on two
 * arches. The service can run the exact filter through `polc run` in its
 * ExecStart= instead (docs/runtimes.md); the drop-in cannot know the command.
 *
 * The rest: CapabilityBoundingSet=/AmbientCapabilities= hold the policy's
 * set (polc run's five sets), User=/Group=, NoNewPrivileges=, ProtectSystem=
 * strict for `read-only root` with ReadWritePaths= for the `write`
 * directories (container_write_dir), ReadOnlyPaths=/InaccessiblePaths=/
 * NoExecPaths= for `read` (writable root), `deny` and `deny exec` rules that
 * name a whole directory or one path, AppArmorProfile= for all filesystem
 * and network rules, and the resources section. TCP ports and scopes are
 * refused before this runs (landlock_only.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "middle/accounts.h"
#include "backend/backend.h"
#include "backend/container_spec.h"
#include "middle/ir.h"

typedef struct SdCall {
    const char *name;
    Action act;
    bool conditional;
    int rule;    /* a deciding rule, -1: the default */
    ArchId arch; /* where it was first decided */
} SdCall;
typedef VEC(SdCall) SdCallVec;

/* The drop-in as data. */
typedef struct SystemdDropIn {
    const char *policy_name;
    bool allow_list;
    VEC(const char *) allow;  /* allow list: allowed and logged calls */
    VEC(const char *) deny;   /* `~` entries: names, with `:ERRNO` in a deny list */
    VEC(const char *) log;    /* SystemCallLog= */
    const char *error_number; /* SystemCallErrorNumber=; NULL: killed */
    VEC(const char *) archs;  /* SystemCallArchitectures= */
    int ncaps;
    const char *caps[CONTAINER_LAST_CAP + 1];
    bool no_new_privs;
    /* User= and Group= as written: systemd looks names up on the host; a
     * named user without a group gets its primary group (no Group=) */
    const char *user, *group;
    bool protect_strict;
    VEC(const char *) rw, ro, inaccessible, noexec;
    const char *apparmor;
    const Policy *p; /* the resources section */
} SystemdDropIn;

static const char *const SD_ARCH[ARCH__COUNT] = {
    [ARCH_X86_64] = "x86-64", [ARCH_X86] = "x86",         [ARCH_X32] = "x32",         [ARCH_AARCH64] = "arm64",
    [ARCH_ARM] = "arm",       [ARCH_RISCV64] = "riscv64", [ARCH_PPC64LE] = "ppc64-le", [ARCH_S390X] = "s390x",
};

static Span root_span(const Policy *p)
{
    return span_valid(p->name_span) ? p->name_span : (Span){p->root_file, 0, 0};
}

static Span rule_span(const Policy *p, int rule)
{
    if (rule < 0 || (size_t)rule >= p->rules.len)
        return span_valid(p->default_span) ? p->default_span : root_span(p);
    return p->rules.items[rule]->span;
}

/* What the policy decides for every name of `arch`'s table, at caps. */
static SdCall decide(const Policy *p, const IrArch *ia, const SyscallEntry *e, uint64_t caps)
{
    SdCall c = {e->name, p->ir->default_action, false, -1, ia->arch};
    const IrSyscall *s = ir_syscall(ia, e->nr);
    if (!s)
        return c;
    const IrDecision *d = ir_scenario(s, caps);
    for (size_t i = 0; i < d->cases.len && c.rule < 0; i++)
        if (d->cases.items[i].rules.len)
            c.rule = d->cases.items[i].rules.items[0];
    if (d->cases.len == 0)
        return c;
    if (d->cases.len == 1 && dnf_is_true(d->cases.items[0].cond)) {
        c.act = d->cases.items[0].action;
        return c;
    }
    c.conditional = true;
    return c;
}

static int cmp_call(const void *a, const void *b) { return strcmp(((const SdCall *)a)->name, ((const SdCall *)b)->name); }

/* Every name of the target tables, decided once (E1205 when two arches disagree). */
static bool collect(const Policy *p, DiagEngine *diag, SdCallVec *out)
{
    StrMap seen = {0};
    bool ok = true;
    for (size_t a = 0; a < p->ir->arches.len; a++) {
        const IrArch *ia = &p->ir->arches.items[a];
        const ArchTable *t = &p->db.arch[ia->arch];
        for (size_t i = 0; i < t->len; i++) {
            SdCall c = decide(p, ia, &t->entries[i], p->caps.effective);
            SdCall *prev = strmap_get(&seen, c.name);
            if (!prev) {
                VEC_PUSH(p->arena, *out, c);
                strmap_put(&seen, p->arena, c.name, (void *)(uintptr_t)out->len);
                continue;
            }
            prev = &out->items[(uintptr_t)prev - 1];
            if (prev->conditional || c.conditional || action_eq(prev->act, c.act))
                continue;
            Diag *g = diag_error(diag, "E1205", rule_span(p, c.rule >= 0 ? c.rule : prev->rule),
                                 "the systemd drop-in cannot decide `%s` differently on %s (%s) and %s (%s)", c.name,
                                 arch_info(prev->arch)->name, action_str(p, p->arena, prev->act),
                                 arch_info(c.arch)->name, action_str(p, p->arena, c.act));
            diag_note(diag, g, SPAN_NONE, "SystemCallFilter= names a call once for every architecture");
            ok = false;
        }
    }
    if (out->len > 1)
        qsort(out->items, out->len, sizeof *out->items, cmp_call);
    return ok;
}

/* One error for the calls of one kind, with the rules that decide them. */
static void refuse(const Policy *p, DiagEngine *diag, const SdCall *const *calls, size_t n, const char *why,
                   const char *note)
{
    StrBuf names;
    sb_init(&names);
    for (size_t i = 0; i < n && i < 8; i++)
        sb_printf(&names, "%s`%s`", i ? ", " : "", calls[i]->name);
    if (n > 8)
        sb_printf(&names, " and %zu more", n - 8);
    Diag *g = diag_error(diag, "E1202", rule_span(p, calls[0]->rule), "the systemd drop-in cannot express %s %s",
                         why, names.data);
    sb_free(&names);
    int shown[8], nshown = 0;
    for (size_t i = 0; i < n && nshown < 8; i++) {
        int r = calls[i]->rule;
        bool dup = r < 0 || r == calls[0]->rule;
        for (int k = 0; k < nshown && !dup; k++)
            dup = shown[k] == r;
        if (dup)
            continue;
        shown[nshown++] = r;
        diag_note(diag, g, rule_span(p, r), "this rule decides `%s`", calls[i]->name);
    }
    diag_note(diag, g, SPAN_NONE, "%s", note);
    diag_help(diag, g, "start the service through `polc run POLICY.pol -- CMD` in its ExecStart=, which loads the "
                       "exact filter (docs/runtimes.md), or drop the conditions and errnos SystemCallFilter= "
                       "cannot say");
}

static const char *errno_text(const Policy *p, uint32_t e)
{
    const char *n = errno_name(p, e);
    return n ? n : arena_printf(p->arena, "%u", e);
}

static bool build_filter(const Policy *p, DiagEngine *diag, SystemdDropIn *d)
{
    Action dflt = p->ir->default_action;
    d->allow_list = dflt.kind == ACT_ERRNO || dflt.kind == ACT_KILL_PROCESS;
    if (!d->allow_list && dflt.kind != ACT_ALLOW) {
        Diag *g = diag_error(diag, "E1203", span_valid(p->default_span) ? p->default_span : root_span(p),
                             "the systemd drop-in cannot express the default `%s`", action_str(p, p->arena, dflt));
        diag_note(diag, g, SPAN_NONE, "SystemCallFilter= answers the calls it does not allow with an errno or by "
                                      "killing the process, or allows them");
        return false;
    }
    if (p->ir->has_unknown && !action_eq(p->ir->unknown_action, dflt)) {
        Diag *g = diag_error(diag, "E1203", p->unknown_span,
                             "the systemd drop-in cannot express `default %s for unknown`",
                             action_str(p, p->arena, p->ir->unknown_action));
        diag_note(diag, g, SPAN_NONE, "systemd gives the numbers it has no name for the default's answer");
        return false;
    }
    if (dflt.kind == ACT_ERRNO)
        d->error_number = errno_text(p, dflt.data);
    SdCallVec calls = {0};
    bool ok = collect(p, diag, &calls);
    VEC(const SdCall *) cond = {0}, other = {0};
    for (size_t i = 0; i < calls.len; i++) {
        const SdCall *c = &calls.items[i];
        if (c->conditional) {
            VEC_PUSH(p->arena, cond, c);
            continue;
        }
        ActKind k = c->act.kind;
        if (k == ACT_ALLOW || k == ACT_LOG) {
            if (d->allow_list)
                VEC_PUSH(p->arena, d->allow, c->name);
            if (k == ACT_LOG)
                VEC_PUSH(p->arena, d->log, c->name);
        } else if (d->allow_list && action_eq(c->act, dflt)) {
            VEC_PUSH(p->arena, d->deny, c->name);
        } else if (!d->allow_list && k == ACT_ERRNO) {
            VEC_PUSH(p->arena, d->deny, arena_printf(p->arena, "%s:%s", c->name, errno_text(p, c->act.data)));
        } else if (!d->allow_list && k == ACT_KILL_PROCESS) {
            VEC_PUSH(p->arena, d->deny, c->name);
        } else {
            VEC_PUSH(p->arena, other, c);
        }
    }
    if (cond.len) {
        refuse(p, diag, cond.items, cond.len, "the argument conditions of",
               "SystemCallFilter= names calls; it cannot look at their arguments");
        ok = false;
    }
    if (other.len) {
        refuse(p, diag, other.items, other.len,
               d->allow_list ? "how the policy answers" : "the kill-thread, trap, trace or notify action of",
               d->allow_list ? arena_printf(p->arena, "an allow list gives every call it does not allow one answer, "
                                                      "the default's (%s)", action_str(p, p->arena, dflt))
                             : "a deny list answers with an errno or kills the process");
        ok = false;
    }
    for (size_t a = 0; a < p->ir->arches.len; a++)
        VEC_PUSH(p->arena, d->archs, SD_ARCH[p->ir->arches.items[a].arch]);
    return ok;
}

/* A path systemd's path lists can take unquoted. */
static bool plain_path(const char *s) { return !strpbrk(s, " \t\n\"'\\%"); }

/* A tree (X followed by a slash and `**`) or a path without globs: exactly
 * the tree at X or the one path. */
static const char *whole_path(Arena *a, const char *path)
{
    size_t n = strlen(path);
    const char *tail = n > 3 && strcmp(path + n - 3, "/**") == 0 ? path + n - 3 : path + n;
    for (const char *q = path; q < tail; q++)
        if (strchr("*?[{", *q))
            return NULL;
    return arena_strndup(a, path, (size_t)(tail - path));
}

static void build_fs(const Policy *p, SystemdDropIn *d)
{
    d->protect_strict = p->fs.read_only_root;
    for (size_t i = 0; i < p->fs.rules.len; i++) {
        const FsRule *r = &p->fs.rules.items[i];
        const char *path = NULL;
        if ((r->access == FS_WRITE || r->access == FS_APPEND) && d->protect_strict)
            path = container_write_dir(p->arena, r->path);
        else if ((r->access == FS_READ && !d->protect_strict) || r->access == FS_DENY || r->access == FS_DENY_EXEC)
            path = whole_path(p->arena, r->path);
        if (!path || !*path || !plain_path(path))
            continue; /* the AppArmor profile's alone */
        const char *entry = arena_printf(p->arena, "-%s", path); /* `-`: a path that does not exist is no error */
        if (r->access == FS_WRITE || r->access == FS_APPEND)
            VEC_PUSH(p->arena, d->rw, entry);
        else if (r->access == FS_READ)
            VEC_PUSH(p->arena, d->ro, entry);
        else if (r->access == FS_DENY)
            VEC_PUSH(p->arena, d->inaccessible, entry);
        else
            VEC_PUSH(p->arena, d->noexec, entry);
    }
}

/* User= and Group=. systemd gives a User= with a non-root group the
 * supplementary groups the host's /etc/group lists for that account
 * (initgroups), also when Group= is set and when User= is a number with an
 * account: exactly the meaning of `user NAME` without a group, and more than
 * `user U`, `user U:G` or `user NAME:GROUP` allow (no supplementary groups),
 * which are refused. A group alone is Group=. */
static bool build_accounts(const Policy *p, DiagEngine *diag, SystemdDropIn *d)
{
    bool root = accounts_runs_as_root(p);
    if (p->process.has_user && !root && (!p->process.user_name || p->process.has_gid)) {
        Diag *g = diag_error(diag, "E1211", p->process.user_span,
                             "the systemd drop-in cannot run as `%s` without the account's supplementary groups",
                             accounts_user_arg(p, p->arena));
        diag_note(diag, g, SPAN_NONE, "%s",
                  "systemd calls initgroups() for User=, whatever Group= says: the groups the host's /etc/group "
                  "lists for the account are added, which the policy excludes");
        diag_help(diag, g, "%s",
                  "name the account without a group (`user NAME`: its primary group and the /etc/group ones, as "
                  "systemd gives them), or start the service through `polc run` in its ExecStart=");
        return false;
    }
    if (p->process.has_user)
        d->user = p->process.user_name ? p->process.user_name : "0";
    if (p->process.group_name)
        d->group = p->process.group_name;
    else if (p->process.has_gid)
        d->group = arena_printf(p->arena, "%u", p->process.gid);
    else if (root)
        d->group = "0";
    return true;
}

static bool build(const Policy *p, const BackendOptions *opt, DiagEngine *diag, SystemdDropIn *d)
{
    *d = (SystemdDropIn){0};
    d->p = p;
    d->policy_name = p->name ? p->name : (opt->basename ? opt->basename : "policy");
    d->apparmor = d->policy_name;
    bool ok = build_filter(p, diag, d);
    for (int n = 0; n < 64; n++) {
        if (!(p->caps.effective >> n & 1))
            continue;
        const char *name = cap_name(p, n);
        if (n > CONTAINER_LAST_CAP || !name) {
            diag_error(diag, "E0902", root_span(p), "capability number %d is not a Linux capability systemd can name",
                       n);
            ok = false;
            continue;
        }
        d->caps[d->ncaps++] = strncmp(name, "CAP_", 4) == 0 ? name + 4 : name;
    }
    d->no_new_privs = p->process.no_new_privs;
    ok = build_accounts(p, diag, d) && ok;
    build_fs(p, d);
    ok = container_check_nproc(p, "systemd drop-in", diag) && ok;
    return container_check_swap(p, "systemd drop-in", diag) && ok;
}

/* `KEY=a b c`, several assignments of at most ~100 columns. */
static void list(StrBuf *out, const char *key, const char *prefix, const char *const *items, size_t n)
{
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        if (col && col + 1 + strlen(items[i]) > 100) {
            sb_putc(out, '\n');
            col = 0;
        }
        if (!col) {
            sb_printf(out, "%s=%s", key, prefix);
            col = strlen(key) + 1 + strlen(prefix);
        } else {
            sb_putc(out, ' ');
            col++;
        }
        sb_puts(out, items[i]);
        col += strlen(items[i]);
    }
    if (col)
        sb_putc(out, '\n');
}

static void value(StrBuf *out, const char *key, uint64_t v)
{
    if (v == CONTAINER_UNLIMITED)
        sb_printf(out, "%s=infinity\n", key);
    else
        sb_printf(out, "%s=%llu\n", key, (unsigned long long)v);
}

static void limit_pair(StrBuf *out, const char *key, const RlimitPair *r)
{
    char s[32], h[32];
    snprintf(s, sizeof s, "%llu", (unsigned long long)r->soft);
    snprintf(h, sizeof h, "%llu", (unsigned long long)r->hard);
    sb_printf(out, "%s=%s:%s\n", key, r->soft == CONTAINER_UNLIMITED ? "infinity" : s,
              r->hard == CONTAINER_UNLIMITED ? "infinity" : h);
}

static void render(const SystemdDropIn *d, StrBuf *out)
{
    sb_puts(out, "# polc: drop-in for a service confined by policy ");
    for (const char *c = d->policy_name; *c; c++)
        sb_putc(out, (unsigned char)*c < 0x20 || *c == 0x7f ? '?' : *c);
    sb_puts(out, ".\n# Install as /etc/systemd/system/UNIT.service.d/polc.conf; load the AppArmor profile first.\n");
    sb_puts(out, "[Service]\n");
    if (d->user)
        sb_printf(out, "User=%s\n", d->user);
    if (d->group)
        sb_printf(out, "Group=%s\n", d->group);
    if (d->no_new_privs)
        sb_puts(out, "NoNewPrivileges=yes\n");
    const char *caps[CONTAINER_LAST_CAP + 1];
    for (int i = 0; i < d->ncaps; i++)
        caps[i] = arena_printf(d->p->arena, "CAP_%s", d->caps[i]);
    if (d->ncaps) {
        list(out, "CapabilityBoundingSet", "", caps, (size_t)d->ncaps);
        list(out, "AmbientCapabilities", "", caps, (size_t)d->ncaps);
    } else {
        sb_puts(out, "CapabilityBoundingSet=\nAmbientCapabilities=\n");
    }
    list(out, "SystemCallArchitectures", "", d->archs.items, d->archs.len);
    if (d->allow_list) {
        sb_puts(out, "# systemd adds @default to an allow list; the `~` lines take back what the policy denies\n");
        sb_puts(out, "SystemCallFilter=@default\n");
        list(out, "SystemCallFilter", "", d->allow.items, d->allow.len);
    }
    list(out, "SystemCallFilter", "~", d->deny.items, d->deny.len);
    if (d->error_number)
        sb_printf(out, "SystemCallErrorNumber=%s\n", d->error_number);
    list(out, "SystemCallLog", "", d->log.items, d->log.len);
    if (d->protect_strict)
        sb_puts(out, "ProtectSystem=strict\n");
    list(out, "ReadWritePaths", "", d->rw.items, d->rw.len);
    list(out, "ReadOnlyPaths", "", d->ro.items, d->ro.len);
    list(out, "InaccessiblePaths", "", d->inaccessible.items, d->inaccessible.len);
    list(out, "NoExecPaths", "", d->noexec.items, d->noexec.len);
    sb_printf(out, "AppArmorProfile=%s\n", d->apparmor);
    const Policy *p = d->p;
    if (p->resources.pids.set)
        value(out, "TasksMax", p->resources.pids.value);
    if (p->resources.memory.set)
        value(out, "MemoryMax", p->resources.memory.value);
    if (p->resources.memory_swap.set) /* systemd's is the swap alone */
        value(out, "MemorySwapMax", p->resources.memory_swap.value == CONTAINER_UNLIMITED
                                        ? CONTAINER_UNLIMITED
                                        : p->resources.memory_swap.value - p->resources.memory.value);
    if (p->resources.cpus.set) { /* thousandths of a CPU: tenths of a percent */
        uint64_t m = p->resources.cpus.value;
        if (m % 10)
            sb_printf(out, "CPUQuota=%llu.%llu%%\n", (unsigned long long)(m / 10), (unsigned long long)(m % 10));
        else
            sb_printf(out, "CPUQuota=%llu%%\n", (unsigned long long)(m / 10));
    }
    if (p->resources.nofile.set)
        limit_pair(out, "LimitNOFILE", &p->resources.nofile);
    if (p->resources.nproc.set)
        limit_pair(out, "LimitNPROC", &p->resources.nproc);
}

bool backend_systemd(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out)
{
    SystemdDropIn d;
    if (!build(policy, opt, diag, &d))
        return false;
    render(&d, out);
    return true;
}
