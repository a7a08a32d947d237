/* Back ends: each turns the IR (and the model) into one output format. A back
 * end that cannot express the policy exactly reports an error and returns
 * false; it never emits something weaker. */
#ifndef POLC_BACKEND_H
#define POLC_BACKEND_H
#include <stdbool.h>

#include "compile.h"

bool backend_docker_json(polc_ctx *ctx, StrBuf *out);
bool backend_bpf(polc_ctx *ctx, StrBuf *out);
bool backend_bpf_listing(polc_ctx *ctx, StrBuf *out);
bool backend_apparmor(polc_ctx *ctx, StrBuf *out);
/* The AppArmor feature set the back end targets (--apparmor-features, else
 * the stdlib's abi 3.0 set) and its loading through libapparmor (E0805). */
struct aa_features;
const char *apparmor_features_path(polc_ctx *ctx);
bool apparmor_load_features(polc_ctx *ctx, struct aa_features **out);
/* Kubernetes securityContext / Pod / SPO SeccompProfile (ctx->k8s_form). */
bool backend_k8s(polc_ctx *ctx, StrBuf *out);

/* polc's BPF program for one capability set (tests compare it with the IR). */
struct BpfProgram;
bool bpf_generate(polc_ctx *ctx, uint64_t caps, struct BpfProgram *out);
/* For bench/: the least p x (mean jumps of the number search per x86_64
 * syscall) + q x (the same per x32 syscall) over every tree search_emit's
 * planner can build on both arches' ranges as one sorted list, so the split
 * between the ABIs may sit anywhere or coincide with another. false unless
 * both are targeted and no frequency profile is in use. */
bool bpf_x86_64_x32_search_bound(polc_ctx *ctx, uint64_t caps, uint64_t p, uint64_t q, double *out);
/* The capability set the back end uses, and why (for messages). */
uint64_t bpf_chosen_caps(const polc_ctx *ctx, const char **why);
/* One listing line for instruction i (no newline). */
void bpf_format_insn(polc_ctx *ctx, const struct BpfProgram *p, size_t i, StrBuf *out);

#endif
