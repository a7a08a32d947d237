/* Kubernetes: a container securityContext, a Pod, or a Security Profiles
 * Operator SeccompProfile plus the Pod that uses it (--k8s-form).
 *
 * What a securityContext cannot say itself it references: the syscall rules
 * are the Docker back end's NAME.seccomp.json (seccompProfile Localhost), the
 * filesystem and network rules the AppArmor profile named after the policy
 * (appArmorProfile Localhost). The capabilities are written out in full
 * (drop ALL, add the policy's set), so the result never depends on a
 * runtime's default set. Anything the formats cannot carry exactly is refused
 * with E09xx; the Pod Security Standards level is stated in a comment and
 * warned about (W0901/W0902) when it is below restricted.
 *
 * k8s_build decides all of that into a K8sManifest (backend/k8s_manifest.h)
 * from the Policy and the Docker back end's typed DockerProfile (the SPO
 * form's SeccompProfile is written from its entries); k8s_render writes it.
 *
 * YAML comes from libyaml's emitter: polc decides only whether a string may
 * be written plain (it must not read back as a number, boolean or null under
 * YAML 1.1, which Kubernetes' YAML reader follows); libyaml quotes. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "middle/ir.h"
#include "middle/accounts.h"
#include "backend/backend.h"
#include "backend/k8s_manifest.h"
#include "backend/k8s_parts.h"
#include "validate/validate.h"

/* The kernel's capabilities by number (CAP_LAST_CAP = 40), as Kubernetes
 * and the runtimes name them (without CAP_). */
static const char *const KCAPS[] = {
    "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
    "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
    "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
    "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
    "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG",
    "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE",
};
#define NKCAPS ((int)(sizeof KCAPS / sizeof *KCAPS))

/* What the Pod Security Standards' baseline level lets a container add. */
static const char *const BASELINE_CAPS[] = {
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT", NULL,
};

#define K8S_MAX_ID 2147483647u /* runAsUser / runAsGroup: 0 .. 2^31-1 */

static const char *const PSS_NAME[] = {"restricted", "baseline", "privileged"};

const char *pss_level_name(PssLevel level) { return level <= PSS_PRIVILEGED ? PSS_NAME[level] : "?"; }

/* A manifest being built: the back end run and its result. */
typedef struct K8s {
    const BackendRun *run;
    K8sManifest *m;
} K8s;

/* The policy's name as a DNS label (pod, container and SeccompProfile names). */
static const char *dns_label(const BackendRun *run, const char *s)
{
    char *out = arena_alloc(run->arena, 64);
    size_t n = 0;
    for (; *s && n < 63; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            c = '-';
        if (c == '-' && (n == 0 || out[n - 1] == '-'))
            continue;
        out[n++] = c;
    }
    while (n && out[n - 1] == '-')
        n--;
    out[n] = '\0';
    return n ? out : "polc";
}

/* Text for a YAML comment line: no control characters. */
static const char *comment_text(Arena *arena, const char *s)
{
    char *t = arena_strdup(arena, s ? s : "");
    for (char *p = t; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    return t;
}

/* ---- YAML through libyaml ---- */

typedef struct Y {
    yaml_emitter_t em;
    bool ok;
} Y;

static int y_write(void *data, unsigned char *buf, size_t size)
{
    sb_putn(data, (const char *)buf, size);
    return 1;
}

static void y_emit(Y *y, yaml_event_t *ev, int init_ok)
{
    if (!init_ok) {
        y->ok = false;
        return;
    }
    if (!y->ok) {
        yaml_event_delete(ev);
        return;
    }
    if (!yaml_emitter_emit(&y->em, ev)) /* the emitter owns (and frees) ev either way */
        y->ok = false;
}

/* May `s` be written as a plain scalar and still read back as this string
 * under YAML 1.1 (y/n/yes/no/on/off are booleans there) and 1.2? polc only
 * writes plain what cannot be a number, boolean or null; libyaml quotes the
 * rest and whatever else plain style cannot carry. */
static bool plain_is_string(const char *s)
{
    static const char *const special[] = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
                                          "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
                                          "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", NULL};
    if (!*s || strchr("0123456789+-.", s[0]))
        return false;
    for (const char *const *w = special; *w; w++)
        if (strcmp(s, *w) == 0)
            return false;
    return true;
}

static void y_scalar(Y *y, const char *s, bool plain_ok)
{
    yaml_event_t ev;
    int r = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), plain_ok, 1,
                                         YAML_ANY_SCALAR_STYLE);
    y_emit(y, &ev, r);
}

static void y_str(Y *y, const char *s) { y_scalar(y, s, plain_is_string(s)); }

static void y_u64(Y *y, uint64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
    y_scalar(y, buf, true);
}

static void y_bool(Y *y, bool b) { y_scalar(y, b ? "true" : "false", true); }

static void y_map(Y *y)
{
    yaml_event_t ev;
    y_emit(y, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
}

static void y_seq(Y *y, bool flow)
{
    yaml_event_t ev;
    y_emit(y, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                                         flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

static void y_map_end(Y *y)
{
    yaml_event_t ev;
    y_emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
}

static void y_seq_end(Y *y)
{
    yaml_event_t ev;
    y_emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
}

static void y_doc(Y *y, bool first)
{
    yaml_event_t ev;
    y_emit(y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, first));
}

static void y_doc_end(Y *y)
{
    yaml_event_t ev;
    y_emit(y, &ev, yaml_document_end_event_initialize(&ev, 1));
}

static void y_kv(Y *y, const char *k, const char *v)
{
    y_str(y, k);
    y_str(y, v);
}

/* ---- the model ---- */

/* Where a finding about the whole policy points: its `policy` statement, or
 * the file's start when it has none. */
static Span root_span(const BackendRun *run)
{
    return span_valid(run->policy->name_span) ? run->policy->name_span : (Span){run->policy->root_file, 0, 0};
}

static Span cap_span(const BackendRun *run, int num)
{
    for (size_t i = 0; i < run->policy->caps.adds.len; i++)
        if (run->policy->caps.adds.items[i].num == num)
            return run->policy->caps.adds.items[i].span;
    return SPAN_NONE;
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool in_list(const char *const *l, const char *s)
{
    for (; *l; l++)
        if (strcmp(*l, s) == 0)
            return true;
    return false;
}

static void reason(K8s *k, PssLevel level, Span span, const char *msg)
{
    VEC_PUSH(k->run->arena, k->m->reasons, ((K8sReason){level, span, msg}));
    if (level > k->m->level)
        k->m->level = level;
}

/* Capabilities and ids: refuse what Kubernetes cannot name or hold. */
static bool check_model(K8s *k)
{
    const BackendRun *run = k->run;
    bool ok = true;
    for (int n = 0; n < 64; n++) {
        if (!(run->policy->caps.effective & (1ull << n)))
            continue;
        if (n >= NKCAPS) {
            Span sp = cap_span(run, n);
            Diag *g = diag_error(run->diag, "E0902", span_valid(sp) ? sp : root_span(run),
                                 "capability `%s` (number %d) is not a Linux capability Kubernetes can name",
                                 cap_name(run->policy, n), n);
            diag_note(run->diag, g, SPAN_NONE, "Kubernetes passes capability names to the runtime, which knows "
                      "CHOWN (0) to CHECKPOINT_RESTORE (40)");
            ok = false;
            continue;
        }
        k->m->caps[k->m->ncaps++] = KCAPS[n];
    }
    qsort(k->m->caps, (size_t)k->m->ncaps, sizeof *k->m->caps, cmp_cstr);
    if (k->m->has_user && k->m->run_as_user > K8S_MAX_ID) {
        Diag *g = diag_error(run->diag, "E0901", run->policy->process.user_span,
                             "user id %u is above 2147483647, the largest runAsUser Kubernetes accepts", k->m->run_as_user);
        diag_help(run->diag, g, "use a user id from 0 to 2147483647");
        ok = false;
    }
    if (k->m->has_group && k->m->run_as_group > K8S_MAX_ID) {
        Diag *g = diag_error(run->diag, "E0901", run->policy->process.user_span,
                             "group id %u is above 2147483647, the largest runAsGroup Kubernetes accepts", k->m->run_as_group);
        diag_help(run->diag, g, "use a group id from 0 to 2147483647");
        ok = false;
    }
    return ok;
}

/* The Pod Security Standards (v1.25+) checks that the fields polc writes can
 * fail; polc writes nothing else that they look at (no host namespaces,
 * volumes, ports, sysctls, SELinux options or procMount). */
static void assess(K8s *k)
{
    const BackendRun *run = k->run;
    Arena *A = run->arena;
    const char *from = run->policy->caps.declared ? "" : " (Docker's default set: the policy has no `capabilities` section)";
    for (PssLevel level = PSS_PRIVILEGED; level >= PSS_BASELINE; level--) {
        StrBuf names;
        sb_init(&names);
        Span sp = SPAN_NONE;
        for (int i = 0; i < k->m->ncaps; i++) {
            const char *c = k->m->caps[i];
            PssLevel l = !in_list(BASELINE_CAPS, c) ? PSS_PRIVILEGED
                    : strcmp(c, "NET_BIND_SERVICE") != 0 ? PSS_BASELINE : PSS_RESTRICTED;
            if (l != level)
                continue;
            sb_printf(&names, "%s%s", names.len ? ", " : "", c);
            int num = 0;
            while (strcmp(KCAPS[num], c) != 0)
                num++;
            Span cs = cap_span(run, num); /* point at the first one in the source */
            if (span_valid(cs) && (!span_valid(sp) || cs.start < sp.start))
                sp = cs;
        }
        if (names.len)
            reason(k, level, sp,
                   level == PSS_PRIVILEGED
                       ? arena_printf(A, "capabilities.add has %s%s, which the baseline level forbids", names.data, from)
                       : arena_printf(A, "capabilities.add has %s%s; restricted allows only NET_BIND_SERVICE",
                                      names.data, from));
        sb_free(&names);
    }
    if (!run->policy->process.no_new_privs)
        reason(k, PSS_BASELINE, SPAN_NONE,
               "allowPrivilegeEscalation is true: the policy's `process` section has no `no-new-privileges`");
    if (!k->m->has_user)
        reason(k, PSS_BASELINE, SPAN_NONE,
               "runAsNonRoot is not set: the policy names no `user`, so the image decides who the process runs as");
    else if (k->m->run_as_user == 0)
        reason(k, PSS_BASELINE, run->policy->process.user_span, "runAsUser is 0: the container runs as root");
}

static void warn_level(K8s *k)
{
    const BackendRun *run = k->run;
    const K8sManifest *m = k->m;
    if (m->level == PSS_RESTRICTED)
        return;
    Span at = SPAN_NONE;
    for (size_t i = 0; i < m->reasons.len && !span_valid(at); i++)
        at = m->reasons.items[i].span;
    Diag *g;
    if (m->level == PSS_PRIVILEGED)
        g = diag_warning(run->diag, "W0902", span_valid(at) ? at : root_span(run),
                         "the Kubernetes securityContext meets only the Pod Security Standards' privileged level");
    else
        g = diag_warning(run->diag, "W0901", span_valid(at) ? at : root_span(run),
                         "the Kubernetes securityContext meets the Pod Security Standards' baseline level, "
                         "not restricted");
    for (size_t i = 0; i < m->reasons.len; i++) {
        Span sp = m->reasons.items[i].span; /* the warning itself already shows its span */
        bool same = span_valid(sp) && sp.file == at.file && sp.start == at.start && sp.end == at.end;
        diag_note(run->diag, g, same ? SPAN_NONE : sp, "%s", m->reasons.items[i].msg);
    }
    diag_help(run->diag, g, "restricted needs `capabilities { drop all }` (adding NET_BIND_SERVICE is allowed) and "
              "`process { user UID; no-new-privileges }` with a non-zero UID");
}

static const char *k8s_basename(const BackendRun *run) { return run->opt->basename ? run->opt->basename : "policy"; }

/* ---- the seccomp profile ---- */

static void refuse_no_seccomp(K8s *k)
{
    const BackendRun *run = k->run;
    Diag *g = diag_error(run->diag, "E0900", root_span(run),
                         "the Kubernetes output needs polc's seccomp profile `%s.seccomp.json`, which the Docker "
                         "back end refused to write",
                         k8s_basename(run));
    diag_note(run->diag, g, SPAN_NONE, "the errors above say why; a securityContext cannot carry syscall rules itself");
}

/* A rule that decides `name` somewhere, for messages about Docker entries. */
static Span syscall_span(const BackendRun *run, const char *name)
{
    for (size_t a = 0; a < run->policy->ir->arches.len; a++) {
        const IrArch *ia = &run->policy->ir->arches.items[a];
        for (size_t i = 0; i < ia->syscalls.len; i++) {
            const IrSyscall *s = &ia->syscalls.items[i];
            if (strcmp(s->name, name) != 0)
                continue;
            for (unsigned sc = 0; sc < (1u << s->ncaps); sc++)
                for (size_t c = 0; c < s->scenarios[sc].cases.len; c++)
                    if (s->scenarios[sc].cases.items[c].rules.len)
                        return run->policy->rules.items[s->scenarios[sc].cases.items[c].rules.items[0]]->span;
        }
    }
    return root_span(run);
}

static bool holds(const K8sManifest *m, const char *capname) /* "CAP_X" */
{
    if (strncmp(capname, "CAP_", 4) == 0)
        capname += 4;
    for (int i = 0; i < m->ncaps; i++)
        if (strcmp(m->caps[i], capname) == 0)
            return true;
    return false;
}

/* Does a Docker entry apply in a container holding exactly the pod's set? */
static bool entry_applies(const K8sManifest *m, const DockerEntry *e)
{
    for (size_t i = 0; i < e->inc_caps.len; i++)
        if (!holds(m, e->inc_caps.items[i]))
            return false;
    for (size_t i = 0; i < e->exc_caps.len; i++)
        if (holds(m, e->exc_caps.items[i]))
            return false;
    return true;
}

/* The SeccompProfile CRD (v1beta1) has no defaultErrnoRet, no includes or
 * excludes, and the API server keeps integers as int64. */
static bool check_spo(K8s *k)
{
    const BackendRun *run = k->run;
    const DockerProfile *dp = k->m->docker;
    bool ok = true;
    if (dp->has_default_errno_ret && dp->default_errno_ret != 1) {
        Diag *g = diag_error(run->diag, "E0903", run->policy->default_span,
                             "a Security Profiles Operator SeccompProfile cannot carry the default action `%s`",
                             action_str(run->policy, run->arena, run->policy->ir->default_action));
        diag_note(run->diag, g, SPAN_NONE, "the SeccompProfile spec has no defaultErrnoRet; runc then answers EPERM (1)");
        diag_help(run->diag, g, "use `default errno(EPERM)`, or --k8s-form pod with the Docker JSON profile");
        ok = false;
    }
    if (dp->use_arch_map) {
        Diag *g = diag_error(run->diag, "E0908",
                             span_valid(run->policy->arch_span) ? run->policy->arch_span : root_span(run),
                             "a Security Profiles Operator SeccompProfile cannot serve arches of both byte orders");
        diag_note(run->diag, g, SPAN_NONE,
                  "its spec has one `architectures` list, which runc adds to one filter, and libseccomp refuses to mix "
                  "byte orders in one filter (the Docker profile uses moby's archMap instead)");
        diag_help(run->diag, g, "compile one policy per byte order (--arch), or use --k8s-form pod");
        ok = false;
    }
    StrMap reported = {0};
    for (size_t i = 0; i < dp->entries.len; i++) {
        const DockerEntry *e = &dp->entries.items[i];
        const char *name = e->names.items[0];
        if (e->has_inc_arches) {
            ok = false;
            if (strmap_get(&reported, name))
                continue;
            strmap_put(&reported, run->arena, arena_strdup(run->arena, name), (void *)1);
            Diag *g = diag_error(run->diag, "E0904", syscall_span(run, name),
                                 "`%s` is decided differently on two architecture families, which a Security Profiles "
                                 "Operator SeccompProfile cannot express",
                                 name);
            diag_note(run->diag, g, SPAN_NONE, "a SeccompProfile entry has no `includes.arches`");
            diag_help(run->diag, g, "compile one policy per family with --arch, or use --k8s-form pod");
            continue;
        }
        if (!entry_applies(k->m, e))
            continue;
        for (size_t j = 0; j < e->args.len; j++) {
            uint64_t v = e->args.items[j].value, v2 = e->args.items[j].value_two;
            if (v > (uint64_t)INT64_MAX || v2 > (uint64_t)INT64_MAX) {
                Diag *g = diag_error(run->diag, "E0905", syscall_span(run, name),
                                     "a condition on `%s` compares with %llu, which the Kubernetes API server cannot "
                                     "store exactly",
                                     name, (unsigned long long)(v > (uint64_t)INT64_MAX ? v : v2));
                diag_note(run->diag, g, SPAN_NONE, "the API server keeps integers of custom resources as int64; "
                          "larger values become floating point and lose their low bits");
                diag_help(run->diag, g, "use --k8s-form pod, whose profile is a file on the node");
                ok = false;
                break;
            }
        }
    }
    return ok;
}

static void emit_spo_profile(const K8sManifest *m, Y *y)
{
    const DockerProfile *dp = m->docker;
    y_map(y);
    y_kv(y, "apiVersion", "security-profiles-operator.x-k8s.io/v1beta1");
    y_kv(y, "kind", "SeccompProfile");
    y_str(y, "metadata");
    y_map(y);
    y_kv(y, "name", m->name);
    y_kv(y, "namespace", m->namespace_);
    y_map_end(y);
    y_str(y, "spec");
    y_map(y);
    y_kv(y, "defaultAction", dp->default_action_name);
    y_str(y, "architectures");
    y_seq(y, true);
    for (size_t i = 0; i < dp->architectures.len; i++)
        y_str(y, dp->architectures.items[i]);
    y_seq_end(y);
    size_t n = 0;
    for (size_t i = 0; i < dp->entries.len; i++)
        n += entry_applies(m, &dp->entries.items[i]);
    if (n) {
        y_str(y, "syscalls");
        y_seq(y, false);
        for (size_t i = 0; i < dp->entries.len; i++) {
            const DockerEntry *e = &dp->entries.items[i];
            if (!entry_applies(m, e))
                continue;
            y_map(y);
            y_kv(y, "action", e->action_name);
            y_str(y, "names");
            y_seq(y, false);
            for (size_t j = 0; j < e->names.len; j++)
                y_str(y, e->names.items[j]);
            y_seq_end(y);
            if (e->has_errno_ret) {
                char buf[32]; /* a string in the v1beta1 CRD */
                snprintf(buf, sizeof buf, "%llu", (unsigned long long)e->errno_ret);
                y_str(y, "errnoRet");
                y_scalar(y, buf, false);
            }
            if (e->args.len) {
                y_str(y, "args");
                y_seq(y, false);
                for (size_t j = 0; j < e->args.len; j++) {
                    const DockerArg *a = &e->args.items[j];
                    y_map(y);
                    y_str(y, "index");
                    y_u64(y, a->index);
                    y_str(y, "value");
                    y_u64(y, a->value);
                    y_str(y, "valueTwo");
                    y_u64(y, a->value_two);
                    y_kv(y, "op", a->op);
                    y_map_end(y);
                }
                y_seq_end(y);
            }
            y_map_end(y);
        }
        y_seq_end(y);
    }
    y_map_end(y);
    y_map_end(y);
}

/* ---- securityContext and Pod ---- */

static void emit_security_context(const K8sManifest *m, Y *y)
{
    y_map(y);
    y_str(y, "allowPrivilegeEscalation");
    y_bool(y, m->allow_privilege_escalation);
    y_str(y, "privileged");
    y_bool(y, false);
    y_str(y, "readOnlyRootFilesystem");
    y_bool(y, m->read_only_root_filesystem);
    if (m->has_user) {
        y_str(y, "runAsNonRoot");
        y_bool(y, m->run_as_non_root);
        y_str(y, "runAsUser");
        y_u64(y, m->run_as_user);
    }
    if (m->has_group) {
        y_str(y, "runAsGroup");
        y_u64(y, m->run_as_group);
    }
    y_str(y, "capabilities");
    y_map(y);
    y_str(y, "drop");
    y_seq(y, true);
    y_str(y, "ALL");
    y_seq_end(y);
    if (m->ncaps) {
        y_str(y, "add");
        y_seq(y, true);
        for (int i = 0; i < m->ncaps; i++)
            y_str(y, m->caps[i]);
        y_seq_end(y);
    }
    y_map_end(y);
    y_str(y, "seccompProfile");
    y_map(y);
    y_kv(y, "type", "Localhost");
    y_kv(y, "localhostProfile", m->seccomp_profile);
    y_map_end(y);
    y_str(y, "appArmorProfile");
    y_map(y);
    y_kv(y, "type", "Localhost");
    y_kv(y, "localhostProfile", m->apparmor_profile);
    y_map_end(y);
    y_map_end(y);
}

/* resources.limits: the kubelet makes them the container's cgroup limits */
static void emit_resources(const K8sManifest *m, Y *y)
{
    if (!m->limit_cpu && !m->limit_memory)
        return;
    y_str(y, "resources");
    y_map(y);
    y_str(y, "limits");
    y_map(y);
    if (m->limit_cpu)
        y_kv(y, "cpu", m->limit_cpu);
    if (m->limit_memory)
        y_kv(y, "memory", m->limit_memory);
    y_map_end(y);
    y_map_end(y);
}

static void emit_pod(const K8sManifest *m, Y *y, const char *ns)
{
    Arena *A = m->arena;
    y_map(y);
    y_kv(y, "apiVersion", "v1");
    y_kv(y, "kind", "Pod");
    y_str(y, "metadata");
    y_map(y);
    y_kv(y, "name", m->name);
    if (ns)
        y_kv(y, "namespace", ns);
    /* Kubernetes before 1.30 (AppArmor) and 1.19 (seccomp), and podman kube
     * play, read these; newer API servers check that they match the fields */
    y_str(y, "annotations");
    y_map(y);
    y_kv(y, arena_printf(A, "container.apparmor.security.beta.kubernetes.io/%s", m->name),
         arena_printf(A, "localhost/%s", m->apparmor_profile));
    y_kv(y, arena_printf(A, "container.seccomp.security.alpha.kubernetes.io/%s", m->name),
         arena_printf(A, "localhost/%s", m->seccomp_profile));
    y_map_end(y);
    y_map_end(y);
    y_str(y, "spec");
    y_map(y);
    y_str(y, "containers");
    y_seq(y, false);
    y_map(y);
    y_kv(y, "name", m->name);
    y_kv(y, "image", m->image);
    emit_resources(m, y);
    y_str(y, "securityContext");
    emit_security_context(m, y);
    if (m->volumes.len) {
        y_str(y, "volumeMounts");
        y_seq(y, false);
        for (size_t i = 0; i < m->volumes.len; i++) {
            y_map(y);
            y_kv(y, "name", m->volumes.items[i].name);
            y_kv(y, "mountPath", m->volumes.items[i].mount_path);
            y_map_end(y);
        }
        y_seq_end(y);
    }
    y_map_end(y);
    y_seq_end(y);
    if (m->volumes.len) {
        y_str(y, "volumes");
        y_seq(y, false);
        for (size_t i = 0; i < m->volumes.len; i++) {
            y_map(y);
            y_kv(y, "name", m->volumes.items[i].name);
            y_str(y, "emptyDir");
            y_map(y);
            y_map_end(y);
            y_map_end(y);
        }
        y_seq_end(y);
    }
    y_map_end(y);
    y_map_end(y);
}

static void header(const K8sManifest *m, StrBuf *out)
{
    Arena *A = m->arena;
    static const char *const what[] = {"container securityContext", "Pod",
                                       "Security Profiles Operator SeccompProfile and the Pod that uses it"};
    sb_printf(out, "# Kubernetes %s for policy `%s` (%s.pol), written by polc.\n", what[m->form],
              comment_text(A, m->policy_name), comment_text(A, m->basename));
    sb_printf(out, "# Pod Security Standards: %s.", pss_level_name(m->level));
    if (m->level != PSS_RESTRICTED) {
        sb_puts(out, " Not restricted:\n");
        for (size_t i = 0; i < m->reasons.len; i++)
            sb_printf(out, "#   - %s\n", comment_text(A, m->reasons.items[i].msg));
    } else {
        sb_putc(out, '\n');
    }
    if (m->form == K8S_SPO)
        sb_printf(out, "# Seccomp: the SeccompProfile below, which the operator installs as <kubelet root>/seccomp/%s.\n"
                       "#   It is polc's %s.seccomp.json with its capability conditions decided for this Pod's\n"
                       "#   capability set; do not reuse it for containers with other capabilities.\n",
                  comment_text(A, m->seccomp_profile), comment_text(A, m->basename));
    else
        sb_printf(out, "# Seccomp: install polc's %s.seccomp.json on every node as <kubelet root>/seccomp/%s.\n",
                  comment_text(A, m->basename), comment_text(A, m->seccomp_profile));
    sb_printf(out, "# AppArmor: load polc's profile `%s` on every node: it carries the policy's filesystem and\n"
                   "#   network rules, which a securityContext cannot express.\n",
              comment_text(A, m->apparmor_profile));
    if (!m->caps_declared)
        sb_puts(out, "# Capabilities: the policy has no `capabilities` section, so this is Docker's default set,\n"
                     "#   written out so that no runtime's own default applies.\n");
    if (m->ncaps && m->has_user && m->run_as_user != 0)
        sb_puts(out, "# Capabilities are the container's bounding set. With a non-zero runAsUser, containerd and\n"
                     "#   CRI-O start the process without effective capabilities (file capabilities can raise\n"
                     "#   them up to this set); podman kube play grants them as ambient capabilities.\n");
    if (m->node.len) {
        sb_puts(out, "# Resources the nodes enforce (--k8s-node-limits): a Pod cannot say them per container.\n");
        for (size_t i = 0; i < m->node.len; i++)
            sb_printf(out, "#   - %s: %s\n", comment_text(A, m->node.items[i].entry),
                      comment_text(A, m->node.items[i].setting));
    }
    if (m->volumes.len && m->form == K8S_SNIPPET) {
        sb_puts(out, "# Writable paths under the read-only root: the Pod must mount a volume (emptyDir) on each:\n");
        for (size_t i = 0; i < m->volumes.len; i++)
            sb_printf(out, "#   - %s (for %s)\n", comment_text(A, m->volumes.items[i].mount_path),
                      comment_text(A, m->volumes.items[i].rule));
    }
    if (m->volumes.len && m->form != K8S_SNIPPET)
        sb_puts(out, "# Volumes: an emptyDir on each directory the policy writes under the read-only root; use a\n"
                     "#   persistentVolumeClaim instead where the data must outlive the Pod.\n");
    if (m->unwritable.len) {
        sb_printf(out, "# Write paths %s no volume for (not a directory with all beneath it): under the\n"
                       "#   read-only root the program cannot write them:",
                  m->form == K8S_SNIPPET ? "polc can name" : "the Pod mounts");
        for (size_t i = 0; i < m->unwritable.len; i++)
            sb_printf(out, " %s", comment_text(A, m->unwritable.items[i]));
        sb_putc(out, '\n');
    }
}

static bool build_manifest(const BackendRun *run, const DockerProfile *docker, K8sManifest *m)
{
    K8s k = {run, m};
    const Policy *pol = run->policy;
    m->form = run->opt->k8s_form;
    m->arena = run->arena;
    m->root_file = pol->root_file;
    m->policy_name = pol->name;
    m->basename = k8s_basename(run);
    m->name = dns_label(run, pol->name ? pol->name : k8s_basename(run));
    m->namespace_ = run->opt->k8s_namespace ? run->opt->k8s_namespace : "default";
    m->image = run->opt->k8s_image;
    if (m->form == K8S_SPO)
        m->seccomp_profile = arena_printf(run->arena, "operator/%s/%s.json", m->namespace_, m->name);
    else if (run->opt->k8s_profile_dir && *run->opt->k8s_profile_dir)
        m->seccomp_profile = arena_printf(run->arena, "%s/%s.seccomp.json", run->opt->k8s_profile_dir, k8s_basename(run));
    else
        m->seccomp_profile = arena_printf(run->arena, "%s.seccomp.json", k8s_basename(run));
    m->apparmor_profile = pol->name;
    m->docker = docker;
    m->allow_privilege_escalation = !pol->process.no_new_privs;
    m->read_only_root_filesystem = pol->fs.read_only_root;
    /* runAsUser/runAsGroup are numbers: a name is looked up in the image
     * (--image-root); `user U` has group U, as in every other output */
    AccountIds ids;
    bool ids_ok = accounts_numeric(pol, run->opt->image_root, "Kubernetes manifest", NULL, run->diag, &ids);
    m->has_user = ids.has_user;
    m->run_as_non_root = ids.uid != 0;
    m->run_as_user = ids.uid;
    m->has_group = ids.has_group;
    m->run_as_group = ids.gid;
    m->caps_declared = pol->caps.declared;
    m->level = PSS_RESTRICTED;

    bool ok = check_model(&k) && ids_ok;
    if (m->form != K8S_SNIPPET && !m->image) {
        /* a made-up image would be pulled, fail, and look like polc's fault */
        Diag *g = diag_error(run->diag, "E0920", root_span(run), "the Kubernetes %s form writes a Pod, which needs "
                             "--k8s-image", m->form == K8S_POD ? "pod" : "spo");
        diag_help(run->diag, g, "give the container's image: --k8s-image registry.example/app:1.0, or use "
                                "--k8s-form snippet for the securityContext alone");
        ok = false;
    }
    ok &= k8s_resources_build(run, m);
    k8s_volumes_build(run, m);
    if (!docker) {
        refuse_no_seccomp(&k);
        ok = false;
    }
    if (ok && m->form == K8S_SPO)
        ok = check_spo(&k);
    if (!ok)
        return false;
    assess(&k);
    warn_level(&k);
    return true;
}

bool k8s_build(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, const DockerProfile *docker,
               K8sManifest *out)
{
    BackendRun run = {policy, opt, diag, policy->arena};
    *out = (K8sManifest){0};
    return build_manifest(&run, docker, out);
}

bool k8s_render(const K8sManifest *m, DiagEngine *diag, StrBuf *out)
{
    Span root = {m->root_file, 0, 0};
    header(m, out);
    Y y = {.ok = true};
    yaml_event_t ev;
    if (!yaml_emitter_initialize(&y.em)) {
        diag_error(diag, "E0907", root, "libyaml could not start its emitter");
        return false;
    }
    yaml_emitter_set_output(&y.em, y_write, out);
    yaml_emitter_set_indent(&y.em, 2);
    yaml_emitter_set_width(&y.em, -1);
    yaml_emitter_set_unicode(&y.em, 1);
    y_emit(&y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    y_doc(&y, true);
    switch (m->form) {
    case K8S_SNIPPET:
        y_map(&y);
        emit_resources(m, &y);
        y_str(&y, "securityContext");
        emit_security_context(m, &y);
        y_map_end(&y);
        break;
    case K8S_POD:
        emit_pod(m, &y, NULL);
        break;
    default:
        emit_spo_profile(m, &y);
        y_doc_end(&y);
        y_doc(&y, false);
        emit_pod(m, &y, m->namespace_);
        break;
    }
    y_doc_end(&y);
    y_emit(&y, &ev, yaml_stream_end_event_initialize(&ev));
    if (y.ok && !yaml_emitter_flush(&y.em))
        y.ok = false;
    if (!y.ok)
        diag_error(diag, "E0907", root, "libyaml could not write the Kubernetes YAML: %s",
                   y.em.problem ? y.em.problem : "unknown error");
    yaml_emitter_delete(&y.em);
    return y.ok;
}

bool backend_k8s(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, const DockerProfile *docker,
                 StrBuf *out)
{
    K8sManifest m;
    return k8s_build(policy, opt, diag, docker, &m) && k8s_render(&m, diag, out);
}
