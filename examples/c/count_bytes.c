/* count_bytes: counts the bytes on standard input after confining itself
 * with libpolc (polc_apply_self), so a hostile input cannot make it do more
 * than read stdin and write the answer. Build against an installed polc:
 *
 *   cc count_bytes.c $(pkg-config --cflags --libs polc) -o count_bytes
 *   ./count_bytes count_bytes.pol < some-file
 *
 * After the count, it tries to open /etc/passwd to show the policy at work:
 * the open fails with the policy's errno. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <polc/polc.h>

static int confine(const char *policy)
{
    polc_ctx *ctx = polc_new();
    if (!ctx)
        return -1;
    polc_add_installed_stdlib_dir(ctx);
    int ok = polc_compile_file(ctx, policy, NULL) == POLC_OK && polc_apply_self(ctx) == POLC_OK;
    char *diags = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    fputs(diags, stderr);
    free(diags);
    polc_free(ctx);
    return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s POLICY.pol < INPUT\n", argv[0]);
        return 2;
    }
    if (confine(argv[1]) != 0)
        return 2; /* possibly half-confined: never go on */
    char buf[4096];
    unsigned long long total = 0;
    ssize_t n;
    while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0)
        total += (unsigned long long)n;
    if (n < 0) {
        fprintf(stderr, "read: %s\n", strerror(errno));
        return 1;
    }
    printf("%llu bytes\n", total);
    int fd = open("/etc/passwd", O_RDONLY);
    printf("open(/etc/passwd): %s\n", fd >= 0 ? "opened" : strerror(errno));
    return 0;
}
