/* The Docker/moby seccomp profile as data: what docker_build decides and
 * docker_render writes as JSON (docker_json.c). The Kubernetes back end reads
 * it to refer to or embed the profile; nothing re-reads polc's JSON text. */
#ifndef POLC_BACKEND_DOCKER_PROFILE_H
#define POLC_BACKEND_DOCKER_PROFILE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backend/options.h"
#include "middle/policy.h"
#include "util/arena.h"
#include "util/diag.h"

/* One argument condition of an entry: {index, value, valueTwo, op}. */
typedef struct DockerArg {
    unsigned index;
    uint64_t value, value_two; /* value_two is 0 unless op is SCMP_CMP_MASKED_EQ */
    const char *op;            /* "SCMP_CMP_EQ", "SCMP_CMP_MASKED_EQ", ... */
} DockerArg;

/* One entry of `syscalls`. */
typedef struct DockerEntry {
    VEC(const char *) names; /* sorted */
    Action action;
    const char *action_name; /* "SCMP_ACT_..." */
    bool has_errno_ret;      /* errnoRet is written (errno and trace actions) */
    uint64_t errno_ret;
    VEC(DockerArg) args;
    VEC(const char *) inc_caps;   /* includes.caps ("CAP_X"): all must be held */
    VEC(const char *) exc_caps;   /* excludes.caps: none may be held */
    bool has_inc_arches;          /* includes.arches is written */
    VEC(const char *) inc_arches; /* moby arch names of one family */
    const char *comment;          /* the rules' locations */
    Span span;                    /* the first deciding rule */
} DockerEntry;

/* One `archMap` row: a host family and the arches it adds besides itself. */
typedef struct DockerArchMap {
    const char *arch;
    VEC(const char *) subs;
} DockerArchMap;

typedef struct DockerProfile {
    Action default_action;
    const char *default_action_name;
    bool has_default_errno_ret; /* defaultErrnoRet is written */
    uint64_t default_errno_ret;
    /* arches of one byte order: `architectures`; of both: moby's `archMap` */
    bool use_arch_map;
    VEC(const char *) architectures; /* libseccomp names */
    VEC(DockerArchMap) arch_map;
    VEC(DockerEntry) entries; /* in the order they are written */
} DockerProfile;

/* Build the profile of the policy into out (allocated in the Policy's arena);
 * false after reporting E04xx when the format cannot express it exactly. */
bool docker_build(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, DockerProfile *out);
/* The profile as the JSON polc writes (pretty, one trailing newline). */
void docker_render(const DockerProfile *p, StrBuf *out);

#endif
