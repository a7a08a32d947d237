/* polc run's cgroup: pids, memory, memory-swap and cpus of the resources
 * section, as limits of a cgroup polc creates for CMD's tree (docs/run.md,
 * "Resources"). The layout is read at run time: each controller is taken
 * from its cgroup v1 hierarchy when one is mounted, else from the unified
 * (v2) hierarchy. The new cgroup is a child of the one polc runs in, so the
 * limits of every cgroup above still hold. A limit that cannot be enforced
 * here (no controller, no swap accounting, no write access) is refused in
 * the parent, naming the entry; nothing is ever left unenforced quietly. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "run/run.h"

#define CPU_PERIOD_US 100000 /* cpus D is a quota of D * 100 ms per 100 ms */

static bool has_token(const char *list, const char *tok)
{
    size_t n = strlen(tok);
    for (const char *p = list; p && *p;) {
        const char *end = strpbrk(p, ", ");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, tok, n) == 0)
            return true;
        p = end ? end + 1 : NULL;
    }
    return false;
}

/* This process's cgroup path in the hierarchy of controller c (v1), or in
 * the unified one (c NULL). */
static bool self_cgroup(const char *c, char *out, size_t size)
{
    FILE *f = fopen("/proc/self/cgroup", "r");
    if (!f)
        return false;
    char line[4096];
    bool found = false;
    while (!found && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *ctl = strchr(line, ':'), *path = ctl ? strchr(ctl + 1, ':') : NULL;
        if (!path)
            continue;
        *path++ = '\0';
        ctl++;
        if (c ? has_token(ctl, c) : (strcmp(line, "0") == 0 && !*ctl)) {
            snprintf(out, size, "%s", path);
            found = true;
        }
    }
    fclose(f);
    return found;
}

/* The directory of this process's cgroup for controller c: v1 when a v1
 * hierarchy has it, else v2 when the unified hierarchy offers it. */
static bool find_controller(const char *c, char *dir, size_t size, bool *v2)
{
    FILE *f = fopen("/proc/self/mountinfo", "r");
    if (!f)
        return false;
    char line[4096], v2mount[PATH_MAX] = "", v2root[PATH_MAX] = "";
    bool found = false;
    while (!found && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char root[PATH_MAX], mnt[PATH_MAX], fstype[64], super[1024];
        char *dash = strstr(line, " - ");
        if (!dash || sscanf(line, "%*s %*s %*s %4095s %4095s", root, mnt) != 2 ||
            sscanf(dash + 3, "%63s %*s %1023s", fstype, super) != 2)
            continue;
        if (strcmp(fstype, "cgroup2") == 0 && !v2mount[0]) {
            snprintf(v2mount, sizeof v2mount, "%s", mnt);
            snprintf(v2root, sizeof v2root, "%s", root);
        }
        if (strcmp(fstype, "cgroup") != 0 || !has_token(super, c))
            continue;
        char self[PATH_MAX];
        if (!self_cgroup(c, self, sizeof self))
            continue;
        size_t rl = strcmp(root, "/") == 0 ? 0 : strlen(root);
        if (rl && strncmp(self, root, rl) != 0)
            continue; /* this mount shows another part of the hierarchy */
        if ((size_t)snprintf(dir, size, "%s%s", mnt, self + rl) >= size)
            continue; /* a path longer than PATH_MAX: not usable */
        *v2 = false;
        found = true;
    }
    fclose(f);
    if (found || !v2mount[0])
        return found;
    char self[PATH_MAX], ctl[PATH_MAX + 32], avail[1024] = "";
    if (!self_cgroup(NULL, self, sizeof self))
        return false;
    size_t rl = strcmp(v2root, "/") == 0 ? 0 : strlen(v2root);
    if (rl && strncmp(self, v2root, rl) != 0)
        return false;
    snprintf(dir, size, "%s%s", v2mount, self + rl);
    snprintf(ctl, sizeof ctl, "%s/cgroup.controllers", dir);
    FILE *cf = fopen(ctl, "r");
    if (!cf)
        return false;
    if (!fgets(avail, sizeof avail, cf))
        avail[0] = '\0';
    fclose(cf);
    avail[strcspn(avail, "\n")] = '\0';
    *v2 = true;
    return has_token(avail, c);
}

static int write_text(const char *dir, const char *file, const char *text)
{
    char path[2 * PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    ssize_t n = write(fd, text, strlen(text));
    int e = n < 0 ? errno : (size_t)n != strlen(text) ? EIO : 0;
    if (close(fd) != 0 && !e)
        e = errno;
    return e;
}

static bool file_exists(const char *dir, const char *file)
{
    char path[2 * PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    return access(path, F_OK) == 0;
}

/* The hierarchy (a slot of plan->dirs) controller c lives in, added when new;
 * -1 with a diagnostic at the entry when the host has no such controller. */
static int controller_slot(CgPlan *plan, const char *c, Span entry, const char *entry_text, DiagEngine *diag)
{
    char dir[PATH_MAX];
    bool v2 = false;
    if (!find_controller(c, dir, sizeof dir, &v2)) {
        Diag *g = diag_error(diag, "E1110", entry,
                             "polc run: cannot enforce `%s`: this host has no `%s` cgroup controller polc can use",
                             entry_text, c);
        diag_note(diag, g, SPAN_NONE, "neither a cgroup v1 hierarchy nor the unified hierarchy (cgroup.controllers "
                                      "of polc's own cgroup) offers it");
        diag_help(diag, g, "run where the controller is available, or remove the entry from `resources`");
        return -1;
    }
    for (size_t i = 0; i < plan->ndirs; i++)
        if (strcmp(plan->dirs[i].parent, dir) == 0) { /* v2 has one hierarchy for all */
            size_t n = strlen(plan->dirs[i].what);
            snprintf(plan->dirs[i].what + n, sizeof plan->dirs[i].what - n, ", %s", c);
            return (int)i;
        }
    CgDir *d = &plan->dirs[plan->ndirs];
    snprintf(d->parent, sizeof d->parent, "%s", dir);
    snprintf(d->what, sizeof d->what, "%s", strcmp(c, "cpu") == 0 ? "cpus" : c);
    d->span = entry;
    d->v2 = v2;
    return (int)plan->ndirs++;
}

bool cgroup_plan(const Policy *p, DiagEngine *diag, CgPlan *out)
{
    memset(out, 0, sizeof *out);
    out->pids = out->memory = out->cpu = -1;
    size_t errs = diag->nerrors;
    const ResourceLimit *pids = &p->resources.pids, *mem = &p->resources.memory, *cpus = &p->resources.cpus;
    const ResourceLimit *swap = &p->resources.memory_swap;
    if (pids->set)
        out->pids = controller_slot(out, "pids", pids->span, "pids", diag);
    if (mem->set)
        out->memory = controller_slot(out, "memory", mem->span, "memory", diag);
    if (cpus->set)
        out->cpu = controller_slot(out, "cpu", cpus->span, "cpus", diag);
    if (swap->set && out->memory >= 0) {
        const CgDir *d = &out->dirs[out->memory];
        const char *file = d->v2 ? "memory.swap.max" : "memory.memsw.limit_in_bytes";
        if (!file_exists(d->parent, file)) {
            Diag *g = diag_error(diag, "E1110", swap->span,
                                 "polc run: cannot enforce `memory-swap`: the kernel does not account swap "
                                 "(no %s in %s)", file, d->parent);
            diag_help(diag, g, "boot with swapaccount=1 (cgroup v1), or remove `memory-swap`");
        }
    }
    out->used = out->ndirs > 0 && diag->nerrors == errs;
    return diag->nerrors == errs;
}

static bool cg_fail(DiagEngine *diag, Span at, const char *what, const char *path, int e)
{
    Diag *g = diag_error(diag, "E1110", at, "polc run: cannot enforce `%s`: cannot create its cgroup in %s: %s", what,
                         path, strerror(e));
    if (e == EACCES || e == EPERM || e == EROFS)
        diag_help(diag, g, "creating a cgroup needs write access to polc's own cgroup (root, or a delegated "
                           "cgroup: `systemd-run --user --scope -p Delegate=yes polc run ...`)");
    else if (e == EBUSY)
        diag_help(diag, g, "cgroup v2 gives a cgroup's children no controllers while it holds processes: run "
                           "polc in a cgroup of its own (systemd-run --scope)");
    return false;
}

static bool set_limit(const CgDir *d, const char *file, const char *text, DiagEngine *diag, Span at,
                      const char *what)
{
    int e = write_text(d->path, file, text);
    if (!e)
        return true;
    char path[2 * PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/%s", d->path, file);
    return cg_fail(diag, at, what, path, e);
}

bool cgroup_create(CgPlan *plan, const Policy *p, DiagEngine *diag)
{
    if (!plan->used)
        return true;
    pid_t me = getpid();
    for (size_t i = 0; i < plan->ndirs; i++) {
        CgDir *d = &plan->dirs[i];
        char name[sizeof d->path];
        snprintf(name, sizeof name, "%s/polc-run.%ld", d->parent, (long)me);
        memcpy(d->path, name, sizeof name);
        Span at = d->span;
        if (d->v2) {
            /* the controllers this policy uses, enabled for polc's children */
            char want[64] = "";
            if (plan->pids == (int)i) strcat(want, "+pids ");
            if (plan->memory == (int)i) strcat(want, "+memory ");
            if (plan->cpu == (int)i) strcat(want, "+cpu ");
            int e = write_text(d->parent, "cgroup.subtree_control", want);
            if (e) {
                char path[2 * PATH_MAX + 64];
                snprintf(path, sizeof path, "%s/cgroup.subtree_control", d->parent);
                cgroup_remove(plan);
                return cg_fail(diag, at, d->what, path, e);
            }
        }
        if (mkdir(d->path, 0755) != 0) {
            int e = errno;
            d->path[0] = '\0';
            cgroup_remove(plan);
            return cg_fail(diag, at, d->what, d->parent, e);
        }
    }
    char text[64];
    bool ok = true;
    if (ok && plan->pids >= 0) {
        snprintf(text, sizeof text, "%llu", (unsigned long long)p->resources.pids.value);
        ok = set_limit(&plan->dirs[plan->pids], "pids.max", text, diag, p->resources.pids.span, "pids");
    }
    if (ok && plan->memory >= 0) {
        const CgDir *d = &plan->dirs[plan->memory];
        snprintf(text, sizeof text, "%llu", (unsigned long long)p->resources.memory.value);
        ok = set_limit(d, d->v2 ? "memory.max" : "memory.limit_in_bytes", text, diag, p->resources.memory.span, "memory");
        if (ok && p->resources.memory_swap.set) {
            /* v1 counts memory plus swap, as the policy does; v2 counts swap alone */
            uint64_t v = d->v2 ? p->resources.memory_swap.value - p->resources.memory.value : p->resources.memory_swap.value;
            snprintf(text, sizeof text, "%llu", (unsigned long long)v);
            ok = set_limit(d, d->v2 ? "memory.swap.max" : "memory.memsw.limit_in_bytes", text, diag,
                           p->resources.memory_swap.span, "memory-swap");
        }
    }
    if (ok && plan->cpu >= 0) {
        const CgDir *d = &plan->dirs[plan->cpu];
        unsigned long long quota = (unsigned long long)p->resources.cpus.value * (CPU_PERIOD_US / 1000);
        if (d->v2) {
            snprintf(text, sizeof text, "%llu %d", quota, CPU_PERIOD_US);
            ok = set_limit(d, "cpu.max", text, diag, p->resources.cpus.span, "cpus");
        } else {
            snprintf(text, sizeof text, "%d", CPU_PERIOD_US);
            ok = set_limit(d, "cpu.cfs_period_us", text, diag, p->resources.cpus.span, "cpus");
            snprintf(text, sizeof text, "%llu", quota);
            ok = ok && set_limit(d, "cpu.cfs_quota_us", text, diag, p->resources.cpus.span, "cpus");
        }
    }
    if (!ok)
        cgroup_remove(plan);
    return ok;
}

int cgroup_join(const CgPlan *plan)
{
    char pid[32];
    snprintf(pid, sizeof pid, "%ld", (long)getpid());
    for (size_t i = 0; plan->used && i < plan->ndirs; i++) {
        int e = write_text(plan->dirs[i].path, "cgroup.procs", pid);
        if (e)
            return e;
    }
    return 0;
}

/* The pids in a cgroup; false when it holds none (or is gone). */
static bool kill_members(const char *dir)
{
    char path[2 * PATH_MAX + 64];
    snprintf(path, sizeof path, "%s/cgroup.procs", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    bool any = false;
    long pid;
    while (fscanf(f, "%ld", &pid) == 1) {
        any = true;
        kill((pid_t)pid, SIGKILL);
    }
    fclose(f);
    return any;
}

void cgroup_remove(CgPlan *plan)
{
    for (size_t i = 0; i < plan->ndirs; i++) {
        CgDir *d = &plan->dirs[i];
        if (!d->path[0])
            continue;
        /* CMD has exited: what it left behind goes with it, as when a
         * container's first process ends; the kernel then lets rmdir go */
        for (int tries = 0; tries < 500; tries++) {
            if (!kill_members(d->path) && rmdir(d->path) == 0)
                break;
            if (errno == ENOENT)
                break;
            nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
        }
        d->path[0] = '\0';
    }
    plan->used = false;
}
