/* Writing a command's text output (polc import -o, polc learn -o). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return errno;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int cli_write_text(const char *path, const char *text)
{
    size_t len = strlen(text);
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        /* a device or a pipe (-o /dev/null, -o /dev/stdout): write into it;
         * renaming over it would replace it with a file (as root, /dev/null) */
        int fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            return errno;
        int err = write_all(fd, text, len);
        if (close(fd) != 0 && !err)
            err = errno;
        return err;
    }
    /* a file: written beside the target, then renamed, so that a reader
     * never sees half of it */
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return ENOMEM;
    snprintf(tmp, n, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        free(tmp);
        return err;
    }
    mode_t um = umask(0); /* mkstemp makes 0600; a policy is an ordinary file */
    umask(um);
    int err = fchmod(fd, 0666 & ~um) != 0 ? errno : 0;
    if (!err)
        err = write_all(fd, text, len);
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    free(tmp);
    return err;
}
