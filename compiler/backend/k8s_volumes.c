/* Under `read-only root`, a Pod's program can write only where a volume is
 * mounted: each `write` or `append` path of the policy becomes an emptyDir
 * mounted on its directory, so the program can start (nginx writes its cache
 * and logs there). Only a directory with all beneath it (a path ending in
 * slash-star-star) is a place a volume can be mounted on. For any other write
 * path polc mounts nothing rather than guess (a volume on a file's path would
 * hide the file, one on a file's directory would hide its neighbours) and
 * warns (W0920): the program will fail to write there, which is narrower than
 * the policy, never wider. */
#include "backend/k8s_parts.h"

#include <stdlib.h>
#include <string.h>

static int by_path(const void *a, const void *b)
{
    return strcmp(((const K8sVolume *)a)->mount_path, ((const K8sVolume *)b)->mount_path);
}

/* The directory of a path ending in slash-star-star, when it is a plain path; NULL otherwise. */
static const char *mount_dir(Arena *a, const char *path)
{
    size_t n = strlen(path);
    if (n < 4 || strcmp(path + n - 3, "/**") != 0)
        return NULL;
    const char *dir = arena_strndup(a, path, n - 3);
    if (strpbrk(dir, "*?[]{}"))
        return NULL;
    return dir;
}

void k8s_volumes_build(const BackendRun *run, K8sManifest *m)
{
    const Policy *p = run->policy;
    if (!p->fs.read_only_root)
        return;
    for (size_t i = 0; i < p->fs.rules.len; i++) {
        const FsRule *r = &p->fs.rules.items[i];
        if (r->access != FS_WRITE && r->access != FS_APPEND)
            continue;
        const char *dir = mount_dir(run->arena, r->path);
        if (!dir) {
            VEC_PUSH(run->arena, m->unwritable, r->path);
            if (m->form == K8S_SNIPPET)
                continue; /* the Pod is the user's: the output's comment lists it */
            bool glob = strpbrk(r->path, "*?[]{}") != NULL;
            Diag *g = diag_warning(run->diag, "W0920", r->span,
                                   "the Kubernetes Pod mounts no volume for `%s`: under `read-only root` the program "
                                   "cannot write it",
                                   r->path);
            diag_note(run->diag, g, p->fs.read_only_root_span, "the root is read-only here");
            diag_note(run->diag, g, SPAN_NONE, "%s",
                      glob ? "it is not a directory a volume can be mounted on"
                           : "polc cannot tell whether it is a file or a directory, and mounts only directories");
            diag_help(run->diag, g, "write DIR/** for a directory the Pod mounts an emptyDir volume on, or add a "
                                    "volume for it to the Pod yourself");
            continue;
        }
        bool seen = false;
        for (size_t j = 0; j < m->volumes.len && !seen; j++)
            seen = strcmp(m->volumes.items[j].mount_path, dir) == 0;
        if (!seen)
            VEC_PUSH(run->arena, m->volumes, ((K8sVolume){NULL, dir, r->path}));
    }
    if (m->volumes.len)
        qsort(m->volumes.items, m->volumes.len, sizeof *m->volumes.items, by_path);
    for (size_t i = 0; i < m->volumes.len; i++)
        m->volumes.items[i].name = arena_printf(run->arena, "polc-write-%zu", i);
}
