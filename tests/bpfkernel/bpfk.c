/* bpfk: seccomp BPF programs in the real kernel. See bpfk.h.
 *
 * One case = one forked child. The child's main thread stays unfiltered; a
 * worker thread loads the filter on itself only (no TSYNC) and makes the
 * syscall with inline assembly, so nothing but the syscall under test runs
 * under the filter. Results go to memory shared with the parent, never
 * through syscalls the filter might deny:
 *   - the syscall returns: the worker stores the raw return value;
 *   - SECCOMP_RET_TRAP: the SIGSYS handler (on the worker) stores si_errno,
 *     si_syscall, si_arch and spins (returning would need rt_sigreturn);
 *   - SECCOMP_RET_KILL_THREAD: the worker dies, the main thread sees it
 *     joinable without a result;
 *   - SECCOMP_RET_KILL_PROCESS: the parent sees the child killed by SIGSYS.
 * The main thread polls the shared result and ends the child with _exit. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "bpfk.h"

#include <ctype.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define X32_BIT 0x40000000u
#define MAX_ERRNO 4095

#if !defined(__x86_64__)
#error "bpfk runs x86 ABIs (x86_64, x32, i386) and builds on x86_64 hosts only"
#endif

/* ------------------------------------------------------------------ */
/* ABIs                                                                */

static const struct {
    const char *name;
    const char *alias;
    uint32_t audit;
    const char *table;
} ABIS[BK_ABI__COUNT] = {
    [BK_ABI_X86_64] = {"x86_64", "amd64", AUDIT_ARCH_X86_64, "x86_64.tbl"},
    [BK_ABI_X32] = {"x32", NULL, AUDIT_ARCH_X86_64, "x32.tbl"},
    [BK_ABI_I386] = {"i386", "x86", AUDIT_ARCH_I386, "x86.tbl"},
};

uint32_t bk_abi_audit_arch(BkAbi abi) { return ABIS[abi].audit; }
const char *bk_abi_name(BkAbi abi) { return ABIS[abi].name; }

bool bk_abi_from_name(const char *name, BkAbi *abi)
{
    for (int i = 0; i < BK_ABI__COUNT; i++)
        if (strcmp(name, ABIS[i].name) == 0 || (ABIS[i].alias && strcmp(name, ABIS[i].alias) == 0)) {
            *abi = (BkAbi)i;
            return true;
        }
    return false;
}

/* x86_64 and x32: the `syscall` instruction. */
static long raw_syscall64(uint64_t nr, const uint64_t a[6])
{
    register uint64_t r10 __asm__("r10") = a[3];
    register uint64_t r8 __asm__("r8") = a[4];
    register uint64_t r9 __asm__("r9") = a[5];
    long ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

/* i386: `int $0x80` from 64-bit code; eax = nr, ebx, ecx, edx, esi, edi, ebp.
 * rbp is saved around the call; the red zone is stepped over first. */
static long raw_syscall_int80(uint64_t nr, const uint64_t a[6])
{
    register uint64_t r8 __asm__("r8") = (uint32_t)a[5];
    uint64_t ret = (uint32_t)nr;
    __asm__ volatile("lea -128(%%rsp), %%rsp\n\t"
                     "push %%rbp\n\t"
                     "mov %%r8, %%rbp\n\t"
                     "int $0x80\n\t"
                     "pop %%rbp\n\t"
                     "lea 128(%%rsp), %%rsp"
                     : "+a"(ret), "+r"(r8)
                     : "b"((uint64_t)(uint32_t)a[0]), "c"((uint64_t)(uint32_t)a[1]),
                       "d"((uint64_t)(uint32_t)a[2]), "S"((uint64_t)(uint32_t)a[3]),
                       "D"((uint64_t)(uint32_t)a[4])
                     : "r9", "r10", "r11", "memory", "cc");
    return (long)(int32_t)(uint32_t)ret; /* a 32-bit ABI returns 32 bits */
}

static long abi_syscall(BkAbi abi, uint32_t nr, const uint64_t a[6])
{
    switch (abi) {
    case BK_ABI_X86_64: return raw_syscall64(nr, a);
    case BK_ABI_X32: return raw_syscall64(nr | X32_BIT, a);
    case BK_ABI_I386: return raw_syscall_int80(nr, a);
    default: return -ENOSYS;
    }
}

/* ------------------------------------------------------------------ */
/* Running one case                                                    */

typedef struct {
    volatile int done, trapped, load_failed, thread_dead, timeout, harness;
    volatile long ret;
    volatile int load_errno, trap_errno, trap_syscall;
    volatile uint32_t trap_arch;
} Shared;

typedef struct {
    Shared *sh;
    const struct sock_filter *prog;
    size_t len;
    BkAbi abi;
    uint32_t nr;
    uint64_t args[6];
} Job;

static Shared *g_shared; /* for the SIGSYS handler (child only) */

static void spin_forever(void)
{
    for (;;)
        __asm__ volatile("pause" ::: "memory");
}

static void on_sigsys(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    g_shared->trap_errno = si->si_errno;
    g_shared->trap_syscall = si->si_syscall;
    g_shared->trap_arch = si->si_arch;
    __atomic_store_n(&g_shared->trapped, 1, __ATOMIC_SEQ_CST);
    spin_forever(); /* no rt_sigreturn: the filter may deny it; the main thread ends us */
}

static void *worker(void *arg)
{
    Job *j = arg;
    if (j->prog) {
        struct sock_fprog fp = {(unsigned short)j->len, (struct sock_filter *)j->prog};
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
            syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) != 0) {
            j->sh->load_errno = errno;
            __atomic_store_n(&j->sh->load_failed, 1, __ATOMIC_SEQ_CST);
            return NULL;
        }
    }
    /* from here on: no syscall but the one under test */
    long r = abi_syscall(j->abi, j->nr, j->args);
    j->sh->ret = r;
    __atomic_store_n(&j->sh->done, 1, __ATOMIC_SEQ_CST);
    spin_forever();
    return NULL;
}

static void child_main(Job *j)
{
    struct rlimit nocore = {0, 0};
    setrlimit(RLIMIT_CORE, &nocore);
    /* PR_SET_DUMPABLE 0 would be safer against core_pattern pipes, but then a
     * multi-threaded KILL_PROCESS leaves zombies the parent never reaps (6.18) */
    alarm(20);
    g_shared = j->sh;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigsys;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSYS, &sa, NULL) != 0) {
        j->sh->harness = 1;
        _exit(0);
    }
    pthread_t th;
    if (pthread_create(&th, NULL, worker, j) != 0) {
        j->sh->harness = 1;
        _exit(0);
    }
    struct timespec tick = {0, 200000}; /* 0.2 ms */
    for (long waited = 0;; waited++) {
        if (__atomic_load_n(&j->sh->trapped, __ATOMIC_SEQ_CST) ||
            __atomic_load_n(&j->sh->done, __ATOMIC_SEQ_CST) ||
            __atomic_load_n(&j->sh->load_failed, __ATOMIC_SEQ_CST))
            break;
        if (pthread_tryjoin_np(th, NULL) == 0) {
            /* gone without a word: killed (or, say, the syscall was exit) */
            if (!j->sh->done && !j->sh->trapped && !j->sh->load_failed)
                j->sh->thread_dead = 1;
            break;
        }
        if (waited > 50000) { /* 10 s */
            j->sh->timeout = 1;
            break;
        }
        nanosleep(&tick, NULL);
    }
    _exit(0); /* exit_group: ends the spinning worker too */
}

BkOutcome bk_run(const struct sock_filter *prog, size_t len, BkAbi abi, uint32_t nr, const uint64_t args[6])
{
    BkOutcome o;
    memset(&o, 0, sizeof o);
    o.kind = BK_OUT_HARNESS;
    Shared *sh = mmap(NULL, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED)
        return o;
    memset(sh, 0, sizeof *sh);
    Job j = {sh, prog, len, abi, nr, {0}};
    memcpy(j.args, args, sizeof j.args);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        munmap(sh, sizeof *sh);
        return o;
    }
    if (pid == 0)
        child_main(&j);
    /* Reap with __WALL from any child: a case such as `ptrace 0` (TRACEME)
     * run unfiltered makes us the tracer of the worker thread, which then
     * stays a zombie, and its process unreported, until we reap it too. */
    int status = 0;
    struct timespec tick = {0, 500000};
    for (long waited = 0;; waited++) {
        int st;
        pid_t w = waitpid(-1, &st, __WALL | WNOHANG);
        if (w == pid) {
            status = st;
            break;
        }
        if (w < 0 && errno == ECHILD) {
            munmap(sh, sizeof *sh);
            return o;
        }
        if (w > 0 || (w < 0 && errno == EINTR))
            continue;
        if (waited == 60000) /* 30 s: the child's own timeout (10 s) failed */
            kill(pid, SIGKILL);
        nanosleep(&tick, NULL);
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && !sh->done && !sh->trapped) {
        o.kind = BK_OUT_TIMEOUT;
    } else if (WIFSIGNALED(status)) {
        o.kind = BK_OUT_KILLED;
        o.sig = WTERMSIG(status);
        o.core = WCOREDUMP(status);
    } else if (sh->harness) {
        o.kind = BK_OUT_HARNESS;
    } else if (sh->trapped) {
        o.kind = BK_OUT_TRAPPED;
        o.trap_errno = sh->trap_errno;
        o.trap_syscall = sh->trap_syscall;
        o.trap_arch = sh->trap_arch;
    } else if (sh->load_failed) {
        o.kind = BK_OUT_LOAD_FAILED;
        o.load_errno = sh->load_errno;
    } else if (sh->done) {
        o.kind = BK_OUT_RETURNED;
        o.ret = sh->ret;
    } else if (sh->thread_dead) {
        o.kind = BK_OUT_KILLED_THREAD;
    } else if (sh->timeout) {
        o.kind = BK_OUT_TIMEOUT;
    }
    munmap(sh, sizeof *sh);
    return o;
}

/* ------------------------------------------------------------------ */
/* Checking                                                            */

static const char *errname(long e)
{
    const char *n = e > 0 && e <= MAX_ERRNO ? strerrorname_np((int)e) : NULL;
    return n ? n : "?";
}

void bk_describe(const BkOutcome *o, char *buf, size_t len)
{
    switch (o->kind) {
    case BK_OUT_RETURNED:
        if (o->ret < 0 && o->ret >= -MAX_ERRNO)
            snprintf(buf, len, "errno %ld (%s)", -o->ret, errname(-o->ret));
        else
            snprintf(buf, len, "returned %ld", o->ret);
        break;
    case BK_OUT_TRAPPED: {
        char arch[32];
        if (o->trap_arch == AUDIT_ARCH_X86_64)
            snprintf(arch, sizeof arch, "x86_64");
        else if (o->trap_arch == AUDIT_ARCH_I386)
            snprintf(arch, sizeof arch, "i386");
        else
            snprintf(arch, sizeof arch, "0x%x", o->trap_arch);
        snprintf(buf, len, "trapped (SIGSYS: si_errno %d, si_syscall %d, si_arch %s)", o->trap_errno,
                 o->trap_syscall, arch);
        break;
    }
    case BK_OUT_KILLED_THREAD: snprintf(buf, len, "thread killed (the process lived on)"); break;
    case BK_OUT_KILLED:
        snprintf(buf, len, "process killed by SIG%s%s", sigabbrev_np(o->sig) ? sigabbrev_np(o->sig) : "?",
                 o->core ? " (core dumped)" : "");
        break;
    case BK_OUT_LOAD_FAILED:
        snprintf(buf, len, "seccomp(2) refused the program: errno %d (%s)", o->load_errno,
                 errname(o->load_errno));
        break;
    case BK_OUT_TIMEOUT: snprintf(buf, len, "timeout: the syscall did not return in 10 s"); break;
    default: snprintf(buf, len, "harness failure (fork/thread)"); break;
    }
}

static bool same_result(const BkOutcome *a, const BkOutcome *b)
{
    if (a->kind != b->kind)
        return false;
    if (a->kind != BK_OUT_RETURNED)
        return true;
    if (a->ret >= 0 && b->ret >= 0)
        return true; /* pids, fds: values differ from child to child */
    return a->ret == b->ret;
}

bool bk_check(const BkCase *c, const BkOutcome *got, const BkOutcome *base, char *note, size_t notelen)
{
    note[0] = '\0';
    bool ret_enosys = got->kind == BK_OUT_RETURNED && got->ret == -ENOSYS;
    bool base_enosys = base && base->kind == BK_OUT_RETURNED && base->ret == -ENOSYS;
    switch (c->expect) {
    case BK_EXP_ALLOW:
    case BK_EXP_LOG:
        if (!base)
            return got->kind == BK_OUT_RETURNED;
        if (same_result(got, base)) {
            if (base->kind == BK_OUT_RETURNED && base->ret >= 0 && got->ret == 0 && base->ret != 0)
                snprintf(note, notelen, "note: returned 0, unfiltered %ld", base->ret);
            else if (base_enosys)
                snprintf(note, notelen, "ambiguous: ENOSYS unfiltered too (trace/notify look the same)");
            return true;
        }
        return false;
    case BK_EXP_ERRNO: {
        if (got->kind != BK_OUT_RETURNED)
            return false;
        if (!c->has_value)
            return got->ret < 0 && got->ret >= -MAX_ERRNO;
        long e = c->value > MAX_ERRNO ? MAX_ERRNO : (long)c->value;
        bool ok = e == 0 ? got->ret == 0 : got->ret == -e;
        if (ok && base && same_result(got, base) && e != 0)
            snprintf(note, notelen, "ambiguous: the unfiltered call fails with the same errno");
        return ok;
    }
    case BK_EXP_KILL:
        return got->kind == BK_OUT_KILLED_THREAD || (got->kind == BK_OUT_KILLED && got->sig == SIGSYS);
    case BK_EXP_KILL_THREAD: return got->kind == BK_OUT_KILLED_THREAD;
    case BK_EXP_KILL_PROCESS: return got->kind == BK_OUT_KILLED && got->sig == SIGSYS;
    case BK_EXP_TRAP:
        if (got->kind != BK_OUT_TRAPPED)
            return false;
        if (got->trap_arch != bk_abi_audit_arch(c->abi) || (uint32_t)got->trap_syscall != c->nr) {
            snprintf(note, notelen, "SIGSYS reports si_syscall %d si_arch 0x%x, not %u 0x%x", got->trap_syscall,
                     got->trap_arch, c->nr, bk_abi_audit_arch(c->abi));
            return false;
        }
        return !c->has_value || got->trap_errno == (int)c->value;
    case BK_EXP_TRACE:
    case BK_EXP_NOTIFY:
        /* no tracer / no listener: the kernel fails the call with ENOSYS */
        if (ret_enosys && base_enosys)
            snprintf(note, notelen, "ambiguous: ENOSYS unfiltered too");
        else if (ret_enosys && c->has_value)
            snprintf(note, notelen, "the trace value is not observable without a tracer");
        return ret_enosys;
    case BK_EXP_RET: return got->kind == BK_OUT_RETURNED && got->ret == (long)c->value;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Probes                                                              */

bool bk_seccomp_usable(char *why, size_t len)
{
    static const struct sock_filter allow[] = {BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
    uint64_t args[6] = {0};
    BkOutcome o = bk_run(allow, 1, BK_ABI_X86_64, SYS_getpid, args);
    if (o.kind == BK_OUT_RETURNED && o.ret > 0)
        return true;
    char d[160];
    bk_describe(&o, d, sizeof d);
    snprintf(why, len, "a filter returning ALLOW: getpid -> %s", d);
    return false;
}

bool bk_abi_works(BkAbi abi, char *why, size_t len)
{
    uint64_t args[6] = {0};
    uint32_t nr = abi == BK_ABI_I386 ? 20u : 39u; /* getpid */
    BkOutcome o = bk_run(NULL, 0, abi, nr, args);
    if (o.kind == BK_OUT_RETURNED && o.ret > 0) {
        snprintf(why, len, "available");
        return true;
    }
    char d[160];
    bk_describe(&o, d, sizeof d);
    if (abi == BK_ABI_X32 && o.kind == BK_OUT_RETURNED && o.ret == -ENOSYS)
        snprintf(why, len, "the kernel has no x32 ABI (CONFIG_X86_X32_ABI): x32 calls return ENOSYS "
                           "after seccomp ran, so errno/kill/trap still show; allow/log/trace/notify "
                           "all look like ENOSYS");
    else if (abi == BK_ABI_I386 && o.kind == BK_OUT_KILLED && o.sig == SIGSEGV)
        snprintf(why, len, "unavailable: int $0x80 raises SIGSEGV (no IA32 emulation for this "
                           "process: CONFIG_IA32_EMULATION off, ia32_emulation=0, or the VM disables it)");
    else if (abi == BK_ABI_I386)
        snprintf(why, len, "unavailable: int $0x80 getpid -> %s", d);
    else
        snprintf(why, len, "getpid -> %s", d);
    return false;
}

/* ------------------------------------------------------------------ */
/* Tables and parsing                                                  */

typedef struct {
    char *name;
    uint32_t nr;
} Entry;

struct BkTables {
    Entry *e[BK_ABI__COUNT];
    size_t n[BK_ABI__COUNT];
};

static bool load_table(BkTables *t, BkAbi abi, const char *dir, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/syscalls/%s", dir, ABIS[abi].table);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return false;
    }
    char line[512];
    size_t cap = 0;
    while (fgets(line, sizeof line, fp)) {
        char *p = line;
        unsigned long nr;
        char name[128];
        /* "NR NAME", or "# ni NR NAME" (no implementation, but a name all the same) */
        if (strncmp(p, "# ni ", 5) == 0)
            p += 5;
        else if (*p == '#')
            continue;
        if (sscanf(p, "%lu %127s", &nr, name) != 2)
            continue;
        if (t->n[abi] == cap) {
            cap = cap ? cap * 2 : 512;
            Entry *ne = realloc(t->e[abi], cap * sizeof *ne);
            if (!ne) {
                fclose(fp);
                return false;
            }
            t->e[abi] = ne;
        }
        t->e[abi][t->n[abi]].name = strdup(name);
        t->e[abi][t->n[abi]].nr = (uint32_t)nr;
        t->n[abi]++;
    }
    fclose(fp);
    return true;
}

BkTables *bk_tables_load(const char *stdlib_dir, char *err, size_t errlen)
{
    BkTables *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    for (int a = 0; a < BK_ABI__COUNT; a++)
        if (!load_table(t, (BkAbi)a, stdlib_dir, err, errlen)) {
            bk_tables_free(t);
            return NULL;
        }
    return t;
}

void bk_tables_free(BkTables *t)
{
    if (!t)
        return;
    for (int a = 0; a < BK_ABI__COUNT; a++) {
        for (size_t i = 0; i < t->n[a]; i++)
            free(t->e[a][i].name);
        free(t->e[a]);
    }
    free(t);
}

long bk_syscall_nr(const BkTables *t, BkAbi abi, const char *name)
{
    if (!t)
        return -1;
    for (size_t i = 0; i < t->n[abi]; i++)
        if (strcmp(t->e[abi][i].name, name) == 0)
            return t->e[abi][i].nr;
    return -1;
}

const char *bk_syscall_name(const BkTables *t, BkAbi abi, uint32_t nr)
{
    if (!t)
        return NULL;
    for (size_t i = 0; i < t->n[abi]; i++)
        if (t->e[abi][i].nr == nr)
            return t->e[abi][i].name;
    return NULL;
}

static bool parse_int(const char *s, int64_t *out)
{
    char *end;
    errno = 0;
    if (*s == '-') {
        long long v = strtoll(s, &end, 0);
        if (errno || *end || end == s)
            return false;
        *out = v;
        return true;
    }
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end || end == s)
        return false;
    *out = (int64_t)v;
    return true;
}

static long errno_from_name(const char *s)
{
    for (int e = 1; e <= 200; e++) {
        const char *n = strerrorname_np(e);
        if (n && strcmp(n, s) == 0)
            return e;
    }
    return -1;
}

int bk_parse_case(const BkTables *t, const char *line, int lineno, BkCase *c, char *err, size_t errlen)
{
    char buf[512];
    memset(c, 0, sizeof *c);
    c->line = lineno;
    snprintf(buf, sizeof buf, "%s", line);
    char *hash = strchr(buf, '#');
    if (hash)
        *hash = '\0';
    char *s = buf;
    while (isspace((unsigned char)*s))
        s++;
    size_t l = strlen(s);
    while (l && isspace((unsigned char)s[l - 1]))
        s[--l] = '\0';
    if (!*s)
        return 0;
    snprintf(c->text, sizeof c->text, "%s", s);
    char *arrow = strstr(s, "->");
    if (!arrow) {
        snprintf(err, errlen, "expected `ABI SYSCALL [ARGS...] -> EXPECT`");
        return -1;
    }
    *arrow = '\0';
    char *lhs = s, *rhs = arrow + 2, *save = NULL;
    char *tok = strtok_r(lhs, " \t", &save);
    if (!tok || !bk_abi_from_name(tok, &c->abi)) {
        snprintf(err, errlen, "unknown ABI '%s' (x86_64, x32, i386)", tok ? tok : "");
        return -1;
    }
    tok = strtok_r(NULL, " \t", &save);
    if (!tok) {
        snprintf(err, errlen, "missing syscall");
        return -1;
    }
    int64_t v;
    if (parse_int(tok, &v)) {
        if (v < 0 || v > 0xffffffffll) {
            snprintf(err, errlen, "syscall number out of range: %s", tok);
            return -1;
        }
        c->nr = (uint32_t)v;
        if (c->abi == BK_ABI_X32)
            c->nr |= X32_BIT;
    } else {
        long nr = bk_syscall_nr(t, c->abi, tok);
        if (nr < 0) {
            snprintf(err, errlen, "unknown %s syscall '%s'%s", bk_abi_name(c->abi), tok,
                     t ? "" : " (no syscall tables loaded)");
            return -1;
        }
        c->nr = (uint32_t)nr;
    }
    for (int i = 0; (tok = strtok_r(NULL, " \t", &save)); i++) {
        if (i == 6) {
            snprintf(err, errlen, "more than six arguments");
            return -1;
        }
        if (!parse_int(tok, &v)) {
            snprintf(err, errlen, "bad argument '%s'", tok);
            return -1;
        }
        c->args[i] = (uint64_t)v;
    }
    static const struct {
        const char *word;
        BkExpect e;
        int value; /* 0 none, 1 optional, 2 required */
    } EXPECTS[] = {
        {"allow", BK_EXP_ALLOW, 0},          {"log", BK_EXP_LOG, 0},
        {"errno", BK_EXP_ERRNO, 1},          {"kill", BK_EXP_KILL, 0},
        {"kill-thread", BK_EXP_KILL_THREAD, 0}, {"kill-process", BK_EXP_KILL_PROCESS, 0},
        {"trap", BK_EXP_TRAP, 1},            {"trace", BK_EXP_TRACE, 1},
        {"notify", BK_EXP_NOTIFY, 0},        {"ret", BK_EXP_RET, 2},
    };
    save = NULL;
    tok = strtok_r(rhs, " \t()", &save);
    size_t k;
    for (k = 0; tok && k < sizeof EXPECTS / sizeof *EXPECTS; k++)
        if (strcmp(tok, EXPECTS[k].word) == 0)
            break;
    if (!tok || k == sizeof EXPECTS / sizeof *EXPECTS) {
        snprintf(err, errlen, "unknown expectation '%s' (allow, log, errno [N], kill, kill-thread, "
                              "kill-process, trap [N], trace [N], notify, ret N)", tok ? tok : "");
        return -1;
    }
    c->expect = EXPECTS[k].e;
    tok = strtok_r(NULL, " \t()", &save);
    if (tok) {
        if (EXPECTS[k].value == 0) {
            snprintf(err, errlen, "'%s' takes no value", EXPECTS[k].word);
            return -1;
        }
        long e;
        if (parse_int(tok, &v))
            c->value = v;
        else if (c->expect == BK_EXP_ERRNO && (e = errno_from_name(tok)) > 0)
            c->value = e;
        else {
            snprintf(err, errlen, "bad value '%s'", tok);
            return -1;
        }
        c->has_value = true;
        if (strtok_r(NULL, " \t()", &save)) {
            snprintf(err, errlen, "trailing words after the expectation");
            return -1;
        }
    } else if (EXPECTS[k].value == 2) {
        snprintf(err, errlen, "'%s' needs a value", EXPECTS[k].word);
        return -1;
    }
    return 1;
}

int bk_read_program(const char *path, struct sock_filter **prog, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return errno;
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap)
            break;
        unsigned char *nb = cap >= (1u << 20) ? NULL : realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            fclose(fp);
            return EFBIG;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(fp);
    if (!buf)
        return ENOMEM;
    if (n % sizeof(struct sock_filter) != 0) {
        free(buf);
        return EINVAL;
    }
    *prog = (struct sock_filter *)buf;
    *len = n / sizeof(struct sock_filter);
    return 0;
}
