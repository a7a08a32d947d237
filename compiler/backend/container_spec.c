/* The container engines' part of the policy, decided once for the run-flags,
 * Compose and OCI outputs (backend/container_spec.h).
 *
 * Capabilities are written out in full (drop ALL, add the policy's set), so
 * the result never depends on an engine's default set. Under `read-only
 * root` each `write` path gets a tmpfs on the directory that holds it: the
 * path up to its first glob (a tree `/var/cache/nginx/` + `**` gets /var/cache/nginx), or
 * the parent of a path without one (`/run/nginx.pid` -> /run, a file cannot
 * be a mount point of its own). The tmpfs makes the directory writable as a
 * whole; which paths in it may be written is the AppArmor profile's to
 * enforce, as it is for every filesystem rule. A tmpfs starts empty under
 * Docker; podman copies the image's files in first (its default
 * `tmpcopyup`): docs/runtimes.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/container_spec.h"
#include "middle/accounts.h"

static bool has_glob(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strchr("*?[{", s[i]))
            return true;
    return false;
}

/* The directory a tmpfs for `write P` goes on; NULL when no one directory
 * holds every path P matches below the root. */
const char *container_write_dir(Arena *a, const char *path)
{
    size_t n = strlen(path), g = 0;
    while (g < n && !strchr("*?[{", path[g]))
        g++;
    size_t slash = g;
    while (slash > 0 && path[slash] != '/')
        slash--;
    if (g < n && strchr(path + slash + 1, '/') && strcmp(path + slash + 1, "**") != 0)
        return NULL; /* a glob in a middle component: several directories */
    while (slash > 0 && path[slash - 1] == '/')
        slash--;
    if (slash == 0 || has_glob(path, slash))
        return NULL; /* the root itself */
    return arena_strndup(a, path, slash);
}

static bool under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static int cmp_tmpfs(const void *x, const void *y)
{
    return strcmp(((const ContainerTmpfs *)x)->dir, ((const ContainerTmpfs *)y)->dir);
}

static Span root_span(const Policy *p)
{
    return span_valid(p->name_span) ? p->name_span : (Span){p->root_file, 0, 0};
}

static bool build_tmpfs(const Policy *p, const char *output, DiagEngine *diag, ContainerSpec *s)
{
    bool ok = true;
    for (size_t i = 0; i < p->fs.rules.len; i++) {
        const FsRule *r = &p->fs.rules.items[i];
        if (r->access != FS_WRITE && r->access != FS_APPEND)
            continue;
        const char *dir = container_write_dir(p->arena, r->path);
        if (!dir || strpbrk(dir, ":, \t\n")) {
            Diag *g = diag_error(diag, "E1200", r->span, "the %s cannot give `%s` a writable tmpfs under `read-only root`",
                                 output, r->path);
            diag_note(diag, g, SPAN_NONE, dir ? "the engines read `DIR:OPTIONS`: a directory with `:`, `,` or "
                                                "white space cannot be written there"
                                              : "no one directory below the root holds every path it matches "
                                                "(a glob before the last component, or a file in the root)");
            diag_help(diag, g, "name the directory the program writes in: `write /var/lib/app/**`");
            ok = false;
            continue;
        }
        bool seen = false;
        for (size_t j = 0; j < s->tmpfs.len && !seen; j++)
            seen = strcmp(s->tmpfs.items[j].dir, dir) == 0;
        if (seen)
            continue;
        bool exec = false; /* noexec unless an `exec` rule names something in it */
        for (size_t j = 0; j < p->fs.rules.len; j++)
            if (p->fs.rules.items[j].access == FS_EXEC && under(p->fs.rules.items[j].path, dir))
                exec = true;
        /* mode=1777 as /tmp: podman 4.3 refuses tmpfs options uid= and gid=
         * (it has `U`, which Docker does not), so the user cannot own it */
        ContainerTmpfs t = {dir, arena_printf(p->arena, "rw,nosuid,nodev%s,mode=1777", exec ? "" : ",noexec"),
                            r->span};
        VEC_PUSH(p->arena, s->tmpfs, t);
    }
    if (s->tmpfs.len > 1)
        qsort(s->tmpfs.items, s->tmpfs.len, sizeof *s->tmpfs.items, cmp_tmpfs);
    return ok;
}

static Span cap_span(const Policy *p, int num)
{
    for (size_t i = 0; i < p->caps.adds.len; i++)
        if (p->caps.adds.items[i].num == num)
            return p->caps.adds.items[i].span;
    return root_span(p);
}

static bool build_resources(const Policy *p, const char *output, DiagEngine *diag, ContainerSpec *s)
{
    s->pids_set = p->resources.pids.set, s->pids = p->resources.pids.value;
    s->memory_set = p->resources.memory.set, s->memory = p->resources.memory.value;
    s->swap_set = p->resources.memory_swap.set, s->memory_swap = p->resources.memory_swap.value;
    s->cpus_set = p->resources.cpus.set, s->cpus_milli = p->resources.cpus.value;
    s->nofile_set = p->resources.nofile.set, s->nofile_soft = p->resources.nofile.soft, s->nofile_hard = p->resources.nofile.hard;
    s->nproc_set = p->resources.nproc.set, s->nproc_soft = p->resources.nproc.soft, s->nproc_hard = p->resources.nproc.hard;
    bool swap_ok = container_check_swap(p, output, diag);
    return container_check_nproc(p, output, diag) && swap_ok;
}

#define CAP_SYS_ADMIN_NUM 21
#define CAP_SYS_RESOURCE_NUM 24

bool container_check_nproc(const Policy *p, const char *output, DiagEngine *diag)
{
    const RlimitPair *r = &p->resources.nproc;
    if (!r->set)
        return true;
    const char *why = NULL;
    if (!p->process.has_user)
        why = "the policy names no user, so it may run as root, whose processes the kernel does not count";
    else if (accounts_runs_as_root(p))
        why = "it runs as root, whose processes the kernel does not count against RLIMIT_NPROC";
    else if (p->caps.effective >> CAP_SYS_ADMIN_NUM & 1)
        why = "the policy keeps SYS_ADMIN, which the kernel exempts from RLIMIT_NPROC";
    else if (p->caps.effective >> CAP_SYS_RESOURCE_NUM & 1)
        why = "the policy keeps SYS_RESOURCE, which the kernel exempts from RLIMIT_NPROC";
    if (!why)
        return true;
    Diag *g = diag_error(diag, "E1208", r->span, "the %s cannot enforce `nproc`: %s", output, why);
    diag_help(diag, g, "name a non-root user (`process { user UID }`) without those capabilities, or use `pids` for "
                       "a limit of the process tree");
    return false;
}

bool container_check_swap(const Policy *p, const char *output, DiagEngine *diag)
{
    const ResourceLimit *mem = &p->resources.memory, *swap = &p->resources.memory_swap;
    if (swap->set && (!mem->set || swap->value < mem->value)) {
        Diag *g = diag_error(diag, "E1207", p->resources.memory_swap.span,
                             "the %s cannot express `memory-swap` %s", output,
                             mem->set ? "below `memory`" : "without `memory`");
        diag_note(diag, g, SPAN_NONE, "memory-swap is memory plus swap: Docker, podman, runc and systemd take it "
                                      "only on top of a memory limit it includes");
        diag_help(diag, g, "add `memory N` with N at most the memory-swap value");
        return false;
    }
    return true;
}

bool container_build(const Policy *p, const BackendOptions *opt, const char *output, DiagEngine *diag,
                     ContainerSpec *s)
{
    *s = (ContainerSpec){0};
    s->basename = opt->basename ? opt->basename : "policy";
    s->name = p->name ? p->name : s->basename;
    s->seccomp_file = arena_printf(p->arena, "%s.seccomp.json", s->basename);
    s->apparmor_profile = s->name;
    bool ok = true;
    for (int n = 0; n < 64; n++) {
        if (!(p->caps.effective >> n & 1))
            continue;
        const char *name = cap_name(p, n);
        if (n > CONTAINER_LAST_CAP || !name) {
            Diag *g = diag_error(diag, "E0902", cap_span(p, n),
                                 "capability number %d is not a Linux capability the %s can name", n, output);
            diag_note(diag, g, SPAN_NONE, "the engines know CHOWN (0) to CHECKPOINT_RESTORE (40) by name");
            ok = false;
            continue;
        }
        s->caps[s->ncaps++] = strncmp(name, "CAP_", 4) == 0 ? name + 4 : name;
    }
    s->no_new_privs = p->process.no_new_privs;
    s->has_user = p->process.has_user;
    s->user_arg = accounts_user_arg(p, p->arena);
    if (p->process.has_gid && !p->process.has_user) {
        /* --user, Compose's user: and process.user all start with the user:
         * dropping the group would leave the image's (often root's) */
        Diag *g = diag_error(diag, "E1210", p->process.user_span, "the %s cannot set a group without a user", output);
        diag_note(diag, g, SPAN_NONE, "--user takes USER[:GROUP], and an OCI process.user needs a uid");
        diag_help(diag, g, "name the user too: `user UID:GID` or `user NAME:GROUP`");
        ok = false;
    }
    s->read_only_root = p->fs.read_only_root;
    if (s->read_only_root)
        ok = build_tmpfs(p, output, diag, s) && ok;
    ok = build_resources(p, output, diag, s) && ok;
    return ok;
}

bool container_tmpfs_owner(const Policy *p, const BackendOptions *opt, const ContainerSpec *s, const char *output,
                           bool podman, DiagEngine *diag, const char **suffix)
{
    *suffix = "";
    if (!s->tmpfs.len || !p->process.has_user || accounts_runs_as_root(p))
        return true;
    if (podman) {
        *suffix = ",U";
        return true;
    }
    AccountIds ids;
    if (!accounts_numeric(p, opt->image_root, output,
                          "each tmpfs on a write directory is owned by the policy's user: runc gives it the mode of "
                          "the image's directory, which only its owner may be able to write (Debian's "
                          "/var/lib/redis is 0750)",
                          diag, &ids))
        return false;
    if (ids.uid != 0)
        *suffix = arena_printf(p->arena, ",uid=%u,gid=%u", ids.uid, ids.gid);
    return true;
}

const char *container_cpus_text(uint64_t milli, char buf[32])
{
    char frac[8];
    snprintf(frac, sizeof frac, "%03u", (unsigned)(milli % 1000));
    for (int i = 2; i >= 0 && frac[i] == '0'; i--)
        frac[i] = '\0';
    snprintf(buf, 32, "%llu%s%s", (unsigned long long)(milli / 1000), frac[0] ? "." : "", frac);
    return buf;
}
