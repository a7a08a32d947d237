/* The Kubernetes output as data: what k8s_build decides (the securityContext,
 * the profiles it references, the Pod Security Standards level and why) and
 * k8s_render writes as YAML (k8s.c). polc explain reads these fields. */
#ifndef POLC_BACKEND_K8S_MANIFEST_H
#define POLC_BACKEND_K8S_MANIFEST_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backend/docker_profile.h"
#include "backend/options.h"
#include "middle/policy.h"
#include "util/diag.h"

/* The Pod Security Standards (v1.25+) levels, most restrictive first. */
typedef enum PssLevel { PSS_RESTRICTED, PSS_BASELINE, PSS_PRIVILEGED } PssLevel;
const char *pss_level_name(PssLevel level); /* "restricted", "baseline", "privileged" */

/* Why the manifest is not at a higher level. */
typedef struct K8sReason {
    PssLevel level; /* the level this reason lowers the result to */
    Span span;
    const char *msg;
} K8sReason;

/* A limit of the resources section a Pod cannot say per container, which
 * the nodes enforce under --k8s-node-limits (docs/kubernetes.md). */
typedef struct K8sNodeLimit {
    const char *entry;   /* as the policy says it: `pids 256` */
    const char *setting; /* the node setting that enforces it */
    Span span;
} K8sNodeLimit;

/* A writable directory under a read-only root: an emptyDir mounted there. */
typedef struct K8sVolume {
    const char *name;       /* the volume's name: polc-write-N, in mountPath order */
    const char *mount_path;
    const char *rule;       /* the policy's write path it comes from */
} K8sVolume;

typedef struct K8sManifest {
    K8sForm form;
    Arena *arena;             /* the Policy's: rendering allocates there */
    uint32_t root_file;       /* the policy file (where E0907 points) */
    const char *policy_name;  /* the policy's name (may be NULL) */
    const char *basename;     /* output file stem */
    const char *name;         /* pod and container name: a DNS label */
    const char *namespace_;   /* SPO form and its Pod: metadata.namespace */
    const char *image;        /* the Pod's container image (NULL in the snippet form) */
    /* resources.limits (NULL: none) and what the nodes must enforce */
    const char *limit_cpu;    /* millicores: "1500m" */
    const char *limit_memory; /* a quantity: "512Mi" */
    bool node_limits;         /* --k8s-node-limits */
    VEC(K8sNodeLimit) node;
    VEC(K8sVolume) volumes;   /* read-only root: the write paths as emptyDir volumes */
    VEC(const char *) unwritable; /* write paths no volume can make writable (W0920) */
    /* securityContext */
    bool allow_privilege_escalation;
    bool read_only_root_filesystem;
    bool has_user;            /* runAsNonRoot and runAsUser are written */
    bool run_as_non_root;
    uint32_t run_as_user;
    bool has_group;           /* runAsGroup is written */
    uint32_t run_as_group;
    int ncaps;
    const char *caps[64];     /* capabilities.add (after drop ALL), sorted */
    bool caps_declared;       /* false: Docker's default set (no `capabilities` section) */
    /* what it references */
    const char *seccomp_profile;  /* seccompProfile.localhostProfile */
    const char *apparmor_profile; /* appArmorProfile.localhostProfile */
    const DockerProfile *docker;  /* the Docker profile (the SPO form embeds it) */
    /* Pod Security Standards */
    PssLevel level;
    VEC(K8sReason) reasons;   /* why not higher, in the order found */
} K8sManifest;

/* Build the manifest (in the Policy's arena) from the Policy and the Docker
 * back end's profile, NULL when that back end refused the policy (then so does
 * this one, having nothing to point at). Reports E09xx and returns false when
 * Kubernetes cannot carry the policy; warns W0901/W0902 below restricted. */
bool k8s_build(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, const DockerProfile *docker,
               K8sManifest *out);
/* The manifest as YAML; false after E0907 if libyaml fails. */
bool k8s_render(const K8sManifest *m, DiagEngine *diag, StrBuf *out);

#endif
