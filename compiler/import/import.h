/* polc import: Docker/moby, OCI and Security Profiles Operator seccomp
 * profiles as readable polc source (include/polc/polc.h polc_import_profile).
 *
 *   read.c    file -> JSON tree (JSON or YAML), format detection, the
 *             profile object -> ImpProfile (runc's reading of each entry)
 *   model.c   the stdlib's answers import needs (front/stdlib_view.h) and
 *             the semantics: targets, no-op entries, libseccomp's precedence
 *   write.c   ImpProfile -> .pol text
 *   import.c  polc_import_profile: the three steps
 * Internal to libpolc. */
#ifndef POLC_IMPORT_H
#define POLC_IMPORT_H
#include <json-c/json.h>
#include <stdbool.h>
#include <stdint.h>

#include "compile.h"
#include "front/stdlib_view.h"

enum { IOP_EQ, IOP_NE, IOP_LT, IOP_LE, IOP_GT, IOP_GE, IOP_MASKED_EQ };

/* An action as runc hands it to libseccomp: data is the errno/trace value
 * (EPERM when the profile gives none), 0 for other kinds. */
typedef struct ImpAction {
    ActKind kind;
    uint32_t data;
} ImpAction;

typedef struct ImpCond { /* struct tag: compile.h's ProfileEntry points at these */
    unsigned index;
    int op;
    uint64_t value, value2; /* MASKED_EQ: value = mask, value2 = datum */
} ImpCond;

typedef struct ImpRule {
    size_t entry;            /* index in the profile's syscalls[] */
    VEC(const char *) names; /* in profile order */
    ImpAction act;
    ImpCond *conds;
    size_t nconds;
    bool conds_or;           /* runc: an index used twice -> every condition is its own rule */
    const char *comment;     /* moby `comment`, may be NULL */
    uint64_t cap_req, cap_forbid;
    uint32_t arch_mask;      /* target arches the entry applies to */
    VEC(const char *) notes; /* extra comment lines (minKernel, precedence) */
    bool dropped;
} ImpRule;

typedef struct ImpProfile {
    const char *path;
    const char *format;      /* human-readable format name */
    ImpAction def;
    uint32_t arch_mask;      /* target arches */
    bool arches_given;       /* --arch */
    bool errno_ret_string;   /* SPO v1beta1: errnoRet is a Go string of decimal digits */
    VEC(ImpRule) rules;
    VEC(const char *) header; /* comment lines for the file header */
    VEC(const char *) noop;   /* names of entries equal to the default */
    VEC(const char *) skipped; /* comment lines for entries that apply to no target arch */
} ImpProfile;

/* The stdlib for every arch (front/stdlib_view.h). */
typedef struct ImpStd {
    StdlibView *view;
} ImpStd;

typedef struct ImpCtx {
    polc_ctx *ctx;   /* the caller's: diagnostics, arena */
    ImpStd std;
    ImpProfile prof;
} ImpCtx;

/* strict.c: the profile text as a json-c tree, checked against the Go
 * types; NULL with *failed and diagnostics when the runtime would refuse it
 * or its reading is ambiguous. */
json_object *imp_parse_strict(ImpCtx *ic, const char *text, size_t len, bool *yaml, bool *failed);

/* model.c: false, with an error per condition, when a value above 32 bits
 * is compared with a 32-bit argument (no polc rule decides the same). */
bool imp_values_fit(ImpCtx *ic);

/* read.c */
bool imp_read_profile(ImpCtx *ic, const char *path);

/* model.c */
bool imp_std_load(ImpCtx *ic);
void imp_std_free(ImpCtx *ic);
bool imp_syscall_on(const ImpCtx *ic, const char *name, ArchId a);
bool imp_syscall_known(const ImpCtx *ic, const char *name); /* on some polc arch */
int imp_cap_num(const ImpCtx *ic, const char *name);        /* "CAP_SYS_ADMIN"/"sys_admin" -> 21, -1 */
const char *imp_cap_name(const ImpCtx *ic, int num);
bool imp_errno_value(const ImpCtx *ic, const char *name, uint32_t *out);
bool imp_semantics(ImpCtx *ic, const char *arch_override);

/* write.c */
char *imp_write_pol(ImpCtx *ic, const char *policy_name);

/* bpf_lift.c: a raw seccomp BPF program as polc source (malloc'd), or NULL
 * with E0720 (docs/diff.md, "BPF programs"). */
char *polc_lift_bpf(polc_ctx *ctx, const char *path);

/* diagnostics: "W0101" ... (docs/import.md) */
#define IMP_W_UNKNOWN_NAME "W0101"
#define IMP_W_PRECEDENCE "W0102"
#define IMP_W_ARCH "W0103"
#define IMP_W_FORMAT "W0104"
#define IMP_W_MINKERNEL "W0105"
#define IMP_E_PROFILE "E0601"
/* strict.c: reading the file as Go's encoding/json (docs/import.md) */
#define IMP_E_BOM "E0710"
#define IMP_E_SYNTAX "E0711"
#define IMP_E_DUP "E0712"
#define IMP_E_FOLD "E0713"
#define IMP_E_TYPE "E0714"
#define IMP_E_RANGE "E0715"
#define IMP_E_KERNEL "E0716"
#define IMP_E_YAML "E0717"
#define IMP_W_UTF8 "W0710"
#define IMP_W_UNKNOWN_KEY "W0711"

#endif
