/* What a container engine is told besides the seccomp profile, as data: the
 * capability set, the user, no-new-privileges, the read-only root and the
 * tmpfs each `write` path gets under it, the AppArmor profile, the resource
 * limits. container_build decides it from the Policy; the run-flags, Compose
 * and OCI back ends (run_flags.c, compose.c, oci.c) render it, and polc
 * explain prints the run flags. */
#ifndef POLC_BACKEND_CONTAINER_SPEC_H
#define POLC_BACKEND_CONTAINER_SPEC_H
#include <stdbool.h>
#include <stdint.h>

#include "backend/options.h"
#include "middle/policy.h"
#include "util/diag.h"

/* The highest capability number the engines know by name (CAP_LAST_CAP of
 * Linux 5.9+, CHECKPOINT_RESTORE). */
#define CONTAINER_LAST_CAP 40

/* A tmpfs mounted where a `write` path lives, under `read-only root`. */
typedef struct ContainerTmpfs {
    const char *dir;     /* absolute, no trailing slash */
    const char *options; /* "rw,nosuid,nodev,..." as both engines and the kernel read them */
    Span span;           /* the first `write` rule that asked for it */
} ContainerTmpfs;

typedef struct ContainerSpec {
    const char *basename;         /* output file stem */
    const char *name;             /* the policy's name, or the stem */
    const char *seccomp_file;     /* "NAME.seccomp.json" */
    const char *apparmor_profile; /* the AppArmor back end's profile name */
    int ncaps;
    const char *caps[CONTAINER_LAST_CAP + 1]; /* the effective set by number, without CAP_ */
    bool no_new_privs;
    bool has_user;
    const char *user_arg; /* USER[:GROUP] for --user (middle/accounts.h); names stay names */
    bool read_only_root;
    VEC(ContainerTmpfs) tmpfs; /* sorted by dir, distinct */
    const char *tmpfs_owner;   /* appended to each tmpfs's options: container_tmpfs_owner */
    /* resources: the Policy's section, checked (memory-swap needs memory) */
    bool pids_set, memory_set, swap_set, cpus_set, nofile_set, nproc_set;
    uint64_t pids, memory, memory_swap, cpus_milli;
    uint64_t nofile_soft, nofile_hard, nproc_soft, nproc_hard;
} ContainerSpec;

/* The tmpfs options that make the policy's user own each tmpfs (runc gives
 * a tmpfs the mode of the image's directory it covers: 0750 for Debian's
 * /var/lib/redis): podman's `U`, else uid= and gid= (podman 4.3 refuses
 * those), numbers that need --image-root for a named user (E1209). "" for
 * root or no user. false with diagnostics. */
bool container_tmpfs_owner(const Policy *p, const BackendOptions *opt, const ContainerSpec *s, const char *output,
                           bool podman, DiagEngine *diag, const char **suffix);

/* Build the spec of `output` ("docker/podman run flags", ...). false after
 * reporting when the engines cannot carry the policy: a capability they
 * cannot name (E0902), a `write` path no tmpfs can serve (E1200), a
 * memory-swap limit without a memory limit below it (E1207), nproc the
 * kernel would not apply (E1208). */
bool container_build(const Policy *policy, const BackendOptions *opt, const char *output, DiagEngine *diag,
                     ContainerSpec *out);

/* The directory that holds every path `write P` matches, which a tmpfs (or
 * systemd's ReadWritePaths=) makes writable: P up to its first glob, or the
 * parent of a P without one; NULL when P has a glob before its last
 * component or lies in the root directory itself. */
const char *container_write_dir(Arena *a, const char *path);
/* E1208: nproc where the kernel would not apply RLIMIT_NPROC (root, or
 * SYS_ADMIN / SYS_RESOURCE kept): the limit would be set and hold nothing. */
bool container_check_nproc(const Policy *p, const char *output, DiagEngine *diag);
/* E1207: a memory-swap limit without a memory limit at most as large. */
bool container_check_swap(const Policy *p, const char *output, DiagEngine *diag);

/* `cpus` in thousandths, as the engines write it: 1500 -> "1.5", 250 -> "0.25". */
const char *container_cpus_text(uint64_t milli, char buf[32]);
/* The run flags, one per line (run_flags.c); `seccomp_path` is how the
 * engine's client finds NAME.seccomp.json; `podman`: each tmpfs starts
 * empty there too (`notmpcopyup`, a word Docker refuses). */
void run_flags_render(const ContainerSpec *s, const char *seccomp_path, bool podman, StrBuf *out);

/* An rlimit or limit value meaning "no limit" (RLIM_INFINITY). */
#define CONTAINER_UNLIMITED UINT64_MAX

#endif
