/* polc_apply_self in the real kernel: a child process confines itself by a
 * policy, then its capability sets, no_new_privs, the seccomp mode, a denied
 * call and a Landlock-denied write are read back. Also: a process with a
 * second thread is refused (E1130) and left unconfined, and so is a policy
 * that says `mode complain` (E1105: only polc run can complain).
 *   apply_self STDLIB_DIR WRITABLE_DIR */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "polc/polc.h"

static int failures;
#define CHECK(cond, ...)                                                                                     \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            fprintf(stderr, "FAIL: " __VA_ARGS__);                                                           \
            fputc('\n', stderr);                                                                             \
            failures++;                                                                                      \
        }                                                                                                    \
    } while (0)

static const char *stdlib_dir, *writable;

static polc_ctx *compiled(const char *text)
{
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, stdlib_dir);
    if (polc_compile_buffer(ctx, "self.pol", text, strlen(text)) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "FAIL: the test policy does not compile:\n%s", d);
        free(d);
        exit(1);
    }
    return ctx;
}

static char *status_field(const char *name)
{
    static char value[256];
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    size_t n = strlen(name);
    value[0] = '\0';
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, name, n) == 0 && line[n] == ':') {
            snprintf(value, sizeof value, "%s", line + n + 1 + strspn(line + n + 1, " \t"));
            value[strcspn(value, "\n")] = '\0';
        }
    if (f)
        fclose(f);
    return value;
}

/* In a child: confine, then check what the kernel says. Exit status: failures. */
static void confined_child(void)
{
    char *text;
    if (asprintf(&text,
                 "policy self\narch x86_64\ndefault allow\n"
                 "syscalls { deny uname errno(ENOLINK) }\n"
                 "capabilities { drop all; add CHOWN, KILL }\n"
                 "filesystem { read-only root\n write %s/**\n exec /usr/** }\n"
                 "process { no-new-privileges }\n",
                 writable) < 0)
        exit(1);
    polc_ctx *ctx = compiled(text);
    polc_status st = polc_apply_self(ctx);
    if (st != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "FAIL: polc_apply_self: %d\n%s", st, d);
        exit(1);
    }
    polc_free(ctx);
    struct utsname u;
    CHECK(uname(&u) == -1 && errno == ENOLINK, "uname is not denied with ENOLINK (errno %d)", errno);
    CHECK(getpid() > 0, "getpid");
    /* CHOWN (0) and KILL (5): 0x21 in all five sets */
    const char *sets[] = {"CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"};
    for (int i = 0; i < 5; i++)
        CHECK(strcmp(status_field(sets[i]), "0000000000000021") == 0, "%s is %s, not 0000000000000021", sets[i],
              status_field(sets[i]));
    CHECK(strcmp(status_field("NoNewPrivs"), "1") == 0, "NoNewPrivs is %s", status_field("NoNewPrivs"));
    CHECK(strcmp(status_field("Seccomp"), "2") == 0, "Seccomp is %s", status_field("Seccomp"));
    char path[4200];
    snprintf(path, sizeof path, "%s/allowed", writable);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0, "writing beneath the write rule failed: %s", strerror(errno));
    if (fd >= 0)
        close(fd);
    fd = open("/polc-apply-self-denied", O_WRONLY | O_CREAT, 0644);
    CHECK(fd < 0 && errno == EACCES, "a write under the read-only root was not denied with EACCES (fd %d, errno %d)",
          fd, errno);
    exit(failures);
}

static void *idle(void *arg)
{
    (void)arg;
    pause();
    return NULL;
}

static void threaded_refusal(void)
{
    polc_ctx *ctx = compiled("policy self\narch x86_64\ndefault allow\nsyscalls { deny uname }\n");
    pthread_t t;
    CHECK(pthread_create(&t, NULL, idle, NULL) == 0, "pthread_create");
    polc_status st = polc_apply_self(ctx);
    CHECK(st == POLC_EUSAGE, "polc_apply_self with two threads returned %d, not POLC_EUSAGE", st);
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    const char *want = "error[E1130]: polc_apply_self: the process has 2 threads; only the calling one would be "
                       "confined\nhelp: call polc_apply_self before creating threads\n";
    CHECK(strcmp(d, want) == 0, "the diagnostic is\n%s\nnot\n%s", d, want);
    free(d);
    struct utsname u;
    CHECK(uname(&u) == 0, "the refused process was confined anyway");
    CHECK(strcmp(status_field("Seccomp"), "0") == 0, "Seccomp is %s after a refusal", status_field("Seccomp"));
    polc_free(ctx);
}

/* `mode complain`: only polc run has a supervisor; polc_apply_self refuses
 * (E1105) rather than enforce what was meant to complain */
static void complain_refusal(void)
{
    polc_ctx *ctx = compiled("policy self\narch x86_64\ndefault allow\nmode complain\nsyscalls { deny uname }\n");
    polc_status st = polc_apply_self(ctx);
    CHECK(st != POLC_OK, "polc_apply_self with mode complain returned POLC_OK");
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    CHECK(strstr(d, "error[E1105]: `mode complain` needs polc run's supervisor") != NULL,
          "the diagnostic is\n%s\nnot E1105", d);
    free(d);
    struct utsname u;
    CHECK(uname(&u) == 0, "the refused process was confined anyway");
    polc_free(ctx);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: apply_self STDLIB_DIR WRITABLE_DIR\n");
        return 2;
    }
    stdlib_dir = argv[1];
    writable = argv[2];
    pid_t pid = fork();
    if (pid == 0)
        confined_child();
    int st;
    CHECK(pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "the confined child failed");
    complain_refusal(); /* before threaded_refusal leaves a second thread */
    threaded_refusal();
    if (!failures)
        puts("apply_self: all checks passed");
    return failures != 0;
}
