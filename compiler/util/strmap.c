#include "util/strmap.h"

#include <stdint.h>
#include <string.h>

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

void *strmap_get(const StrMap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->slots[i].key) {
        if (strcmp(m->slots[i].key, key) == 0)
            return m->slots[i].value;
        i = (i + 1) & (m->cap - 1);
    }
    return NULL;
}

static void grow(StrMap *m, Arena *a)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    StrMapSlot *old = m->slots;
    size_t ocap = m->cap;
    m->slots = arena_alloc(a, ncap * sizeof *m->slots);
    m->cap = ncap;
    m->len = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key)
            strmap_put(m, a, old[i].key, old[i].value);
}

void *strmap_put(StrMap *m, Arena *a, const char *key, void *value)
{
    if ((m->len + 1) * 2 > m->cap)
        grow(m, a);
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->slots[i].key) {
        if (strcmp(m->slots[i].key, key) == 0) {
            void *prev = m->slots[i].value;
            m->slots[i].value = value;
            return prev;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->slots[i].key = key;
    m->slots[i].value = value;
    m->len++;
    return NULL;
}
