/* Shared by the fuzz harnesses (libFuzzer entry points) and their replay
 * driver (replay_main.c), which feeds files to the same entry point in the
 * normal build so that every input found once stays a regression test. */
#ifndef POLC_FUZZ_H
#define POLC_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Inputs larger than this are ignored: the harnesses look for wrong
 * behaviour, not for the (linear) cost of huge files. */
#define FUZZ_MAX_INPUT (64u * 1024u)

/* A cheap, stable hash of the input: options derive from it so that a
 * crasher replays with the same options. */
static inline uint32_t fuzz_hash(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

/* A compile that returns a Docker profile first builds it with libseccomp
 * (docs/validation.md) and refuses one libseccomp does not finish: within
 * 2 s here, not 20, so that libFuzzer's -timeout never fires first. */
static inline void fuzz_limit_libseccomp(void) { setenv("POLC_LIBSECCOMP_TIMEOUT", "2", 0); }

#endif
