/* Back ends: each turns the Policy into one output format. A back end reads
 * the Policy (never the syntax tree) and its options, and reports through the
 * diagnostic engine. One that cannot express the policy exactly reports an
 * error and returns false; it never emits something weaker. */
#ifndef POLC_BACKEND_H
#define POLC_BACKEND_H
#include <stdbool.h>

#include "backend/docker_profile.h"
#include "backend/k8s_manifest.h"
#include "backend/options.h"
#include "middle/policy.h"
#include "util/diag.h"

/* One back end run: what it reads, and where it reports and allocates. */
typedef struct BackendRun {
    const Policy *policy;
    const BackendOptions *opt;
    DiagEngine *diag;
    Arena *arena; /* the Policy's */
} BackendRun;

/* docker_build, then docker_render (backend/docker_profile.h). */
bool backend_docker_json(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out);
bool backend_bpf(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out);
bool backend_bpf_listing(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out);
bool backend_apparmor(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out);
/* The AppArmor feature set the back end targets (--apparmor-features, else
 * the stdlib's abi 3.0 set) and its loading through libapparmor (E0805). */
struct aa_features;
const char *apparmor_features_path(const BackendOptions *opt);
bool apparmor_load_features(const BackendOptions *opt, DiagEngine *diag, struct aa_features **out);
/* Kubernetes securityContext / Pod / SPO SeccompProfile (opt->k8s_form):
 * k8s_build, then k8s_render (backend/k8s_manifest.h). docker is the Docker
 * back end's validated profile, NULL when it refused the policy (then so does
 * this back end, having nothing to point at). */
bool backend_k8s(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, const DockerProfile *docker,
                 StrBuf *out);

/* The engines' and systemd's outputs (docs/runtimes.md): each refuses what
 * it cannot carry exactly. run-flags and Compose refer to NAME.seccomp.json,
 * the OCI fragment embeds the Docker back end's validated profile (docker,
 * not NULL) restricted to the policy's capability set. */
bool backend_run_flags(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out);
bool backend_compose(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out);
bool backend_systemd(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out);
bool backend_oci(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, const DockerProfile *docker,
                 StrBuf *out);

/* polc's BPF program for one capability set (tests compare it with the IR). */
struct BpfProgram;
bool bpf_generate(const BackendRun *run, uint64_t caps, struct BpfProgram *out);
/* For bench/: the least p x (mean jumps of the number search per x86_64
 * syscall) + q x (the same per x32 syscall) over every tree search_emit's
 * planner can build on both arches' ranges as one sorted list, so the split
 * between the ABIs may sit anywhere or coincide with another. false unless
 * both are targeted and no frequency profile is in use. */
bool bpf_x86_64_x32_search_bound(const BackendRun *run, uint64_t caps, uint64_t p, uint64_t q, double *out);
/* The capability set the back end uses, and why (for messages). */
uint64_t bpf_chosen_caps(const Policy *policy, const BackendOptions *opt, const char **why);
/* One listing line for instruction i (no newline). */
void bpf_format_insn(const BackendRun *run, const struct BpfProgram *p, size_t i, StrBuf *out);

#endif
