/* polc learn: what traces say a program did (parse.c) and the policy that
 * allows exactly that (learn.c). Internal to libpolc. */
#ifndef POLC_LEARN_INTERNAL_H
#define POLC_LEARN_INTERNAL_H
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "compile.h"

/* How an argument of a syscall is learned (see learn_arg_specs). */
typedef enum LearnArgKind {
    LA_IN,     /* `allow S if ARG in {V...}` when few distinct values were seen */
    LA_NSMASK, /* `allow S if ARG & (namespace flags never seen) == 0` */
} LearnArgKind;

typedef struct LearnArgSpec {
    const char *syscall;
    LearnArgKind kind;
    int pos;           /* position in strace's argument list, -1: by key */
    const char *key;   /* strace's `key=` (clone prints named arguments) */
    const char *arg;   /* polc's argument name (signatures.tbl) */
    bool socket_call;  /* multiplexed through socketcall(2) on x86 */
} LearnArgSpec;

const LearnArgSpec *learn_arg_spec(const char *syscall);

#define LEARN_MAX_VALUES 64

/* One syscall on one arch, as seen in all inputs. */
typedef struct LearnSys {
    const char *name;     /* polc's (kernel) name */
    uint32_t nr;
    uint64_t calls;       /* calls seen (strace -c and audit counts included) */
    uint64_t failed;      /* calls that returned -1 ERRNO */
    const char *errnos[4];/* distinct errno names of failed calls, first 4 */
    int nerrnos;
    uint64_t interrupted;  /* calls that returned EINTR or ERESTART*: not failures */
    const char *interrupt_errno; /* the first such errno name */
    bool survival;        /* not seen: kept because every program needs it (learn.c) */
    bool from_strace, from_summary, from_audit;
    bool implied;         /* not seen: strace -c omits calls that do not return */
    /* LA_IN */
    const char *values[LEARN_MAX_VALUES]; /* distinct values as strace printed them */
    int nvalues;
    bool values_overflow;  /* more distinct values than LEARN_MAX_VALUES */
    bool values_unknown;   /* some call's value is not known (audit, -c, cut-off line) */
    /* LA_NSMASK */
    uint64_t ns_seen;      /* namespace flags seen */
    bool ns_unknown;       /* some call's flags are not known */
} LearnSys;

typedef enum InputKind { IN_STRACE = 1, IN_SUMMARY = 2, IN_AUDIT = 4 } InputKind;

typedef struct LearnInput {
    const char *path;
    unsigned kinds;        /* InputKind bits found in the file */
    uint64_t lines, calls, unknown_lines, other_arch_calls, unknown_name_calls;
    uint64_t audit_records, audit_denied;
    uint64_t audit_filtered; /* records of other processes or earlier times (LearnFilter) */
    uint64_t other_log_lines; /* other audit records, other kernel messages */ /* audit records whose action was not log/allow */
    size_t first_unknown_line;
    const char *first_unknown_text;
    size_t npids;
    /* timestamps: epoch range (strace -ttt, audit) or time-of-day range (-t/-tt) */
    double t_min, t_max;   /* epoch seconds; 0: none */
    double tod_min, tod_max; /* seconds since midnight; -1: none */
    time_t mtime;
    bool mode32, modex32;  /* [ Process PID=N runs in 32 bit / x32 mode. ] */
} LearnInput;

/* Which audit records belong to the workload (strace traces are of it already). */
typedef struct LearnFilter {
    const char *comm, *exe;
    long pid;              /* 0: any */
    double since;          /* epoch seconds; 0: any */
    bool any;
} LearnFilter;

typedef struct LearnData {
    polc_ctx *ctx;         /* arena, diagnostics */
    const SyscallDb *db;   /* holds the traced arch's table */
    ArchId arch;           /* the traced arch */
    StrMap sys;            /* name -> LearnSys* (on arch) */
    VEC(LearnInput) inputs;
    StrMap unknown_names;  /* name -> uint64_t* count */
    uint64_t other_arch[ARCH__COUNT];
    LearnFilter filter;
    bool saw_glibc, saw_musl, saw_go; /* the traced program's runtime (strace paths) */
} LearnData;

/* Parses one input file (any of the three kinds, even mixed) into d.
 * Returns false if the file cannot be read (reported on ctx). */
bool learn_parse_file(LearnData *d, const char *path);
/* Parses a text buffer (the same, for tests and stdin). */
void learn_parse_text(LearnData *d, LearnInput *in, char *text, size_t len);

/* Adds name (a kernel name on d->arch) as a syscall that was not seen but
 * is kept; returns NULL when the arch has no such syscall. */
LearnSys *learn_keep(LearnData *d, const char *name);

/* The kernel name of a name strace printed, on arch; NULL if unknown. */
const SyscallEntry *learn_resolve_name(const SyscallDb *db, ArchId arch, const char *name);

#endif
