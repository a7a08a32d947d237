/* One notification in complain mode: what the policy would have done with the
 * call (polc's IR evaluator, the same as `polc eval`, with the capability set
 * the BPF program decides for), then, for a call the seccomp rules allow, the
 * filesystem section's judgment (complain_fs.c). A call that would be denied
 * becomes a finding, counted once per (syscall, deciding rule, arguments as
 * decoded). */
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include "middle/const_names.h"
#include "middle/ir.h"
#include "run/complain.h"

void complain_init(ComplainState *cs, const Policy *p, uint64_t caps, const LlPlan *ll)
{
    memset(cs, 0, sizeof *cs);
    cs->p = p;
    cs->caps = caps;
    cs->ll = ll;
    memset(&cs->seen, 0, sizeof cs->seen);
    if (ll && ll->used) {
        cs->ll_real = arena_alloc(p->arena, (ll->nrules + 1) * sizeof *cs->ll_real);
        for (size_t i = 0; i < ll->nrules; i++) {
            char buf[4096];
            char fdpath[64];
            snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", ll->rules[i].fd);
            ssize_t n = readlink(fdpath, buf, sizeof buf - 1);
            buf[n > 0 ? n : 0] = '\0';
            cs->ll_real[i] = arena_strdup(p->arena, n > 0 ? buf : ll->rules[i].path);
        }
    }
}

static bool is_path_arg(const char *name)
{
    static const char *const names[] = {"pathname", "filename", "path", "oldname", "newname", "oldpath",
                                        "newpath", "specialfile", "dir_name", "pathname", NULL};
    for (size_t i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}

static void put_quoted(StrBuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            sb_printf(sb, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            sb_printf(sb, "\\x%02x", c);
        else
            sb_putc(sb, (char)c);
    }
    sb_putc(sb, '"');
}

static int complain_nargs(const char *sys, const Signature *sig, const uint64_t view[6])
{
    int n = sig ? sig->nargs : 6;
    /* the mode of open/openat means nothing without O_CREAT or O_TMPFILE (as strace) */
    if (sig && (strcmp(sys, "open") == 0 || strcmp(sys, "openat") == 0)) {
        unsigned flags = (unsigned)view[strcmp(sys, "open") == 0 ? 1 : 2];
        if (!(flags & 0100) && (flags & 020000000) == 0)
            n--;
    }
    return n;
}

void complain_format_args(const Policy *p, int listener, const struct seccomp_notif *req, ArchId arch,
                          const char *sys, bool paths, StrBuf *sb)
{
    const Signature *sig = syscalldb_signature_on(&p->db, sys, arch);
    uint64_t view[6];
    ir_arg_view(p, sys, arch, (const uint64_t *)req->data.args, view);
    int n = complain_nargs(sys, sig, view);
    for (int i = 0; i < n; i++) {
        if (i)
            sb_puts(sb, ", ");
        if (sig && sig->arg_types[i] == AT_PTR) {
            char buf[4096];
            if (view[i] == 0)
                sb_puts(sb, "NULL");
            else if (paths && is_path_arg(sig->arg_names[i]) &&
                     supervise_read_string(listener, req, view[i], buf, sizeof buf))
                put_quoted(sb, buf);
            else if (paths)
                sb_puts(sb, "<ptr>");
            else
                sb_printf(sb, "%#llx", (unsigned long long)view[i]); /* as strace writes one */
            continue;
        }
        const char *name = sig ? sig->arg_names[i] : "";
        bool i32 = sig && sig->arg_types[i] == AT_I32;
        if (i32 && (strcmp(name, "dfd") == 0 || strcmp(name, "olddfd") == 0 || strcmp(name, "newdfd") == 0 ||
                    strcmp(name, "dirfd") == 0) && (int32_t)view[i] == -100) {
            sb_puts(sb, "AT_FDCWD");
            continue;
        }
        /* ioctl's and fcntl's third argument is mostly a pointer: its value
         * differs from call to call and would split one finding into many */
        if (i == 2 && view[i] >= 0x100000 && (strcmp(sys, "ioctl") == 0 || strcmp(sys, "fcntl") == 0)) {
            sb_puts(sb, "<ptr>");
            continue;
        }
        /* a socket type carries flags: SOCK_DGRAM|SOCK_CLOEXEC, as strace */
        if (i == 1 && (strcmp(sys, "socket") == 0 || strcmp(sys, "socketpair") == 0) && (view[i] & ~0xfull)) {
            const_format_arg_value(p, sb, sys, 1, view[i] & 0xf, false);
            if (view[i] & 02000000)
                sb_puts(sb, "|SOCK_CLOEXEC");
            if (view[i] & 04000)
                sb_puts(sb, "|SOCK_NONBLOCK");
            if (view[i] & ~(0xfull | 02000000 | 04000))
                sb_printf(sb, "|%#llx", (unsigned long long)(view[i] & ~(0xfull | 02000000 | 04000)));
            continue;
        }
        if (i32 && (strcmp(name, "pid") == 0 || strcmp(name, "tgid") == 0 || strcmp(name, "tid") == 0)) {
            sb_printf(sb, "%d", (int32_t)view[i]); /* as ps shows it */
            continue;
        }
        if (strcmp(name, "mode") == 0 && !(strcmp(sys, "mknod") == 0 || strcmp(sys, "mknodat") == 0)) {
            sb_printf(sb, "0%llo", (unsigned long long)view[i]);
            continue;
        }
        StrBuf v;
        sb_init(&v);
        const_format_arg_value(p, &v, sig ? sys : NULL, (unsigned)i, view[i], false);
        const char *t = v.data ? v.data : "";
        /* a negative int as the program wrote it */
        if (i32 && (int32_t)view[i] < 0 && (t[0] == '0' || (t[0] >= '1' && t[0] <= '9')))
            sb_printf(sb, "%d", (int32_t)view[i]);
        else
            for (; *t; t++) /* flags as strace writes them: O_WRONLY|O_CREAT */
                if (!(*t == ' ' && (t[1] == '|' || (t > v.data && t[-1] == '|'))))
                    sb_putc(sb, *t);
        sb_free(&v);
    }
}

static Finding *add_finding(ComplainState *cs, Finding *f)
{
    Arena *a = cs->p->arena;
    char *key = arena_printf(a, "%d|%s|%d|%u:%u|%s|%s", f->kind, f->sys, f->rule, f->span.file, f->span.start,
                             f->why, f->args);
    Finding *old = strmap_get(&cs->seen, key);
    if (old) {
        old->count++;
        return old;
    }
    Finding *n = arena_alloc(a, sizeof *n);
    *n = *f;
    n->count = 1;
    strmap_put(&cs->seen, a, key, n);
    VEC_PUSH(a, cs->findings, n);
    return n;
}

void complain_on_call(void *vcs, int listener, const struct seccomp_notif *req)
{
    ComplainState *cs = vcs;
    const Policy *p = cs->p;
    Arena *a = p->arena;
    cs->calls++;
    ArchId arch;
    if (!arch_from_audit(req->data.arch, (uint32_t)req->data.nr, &arch))
        return;
    uint32_t nr = (uint32_t)req->data.nr;
    const SyscallEntry *e = syscalldb_by_nr(&p->db, arch, nr);
    Finding f;
    memset(&f, 0, sizeof f);
    f.arch = arch;
    f.nr = nr;
    f.sys = e ? e->name : arena_printf(a, "syscall_%u", nr);
    for (int i = 0; i < 6; i++)
        f.raw[i] = req->data.args[i];
    const Signature *sig = e ? syscalldb_signature_on(&p->db, e->name, arch) : NULL;
    f.nargs = sig ? sig->nargs : 6;

    IrVerdict v = ir_eval(p, arch, nr, f.raw, cs->caps);
    bool denied = v.action.kind != ACT_ALLOW && v.action.kind != ACT_LOG;
    /* the Landlock plan is judged even for a call seccomp denies: with only
     * the seccomp finding, --suggest would add an allow that Landlock then
     * refuses, and the loop would need another round */
    Finding l = f;
    const char *fs_why = NULL;
    FindingKind lk = FIND_FS; /* which part of the Landlock plan found it */
    if (e && cs->ll && cs->ll->used) {
        fs_why = complain_fs_judge(cs, listener, req, e->name, &l.span, &l.fs_right, &l.fs_path);
        if (!fs_why && cs->ll->handled_net) {
            fs_why = complain_net_judge(cs, listener, req, e->name, &l.span, &l.fs_right, &l.fs_path);
            lk = FIND_NET;
        }
        if (!fs_why && cs->ll->scoped) {
            fs_why = complain_scope_judge(cs, listener, req, e->name, &l.span, &l.fs_right, &l.fs_path);
            lk = FIND_SCOPE;
        }
    }
    if (!denied && !fs_why)
        return;
    StrBuf sb;
    sb_init(&sb);
    complain_format_args(p, listener, req, arch, f.sys, true, &sb);
    f.args = l.args = arena_strdup(a, sb.data ? sb.data : "");
    sb_free(&sb);
    if (denied) {
        f.kind = FIND_SECCOMP;
        f.rule = v.rule;
        f.action = action_str(p, a, v.action);
        if (v.rule >= 0) {
            f.span = p->rules.items[v.rule]->span;
            f.why = f.action;
        } else if (!e && p->have_unknown) {
            f.span = p->unknown_span;
            f.why = arena_printf(a, "default %s for unknown", f.action);
        } else {
            f.span = p->default_span;
            f.why = arena_printf(a, "default %s", f.action);
        }
        add_finding(cs, &f);
    }
    if (fs_why) {
        l.kind = lk;
        l.rule = IR_RULE_DEFAULT;
        l.action = "landlock";
        l.why = fs_why;
        add_finding(cs, &l);
    }
}
