/* Names of the model's values, shared by every stage: actions, capabilities,
 * errno constants (middle/policy.h). */
#include <stdint.h>
#include <string.h>

#include "middle/policy.h"

int action_cmp(Action a, Action b)
{
    if (a.kind != b.kind)
        return a.kind < b.kind ? -1 : 1;
    if (a.data != b.data)
        return a.data < b.data ? -1 : 1;
    return 0;
}

bool action_eq(Action a, Action b) { return action_cmp(a, b) == 0; }

const char *act_kind_name(ActKind k)
{
    static const char *const n[] = {"kill-process", "kill", "trap", "errno",
                                    "notify", "trace", "log", "allow"};
    return k < ACT__COUNT ? n[k] : "?";
}

const char *fs_access_name(FsAccess a)
{
    static const char *const n[] = {"read-only root", "read", "write", "append", "exec", "deny", "deny exec"};
    return (unsigned)a < sizeof n / sizeof *n ? n[a] : "?";
}

const char *cap_name(const Policy *p, int num)
{
    return num >= 0 && num < POLICY_MAX_CAPS ? p->cap_names[num] : NULL;
}

int cap_num(const Policy *p, const char *name)
{
    for (int i = 0; i < POLICY_MAX_CAPS; i++)
        if (p->cap_names[i] && strcmp(p->cap_names[i], name) == 0)
            return i;
    return -1;
}

const char *errno_name(const Policy *p, uint32_t value)
{
    const char *best = NULL;
    for (size_t i = 0; i < p->constants.cap; i++)
        if (p->constants.slots[i].key) {
            const NamedConst *c = p->constants.slots[i].value;
            if (c->is_errno && c->value == value && (!best || strcmp(c->name, best) < 0))
                best = c->name;
        }
    return best;
}

const char *action_str(const Policy *p, Arena *a, Action act)
{
    switch (act.kind) {
    case ACT_ERRNO: {
        const char *n = errno_name(p, act.data);
        return n ? arena_printf(a, "errno(%s)", n) : arena_printf(a, "errno(%u)", act.data);
    }
    case ACT_TRAP:
    case ACT_TRACE:
        return arena_printf(a, "%s(%u)", act_kind_name(act.kind), act.data);
    default:
        return act_kind_name(act.kind);
    }
}
