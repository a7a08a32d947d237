/* Queries of the Policy's non-seccomp sections that
 * more than one user needs: the AppArmor back end and polc diff. */
#include <string.h>

#include "middle/model.h"

static bool net_match(const NetRule *r, const char *fam, const char *type)
{
    return (!r->family || strcmp(r->family, fam) == 0) && (!r->type || strcmp(r->type, type) == 0);
}

/* Whether the policy lets a socket of (family, type) be created; *by is the
 * entry that decides (the deny, or the allow list's first entry). */
bool net_allowed(const Policy *policy, const char *fam, const char *type, const NetRule **by)
{
    const NetRule *allow = NULL, *first_allow = NULL;
    for (size_t i = 0; i < policy->net.rules.len; i++) {
        const NetRule *r = &policy->net.rules.items[i];
        if (r->deny && net_match(r, fam, type)) {
            if (by)
                *by = r;
            return false;
        }
        if (!r->deny && !first_allow)
            first_allow = r;
        if (!r->deny && !allow && net_match(r, fam, type))
            allow = r;
    }
    if (by)
        *by = allow ? allow : first_allow;
    return allow || !first_allow;
}
