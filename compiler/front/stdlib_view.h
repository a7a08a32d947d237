/* The stdlib view: what polc's standard library holds, read once, for the
 * tools that write or explain policies (import, learn, explain, lint) rather than
 * compile one. It answers
 *
 *   - the syscall tables and signatures of the arches it was loaded for,
 *   - the evaluated constants: by name, errno names by value, and an
 *     argument value as its constant names (the family of the argument),
 *   - the capabilities' names and numbers,
 *   - the stdlib's @groups: which exist, where each is defined, what it
 *     lists as written and the syscall names it expands to.
 *
 * Callers never see a compilation's front-end state (definition maps and
 * their states) nor write probe policies: stdlib_view_load reads the
 * prelude itself, stdlib_view_of answers the same questions about the
 * definitions a compilation already made.
 *
 * Ownership (kafel style): a StdlibView comes from stdlib_view_load or
 * stdlib_view_of and is released with stdlib_view_free, by its caller. Every
 * pointer a query returns (names, groups, tables, NamedConst) is borrowed
 * from the view and lives until stdlib_view_free; for a view of a
 * compilation, until that compilation is freed as well, whichever comes
 * first. A view is not shared between threads: the first group query
 * builds the group list inside it. */
#ifndef POLC_STDLIB_VIEW_H
#define POLC_STDLIB_VIEW_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "polc/polc.h"

#include "facts/syscall_table.h"
#include "middle/policy.h"
#include "util/arena.h"
#include "util/diag.h"

typedef struct StdlibView StdlibView;

/* One @group (a `set` defined in a stdlib file). */
typedef struct StdlibGroup {
    const char *name;            /* as defined, without the `@` */
    const char *file;            /* the defining file's path (its shown name when it has none) */
    uint32_t offset;             /* byte offset of the definition in that file */
    bool leaf;                   /* names no other group */
    const char *const *listed;   /* the targets as written, in order: syscall names, and
                                    `@name` for a group it names; duplicates kept */
    size_t nlisted;
    const char *const *members;  /* the syscall names it expands to, each once, in
                                    the order of first appearance (all arches) */
    size_t nmembers;
} StdlibGroup;

/* Loads the stdlib the way `like` finds it (its -I, POLC_PATH and stdlib
 * directories; `like` is only read, and may be freed afterwards), with the
 * syscall tables of the arches in arch_mask (bit ArchId; 0: every arch) and
 * the signatures. On failure returns NULL and reports on `diag`: E0200
 * "WHO cannot load polc's stdlib" (who: "polc import", say) with the front
 * end's diagnostics as a note, and marks them an installation error. The
 * caller owns the view. */
StdlibView *stdlib_view_load(const polc_ctx *like, uint32_t arch_mask, const char *who, DiagEngine *diag);

/* A view of the definitions the compiled `ctx` made (its prelude, the stdlib
 * files it included, and for constants and capabilities its own too), with
 * its syscall tables; no second read. NULL when out of memory. The caller
 * owns the view and frees it before or after ctx; the view's answers are
 * valid while both live. */
StdlibView *stdlib_view_of(const polc_ctx *ctx);

/* Releases the view (and, for stdlib_view_load, everything it read). NULL is fine. */
void stdlib_view_free(StdlibView *v);

/* The syscall tables and signatures (borrowed). */
const SyscallDb *stdlib_view_db(const StdlibView *v);
/* Whether the table of arch a (loaded) has a syscall of that name. */
bool stdlib_view_has_syscall(const StdlibView *v, ArchId a, const char *name);

/* The evaluated constant named `name`; NULL when none (borrowed). */
const NamedConst *stdlib_view_const(const StdlibView *v, const char *name);
/* The errno constant with that value; NULL when none (borrowed). */
const char *stdlib_view_errno_name(const StdlibView *v, uint32_t value);
/* Appends value v of argument `index` of syscall `sys` (NULL: unknown) to
 * sb as const_format_arg_value does (middle/const_names.h): the constant of
 * the argument's family with that value, an OR of flag constants, or the
 * number. sb is the caller's. */
void stdlib_view_format_arg(const StdlibView *v, StrBuf *sb, const char *sys, unsigned index, uint64_t value,
                            bool paren);

/* The number of capability `name` as declared ("SYS_ADMIN"; no CAP_
 * prefix), -1 when undeclared. */
int stdlib_view_cap_num(const StdlibView *v, const char *name);
/* The name of capability `num`, NULL when none (borrowed). */
const char *stdlib_view_cap_name(const StdlibView *v, int num);

/* The groups, in a fixed order (not sorted: callers order them as they
 * show them); *n receives the count. */
const StdlibGroup *stdlib_view_groups(const StdlibView *v, size_t *n);
/* The group named `name` (without `@`); NULL when none. */
const StdlibGroup *stdlib_view_group(const StdlibView *v, const char *name);

#endif
