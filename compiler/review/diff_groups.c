/* polc diff: where each syscall change is shown. The calls of lint's
 * dangerous table (and clone when the changed calls may create namespaces,
 * and clone3, whose flags seccomp cannot read) come first; every other call
 * goes to the first stdlib group of diff_group_order that lists it, or to
 * "other". So a widening through @system-service shows clone and unshare
 * before clock_gettime. */
#include <string.h>

#include "front/stdlib_view.h"
#include "review/lint.h"
#include "review/region.h"
#include "review/review.h"

/* Narrow, privileged groups before broad, everyday ones: a call listed by
 * several is shown under the one that says most about it. */
const char *const diff_group_order[] = {
    "module", "reboot", "swap", "raw-io", "mount", "cpu-emulation", "debug", "keyring", "clock",
    "setuid", "chown", "privileged", "obsolete", "process", "network-io", "ipc", "file-system",
    "memlock", "resources", "pkey", "sandbox", "aio", "io-event", "signal", "sync", "timer",
    "basic-io", "default", "system-service", "other", NULL,
};

/* Why a change of clone matters: some call of its region carries a
 * namespace flag. */
static const char *clone_danger(const PolicyDiff *d, const SyscallChange *c)
{
    polc_ctx *ctx = (polc_ctx *)d->new_ctx;
    int arg = review_arg_index(ctx, "clone", c->arch, "flags");
    if (arg < 0)
        return NULL;
    CondCtx cc = {0};
    cc.arena = &ctx->arena;
    RegionOf rof = {ctx, "clone", c->arch};
    for (const NsFlag *ns = review_ns_flags; ns->name; ns++) {
        Atom at = {.arg = (uint8_t)arg, .op = A_MASKED_EQ, .value = ns->bit, .mask = ns->bit};
        Dnf m = dnf_and(&cc, c->cond, dnf_atom(&cc, at));
        if (!cc.overflow && !dnf_is_false(region_feasible(&rof, &ctx->arena, m)))
            return "may create namespaces (some changed calls carry CLONE_NEW* flags): an unprivileged user "
                   "namespace gives every capability inside it";
        cc.overflow = false;
    }
    return NULL;
}

static const char *danger_of(const PolicyDiff *d, const SyscallChange *c)
{
    if (!strcmp(c->name, "clone"))
        return clone_danger(d, c);
    if (!strcmp(c->name, "clone3"))
        return "clone3 passes its flags in memory, which seccomp cannot read: it may create namespaces";
    const DangerousSyscall *ds = review_dangerous_syscall(c->name);
    return ds ? ds->reason : NULL;
}

static bool lists(const StdlibGroup *g, const char *name)
{
    for (size_t i = 0; g && i < g->nmembers; i++)
        if (!strcmp(g->members[i], name))
            return true;
    return false;
}

void diff_group_changes(PolicyDiff *d)
{
    StdlibView *v = stdlib_view_of(d->new_ctx);
    for (size_t i = 0; i < d->syscalls.len; i++) {
        SyscallChange *c = &d->syscalls.items[i];
        c->danger = danger_of(d, c);
        c->group = "other";
        for (size_t g = 0; v && diff_group_order[g + 1]; g++)
            if (lists(stdlib_view_group(v, diff_group_order[g]), c->name)) {
                c->group = diff_group_order[g];
                break;
            }
    }
    stdlib_view_free(v);
}
