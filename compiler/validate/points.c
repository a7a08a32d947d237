/* The decision points of a policy: syscall numbers, argument vectors and
 * capability sets that together reach every case of the IR and every
 * boundary between cases (see points.h). */
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "validate/points.h"

#define X32_BIT 0x40000000u
#define MAX_ARG_VALUES 48

static uint32_t *grow_push(uint32_t *v, size_t *n, size_t *cap, uint32_t x)
{
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 1024;
        v = realloc(v, *cap * sizeof *v);
        if (!v)
            abort();
    }
    v[(*n)++] = x;
    return v;
}

uint32_t *points_numbers(const BackendRun *run, ArchId arch, size_t *n)
{
    uint32_t base = arch == ARCH_X32 ? X32_BIT : 0;
    size_t cap = 0;
    uint32_t *v = NULL;
    *n = 0;
    for (uint32_t i = 0; i < 1024; i++)
        v = grow_push(v, n, &cap, base + i);
    /* numbers of the table beyond the first 1024 (arm's private calls) */
    const ArchTable *t = &run->policy->db.arch[arch];
    for (size_t i = 0; t->loaded && i < t->len; i++)
        if (t->entries[i].nr >= base + 1024)
            v = grow_push(v, n, &cap, t->entries[i].nr);
    static const uint32_t far[] = {0x3fffffffu, 0x7fffffffu, 0xbfffffffu, 0xffffffffu, X32_BIT + 2000};
    for (size_t i = 0; i < sizeof far / sizeof *far; i++)
        v = grow_push(v, n, &cap, far[i]);
    if (arch == ARCH_X86_64)
        for (uint32_t i = 0; i < 4; i++) /* x32 calls, targeted or not */
            v = grow_push(v, n, &cap, X32_BIT + i);
    return v;
}

typedef struct ValueSet {
    uint64_t v[MAX_ARG_VALUES];
    size_t n;
} ValueSet;

static void vs_add(ValueSet *s, uint64_t x)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == x)
            return;
    if (s->n < MAX_ARG_VALUES)
        s->v[s->n++] = x;
}

static void add_atom_values(ValueSet *vs, const Atom *at)
{
    vs_add(vs, at->value);
    vs_add(vs, at->value - 1);
    vs_add(vs, at->value + 1);
    if (at->op == A_MASKED_EQ) {
        vs_add(vs, at->mask);
        vs_add(vs, at->mask | at->value);
        vs_add(vs, at->value ^ (at->mask & (0 - at->mask)));
        vs_add(vs, ~at->mask);
    }
}

static void push_vector(ArgVectors *out, const uint64_t args[6])
{
    if (out->n == out->cap) {
        out->cap = out->cap ? 2 * out->cap : 64;
        out->v = realloc(out->v, out->cap * sizeof *out->v);
        if (!out->v)
            abort();
    }
    memcpy(out->v[out->n++], args, 6 * sizeof(uint64_t));
}

void points_vectors(const BackendRun *run, ArchId arch, const IrSyscall *s, ArgVectors *out)
{
    out->n = 0;
    uint64_t zeros[6] = {0}, ones[6];
    memset(ones, 0xff, sizeof ones);
    push_vector(out, zeros);
    push_vector(out, ones);
    if (!s)
        return;
    ValueSet vals[6];
    memset(vals, 0, sizeof vals);
    unsigned tested = 0;
    for (unsigned sc = 0; sc < (1u << s->ncaps); sc++) {
        const IrDecision *d = &s->scenarios[sc];
        tested |= ir_args_tested(d);
        for (size_t c = 0; c < d->cases.len; c++) {
            Dnf f = d->cases.items[c].cond;
            for (size_t t = 0; t < f.n; t++)
                for (size_t x = 0; x < f.terms[t].n; x++)
                    add_atom_values(&vals[f.terms[t].atoms[x].arg], &f.terms[t].atoms[x]);
        }
    }
    if (!tested)
        return;
    unsigned idx[6];
    size_t nt = 0;
    for (unsigned i = 0; i < 6; i++) {
        if (!(tested & (1u << i)))
            continue;
        vs_add(&vals[i], 0);
        if (arch_info(arch)->word_bits == 64 && ir_arg_bits(run->policy, s->name, arch, i) == 32) {
            /* the kernel reads the low half: a dirty high half must not matter */
            size_t k = vals[i].n;
            for (size_t j = 0; j < k; j++) {
                vs_add(&vals[i], vals[i].v[j] | 0xffffffff00000000ull);
                vs_add(&vals[i], (vals[i].v[j] & 0xffffffffu) | 0x100000000ull);
            }
        }
        idx[nt++] = i;
    }
    size_t cross = 1;
    for (size_t k = 0; k < nt && cross <= POINTS_MAX_CROSS; k++)
        cross *= vals[idx[k]].n;
    uint64_t args[6] = {0};
    if (cross <= POINTS_MAX_CROSS) {
        size_t pos[6] = {0};
        for (;;) {
            for (size_t k = 0; k < nt; k++)
                args[idx[k]] = vals[idx[k]].v[pos[k]];
            push_vector(out, args);
            size_t k = 0;
            while (k < nt && ++pos[k] == vals[idx[k]].n)
                pos[k++] = 0;
            if (k == nt)
                break;
        }
        return;
    }
    /* pair by pair, the other arguments at each of their first values */
    for (size_t a = 0; a < nt; a++)
        for (size_t b = a + 1; b < nt; b++)
            for (size_t base = 0; base < 2; base++)
                for (size_t i = 0; i < vals[idx[a]].n; i++)
                    for (size_t j = 0; j < vals[idx[b]].n; j++) {
                        for (size_t k = 0; k < nt; k++)
                            args[idx[k]] = vals[idx[k]].v[base < vals[idx[k]].n ? base : 0];
                        args[idx[a]] = vals[idx[a]].v[i];
                        args[idx[b]] = vals[idx[b]].v[j];
                        push_vector(out, args);
                    }
}

void arg_vectors_free(ArgVectors *v)
{
    free(v->v);
    v->v = NULL;
    v->n = v->cap = 0;
}

/* A capability set under construction: capabilities it must hold and must
 * not hold. */
typedef struct CapSet {
    uint64_t present, absent;
} CapSet;

size_t points_cap_sets(const BackendRun *run, uint64_t *sets, size_t max)
{
    CapSet cs[64];
    size_t n = 0;
    cs[n++] = (CapSet){0, 0};
    for (size_t a = 0; a < run->policy->ir->arches.len; a++) {
        const IrArch *ia = &run->policy->ir->arches.items[a];
        for (size_t i = 0; i < ia->syscalls.len; i++) {
            const IrSyscall *s = &ia->syscalls.items[i];
            for (unsigned sc = 0; sc < (1u << s->ncaps); sc++) {
                uint64_t want = 0, not = 0;
                for (int b = 0; b < s->ncaps; b++)
                    *((sc & (1u << b)) ? &want : &not) |= 1ull << s->caps[b];
                size_t k = 0;
                while (k < n && ((cs[k].absent & want) || (cs[k].present & not)))
                    k++;
                if (k == n) {
                    if (n == 64 || n == max)
                        return 0; /* the caller reports that it cannot cover them all */
                    cs[n++] = (CapSet){0, 0};
                }
                cs[k].present |= want;
                cs[k].absent |= not;
            }
        }
    }
    for (size_t k = 0; k < n; k++)
        sets[k] = cs[k].present;
    return n;
}
