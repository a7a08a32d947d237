/* The filesystem section as a Landlock ruleset (docs/run.md has the table,
 * side by side with the AppArmor back end). Landlock only grants: a ruleset
 * handles some rights, which are then denied everywhere except beneath the
 * paths a rule names. So a rule maps exactly when it grants a right on a whole
 * directory hierarchy (`/dir/` followed by `**`) or on one existing file; a rule that would
 * have to subtract from a granted area, or a glob that is not a hierarchy, is
 * refused with E1101 naming it. Reads are not handled (`read P` means
 * read-only, everything stays readable, as in the AppArmor profile). */
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

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

static bool add(const Policy *p, LlPlan *out, const char *path, uint64_t access)
{
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    if (fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
        access &= LL_FILE_RIGHTS;
    LlRule *r = arena_alloc(p->arena, (out->nrules + 1) * sizeof *r);
    if (out->nrules)
        memcpy(r, out->rules, out->nrules * sizeof *r);
    r[out->nrules++] = (LlRule){fd, access, path};
    out->rules = r;
    return true;
}

/* The hierarchy or file a rule's path names, or NULL after E1101/E1103. */
static const char *rule_target(const Policy *p, DiagEngine *diag, const FsRule *r)
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
        Diag *g = diag_error(diag, "E1101", r->span,
                             "polc run: Landlock cannot express `%s %s` exactly: its rules cover a whole directory "
                             "hierarchy or one file",
                             fs_access_name(r->access), path);
        diag_help(diag, g, "write the rule as `DIR/**` (everything beneath DIR) or as one file's path");
        return NULL;
    }
    struct stat st;
    if (stat(target, &st) != 0) {
        Diag *g = diag_error(diag, "E1103", r->span, "polc run: `%s` (of `%s %s`) does not exist: %s", target,
                             fs_access_name(r->access), path, strerror(errno));
        diag_help(diag, g, "a Landlock rule needs an existing file or directory");
        return NULL;
    }
    if (!dir && S_ISDIR(st.st_mode)) {
        Diag *g = diag_error(diag, "E1101", r->span,
                             "polc run: `%s %s` names the directory itself; Landlock would grant everything "
                             "beneath it",
                             fs_access_name(r->access), path);
        diag_help(diag, g, "write `%s/**` if everything beneath it is meant", strcmp(path, "/") ? path : "");
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

static void refuse(DiagEngine *diag, const FsRule *r, const char *why, const char *help)
{
    Diag *g = diag_error(diag, "E1101", r->span, "polc run: Landlock cannot enforce `%s %s`: %s", fs_access_name(r->access),
                         r->path, why);
    if (help)
        diag_help(diag, g, "%s", help);
}

bool landlock_plan(const Policy *p, const RunOptions *opt, DiagEngine *diag, LlPlan *out)
{
    memset(out, 0, sizeof *out);
    size_t errs = diag->nerrors;
    bool ro = p->fs.read_only_root, exec_list = false;
    for (size_t i = 0; i < p->fs.rules.len; i++)
        exec_list |= p->fs.rules.items[i].access == FS_EXEC;
    if (ro)
        out->handled |= LL_FS_WRITE;
    if (exec_list)
        out->handled |= LANDLOCK_ACCESS_FS_EXECUTE;
    for (size_t i = 0; i < p->fs.rules.len; i++) {
        const FsRule *r = &p->fs.rules.items[i];
        switch (r->access) {
        case FS_READ_ONLY_ROOT: break;
        case FS_READ:
            /* read means read-only: exact under a read-only root */
            if (!ro)
                refuse(diag, r, "it would make a part of a writable root read-only, and Landlock rules only grant",
                       "add `read-only root` and list what is written with `write`");
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
            if (ro) {
                const char *t = rule_target(p, diag, r);
                if (t && !add(p, out, t, LL_FS_WRITE))
                    diag_error(diag, "E1103", r->span, "polc run: cannot open `%s`: %s", t, strerror(errno));
            }
            break;
        case FS_EXEC: {
            const char *t = rule_target(p, diag, r);
            if (t && !add(p, out, t, LANDLOCK_ACCESS_FS_EXECUTE))
                diag_error(diag, "E1103", r->span, "polc run: cannot open `%s`: %s", t, strerror(errno));
            break;
        }
        case FS_DENY:
            refuse(diag, r, "reads are not confined by `polc run` yet, and Landlock rules only grant", NULL);
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
    if (diag->nerrors != errs)
        return false;
    if (ro) {
        /* the device sinks and the terminal, as in the AppArmor profile (docs/run.md) */
        static const char *const sinks[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/tty"};
        for (size_t i = 0; i < sizeof sinks / sizeof *sinks; i++)
            (void)add(p, out, sinks[i], LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_TRUNCATE);
        (void)add(p, out, "/dev/pts", LANDLOCK_ACCESS_FS_WRITE_FILE);
    }
    int net_abi = landlock_net_plan(p, out);
    out->used = out->handled != 0 || out->handled_net != 0;
    out->abi_host = landlock_host_abi();
    /* TRUNCATE (ABI 3) is part of making the root read-only: below it a file
     * could be emptied with truncate(2), so a read-only root needs ABI 3 */
    int need = ro ? 3 : out->used ? 1 : 0;
    const char *why = ro ? "`read-only root` needs the truncate right" : "the `exec` rules need it";
    if (net_abi > need) {
        need = net_abi;
        why = "the network section's `tcp` ports need it";
    }
    if (opt->landlock_abi > need) {
        need = opt->landlock_abi;
        why = "--landlock-abi";
    }
    out->abi_needed = need;
    if (need > out->abi_host) {
        Diag *g;
        if (out->abi_host == 0)
            g = diag_error(diag, "E1102", SPAN_NONE,
                           "polc run: Landlock ABI %d is needed (%s), and this kernel has no Landlock", need, why);
        else
            g = diag_error(diag, "E1102", SPAN_NONE,
                           "polc run: Landlock ABI %d is needed (%s), and this kernel has ABI %d", need, why,
                           out->abi_host);
        diag_help(diag, g, "polc run never drops a restriction the kernel cannot enforce; run on a newer kernel");
        return false;
    }
    return true;
}

int landlock_apply(const LlPlan *plan)
{
    int rs = landlock_create_ruleset(plan);
    if (rs < 0)
        return errno;
    for (size_t i = 0; i < plan->nrules; i++) {
        struct landlock_path_beneath_attr pb = {.allowed_access = plan->rules[i].access & plan->handled,
                                                .parent_fd = plan->rules[i].fd};
        if (!pb.allowed_access)
            continue;
        if (syscall(SYS_landlock_add_rule, rs, LANDLOCK_RULE_PATH_BENEATH, &pb, 0) != 0) {
            int e = errno;
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
