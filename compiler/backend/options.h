/* What a back end run may be told beyond the Policy: the user's options. */
#ifndef POLC_BACKEND_OPTIONS_H
#define POLC_BACKEND_OPTIONS_H
#include <stdbool.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/strmap.h"

typedef enum K8sForm { K8S_SNIPPET, K8S_POD, K8S_SPO } K8sForm;

typedef struct BackendOptions {
    const char *basename;    /* output file stem (NAME.apparmor, ...) */
    StrMap frequency;        /* --frequency: syscall name -> count, weights the BPF dispatch */
    bool have_frequency;
    uint64_t caps_override;  /* --caps: the set BPF resolves capability rules with */
    bool caps_override_set;
    const char *caps_override_text;
    const char *aa_features; /* --apparmor-features FILE|DIR; NULL: stdlib's abi 3.0 set */
    const char *aa_features_stdlib; /* that set's path (NULL: not found); the driver fills it */
    /* Kubernetes back end (polc_set_k8s_option) */
    K8sForm k8s_form;
    const char *k8s_profile_dir; /* directory of localhostProfile; NULL or "": none */
    const char *k8s_image;       /* NULL: a placeholder */
    const char *k8s_namespace;   /* NULL: "default" */
    /* --k8s-node-limits: the nodes enforce pids, memory-swap, nofile and nproc
     * (kubelet and runtime settings the output lists); else they are refused */
    bool k8s_node_limits;
    /* --image-root DIR: where `user NAME`/`group NAME` are looked up
     * (DIR/etc/passwd, DIR/etc/group) by outputs that need numbers */
    const char *image_root;
    /* --check: nothing is written, every diagnostic about the policy is. The
     * BPF back end then plans its number search only when the program might
     * not fit (bpf.c, fits_unplanned) and writes no program; the driver
     * validates only what would be written unchanged (the Docker profile). */
    bool check_only;
    /* --no-verify-libseccomp (unsafe): the Docker profile is checked without
     * building it with libseccomp */
    bool skip_libseccomp_validation;
    /* polc run (or polc_apply_self) enforces with Landlock what only Landlock
     * can: TCP ports and scopes. The BPF program it loads need not refuse
     * them (backend/landlock_only.c) */
    bool landlock_enforced;
    /* run-flags: the directory the engine's client opens NAME.seccomp.json
     * in (--profile-dir, else polc_write_outputs' directory); NULL: none */
    const char *out_dir;
    bool out_dir_fixed; /* --profile-dir: polc_write_outputs keeps it */
    /* --engine podman: run-flags for podman, whose --tmpfs copies the image's
     * files in unless told `notmpcopyup` (Docker mounts it empty and refuses
     * the word); false: Docker's flags */
    bool engine_podman;
} BackendOptions;

#endif
