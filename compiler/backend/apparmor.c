/* AppArmor profile (NAME.apparmor), for apparmor_parser and the runtimes'
 * `--security-opt apparmor=NAME` / Kubernetes `localhost/NAME`.
 *
 * The profile is docker-default's shape (attach_disconnected, signals from the
 * runtime, /proc and /sys denials) tightened by the policy's filesystem,
 * network and capabilities sections, with mount and ptrace decided by its
 * syscalls section. AppArmor's semantics are encoded as checks:
 *  - a deny always wins: an allow overlapping a deny is warned about (W0800,
 *    W0801), since no narrower allow reopens it;
 *  - network deny rules are never emitted: AppArmor 3.0 drops deny rules on
 *    unix sockets silently, so the network section becomes an allow list;
 *  - every rule is checked against the target kernel's feature set (libapparmor
 *    aa_features): a rule it cannot enforce is an error (E0803, E0804).
 * The rule order is fixed (files, capabilities, network, mount, signal,
 * ptrace); each rule's comment names the policy line it comes from. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/apparmor.h>

#include "middle/cond.h"
#include "middle/ir.h"
#include "middle/model.h"
#include "backend/aa_glob.h"
#include "backend/backend.h"
#include "facts/read_baseline.h"

enum { P_M = 1, P_R = 2, P_W = 4, P_A = 8, P_L = 16, P_K = 32, P_X = 64 };

typedef struct FRule {
    const char *glob;
    unsigned perms;
    bool deny, audit, owner;
    bool from_policy;   /* a policy line (warnings point at it) */
    Span span;
    const char *comment;
    const char *what;   /* for notes: "`deny /proc/sys/...`", "polc's baseline ..." */
} FRule;

typedef struct Aa {
    const BackendRun *run;
    Arena *A;
    aa_features *feat;
    const char *feat_name;
    VEC(FRule) files;
    StrBuf body;
    bool ok;
} Aa;

static const char *const NET_TYPES[] = {"stream", "dgram", "raw", "seqpacket", "rdm", "packet"};
#define NTYPES 6
#define NPOLC_TYPES 5 /* polc cannot name SOCK_PACKET; a family-wide entry covers it */

/* ---- small helpers ---- */

static const char *span_loc(const BackendRun *run, Span s)
{
    if (!span_valid(s))
        return "polc";
    const SourceFile *f = source_get(run->policy->sm, s.file);
    unsigned line, col;
    source_linecol(f, s.start, &line, &col);
    if (s.file == run->policy->root_file)
        return arena_printf(run->arena, "%s.pol:%u", run->opt->basename, line);
    return arena_printf(run->arena, "%s:%u", f->name, line);
}

/* The span of byte `at` of a path token (unquoted, or quoted with escapes). */
static Span char_span(const BackendRun *run, Span tok, size_t at)
{
    const SourceFile *f = source_get(run->policy->sm, tok.file);
    if (!f || tok.end > f->len)
        return tok;
    const char *src = f->text + tok.start;
    size_t n = tok.end - tok.start, i = 0;
    if (n && src[0] == '"')
        i = 1;
    for (size_t k = 0; i < n; k++) {
        size_t w = src[i] == '\\' && i + 1 < n ? 2 : 1;
        if (k == at)
            return (Span){tok.file, tok.start + (uint32_t)i, tok.start + (uint32_t)(i + w)};
        i += w;
    }
    return tok;
}

static bool feat_has(Aa *aa, const char *key) { return aa_features_supports(aa->feat, key); }

/* Is `word` one of the space-separated words of feature `key`? */
static bool feat_word(Aa *aa, const char *key, const char *word)
{
    size_t len = 0;
    char *v = aa_features_value(aa->feat, key, &len);
    if (!v)
        return false;
    bool found = false;
    size_t wl = strlen(word);
    for (size_t i = 0; i < len && !found;) {
        while (i < len && isspace((unsigned char)v[i]))
            i++;
        size_t j = i;
        while (j < len && !isspace((unsigned char)v[j]))
            j++;
        found = j - i == wl && memcmp(v + i, word, wl) == 0;
        i = j;
    }
    free(v);
    return found;
}

static bool needs_quotes(const char *g)
{
    for (const char *p = g; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("_./*?+@:=~[]{}^!,-", *p))
            return true;
    return false;
}

static void perms_str(unsigned p, bool deny, char *buf)
{
    char *o = buf;
    if (p & P_M) *o++ = 'm';
    if (p & P_R) *o++ = 'r';
    if (p & P_W) *o++ = 'w';
    if ((p & P_A) && !(p & P_W)) *o++ = 'a';
    if (p & P_L) *o++ = 'l';
    if (p & P_K) *o++ = 'k';
    if (p & P_X) {
        if (!deny)
            *o++ = 'i';
        *o++ = 'x';
    }
    *o = '\0';
}

static void line(Aa *aa, const char *rule, const char *comment)
{
    size_t n = strlen(rule);
    sb_printf(&aa->body, "  %s", rule);
    if (comment) {
        for (size_t i = n; i < 46; i++)
            sb_putc(&aa->body, ' ');
        sb_printf(&aa->body, "  # %s", comment);
    }
    sb_putc(&aa->body, '\n');
}

static void add_file(Aa *aa, FRule r) { VEC_PUSH(aa->A, aa->files, r); }

/* ---- the feature set ---- */

const char *apparmor_features_path(const BackendOptions *opt)
{
    return opt->aa_features ? opt->aa_features : opt->aa_features_stdlib;
}

/* Loads the target feature set; E0805 when it cannot be read or is not one. */
bool apparmor_load_features(const BackendOptions *opt, DiagEngine *diag, aa_features **out)
{
    const char *path = apparmor_features_path(opt);
    *out = NULL;
    if (!path) {
        Diag *g = diag_error(diag, "E0805", SPAN_NONE,
                             "cannot find polc's AppArmor feature set `apparmor/features/abi-3.0` in the stdlib");
        diag_help(diag, g, "reinstall polc, or name a feature set with --apparmor-features FILE|DIR");
        return false;
    }
    if (aa_features_new(out, AT_FDCWD, path) != 0) {
        diag_error(diag, "E0805", SPAN_NONE, "cannot read the AppArmor feature set `%s`: %s", path,
                   strerror(errno));
        *out = NULL;
        return false;
    }
    if (!aa_features_supports(*out, "file") && !aa_features_supports(*out, "policy")) {
        Diag *g = diag_error(diag, "E0805", SPAN_NONE,
                             "`%s` is not an AppArmor feature set: it has no `file` or `policy` entry", path);
        diag_help(diag, g, "give a kernel's /sys/kernel/security/apparmor/features directory, or a file "
                                 "in the format of /etc/apparmor.d/abi/3.0");
        aa_features_unref(*out);
        *out = NULL;
        return false;
    }
    return true;
}

/* ---- the profile name ---- */

static bool check_name(Aa *aa)
{
    const BackendRun *run = aa->run;
    const char *n = run->policy->name ? run->policy->name : "";
    const char *why = NULL;
    if (!*n)
        why = "it is empty";
    else if (strcmp(n, "unconfined") == 0)
        why = "`unconfined` is AppArmor's name for unconfined processes (the host), so the profile's "
              "own-peer rules would cover them";
    else if (!isalnum((unsigned char)n[0]) && n[0] != '_')
        why = "it must start with a letter, a digit or `_`";
    else
        for (const char *p = n; *p && !why; p++)
            if (!isalnum((unsigned char)*p) && !strchr("_.+-", *p))
                why = "it may only hold letters, digits and `_ . + -`";
    if (!why)
        return true;
    Span s = run->policy->name_span;
    if (!span_valid(s))
        s = (Span){run->policy->root_file, 0, 0};
    Diag *g = diag_error(run->diag, "E0801", s, "`%s` is not a legal AppArmor profile name: %s", n, why);
    diag_note(run->diag, g, SPAN_NONE,
              "the profile is named after the policy, verbatim, because the Kubernetes output refers to it");
    diag_help(run->diag, g, "%s", span_valid(run->policy->name_span)
                                       ? "rename the policy"
                                       : "name the policy with `policy NAME` (without it the file name is used)");
    return false;
}

/* ---- syscalls the profile mirrors (mount, umount, pivot_root, ptrace) ---- */

static bool allowish(ActKind k) { return k == ACT_ALLOW || k == ACT_LOG || k == ACT_TRACE || k == ACT_NOTIFY; }

/* May a container holding the policy's capabilities run some call of one of
 * `names` on some target arch? *src is the deciding rule or the default. */
static bool may_run(const BackendRun *run, const char *const *names, Span *src)
{
    Ir *ir = run->policy->ir;
    *src = run->policy->default_span;
    bool deny_src = false;
    for (size_t a = 0; a < ir->arches.len; a++) {
        const IrArch *ia = &ir->arches.items[a];
        for (const char *const *n = names; *n; n++) {
            const SyscallEntry *e = syscalldb_lookup(&run->policy->db, ia->arch, *n);
            if (!e)
                continue;
            const IrSyscall *s = ir_syscall(ia, e->nr);
            if (!s) {
                if (allowish(ir->default_action.kind)) {
                    *src = run->policy->default_span;
                    return true;
                }
                continue;
            }
            unsigned sc = 0;
            for (int k = 0; k < s->ncaps; k++)
                if (run->policy->caps.effective & (1ull << s->caps[k]))
                    sc |= 1u << k;
            const IrDecision *d = &s->scenarios[sc];
            bool covered = false;
            for (size_t c = 0; c < d->cases.len; c++) {
                const IrCase *k = &d->cases.items[c];
                Span rs = k->rules.len ? run->policy->rules.items[k->rules.items[0]]->span : run->policy->default_span;
                if (allowish(k->action.kind)) {
                    *src = rs;
                    return true;
                }
                if (!deny_src) {
                    *src = rs;
                    deny_src = true;
                }
                covered |= dnf_is_true(k->cond);
            }
            if (!covered && allowish(ir->default_action.kind)) {
                *src = run->policy->default_span;
                return true;
            }
        }
    }
    return false;
}

/* ---- files ---- */

static bool validate_paths(Aa *aa)
{
    const BackendRun *run = aa->run;
    bool ok = true;
    for (size_t i = 0; i < run->policy->fs.rules.len; i++) {
        const FsRule *r = &run->policy->fs.rules.items[i];
        size_t at = 0;
        const char *why = aa_glob_problem(r->path, &at);
        if (!why)
            continue;
        Diag *g = diag_error(run->diag, "E0800", char_span(run, r->span, at), "invalid AppArmor path glob: %s",
                             why);
        diag_help(run->diag, g, "globs are `*` (within a directory), `**` (across directories), `?`, "
                                 "`[abc]`, `[^abc]` and `{a,b}`");
        ok = false;
    }
    return ok;
}

static bool exec_allowed_in(Aa *aa, const char *glob)
{
    const BackendRun *run = aa->run;
    for (size_t i = 0; i < run->policy->fs.rules.len; i++) {
        const FsRule *r = &run->policy->fs.rules.items[i];
        if (r->access == FS_EXEC && aa_glob_intersects(aa->A, r->path, glob))
            return true;
    }
    return false;
}

static bool has_exec_rules(const BackendRun *run)
{
    for (size_t i = 0; i < run->policy->fs.rules.len; i++)
        if (run->policy->fs.rules.items[i].access == FS_EXEC)
            return true;
    return false;
}

/* Baseline denials: what docker-default protects under /proc and /sys,
 * written out for polc (stricter on /proc/sys/kernel, see docs/apparmor.md). */
static const struct {
    const char *glob;
    unsigned perms;
    const char *why;
} BASELINE_DENY[] = {
    {"@{PROC}/*", P_W, "baseline: no writes to files directly in /proc"},
    {"@{PROC}/[^0-9s/]*/**", P_W, "baseline: no writes below /proc but in /proc/PID"},
    {"@{PROC}/s[^y/]*/**", P_W, "baseline: (names starting with s)"},
    {"@{PROC}/sy[^s/]*/**", P_W, "baseline: (names starting with sy)"},
    {"@{PROC}/sys?*/**", P_W, "baseline: (names starting with sys)"},
    {"@{PROC}/[0-9]*[^0-9/]*/**", P_W, "baseline: (names that are not a PID)"},
    {"@{PROC}/sys/[^k/]**", P_W, "baseline: /proc/sys is read-only..."},
    {"@{PROC}/sys/kernel/{[^s/]**,s[^h/]**,sh[^m/]**,s,sh}", P_W, "baseline: ...but for kernel.shm*"},
    {"@{PROC}/{sysrq-trigger,kcore,kmsg}", P_R | P_W | P_L | P_K | P_M | P_X,
     "baseline: host kernel memory, log and SysRq"},
    {"/sys/{[^f/]*,f[^s/]*,fs/[^c/]*,fs/c[^g/]*,fs/cg[^r/]*}/**", P_W | P_L | P_K | P_M | P_X,
     "baseline: /sys is read-only but for /sys/fs/cgroup"},
    {"/sys/firmware/**", P_R | P_W | P_L | P_K | P_M | P_X, "baseline: firmware tables"},
    {"/sys/kernel/security/**", P_R | P_W | P_L | P_K | P_M | P_X, "baseline: the LSMs' own interfaces"},
    {"/sys/devices/virtual/powercap/**", P_R | P_W | P_L | P_K | P_M | P_X,
     "baseline: power meters (a side channel)"},
};

static const char *baseline_glob(Aa *aa, size_t i)
{
    (void)aa;
    return BASELINE_DENY[i].glob;
}

/* For overlap checks AppArmor's @{PROC} is /proc. */
static const char *expand_proc(Aa *aa, const char *g)
{
    if (strncmp(g, "@{PROC}", 7) == 0)
        return arena_printf(aa->A, "/proc%s", g + 7);
    return g;
}

static void build_files(Aa *aa)
{
    const BackendRun *run = aa->run;
    bool exec_list = has_exec_rules(run);
    /* the base: docker-default's `file`, less what the policy narrows */
    if (!run->policy->fs.confine_reads)
        add_file(aa, (FRule){"/{,**}", P_R | P_K, .comment = "reads: the container's own image"});
    else
        /* `confine reads`: the listed paths (below) and the measured baseline */
        for (size_t i = 0; i < read_baseline_len; i++)
            add_file(aa, (FRule){read_baseline[i].tree ? arena_printf(aa->A, "%s/**", read_baseline[i].path)
                                                       : read_baseline[i].path,
                                 P_R, .comment = arena_printf(aa->A, "read baseline: %s", read_baseline[i].why)});
    if (!run->policy->fs.read_only_root)
        add_file(aa, (FRule){"/{,**}", P_W | P_L, .comment = "writes: no `read-only root`"});
    if (!exec_list)
        add_file(aa, (FRule){"/{,**}", P_M | P_X, .comment = "exec: no `exec` paths, so anything not writable"});
    else
        add_file(aa, (FRule){"/{usr/,usr/local/,}lib{,32,64,x32}/**", P_M,
                             .comment = "exec: shared libraries may be mapped (the `exec` paths run)"});
    if (run->policy->fs.read_only_root) {
        add_file(aa, (FRule){"/dev/{null,zero,full,tty}", P_R | P_W, .comment = "read-only root: device sinks"});
        add_file(aa, (FRule){"/dev/pts/[0-9]*", P_R | P_W, .comment = "read-only root: the terminal"});
        add_file(aa, (FRule){"/dev/shm/**", P_R | P_W | P_L | P_K, .owner = true,
                             .comment = "read-only root: POSIX shared memory (a tmpfs, as with --read-only)"});
        if (!exec_allowed_in(aa, "/dev/shm/**"))
            add_file(aa, (FRule){"/dev/shm/**", P_M | P_X, .deny = true,
                                 .comment = "writable, so nothing in it runs",
                                 .what = "polc's rule that nothing in writable /dev/shm runs"});
    }
    /* the policy's lines: allows, then denies, each in source order */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < run->policy->fs.rules.len; i++) {
            const FsRule *r = &run->policy->fs.rules.items[i];
            const char *loc = span_loc(run, r->span);
            bool deny = r->access == FS_DENY || r->access == FS_DENY_EXEC;
            if ((pass == 0) == deny)
                continue;
            FRule f = {r->path, 0, .from_policy = true, .span = r->span};
            switch (r->access) {
            case FS_READ:
                f.perms = P_R;
                f.comment = arena_printf(aa->A, "%s read", loc);
                add_file(aa, f);
                f.perms = P_W | P_L;
                f.deny = true;
                f.comment = arena_printf(aa->A, "%s read: and nothing else", loc);
                f.what = arena_printf(aa->A, "`read %s` (read means read-only)", r->path);
                add_file(aa, f);
                break;
            case FS_WRITE:
            case FS_APPEND:
                f.perms = r->access == FS_WRITE ? P_R | P_W | P_L | P_K : P_R | P_A;
                f.comment = arena_printf(aa->A, "%s %s", loc, r->access == FS_WRITE ? "write" : "append");
                add_file(aa, f);
                if (!exec_allowed_in(aa, r->path)) {
                    f.perms = P_M | P_X;
                    f.deny = true;
                    f.comment = arena_printf(aa->A, "%s writable, so nothing in it runs", loc);
                    f.what = arena_printf(aa->A, "polc's rule that nothing in writable `%s` runs", r->path);
                    add_file(aa, f);
                }
                break;
            case FS_EXEC:
                f.perms = P_M | P_R | P_X;
                f.comment = arena_printf(aa->A, "%s exec", loc);
                add_file(aa, f);
                break;
            case FS_DENY:
                f.perms = P_M | P_R | P_W | P_L | P_K | P_X;
                f.deny = f.audit = true;
                f.comment = arena_printf(aa->A, "%s deny", loc);
                f.what = arena_printf(aa->A, "`deny %s`", r->path);
                add_file(aa, f);
                break;
            case FS_DENY_EXEC:
                f.perms = P_M | P_X;
                f.deny = f.audit = true;
                f.comment = arena_printf(aa->A, "%s deny exec", loc);
                f.what = arena_printf(aa->A, "`deny exec %s`", r->path);
                add_file(aa, f);
                break;
            case FS_READ_ONLY_ROOT:
                break;
            }
        }
    for (size_t i = 0; i < sizeof BASELINE_DENY / sizeof *BASELINE_DENY; i++)
        add_file(aa, (FRule){baseline_glob(aa, i), BASELINE_DENY[i].perms, .deny = true,
                             .comment = BASELINE_DENY[i].why,
                             .what = arena_printf(aa->A, "polc's container baseline (`deny %s`)",
                                                  baseline_glob(aa, i))});
}

static const char *perm_words(Arena *A, unsigned p)
{
    static const struct {
        unsigned bit;
        const char *word;
    } W[] = {{P_R, "read"}, {P_W, "write"}, {P_A, "append"}, {P_L, "link"}, {P_K, "lock"},
             {P_M, "mmap-exec"}, {P_X, "exec"}};
    char *s = "";
    for (size_t i = 0; i < sizeof W / sizeof *W; i++)
        if (p & W[i].bit)
            s = arena_printf(A, "%s%s%s", s, *s ? ", " : "", W[i].word);
    return s;
}

/* The glob's literal start, up to its first special character. */
static size_t literal_prefix(const char *g)
{
    size_t n = strcspn(g, "*?[]{}");
    return n;
}

/* W0800: an allow the policy wrote that lies inside a deny's area (the
 * deny's literal start is a prefix of the allow's) and meets it: AppArmor's
 * deny wins, so the allow cannot reopen it. A broader allow that a deny
 * carves a hole into (`read /...` with `deny /secret/...`) is the normal use. */
static void warn_file_overlaps(Aa *aa)
{
    const BackendRun *run = aa->run;
    /* the denies, their expanded globs and literal starts, once (every
     * allow is compared with every deny: thousands of paths) */
    size_t *deny_at = malloc((aa->files.len + 1) * sizeof *deny_at), ndeny = 0;
    const char **deny_glob = malloc((aa->files.len + 1) * sizeof *deny_glob);
    size_t *deny_lit = malloc((aa->files.len + 1) * sizeof *deny_lit);
    if (!deny_at || !deny_glob || !deny_lit)
        abort();
    for (size_t j = 0; j < aa->files.len; j++)
        if (aa->files.items[j].deny) {
            deny_at[ndeny] = j;
            deny_glob[ndeny] = expand_proc(aa, aa->files.items[j].glob);
            deny_lit[ndeny] = literal_prefix(deny_glob[ndeny]);
            ndeny++;
        }
    for (size_t i = 0; i < aa->files.len; i++) {
        const FRule *a = &aa->files.items[i];
        if (!a->from_policy || a->deny)
            continue;
        size_t al = literal_prefix(a->glob);
        for (size_t x = 0; x < ndeny; x++) {
            const FRule *d = &aa->files.items[deny_at[x]];
            unsigned dp = d->perms & P_W ? d->perms | P_A : d->perms;
            unsigned lost = a->perms & dp;
            const char *dg = deny_glob[x];
            size_t dl = deny_lit[x];
            if (!lost || al < dl || strncmp(a->glob, dg, dl) != 0 || !aa_glob_intersects(aa->A, a->glob, dg))
                continue;
            Diag *g = diag_warning(run->diag, "W0800", a->span, "%s access to `%s` is denied by %s",
                                   perm_words(aa->A, lost), a->glob, d->what ? d->what : "a deny rule");
            if (d->from_policy && (d->span.start != a->span.start || d->span.file != a->span.file))
                diag_note(run->diag, g, d->span, "the deny is here");
            diag_note(run->diag, g, SPAN_NONE,
                      "in AppArmor a deny always wins: no narrower allow can reopen part of a denied area");
            diag_help(run->diag, g, "narrow the deny so it leaves this path out, or drop this line");
            break;
        }
    }
    free(deny_at);
    free(deny_glob);
    free(deny_lit);
}

static bool check_file_features(Aa *aa)
{
    static const struct {
        unsigned bit;
        const char *word;
    } M[] = {{P_R, "read"}, {P_W, "write"}, {P_A, "append"}, {P_L, "link"},
             {P_K, "lock"}, {P_M, "mmap_exec"}, {P_X, "exec"}};
    if (!feat_has(aa, "file")) {
        Diag *g = diag_error(aa->run->diag, "E0804", SPAN_NONE,
                             "the target AppArmor feature set `%s` does not mediate files", aa->feat_name);
        diag_note(aa->run->diag, g, SPAN_NONE, "the profile's file rules would not be enforced");
        return false;
    }
    if (!feat_has(aa, "file/mask"))
        return true;
    unsigned used = 0;
    for (size_t i = 0; i < aa->files.len; i++)
        used |= aa->files.items[i].perms;
    for (size_t i = 0; i < sizeof M / sizeof *M; i++)
        if ((used & M[i].bit) && !feat_word(aa, "file/mask", M[i].word)) {
            const FRule *r = NULL;
            for (size_t j = 0; j < aa->files.len && !r; j++)
                if (aa->files.items[j].perms & M[i].bit)
                    r = &aa->files.items[j];
            Diag *g = diag_error(aa->run->diag, "E0804", r && r->from_policy ? r->span : SPAN_NONE,
                                 "the target AppArmor feature set `%s` cannot enforce the `%s` file permission",
                                 aa->feat_name, M[i].word);
            diag_note(aa->run->diag, g, SPAN_NONE, "its file/mask lacks `%s`", M[i].word);
            return false;
        }
    return true;
}

static void emit_files(Aa *aa)
{
    sb_puts(&aa->body, "  # files\n");
    for (size_t i = 0; i < aa->files.len; i++) {
        const FRule *r = &aa->files.items[i];
        char perms[16];
        perms_str(r->perms, r->deny, perms);
        bool q = needs_quotes(r->glob);
        char *rule = arena_printf(aa->A, "%s%s%s%s%s%s %s,", r->audit ? "audit " : "", r->deny ? "deny " : "",
                                  r->owner ? "owner " : "", q ? "\"" : "", r->glob, q ? "\"" : "", perms);
        line(aa, rule, r->comment);
    }
}

/* ---- capabilities ---- */

static bool emit_caps(Aa *aa)
{
    const BackendRun *run = aa->run;
    uint64_t declared = 0;
    for (int c = 0; c < POLICY_MAX_CAPS; c++)
        if (run->policy->cap_names[c])
            declared |= 1ull << c;
    sb_puts(&aa->body, "\n  # capabilities: the policy's set; AppArmor denies the others\n");
    Span all = run->policy->caps.add_all_span;
    if (declared && (run->policy->caps.effective & declared) == declared) {
        line(aa, "capability,", arena_printf(aa->A, "%s add all", span_loc(run, all)));
        return true;
    }
    bool ok = true, check = feat_has(aa, "caps/mask");
    for (int c = 0; c < 64; c++) {
        if (!(run->policy->caps.effective & (1ull << c)))
            continue;
        const char *name = cap_name(run->policy, c);
        if (!name)
            continue;
        char *lower = arena_strdup(aa->A, name);
        for (char *p = lower; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        Span src = SPAN_NONE;
        for (size_t i = 0; i < run->policy->caps.adds.len; i++)
            if (run->policy->caps.adds.items[i].num == c) {
                src = run->policy->caps.adds.items[i].span;
                break;
            }
        if (!span_valid(src) && run->policy->caps.add_all)
            src = all;
        if (check && !feat_word(aa, "caps/mask", lower)) {
            Diag *g = diag_error(run->diag, "E0803", src,
                                 "capability `%s` is not known to the target AppArmor feature set `%s`", name,
                                 aa->feat_name);
            diag_note(run->diag, g, SPAN_NONE,
                      "a profile for that kernel cannot grant it, so the container would not keep it");
            diag_help(run->diag, g, "drop the capability, or target a newer feature set with "
                                     "--apparmor-features");
            ok = false;
            continue;
        }
        const char *why = span_valid(src) ? span_loc(run, src)
                          : run->policy->caps.declared ? "Docker's default set, as the capabilities section keeps it"
                                               : "Docker's default set: no capabilities section";
        line(aa, arena_printf(aa->A, "capability %s,", lower), why);
    }
    if (!run->policy->caps.effective)
        sb_puts(&aa->body, "  # (none: the capabilities section drops them all)\n");
    return ok;
}

/* ---- network ---- */

static const char *const POLC_FAMILIES[] = {"unix", "inet", "inet6", "netlink", "packet", "alg",
                                            "vsock", "bluetooth", "can", "xdp", "key", "tipc"};
#define NPOLC_FAMILIES (sizeof POLC_FAMILIES / sizeof *POLC_FAMILIES)

static bool net_has_allow(const BackendRun *run)
{
    for (size_t i = 0; i < run->policy->net.rules.len; i++)
        if (!run->policy->net.rules.items[i].deny)
            return true;
    return false;
}

typedef VEC(const char *) Words;

static Words abi_families(Aa *aa)
{
    Words w = {0};
    const char *key = feat_has(aa, "network/af_mask") ? "network/af_mask"
                      : feat_has(aa, "network_v8/af_mask") ? "network_v8/af_mask" : NULL;
    if (!key)
        return w;
    size_t len = 0;
    char *v = aa_features_value(aa->feat, key, &len);
    if (!v)
        return w;
    for (size_t i = 0; i < len;) {
        while (i < len && isspace((unsigned char)v[i]))
            i++;
        size_t j = i;
        while (j < len && !isspace((unsigned char)v[j]))
            j++;
        if (j > i && !(j - i == 6 && memcmp(v + i, "unspec", 6) == 0))
            VEC_PUSH(aa->A, w, arena_strndup(aa->A, v + i, j - i));
        i = j;
    }
    free(v);
    return w;
}

static bool in_words(const Words *w, const char *s)
{
    for (size_t i = 0; i < w->len; i++)
        if (strcmp(w->items[i], s) == 0)
            return true;
    return false;
}

static void warn_net(Aa *aa)
{
    const BackendRun *run = aa->run;
    /* W0801: an allow a deny cancels */
    for (size_t i = 0; i < run->policy->net.rules.len; i++) {
        const NetRule *a = &run->policy->net.rules.items[i];
        if (a->deny)
            continue;
        for (size_t j = 0; j < run->policy->net.rules.len; j++) {
            const NetRule *d = &run->policy->net.rules.items[j];
            if (!d->deny)
                continue;
            /* the allow lies inside the deny: it tries to reopen part of it */
            bool fam = !d->family || (a->family && strcmp(a->family, d->family) == 0);
            bool typ = !d->type || (a->type && strcmp(a->type, d->type) == 0);
            if (!fam || !typ)
                continue;
            Diag *g = diag_warning(run->diag, "W0801", a->span, "every socket this allows is denied by a deny entry");
            diag_note(run->diag, g, d->span, "the deny is here");
            diag_note(run->diag, g, SPAN_NONE, "a deny always wins: no narrower allow can reopen it");
            break;
        }
    }
    /* W0802: raw denied, ICMP echo sockets (dgram) still allowed */
    for (size_t j = 0; j < run->policy->net.rules.len; j++) {
        const NetRule *d = &run->policy->net.rules.items[j];
        if (!d->deny || !d->type || strcmp(d->type, "raw") != 0)
            continue;
        const char *open = NULL;
        static const char *const ip[] = {"inet", "inet6"};
        for (int k = 0; k < 2; k++)
            if ((!d->family || strcmp(d->family, ip[k]) == 0) && net_allowed(run->policy, ip[k], "dgram", NULL))
                open = open ? "inet and inet6" : ip[k];
        if (!open)
            continue;
        Diag *g = diag_warning(run->diag, "W0802", d->span,
                               "denying raw sockets does not stop ICMP: %s dgram sockets stay allowed", open);
        diag_note(run->diag, g, SPAN_NONE,
                  "Linux opens ping sockets as socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), which AppArmor "
                  "sees as type dgram; the net.ipv4.ping_group_range sysctl decides who may");
        diag_help(run->diag, g, "allow only the types the service needs (e.g. `allow inet stream`), or add "
                                 "`deny inet dgram` if it needs no UDP either");
    }
}

static bool emit_net(Aa *aa)
{
    const BackendRun *run = aa->run;
    sb_puts(&aa->body, "\n  # network: an allow list (deny rules on unix sockets are not enforced by ABI 3.0)\n");
    Words fams = abi_families(aa);
    bool mediated = fams.len > 0;
    bool ok = true;
    /* polc families the target does not mediate: only fine if fully allowed */
    for (size_t f = 0; f < NPOLC_FAMILIES; f++) {
        if (mediated && in_words(&fams, POLC_FAMILIES[f]))
            continue;
        for (int t = 0; t < NTYPES; t++) {
            const NetRule *by = NULL;
            if (net_allowed(run->policy, POLC_FAMILIES[f], NET_TYPES[t], &by))
                continue;
            Diag *g = diag_error(run->diag, "E0804", by ? by->span : SPAN_NONE,
                                 "the target AppArmor feature set `%s` does not mediate %s%s%s", aa->feat_name,
                                 mediated ? "`" : "networking", mediated ? POLC_FAMILIES[f] : "",
                                 mediated ? "` sockets" : "");
            diag_note(run->diag, g, SPAN_NONE,
                      "the network section restricts them, and a rule the kernel cannot enforce would be "
                      "dropped silently");
            diag_help(run->diag, g, "target a feature set that has it with --apparmor-features, or filter "
                                     "socket() in the syscalls section instead");
            ok = false;
            break;
        }
        if (!mediated && !ok)
            break;
    }
    if (!mediated) {
        sb_puts(&aa->body, "  # (the target feature set does not mediate networking; nothing is restricted)\n");
        return ok;
    }
    bool have_allow = net_has_allow(run);
    const char *open_src = run->policy->net.rules.len ? arena_printf(aa->A, "%s network: all but the denials",
                                                             span_loc(run, run->policy->net.rules.items[0].span))
                                              : "no network section: every socket";
    /* everything? */
    bool all = true;
    for (size_t f = 0; f < fams.len && all; f++)
        for (int t = 0; t < NTYPES && all; t++)
            all = net_allowed(run->policy, fams.items[f], NET_TYPES[t], NULL);
    if (all) {
        line(aa, "network,", open_src);
        line(aa, "unix,", open_src);
        return ok;
    }
    bool type_all[NTYPES];
    for (int t = 0; t < NTYPES; t++) {
        type_all[t] = true;
        for (size_t f = 0; f < fams.len && type_all[t]; f++)
            type_all[t] = net_allowed(run->policy, fams.items[f], NET_TYPES[t], NULL);
        if (type_all[t])
            line(aa, arena_printf(aa->A, "network %s,", NET_TYPES[t]), open_src);
    }
    for (size_t f = 0; f < fams.len; f++) {
        const char *fam = fams.items[f];
        bool fam_all = true;
        for (int t = 0; t < NTYPES && fam_all; t++)
            fam_all = net_allowed(run->policy, fam, NET_TYPES[t], NULL);
        const NetRule *by = NULL;
        if (fam_all) {
            net_allowed(run->policy, fam, "stream", &by);
            line(aa, arena_printf(aa->A, "network %s,", fam), have_allow && by ? span_loc(run, by->span) : open_src);
            continue;
        }
        /* the family's remaining types, one line */
        char *rules = NULL;
        const NetRule *first = NULL;
        for (int t = 0; t < NTYPES; t++)
            if (!type_all[t] && net_allowed(run->policy, fam, NET_TYPES[t], &by)) {
                rules = arena_printf(aa->A, "%s%snetwork %s %s,", rules ? rules : "", rules ? " " : "", fam,
                                     NET_TYPES[t]);
                if (!first)
                    first = by;
            }
        if (rules)
            line(aa, rules, have_allow && first ? span_loc(run, first->span) : open_src);
    }
    /* unix rules (ABI 3.0 downgrades them to network unix rules) */
    if (in_words(&fams, "unix")) {
        bool unix_all = true;
        for (int t = 0; t < NTYPES && unix_all; t++)
            unix_all = net_allowed(run->policy, "unix", NET_TYPES[t], NULL);
        const NetRule *by = NULL;
        if (unix_all) {
            net_allowed(run->policy, "unix", "stream", &by);
            line(aa, "unix,", have_allow && by ? span_loc(run, by->span) : open_src);
        } else {
            static const char *const ut[] = {"stream", "dgram", "seqpacket"};
            char *rules = NULL;
            const NetRule *first = NULL;
            for (int t = 0; t < 3; t++)
                if (net_allowed(run->policy, "unix", ut[t], &by)) {
                    rules = arena_printf(aa->A, "%s%sunix type=%s,", rules ? rules : "", rules ? " " : "", ut[t]);
                    if (!first)
                        first = by;
                }
            if (rules)
                line(aa, rules, have_allow && first ? span_loc(run, first->span) : open_src);
        }
    }
    return ok;
}

/* ---- mount, signal, ptrace ---- */

static bool unenforceable(Aa *aa, const char *feature, const char *what, Span at)
{
    if (feat_has(aa, feature))
        return false;
    Diag *g = diag_error(aa->run->diag, "E0804", at,
                         "the target AppArmor feature set `%s` cannot enforce %s", aa->feat_name, what);
    diag_note(aa->run->diag, g, SPAN_NONE, "it has no `%s` feature; apparmor_parser would drop the rule", feature);
    diag_help(aa->run->diag, g, "target a kernel feature set that has it with --apparmor-features FILE|DIR");
    return true;
}

static bool emit_mount(Aa *aa)
{
    const BackendRun *run = aa->run;
    static const char *const mount_calls[] = {"mount", "fsmount", "move_mount", NULL};
    static const char *const umount_calls[] = {"umount2", "umount", NULL};
    static const char *const pivot_calls[] = {"pivot_root", NULL};
    static const struct {
        const char *rule;
        const char *const *calls;
        const char *call;
    } M[] = {{"mount", mount_calls, "mount(2)"},
             {"umount", umount_calls, "umount2(2)"},
             {"pivot_root", pivot_calls, "pivot_root(2)"}};
    sb_puts(&aa->body, "\n  # mounts: as the syscalls section decides for the policy's capabilities\n");
    bool ok = true;
    for (size_t i = 0; i < 3; i++) {
        Span src;
        bool allowed = may_run(run, M[i].calls, &src);
        const char *loc = span_loc(run, src);
        if (allowed) {
            if (feat_has(aa, "mount"))
                line(aa, arena_printf(aa->A, "%s,", M[i].rule), arena_printf(aa->A, "%s allows %s", loc, M[i].call));
            continue;
        }
        if (unenforceable(aa, "mount", arena_printf(aa->A, "denying %s", M[i].call), src)) {
            ok = false;
            break;
        }
        line(aa, arena_printf(aa->A, "deny %s,", M[i].rule), arena_printf(aa->A, "%s denies %s", loc, M[i].call));
    }
    return ok;
}

static bool emit_signal_ptrace(Aa *aa)
{
    const BackendRun *run = aa->run;
    const char *name = run->policy->name;
    bool ok = true;
    sb_puts(&aa->body, "\n  # signals: among the container's processes, and from the host and the runtime\n");
    if (unenforceable(aa, "signal", "signal rules (the container could signal any process)", SPAN_NONE))
        ok = false;
    else {
        line(aa, "signal (receive) peer=unconfined,", "baseline: the host may stop the container");
        line(aa, "signal (receive) peer=runc,", "baseline: runc (docker stop, kubectl delete)");
        line(aa, "signal (receive) peer=crun,", "baseline: crun");
        line(aa, arena_printf(aa->A, "signal (send, receive) peer=%s,", name), "baseline: its own processes");
    }
    sb_puts(&aa->body, "\n  # ptrace: only the container's own processes\n");
    static const char *const trace_calls[] = {"ptrace", "process_vm_readv", "process_vm_writev", NULL};
    Span src;
    bool trace = may_run(run, trace_calls, &src);
    if (unenforceable(aa, "ptrace", "ptrace rules (the container could trace any process)", SPAN_NONE))
        return false;
    line(aa, arena_printf(aa->A, "ptrace (read, readby) peer=%s,", name), "baseline: ps and /proc among its own");
    if (trace)
        line(aa, arena_printf(aa->A, "ptrace (trace, tracedby) peer=%s,", name),
             arena_printf(aa->A, "%s allows ptrace", span_loc(run, src)));
    return ok;
}

/* ---- the back end ---- */

static bool apparmor_profile(const BackendRun *run, StrBuf *out)
{
    Aa aa = {.run = run, .A = run->arena, .ok = true};
    if (!apparmor_load_features(run->opt, run->diag, &aa.feat))
        return false;
    const char *fp = apparmor_features_path(run->opt);
    const char *slash = strrchr(fp, '/');
    aa.feat_name = run->opt->aa_features ? (slash && slash[1] ? slash + 1 : fp) : "abi-3.0";
    sb_init(&aa.body);
    bool ok = check_name(&aa);
    ok &= validate_paths(&aa);
    if (ok) {
        build_files(&aa);
        warn_file_overlaps(&aa);
        ok &= check_file_features(&aa);
        warn_net(&aa);
        emit_files(&aa);
        ok &= emit_caps(&aa);
        ok &= emit_net(&aa);
        ok &= emit_mount(&aa);
        ok &= emit_signal_ptrace(&aa);
    }
    if (ok) {
        sb_printf(out, "# AppArmor profile `%s`%s%s%s, compiled by polc from %s.pol.\n", run->policy->name,
                  run->policy->desc ? " (" : "", run->policy->desc ? run->policy->desc : "",
                  run->policy->desc ? ")" : "", run->opt->basename);
        sb_printf(out, "# Checked against the AppArmor feature set %s. Each rule's comment names the\n"
                       "# policy line it comes from; \"baseline\" rules are polc's container baseline\n"
                       "# (docker-default's). Load: apparmor_parser -r %s.apparmor (or polc load).\n",
                  aa.feat_name, run->opt->basename);
        sb_puts(out, "abi <abi/3.0>,\n\ninclude <tunables/global>\n\n");
        sb_printf(out, "profile %s flags=(attach_disconnected,mediate_deleted%s) {\n", run->policy->name,
                  run->policy->mode.complain ? ",complain" : "");
        if (run->policy->mode.complain)
            sb_printf(out, "  # %s mode complain: denials are logged, not enforced\n",
                      span_loc(run, run->policy->mode.span));
        sb_putn(out, aa.body.data, aa.body.len);
        sb_puts(out, "}\n");
    }
    sb_free(&aa.body);
    aa_features_unref(aa.feat);
    return ok;
}

bool backend_apparmor(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out)
{
    BackendRun run = {policy, opt, diag, policy->arena};
    return apparmor_profile(&run, out);
}
