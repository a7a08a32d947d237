/* The IR: per target arch, for every syscall number the policy decides, a
 * decision per capability scenario: disjoint (condition, action) cases; any
 * input no case matches gets the policy's default action. */
#ifndef POLC_IR_H
#define POLC_IR_H
#include <stdbool.h>
#include <stdint.h>

#include "middle/policy.h"
#include "middle/cond.h"

#define IR_MAX_CAPS_PER_SYSCALL 6

typedef struct IrCase {
    Action action;
    Dnf cond;         /* disjoint from the other cases of the decision */
    VEC(int) rules;   /* rules that decide inputs of this case */
} IrCase;

typedef struct IrDecision {
    VEC(IrCase) cases; /* sorted by action (most restrictive first) */
    /* cases the optimizer dropped because they do what the default does
     * (`deny X if C` under a default with the same action): not part of the
     * decision, kept only so that ir_eval names the rule behind such a
     * default verdict */
    VEC(IrCase) folded;
} IrDecision;

typedef struct IrSyscall {
    uint32_t nr;
    const char *name;
    int ncaps;                        /* capabilities the decision depends on */
    int caps[IR_MAX_CAPS_PER_SYSCALL];
    IrDecision *scenarios;            /* 1 << ncaps; bit i set = caps[i] present */
} IrSyscall;

typedef struct IrArch {
    ArchId arch;
    VEC(IrSyscall) syscalls; /* sorted by nr */
    /* syscalls the optimizer removed because every case was folded (see
     * IrDecision.folded); sorted by nr; for ir_eval's rule only */
    VEC(IrSyscall) folded;
} IrArch;

struct Ir {
    Action default_action;
    bool has_unknown;      /* `default ... for unknown`: */
    Action unknown_action; /* numbers missing from polc's table of the arch */
    VEC(IrArch) arches;
};

#define IR_RULE_DEFAULT (-1)
#define IR_RULE_BAD_ARCH (-2) /* an ABI the policy does not target: killed */

typedef struct IrVerdict {
    Action action;
    int rule; /* deciding rule id, IR_RULE_DEFAULT or IR_RULE_BAD_ARCH */
} IrVerdict;

/* What the policy decides for one syscall invocation on `arch` in a container
 * holding capability set `caps` (bit n = capability number n). */
IrVerdict ir_eval(const Policy *policy, ArchId arch, uint32_t nr, const uint64_t args[6], uint64_t caps);
/* The same for one decided syscall (s may be NULL: the default). */
IrVerdict ir_syscall_eval(const IrSyscall *s, const uint64_t args[6], uint64_t caps, Action dflt);
const IrArch *ir_arch(const Ir *ir, ArchId arch);
const IrSyscall *ir_syscall(const IrArch *ia, uint32_t nr);
bool ir_decision_eq(const IrDecision *a, const IrDecision *b);
/* The decision for the capability set caps (bit n = capability number n). */
const IrDecision *ir_scenario(const IrSyscall *s, uint64_t caps);
/* The arguments a decision tests (bit i: argument i), and of them the
 * 32-bit ones on a 64-bit arch. */
unsigned ir_args_tested(const IrDecision *d);
unsigned ir_int_args_tested(const Policy *policy, const IrSyscall *s, ArchId arch, const IrDecision *d);
/* The harshest outcome of a decision: its cases' actions and the default. */
IrVerdict ir_harshest(const IrDecision *d, Action dflt);

/* The optimize stage on any IR (optimize.c): drops cases that do what the
 * default does, capabilities nothing depends on, syscalls left undecided.
 * polc run's complain filter (run/complain_filter.c) is a transformed IR
 * that goes through it too. */
void optimize_ir_decisions(Ir *ir);

/* The value a seccomp filter returns for an action (SECCOMP_RET_*, with the
 * errno, trap or trace data in its low 16 bits). */
uint32_t ir_action_ret(Action a);
/* --strict-int-args: a high half is clean when zero, or all ones with the
 * low half's top bit set (what sign extension gives). */
bool ir_high_half_clean(uint64_t v);
/* The width the kernel reads an argument with: 32 for int-typed arguments
 * (and every argument on 32-bit ABIs), else 64. Conditions compare that
 * view: the low half of a 32-bit argument, whatever its high half holds. */
unsigned ir_arg_bits(const Policy *policy, const char *sysname, ArchId arch, unsigned idx);
void ir_arg_view(const Policy *policy, const char *sysname, ArchId arch, const uint64_t args[6], uint64_t view[6]);
/* Arg name of `sysname` at index, or "argN". */
const char *ir_arg_name(const Policy *policy, const char *sysname, ArchId arch, unsigned idx);

#endif
