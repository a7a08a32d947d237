/* Docker/moby seccomp JSON, as runc and podman load it through libseccomp.
 *
 * runc's semantics decide the shape of what we emit:
 *  - conditions of one entry are ANDed, unless two share an argument index:
 *    then every condition becomes its own rule (ORed). We therefore emit at
 *    most one condition per argument index and per entry;
 *  - an unconditional rule on a syscall overrides conditional ones with other
 *    actions, so entries for one syscall must be disjoint: the IR already
 *    gives disjoint cases per capability scenario;
 *  - includes.caps needs all listed capabilities, excludes.caps skips the
 *    entry when any is present: a scenario is exactly includes + excludes;
 *  - includes.arches tests the host's architecture, so decisions may differ
 *    between arch families but not inside one (x86_64 / x86 / x32). */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "facts/abi.h"
#include "middle/ir.h"
#include "backend/backend.h"
#include "backend/docker_profile.h"
#include "backend/lsc_shape.h"

#define MAX_ENTRIES 100000
#define MAX_ENUMERATED_RANGE 64
/* An entry's comment names up to 8 rules and counts the rest exactly up to
 * this many: past it, an entry names no more, so the work per entry stays
 * bounded (a case of a syscall with 500 rules feeds hundreds of entries). */
#define MAX_LOCS 64

typedef struct JArg {
    unsigned index;
    const char *op;
    uint64_t value, value2;
    bool has_value2;
} JArg;
typedef VEC(JArg) JArgVec;

typedef struct Entry {
    VEC(const char *) names;
    Action action;
    VEC(JArg) args;
    const char *inc_caps[IR_MAX_CAPS_PER_SYSCALL], *exc_caps[IR_MAX_CAPS_PER_SYSCALL];
    int ninc, nexc;
    const char *arches; /* family index key or NULL */
    int family;         /* -1: all families */
    VEC(const char *) locs; /* distinct, in first-seen order, at most MAX_LOCS */
    bool locs_over;         /* a further distinct location was seen */
    const IrCase *last_case;
    Span span; /* the first rule of the first case it came from */
    bool dead; /* replaced by equivalent entries (fix_lsc_shapes) */
    size_t seq; /* creation order */
    char *key;
} Entry;

typedef struct Emit {
    const BackendRun *run;
    VEC(Entry *) entries;
    StrMap by_key;
    const char **loc_of; /* rule id -> its location, one pointer per distinct string */
    bool ok;
    /* while writing out the default's calls for Docker 20.10: the family
     * they apply to (-1: all), and that a range bounded on both sides may
     * become masked blocks (bounded_blocks) */
    bool in_default_remainder;
    int remainder_family;
} Emit;

static bool bounded_blocks(const Emit *em, unsigned arg, uint64_t lo, uint64_t hi, JArgVec *alts);

static const char *scmp_action(ActKind k)
{
    switch (k) {
    case ACT_KILL_PROCESS: return "SCMP_ACT_KILL_PROCESS";
    case ACT_KILL_THREAD: return "SCMP_ACT_KILL";
    case ACT_TRAP: return "SCMP_ACT_TRAP";
    case ACT_ERRNO: return "SCMP_ACT_ERRNO";
    case ACT_NOTIFY: return "SCMP_ACT_NOTIFY";
    case ACT_TRACE: return "SCMP_ACT_TRACE";
    case ACT_LOG: return "SCMP_ACT_LOG";
    case ACT_ALLOW: return "SCMP_ACT_ALLOW";
    default: return "SCMP_ACT_KILL_PROCESS";
    }
}

static Span case_span(const BackendRun *run, const IrCase *c)
{
    if (!c->rules.len)
        return SPAN_NONE;
    /* the id past the last rule stands for the default (the entries that
     * write it out for Docker 20.10: emit_default_remainder and
     * emit_default_syscalls) */
    if ((size_t)c->rules.items[0] >= run->policy->rules.len)
        return run->policy->default_span;
    return run->policy->rules.items[c->rules.items[0]]->span;
}

/* One argument's constraint in a term, as alternative single conditions
 * (each alternative becomes its own entry). */
typedef struct Alts {
    size_t n;
    JArg *items;
} Alts;

static bool arg_alternatives(Emit *em, const IrCase *c, const char *sysname, ArchId arch, const Term *t,
                             unsigned arg, Alts *out)
{
    ArgConstraint ac;
    term_arg_constraint(t, arg, &ac);
    Arena *A = em->run->arena;
    bool full = ac.nranges == 1 && ac.lo[0] == 0 && ac.hi[0] == UINT64_MAX;
    const char *why = NULL;
    if (ac.too_many || ac.nranges == 64)
        why = "it excludes too many values";
    else if (ac.has_mask && !full)
        why = "it combines a mask test with a range on the same argument";
    if (!why && ac.has_mask) {
        out->n = 1;
        out->items = arena_alloc(A, sizeof(JArg));
        out->items[0] = (JArg){arg, "SCMP_CMP_MASKED_EQ", ac.mask, ac.value, true};
        return true;
    }
    JArgVec alts = {0};
    if (!why && arch_info(arch)->word_bits == 64 && ir_arg_bits(em->run->policy, sysname, arch, arg) == 32 &&
        em->run->policy->strict_int_args) {
        Diag *g = diag_error(em->run->diag, "E0412", case_span(em->run, c),
                             "the Docker seccomp format cannot refuse junk in the high half of `%s` "
                             "(--strict-int-args)", ir_arg_name(em->run->policy, sysname, arch, arg));
        diag_note(em->run->diag, g, SPAN_NONE,
                  "libseccomp has no test for \"zero or sign-extended\", and runc ORs two conditions on one argument");
        diag_help(em->run->diag, g, "use polc's BPF back end (-t bpf) for this policy, or drop --strict-int-args");
        em->ok = false;
        return false;
    }
    if (!why && arch_info(arch)->word_bits == 64 && ir_arg_bits(em->run->policy, sysname, arch, arg) == 32) {
        /* The kernel reads only the low half of a 32-bit argument, and
         * libseccomp compares 64-bit values on this arch: cover each range of
         * low halves with aligned blocks, each one `(x & mask) == start`,
         * whatever the high half holds. */
        for (size_t i = 0; i < ac.nranges; i++) {
            if (ac.lo[i] > 0xffffffffu)
                continue;
            uint64_t lo = ac.lo[i], hi = ac.hi[i] > 0xffffffffu ? 0xffffffffu : ac.hi[i];
            while (lo <= hi) {
                uint64_t size = 1;
                while (size < (1ull << 32) && (lo & (size * 2 - 1)) == 0 && lo + size * 2 - 1 <= hi)
                    size *= 2;
                VEC_PUSH(A, alts, ((JArg){arg, "SCMP_CMP_MASKED_EQ", 0xffffffffu & ~(size - 1), lo, true}));
                lo += size;
            }
        }
        out->n = alts.len;
        out->items = alts.items;
        return true;
    }
    for (size_t i = 0; i < ac.nranges && !why; i++) {
        uint64_t lo = ac.lo[i], hi = ac.hi[i];
        if (lo == hi)
            VEC_PUSH(A, alts, ((JArg){arg, "SCMP_CMP_EQ", lo, 0, false}));
        else if (lo == 0)
            VEC_PUSH(A, alts, ((JArg){arg, "SCMP_CMP_LT", hi + 1, 0, false}));
        else if (hi == UINT64_MAX)
            VEC_PUSH(A, alts, ((JArg){arg, "SCMP_CMP_GT", lo - 1, 0, false}));
        else if (hi - lo < MAX_ENUMERATED_RANGE)
            for (uint64_t v = lo;; v++) {
                VEC_PUSH(A, alts, ((JArg){arg, "SCMP_CMP_EQ", v, 0, false}));
                if (v == hi)
                    break;
            }
        else if (!(em->in_default_remainder && bounded_blocks(em, arg, lo, hi, &alts)))
            why = "it bounds the argument from both sides";
    }
    if (why) {
        const char *argname = ir_arg_name(em->run->policy, sysname, arch, arg);
        Diag *g = diag_error(em->run->diag, "E0400", case_span(em->run, c),
                             "the Docker seccomp format cannot express this condition on `%s` exactly: %s",
                             argname, why);
        diag_note(em->run->diag, g, SPAN_NONE,
                  "runc turns two conditions on one argument into separate rules that are ORed, which would widen the policy");
        diag_help(em->run->diag, g, "express it with `in {...}` or with single bounds (`<`, `>`) in separate rules");
        em->ok = false;
        return false;
    }
    out->n = alts.len;
    out->items = alts.items;
    return true;
}

static void add_entry(Emit *em, const char *name, Action act, const JArg *args, size_t nargs,
                      const IrSyscall *s, unsigned sc, int family, const IrCase *c)
{
    const BackendRun *run = em->run;
    Arena *A = run->arena;
    StrBuf kb;
    sb_init(&kb);
    sb_printf(&kb, "%d/%u/%u/%d|", family, act.kind, act.data, 0);
    for (size_t i = 0; i < nargs; i++)
        sb_printf(&kb, "%u,%s,%llu,%llu;", args[i].index, args[i].op, (unsigned long long)args[i].value,
                  (unsigned long long)args[i].value2);
    sb_putc(&kb, '|');
    for (int b = 0; b < s->ncaps; b++)
        sb_printf(&kb, "%c%d,", (sc & (1u << b)) ? '+' : '-', s->caps[b]);
    char *key = arena_strdup(A, kb.data ? kb.data : "");
    sb_free(&kb);
    Entry *e = strmap_get(&em->by_key, key);
    if (!e) {
        if (em->entries.len >= MAX_ENTRIES) {
            if (em->ok) {
                Diag *g = diag_error(run->diag, "E0400", case_span(run, c),
                                     "the Docker profile would exceed %d entries", MAX_ENTRIES);
                diag_help(run->diag, g, "simplify the conditions of this rule: each combination of values becomes an entry");
            }
            em->ok = false;
            return;
        }
        e = arena_alloc(A, sizeof *e);
        e->key = key;
        e->span = case_span(run, c);
        e->action = act;
        e->family = family;
        for (size_t i = 0; i < nargs; i++)
            VEC_PUSH(A, e->args, args[i]);
        for (int b = 0; b < s->ncaps; b++) {
            const char *cn = arena_printf(A, "CAP_%s", cap_name(run->policy, s->caps[b]));
            if (sc & (1u << b))
                e->inc_caps[e->ninc++] = cn;
            else
                e->exc_caps[e->nexc++] = cn;
        }
        strmap_put(&em->by_key, A, key, e);
        e->seq = em->entries.len;
        VEC_PUSH(A, em->entries, e);
    }
    bool have = false;
    for (size_t i = 0; i < e->names.len && !have; i++)
        have = strcmp(e->names.items[i], name) == 0;
    if (!have)
        VEC_PUSH(A, e->names, name);
    if (e->last_case == c) /* the case's other terms: nothing new */
        return;
    e->last_case = c;
    for (size_t r = 0; r < c->rules.len && !e->locs_over; r++) {
        const char *loc = em->loc_of[c->rules.items[r]];
        bool dup = false;
        for (size_t i = 0; i < e->locs.len && !dup; i++)
            dup = e->locs.items[i] == loc;
        if (dup)
            continue;
        if (e->locs.len == MAX_LOCS)
            e->locs_over = true;
        else
            VEC_PUSH(A, e->locs, loc);
    }
}

/* libseccomp 2.5.x miscompiles (or hangs on) two rules of one syscall that
 * reach the same level of its tree with a 64-bit range on the argument of
 * that level (lsc_shape.c, docs/libseccomp.md). Entries reach the same level
 * when runc can add both to one filter (their capability sets and arches
 * overlap), they name a common syscall, they have the same conditions on the
 * arguments before k and each has one on k. Such a range is rewritten into
 * SCMP_CMP_MASKED_EQ blocks, one entry each, until no such pair is left. */
static bool entries_coexist(const Entry *a, const Entry *b)
{
    if (a->family >= 0 && b->family >= 0 && a->family != b->family)
        return false;
    for (int i = 0; i < a->ninc; i++)
        for (int j = 0; j < b->nexc; j++)
            if (strcmp(a->inc_caps[i], b->exc_caps[j]) == 0)
                return false;
    for (int i = 0; i < b->ninc; i++)
        for (int j = 0; j < a->nexc; j++)
            if (strcmp(b->inc_caps[i], a->exc_caps[j]) == 0)
                return false;
    return true;
}

static bool is_range(const JArg *a)
{
    return strcmp(a->op, "SCMP_CMP_LT") == 0 || strcmp(a->op, "SCMP_CMP_GT") == 0 ||
           strcmp(a->op, "SCMP_CMP_LE") == 0 || strcmp(a->op, "SCMP_CMP_GE") == 0;
}

/* name, the conditions before position i, and the index of position i */
static const char *level_key(Arena *A, const char *name, const Entry *e, size_t i)
{
    StrBuf kb;
    sb_init(&kb);
    sb_printf(&kb, "%s|", name);
    for (size_t j = 0; j < i; j++)
        sb_printf(&kb, "%u,%s,%llu,%llu;", e->args.items[j].index, e->args.items[j].op,
                  (unsigned long long)e->args.items[j].value, (unsigned long long)e->args.items[j].value2);
    sb_printf(&kb, "@%u", e->args.items[i].index);
    const char *k = arena_strdup(A, kb.data ? kb.data : "");
    sb_free(&kb);
    return k;
}

typedef VEC(Entry *) EntryList;

/* The entry e with position i replaced by (mask, value), merged into an
 * existing live entry with the same key. */
static bool add_block_entry(Emit *em, const Entry *e, size_t i, LscBlock b)
{
    Arena *A = em->run->arena;
    StrBuf kb;
    sb_init(&kb);
    sb_printf(&kb, "%d/%u/%u/%d|", e->family, e->action.kind, e->action.data, 0);
    JArg *args = arena_alloc(A, (e->args.len + 1) * sizeof *args);
    for (size_t j = 0; j < e->args.len; j++) {
        args[j] = e->args.items[j];
        if (j == i)
            args[j] = (JArg){args[j].index, "SCMP_CMP_MASKED_EQ", b.mask, b.value, true};
        sb_printf(&kb, "%u,%s,%llu,%llu;", args[j].index, args[j].op, (unsigned long long)args[j].value,
                  (unsigned long long)args[j].value2);
    }
    sb_puts(&kb, strrchr(e->key, '|')); /* the capability part */
    char *key = arena_strdup(A, kb.data);
    sb_free(&kb);
    Entry *n = strmap_get(&em->by_key, key);
    if (!n || n->dead) {
        if (em->entries.len >= MAX_ENTRIES) {
            Diag *g = diag_error(em->run->diag, "E0415", e->span,
                                 "the Docker profile would exceed %d entries in the form libseccomp compiles right",
                                 MAX_ENTRIES);
            diag_note(em->run->diag, g, SPAN_NONE,
                      "libseccomp 2.5 miscompiles a range next to another rule's condition on the same argument "
                      "(docs/libseccomp.md); polc writes such ranges as masked blocks, one entry each");
            diag_help(em->run->diag, g, "bound the argument with fewer, rounder limits, or use polc's BPF back end (-t bpf)");
            em->ok = false;
            return false;
        }
        n = arena_alloc(A, sizeof *n);
        *n = *e;
        memset(&n->names, 0, sizeof n->names);
        memset(&n->locs, 0, sizeof n->locs);
        memset(&n->args, 0, sizeof n->args);
        n->locs_over = false;
        n->last_case = NULL;
        n->dead = false;
        n->key = key;
        for (size_t j = 0; j < e->args.len; j++)
            VEC_PUSH(A, n->args, args[j]);
        strmap_put(&em->by_key, A, key, n);
        n->seq = em->entries.len;
        VEC_PUSH(A, em->entries, n);
    }
    for (size_t j = 0; j < e->names.len; j++) {
        bool have = false;
        for (size_t l = 0; l < n->names.len && !have; l++)
            have = strcmp(n->names.items[l], e->names.items[j]) == 0;
        if (!have)
            VEC_PUSH(A, n->names, e->names.items[j]);
    }
    for (size_t j = 0; j < e->locs.len && !n->locs_over; j++) {
        bool dup = false;
        for (size_t l = 0; l < n->locs.len && !dup; l++)
            dup = n->locs.items[l] == e->locs.items[j];
        if (dup)
            continue;
        if (n->locs.len == MAX_LOCS)
            n->locs_over = true;
        else
            VEC_PUSH(A, n->locs, e->locs.items[j]);
    }
    n->locs_over |= e->locs_over;
    return true;
}

static bool same_cond(const JArg *a, const JArg *b)
{
    return a->index == b->index && strcmp(a->op, b->op) == 0 && a->value == b->value && a->value2 == b->value2;
}

/* Two entries that share a range at position i share its three libseccomp
 * nodes, two of which lead to the next condition's first node: a second
 * first node there is linked into the level through one parent only (the
 * hang). Harmless when the next conditions begin with the same node: the
 * same argument and the same test of its high half (EQ / MASKED_EQ). */
static bool same_next_node(const Entry *a, const Entry *b, size_t i)
{
    if (a->args.len <= i + 1 || b->args.len <= i + 1)
        return a->args.len == b->args.len;
    const JArg *x = &a->args.items[i + 1], *y = &b->args.items[i + 1];
    if (x->index != y->index || is_range(x) || is_range(y))
        return false;
    bool mx = strcmp(x->op, "SCMP_CMP_MASKED_EQ") == 0, my = strcmp(y->op, "SCMP_CMP_MASKED_EQ") == 0;
    uint64_t xm = mx ? x->value : UINT64_MAX, ym = my ? y->value : UINT64_MAX;
    uint64_t xd = (mx ? x->value2 : x->value) & xm, yd = (my ? y->value2 : y->value) & ym;
    return mx == my && xm >> 32 == ym >> 32 && xd >> 32 == yd >> 32;
}

/* The blocks for the range at position i of e (lsc_range_blocks, for the
 * arches e applies to); false: none means the same on all of them. */
static bool range_blocks(const Emit *em, const Entry *e, size_t i, LscBlock *out, size_t *nb)
{
    const Ir *ir = em->run->policy->ir;
    const JArg *ja = &e->args.items[i];
    bool has32 = false, has64 = false;
    for (size_t a = 0; a < ir->arches.len; a++) {
        const ArchInfo *ai = arch_info(ir->arches.items[a].arch);
        if (e->family < 0 || (int)ai->family == e->family) {
            has32 |= ai->word_bits == 32;
            has64 |= ai->word_bits == 64;
        }
    }
    LscBlock scratch[130];
    bool lt = strcmp(ja->op, "SCMP_CMP_LT") == 0;
    return lsc_range_blocks(lt, ja->value, has32, has64, out ? out : scratch, 130, nb);
}

static void fix_lsc_shapes(Emit *em)
{
    const BackendRun *run = em->run;
    Arena *A = run->arena;
    for (bool changed = true; changed && em->ok;) {
        changed = false;
        StrMap levels = {0};
        for (size_t x = 0; x < em->entries.len; x++) {
            Entry *e = em->entries.items[x];
            if (e->dead)
                continue;
            for (size_t n = 0; n < e->names.len; n++)
                for (size_t i = 0; i < e->args.len; i++) {
                    const char *k = level_key(A, e->names.items[n], e, i);
                    EntryList *l = strmap_get(&levels, k);
                    if (!l) {
                        l = arena_alloc(A, sizeof *l);
                        strmap_put(&levels, A, k, l);
                    }
                    if (!l->len || l->items[l->len - 1] != e)
                        VEC_PUSH(A, *l, e);
                }
        }
        size_t nentries = em->entries.len; /* entries added below are range-free there */
        for (size_t x = 0; x < nentries && em->ok; x++) {
            Entry *e = em->entries.items[x];
            if (e->dead)
                continue;
            /* of the ranges that meet at one level, the one needing the most
             * blocks stays (the first of equals): alone among masks it is
             * compiled right */
            size_t risky = SIZE_MAX, nb = 0;
            LscBlock blocks[130];
            bool can = false;
            const Entry *partner = NULL;
            for (size_t i = 0; i < e->args.len && risky == SIZE_MAX; i++) {
                if (!is_range(&e->args.items[i]))
                    continue;
                size_t mine = 0;
                bool my_can = range_blocks(em, e, i, blocks, &mine);
                bool rewrite = false;
                for (size_t n = 0; n < e->names.len && !rewrite; n++) {
                    EntryList *l = strmap_get(&levels, level_key(A, e->names.items[n], e, i));
                    for (size_t f = 0; l && f < l->len && !rewrite; f++) {
                        Entry *o = l->items[f];
                        if (o == e || o->dead || !is_range(&o->args.items[i]) || !entries_coexist(e, o) ||
                            (same_cond(&o->args.items[i], &e->args.items[i]) && same_next_node(e, o, i)))
                            continue;
                        size_t theirs = 0;
                        bool their_can = range_blocks(em, o, i, NULL, &theirs);
                        /* keep the one that cannot be rewritten, else the bigger, else the first */
                        if (my_can && !their_can)
                            rewrite = true;
                        else if (my_can == their_can)
                            rewrite = mine < theirs || (mine == theirs && o->seq < e->seq);
                        else
                            continue;
                        if (!rewrite && !my_can) /* neither can be rewritten: refuse */
                            rewrite = true;
                        if (rewrite)
                            partner = o;
                    }
                }
                if (rewrite)
                    risky = i, nb = mine, can = my_can;
            }
            if (risky == SIZE_MAX)
                continue;
            const JArg *ja = &e->args.items[risky];
            if (!can) {
                ArchId arch = run->policy->ir->arches.items[0].arch;
                for (size_t a = run->policy->ir->arches.len; a-- > 0;)
                    if (e->family < 0 || (int)arch_info(run->policy->ir->arches.items[a].arch)->family == e->family)
                        arch = run->policy->ir->arches.items[a].arch;
                const char *argname = ir_arg_name(run->policy, e->names.items[0], arch, ja->index);
                Diag *g = diag_error(run->diag, "E0414", e->span,
                                     "libseccomp 2.5 would miscompile this bound on `%s`, and no form it compiles "
                                     "right means the same on the 32- and 64-bit arches",
                                     argname);
                diag_note(run->diag, g, partner ? partner->span : SPAN_NONE,
                          "this rule also bounds `%s` of `%s` after the same conditions on the arguments before "
                          "it: libseccomp then tests the wrong half of the argument, or never returns "
                          "(docs/libseccomp.md)",
                          argname, e->names.items[0]);
                diag_note(run->diag, g, SPAN_NONE,
                          "on 32-bit arches libseccomp compares only the low 32 bits of the value, which masked "
                          "blocks can only match for a bound below 2^32");
                diag_help(run->diag, g, "compile a separate policy for the 32-bit arches, or use polc's BPF back end (-t bpf)");
                em->ok = false;
                return;
            }
            e->dead = true;
            changed = true;
            range_blocks(em, e, risky, blocks, &nb);
            for (size_t b = 0; b < nb && em->ok; b++)
                add_block_entry(em, e, risky, blocks[b]);
        }
    }
    if (!em->ok)
        return;
    size_t w = 0;
    for (size_t x = 0; x < em->entries.len; x++)
        if (!em->entries.items[x]->dead)
            em->entries.items[w++] = em->entries.items[x];
    em->entries.len = w;
}

/* Rules on one line share a location: compare locations by pointer. */
static const char **intern_locs(const BackendRun *run)
{
    const char **loc_of = arena_alloc(run->arena, (run->policy->rules.len + 1) * sizeof *loc_of);
    StrMap seen = {0};
    for (size_t r = 0; r < run->policy->rules.len; r++) {
        const char *loc = run->policy->rules.items[r]->loc;
        const char *first = strmap_get(&seen, loc);
        if (!first)
            strmap_put(&seen, run->arena, loc, (void *)loc), first = loc;
        loc_of[r] = first;
    }
    /* the default's own location, for the entries that write it out */
    unsigned line, col;
    const SourceFile *f = span_valid(run->policy->default_span)
                              ? source_get(run->policy->sm, run->policy->default_span.file) : NULL;
    if (f) {
        source_linecol(f, run->policy->default_span.start, &line, &col);
        loc_of[run->policy->rules.len] = arena_printf(run->arena, "%s.pol:%u default", run->opt->basename, line);
    } else {
        loc_of[run->policy->rules.len] = "default";
    }
    return loc_of;
}

static void emit_case(Emit *em, const IrSyscall *s, unsigned sc, const IrCase *c, int family, ArchId arch)
{
    for (size_t t = 0; t < c->cond.n && em->ok; t++) {
        const Term *term = &c->cond.terms[t];
        Alts alts[6];
        unsigned args[6], nargs = 0;
        for (unsigned a = 0; a < 6; a++) {
            bool used = false;
            for (size_t i = 0; i < term->n; i++)
                used |= term->atoms[i].arg == a;
            if (!used)
                continue;
            if (!arg_alternatives(em, c, s->name, arch, term, a, &alts[nargs]))
                return;
            args[nargs++] = a;
        }
        bool never = false;
        for (unsigned i = 0; i < nargs; i++)
            never |= alts[i].n == 0; /* e.g. a bound above every 32-bit value */
        if (never)
            continue;
        (void)args;
        /* cartesian product over the arguments' alternatives */
        size_t idx[6] = {0};
        for (;;) {
            JArg pick[6];
            for (unsigned i = 0; i < nargs; i++)
                pick[i] = alts[i].items[idx[i]];
            add_entry(em, s->name, c->action, pick, nargs, s, sc, family, c);
            if (!em->ok)
                return;
            unsigned i = 0;
            while (i < nargs && ++idx[i] == alts[i].n)
                idx[i++] = 0;
            if (i == nargs)
                break;
        }
    }
}

static void emit_syscall(Emit *em, const IrSyscall *s, int family, ArchId arch)
{
    for (unsigned sc = 0; sc < (1u << s->ncaps); sc++) {
        const IrDecision *d = &s->scenarios[sc];
        for (size_t c = 0; c < d->cases.len && em->ok; c++) {
            const IrCase *k = &d->cases.items[c];
            if (k->action.kind == ACT_TRAP && k->action.data != 0) {
                Diag *g = diag_error(em->run->diag, "E0403", case_span(em->run, k),
                                     "the Docker seccomp format cannot carry a trap value");
                diag_help(em->run->diag, g, "use plain `trap`");
                em->ok = false;
                return;
            }
            /* runc sends the notify fd to its parent with write(2) after
             * loading the filter, so it refuses such a profile outright */
            if (k->action.kind == ACT_NOTIFY && strcmp(s->name, "write") == 0) {
                Diag *g = diag_error(em->run->diag, "E0404", case_span(em->run, k),
                                     "runc cannot load a profile that hands `write` to a notify supervisor");
                diag_note(em->run->diag, g, SPAN_NONE,
                          "runc itself calls write(2) after loading the filter, to hand the notify file descriptor on");
                diag_help(em->run->diag, g, "give `write` another action");
                em->ok = false;
                return;
            }
            emit_case(em, s, sc, k, family, arch);
        }
    }
}

static bool syscall_eq(const IrSyscall *a, const IrSyscall *b)
{
    if (!a || !b)
        return a == b;
    if (a->ncaps != b->ncaps || memcmp(a->caps, b->caps, (size_t)a->ncaps * sizeof(int)) != 0)
        return false;
    for (unsigned sc = 0; sc < (1u << a->ncaps); sc++)
        if (!ir_decision_eq(&a->scenarios[sc], &b->scenarios[sc]))
            return false;
    return true;
}

/* libseccomp gives socketcall(SYS_X) (ipc(X) likewise) the action of every
 * entry naming X on the arches that multiplex. The IR models the same rule;
 * what it cannot model is a more restrictive rule on the multiplexer itself,
 * which libseccomp would not honour for SYS_X: refuse that. */
static bool verify_muxed(Emit *em, const char *name, const IrSyscall *direct, ArchId arch)
{
    const BackendRun *run = em->run;
    const char *muxer;
    uint32_t call;
    if (!muxed_call(name, &muxer, &call) || !arch_has_muxer(&run->policy->db, arch, muxer))
        return true;
    const SyscallEntry *m = syscalldb_lookup(&run->policy->db, arch, muxer);
    const IrSyscall *ms = ir_syscall(ir_arch(run->policy->ir, arch), m->nr);
    int caps[2 * IR_MAX_CAPS_PER_SYSCALL], k = 0;
    for (int i = 0; direct && i < direct->ncaps; i++)
        caps[k++] = direct->caps[i];
    for (int i = 0; ms && i < ms->ncaps; i++)
        caps[k++] = ms->caps[i];
    uint64_t zero[6] = {0}, viamux[6] = {call, 0, 0, 0, 0, 0};
    for (unsigned sc = 0; sc < (1u << k); sc++) {
        uint64_t mask = 0;
        for (int b = 0; b < k; b++)
            if (sc & (1u << b))
                mask |= 1ull << caps[b];
        IrVerdict d = ir_syscall_eval(direct, zero, mask, run->policy->ir->default_action);
        IrVerdict v = ir_syscall_eval(ms, viamux, mask, run->policy->ir->default_action);
        if (action_eq(d.action, v.action))
            continue;
        int rid = v.rule >= 0 ? v.rule : d.rule;
        Diag *g = diag_error(run->diag, "E0406", rid >= 0 ? run->policy->rules.items[rid]->span : run->policy->default_span,
                             "on %s a Docker profile gives %s(%u, ...) the action of `%s` (%s), but the policy says %s",
                             arch_info(arch)->name, muxer, call, name, action_str(run->policy, run->arena, d.action),
                             action_str(run->policy, run->arena, v.action));
        diag_note(run->diag, g, SPAN_NONE,
                  "libseccomp turns every rule on `%s` into a rule on %s(2) for %s", name, muxer, arch_info(arch)->name);
        diag_help(run->diag, g, "decide `%s` the same way on all arches of the family, and do not restrict `%s` "
                  "separately; or drop %s from `arch`", name, muxer, arch_info(arch)->name);
        em->ok = false;
        return false;
    }
    return true;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int entry_rank(const Entry *e)
{
    return (e->ninc + e->nexc ? 4 : 0) + (e->family >= 0 ? 2 : 0) + (e->args.len ? 1 : 0);
}

static int cmp_entry(const void *a, const void *b)
{
    const Entry *x = *(Entry *const *)a, *y = *(Entry *const *)b;
    int rx = entry_rank(x), ry = entry_rank(y);
    if (rx != ry)
        return rx - ry;
    int c = action_cmp(y->action, x->action); /* allow first, then more restrictive */
    if (c)
        return c;
    c = strcmp(x->names.items[0], y->names.items[0]);
    if (c)
        return c;
    return strcmp(x->key, y->key);
}

static bool little_endian_arch(ArchId a) { return (arch_info(a)->audit & 0x40000000u) != 0; /* __AUDIT_ARCH_LE */ }

/* runc adds every listed architecture to one filter, and libseccomp refuses
 * to mix byte orders in one filter: a policy for arches of both byte orders
 * would not load anywhere. moby's `archMap` (which podman reads too) lists
 * per family the arches a host of that family adds, as moby's own default
 * profile does; otherwise the plain `architectures` list. */
static void build_arches(Arena *A, DockerProfile *p, const Ir *ir)
{
    bool little = false, big = false;
    for (size_t a = 0; a < ir->arches.len; a++)
        *(little_endian_arch(ir->arches.items[a].arch) ? &little : &big) = true;
    if (!(little && big)) {
        for (size_t a = 0; a < ir->arches.len; a++)
            VEC_PUSH(A, p->architectures, arch_info(ir->arches.items[a].arch)->scmp);
        return;
    }
    p->use_arch_map = true;
    for (int f = 0; f < ARCH__COUNT; f++) {
        bool any = false;
        for (size_t a = 0; a < ir->arches.len; a++)
            any |= (int)arch_info(ir->arches.items[a].arch)->family == f;
        if (!any)
            continue;
        DockerArchMap m = {arch_info((ArchId)f)->scmp, {0}};
        for (size_t a = 0; a < ir->arches.len; a++) {
            ArchId id = ir->arches.items[a].arch;
            if ((int)arch_info(id)->family == f && (int)id != f)
                VEC_PUSH(A, m.subs, arch_info(id)->scmp);
        }
        VEC_PUSH(A, p->arch_map, m);
    }
}

/* runc always filters the host's own arch (libseccomp starts every filter
 * with it): on an x86_64 host a profile for x86 also decides x86_64 calls,
 * with its default, where the policy kills an ABI it does not target. Only
 * a default that kills keeps that meaning. */
static bool native_arches_targeted(const BackendRun *run)
{
    const Ir *ir = run->policy->ir;
    ActKind k = ir->default_action.kind;
    if (k == ACT_KILL_PROCESS || k == ACT_KILL_THREAD)
        return true;
    for (size_t a = 0; a < ir->arches.len; a++) {
        ArchId fam = arch_info(ir->arches.items[a].arch)->family;
        if (ir_arch(ir, fam))
            continue;
        Diag *g = diag_error(run->diag, "E0416", run->policy->default_span,
                             "a Docker profile for %s without %s would let its default `%s` decide %s calls, where "
                             "the policy kills calls of an ABI it does not target",
                             arch_info(ir->arches.items[a].arch)->name, arch_info(fam)->name,
                             action_str(run->policy, run->arena, ir->default_action), arch_info(fam)->name);
        diag_note(run->diag, g, SPAN_NONE, "runc's libseccomp always filters the host's own arch, so on %s hosts "
                  "the profile decides its calls", arch_info(fam)->name);
        diag_help(run->diag, g, "add %s to `arch`, or use a kill default", arch_info(fam)->name);
        return false;
    }
    return true;
}

/* Docker Engine 20.10 (Debian 12's docker.io) ignores `defaultErrnoRet`: it
 * hands runc the default action without the errno, and runc answers EPERM
 * for everything the default decides; podman and newer Docker honour the
 * field. So when the default's errno (or trace value) is not EPERM, every
 * call it decides also gets an explicit entry with that errno (errnoRet,
 * which 20.10 does pass on): whole syscalls no rule names, and the argument
 * values no rule of a named syscall decides (the complement of its cases,
 * per capability scenario). Docker 20.10 then decides them as podman does;
 * `defaultErrnoRet` stays for the engines that read it (docs/docker.md). */
static bool default_needs_entries(const Ir *ir)
{
    ActKind k = ir->default_action.kind;
    return (k == ACT_ERRNO || k == ACT_TRACE) && ir->default_action.data != 1 /* EPERM */;
}

/* [lo, hi] of a 64-bit argument as aligned blocks `(x & mask) == start`,
 * one alternative each: exact where every arch the entries apply to is
 * 64-bit (libseccomp compares only the low halves on 32-bit arches). */
static bool bounded_blocks(const Emit *em, unsigned arg, uint64_t lo, uint64_t hi, JArgVec *alts)
{
    const Ir *ir = em->run->policy->ir;
    for (size_t a = 0; a < ir->arches.len; a++) {
        const ArchInfo *ai = arch_info(ir->arches.items[a].arch);
        if ((em->remainder_family < 0 || (int)ai->family == em->remainder_family) && ai->word_bits != 64)
            return false;
    }
    for (;;) {
        unsigned s = 0; /* a block of 2^s values, aligned, inside [lo, hi] */
        while (s < 63 && (lo & ((2ull << s) - 1)) == 0 && lo + ((2ull << s) - 1) <= hi &&
               lo + ((2ull << s) - 1) >= lo)
            s++;
        uint64_t size_m1 = (1ull << s) - 1;
        VEC_PUSH(em->run->arena, *alts, ((JArg){arg, "SCMP_CMP_MASKED_EQ", ~size_m1, lo, true}));
        if (hi - lo <= size_m1)
            return true;
        lo += size_m1 + 1;
    }
}

/* The synthetic case "the default decides cond": its one rule id is the one
 * past the last rule, which stands for the default (case_span, intern_locs). */
static IrCase default_case(const BackendRun *run, Dnf cond)
{
    IrCase c = {run->policy->ir->default_action, cond, {0}};
    VEC_PUSH(run->arena, c.rules, (int)run->policy->rules.len);
    return c;
}

/* The calls of s that no case of a scenario decides: explicit entries, or
 * E0420/E0421 when the Docker format cannot state them exactly. */
static void emit_default_remainder(Emit *em, const IrSyscall *s, int family, ArchId arch)
{
    const BackendRun *run = em->run;
    for (unsigned sc = 0; sc < (1u << s->ncaps) && em->ok; sc++) {
        const IrDecision *d = &s->scenarios[sc];
        CondCtx cc = {run->arena, false};
        Dnf covered = dnf_false();
        for (size_t c = 0; c < d->cases.len; c++)
            covered = dnf_or(&cc, covered, d->cases.items[c].cond);
        Dnf rest = cc.overflow ? dnf_false() : dnf_not(&cc, covered);
        Span sp = d->cases.len ? case_span(run, &d->cases.items[0]) : run->policy->default_span;
        if (cc.overflow) {
            Diag *g = diag_error(run->diag, "E0421", sp,
                                 "the calls of `%s` that no rule decides are too many shapes to list for Docker 20.10",
                                 s->name);
            diag_note(run->diag, g, run->policy->default_span,
                      "Docker 20.10 ignores defaultErrnoRet, so polc writes out what this default decides");
            diag_help(run->diag, g, "use `default errno(EPERM)`, which every engine honours, or simplify the "
                      "conditions on `%s`", s->name);
            em->ok = false;
            return;
        }
        if (dnf_is_false(rest))
            continue;
        /* the reason the Docker format refuses goes into E0420, not out */
        DiagEngine scratch;
        diag_init(&scratch, run->arena, run->policy->sm);
        BackendRun quiet = *run;
        quiet.diag = &scratch;
        em->run = &quiet;
        em->in_default_remainder = true;
        em->remainder_family = family;
        IrCase dc = default_case(run, rest);
        emit_case(em, s, sc, &dc, family, arch);
        em->in_default_remainder = false;
        em->run = run;
        if (em->ok)
            continue;
        Diag *g = diag_error(run->diag, "E0420", sp,
                             "the calls of `%s` that no rule decides cannot be given the default `%s` explicitly, "
                             "which Docker 20.10 needs",
                             s->name, action_str(run->policy, run->arena, run->policy->ir->default_action));
        if (scratch.list.len)
            diag_note(run->diag, g, SPAN_NONE, "%s", scratch.list.items[0]->msg);
        diag_note(run->diag, g, run->policy->default_span,
                  "Docker 20.10 ignores defaultErrnoRet and answers EPERM for what the default decides; polc "
                  "writes those calls out with their errno");
        diag_help(run->diag, g, "use `default errno(EPERM)`, or decide every value of `%s` with rules", s->name);
        return;
    }
}

/* Every syscall of the target arches that no rule names: one entry of the
 * default action (per arch family where a family decides the name). */
static void emit_default_syscalls(Emit *em)
{
    const BackendRun *run = em->run;
    const Ir *ir = run->policy->ir;
    StrMap seen = {0};
    VEC(const char *) names = {0};
    for (size_t a = 0; a < ir->arches.len; a++) {
        const ArchTable *t = &run->policy->db.arch[ir->arches.items[a].arch];
        for (size_t i = 0; i < t->len; i++)
            if (!strmap_get(&seen, t->entries[i].name)) {
                strmap_put(&seen, run->arena, t->entries[i].name, (void *)1);
                VEC_PUSH(run->arena, names, t->entries[i].name);
            }
    }
    if (names.len > 1)
        qsort(names.items, names.len, sizeof *names.items, cmp_str);
    IrCase dc = default_case(run, dnf_true(&(CondCtx){run->arena, false}));
    IrSyscall none = {0};
    for (size_t n = 0; n < names.len && em->ok; n++) {
        bool fam_default[ARCH__COUNT] = {false}, fam_decided[ARCH__COUNT] = {false};
        for (size_t a = 0; a < ir->arches.len; a++) {
            const IrArch *ia = &ir->arches.items[a];
            const SyscallEntry *se = syscalldb_lookup(&run->policy->db, ia->arch, names.items[n]);
            if (!se)
                continue;
            int f = (int)arch_info(ia->arch)->family;
            *(ir_syscall(ia, se->nr) ? &fam_decided[f] : &fam_default[f]) = true;
        }
        bool any_decided = false, any_default = false;
        for (int f = 0; f < ARCH__COUNT; f++)
            any_decided |= fam_decided[f], any_default |= fam_default[f];
        if (!any_default)
            continue;
        none.name = names.items[n];
        for (int f = 0; f < ARCH__COUNT && em->ok; f++) {
            if (any_decided && !(fam_default[f] && !fam_decided[f]))
                continue; /* decided here, or E0401 from the main loop */
            add_entry(em, names.items[n], dc.action, NULL, 0, &none, 0, any_decided ? f : -1, &dc);
            if (!any_decided)
                break;
        }
    }
}

static bool build_profile(const BackendRun *run, DockerProfile *out)
{
    Emit em = {run, {0}, {0}, intern_locs(run), true, false, -1};
    const Ir *ir = run->policy->ir;
    if (ir->default_action.kind == ACT_NOTIFY || (ir->default_action.kind == ACT_TRAP && ir->default_action.data)) {
        Diag *g = diag_error(run->diag, "E0404", run->policy->default_span,
                             "runc and podman cannot load a profile whose default action is `%s`",
                             action_str(run->policy, run->arena, ir->default_action));
        diag_help(run->diag, g, "choose errno, kill, kill-process, trap, trace, log or allow as the default");
        return false;
    }
    if (ir->has_unknown) {
        Diag *g = diag_error(run->diag, "E0407", run->policy->unknown_span,
                             "a Docker profile cannot give syscall numbers unknown to polc their own action");
        diag_note(run->diag, g, SPAN_NONE,
                  "Docker profiles name syscalls; runc and podman already answer ENOSYS for numbers above the "
                  "highest syscall a profile names");
        diag_help(run->diag, g, "use `default errno(ENOSYS) for newer-than X.Y`, which names the syscalls");
        return false;
    }
    if (!native_arches_targeted(run))
        return false;
    /* every syscall name any target arch decides */
    StrMap names = {0};
    VEC(const char *) order = {0};
    for (size_t a = 0; a < ir->arches.len; a++)
        for (size_t i = 0; i < ir->arches.items[a].syscalls.len; i++) {
            const char *n = ir->arches.items[a].syscalls.items[i].name;
            if (!strmap_get(&names, n)) {
                strmap_put(&names, run->arena, n, (void *)1);
                VEC_PUSH(run->arena, order, n);
            }
        }
    if (order.len > 1)
        qsort(order.items, order.len, sizeof *order.items, cmp_str);
    for (size_t ni = 0; ni < order.len && em.ok; ni++) {
        const char *name = order.items[ni];
        const IrSyscall *fam_dec[ARCH__COUNT];
        bool fam_has[ARCH__COUNT] = {false};
        int fam_arch[ARCH__COUNT];
        for (size_t a = 0; a < ir->arches.len && em.ok; a++) {
            const IrArch *ia = &ir->arches.items[a];
            const SyscallEntry *se = syscalldb_lookup(&run->policy->db, ia->arch, name);
            if (!se)
                continue;
            const IrSyscall *s = ir_syscall(ia, se->nr);
            int f = (int)arch_info(ia->arch)->family;
            if (!fam_has[f]) {
                fam_has[f] = true;
                fam_dec[f] = s;
                fam_arch[f] = (int)ia->arch;
            } else if (!syscall_eq(fam_dec[f], s)) {
                const IrSyscall *any = s ? s : fam_dec[f];
                Span sp = SPAN_NONE;
                for (unsigned sc = 0; any && sc < (1u << any->ncaps) && !span_valid(sp); sc++)
                    for (size_t c = 0; c < any->scenarios[sc].cases.len && !span_valid(sp); c++)
                        sp = case_span(run, &any->scenarios[sc].cases.items[c]);
                Diag *g = diag_error(run->diag, "E0401", sp,
                                     "`%s` is decided differently on %s and %s, which one Docker profile cannot express",
                                     name, arch_info((ArchId)fam_arch[f])->name, arch_info(ia->arch)->name);
                diag_note(run->diag, g, SPAN_NONE,
                          "a Docker profile applies the same rules to every architecture of a host family");
                diag_help(run->diag, g, "give both the same rules, or compile a separate policy per architecture");
                em.ok = false;
            }
        }
        if (!em.ok)
            break;
        /* the same decision in every family: one set of entries for all */
        int first = -1;
        bool uniform = true;
        for (int f = 0; f < ARCH__COUNT; f++) {
            if (!fam_has[f])
                continue;
            if (first < 0)
                first = f;
            else if (!syscall_eq(fam_dec[first], fam_dec[f]))
                uniform = false;
        }
        if (first < 0)
            continue;
        for (size_t a = 0; a < ir->arches.len && em.ok; a++) {
            ArchId arch = ir->arches.items[a].arch;
            int f = (int)arch_info(arch)->family;
            if (fam_has[f] && fam_dec[f])
                verify_muxed(&em, name, fam_dec[f], arch);
        }
        if (!em.ok)
            break;
        if (uniform) {
            if (fam_dec[first]) {
                emit_syscall(&em, fam_dec[first], -1, (ArchId)fam_arch[first]);
                if (em.ok && default_needs_entries(ir))
                    emit_default_remainder(&em, fam_dec[first], -1, (ArchId)fam_arch[first]);
            }
        } else {
            for (int f = 0; f < ARCH__COUNT; f++)
                if (fam_has[f] && fam_dec[f]) {
                    emit_syscall(&em, fam_dec[f], f, (ArchId)fam_arch[f]);
                    if (em.ok && default_needs_entries(ir))
                        emit_default_remainder(&em, fam_dec[f], f, (ArchId)fam_arch[f]);
                }
        }
    }
    if (em.ok && default_needs_entries(ir))
        emit_default_syscalls(&em);
    if (em.ok)
        fix_lsc_shapes(&em);
    if (!em.ok)
        return false;
    if (em.entries.len > 1)
        qsort(em.entries.items, em.entries.len, sizeof *em.entries.items, cmp_entry);

    Arena *A = run->arena;
    *out = (DockerProfile){0};
    out->default_action = ir->default_action;
    out->default_action_name = scmp_action(ir->default_action.kind);
    if (ir->default_action.kind == ACT_ERRNO || ir->default_action.kind == ACT_TRACE) {
        out->has_default_errno_ret = true;
        out->default_errno_ret = ir->default_action.data;
    }
    build_arches(A, out, ir);
    for (size_t i = 0; i < em.entries.len; i++) {
        Entry *e = em.entries.items[i];
        qsort(e->names.items, e->names.len, sizeof *e->names.items, cmp_str);
        DockerEntry d = {0};
        for (size_t j = 0; j < e->names.len; j++)
            VEC_PUSH(A, d.names, e->names.items[j]);
        d.action = e->action;
        d.action_name = scmp_action(e->action.kind);
        if (e->action.kind == ACT_ERRNO || e->action.kind == ACT_TRACE) {
            d.has_errno_ret = true;
            d.errno_ret = e->action.data;
        }
        for (size_t j = 0; j < e->args.len; j++) {
            const JArg *ja = &e->args.items[j];
            VEC_PUSH(A, d.args, ((DockerArg){ja->index, ja->value, ja->has_value2 ? ja->value2 : 0, ja->op}));
        }
        for (int c = 0; c < e->ninc; c++)
            VEC_PUSH(A, d.inc_caps, e->inc_caps[c]);
        for (int c = 0; c < e->nexc; c++)
            VEC_PUSH(A, d.exc_caps, e->exc_caps[c]);
        if (e->family >= 0) {
            d.has_inc_arches = true;
            for (size_t a = 0; a < ir->arches.len; a++)
                if ((int)arch_info(ir->arches.items[a].arch)->family == e->family)
                    VEC_PUSH(A, d.inc_arches, arch_info(ir->arches.items[a].arch)->moby);
        }
        StrBuf cb;
        sb_init(&cb);
        for (size_t j = 0; j < e->locs.len && j < 8; j++)
            sb_printf(&cb, "%s%s", j ? ", " : "", e->locs.items[j]);
        if (e->locs_over)
            sb_printf(&cb, " and over %d more", MAX_LOCS - 8);
        else if (e->locs.len > 8)
            sb_printf(&cb, " and %zu more", e->locs.len - 8);
        d.comment = arena_strdup(A, cb.data ? cb.data : "");
        sb_free(&cb);
        d.span = e->span;
        VEC_PUSH(A, out->entries, d);
    }
    return true;
}

static json_object *string_array(const char *const *items, size_t n)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; i < n; i++)
        json_object_array_add(a, json_object_new_string(items[i]));
    return a;
}

void docker_render(const DockerProfile *p, StrBuf *out)
{
    json_object *root = json_object_new_object();
    json_object_object_add(root, "defaultAction", json_object_new_string(p->default_action_name));
    if (p->has_default_errno_ret)
        json_object_object_add(root, "defaultErrnoRet", json_object_new_int64((int64_t)p->default_errno_ret));
    if (!p->use_arch_map) {
        json_object_object_add(root, "architectures", string_array(p->architectures.items, p->architectures.len));
    } else {
        json_object *map = json_object_new_array();
        for (size_t i = 0; i < p->arch_map.len; i++) {
            const DockerArchMap *m = &p->arch_map.items[i];
            json_object *e = json_object_new_object();
            json_object_object_add(e, "architecture", json_object_new_string(m->arch));
            json_object_object_add(e, "subArchitectures", string_array(m->subs.items, m->subs.len));
            json_object_array_add(map, e);
        }
        json_object_object_add(root, "archMap", map);
    }
    json_object *calls = json_object_new_array();
    for (size_t i = 0; i < p->entries.len; i++) {
        const DockerEntry *e = &p->entries.items[i];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "names", string_array(e->names.items, e->names.len));
        json_object_object_add(o, "action", json_object_new_string(e->action_name));
        if (e->has_errno_ret)
            json_object_object_add(o, "errnoRet", json_object_new_int64((int64_t)e->errno_ret));
        if (e->args.len) {
            json_object *args = json_object_new_array();
            for (size_t j = 0; j < e->args.len; j++) {
                const DockerArg *da = &e->args.items[j];
                json_object *ao = json_object_new_object();
                json_object_object_add(ao, "index", json_object_new_int64(da->index));
                json_object_object_add(ao, "value", json_object_new_uint64(da->value));
                json_object_object_add(ao, "valueTwo", json_object_new_uint64(da->value_two));
                json_object_object_add(ao, "op", json_object_new_string(da->op));
                json_object_array_add(args, ao);
            }
            json_object_object_add(o, "args", args);
        }
        if (e->inc_caps.len || e->has_inc_arches) {
            json_object *inc = json_object_new_object();
            if (e->inc_caps.len)
                json_object_object_add(inc, "caps", string_array(e->inc_caps.items, e->inc_caps.len));
            if (e->has_inc_arches)
                json_object_object_add(inc, "arches", string_array(e->inc_arches.items, e->inc_arches.len));
            json_object_object_add(o, "includes", inc);
        }
        if (e->exc_caps.len) {
            json_object *exc = json_object_new_object();
            json_object_object_add(exc, "caps", string_array(e->exc_caps.items, e->exc_caps.len));
            json_object_object_add(o, "excludes", exc);
        }
        json_object_object_add(o, "comment", json_object_new_string(e->comment));
        json_object_array_add(calls, o);
    }
    json_object_object_add(root, "syscalls", calls);
    sb_puts(out, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE));
    sb_putc(out, '\n');
    json_object_put(root);
}

bool docker_build(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, DockerProfile *out)
{
    BackendRun run = {policy, opt, diag, policy->arena};
    *out = (DockerProfile){0};
    return build_profile(&run, out);
}

bool backend_docker_json(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out)
{
    DockerProfile p;
    if (!docker_build(policy, opt, diag, &p))
        return false;
    docker_render(&p, out);
    return true;
}
