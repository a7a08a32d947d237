/* The process section's user and group as each kind of output needs them:
 * the text a container engine's --user takes (names stay names: the engine
 * looks them up in the image), or numbers (Kubernetes, OCI), where a name
 * is looked up in the image's own /etc/passwd and /etc/group (--image-root),
 * never in the host's. */
#ifndef POLC_MIDDLE_ACCOUNTS_H
#define POLC_MIDDLE_ACCOUNTS_H
#include <stdbool.h>
#include <stdint.h>

#include "middle/policy.h"
#include "util/arena.h"
#include "util/diag.h"

typedef struct AccountIds {
    bool has_user, has_group;
    uint32_t uid, gid;
} AccountIds;

/* The policy names user 0 (`user 0`, `user root`): a name other than root
 * is never taken for root, whatever the image gives it. */
bool accounts_runs_as_root(const Policy *p);

/* "redis", "redis:adm", "101:101": USER[:GROUP] as written, the group
 * after a numeric user defaulting to the same number (as every output
 * applies `user U`); NULL when the policy names no user. In A. */
const char *accounts_user_arg(const Policy *p, Arena *A);

/* The numbers `output` writes. A numeric `user U` has group U; a named user
 * without a group has its primary group. Names are read from
 * IMAGE_ROOT/etc/passwd and IMAGE_ROOT/etc/group; without IMAGE_ROOT, or
 * when a name is not there, E1209 (WHY, if not NULL, is its note on what the
 * numbers are for) and false. */
bool accounts_numeric(const Policy *p, const char *image_root, const char *output, const char *why,
                      DiagEngine *diag, AccountIds *out);

#endif
