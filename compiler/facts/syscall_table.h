/* Architectures, per-arch syscall numbers and syscall signatures. The
 * numbers and signatures are data in stdlib/syscalls/; only the facts about
 * each architecture's ABI live here. */
#ifndef POLC_SYSCALL_TABLE_H
#define POLC_SYSCALL_TABLE_H
#include <stdbool.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/diag.h"
#include "util/source.h"
#include "util/strmap.h"

typedef enum ArchId {
    ARCH_X86_64,
    ARCH_X86,
    ARCH_X32,
    ARCH_AARCH64,
    ARCH_ARM,
    ARCH_RISCV64,
    ARCH_PPC64LE,
    ARCH_S390X,
    ARCH__COUNT
} ArchId;

typedef struct ArchInfo {
    const char *name;     /* polc name */
    const char *alias;    /* accepted alternative spelling, may be NULL */
    uint32_t audit;       /* AUDIT_ARCH_* as in seccomp_data.arch */
    const char *scmp;     /* SCMP_ARCH_* */
    const char *moby;     /* moby's includes.arches spelling */
    unsigned word_bits;   /* width of long / pointers */
    ArchId family;        /* the 64-bit arch whose kernels run this ABI */
    const char *muxers[3];/* multiplexer syscalls: socketcall, ipc */
} ArchInfo;

const ArchInfo *arch_info(ArchId a);
bool arch_from_name(const char *name, ArchId *out);
/* The ABI polc itself was built for; ARCH__COUNT when polc has no table for it. */
ArchId arch_host(void);
/* The arch of seccomp_data (arch, nr): x86_64 and x32 share one audit value
 * and differ by the x32 bit of nr. false for an audit value polc has no
 * table for. */
bool arch_from_audit(uint32_t audit, uint32_t nr, ArchId *out);

typedef enum ArgType { AT_I32, AT_U32, AT_I64, AT_U64, AT_LONG, AT_ULONG, AT_PTR } ArgType;
unsigned arg_type_bits(ArgType t, ArchId arch);
const char *arg_type_name(ArgType t);

typedef struct Signature {
    const char *name;
    int nargs;
    const char *arg_names[6];
    ArgType arg_types[6];
} Signature;

typedef struct SyscallEntry {
    const char *name;
    uint32_t nr;
} SyscallEntry;

typedef struct ArchTable {
    bool loaded;
    SyscallEntry *entries; /* sorted by nr */
    size_t len;
    StrMap by_name;        /* name -> SyscallEntry* */
} ArchTable;

typedef struct SyscallDb {
    ArchTable arch[ARCH__COUNT];
    StrMap sigs; /* name -> Signature* */
    bool sigs_loaded;
    StrMap versions; /* "name" or "name@arch" -> Linux version (see kernel_version) */
    bool versions_loaded;
} SyscallDb;

/* "5.10" -> 51000, "2.6.39" -> 20639; 0 when malformed. */
uint32_t kernel_version(const char *s);

/* Locate stdlib files: returns a malloc'd-in-arena path or NULL. */
typedef const char *(*StdlibLocator)(void *ctx, const char *relpath);

bool syscalldb_load_arch(SyscallDb *db, Arena *a, DiagEngine *d, SourceMap *sm, ArchId arch,
                         StdlibLocator locate, void *locate_ctx);
bool syscalldb_load_signatures(SyscallDb *db, Arena *a, DiagEngine *d, SourceMap *sm,
                               StdlibLocator locate, void *locate_ctx);
const SyscallEntry *syscalldb_lookup(const SyscallDb *db, ArchId arch, const char *name);
const SyscallEntry *syscalldb_by_nr(const SyscallDb *db, ArchId arch, uint32_t nr);
/* The syscall name of the loaded arches in arch_mask closest to a misspelt
 * name (util/closest.h), or NULL when none is close. */
const char *syscalldb_closest(const SyscallDb *db, uint32_t arch_mask, const char *name);
const Signature *syscalldb_signature(const SyscallDb *db, const char *name);
bool syscalldb_load_versions(SyscallDb *db, Arena *a, DiagEngine *d, SourceMap *sm, StdlibLocator locate,
                             void *locate_ctx);
/* The Linux version that added `name` on `arch`; 0 = before the oldest listed (3.0). */
uint32_t syscalldb_version(const SyscallDb *db, const char *name, ArchId arch);
/* The signature on one arch: a `name@arch` line overrides `name`. */
const Signature *syscalldb_signature_on(const SyscallDb *db, const char *name, ArchId arch);

#endif
