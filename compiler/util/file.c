/* Reading whole files into the arena, for every reader of files: sources,
 * syscall tables, traces and profiles. */
#include "util/file.h"
#include "util/polc_limits.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(POLC_MAX_SOURCE_BYTES == 16u * 1024u * 1024u, "read_file_error says 16 MiB");

const char *read_file_error(int err)
{
    if (err == EFBIG)
        return "larger than polc's limit of 16 MiB";
    if (err == EINVAL)
        return "not a regular file";
    return strerror(err);
}

char *read_file_arena(Arena *a, const char *path, size_t *len, int *err)
{
    return read_file_arena_max(a, path, SIZE_MAX, len, err);
}

char *read_file_arena_max(Arena *a, const char *path, size_t max, size_t *len, int *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *err = errno;
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = errno;
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = EISDIR;
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = EINVAL;
        close(fd);
        return NULL;
    }
    if ((uint64_t)st.st_size > max) {
        *err = EFBIG;
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        abort();
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                abort();
            buf = nb;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            *err = errno;
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max) { /* it grew while we read */
            *err = EFBIG;
            free(buf);
            close(fd);
            return NULL;
        }
    }
    close(fd);
    char *out = arena_strndup(a, buf, n);
    free(buf);
    *len = n;
    return out;
}
