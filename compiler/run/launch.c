/* polc run's launcher: decide in the parent, enforce in the child, exec CMD.
 *
 * Parent: run_prepare (enforce.c: refusals, the host arch, the Landlock
 * plan), find CMD, then fork. Child: run_enforce (enforce.c, the
 * steps of docs/run.md), then execve(CMD).
 * A failing step sends a RunFailure through a close-on-exec pipe and exits;
 * the parent reports it. EOF on the pipe means CMD was exec'd.
 * Complain mode (--complain, `mode complain`): the same, with the complain
 * filter (complain_filter.c) and Landlock judged instead of applied; the
 * parent supervises the run (supervise.c) and reports the findings. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/landlock.h>

#include "backend/backend.h"
#include "middle/ir.h"
#include "run/complain.h"
#include "run/run.h"

/* CMD as execve wants it: a path with a slash as given, else found on PATH. */
static char *find_cmd(Arena *a, const char *cmd)
{
    if (strchr(cmd, '/'))
        return access(cmd, X_OK) == 0 ? arena_strdup(a, cmd) : NULL;
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    char *copy = arena_strdup(a, path);
    for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        char *cand = arena_printf(a, "%s/%s", *dir ? dir : ".", cmd);
        struct stat st;
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) && access(cand, X_OK) == 0)
            return cand;
    }
    errno = ENOENT;
    return NULL;
}

static void child_fail(int fd, RunFailure *f)
{
    ssize_t w = write(fd, f, sizeof *f);
    (void)w;
    /* the raw call: under the filter, a sanitizer's _exit hook (LeakSanitizer
     * stopping the world with clone and ptrace) would spin on denied calls */
    syscall(SYS_exit_group, 127);
    _exit(127);
}

static void child(const EnforcePlan *ep, const char *exe, char *const *argv, int fd)
{
    RunFailure f;
    memset(&f, 0, sizeof f);
    /* first, while the child may still write to the cgroup and raise limits */
    int e = cgroup_join(&ep->cg);
    if (e) {
        snprintf(f.code, sizeof f.code, "E1110");
        snprintf(f.msg, sizeof f.msg, "polc run: cannot move CMD into its cgroup: %s", strerror(e));
        snprintf(f.help, sizeof f.help, "CMD was not started");
        child_fail(fd, &f);
    }
    if (!rlimits_apply(ep->p, &f) || !run_enforce(ep, &f))
        child_fail(fd, &f);
    execv(exe, argv);
    e = errno;
    snprintf(f.code, sizeof f.code, "E1109");
    snprintf(f.msg, sizeof f.msg, "polc run: cannot execute `%s`: %s", exe, strerror(e));
    /* the parent checked that the seccomp rules allow execve */
    if (e == EACCES && ep->ll.used && (ep->ll.handled & LANDLOCK_ACCESS_FS_EXECUTE))
        snprintf(f.help, sizeof f.help, "the `exec` rules must cover CMD and, for a dynamic program, its ELF "
                                        "interpreter (e.g. `exec /usr/lib/**`): Landlock checks both");
    else if (e == EACCES || e == ENOEXEC || e == EISDIR)
        snprintf(f.help, sizeof f.help, "CMD must be an executable program file");
    else
        snprintf(f.help, sizeof f.help, "the policy must let CMD start (a rule on execve's arguments?)");
    child_fail(fd, &f);
}

/* CMD is exec'd after the filter is loaded: a policy that denies execve
 * would leave the child unable even to report (write may be denied too), so
 * it is refused here, pointing at the rule that decides. */
static void check_execve_allowed(const Policy *p, const RunOptions *opt, DiagEngine *diag)
{
    ArchId host = arch_host();
    const SyscallEntry *e = syscalldb_lookup(&p->db, host, "execve");
    if (!e)
        return;
    const char *why;
    uint64_t args[6] = {0};
    IrVerdict v = ir_eval(p, host, e->nr, args, bpf_chosen_caps(p, opt->backend, &why));
    if (v.action.kind == ACT_ALLOW || v.action.kind == ACT_LOG)
        return;
    Span at = v.rule >= 0 ? p->rules.items[v.rule]->span : p->default_span;
    Diag *g = diag_error(diag, "E1109", at, "polc run: the policy denies execve (%s), so CMD cannot start",
                         action_str(p, p->arena, v.action));
    diag_help(diag, g, "polc run execs CMD after loading the filter, as container runtimes do: allow execve "
                       "(`include <presets/base/polc-run.pol>`)");
}

static int exit_status(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return 1;
}

static void report_failure(const Policy *p, DiagEngine *diag, RunFailure *f)
{
    f->code[sizeof f->code - 1] = f->msg[sizeof f->msg - 1] = f->help[sizeof f->help - 1] = '\0';
    Diag *g = diag_error(diag, arena_strdup(p->arena, f->code), SPAN_NONE, "%s", f->msg);
    if (f->help[0])
        diag_help(diag, g, "%s", f->help);
}

/* polc learn --run: the supervisor with the recorder's hooks. */
static int record_wait(const Policy *p, const SuperviseHooks *h, DiagEngine *diag, pid_t pid, int failure_fd)
{
    RunFailure f;
    int st = 0;
    int r = supervise(pid, failure_fd, h, &f, &st);
    close(failure_fd);
    if (r != 0) {
        report_failure(p, diag, &f);
        return -1;
    }
    return exit_status(st);
}

/* The supervisor's side of a complain run, then the report. */
static int complain_wait(const Policy *p, ComplainOptions *co, DiagEngine *diag, const LlPlan *judged,
                         const struct BackendOptions *bopt, pid_t pid, int failure_fd)
{
    const char *why;
    ComplainState cs;
    complain_init(&cs, p, bpf_chosen_caps(p, bopt, &why), judged);
    cs.supervisor = getpid();
    SuperviseHooks h = {complain_on_call, &cs};
    RunFailure f;
    int st = 0;
    int r = supervise(pid, failure_fd, &h, &f, &st);
    close(failure_fd);
    if (r != 0) {
        report_failure(p, diag, &f);
        return -1;
    }
    complain_sort(&cs);
    StrBuf sb;
    sb_init(&sb);
    complain_text(&cs, &sb);
    fflush(stdout);
    fputs(sb.data ? sb.data : "", stderr);
    if (co->report_path) {
        StrBuf rb;
        sb_init(&rb);
        if (co->json)
            complain_json(&cs, &rb);
        else
            sb_puts(&rb, sb.data ? sb.data : "");
        FILE *out = fopen(co->report_path, "w");
        if (!out || fwrite(rb.data ? rb.data : "", 1, rb.len, out) != rb.len || fclose(out) != 0)
            diag_error(diag, "E1121", SPAN_NONE, "polc run: cannot write the report `%s`: %s", co->report_path,
                       strerror(errno));
        sb_free(&rb);
    }
    sb_free(&sb);
    sb_init(&sb);
    complain_trace(&cs, &sb);
    co->trace = sb_take(&sb);
    sb_init(&sb);
    complain_fs_suggestions(&cs, &sb);
    co->fs_rules = sb_take(&sb);
    co->nfindings = cs.findings.len;
    return exit_status(st);
}

static int launch_and_wait(const Policy *p, const RunOptions *opt, ComplainOptions *co, DiagEngine *diag,
                           EnforcePlan *ep, LlPlan *judged, const char *exe, char *const *argv);

static pid_t child_pid;
static void forward(int sig)
{
    if (child_pid > 0)
        kill(child_pid, sig);
}

static bool write_bpf(const char *path, const void *bpf, size_t len, DiagEngine *diag)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(bpf, 1, len, f) != len || fclose(f) != 0) {
        diag_error(diag, "E1108", SPAN_NONE, "polc run: cannot write --write-bpf file `%s`: %s", path,
                   strerror(errno));
        return false;
    }
    return true;
}

int run_launch(const Policy *p, const RunOptions *opt, DiagEngine *diag, const void *bpf, size_t bpf_len,
               char *const *argv)
{
    size_t errs = diag->nerrors;
    /* `mode complain` in the policy means --complain */
    ComplainOptions mode_complain = {0};
    ComplainOptions *co = opt->complain ? opt->complain : p->mode.complain ? &mode_complain : NULL;
    RunOptions o = *opt;
    o.complain = co;
    o.launcher = true;
    EnforcePlan ep;
    (void)run_prepare(p, &o, diag, bpf, bpf_len, &ep);
    const char *exe = NULL;
    if (diag->nerrors == errs) {
        exe = find_cmd(p->arena, argv[0]);
        if (!exe) {
            Diag *g = diag_error(diag, "E1109", SPAN_NONE, "polc run: cannot execute `%s`: %s", argv[0],
                                 strerror(errno));
            diag_help(diag, g, "CMD is a path, or a program on PATH");
        }
    }
    if (diag->nerrors == errs && !co && !opt->record)
        check_execve_allowed(p, opt, diag);
    /* complain mode: Landlock has no permissive mode, so its plan is judged by
     * the supervisor instead of applied; the filter notifies instead of denying */
    LlPlan judged = ep.ll;
    if ((co || opt->record) && diag->nerrors == errs) {
        ep.ll.used = false;
        ep.notify_listener = true;
        char *cbpf;
        if (complain_filter(p, opt->backend, diag, opt->record ? NOTIFY_EVERYTHING : NOTIFY_WOULD_DENY,
                            &judged, &cbpf, &ep.bpf_len))
            ep.bpf = cbpf;
    }
    if (diag->nerrors == errs && opt->write_bpf)
        (void)write_bpf(opt->write_bpf, ep.bpf, ep.bpf_len, diag);
    if (diag->nerrors != errs)
        return -1;
    /* the last step that can refuse: the limits are in place before CMD exists */
    if (!cgroup_create(&ep.cg, p, diag))
        return -1;
    int status = launch_and_wait(p, opt, co, diag, &ep, &judged, exe, argv);
    cgroup_remove(&ep.cg);
    return status;
}

/* Fork, confine and exec CMD in the child; wait for it in the parent. */
static int launch_and_wait(const Policy *p, const RunOptions *opt, ComplainOptions *co, DiagEngine *diag,
                           EnforcePlan *ep_, LlPlan *judged_, const char *exe, char *const *argv)
{
    EnforcePlan ep = *ep_;
    LlPlan judged = *judged_;
    if (diag->nwarnings) {
        /* W0011 (an accepted widening): said before CMD starts */
        char *t = diag_render_text(diag, opt->color);
        fputs(t, stderr);
        free(t);
        fflush(stderr);
        diag->list.len = 0;
        diag->nwarnings = 0;
    }

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        diag_error(diag, "E1108", SPAN_NONE, "polc run: pipe: %s", strerror(errno));
        return -1;
    }
    /* complain mode judges the scopes by ancestry: CMD's orphans must stay
     * below polc to count as inside (Landlock keeps them in the domain) */
    if (co && judged.scoped && prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
        diag_error(diag, "E1108", SPAN_NONE, "polc run: prctl(PR_SET_CHILD_SUBREAPER): %s", strerror(errno));
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        diag_error(diag, "E1108", SPAN_NONE, "polc run: fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        signal(SIGINT, SIG_DFL);
        child(&ep, exe, argv, fds[1]);
    }
    close(fds[1]);
    child_pid = pid;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    RunFailure f;
    if (opt->record)
        return record_wait(p, opt->record, diag, pid, fds[0]);
    if (co)
        return complain_wait(p, co, diag, &judged, opt->backend, pid, fds[0]);
    size_t got = 0;
    while (got < sizeof f) {
        ssize_t n = read(fds[0], (char *)&f + got, sizeof f - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fds[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (got == sizeof f) {
        f.code[sizeof f.code - 1] = f.msg[sizeof f.msg - 1] = f.help[sizeof f.help - 1] = '\0';
        Diag *g = diag_error(diag, arena_strdup(p->arena, f.code), SPAN_NONE, "%s", f.msg);
        if (f.help[0])
            diag_help(diag, g, "%s", f.help);
        return -1;
    }
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return 1;
}
