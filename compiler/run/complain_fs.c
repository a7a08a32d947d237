/* A path-taking call against the filesystem section, as Landlock would
 * enforce it (Landlock has no permissive mode, so complain mode does not apply
 * it and judges here instead). The ruleset is the one enforce mode builds
 * (landlock_plan): the rights it handles are denied except beneath a rule's
 * path (a file rule: that file) carrying the right. The path is read from the
 * target's memory and resolved against its cwd or dirfd (/proc/PID/cwd,
 * /proc/PID/fd/N), symbolic links followed as the kernel would (the parent
 * directory for a name the call creates or removes).
 *
 * Rights per call, as Landlock checks them: open* read -> READ_FILE (READ_DIR
 * for a directory), write -> WRITE_FILE, O_TRUNC on an existing file ->
 * TRUNCATE, O_CREAT of a new file -> MAKE_REG on the directory; exec* ->
 * EXECUTE and READ_FILE; mkdir -> MAKE_DIR, mknod -> MAKE_*, symlink ->
 * MAKE_SYM, link -> MAKE_REG (all on the directory); unlink/rmdir -> REMOVE_*
 * on the directory; rename -> REMOVE_* on the source's, MAKE_* on the
 * destination's; truncate -> TRUNCATE. (REFER is not judged.) */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run/complain.h"

enum {
    R_EXECUTE = 1 << 0,
    R_WRITE_FILE = 1 << 1,
    R_READ_FILE = 1 << 2,
    R_READ_DIR = 1 << 3,
    R_REMOVE_DIR = 1 << 4,
    R_REMOVE_FILE = 1 << 5,
    R_MAKE_CHAR = 1 << 6,
    R_MAKE_DIR = 1 << 7,
    R_MAKE_REG = 1 << 8,
    R_MAKE_SOCK = 1 << 9,
    R_MAKE_FIFO = 1 << 10,
    R_MAKE_BLOCK = 1 << 11,
    R_MAKE_SYM = 1 << 12,
    R_TRUNCATE = 1 << 14,
};

static const char *right_name(uint64_t r)
{
    static const char *const names[] = {"execute",   "write-file", "read-file", "read-dir",   "remove-dir",
                                        "remove-file", "make-char", "make-dir", "make-reg",  "make-sock",
                                        "make-fifo", "make-block", "make-sym",  "refer",     "truncate"};
    for (unsigned i = 0; i < 15; i++)
        if (r == 1ull << i)
            return names[i];
    return "?";
}

typedef enum Op { OP_OPEN, OP_OPENAT2, OP_EXEC, OP_MAKE, OP_MKNOD, OP_UNLINK, OP_RENAME, OP_TRUNCATE } Op;

typedef struct PathCall {
    const char *sys;
    Op op;
    int dirfd, path;   /* argument indexes; dirfd -1: AT_FDCWD */
    int dirfd2, path2; /* rename/link: the destination */
    int flags;         /* open flags, unlinkat flag, mknod mode; -1: none */
    uint64_t right;    /* OP_MAKE/OP_UNLINK: the right */
    uint64_t fixed;    /* creat: its implied open flags */
} PathCall;

static const PathCall calls[] = {
    {"open", OP_OPEN, -1, 0, -1, -1, 1, 0, 0},
    {"openat", OP_OPEN, 0, 1, -1, -1, 2, 0, 0},
    {"creat", OP_OPEN, -1, 0, -1, -1, -1, 0, 01 | 0100 | 01000},
    {"openat2", OP_OPENAT2, 0, 1, -1, -1, 2, 0, 0},
    {"execve", OP_EXEC, -1, 0, -1, -1, -1, 0, 0},
    {"execveat", OP_EXEC, 0, 1, -1, -1, -1, 0, 0},
    {"mkdir", OP_MAKE, -1, 0, -1, -1, -1, R_MAKE_DIR, 0},
    {"mkdirat", OP_MAKE, 0, 1, -1, -1, -1, R_MAKE_DIR, 0},
    {"mknod", OP_MKNOD, -1, 0, -1, -1, 1, 0, 0},
    {"mknodat", OP_MKNOD, 0, 1, -1, -1, 2, 0, 0},
    {"symlink", OP_MAKE, -1, 1, -1, -1, -1, R_MAKE_SYM, 0},
    {"symlinkat", OP_MAKE, 1, 2, -1, -1, -1, R_MAKE_SYM, 0},
    {"link", OP_MAKE, -1, 1, -1, -1, -1, R_MAKE_REG, 0},
    {"linkat", OP_MAKE, 2, 3, -1, -1, -1, R_MAKE_REG, 0},
    {"unlink", OP_UNLINK, -1, 0, -1, -1, -1, R_REMOVE_FILE, 0},
    {"unlinkat", OP_UNLINK, 0, 1, -1, -1, 2, R_REMOVE_FILE, 0},
    {"rmdir", OP_UNLINK, -1, 0, -1, -1, -1, R_REMOVE_DIR, 0},
    {"rename", OP_RENAME, -1, 0, -1, 1, -1, 0, 0},
    {"renameat", OP_RENAME, 0, 1, 2, 3, -1, 0, 0},
    {"renameat2", OP_RENAME, 0, 1, 2, 3, -1, 0, 0},
    {"truncate", OP_TRUNCATE, -1, 0, -1, -1, -1, 0, 0},
};

/* The absolute path a (dirfd, path) pair names in the target, not yet
 * canonical; NULL when it cannot be read. */
static char *absolute(ComplainState *cs, int listener, const struct seccomp_notif *req, int dirfd_idx,
                      int path_idx)
{
    char path[PATH_MAX];
    if (!supervise_read_string(listener, req, req->data.args[path_idx], path, sizeof path))
        return NULL;
    if (path[0] == '/')
        return arena_strdup(cs->p->arena, path);
    int dirfd = dirfd_idx < 0 ? -100 : (int)req->data.args[dirfd_idx];
    char link[96], base[PATH_MAX];
    if (dirfd == -100)
        snprintf(link, sizeof link, "/proc/%u/cwd", req->pid);
    else
        snprintf(link, sizeof link, "/proc/%u/fd/%d", req->pid, dirfd);
    ssize_t n = readlink(link, base, sizeof base - 1);
    if (n <= 0)
        return NULL;
    base[n] = '\0';
    if (!path[0])
        return arena_strdup(cs->p->arena, base); /* AT_EMPTY_PATH */
    return arena_printf(cs->p->arena, "%s%s%s", base, strcmp(base, "/") ? "/" : "", path);
}

/* The object as the kernel resolves it: the file itself (symbolic links
 * followed) when it exists, else its directory resolved plus the last name.
 * *parent: the resolved directory holding it. */
static const char *canonical(Arena *a, const char *abs, const char **parent, bool *exists, bool *is_dir)
{
    char buf[PATH_MAX];
    struct stat st;
    const char *slash = strrchr(abs, '/');
    char *dir = arena_strndup(a, abs, slash == abs ? 1 : (size_t)(slash - abs));
    const char *name = slash + 1;
    const char *rdir = realpath(dir, buf) ? arena_strdup(a, buf) : dir;
    *parent = rdir;
    *exists = lstat(abs, &st) == 0;
    *is_dir = *exists && stat(abs, &st) == 0 && S_ISDIR(st.st_mode);
    if (*exists && realpath(abs, buf))
        return arena_strdup(a, buf);
    return arena_printf(a, "%s%s%s", rdir, strcmp(rdir, "/") ? "/" : "", name);
}

static bool beneath(const char *path, const char *top)
{
    if (strcmp(top, "/") == 0)
        return true;
    size_t n = strlen(top);
    return strncmp(path, top, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Granted by some rule of the plan (or not handled at all). */
static bool granted(const ComplainState *cs, uint64_t right, const char *obj)
{
    if (!(cs->ll->handled & right))
        return true;
    for (size_t i = 0; i < cs->ll->nrules; i++)
        if ((cs->ll->rules[i].access & right) && beneath(obj, cs->ll_real[i]))
            return true;
    return false;
}

/* The line that makes the right handled: `read-only root` for writes, the
 * first `exec` rule for EXECUTE, the read confinement for reads. */
static Span handled_by(const Policy *p, uint64_t right, const char **what)
{
    FsAccess want = right == R_EXECUTE ? FS_EXEC : FS_READ_ONLY_ROOT;
    if (right == R_READ_FILE || right == R_READ_DIR) {
        *what = "read confinement";
        return p->fs.confine_reads_span;
    }
    *what = right == R_EXECUTE ? "exec rules" : "read-only root";
    if (want == FS_READ_ONLY_ROOT)
        return p->fs.read_only_root_span;
    for (size_t i = 0; i < p->fs.rules.len; i++)
        if (p->fs.rules.items[i].access == want)
            return p->fs.rules.items[i].span;
    return p->name_span;
}

typedef struct Need {
    uint64_t right;
    const char *obj;
} Need;

static size_t open_needs(Need *n, uint64_t flags, const char *obj, const char *parent, bool exists, bool is_dir,
                         bool confine_reads)
{
    size_t k = 0;
    if (flags & 010000000) /* O_PATH */
        return 0;
    if (!exists && !(flags & 0100)) /* ENOENT without O_CREAT */
        return 0;
    unsigned acc = (unsigned)flags & 3;
    if ((flags & 0100) && !exists)
        n[k++] = (Need){R_MAKE_REG, parent};
    if (acc == 1 || acc == 2)
        n[k++] = (Need){R_WRITE_FILE, obj};
    if ((flags & 01000) && exists)
        n[k++] = (Need){R_TRUNCATE, obj};
    if (confine_reads && (acc == 0 || acc == 2))
        n[k++] = (Need){is_dir ? R_READ_DIR : R_READ_FILE, obj};
    return k;
}

const char *complain_fs_judge(ComplainState *cs, int listener, const struct seccomp_notif *req, const char *sys,
                              Span *span, const char **right_out, const char **resolved)
{
    const PathCall *c = NULL;
    for (size_t i = 0; i < sizeof calls / sizeof *calls; i++)
        if (strcmp(calls[i].sys, sys) == 0)
            c = &calls[i];
    if (!c)
        return NULL;
    Arena *a = cs->p->arena;
    const char *abs = absolute(cs, listener, req, c->dirfd, c->path);
    if (!abs)
        return NULL; /* the task is gone, or the path is unreadable: the kernel fails the call itself */
    const char *parent;
    bool exists, is_dir;
    const char *obj = canonical(a, abs, &parent, &exists, &is_dir);
    bool confine_reads = cs->p->fs.confine_reads;
    /* a name that does not exist (a PATH search, an optional config file)
     * fails with ENOENT before Landlock sees it: not a finding, and no rule
     * for it could be written (E1103) */
    struct stat pst;
    if (stat(parent, &pst) != 0)
        return NULL;
    bool creates = c->op == OP_MAKE || c->op == OP_MKNOD ||
                   ((c->op == OP_OPEN || c->op == OP_OPENAT2) && !exists);
    if (!exists && !creates)
        return NULL;
    Need need[6];
    size_t k = 0;
    switch (c->op) {
    case OP_OPEN:
        k = open_needs(need, c->flags >= 0 ? req->data.args[c->flags] : c->fixed, obj, parent, exists, is_dir,
                       confine_reads);
        break;
    case OP_OPENAT2: {
        uint64_t how_flags = 0;
        if (!supervise_read_mem(listener, req, req->data.args[2], &how_flags, sizeof how_flags))
            return NULL;
        k = open_needs(need, how_flags, obj, parent, exists, is_dir, confine_reads);
        break;
    }
    case OP_EXEC:
        need[k++] = (Need){R_EXECUTE, obj};
        if (confine_reads)
            need[k++] = (Need){R_READ_FILE, obj};
        break;
    case OP_MAKE: need[k++] = (Need){c->right, parent}; break;
    case OP_MKNOD: {
        unsigned mode = (unsigned)req->data.args[c->flags] & S_IFMT;
        uint64_t r = mode == S_IFCHR ? R_MAKE_CHAR : mode == S_IFBLK ? R_MAKE_BLOCK : mode == S_IFIFO ? R_MAKE_FIFO
                     : mode == S_IFSOCK                             ? R_MAKE_SOCK
                                                                    : R_MAKE_REG;
        need[k++] = (Need){r, parent};
        break;
    }
    case OP_UNLINK: {
        bool dir = c->right == R_REMOVE_DIR || (c->flags >= 0 && (req->data.args[c->flags] & 0x200));
        need[k++] = (Need){dir ? R_REMOVE_DIR : R_REMOVE_FILE, parent};
        break;
    }
    case OP_RENAME: {
        const char *abs2 = absolute(cs, listener, req, c->dirfd2, c->path2);
        if (!abs2)
            return NULL;
        const char *parent2;
        bool exists2, dir2;
        (void)canonical(a, abs2, &parent2, &exists2, &dir2);
        need[k++] = (Need){is_dir ? R_REMOVE_DIR : R_REMOVE_FILE, parent};
        need[k++] = (Need){is_dir ? R_MAKE_DIR : R_MAKE_REG, parent2};
        break;
    }
    case OP_TRUNCATE: need[k++] = (Need){R_TRUNCATE, obj}; break;
    }
    for (size_t i = 0; i < k; i++) {
        if (granted(cs, need[i].right, need[i].obj))
            continue;
        const char *what;
        *span = handled_by(cs->p, need[i].right, &what);
        *right_out = right_name(need[i].right);
        *resolved = need[i].obj;
        return arena_printf(a, "%s (%s %s)", what, *right_out, need[i].obj);
    }
    return NULL;
}
