#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int output_commit(const OutFile *files, size_t n, const char **failed)
{
    char **tmps = calloc(n ? n : 1, sizeof(char *));
    if (!tmps)
        abort();
    int err = 0;
    size_t i;
    for (i = 0; i < n && !err; i++) {
        size_t len = strlen(files[i].path) + 16;
        tmps[i] = malloc(len);
        if (!tmps[i])
            abort();
        snprintf(tmps[i], len, "%s.tmpXXXXXX", files[i].path);
        int fd = mkstemp(tmps[i]);
        if (fd < 0) {
            err = errno;
            *failed = files[i].path;
            free(tmps[i]);
            tmps[i] = NULL;
            break;
        }
        err = write_all(fd, files[i].data, files[i].len);
        if (!err && fchmod(fd, 0644) != 0)
            err = errno;
        if (!err && fsync(fd) != 0)
            err = errno;
        if (close(fd) != 0 && !err)
            err = errno;
        if (err)
            *failed = files[i].path;
    }
    /* A target that is a directory would fail its rename after the ones
     * before it succeeded: refuse before renaming anything. */
    for (size_t j = 0; j < n && !err; j++) {
        struct stat st;
        if (lstat(files[j].path, &st) == 0 && S_ISDIR(st.st_mode)) {
            err = EISDIR;
            *failed = files[j].path;
        }
    }
    for (size_t j = 0; j < n && !err; j++)
        if (rename(tmps[j], files[j].path) != 0) {
            err = errno;
            *failed = files[j].path;
        }
    for (size_t j = 0; j < n; j++) {
        if (tmps[j]) {
            if (err)
                unlink(tmps[j]);
            free(tmps[j]);
        }
    }
    free(tmps);
    return err;
}
