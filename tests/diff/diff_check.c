/* diff_check: polc diff against the IR's reference semantics (ir_eval).
 *
 *   diff_check STDLIB OLD NEW [--arch LIST]
 *
 * 1. Every reported syscall change is real: for each term of its region and
 *    each capability scenario it names, the witness call region.c finds is
 *    decided `from` by OLD and `to` by NEW.
 * 2. Nothing goes unreported: for every syscall number either policy decides
 *    (and a few neither does), every capability scenario over the
 *    capabilities either decision depends on, and argument vectors built from
 *    every value either IR compares against (v, v +- 1, ~v, and each bit of
 *    masks, at each argument and at all at once), a call OLD and NEW decide
 *    differently lies in a reported change (or is the reported default
 *    change, for numbers neither decides).
 * Prints the first failures and "N calls compared, W witnesses checked";
 * exits 1 on any failure, 2 on bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "review/region.h"
#include "review/review.h"
#include "polc/polc.h"
#include "../common/test_values.h"

#define MAX_VALUES 256

static void add_around(TestValues *vs, uint64_t v)
{
    test_values_add(vs, v);
    test_values_add(vs, v + 1);
    test_values_add(vs, v - 1);
    test_values_add(vs, ~v);
}

static void collect_syscall(const IrSyscall *s, TestValues *vs)
{
    for (unsigned sc = 0; s && sc < (1u << s->ncaps); sc++)
        for (size_t c = 0; c < s->scenarios[sc].cases.len; c++) {
            Dnf d = s->scenarios[sc].cases.items[c].cond;
            for (size_t t = 0; t < d.n; t++)
                for (size_t a = 0; a < d.terms[t].n; a++) {
                    const Atom *at = &d.terms[t].atoms[a];
                    add_around(vs, at->value);
                    if (at->op == A_MASKED_EQ)
                        for (int b = 0; b < 64; b++)
                            if (at->mask & (1ull << b))
                                test_values_add(vs, at->value ^ (1ull << b));
                }
        }
}

static int failures;

static void fail(ArchId arch, const char *name, uint32_t nr, const uint64_t args[6], const char *what)
{
    if (failures++ < 20)
        fprintf(stderr, "%s %s nr=%u args=[%#llx, %#llx, %#llx, ...]: %s\n", arch_info(arch)->name, name, nr,
                (unsigned long long)args[0], (unsigned long long)args[1], (unsigned long long)args[2], what);
}

static uint64_t scenario_caps(const SyscallChange *c, unsigned sc)
{
    uint64_t caps = 0;
    for (int b = 0; b < c->ncaps; b++)
        if (sc & (1u << b))
            caps |= 1ull << c->caps[b];
    return caps;
}

/* Does a reported change cover this call? */
static bool covered(const PolicyDiff *d, const polc_ctx *n, ArchId arch, uint32_t nr, const uint64_t args[6],
                    uint64_t caps, Action from, Action to)
{
    for (size_t i = 0; i < d->syscalls.len; i++) {
        const SyscallChange *c = &d->syscalls.items[i];
        if (c->arch != arch || c->nr != nr || !action_eq(c->from, from) || !action_eq(c->to, to))
            continue;
        unsigned sc = 0;
        for (int b = 0; b < c->ncaps; b++)
            if (caps & (1ull << c->caps[b]))
                sc |= 1u << b;
        uint64_t view[6];
        ir_arg_view(&n->policy, c->name, arch, args, view);
        if (c->scenarios[sc] && dnf_eval(c->cond, view))
            return true;
    }
    return false;
}

int main(int argc, char **argv)
{
    if (argc != 4 && !(argc == 6 && !strcmp(argv[4], "--arch"))) {
        fprintf(stderr, "usage: diff_check STDLIB OLD NEW [--arch LIST]\n");
        return 2;
    }
    for (int p = 2; p < 4; p++)
        if (strstr(argv[p], "shared/reference/") && access(argv[p], R_OK) != 0) {
            printf("SKIP: %s is missing\n", argv[p]);
            return 77;
        }
    polc_ctx *ctx[2];
    for (int p = 0; p < 2; p++) {
        ctx[p] = polc_new();
        polc_add_stdlib_dir(ctx[p], argv[1]);
        if ((argc == 6 && polc_set_arches(ctx[p], argv[5]) != POLC_OK) ||
            polc_compile_any(ctx[p], argv[2 + p]) != POLC_OK) {
            char *dg = polc_render_diagnostics(ctx[p], POLC_DIAG_TEXT, 0);
            fprintf(stderr, "%s%s does not compile\n", dg, argv[2 + p]);
            free(dg);
            return 2;
        }
    }
    polc_ctx *o = ctx[0], *n = ctx[1];
    PolicyDiff d;
    memset(&d, 0, sizeof d);
    d.old_label = argv[2];
    d.new_label = argv[3];
    if (!diff_policies(o, n, &d)) {
        fprintf(stderr, "polc diff failed\n");
        return 2;
    }
    Arena *A = &n->arena;

    /* 1. witnesses */
    size_t witnesses = 0;
    for (size_t i = 0; i < d.syscalls.len; i++) {
        const SyscallChange *c = &d.syscalls.items[i];
        RegionOf rof = {n, c->name, c->arch};
        static const uint64_t zero[6];
        if (dnf_is_false(c->cond))
            fail(c->arch, c->name, c->nr, zero, "empty region");
        for (unsigned sc = 0; sc < (1u << c->ncaps); sc++) {
            if (!c->scenarios[sc])
                continue;
            for (size_t t = 0; t < c->cond.n; t++) {
                uint64_t args[6];
                if (!region_term_witness(&rof, &c->cond.terms[t], args)) {
                    fail(c->arch, c->name, c->nr, zero, "a term without witness");
                    continue;
                }
                uint64_t caps = scenario_caps(c, sc);
                IrVerdict vo = ir_eval(&o->policy, c->arch, c->nr, args, caps), vn = ir_eval(&n->policy, c->arch, c->nr, args, caps);
                witnesses++;
                if (!action_eq(vo.action, c->from) || !action_eq(vn.action, c->to))
                    fail(c->arch, c->name, c->nr, args,
                         arena_printf(A, "reported %s -> %s, the IRs say %s -> %s", action_str(&n->policy, A, c->from),
                                      action_str(&n->policy, A, c->to), action_str(&n->policy, A, vo.action),
                                      action_str(&n->policy, A, vn.action)));
            }
        }
    }

    /* 2. nothing unreported */
    size_t calls = 0;
    for (size_t ai = 0; ai < o->policy.ir->arches.len; ai++) {
        const IrArch *oa = &o->policy.ir->arches.items[ai];
        const IrArch *na = ir_arch(n->policy.ir, oa->arch);
        if (!na)
            continue;
        ArchId arch = oa->arch;
        const ArchTable *tab = &n->policy.db.arch[arch];
        for (size_t e = 0; e < tab->len; e++) {
            uint32_t nr = tab->entries[e].nr;
            const IrSyscall *os = ir_syscall(oa, nr), *ns = ir_syscall(na, nr);
            if (!os && !ns && e % 16 != 0)
                continue; /* undecided on both sides: a sample is enough */
            TestValues vs = TEST_VALUES(MAX_VALUES);
            static const uint64_t bounds[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
                                              UINT64_MAX};
            for (size_t b = 0; b < sizeof bounds / sizeof *bounds; b++)
                test_values_add(&vs, bounds[b]);
            collect_syscall(os, &vs);
            collect_syscall(ns, &vs);
            int caps[2 * IR_MAX_CAPS_PER_SYSCALL], ncaps = 0;
            for (int side = 0; side < 2; side++) {
                const IrSyscall *s = side ? ns : os;
                for (int k = 0; s && k < s->ncaps; k++) {
                    bool have = false;
                    for (int j = 0; j < ncaps; j++)
                        have = have || caps[j] == s->caps[k];
                    if (!have)
                        caps[ncaps++] = s->caps[k];
                }
            }
            for (unsigned sc = 0; sc < (1u << ncaps); sc++) {
                uint64_t capset = 0;
                for (int b = 0; b < ncaps; b++)
                    if (sc & (1u << b))
                        capset |= 1ull << caps[b];
                for (size_t v = 0; v < 1 + vs.n * 7; v++) {
                    uint64_t args[6] = {0};
                    if (v > 0) {
                        size_t val = (v - 1) / 7, which = (v - 1) % 7;
                        for (unsigned a = 0; a < 6; a++)
                            if (which == 6 || a == which)
                                args[a] = vs.v[val];
                    }
                    IrVerdict vo = ir_eval(&o->policy, arch, nr, args, capset), vn = ir_eval(&n->policy, arch, nr, args, capset);
                    calls++;
                    if (action_eq(vo.action, vn.action))
                        continue;
                    bool ok = (!os && !ns) ? d.default_changed && action_eq(vo.action, d.default_from) &&
                                                 action_eq(vn.action, d.default_to)
                                           : covered(&d, n, arch, nr, args, capset, vo.action, vn.action);
                    if (!ok)
                        fail(arch, tab->entries[e].name, nr, args,
                             arena_printf(A, "unreported %s -> %s (caps %#llx)", action_str(&n->policy, A, vo.action),
                                          action_str(&n->policy, A, vn.action), (unsigned long long)capset));
                }
            }
        }
    }
    printf("%s vs %s: %zu changes, %zu calls compared, %zu witnesses checked, %d failures\n", argv[2], argv[3],
           d.syscalls.len, calls, witnesses, failures);
    polc_free(o);
    polc_free(n);
    return failures ? 1 : 0;
}
