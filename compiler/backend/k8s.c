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
 * YAML comes from libyaml's emitter: polc decides only whether a string may
 * be written plain (it must not read back as a number, boolean or null under
 * YAML 1.1, which Kubernetes' YAML reader follows); libyaml quotes. */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "middle/ir.h"
#include "backend/backend.h"
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

enum { PSS_RESTRICTED, PSS_BASELINE, PSS_PRIVILEGED };
static const char *const PSS_NAME[] = {"restricted", "baseline", "privileged"};

typedef struct Reason {
    int level; /* the level this reason lowers the result to */
    Span span;
    const char *msg;
} Reason;

typedef struct K8s {
    const BackendRun *run;
    const char *name;        /* pod and container name: a DNS label */
    const char *seccomp;     /* localhostProfile of the seccomp profile */
    int ncaps;
    const char *caps[64];    /* sorted names */
    int level;
    VEC(Reason) reasons;
    json_object *spo;        /* SPO form: the Docker profile, parsed */
} K8s;

/* ---- options ---- */



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
static const char *comment_text(const BackendRun *run, const char *s)
{
    char *t = arena_strdup(run->arena, s ? s : "");
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

static Span root_span(const BackendRun *run) { return (Span){run->policy->root_file, 0, 0}; }

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

static void reason(K8s *k, int level, Span span, const char *msg)
{
    VEC_PUSH(k->run->arena, k->reasons, ((Reason){level, span, msg}));
    if (level > k->level)
        k->level = level;
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
        k->caps[k->ncaps++] = KCAPS[n];
    }
    qsort(k->caps, (size_t)k->ncaps, sizeof *k->caps, cmp_cstr);
    if (run->policy->process.has_user && run->policy->process.uid > K8S_MAX_ID) {
        Diag *g = diag_error(run->diag, "E0901", run->policy->process.user_span,
                             "user id %u is above 2147483647, the largest runAsUser Kubernetes accepts", run->policy->process.uid);
        diag_help(run->diag, g, "use a user id from 0 to 2147483647");
        ok = false;
    }
    if (run->policy->process.has_gid && run->policy->process.gid > K8S_MAX_ID) {
        Diag *g = diag_error(run->diag, "E0901", run->policy->process.user_span,
                             "group id %u is above 2147483647, the largest runAsGroup Kubernetes accepts", run->policy->process.gid);
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
    for (int level = PSS_PRIVILEGED; level >= PSS_BASELINE; level--) {
        StrBuf names;
        sb_init(&names);
        Span sp = SPAN_NONE;
        for (int i = 0; i < k->ncaps; i++) {
            const char *c = k->caps[i];
            int l = !in_list(BASELINE_CAPS, c) ? PSS_PRIVILEGED
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
    if (!run->policy->process.has_user)
        reason(k, PSS_BASELINE, SPAN_NONE,
               "runAsNonRoot is not set: the policy names no `user`, so the image decides who the process runs as");
    else if (run->policy->process.uid == 0)
        reason(k, PSS_BASELINE, run->policy->process.user_span, "runAsUser is 0: the container runs as root");
}

static void warn_level(K8s *k)
{
    const BackendRun *run = k->run;
    if (k->level == PSS_RESTRICTED)
        return;
    Span at = SPAN_NONE;
    for (size_t i = 0; i < k->reasons.len && !span_valid(at); i++)
        at = k->reasons.items[i].span;
    Diag *g;
    if (k->level == PSS_PRIVILEGED)
        g = diag_warning(run->diag, "W0902", span_valid(at) ? at : root_span(run),
                         "the Kubernetes securityContext meets only the Pod Security Standards' privileged level");
    else
        g = diag_warning(run->diag, "W0901", span_valid(at) ? at : root_span(run),
                         "the Kubernetes securityContext meets the Pod Security Standards' baseline level, "
                         "not restricted");
    for (size_t i = 0; i < k->reasons.len; i++) {
        Span sp = k->reasons.items[i].span; /* the warning itself already shows its span */
        bool same = span_valid(sp) && sp.file == at.file && sp.start == at.start && sp.end == at.end;
        diag_note(run->diag, g, same ? SPAN_NONE : sp, "%s", k->reasons.items[i].msg);
    }
    diag_help(run->diag, g, "restricted needs `capabilities { drop all }` (adding NET_BIND_SERVICE is allowed) and "
              "`process { user UID; no-new-privileges }` with a non-zero UID");
}

static const char *k8s_basename(const BackendRun *run) { return run->opt->basename ? run->opt->basename : "policy"; }

/* ---- the seccomp profile ---- */

/* The securityContext references the Docker back end's profile, which must
 * exist; the SPO form embeds it. */
static bool need_docker(K8s *k, const char *docker_json, bool want_json)
{
    if (!docker_json)
        return false;
    if (want_json) {
        k->spo = json_tokener_parse(docker_json);
        return k->spo != NULL;
    }
    return true;
}

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

static json_object *jget(json_object *o, const char *key)
{
    json_object *v = NULL;
    return o && json_object_object_get_ex(o, key, &v) ? v : NULL;
}

static bool holds(const K8s *k, const char *capname) /* "CAP_X" */
{
    if (strncmp(capname, "CAP_", 4) == 0)
        capname += 4;
    for (int i = 0; i < k->ncaps; i++)
        if (strcmp(k->caps[i], capname) == 0)
            return true;
    return false;
}

/* Does a Docker entry apply in a container holding exactly the pod's set? */
static bool entry_applies(const K8s *k, json_object *e)
{
    json_object *inc = jget(jget(e, "includes"), "caps"), *exc = jget(jget(e, "excludes"), "caps");
    for (size_t i = 0; inc && i < json_object_array_length(inc); i++)
        if (!holds(k, json_object_get_string(json_object_array_get_idx(inc, i))))
            return false;
    for (size_t i = 0; exc && i < json_object_array_length(exc); i++)
        if (holds(k, json_object_get_string(json_object_array_get_idx(exc, i))))
            return false;
    return true;
}

/* The SeccompProfile CRD (v1beta1) has no defaultErrnoRet, no includes or
 * excludes, and the API server keeps integers as int64. */
static bool check_spo(K8s *k)
{
    const BackendRun *run = k->run;
    bool ok = true;
    json_object *dret = jget(k->spo, "defaultErrnoRet");
    if (dret && json_object_get_uint64(dret) != 1) {
        Diag *g = diag_error(run->diag, "E0903", run->policy->default_span,
                             "a Security Profiles Operator SeccompProfile cannot carry the default action `%s`",
                             action_str(run->policy, run->arena, run->policy->ir->default_action));
        diag_note(run->diag, g, SPAN_NONE, "the SeccompProfile spec has no defaultErrnoRet; runc then answers EPERM (1)");
        diag_help(run->diag, g, "use `default errno(EPERM)`, or --k8s-form pod with the Docker JSON profile");
        ok = false;
    }
    if (jget(k->spo, "archMap")) {
        Diag *g = diag_error(run->diag, "E0908", root_span(run),
                             "a Security Profiles Operator SeccompProfile cannot serve arches of both byte orders");
        diag_note(run->diag, g, SPAN_NONE,
                  "its spec has one `architectures` list, which runc adds to one filter, and libseccomp refuses to mix "
                  "byte orders in one filter (the Docker profile uses moby's archMap instead)");
        diag_help(run->diag, g, "compile one policy per byte order (--arch), or use --k8s-form pod");
        ok = false;
    }
    json_object *calls = jget(k->spo, "syscalls");
    StrMap reported = {0};
    for (size_t i = 0; calls && i < json_object_array_length(calls); i++) {
        json_object *e = json_object_array_get_idx(calls, i);
        const char *name = json_object_get_string(json_object_array_get_idx(jget(e, "names"), 0));
        if (jget(jget(e, "includes"), "arches")) {
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
        if (!entry_applies(k, e))
            continue;
        json_object *args = jget(e, "args");
        for (size_t j = 0; args && j < json_object_array_length(args); j++) {
            json_object *a = json_object_array_get_idx(args, j);
            uint64_t v = json_object_get_uint64(jget(a, "value")), v2 = json_object_get_uint64(jget(a, "valueTwo"));
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

static void emit_spo_profile(K8s *k, Y *y, const char *ns)
{
    y_map(y);
    y_kv(y, "apiVersion", "security-profiles-operator.x-k8s.io/v1beta1");
    y_kv(y, "kind", "SeccompProfile");
    y_str(y, "metadata");
    y_map(y);
    y_kv(y, "name", k->name);
    y_kv(y, "namespace", ns);
    y_map_end(y);
    y_str(y, "spec");
    y_map(y);
    y_kv(y, "defaultAction", json_object_get_string(jget(k->spo, "defaultAction")));
    json_object *arches = jget(k->spo, "architectures");
    y_str(y, "architectures");
    y_seq(y, true);
    for (size_t i = 0; i < json_object_array_length(arches); i++)
        y_str(y, json_object_get_string(json_object_array_get_idx(arches, i)));
    y_seq_end(y);
    json_object *calls = jget(k->spo, "syscalls");
    size_t n = 0;
    for (size_t i = 0; calls && i < json_object_array_length(calls); i++)
        n += entry_applies(k, json_object_array_get_idx(calls, i));
    if (n) {
        y_str(y, "syscalls");
        y_seq(y, false);
        for (size_t i = 0; i < json_object_array_length(calls); i++) {
            json_object *e = json_object_array_get_idx(calls, i);
            if (!entry_applies(k, e))
                continue;
            y_map(y);
            y_kv(y, "action", json_object_get_string(jget(e, "action")));
            json_object *names = jget(e, "names");
            y_str(y, "names");
            y_seq(y, false);
            for (size_t j = 0; j < json_object_array_length(names); j++)
                y_str(y, json_object_get_string(json_object_array_get_idx(names, j)));
            y_seq_end(y);
            json_object *er = jget(e, "errnoRet");
            if (er) {
                char buf[32]; /* a string in the v1beta1 CRD */
                snprintf(buf, sizeof buf, "%llu", (unsigned long long)json_object_get_uint64(er));
                y_str(y, "errnoRet");
                y_scalar(y, buf, false);
            }
            json_object *args = jget(e, "args");
            if (args) {
                y_str(y, "args");
                y_seq(y, false);
                for (size_t j = 0; j < json_object_array_length(args); j++) {
                    json_object *a = json_object_array_get_idx(args, j);
                    y_map(y);
                    y_str(y, "index");
                    y_u64(y, json_object_get_uint64(jget(a, "index")));
                    y_str(y, "value");
                    y_u64(y, json_object_get_uint64(jget(a, "value")));
                    y_str(y, "valueTwo");
                    y_u64(y, json_object_get_uint64(jget(a, "valueTwo")));
                    y_kv(y, "op", json_object_get_string(jget(a, "op")));
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

static void emit_security_context(K8s *k, Y *y)
{
    const BackendRun *run = k->run;
    y_map(y);
    y_str(y, "allowPrivilegeEscalation");
    y_bool(y, !run->policy->process.no_new_privs);
    y_str(y, "privileged");
    y_bool(y, false);
    y_str(y, "readOnlyRootFilesystem");
    y_bool(y, run->policy->fs.read_only_root);
    if (run->policy->process.has_user) {
        y_str(y, "runAsNonRoot");
        y_bool(y, run->policy->process.uid != 0);
        y_str(y, "runAsUser");
        y_u64(y, run->policy->process.uid);
    }
    if (run->policy->process.has_gid) {
        y_str(y, "runAsGroup");
        y_u64(y, run->policy->process.gid);
    }
    y_str(y, "capabilities");
    y_map(y);
    y_str(y, "drop");
    y_seq(y, true);
    y_str(y, "ALL");
    y_seq_end(y);
    if (k->ncaps) {
        y_str(y, "add");
        y_seq(y, true);
        for (int i = 0; i < k->ncaps; i++)
            y_str(y, k->caps[i]);
        y_seq_end(y);
    }
    y_map_end(y);
    y_str(y, "seccompProfile");
    y_map(y);
    y_kv(y, "type", "Localhost");
    y_kv(y, "localhostProfile", k->seccomp);
    y_map_end(y);
    y_str(y, "appArmorProfile");
    y_map(y);
    y_kv(y, "type", "Localhost");
    y_kv(y, "localhostProfile", run->policy->name);
    y_map_end(y);
    y_map_end(y);
}

static void emit_pod(K8s *k, Y *y, const char *ns)
{
    const BackendRun *run = k->run;
    Arena *A = run->arena;
    y_map(y);
    y_kv(y, "apiVersion", "v1");
    y_kv(y, "kind", "Pod");
    y_str(y, "metadata");
    y_map(y);
    y_kv(y, "name", k->name);
    if (ns)
        y_kv(y, "namespace", ns);
    /* Kubernetes before 1.30 (AppArmor) and 1.19 (seccomp), and podman kube
     * play, read these; newer API servers check that they match the fields */
    y_str(y, "annotations");
    y_map(y);
    y_kv(y, arena_printf(A, "container.apparmor.security.beta.kubernetes.io/%s", k->name),
         arena_printf(A, "localhost/%s", run->policy->name));
    y_kv(y, arena_printf(A, "container.seccomp.security.alpha.kubernetes.io/%s", k->name),
         arena_printf(A, "localhost/%s", k->seccomp));
    y_map_end(y);
    y_map_end(y);
    y_str(y, "spec");
    y_map(y);
    y_str(y, "containers");
    y_seq(y, false);
    y_map(y);
    y_kv(y, "name", k->name);
    y_kv(y, "image", run->opt->k8s_image ? run->opt->k8s_image : arena_printf(A, "example.invalid/%s:latest", k->name));
    y_str(y, "securityContext");
    emit_security_context(k, y);
    y_map_end(y);
    y_seq_end(y);
    y_map_end(y);
    y_map_end(y);
}

static void header(K8s *k, StrBuf *out)
{
    const BackendRun *run = k->run;
    static const char *const what[] = {"container securityContext", "Pod",
                                       "Security Profiles Operator SeccompProfile and the Pod that uses it"};
    sb_printf(out, "# Kubernetes %s for policy `%s` (%s.pol), written by polc.\n", what[run->opt->k8s_form],
              comment_text(run, run->policy->name), comment_text(run, k8s_basename(run)));
    sb_printf(out, "# Pod Security Standards: %s.", PSS_NAME[k->level]);
    if (k->level != PSS_RESTRICTED) {
        sb_puts(out, " Not restricted:\n");
        for (size_t i = 0; i < k->reasons.len; i++)
            sb_printf(out, "#   - %s\n", comment_text(run, k->reasons.items[i].msg));
    } else {
        sb_putc(out, '\n');
    }
    if (run->opt->k8s_form == K8S_SPO)
        sb_printf(out, "# Seccomp: the SeccompProfile below, which the operator installs as <kubelet root>/seccomp/%s.\n"
                       "#   It is polc's %s.seccomp.json with its capability conditions decided for this Pod's\n"
                       "#   capability set; do not reuse it for containers with other capabilities.\n",
                  comment_text(run, k->seccomp), comment_text(run, k8s_basename(run)));
    else
        sb_printf(out, "# Seccomp: install polc's %s.seccomp.json on every node as <kubelet root>/seccomp/%s.\n",
                  comment_text(run, k8s_basename(run)), comment_text(run, k->seccomp));
    sb_printf(out, "# AppArmor: load polc's profile `%s` on every node: it carries the policy's filesystem and\n"
                   "#   network rules, which a securityContext cannot express.\n",
              comment_text(run, run->policy->name));
    if (!run->policy->caps.declared)
        sb_puts(out, "# Capabilities: the policy has no `capabilities` section, so this is Docker's default set,\n"
                     "#   written out so that no runtime's own default applies.\n");
    if (k->ncaps && run->policy->process.has_user && run->policy->process.uid != 0)
        sb_puts(out, "# Capabilities are the container's bounding set. With a non-zero runAsUser, containerd and\n"
                     "#   CRI-O start the process without effective capabilities (file capabilities can raise\n"
                     "#   them up to this set); podman kube play grants them as ambient capabilities.\n");
}

static bool k8s_manifest(const BackendRun *run, const char *docker_json, StrBuf *out)
{
    K8s k = {.run = run};
    k.name = dns_label(run, run->policy->name ? run->policy->name : k8s_basename(run));
    const char *ns = run->opt->k8s_namespace ? run->opt->k8s_namespace : "default";
    if (run->opt->k8s_form == K8S_SPO)
        k.seccomp = arena_printf(run->arena, "operator/%s/%s.json", ns, k.name);
    else if (run->opt->k8s_profile_dir && *run->opt->k8s_profile_dir)
        k.seccomp = arena_printf(run->arena, "%s/%s.seccomp.json", run->opt->k8s_profile_dir, k8s_basename(run));
    else
        k.seccomp = arena_printf(run->arena, "%s.seccomp.json", k8s_basename(run));

    bool ok = check_model(&k);
    if (!need_docker(&k, docker_json, run->opt->k8s_form == K8S_SPO)) {
        if (!docker_json)
            refuse_no_seccomp(&k);
        ok = false;
    }
    if (ok && run->opt->k8s_form == K8S_SPO)
        ok = check_spo(&k);
    if (!ok) {
        if (k.spo)
            json_object_put(k.spo);
        return false;
    }
    assess(&k);
    warn_level(&k);

    header(&k, out);
    Y y = {.ok = true};
    yaml_event_t ev;
    if (!yaml_emitter_initialize(&y.em)) {
        diag_error(run->diag, "E0907", root_span(run), "libyaml could not start its emitter");
        if (k.spo)
            json_object_put(k.spo);
        return false;
    }
    yaml_emitter_set_output(&y.em, y_write, out);
    yaml_emitter_set_indent(&y.em, 2);
    yaml_emitter_set_width(&y.em, -1);
    yaml_emitter_set_unicode(&y.em, 1);
    y_emit(&y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    y_doc(&y, true);
    switch (run->opt->k8s_form) {
    case 0:
        y_map(&y);
        y_str(&y, "securityContext");
        emit_security_context(&k, &y);
        y_map_end(&y);
        break;
    case 1:
        emit_pod(&k, &y, NULL);
        break;
    default:
        emit_spo_profile(&k, &y, ns);
        y_doc_end(&y);
        y_doc(&y, false);
        emit_pod(&k, &y, ns);
        break;
    }
    y_doc_end(&y);
    y_emit(&y, &ev, yaml_stream_end_event_initialize(&ev));
    if (y.ok && !yaml_emitter_flush(&y.em))
        y.ok = false;
    if (!y.ok)
        diag_error(run->diag, "E0907", root_span(run), "libyaml could not write the Kubernetes YAML: %s",
                   y.em.problem ? y.em.problem : "unknown error");
    yaml_emitter_delete(&y.em);
    if (k.spo)
        json_object_put(k.spo);
    return y.ok;
}

bool backend_k8s(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, const char *docker_json,
                 StrBuf *out)
{
    BackendRun run = {policy, opt, diag, policy->arena};
    return k8s_manifest(&run, docker_json, out);
}
