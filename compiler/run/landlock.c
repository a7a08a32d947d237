/* The filesystem section as a Landlock ruleset (docs/run.md has the table,
 * side by side with the AppArmor back end). Landlock only grants: a ruleset
 * handles some rights, which are then denied everywhere except beneath the
 * paths a rule names. So a rule maps exactly when it grants a right on a whole
 * directory hierarchy (`/dir/` followed by `**`) or on one existing file; a rule that would
 * have to subtract from a granted area, or a glob that is not a hierarchy, is
 * refused with E1101 naming it, unless --accept-widening names its line: then
 * it becomes the hierarchy around it, with a W0011 naming that hierarchy.
 * Reads are handled only under `confine reads`: then the listed paths and the
 * read baseline (facts/read_baseline.c) are readable, nothing else; without
 * it `read P` means read-only and everything stays readable, as in the
 * AppArmor profile. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "facts/read_baseline.h"
#include "run/run.h"

/* Rights newer than Debian 12's linux/landlock.h (ABI 2). */
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

#define LL_FS_WRITE                                                                                          \
    (LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |      \
     LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |             \
     LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_MAKE_BLOCK |          \
     LANDLOCK_ACCESS_FS_MAKE_SYM | LANDLOCK_ACCESS_FS_REFER | LANDLOCK_ACCESS_FS_TRUNCATE)
#define LL_FS_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
/* The rights a rule on a file (not a directory) may carry. */
#define LL_FILE_RIGHTS                                                                                       \
    (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |           \
     LANDLOCK_ACCESS_FS_TRUNCATE)

int landlock_host_abi(void)
{
    long v = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return v < 0 ? 0 : (int)v;
}

static bool has_glob(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strchr("*?[]{}", s[i]))
            return true;
    return false;
}

/* /proc/self in the parent is polc's own process: the child opens these */
static bool names_own_process(const char *path)
{
    static const char *const own[] = {"/proc/self", "/proc/thread-self"};
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(own[i]);
        if (strncmp(path, own[i], n) == 0 && (path[n] == '\0' || path[n] == '/'))
            return true;
    }
    return false;
}

static bool add(const Policy *p, LlPlan *out, const char *path, uint64_t access)
{
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
        access &= LL_FILE_RIGHTS;
    if (names_own_process(path)) {
        close(fd);
        fd = -1;
    }
    LlRule *r = arena_alloc(p->arena, (out->nrules + 1) * sizeof *r);
    if (out->nrules)
        memcpy(r, out->rules, out->nrules * sizeof *r);
    r[out->nrules++] = (LlRule){fd, access, path};
    out->rules = r;
    return true;
}

/* What --accept-widening may match, and which of its values did. */
typedef struct Widening {
    const RunOptions *opt;
    bool *used;
} Widening;

/* "FILE:LINE" of a rule, as its diagnostics print the place */
static const char *rule_line(const Policy *p, Span s)
{
    const SourceFile *f = source_get(p->sm, s.file);
    unsigned line, col;
    source_linecol(f, s.start, &line, &col);
    return arena_printf(p->arena, "%s:%u", f->name, line);
}

/* The directory around a glob: its literal start, cut at the last '/'. */
static const char *glob_dir(const Policy *p, const char *path)
{
    size_t n = strcspn(path, "*?[]{}");
    while (n > 0 && path[n - 1] != '/')
        n--;
    while (n > 1 && path[n - 1] == '/')
        n--;
    return n <= 1 ? "/" : arena_strndup(p->arena, path, n);
}

/* FILE:LINE names the same line as loc (FILE:LINE as the refusal prints
 * it): the same text, or FILE the same file by another path (./app.pol). */
static bool same_place(const char *given, const char *loc)
{
    if (strcmp(given, loc) == 0)
        return true;
    const char *gc = strrchr(given, ':'), *lc = strrchr(loc, ':');
    if (!gc || !lc || strcmp(gc, lc) != 0)
        return false;
    char a[PATH_MAX], b[PATH_MAX], ga[PATH_MAX], la[PATH_MAX];
    snprintf(ga, sizeof ga, "%.*s", (int)(gc - given), given);
    snprintf(la, sizeof la, "%.*s", (int)(lc - loc), loc);
    return realpath(ga, a) && realpath(la, b) && strcmp(a, b) == 0;
}

/* The hierarchy `dir` when --accept-widening names the rule's line, with a
 * warning that says what becomes allowed; NULL when it does not. */
static const char *widen(const Policy *p, Widening *w, DiagEngine *diag, const FsRule *r, const char *dir)
{
    const char *loc = rule_line(p, r->span);
    for (size_t i = 0; i < w->opt->naccept_widening; i++) {
        if (!same_place(w->opt->accept_widening[i], loc))
            continue;
        w->used[i] = true;
        Diag *g = diag_warning(diag, "W0011", r->span,
                               "polc run: --accept-widening %s: `%s %s` becomes `%s %s/**`: everything beneath `%s` "
                               "is allowed, not only what `%s` names",
                               loc, fs_access_name(r->access), r->path, fs_access_name(r->access),
                               strcmp(dir, "/") ? dir : "", dir, r->path);
        diag_note(diag, g, SPAN_NONE, "Landlock rules cover a whole directory hierarchy or one file");
        return dir;
    }
    return NULL;
}

/* The hierarchy or file a rule's path names, or NULL after E1101/E1103. */
static const char *rule_target(const Policy *p, Widening *w, DiagEngine *diag, const FsRule *r)
{
    const char *path = r->path;
    size_t n = strlen(path);
    const char *target = NULL;
    bool dir = false;
    if (n >= 3 && strcmp(path + n - 3, "/**") == 0 && !has_glob(path, n - 3)) {
        target = n == 3 ? "/" : arena_strndup(p->arena, path, n - 3);
        dir = true;
    } else if (!has_glob(path, n)) {
        target = path;
    } else {
        const char *around = glob_dir(p, path);
        target = widen(p, w, diag, r, around);
        if (!target) {
            Diag *g = diag_error(diag, "E1101", r->span,
                                 "polc run: Landlock cannot express `%s %s` exactly: its rules cover a whole "
                                 "directory hierarchy or one file",
                                 fs_access_name(r->access), path);
            diag_help(diag, g, "write the rule as `DIR/**` (everything beneath DIR) or as one file's path");
            diag_help(diag, g, "or accept everything beneath `%s` for it: --accept-widening %s", around,
                      rule_line(p, r->span));
            return NULL;
        }
        dir = true;
    }
    struct stat st;
    if (stat(target, &st) != 0) {
        Diag *g = diag_error(diag, "E1103", r->span, "polc run: `%s` (of `%s %s`) does not exist: %s", target,
                             fs_access_name(r->access), path, strerror(errno));
        diag_help(diag, g, "a Landlock rule needs an existing file or directory");
        return NULL;
    }
    if (!dir && S_ISDIR(st.st_mode)) {
        if (widen(p, w, diag, r, target))
            return target;
        Diag *g = diag_error(diag, "E1101", r->span,
                             "polc run: `%s %s` names the directory itself; Landlock would grant everything "
                             "beneath it",
                             fs_access_name(r->access), path);
        diag_help(diag, g, "write `%s/**` if everything beneath it is meant", strcmp(path, "/") ? path : "");
        diag_help(diag, g, "or accept everything beneath `%s` for it: --accept-widening %s", target,
                  rule_line(p, r->span));
        return NULL;
    }
    if (dir && !S_ISDIR(st.st_mode)) {
        diag_error(diag, "E1101", r->span, "polc run: `%s` (of `%s %s`) is not a directory", target,
                   fs_access_name(r->access), path);
        return NULL;
    }
    return target;
}

/* The literal part of a path before its first glob character. */
static size_t literal_prefix(const char *s)
{
    size_t n = strcspn(s, "*?[]{}");
    return n;
}

static bool overlaps(const char *a, const char *b)
{
    size_t na = literal_prefix(a), nb = literal_prefix(b);
    size_t n = na < nb ? na : nb;
    return strncmp(a, b, n) == 0;
}

/* path is top or beneath it (whole components) */
static bool within(const char *path, const char *top)
{
    if (strcmp(top, "/") == 0)
        return true;
    size_t n = strlen(top);
    return strncmp(path, top, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static void refuse(DiagEngine *diag, const FsRule *r, const char *why, const char *help)
{
    Diag *g = diag_error(diag, "E1101", r->span, "polc run: Landlock cannot enforce `%s %s`: %s", fs_access_name(r->access),
                         r->path, why);
    if (help)
        diag_help(diag, g, "%s", help);
}

/* Grant `access` on the rule's hierarchy or file (E1101/E1103 when it has none). */
static void grant(const Policy *p, Widening *w, DiagEngine *diag, LlPlan *out, const FsRule *r, uint64_t access)
{
    const char *t = rule_target(p, w, diag, r);
    for (size_t i = 0; t && (access & LL_FS_READ) && container_unreadable[i]; i++)
        if (overlaps(t, container_unreadable[i]) && strncmp(t, container_unreadable[i], strlen(t)) == 0) {
            Diag *g = diag_error(diag, "E1101", r->span,
                                 "polc run: `%s %s` would make `%s` readable, which polc's container baseline "
                                 "denies",
                                 fs_access_name(r->access), r->path, container_unreadable[i]);
            diag_help(diag, g, "list the files beneath `%s` that are read, not the whole hierarchy", t);
            return;
        }
    for (size_t i = 0; t && (access & LL_FS_WRITE) && container_unwritable[i]; i++)
        if (within(t, container_unwritable[i]) || within(container_unwritable[i], t)) {
            Diag *g = diag_error(diag, "E1101", r->span,
                                 "polc run: `%s %s` would allow writes beneath `%s`, which polc's container baseline "
                                 "denies",
                                 fs_access_name(r->access), r->path, container_unwritable[i]);
            diag_help(diag, g, "the AppArmor profile of this policy denies writes beneath `%s` whatever the rule "
                               "says; polc run refuses rather than allow more than it",
                      container_unwritable[i]);
            return;
        }
    if (t && !add(p, out, t, access))
        diag_error(diag, "E1103", r->span, "polc run: cannot open `%s`: %s", t, strerror(errno));
}

/* Under `confine reads`, whether a granted path (a rule's or the baseline's)
 * may reach into `deny P`: then the deny would have to subtract. */
static bool deny_reached(const Policy *p, const FsRule *d)
{
    for (size_t j = 0; j < p->fs.rules.len; j++) {
        const FsRule *g = &p->fs.rules.items[j];
        bool grants = g->access == FS_READ || g->access == FS_WRITE || g->access == FS_APPEND || g->access == FS_EXEC;
        if (grants && overlaps(g->path, d->path))
            return true;
    }
    for (size_t j = 0; j < read_baseline_len; j++)
        if (overlaps(read_baseline[j].path, d->path))
            return true;
    return false;
}

/* The least ABI: the rights the rules need, the policy's `landlock-abi`,
 * --landlock-abi; the largest wins. E1102 (at the policy's statement when
 * it decided) when the host has less. */
static bool check_abi(const Policy *p, const RunOptions *opt, int net_abi, int scope_abi, DiagEngine *diag,
                      LlPlan *out)
{
    bool ro = p->fs.read_only_root;
    out->abi_host = landlock_host_abi();
    /* TRUNCATE (ABI 3) is part of making the root read-only: below it a file
     * could be emptied with truncate(2), so a read-only root needs ABI 3 */
    int need = ro ? 3 : out->used ? 1 : 0;
    const char *why = ro ? "`read-only root` needs the truncate right"
                      : p->fs.confine_reads ? "`confine reads` needs it" : "the `exec` rules need it";
    Span at = SPAN_NONE;
    if (net_abi > need) {
        need = net_abi;
        why = "the network section's `tcp` ports need it";
    }
    if (scope_abi > need) {
        need = scope_abi;
        bool sig = p->process.scope_signal;
        why = sig ? "`scope signal` needs it" : "`scope abstract-unix` needs it";
        at = sig ? p->process.scope_signal_span : p->net.scope_abstract_unix_span;
    }
    if (p->fs.landlock_abi > need) {
        need = p->fs.landlock_abi;
        why = "the policy's `landlock-abi`";
        at = p->fs.landlock_abi_span;
    }
    if (opt->landlock_abi > need) {
        need = opt->landlock_abi;
        why = "--landlock-abi";
        at = SPAN_NONE;
    }
    out->abi_needed = need;
    if (need <= out->abi_host)
        return true;
    Diag *g;
    if (out->abi_host == 0)
        g = diag_error(diag, "E1102", at, "polc run: Landlock ABI %d is needed (%s), and this kernel has no Landlock",
                       need, why);
    else
        g = diag_error(diag, "E1102", at, "polc run: Landlock ABI %d is needed (%s), and this kernel has ABI %d", need,
                       why, out->abi_host);
    diag_help(diag, g, "polc run never drops a restriction the kernel cannot enforce; run on a newer kernel");
    return false;
}

bool landlock_plan(const Policy *p, const RunOptions *opt, DiagEngine *diag, LlPlan *out)
{
    memset(out, 0, sizeof *out);
    size_t errs = diag->nerrors;
    bool ro = p->fs.read_only_root, confine = p->fs.confine_reads, exec_list = false;
    Widening w = {opt, arena_alloc(p->arena, opt->naccept_widening + 1)};
    memset(w.used, 0, opt->naccept_widening + 1);
    for (size_t i = 0; i < p->fs.rules.len; i++)
        exec_list |= p->fs.rules.items[i].access == FS_EXEC;
    /* under `confine reads` every granted path is readable too */
    uint64_t rd = confine ? LL_FS_READ : 0;
    if (ro)
        out->handled |= LL_FS_WRITE;
    if (exec_list)
        out->handled |= LANDLOCK_ACCESS_FS_EXECUTE;
    out->handled |= rd;
    for (size_t i = 0; i < p->fs.rules.len; i++) {
        const FsRule *r = &p->fs.rules.items[i];
        switch (r->access) {
        case FS_READ_ONLY_ROOT: break;
        case FS_READ:
            /* read means read-only: exact under a read-only root */
            if (!ro)
                refuse(diag, r, "it would make a part of a writable root read-only, and Landlock rules only grant",
                       "add `read-only root` and list what is written with `write`");
            else if (confine)
                grant(p, &w, diag, out, r, rd);
            break;
        case FS_WRITE:
        case FS_APPEND:
            if (!exec_list) {
                refuse(diag, r,
                       "nothing beneath a writable path may run, which Landlock can only say by listing what "
                       "may run",
                       "list the programs that run with `exec` rules");
                break;
            }
            if (ro && r->access == FS_APPEND) {
                refuse(diag, r, "Landlock has no append-only right (writing would allow overwriting)",
                       "use `write` if overwriting is acceptable");
                break;
            }
            if (ro || confine)
                grant(p, &w, diag, out, r, (ro ? LL_FS_WRITE : 0) | rd);
            break;
        case FS_EXEC: grant(p, &w, diag, out, r, LANDLOCK_ACCESS_FS_EXECUTE | rd); break;
        case FS_DENY:
            /* exact only when nothing granted reaches P: under confined reads,
             * a read-only root and listed programs, P is then denied already */
            if (!confine)
                refuse(diag, r, "reads are not confined (add `confine reads`), and Landlock rules only grant", NULL);
            else if (!ro || !exec_list)
                refuse(diag, r,
                       !ro ? "the root is writable, and Landlock rules only grant"
                           : "everything runs without `exec` rules, and Landlock rules only grant",
                       !ro ? "add `read-only root`" : "list the programs that run with `exec` rules");
            else if (deny_reached(p, r))
                refuse(diag, r, "a granted path (a rule or the read baseline) reaches into it, and Landlock rules "
                                "only grant", NULL);
            break;
        case FS_DENY_EXEC: {
            bool clash = !exec_list;
            for (size_t j = 0; j < p->fs.rules.len && !clash; j++)
                clash = p->fs.rules.items[j].access == FS_EXEC && overlaps(p->fs.rules.items[j].path, r->path);
            if (clash)
                refuse(diag, r,
                       exec_list ? "it overlaps an `exec` rule, and Landlock rules only grant"
                                 : "Landlock can only forbid running files by listing what may run",
                       exec_list ? NULL : "list the programs that run with `exec` rules");
            break;
        }
        }
    }
    for (size_t i = 0; i < opt->naccept_widening; i++)
        if (!w.used[i]) {
            const char *a = opt->accept_widening[i], *colon = strrchr(a, ':');
            bool line = colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1);
            Diag *g = line ? diag_error(diag, "E1115", SPAN_NONE,
                                        "polc run: --accept-widening %s names no rule Landlock would have to widen", a)
                           : diag_error(diag, "E1115", SPAN_NONE,
                                        "polc run: --accept-widening %s is not FILE:LINE", a);
            diag_help(diag, g, "give FILE:LINE as printed by the refusal (E1101) it accepts");
        }
    if (diag->nerrors != errs)
        return false;
    if (ro) {
        /* the device sinks and the terminal, as in the AppArmor profile (docs/run.md) */
        static const char *const sinks[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/tty"};
        for (size_t i = 0; i < sizeof sinks / sizeof *sinks; i++)
            (void)add(p, out, sinks[i], LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_TRUNCATE);
        (void)add(p, out, "/dev/pts", LANDLOCK_ACCESS_FS_WRITE_FILE);
    }
    if (confine)
        /* the read baseline: what is missing on this host is not granted */
        for (size_t i = 0; i < read_baseline_len; i++)
            (void)add(p, out, read_baseline[i].path, LL_FS_READ);
    int net_abi = landlock_net_plan(p, out);
    int scope_abi = landlock_scope_plan(p, out);
    out->used = out->handled != 0 || out->handled_net != 0 || out->scoped != 0;
    return check_abi(p, opt, net_abi, scope_abi, diag, out);
}

int landlock_apply(const LlPlan *plan)
{
    int rs = landlock_create_ruleset(plan);
    if (rs < 0)
        return errno;
    for (size_t i = 0; i < plan->nrules; i++) {
        /* a path under /proc/self: opened here, in the process that becomes CMD */
        int own = plan->rules[i].fd < 0 ? open(plan->rules[i].path, O_PATH | O_CLOEXEC) : -1;
        struct landlock_path_beneath_attr pb = {.allowed_access = plan->rules[i].access & plan->handled,
                                                .parent_fd = own >= 0 ? own : plan->rules[i].fd};
        if (!pb.allowed_access || pb.parent_fd < 0) {
            if (pb.allowed_access) {
                int e = errno;
                close(rs);
                return e;
            }
            continue;
        }
        long rc = syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
        int e = errno;
        if (own >= 0)
            close(own);
        if (rc != 0) {
            close(rs);
            return e;
        }
    }
    int net = landlock_net_add_rules(plan, rs);
    if (net) {
        close(rs);
        return net;
    }
    if (syscall(SYS_landlock_restrict_self, rs, 0) != 0) {
        int e = errno;
        close(rs);
        return e;
    }
    close(rs);
    return 0;
}
