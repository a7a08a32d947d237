#include "middle/accounts.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The image's file REL (etc/passwd) as the image sees it: symbolic links
 * resolved inside ROOT (RESOLVE_IN_ROOT), never onto the host's files; only
 * a regular file of sane size (a FIFO would block, /dev/zero never end). */
static FILE *open_in_root(const char *root, const char *rel, char *why, size_t whylen)
{
    int dir = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        snprintf(why, whylen, "cannot open the image root %s: %s", root, strerror(errno));
        return NULL;
    }
    struct open_how how = {.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC,
                           .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS};
    int fd = (int)syscall(SYS_openat2, dir, rel, &how, sizeof how);
    int err = errno;
    close(dir);
    if (fd < 0) {
        snprintf(why, whylen, "cannot read %s/%s: %s", root, rel, strerror(err));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > 64 * 1024 * 1024) {
        snprintf(why, whylen, "%s/%s is not a regular file of at most 64 MiB", root, rel);
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "r");
    if (!f) {
        snprintf(why, whylen, "cannot read %s/%s: %s", root, rel, strerror(errno));
        close(fd);
    }
    return f;
}

bool accounts_runs_as_root(const Policy *p)
{
    return p->process.has_user && !p->process.user_name && p->process.uid == 0;
}

const char *accounts_user_arg(const Policy *p, Arena *A)
{
    if (!p->process.has_user)
        return NULL;
    char user[16], group[16];
    snprintf(user, sizeof user, "%u", p->process.uid);
    snprintf(group, sizeof group, "%u", p->process.has_gid ? p->process.gid : p->process.uid);
    const char *u = p->process.user_name ? p->process.user_name : user;
    if (p->process.group_name)
        return arena_printf(A, "%s:%s", u, p->process.group_name);
    /* a named user without a group: the engine takes its primary group */
    if (p->process.user_name && !p->process.has_gid)
        return arena_printf(A, "%s", u);
    return arena_printf(A, "%s:%s", u, group);
}

/* Field 0 (the name) of a passwd/group line is NAME: the id in field 2 and,
 * for passwd, the primary group in field 3. */
static bool lookup(const char *root, const char *rel, const char *name, uint32_t *id, uint32_t *gid, char *why,
                   size_t whylen)
{
    FILE *f = open_in_root(root, rel, why, whylen);
    if (!f)
        return false;
    char line[4096];
    bool found = false;
    size_t nlen = strlen(name);
    while (!found && fgets(line, sizeof line, f)) {
        if (strncmp(line, name, nlen) != 0 || line[nlen] != ':')
            continue;
        char *fields[4] = {0};
        char *s = line;
        for (int i = 0; i < 4 && s; i++) {
            fields[i] = s;
            s = strchr(s, ':');
            if (s)
                *s++ = '\0';
        }
        char *end;
        if (!fields[2] || !*fields[2])
            break;
        errno = 0;
        unsigned long v = strtoul(fields[2], &end, 10);
        if (errno || *end || v > 0xfffffffeul)
            break;
        *id = (uint32_t)v;
        if (gid) {
            if (!fields[3])
                break;
            fields[3][strcspn(fields[3], ":\n")] = '\0';
            v = strtoul(fields[3], &end, 10);
            if (!*fields[3] || *end || v > 0xfffffffeul)
                break;
            *gid = (uint32_t)v;
        }
        found = true;
    }
    fclose(f);
    if (!found)
        snprintf(why, whylen, "%s/%s has no valid entry for `%s`", root, rel, name);
    return found;
}

bool accounts_numeric(const Policy *p, const char *image_root, const char *output, const char *why_needed,
                      DiagEngine *diag, AccountIds *out)
{
    memset(out, 0, sizeof *out);
    out->has_user = p->process.has_user;
    out->has_group = p->process.has_user || p->process.has_gid;
    out->uid = p->process.uid;
    out->gid = p->process.has_gid ? p->process.gid : p->process.uid;
    const char *names[2] = {p->process.user_name, p->process.group_name};
    if (!names[0] && !names[1])
        return true;
    char why[512] = "";
    bool ok = image_root != NULL;
    if (ok && names[0]) {
        uint32_t primary = 0;
        ok = lookup(image_root, "etc/passwd", names[0], &out->uid, &primary, why, sizeof why);
        if (!p->process.has_gid)
            out->gid = primary;
    }
    if (ok && names[1]) {
        ok = lookup(image_root, "etc/group", names[1], &out->gid, NULL, why, sizeof why);
    }
    if (ok)
        return true;
    char what[256];
    if (names[0] && names[1])
        snprintf(what, sizeof what, "user `%s` and group `%s` are names", names[0], names[1]);
    else
        snprintf(what, sizeof what, "%s `%s` is a name", names[0] ? "user" : "group", names[0] ? names[0] : names[1]);
    Diag *g = diag_error(diag, "E1209", p->process.user_span, "the %s need%s numeric ids, but %s", output,
                         output[strlen(output) - 1] == 's' ? "" : "s", what);
    if (why_needed)
        diag_note(diag, g, SPAN_NONE, "%s", why_needed);
    if (image_root)
        diag_note(diag, g, SPAN_NONE, "%s", why);
    else
        diag_note(diag, g, SPAN_NONE, "%s",
                  "a name is resolved in the image's /etc/passwd and /etc/group, which polc has not been given");
    if (image_root)
        diag_help(diag, g, "%s", "give the image's own accounts, or write the ids: `user UID:GID`");
    else
        diag_help(diag, g, "%s",
                  "give --image-root DIR (the image's root file system, or a directory with its etc/passwd and "
                  "etc/group; e.g. `podman image mount`, `docker export`), write the ids (`user UID:GID`), or "
                  "leave this output out (-t for the others)");
    return false;
}
