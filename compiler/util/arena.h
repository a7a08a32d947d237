/* One arena per compilation: every stage allocates here and nothing is freed
 * before polc_free. */
#ifndef POLC_ARENA_H
#define POLC_ARENA_H
#include <stddef.h>
#include <stdarg.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head;
} Arena;

void arena_init(Arena *a);
void arena_release(Arena *a);
void *arena_alloc(Arena *a, size_t size);          /* zeroed, max-aligned */
void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap);

/* Growable array living in the arena. */
#define VEC(T) struct { T *items; size_t len, cap; }
#define VEC_PUSH(arena, v, value)                                                         \
    do {                                                                                  \
        if ((v).len == (v).cap) {                                                         \
            size_t ncap_ = (v).cap ? (v).cap * 2 : 8;                                     \
            (v).items = arena_realloc((arena), (v).items, (v).cap * sizeof(*(v).items),   \
                                      ncap_ * sizeof(*(v).items));                        \
            (v).cap = ncap_;                                                              \
        }                                                                                 \
        (v).items[(v).len++] = (value);                                                   \
    } while (0)

/* Growable string buffer (heap, for outputs handed to callers). */
typedef struct StrBuf {
    char *data;
    size_t len, cap;
} StrBuf;
void sb_init(StrBuf *sb);
void sb_putc(StrBuf *sb, char c);
void sb_puts(StrBuf *sb, const char *s);
void sb_putn(StrBuf *sb, const char *s, size_t n);
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(StrBuf *sb); /* NUL-terminated, caller frees */
void sb_free(StrBuf *sb);

#endif
