/* Translation validation: before polc writes an artifact, the artifact is run
 * on the decision points of the policy and compared with the IR (ir_eval).
 * The decision points: every syscall number of each target arch (0..1023,
 * the table's numbers above that, -1 and far numbers, the x32 bit, the ABIs
 * the policy does not target), and for each decided syscall the argument
 * vectors built from the boundary values around every constant its cases
 * compare with (validate_points.c). A disagreement is an error and nothing
 * is written. */
#ifndef POLC_VALIDATE_H
#define POLC_VALIDATE_H
#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "backend/backend.h"

/* polc's own BPF program, generated for the capability set caps (bit n =
 * capability n), through the in-tree interpreter, on every target arch.
 * false: reported as E0499 (a compiler bug). */
bool validate_bpf_program(const BackendRun *run, const struct sock_filter *prog, size_t len, uint64_t caps);

/* The Docker profile polc wrote, under every capability scenario the IR
 * distinguishes: (a) read the way runc documents it (rule by rule, without
 * libseccomp): a difference is E0499 (a compiler bug); (b) unless
 * run->opt->skip_libseccomp_validation, built into a filter by the libseccomp polc
 * links, the way runc builds it (with and without runc's -ENOSYS stub), on
 * the arches of this host's byte order: a difference is E0413, a refusal
 * (that libseccomp would change the policy under runc). (b) runs in a child
 * process with a time limit, since libseccomp 2.5.4 never returns on some
 * rule sets. */
bool validate_docker_profile(const BackendRun *run, const char *json);

#endif
