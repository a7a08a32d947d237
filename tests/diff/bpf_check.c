/* bpf_check: a BPF program read back by polc diff (compiler/import/bpf_lift.c)
 * against the policy it was built from, call by call.
 *
 *   bpf_check STDLIB POLICY PROGRAM.bpf
 *
 * For every arch polc knows, every syscall number either the policy or the
 * lifted program decides (and a sample of the others, and numbers no table
 * has), and argument vectors built from edge values (0, 1, 2^31, 2^32 - 1,
 * 2^32, ...), every value either IR compares against (v, v +- 1, ~v, each
 * mask bit flipped), and pseudo-random values (fixed seed: the same calls
 * every run, with dirty high halves on 32-bit arguments), three verdicts
 * must agree: the kernel's reading of the program (bpf_run, the in-tree
 * interpreter), the policy's IR (ir_eval) and the lifted policy's IR, under
 * the capability set the program was built for.
 * Prints the first failures and "N calls compared"; exits 1 on any failure,
 * 2 on bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "compile.h"
#include "bpf/interp.h"
#include "middle/ir.h"
#include "polc/polc.h"
#include "../common/test_values.h"

#define MAX_VALUES 96
#define RANDOM_VALUES 24

static void collect(const IrSyscall *s, TestValues *vs)
{
    for (unsigned sc = 0; s && sc < (1u << s->ncaps); sc++)
        for (size_t c = 0; c < s->scenarios[sc].cases.len; c++) {
            Dnf d = s->scenarios[sc].cases.items[c].cond;
            for (size_t t = 0; t < d.n; t++)
                for (size_t a = 0; a < d.terms[t].n; a++) {
                    const Atom *at = &d.terms[t].atoms[a];
                    uint64_t v = at->value;
                    test_values_add(vs, v);
                    test_values_add(vs, v + 1);
                    test_values_add(vs, v - 1);
                    test_values_add(vs, ~v);
                    if (at->op == A_MASKED_EQ)
                        for (int b = 0; b < 64; b++)
                            if (at->mask & (1ull << b))
                                test_values_add(vs, v ^ (1ull << b));
                }
        }
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;
static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static struct sock_filter *read_program(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static struct sock_filter prog[BPF_INTERP_MAX_INSNS + 1];
    *len = fread(prog, sizeof *prog, BPF_INTERP_MAX_INSNS + 1, f);
    fclose(f);
    return *len && *len <= BPF_INTERP_MAX_INSNS && bpf_validate(prog, *len, NULL) == BPF_OK ? prog : NULL;
}

static int failures;

static void check(const struct sock_filter *prog, size_t len, polc_ctx *p, polc_ctx *l, ArchId arch, uint32_t nr,
                  const uint64_t args[6], uint64_t caps, const char *name)
{
    struct seccomp_data d = {(int)nr, arch_info(arch)->audit, 0x1000, {0}};
    memcpy(d.args, args, sizeof d.args);
    uint32_t bpf = bpf_run(prog, len, &d).ret;
    uint32_t pol = ir_action_ret(ir_eval(&p->policy, arch, nr, args, caps).action);
    uint32_t lift = ir_action_ret(ir_eval(&l->policy, arch, nr, args, caps).action);
    if (bpf == pol && pol == lift)
        return;
    if (failures++ < 20)
        fprintf(stderr, "%s %s nr=%#x args=[%#llx, %#llx, %#llx, %#llx, %#llx, %#llx]: BPF %#x, policy %#x, lifted %#x\n",
                arch_info(arch)->name, name, nr, (unsigned long long)args[0], (unsigned long long)args[1],
                (unsigned long long)args[2], (unsigned long long)args[3], (unsigned long long)args[4],
                (unsigned long long)args[5], bpf, pol, lift);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bpf_check STDLIB POLICY PROGRAM.bpf\n");
        return 2;
    }
    polc_ctx *ctx[2];
    for (int i = 0; i < 2; i++) {
        ctx[i] = polc_new();
        polc_add_stdlib_dir(ctx[i], argv[1]);
        if (polc_compile_any(ctx[i], argv[2 + i]) != POLC_OK) {
            char *dg = polc_render_diagnostics(ctx[i], POLC_DIAG_TEXT, 0);
            fprintf(stderr, "%s%s does not compile\n", dg, argv[2 + i]);
            free(dg);
            return 2;
        }
    }
    polc_ctx *p = ctx[0], *l = ctx[1];
    size_t len;
    const struct sock_filter *prog = read_program(argv[3], &len);
    if (!prog) {
        fprintf(stderr, "%s: not a valid seccomp program\n", argv[3]);
        return 2;
    }
    const char *why;
    uint64_t caps = bpf_chosen_caps(&p->policy, &p->opt.backend, &why);
    size_t calls = 0;
    for (int a = 0; a < ARCH__COUNT; a++) {
        ArchId arch = (ArchId)a;
        const IrArch *pa = ir_arch(p->policy.ir, arch), *la = ir_arch(l->policy.ir, arch);
        const ArchTable *tab = &p->policy.db.arch[arch];
        uint32_t x32 = arch == ARCH_X32 ? 0x40000000u : 0;
        for (size_t e = 0; e <= tab->len; e++) {
            /* past the table: a number no table has */
            uint32_t nr = e < tab->len ? tab->entries[e].nr : (x32 | 0x3fff0u);
            const char *name = e < tab->len ? tab->entries[e].name : "(unknown number)";
            const IrSyscall *ps = pa ? ir_syscall(pa, nr) : NULL, *ls = la ? ir_syscall(la, nr) : NULL;
            bool decided = ps || ls;
            if (!decided && e % 8 != 0 && e < tab->len)
                continue; /* the default on both sides: a sample is enough */
            TestValues vs = TEST_VALUES(MAX_VALUES);
            static const uint64_t edges[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
                                             0xffffffff80000000ull, UINT64_MAX};
            for (size_t b = 0; b < sizeof edges / sizeof *edges; b++)
                test_values_add(&vs, edges[b]);
            collect(ps, &vs);
            collect(ls, &vs);
            for (int r = 0; r < (decided ? RANDOM_VALUES : 2); r++) {
                uint64_t v = next_random();
                test_values_add(&vs, v);
                test_values_add(&vs, v & 0xffffffffu);
            }
            for (size_t v = 0; v < 1 + vs.n * 7; v++) {
                uint64_t args[6] = {0};
                if (v > 0) {
                    size_t val = (v - 1) / 7, which = (v - 1) % 7;
                    for (unsigned k = 0; k < 6; k++)
                        args[k] = which == 6 || k == which ? vs.v[val] : next_random() >> (32 * (k & 1));
                }
                check(prog, len, p, l, arch, nr, args, caps, name);
                calls++;
            }
        }
    }
    printf("%s vs %s: %zu calls compared, %d failures\n", argv[2], argv[3], calls, failures);
    polc_free(p);
    polc_free(l);
    return failures ? 1 : 0;
}
