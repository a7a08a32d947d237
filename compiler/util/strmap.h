/* String-keyed hash map in the arena (open addressing, never shrinks). */
#ifndef POLC_STRMAP_H
#define POLC_STRMAP_H
#include <stddef.h>

#include "util/arena.h"

typedef struct StrMapSlot {
    const char *key;
    void *value;
} StrMapSlot;

typedef struct StrMap {
    StrMapSlot *slots;
    size_t cap, len;
} StrMap;

void *strmap_get(const StrMap *m, const char *key);
/* Inserts or replaces; returns the previous value. */
void *strmap_put(StrMap *m, Arena *a, const char *key, void *value);
/* Iterate: for (size_t i = 0; i < m.cap; i++) if (m.slots[i].key) ... */

#endif
