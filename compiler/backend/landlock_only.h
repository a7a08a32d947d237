/* TCP ports in the container outputs (landlock_only.c): refused. */
#ifndef POLC_LANDLOCK_ONLY_H
#define POLC_LANDLOCK_ONLY_H
#include <stdbool.h>

#include "backend/options.h"
#include "middle/policy.h"
#include "util/diag.h"

/* true after E0417 (a seccomp output) or E0807 (AppArmor) when the policy has
 * TCP ports and polc run is not the one enforcing them; `output` names the
 * output in the message ("Docker seccomp profile"). */
bool backend_refuses_tcp_ports(const Policy *p, const BackendOptions *opt, const char *output, bool apparmor,
                               DiagEngine *diag);
/* The same for `scope abstract-unix` and `scope signal`: E0422 (a seccomp
 * output) or E0808 (AppArmor). */
bool backend_refuses_scopes(const Policy *p, const BackendOptions *opt, const char *output, bool apparmor,
                            DiagEngine *diag);

#endif
