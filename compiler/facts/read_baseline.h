/* The read baseline: what every program reads before it does its own work,
 * readable under `confine reads` besides the policy's listed paths. One table
 * for the AppArmor back end and polc run's Landlock ruleset; measured with
 * tests/run/measure_read_baseline.sh (docs/run.md, "Read confinement"). */
#ifndef POLC_READ_BASELINE_H
#define POLC_READ_BASELINE_H
#include <stdbool.h>
#include <stddef.h>

typedef struct ReadBaseline {
    const char *path;  /* an absolute path, no glob */
    bool tree;         /* the directory and everything beneath it; else the one file */
    const char *why;   /* who read it in the measurement */
} ReadBaseline;

extern const ReadBaseline read_baseline[];
extern const size_t read_baseline_len;

/* The files and trees polc's container baseline makes unreadable (the
 * AppArmor back end's `deny` rules that include reads): under `confine reads`
 * polc run refuses a rule that would reach them (E1101), so that they stay
 * unreadable under Landlock too. NULL terminated. */
extern const char *const container_unreadable[];
/* The same for writes: under `read-only root` polc run refuses a write rule
 * whose hierarchy reaches them (E1101). NULL terminated. */
extern const char *const container_unwritable[];

#endif
