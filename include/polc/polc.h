/* polc: a policy compiler for container sandboxes.
 *
 * The only public header. A polc_ctx holds one compilation: its sources, its
 * diagnostics and its intermediate representation, all in one arena that
 * polc_free releases. The library never prints and never exits; callers render
 * diagnostics and write outputs through the functions below. */
#ifndef POLC_POLC_H
#define POLC_POLC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct polc_ctx polc_ctx;

/* Back ends. Output file names for input NAME.pol are fixed: */
typedef enum polc_target {
    POLC_TARGET_DOCKER = 1u << 0,   /* NAME.seccomp.json */
    POLC_TARGET_BPF = 1u << 1,      /* NAME.bpf */
    POLC_TARGET_APPARMOR = 1u << 2, /* NAME.apparmor */
    POLC_TARGET_K8S = 1u << 3,      /* NAME.k8s.yaml */
    POLC_TARGET_RUN_FLAGS = 1u << 4, /* NAME.run-flags: docker/podman run options */
    POLC_TARGET_COMPOSE = 1u << 5,  /* NAME.compose.yaml: a Compose service */
    POLC_TARGET_SYSTEMD = 1u << 6,  /* NAME.service.d/polc.conf: a systemd drop-in */
    POLC_TARGET_OCI = 1u << 7,      /* NAME.oci.json: an OCI runtime-spec fragment */
} polc_target;

/* The targets polc_write_outputs and --check run when none is named. */
unsigned polc_default_targets(void);

/* The back ends this build implements. */
unsigned polc_available_targets(void);
/* "docker" -> POLC_TARGET_DOCKER, 0 if unknown. */
unsigned polc_target_from_name(const char *name);
const char *polc_target_name(polc_target target);
const char *polc_target_suffix(polc_target target);

typedef enum polc_diag_format { POLC_DIAG_TEXT, POLC_DIAG_JSON, POLC_DIAG_SARIF } polc_diag_format;

typedef enum polc_status {
    POLC_OK = 0,          /* success; warnings may exist */
    POLC_EINPUT = 1,      /* errors in the policy */
    POLC_EUSAGE = 2,      /* bad options, unreadable input, unwritable output */
} polc_status;

polc_ctx *polc_new(void);
void polc_free(polc_ctx *ctx);

/* Search path for include <...>: directories added here are searched first,
 * in order, then the directories of POLC_PATH (colon separated) when
 * polc_use_env_path was called, then stdlib directories. */
void polc_add_include_dir(polc_ctx *ctx, const char *dir);
void polc_add_stdlib_dir(polc_ctx *ctx, const char *dir);
/* Add the stdlib installed with this libpolc (PREFIX/share/polc/stdlib), when
 * it exists. */
void polc_add_installed_stdlib_dir(polc_ctx *ctx);
void polc_use_env_path(polc_ctx *ctx);
/* Do not load stdlib's prelude.pol (constants and syscall groups). */
void polc_set_no_prelude(polc_ctx *ctx, int no_prelude);
/* Override the policy's `arch` statement: comma separated arch names. */
polc_status polc_set_arches(polc_ctx *ctx, const char *arches);

/* Front end and middle end: parse, resolve, check, lower, optimize.
 * path "-" reads standard input; display_name (may be NULL) names it. */
polc_status polc_compile_file(polc_ctx *ctx, const char *path, const char *display_name);
polc_status polc_compile_buffer(polc_ctx *ctx, const char *display_name, const char *text, size_t len);

/* The policy's base name: the file name without directory and ".pol". */
const char *polc_policy_basename(const polc_ctx *ctx);

/* Run one back end into a malloc'd buffer (free with free()). Errors the back
 * end finds (a policy it cannot express exactly) become diagnostics. */
polc_status polc_emit(polc_ctx *ctx, polc_target target, char **out, size_t *len);

/* What `polc --check` does: run the chosen back ends (a mask of polc_target)
 * for their diagnostics only, stopping at the first that refuses the policy.
 * Every diagnostic about the policy is reported as polc_emit would report
 * it; nothing is produced, so the BPF program is planned only when it might
 * not fit in one filter, and only the Docker profile is validated (its text
 * is the one polc_emit returns). */
polc_status polc_check(polc_ctx *ctx, unsigned targets);

/* Run the chosen back ends and write DIR/BASENAME.SUFFIX for each, atomically:
 * every output goes to a temporary file in DIR that is renamed into place
 * only after all back ends succeeded; on error nothing in DIR changes. */
polc_status polc_write_outputs(polc_ctx *ctx, const char *dir, unsigned targets);

/* The capability set the BPF back end resolves `when capability` rules with
 * (comma separated, e.g. "SYS_ADMIN,NET_ADMIN"; "" = none). Default: the
 * policy's capabilities section, else Docker's default set. */
polc_status polc_set_caps(polc_ctx *ctx, const char *caps);
/* A 32-bit argument is compared on its low half, the part the kernel reads.
 * With this on, a call whose tested 32-bit argument has a high half that is
 * neither zero nor the sign extension of its low half gets the harshest
 * action that syscall's rules and the default can give (polc's BPF; the
 * Docker format cannot say it and refuses). */
void polc_set_strict_int_args(polc_ctx *ctx, int on);
/* Before an output is returned, polc runs it on the policy's decision points
 * and compares it with the policy (translation validation, on by default):
 * its BPF through the in-tree interpreter, its Docker profile read as runc
 * documents it and built by the linked libseccomp the way runc builds it.
 * on = 0 skips the libseccomp part only: unsafe, since a runtime's
 * libseccomp may then enforce something other than the policy
 * (docs/validation.md). */
void polc_set_verify_libseccomp(polc_ctx *ctx, int on);

/* Options of the Kubernetes back end (NAME.k8s.yaml), by name:
 *   "form"         "snippet" (a container securityContext, the default), "pod"
 *                  (a Pod with the legacy annotations too) or "spo" (a Security
 *                  Profiles Operator SeccompProfile plus the Pod using it);
 *   "profile-dir"  directory of the seccomp localhostProfile, relative to the
 *                  kubelet's seccomp root (default: none);
 *   "image"        the Pod's container image (the pod and spo forms need it:
 *                  without it they are refused, E0920);
 *   "namespace"    the SPO form's namespace (default: "default");
 *   "node-limits"  "yes": the nodes enforce the resources a Pod cannot say per
 *                  container (pids, memory-swap, nofile, nproc), as the
 *                  output's comment lists; "no" (the default): refused, E0921.
 * A bad name or value is a usage error (E0906). */
polc_status polc_set_k8s_option(polc_ctx *ctx, const char *name, const char *value);
/* Where the run-flags output names the seccomp profile: DIR/NAME.seccomp.json
 * (default: the directory polc_write_outputs writes to, as given; without
 * one, NAME.seccomp.json). */
void polc_set_profile_dir(polc_ctx *ctx, const char *dir);
/* The engine the run-flags output is for: "docker" (the default) or
 * "podman" (each tmpfs gets `notmpcopyup`: empty, as Docker mounts it).
 * POLC_EUSAGE for another name. */
polc_status polc_set_engine(polc_ctx *ctx, const char *engine);
/* --image-root DIR: the image's root file system (or a directory holding its
 * etc/passwd and etc/group), where `user NAME` and `group NAME` are looked
 * up by the outputs that write numbers (Kubernetes, OCI). DIR is copied. */
void polc_set_image_root(polc_ctx *ctx, const char *dir);
/* Weight the BPF number dispatch by how often each syscall is made: a file of
 * `name count` lines (like minijail's @frequency), e.g. from strace -c. */
polc_status polc_set_frequency_profile(polc_ctx *ctx, const char *path);
/* The BPF program as a readable listing (labels, decoded returns, the rule of
 * each instruction, per-arch cacheability); malloc'd. */
polc_status polc_emit_bpf_listing(polc_ctx *ctx, char **out);

/* The AppArmor kernel feature set the AppArmor back end checks rules against:
 * a file in the format of /etc/apparmor.d/abi/3.0 or a features directory
 * (/sys/kernel/security/apparmor/features). Default: the stdlib's abi 3.0 set.
 * An unreadable or malformed set is E0805 (POLC_EUSAGE). */
polc_status polc_set_apparmor_features(polc_ctx *ctx, const char *path);
/* Load a compiled (binary) AppArmor policy into the kernel through
 * libapparmor's aa_kernel_interface, replacing a loaded profile of the same
 * name. apparmorfs: the interface directory (NULL: the running kernel's,
 * e.g. /sys/kernel/security/apparmor). A kernel without the AppArmor LSM, or
 * a refused load, is E0806 (POLC_EUSAGE). */
polc_status polc_apparmor_load(polc_ctx *ctx, const char *blob, size_t len, const char *apparmorfs);
/* The checks polc_apparmor_load starts with: the kernel has the AppArmor LSM
 * (apparmorfs NULL), or apparmorfs is a directory. E0806 otherwise. */
polc_status polc_apparmor_check_interface(polc_ctx *ctx, const char *apparmorfs);
/* The feature set file or directory the AppArmor back end targets. */
const char *polc_apparmor_features_path(polc_ctx *ctx);

/* What the compiled policy does with one call on `arch` (NULL: the first
 * target), e.g. "socket(AF_INET, SOCK_STREAM, 0)": the action, the deciding
 * rule and the BPF instructions executed, as text (malloc'd). */
polc_status polc_eval(polc_ctx *ctx, const char *arch, const char *call, char **report);

/* Readable dumps (malloc'd, NUL terminated). */
char *polc_dump_ast(polc_ctx *ctx);
char *polc_dump_ir(polc_ctx *ctx);

size_t polc_error_count(const polc_ctx *ctx);
size_t polc_warning_count(const polc_ctx *ctx);
/* All diagnostics so far, rendered (malloc'd). Text form:
 *   file:line:col: error[E0210]: message
 *    12 |   allow sokcet
 *       |         ^^^^^^
 *   help: did you mean `socket`?
 * JSON form: one array of objects, see docs/diagnostics.md. SARIF form: a
 * SARIF 2.1.0 log with one run (docs/sarif.md); file URIs are relative to the
 * current directory. */
char *polc_render_diagnostics(const polc_ctx *ctx, polc_diag_format format, int color);

/* ---- polc import: existing profiles as polc source ----
 * Reads a Docker/moby seccomp JSON (also containers/common's variant), an OCI
 * runtime-spec `linux.seccomp` object or a Security Profiles Operator
 * SeccompProfile (YAML or JSON) and writes readable polc source (malloc'd).
 * Problems (unknown syscall names, rules polc cannot reproduce exactly)
 * become diagnostics on ctx. */
typedef struct polc_import_options {
    const char *policy_name; /* NULL: from the file name */
    const char *arches;      /* comma separated polc arch names; NULL: the profile's */
} polc_import_options;
polc_status polc_import_profile(polc_ctx *ctx, const char *path, const polc_import_options *opts, char **pol_out);

/* ---- polc learn: a minimal allowlist from what programs did ----
 * Inputs: `strace -f -o FILE` traces, `strace -c` summaries, and kernel
 * audit / dmesg SECCOMP records (type=1326) written under a `log` policy. */
typedef struct polc_learn_options {
    const char *policy_name;   /* NULL: "learned" */
    const char *arch;          /* the traced arch; NULL: the host's */
    const char *merge_path;    /* widen this existing policy; NULL: a new one */
    unsigned max_values;       /* an argument seen with at most this many values is constrained; 0: 4 */
    /* audit records kept (docs/learn.md, "Filtering audit records"); NULL/0: any */
    const char *comm;          /* comm= of the process */
    const char *exe;           /* exe= of the process */
    long pid;                  /* pid= of the process; 0: any */
    const char *since;         /* records at or after: epoch seconds, @EPOCH or YYYY-MM-DD[ T]HH:MM:SS (UTC) */
    const char *base;          /* base presets to include: NULL auto, "none", or names joined by ',' */
    const char *runtime;       /* with base NULL: the runtime's preset (NULL: "runc"; polc learn --run: "polc-run") */
} polc_learn_options;
polc_status polc_learn(polc_ctx *ctx, const char *const *inputs, size_t ninputs, const polc_learn_options *opts,
                       char **pol_out);

/* ---- polc diff and polc graph: tools for reviewers (docs/diff.md) ----
 * polc_compile_any compiles a policy (a .pol file, or "-") or, for any other
 * path, a profile polc import reads (Docker/moby JSON, OCI, SPO), imported in
 * memory. */
polc_status polc_compile_any(polc_ctx *ctx, const char *path);

typedef struct polc_diff_options {
    int json;              /* the JSON form of docs/diff.md instead of text */
    int color;             /* text: ANSI colours */
    const char *old_label; /* names shown for the two sides; NULL: "old", "new" */
    const char *new_label;
    int sarif;             /* a SARIF 2.1.0 log (docs/sarif.md): each widened change
                              is a result W1010 about new_label; overrides json */
    int exact;             /* polc verify: *more_permissive is set on any change,
                              and every change is a SARIF result */
    int verbose;           /* text: every change of a group, not the first 8 */
} polc_diff_options;
/* What NEW decides differently from OLD (both compiled), as a report
 * (malloc'd). *more_permissive is set when NEW allows something OLD did not.
 * POLC_EINPUT (with a diagnostic on new_ctx) when a region is too large. */
polc_status polc_diff(polc_ctx *old_ctx, polc_ctx *new_ctx, const polc_diff_options *opts, char **report,
                      int *more_permissive);
typedef enum polc_graph_view {
    POLC_GRAPH_REVIEW, /* per decision, by stdlib group; checks in the rules' words */
    POLC_GRAPH_RANGES  /* per syscall-number range */
} polc_graph_view;
typedef struct polc_graph_options {
    const char *arch;     /* one target arch; NULL: every target arch */
    polc_graph_view view;
    int json;             /* the review view as JSON (schema polc-graph/1) instead of dot */
    int verbose;          /* the review view's labels list every syscall, not a few and a count */
} polc_graph_options;
/* The compiled policy's decision structure as Graphviz dot or JSON
 * (malloc'd, docs/diff.md "polc graph"); opts NULL: the review view of every
 * arch as dot. An arch the policy does not target is POLC_EUSAGE (E1002);
 * json with the range view is POLC_EUSAGE without a diagnostic (the range
 * view is dot only). */
polc_status polc_graph_with(polc_ctx *ctx, const polc_graph_options *opts, char **out);
/* polc_graph_with, the review view as dot of one arch or (NULL) every one. */
polc_status polc_graph(polc_ctx *ctx, const char *arch, char **dot);

const char *polc_version(void);

/* Self-sandboxing: confine the calling process by the compiled policy, for
 * good, as `polc run` confines CMD (docs/run.md, examples/c/): Landlock for
 * the filesystem section, the capability sets, user and group,
 * no_new_privs, then the seccomp filter (the bytes of NAME.bpf for the host's
 * arch). Call it before creating threads: the kernel confines the calling
 * thread only, so a process with other threads is refused (E1130).
 * POLC_OK: confined. POLC_EINPUT: the policy cannot be enforced here (e.g.
 * the host's arch, a path Landlock cannot express); nothing was applied.
 * POLC_EUSAGE: not compiled, or a kernel step failed; after a failed kernel
 * step the process may be partly confined and should exit. Diagnostics are
 * in ctx either way. */
polc_status polc_apply_self(polc_ctx *ctx);

/* polc fmt: the canonical layout of one policy file's text (docs/fmt.md):
 * comments kept in place, rule order untouched. Only the file itself is
 * parsed (no includes, no prelude). *out is malloc'd (free with free()).
 * Syntax errors become diagnostics (POLC_EINPUT). A layout that would not
 * parse to the same syntax tree as the input is refused with E0190
 * (POLC_EUSAGE): polc fmt never changes what a policy means. */
polc_status polc_format(polc_ctx *ctx, const char *display_name, const char *text, size_t len, char **out,
                        size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif
