/* polc's limits on its input, in one place (not limits.h: that name is libc's). Each is far above what a real
 * policy needs and low enough that polc answers with a diagnostic, never a
 * crash (C stack overflow in a recursive walk), a hang or an out-of-memory
 * abort. docs/language.md, "Limits", lists them for users; each has a test
 * in tests/diagnostics/cases or tests/hardening. */
#ifndef POLC_POLC_LIMITS_H
#define POLC_POLC_LIMITS_H

/* Bytes in one source file, included files and standard input alike
 * (source spans are 32-bit byte offsets). */
#define POLC_MAX_SOURCE_BYTES (16u * 1024u * 1024u)

/* include nesting (the root file is level 1). */
#define POLC_MAX_INCLUDE_DEPTH 32

/* `(` and `{` open at once in one file: parenthesised conditions and values,
 * `when` blocks inside `syscalls { }`. */
#define POLC_MAX_NESTING 256

/* Operators nested in one condition or value, a chain `a and b and c`
 * counting one level per operator. The stages walk these trees recursively. */
#define POLC_MAX_EXPR_DEPTH 1000

/* Constants defined through other constants, sets through other sets. */
#define POLC_MAX_DEFINITION_DEPTH 1000

/* Rules (`allow`, `deny`, ... statements) in a policy and everything it
 * includes, the stdlib's included: 2.5 times bench/run-scale's largest
 * policy (about 100000 rules, 0.5 GB); 16 MiB of source could hold 1.5M. */
#define POLC_MAX_RULES 250000

/* Syscall names that sets and rules expand to, all together, repeats
 * counted (`set @b = {@a, @a}` doubles). */
#define POLC_MAX_EXPANDED_NAMES 1000000

/* Bytes in one identifier, @group name or number. */
#define POLC_MAX_NAME_BYTES 255

/* Bytes in one string or path, quotes excluded (PATH_MAX). */
#define POLC_MAX_STRING_BYTES 4096

#endif
