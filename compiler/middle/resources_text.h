/* The resources section's values as the language writes them (`512MiB`,
 * `1.5`, `1024:4096`): for polc diff, polc explain and comments in outputs. */
#ifndef POLC_RESOURCES_TEXT_H
#define POLC_RESOURCES_TEXT_H
#include "middle/policy.h"

/* Bytes in the largest unit that divides them exactly (`512MiB`, `1536KiB`). */
const char *res_size_text(Arena *a, uint64_t bytes);
/* Thousandths of a CPU as a decimal (`1.5`, `0.125`, `2`). */
const char *res_cpus_text(Arena *a, uint64_t milli);
/* `1024:4096`, or `512` when soft and hard are equal. */
const char *res_rlimit_text(Arena *a, const RlimitPair *r);

#endif
