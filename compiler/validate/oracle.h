/* libseccomp oracle: compile a Docker/moby seccomp profile (JSON) into the
 * classic BPF program runc would load, reproducing
 *   - moby/profiles seccomp/seccomp_linux.go setupSeccomp() (profile -> OCI:
 *     archMap, includes/excludes of caps, arches and minKernel, name/names),
 *   - runc libcontainer/specconv SetupSeccomp() (one rule per name),
 *   - runc libcontainer/seccomp/seccomp_linux.go InitSeccomp()/matchCall()
 *     (libseccomp filter building), and
 *   - runc libcontainer/seccomp/patchbpf (seccomp_export_bpf + the -ENOSYS
 *     stub runc prepends before loading).
 * Evaluation uses the in-tree interpreter (compiler/bpf/interp.c). */
#ifndef POLC_TESTS_ORACLE_H
#define POLC_TESTS_ORACLE_H

#include <stddef.h>
#include <stdint.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

#include "bpf/interp.h"

typedef struct OracleFilter OracleFilter;

typedef struct {
    /* NULL-terminated capability names ("CAP_SYS_ADMIN"; "sys_admin" is
     * normalised the way Docker does); NULL = no capabilities. */
    const char *const *caps;
    /* SCMP_ARCH_* token of the host runc runs on; 0 = SCMP_ARCH_X86_64.
     * Must have this machine's byte order (e.g. no s390x on x86_64). */
    uint32_t native_arch;
    /* Host kernel for minKernel; kernel_major == 0: every minKernel is met. */
    unsigned kernel_major, kernel_minor;
    /* 1: return libseccomp's export as is, without runc's -ENOSYS stub. */
    int no_enosys_stub;
} OracleOptions;

/* Defaults: no_enosys_stub = 0 (exactly what runc loads), minKernel met. */
OracleFilter *oracle_load_json(const char *json_text, const char *const *caps, uint32_t native_arch,
                               char *err, size_t errlen);
OracleFilter *oracle_load_json_opts(const char *json_text, const OracleOptions *opts, char *err,
                                    size_t errlen);

/* Reads the profile's rules only, for oracle_profile_says; builds no
 * libseccomp filter (oracle_bpf/oracle_eval have no program). Works for
 * arches of either byte order. */
OracleFilter *oracle_load_rules(const char *json_text, const OracleOptions *opts, char *err, size_t errlen);

/* libseccomp's optimisation level (SCMP_FLTATR_CTL_OPTIMIZE) for
 * oracle_load_json_optimize(). */
enum {
    ORACLE_OPTIMIZE_RUNC = 0,    /* as runc: 2 when the profile has more than 32
                                    rules (one per name), else libseccomp's default;
                                    what oracle_load_json_opts() does */
    ORACLE_OPTIMIZE_DEFAULT = 1, /* libseccomp's default: priority-sorted if-chains */
    ORACLE_OPTIMIZE_BINARY_TREE = 2,
};
/* oracle_load_json_opts() with the optimisation level forced (1 or 2), or
 * chosen the way runc does (ORACLE_OPTIMIZE_RUNC). */
OracleFilter *oracle_load_json_optimize(const char *json_text, const OracleOptions *opts, int optimize,
                                        char *err, size_t errlen);

/* The program runc would pass to seccomp(2) (stub + libseccomp export). */
const struct sock_filter *oracle_bpf(const OracleFilter *f, size_t *len);
/* Number of leading instructions that are runc's -ENOSYS stub (0 if none). */
size_t oracle_stub_len(const OracleFilter *f);
/* Syscall names libseccomp could not resolve (runc skips them silently),
 * unique, in profile order. The array is owned by f. */
size_t oracle_skipped_names(const OracleFilter *f, const char ***names);
/* Number of rules runc dropped because their action equals the default. */
size_t oracle_redundant_rules(const OracleFilter *f);
/* SCMP_ARCH_* tokens in the filter (native first). */
size_t oracle_arches(const OracleFilter *f, const uint32_t **arches);
void oracle_free(OracleFilter *f);

/* Run the filter on one seccomp_data (bpf_run on oracle_bpf()). */
BpfResult oracle_eval(const OracleFilter *f, const struct seccomp_data *d);

/* What the profile itself says for one call of `name`, read the way runc
 * documents it, without libseccomp's code: the rules of every entry that
 * applies (includes/excludes as the filter was built), conditions ANDed (runc
 * ORs several conditions on one argument), the default when none holds.
 * narrow: a 32-bit ABI, where libseccomp compares the low 32 bits. Sets
 * *ret (SCMP_ACT_*); returns 1 when two rules that hold disagree. */
int oracle_profile_says(const OracleFilter *f, const char *name, int narrow, const uint64_t args[6], uint32_t *ret);

/* The number of rules oracle_profile_says reads for `name`. */
size_t oracle_profile_rules(const OracleFilter *f, const char *name);

/* Helpers for queries. */
/* "x86_64", "amd64", "SCMP_ARCH_X86_64", "x32", "i386", "aarch64", ... -> SCMP_ARCH_*; 0 if unknown */
uint32_t oracle_arch_from_name(const char *name);
/* SCMP_ARCH_* -> AUDIT_ARCH_* as seen in seccomp_data.arch (x32 -> AUDIT_ARCH_X86_64) */
uint32_t oracle_audit_arch(uint32_t scmp_arch);
/* Fill a seccomp_data for syscall nr on arch (x32: the x32 bit is set on nr). */
struct seccomp_data oracle_data(uint32_t scmp_arch, int nr, const uint64_t *args, size_t nargs);

/* Docker's default capability set (moby oci/caps DefaultCapabilities), NULL-terminated. */
extern const char *const oracle_docker_default_caps[];

#endif /* POLC_TESTS_ORACLE_H */
