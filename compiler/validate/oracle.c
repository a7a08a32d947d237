/* libseccomp oracle: Docker/moby seccomp JSON -> the BPF runc loads. See oracle.h.
 *
 * References (behaviour reproduced, code not copied):
 *   moby/profiles seccomp/seccomp_linux.go, seccomp.go, kernel_linux.go
 *   opencontainers/runc libcontainer/specconv/spec_linux.go SetupSeccomp
 *   opencontainers/runc libcontainer/seccomp/seccomp_linux.go InitSeccomp, matchCall, getAction
 *   opencontainers/runc libcontainer/seccomp/patchbpf/enosys_linux.go
 *   seccomp/libseccomp-golang (NewFilter, AddRule/AddRuleConditional -> seccomp_rule_add_array) */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "validate/oracle.h"

#include <ctype.h>
#include <errno.h>
#include <json-c/json.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/audit.h>

const char *const oracle_docker_default_caps[] = {
    "CAP_CHOWN",  "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",           "CAP_MKNOD",
    "CAP_NET_RAW", "CAP_SETGID",      "CAP_SETUID", "CAP_SETFCAP",          "CAP_SETPCAP",
    "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE", NULL,
};

/* One rule as runc hands it to libseccomp, kept for oracle_profile_says. */
typedef struct SaidRule {
    char *name;
    uint32_t action; /* SCMP_ACT_* */
    int any;         /* runc's OR: several conditions on one argument */
    size_t order;    /* position in the profile */
    size_t ncond;
    struct scmp_arg_cmp cond[64];
} SaidRule;

/* oracle_load_json_optimize's level for oracle_load_rules */
#define ORACLE_RULES_ONLY (-1)

struct OracleFilter {
    SaidRule *said;
    size_t nsaid, capsaid;
    uint32_t def_action;
    struct sock_filter *prog;
    size_t len;
    size_t stub_len;
    char **skipped;
    size_t nskipped;
    size_t redundant;
    uint32_t arches[32];
    size_t narches;
};

/* ------------------------------------------------------------------ */
/* small utilities                                                     */

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (!err || errlen == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* encoding/json matches object keys case-insensitively. */
static json_object *jget(json_object *obj, const char *key)
{
    json_object *exact = NULL, *fold = NULL;
    if (!obj || !json_object_is_type(obj, json_type_object))
        return NULL;
    json_object_object_foreach(obj, k, v)
    {
        if (strcmp(k, key) == 0)
            exact = v;
        else if (strcasecmp(k, key) == 0)
            fold = v;
    }
    return exact ? exact : fold;
}

static int is_null(json_object *o) { return o == NULL || json_object_is_type(o, json_type_null); }

/* JSON string or null ("" for null) */
static int jstr(json_object *o, const char **out)
{
    *out = NULL; /* callers print it on failure */
    if (is_null(o)) {
        *out = "";
        return 0;
    }
    if (!json_object_is_type(o, json_type_string))
        return -1;
    *out = json_object_get_string(o);
    return 0;
}

/* JSON unsigned integer (Go: uint / uint64). */
static int juint(json_object *o, uint64_t *out)
{
    if (!json_object_is_type(o, json_type_int))
        return -1;
    if (json_object_get_int64(o) < 0 && json_object_get_uint64(o) <= (uint64_t)INT64_MAX)
        return -1;
    errno = 0;
    *out = json_object_get_uint64(o);
    return errno ? -1 : 0;
}

/* array (or null: 0 elements); returns -1 on wrong type */
static int jarr(json_object *o, size_t *n)
{
    if (is_null(o)) {
        *n = 0;
        return 0;
    }
    if (!json_object_is_type(o, json_type_array))
        return -1;
    *n = json_object_array_length(o);
    return 0;
}

/* ------------------------------------------------------------------ */
/* architectures                                                       */

typedef struct {
    uint32_t token;
    const char *scmp;   /* OCI/moby spelling */
    const char *lib;    /* libseccomp spelling */
    const char *goarch; /* moby goToNative[GOARCH] for a host of this arch ("" if none) */
} ArchInfo;

static const ArchInfo arch_table[] = {
    {SCMP_ARCH_X86, "SCMP_ARCH_X86", "x86", "x86"},
    {SCMP_ARCH_X86_64, "SCMP_ARCH_X86_64", "x86_64", "amd64"},
    {SCMP_ARCH_X32, "SCMP_ARCH_X32", "x32", ""},
    {SCMP_ARCH_ARM, "SCMP_ARCH_ARM", "arm", "arm"},
    {SCMP_ARCH_AARCH64, "SCMP_ARCH_AARCH64", "aarch64", "arm64"},
    {SCMP_ARCH_MIPS, "SCMP_ARCH_MIPS", "mips", ""},
    {SCMP_ARCH_MIPS64, "SCMP_ARCH_MIPS64", "mips64", "mips64"},
    {SCMP_ARCH_MIPS64N32, "SCMP_ARCH_MIPS64N32", "mips64n32", "mips64n32"},
    {SCMP_ARCH_MIPSEL, "SCMP_ARCH_MIPSEL", "mipsel", "mipsel"},
    {SCMP_ARCH_MIPSEL64, "SCMP_ARCH_MIPSEL64", "mipsel64", "mipsel64"},
    {SCMP_ARCH_MIPSEL64N32, "SCMP_ARCH_MIPSEL64N32", "mipsel64n32", "mips3l64n32"},
    {SCMP_ARCH_PPC, "SCMP_ARCH_PPC", "ppc", "ppc"},
    {SCMP_ARCH_PPC64, "SCMP_ARCH_PPC64", "ppc64", "ppc64"},
    {SCMP_ARCH_PPC64LE, "SCMP_ARCH_PPC64LE", "ppc64le", "ppc64le"},
    {SCMP_ARCH_S390, "SCMP_ARCH_S390", "s390", "s390"},
    {SCMP_ARCH_S390X, "SCMP_ARCH_S390X", "s390x", "s390x"},
    {SCMP_ARCH_PARISC, "SCMP_ARCH_PARISC", "parisc", ""},
    {SCMP_ARCH_PARISC64, "SCMP_ARCH_PARISC64", "parisc64", ""},
    {SCMP_ARCH_RISCV64, "SCMP_ARCH_RISCV64", "riscv64", "riscv64"},
};

/* moby nativeToSeccomp: libseccomp-ish name -> specs.Arch (note: "mipsle",
 * "loong64" keys do not match goToNative's "mipsel", "loongarch64"; kept). */
static const struct {
    const char *native;
    const char *scmp;
} native_to_seccomp[] = {
    {"x86", "SCMP_ARCH_X86"},           {"amd64", "SCMP_ARCH_X86_64"},
    {"arm", "SCMP_ARCH_ARM"},           {"arm64", "SCMP_ARCH_AARCH64"},
    {"loong64", "SCMP_ARCH_LOONGARCH64"}, {"mips64", "SCMP_ARCH_MIPS64"},
    {"mips64n32", "SCMP_ARCH_MIPS64N32"}, {"mipsel64", "SCMP_ARCH_MIPSEL64"},
    {"mips3l64n32", "SCMP_ARCH_MIPSEL64N32"}, {"mipsle", "SCMP_ARCH_MIPSEL"},
    {"ppc", "SCMP_ARCH_PPC"},           {"ppc64", "SCMP_ARCH_PPC64"},
    {"ppc64le", "SCMP_ARCH_PPC64LE"},   {"riscv64", "SCMP_ARCH_RISCV64"},
    {"s390", "SCMP_ARCH_S390"},         {"s390x", "SCMP_ARCH_S390X"},
};

static const ArchInfo *arch_by_token(uint32_t token)
{
    for (size_t i = 0; i < sizeof arch_table / sizeof arch_table[0]; i++)
        if (arch_table[i].token == token)
            return &arch_table[i];
    return NULL;
}

static const ArchInfo *arch_by_scmp(const char *s)
{
    for (size_t i = 0; i < sizeof arch_table / sizeof arch_table[0]; i++)
        if (strcmp(arch_table[i].scmp, s) == 0)
            return &arch_table[i];
    return NULL;
}

uint32_t oracle_arch_from_name(const char *name)
{
    static const struct {
        const char *alias;
        uint32_t token;
    } aliases[] = {
        {"amd64", SCMP_ARCH_X86_64}, {"i386", SCMP_ARCH_X86}, {"i686", SCMP_ARCH_X86},
        {"386", SCMP_ARCH_X86},      {"arm64", SCMP_ARCH_AARCH64},
    };
    if (!name)
        return 0;
    for (size_t i = 0; i < sizeof arch_table / sizeof arch_table[0]; i++)
        if (strcasecmp(arch_table[i].scmp, name) == 0 || strcasecmp(arch_table[i].lib, name) == 0)
            return arch_table[i].token;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcasecmp(aliases[i].alias, name) == 0)
            return aliases[i].token;
    return 0;
}

uint32_t oracle_audit_arch(uint32_t scmp_arch)
{
    return scmp_arch == SCMP_ARCH_X32 ? AUDIT_ARCH_X86_64 : scmp_arch;
}

struct seccomp_data oracle_data(uint32_t scmp_arch, int nr, const uint64_t *args, size_t nargs)
{
    struct seccomp_data d;
    memset(&d, 0, sizeof d);
    d.arch = oracle_audit_arch(scmp_arch);
    d.nr = (scmp_arch == SCMP_ARCH_X32) ? (int)((uint32_t)nr | 0x40000000u) : nr;
    for (size_t i = 0; i < nargs && i < 6; i++)
        d.args[i] = args[i];
    return d;
}

/* ------------------------------------------------------------------ */
/* the intermediate config (runc's configs.Seccomp after specconv)     */

enum { ACT_KILL, ACT_KILL_THREAD, ACT_KILL_PROCESS, ACT_ERRNO, ACT_TRAP, ACT_ALLOW, ACT_TRACE,
       ACT_LOG, ACT_NOTIFY };

typedef struct {
    int action;
    int has_errno;
    uint64_t errno_ret;
} Action;

typedef struct {
    const char *name;
    Action act;
    json_object *args; /* array or NULL */
} Rule;

typedef struct {
    Action def;
    int has_def_errno;
    uint64_t def_errno;
    uint32_t arches[32]; /* config.Architectures (SCMP tokens), in order */
    size_t narches;
    Rule *rules;
    size_t nrules, caprules;
} Config;

static int parse_action(const char *s, int *out)
{
    static const struct {
        const char *s;
        int a;
    } t[] = {
        {"SCMP_ACT_KILL", ACT_KILL},     {"SCMP_ACT_KILL_PROCESS", ACT_KILL_PROCESS},
        {"SCMP_ACT_KILL_THREAD", ACT_KILL_THREAD}, {"SCMP_ACT_ERRNO", ACT_ERRNO},
        {"SCMP_ACT_TRAP", ACT_TRAP},     {"SCMP_ACT_ALLOW", ACT_ALLOW},
        {"SCMP_ACT_TRACE", ACT_TRACE},   {"SCMP_ACT_LOG", ACT_LOG},
        {"SCMP_ACT_NOTIFY", ACT_NOTIFY},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(t[i].s, s) == 0) {
            *out = t[i].a;
            return 0;
        }
    return -1;
}

/* runc getAction + libseccomp-golang toNative: ERRNO/TRACE data is
 * int16(errnoRet) (low 16 bits), EPERM when errnoRet is absent. */
static uint32_t native_action(const Action *a)
{
    uint32_t code = a->has_errno ? (uint32_t)(a->errno_ret & 0xffffu) : (uint32_t)EPERM;
    switch (a->action) {
    case ACT_KILL:
    case ACT_KILL_THREAD: return SCMP_ACT_KILL_THREAD;
    case ACT_KILL_PROCESS: return SCMP_ACT_KILL_PROCESS;
    case ACT_ERRNO: return SCMP_ACT_ERRNO(code);
    case ACT_TRAP: return SCMP_ACT_TRAP;
    case ACT_TRACE: return SCMP_ACT_TRACE(code);
    case ACT_LOG: return SCMP_ACT_LOG;
    case ACT_NOTIFY: return SCMP_ACT_NOTIFY;
    default: return SCMP_ACT_ALLOW;
    }
}

static int parse_op(const char *s, enum scmp_compare *out)
{
    static const struct {
        const char *s;
        enum scmp_compare op;
    } t[] = {
        {"SCMP_CMP_NE", SCMP_CMP_NE}, {"SCMP_CMP_LT", SCMP_CMP_LT},
        {"SCMP_CMP_LE", SCMP_CMP_LE}, {"SCMP_CMP_EQ", SCMP_CMP_EQ},
        {"SCMP_CMP_GE", SCMP_CMP_GE}, {"SCMP_CMP_GT", SCMP_CMP_GT},
        {"SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (strcmp(t[i].s, s) == 0) {
            *out = t[i].op;
            return 0;
        }
    return -1;
}

static int str_in_array(json_object *arr, const char *s)
{
    size_t n = json_object_array_length(arr);
    for (size_t i = 0; i < n; i++) {
        json_object *e = json_object_array_get_idx(arr, i);
        if (json_object_is_type(e, json_type_string) && strcmp(json_object_get_string(e), s) == 0)
            return 1;
    }
    return 0;
}

static int has_cap(const char *const *caps, const char *c)
{
    for (size_t i = 0; caps && caps[i]; i++)
        if (strcmp(caps[i], c) == 0)
            return 1;
    return 0;
}

/* moby KernelVersion.UnmarshalJSON: "<kernel>.<major>", each 0..255, not 0.0; "" = 0.0 */
static int parse_min_kernel(json_object *o, unsigned *maj, unsigned *min)
{
    const char *s;
    char *end;
    if (!json_object_is_type(o, json_type_string))
        return -1;
    s = json_object_get_string(o);
    *maj = *min = 0;
    if (*s == '\0')
        return 0;
    const char *dot = strchr(s, '.');
    if (!dot || strchr(dot + 1, '.') || dot == s || dot[1] == '\0')
        return -1;
    for (const char *p = s; *p; p++)
        if (p != dot && !isdigit((unsigned char)*p))
            return -1;
    unsigned long a = strtoul(s, &end, 10), b = strtoul(dot + 1, &end, 10);
    if (a > 255 || b > 255 || (a == 0 && b == 0))
        return -1;
    *maj = (unsigned)a;
    *min = (unsigned)b;
    return 0;
}

static int kernel_ge(const OracleOptions *o, unsigned maj, unsigned min)
{
    if (o->kernel_major == 0)
        return 1; /* not given: treat every minKernel as satisfied */
    return o->kernel_major > maj || (o->kernel_major == maj && o->kernel_minor >= min);
}

/* moby setupSeccomp's includes/excludes. Returns 1 keep, 0 skip, -1 error. */
static int filter_entry(json_object *call, const OracleOptions *o, const char *const *caps,
                        const char *arch, char *err, size_t errlen)
{
    json_object *exc = jget(call, "excludes"), *inc = jget(call, "includes");
    size_t n;
    unsigned maj, min;
    if (!is_null(exc)) {
        json_object *arches = jget(exc, "arches"), *cl = jget(exc, "caps"), *mk = jget(exc, "minKernel");
        if (!json_object_is_type(exc, json_type_object) || jarr(arches, &n) || jarr(cl, &n))
            return seterr(err, errlen, "bad 'excludes'"), -1;
        if (!is_null(arches) && str_in_array(arches, arch))
            return 0;
        if (!is_null(cl))
            for (size_t i = 0; i < json_object_array_length(cl); i++) {
                const char *c = json_object_get_string(json_object_array_get_idx(cl, i));
                if (c && has_cap(caps, c))
                    return 0;
            }
        if (!is_null(mk)) {
            if (parse_min_kernel(mk, &maj, &min))
                return seterr(err, errlen, "invalid kernel version: %s", json_object_to_json_string(mk)), -1;
            if (kernel_ge(o, maj, min))
                return 0;
        }
    }
    if (!is_null(inc)) {
        json_object *arches = jget(inc, "arches"), *cl = jget(inc, "caps"), *mk = jget(inc, "minKernel");
        if (!json_object_is_type(inc, json_type_object) || jarr(arches, &n) || jarr(cl, &n))
            return seterr(err, errlen, "bad 'includes'"), -1;
        if (!is_null(arches) && json_object_array_length(arches) > 0 && !str_in_array(arches, arch))
            return 0;
        if (!is_null(cl))
            for (size_t i = 0; i < json_object_array_length(cl); i++) {
                const char *c = json_object_get_string(json_object_array_get_idx(cl, i));
                if (!c || !has_cap(caps, c))
                    return 0;
            }
        if (!is_null(mk)) {
            if (parse_min_kernel(mk, &maj, &min))
                return seterr(err, errlen, "invalid kernel version: %s", json_object_to_json_string(mk)), -1;
            if (!kernel_ge(o, maj, min))
                return 0;
        }
    }
    return 1;
}

static int add_arch(Config *c, const char *scmp, char *err, size_t errlen)
{
    const ArchInfo *ai = arch_by_scmp(scmp);
    if (!ai || seccomp_arch_resolve_name(ai->lib) == 0)
        return seterr(err, errlen, "unsupported architecture %s", scmp), -1;
    if (c->narches >= sizeof c->arches / sizeof c->arches[0])
        return seterr(err, errlen, "too many architectures"), -1;
    c->arches[c->narches++] = ai->token;
    return 0;
}

static int push_rule(Config *c, const char *name, Action act, json_object *args)
{
    if (c->nrules == c->caprules) {
        size_t cap = c->caprules ? c->caprules * 2 : 64;
        Rule *r = realloc(c->rules, cap * sizeof *r);
        if (!r)
            return -1;
        c->rules = r;
        c->caprules = cap;
    }
    c->rules[c->nrules].name = name;
    c->rules[c->nrules].act = act;
    c->rules[c->nrules].args = args;
    c->nrules++;
    return 0;
}

/* moby setupSeccomp + runc specconv.SetupSeccomp. Returns 0, 1 (seccomp
 * disabled: no default action and no syscalls), or -1. */
static int build_config(json_object *root, const OracleOptions *o, const char *const *caps,
                        Config *c, char *err, size_t errlen)
{
    const char *s;
    size_t n, narch_field, nmap;
    const ArchInfo *native = arch_by_token(o->native_arch);
    const char *arch = native ? native->goarch : "";

    if (!json_object_is_type(root, json_type_object))
        return seterr(err, errlen, "profile is not a JSON object"), -1;
    json_object *jdef = jget(root, "defaultAction"), *jsys = jget(root, "syscalls");
    json_object *jarch = jget(root, "architectures"), *jmap = jget(root, "archMap");
    if (jstr(jdef, &s))
        return seterr(err, errlen, "'defaultAction' must be a string"), -1;
    if (jarr(jsys, &n) || jarr(jarch, &narch_field) || jarr(jmap, &nmap))
        return seterr(err, errlen, "'syscalls', 'architectures' and 'archMap' must be arrays"), -1;
    if (*s == '\0' && n == 0)
        return 1;
    if (narch_field && nmap)
        return seterr(err, errlen, "both 'architectures' and 'archMap' are specified in the seccomp "
                                   "profile, use either 'architectures' or 'archMap'"), -1;
    for (size_t i = 0; i < narch_field; i++) {
        const char *a;
        if (jstr(json_object_array_get_idx(jarch, i), &a) || add_arch(c, a, err, errlen))
            return seterr(err, errlen, "invalid architecture in 'architectures'"), -1;
    }
    /* archMap: the entry for the native arch, plus its sub-architectures */
    const char *native_scmp = NULL;
    for (size_t i = 0; i < sizeof native_to_seccomp / sizeof native_to_seccomp[0]; i++)
        if (strcmp(native_to_seccomp[i].native, arch) == 0)
            native_scmp = native_to_seccomp[i].scmp;
    for (size_t i = 0; native_scmp && i < nmap; i++) {
        json_object *e = json_object_array_get_idx(jmap, i);
        const char *a;
        json_object *subs = jget(e, "subArchitectures");
        size_t ns;
        if (jstr(jget(e, "architecture"), &a) || jarr(subs, &ns))
            return seterr(err, errlen, "bad 'archMap' entry"), -1;
        if (strcmp(a, native_scmp) != 0)
            continue;
        if (add_arch(c, a, err, errlen))
            return -1;
        for (size_t j = 0; j < ns; j++) {
            const char *sa;
            if (jstr(json_object_array_get_idx(subs, j), &sa) || add_arch(c, sa, err, errlen))
                return -1;
        }
        break;
    }

    /* default action (runc: ConvertStringToAction, then getAction) */
    if (parse_action(s, &c->def.action))
        return seterr(err, errlen, "invalid default action '%s'", s), -1;
    json_object *jder = jget(root, "defaultErrnoRet");
    if (!is_null(jder)) {
        if (juint(jder, &c->def_errno))
            return seterr(err, errlen, "'defaultErrnoRet' must be an unsigned integer"), -1;
        c->has_def_errno = 1;
        c->def.has_errno = 1;
        c->def.errno_ret = c->def_errno;
    }
    json_object *jflags = jget(root, "flags");
    size_t nf;
    if (jarr(jflags, &nf))
        return seterr(err, errlen, "'flags' must be an array"), -1;
    for (size_t i = 0; i < nf; i++) {
        const char *f;
        if (jstr(json_object_array_get_idx(jflags, i), &f) ||
            (strcmp(f, "SECCOMP_FILTER_FLAG_TSYNC") && strcmp(f, "SECCOMP_FILTER_FLAG_LOG") &&
             strcmp(f, "SECCOMP_FILTER_FLAG_SPEC_ALLOW")))
            return seterr(err, errlen, "seccomp flag %s is not known to runc", f ? f : "(not a string)"), -1;
        /* LOG and SPEC_ALLOW change how the filter is loaded, not its program */
    }

    for (size_t i = 0; i < n; i++) {
        json_object *call = json_object_array_get_idx(jsys, i);
        json_object *jnames = jget(call, "names"), *jargs = jget(call, "args");
        const char *name, *act;
        size_t nn, na;
        if (!json_object_is_type(call, json_type_object))
            return seterr(err, errlen, "syscalls[%zu] is not an object", i), -1;
        if (jstr(jget(call, "name"), &name) || jarr(jnames, &nn) || jarr(jargs, &na))
            return seterr(err, errlen, "syscalls[%zu]: bad 'name', 'names' or 'args'", i), -1;
        if (*name && nn)
            return seterr(err, errlen, "both 'name' and 'names' are specified in the seccomp profile, "
                                       "use either 'name' or 'names'"), -1;
        int keep = filter_entry(call, o, caps, arch, err, errlen);
        if (keep < 0)
            return -1;
        if (!keep)
            continue;
        Action a = {0, 0, 0};
        if (jstr(jget(call, "action"), &act) || parse_action(act, &a.action))
            return seterr(err, errlen, "syscalls[%zu]: invalid action '%s'", i, act ? act : ""), -1;
        json_object *jer = jget(call, "errnoRet");
        if (!is_null(jer)) {
            if (juint(jer, &a.errno_ret))
                return seterr(err, errlen, "syscalls[%zu]: bad 'errnoRet'", i), -1;
            a.has_errno = 1;
        }
        for (size_t j = 0; j < na; j++) {
            json_object *arg = json_object_array_get_idx(jargs, j);
            const char *op;
            enum scmp_compare cmp;
            if (jstr(jget(arg, "op"), &op) || parse_op(op, &cmp))
                return seterr(err, errlen, "syscalls[%zu]: invalid operator '%s'", i, op ? op : ""), -1;
        }
        if (*name) {
            if (push_rule(c, name, a, na ? jargs : NULL))
                return seterr(err, errlen, "out of memory"), -1;
        }
        for (size_t j = 0; j < nn; j++) {
            const char *nm;
            if (jstr(json_object_array_get_idx(jnames, j), &nm))
                return seterr(err, errlen, "syscalls[%zu]: names must be strings", i), -1;
            if (push_rule(c, nm, a, na ? jargs : NULL))
                return seterr(err, errlen, "out of memory"), -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* runc InitSeccomp / matchCall with libseccomp                        */

static int add_skipped(OracleFilter *f, const char *name)
{
    for (size_t i = 0; i < f->nskipped; i++)
        if (strcmp(f->skipped[i], name) == 0)
            return 0;
    char **s = realloc(f->skipped, (f->nskipped + 2) * sizeof *s);
    if (!s)
        return -1;
    f->skipped = s;
    if (!(s[f->nskipped] = strdup(name)))
        return -1;
    f->nskipped++;
    s[f->nskipped] = NULL;
    return 0;
}

/* by name, then in profile order (rule order never changes a decision, but
 * keeps the sort deterministic) */
static int said_cmp(const void *a, const void *b)
{
    const SaidRule *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

static SaidRule *record_rule(OracleFilter *f, const Rule *r, uint32_t act)
{
    if (f->nsaid == f->capsaid) {
        size_t cap = f->capsaid ? 2 * f->capsaid : 64;
        SaidRule *grown = realloc(f->said, cap * sizeof *grown);
        if (!grown)
            return NULL;
        f->said = grown;
        f->capsaid = cap;
    }
    SaidRule *s = &f->said[f->nsaid];
    memset(s, 0, sizeof *s);
    if (!(s->name = strdup(r->name)))
        return NULL;
    s->action = act;
    s->order = f->nsaid;
    f->nsaid++;
    return s;
}

/* Parses a rule's conditions; false on a condition runc would refuse (msg set). */
static int parse_conds(const Rule *r, struct scmp_arg_cmp *conds, size_t *ncond, unsigned counts[6],
                       char *err, size_t errlen)
{
    *ncond = 0;
    if (!r->args)
        return 0;
    size_t na = json_object_array_length(r->args);
    if (na > 64)
        return seterr(err, errlen, "too many conditions for %s", r->name), -1;
    for (size_t i = 0; i < na; i++) {
        json_object *arg = json_object_array_get_idx(r->args, i);
        uint64_t idx = 0, v1 = 0, v2 = 0;
        const char *op;
        enum scmp_compare cmp = SCMP_CMP_EQ;
        json_object *ji = jget(arg, "index"), *jv = jget(arg, "value"), *jv2 = jget(arg, "valueTwo");
        if ((!is_null(ji) && juint(ji, &idx)) || (!is_null(jv) && juint(jv, &v1)) ||
            (!is_null(jv2) && juint(jv2, &v2)) || jstr(jget(arg, "op"), &op) || parse_op(op, &cmp))
            return seterr(err, errlen, "bad condition for syscall %s", r->name), -1;
        if (idx > 5) /* libseccomp-golang MakeCondition */
            return seterr(err, errlen, "error creating seccomp syscall condition for syscall %s: "
                                       "syscalls only have up to 6 arguments (%d)", r->name, (int)idx), -1;
        counts[idx]++;
        conds[(*ncond)++] = (struct scmp_arg_cmp){(unsigned)idx, cmp, v1, v2};
    }
    return 0;
}

/* runc matchCall. ctx NULL: only record the rule (oracle_profile_says). */
static int match_call(scmp_filter_ctx ctx, OracleFilter *f, const Rule *r, uint32_t def, char *err,
                      size_t errlen)
{
    uint32_t act = native_action(&r->act);
    struct scmp_arg_cmp conds[64];
    size_t ncond = 0;
    unsigned counts[6] = {0};
    int rc;

    if (r->name[0] == '\0')
        return seterr(err, errlen, "empty string is not a valid syscall"), -1;
    if (act == def) { /* redundant: runc skips it before resolving the name */
        f->redundant++;
        return 0;
    }
    int bad = parse_conds(r, conds, &ncond, counts, err, errlen);
    int multi = 0;
    for (int i = 0; i < 6; i++)
        multi |= counts[i] > 1;
    if (!bad) {
        SaidRule *said = record_rule(f, r, act);
        if (!said)
            return seterr(err, errlen, "out of memory"), -1;
        memcpy(said->cond, conds, ncond * sizeof *conds);
        said->ncond = ncond;
        said->any = multi;
    }
    /* runc resolves the name before it reads the conditions: an unknown
     * name is skipped whatever its conditions say */
    int nr = seccomp_syscall_resolve_name(r->name);
    if (nr == __NR_SCMP_ERROR)
        return add_skipped(f, r->name) ? (seterr(err, errlen, "out of memory"), -1) : 0;
    if (bad)
        return -1;
    if (!ctx)
        return 0;
    if (ncond == 0) {
        rc = seccomp_rule_add_array(ctx, act, nr, 0, NULL);
        if (rc)
            return seterr(err, errlen, "error adding seccomp filter rule for syscall %s: %s", r->name,
                          strerror(-rc)), -1;
        return 0;
    }
    if (multi) { /* runc: each condition becomes its own rule (OR) */
        for (size_t i = 0; i < ncond; i++)
            if ((rc = seccomp_rule_add_array(ctx, act, nr, 1, &conds[i])))
                return seterr(err, errlen, "error adding seccomp rule for syscall %s: %s", r->name,
                              strerror(-rc)), -1;
    } else if ((rc = seccomp_rule_add_array(ctx, act, nr, (unsigned)ncond, conds))) {
        return seterr(err, errlen, "error adding seccomp rule for syscall %s: %s", r->name,
                      strerror(-rc)), -1;
    }
    return 0;
}

static int export_bpf(scmp_filter_ctx ctx, struct sock_filter **out, size_t *len, char *err,
                      size_t errlen)
{
    int fd = memfd_create("polc-oracle-bpf", MFD_CLOEXEC);
    if (fd < 0)
        return seterr(err, errlen, "memfd_create: %s", strerror(errno)), -1;
    int rc = seccomp_export_bpf(ctx, fd);
    if (rc) {
        close(fd);
        return seterr(err, errlen, "seccomp_export_bpf: %s", strerror(-rc)), -1;
    }
    off_t size = lseek(fd, 0, SEEK_END);
    if (size <= 0 || size % (off_t)sizeof(struct sock_filter)) {
        close(fd);
        return seterr(err, errlen, "seccomp_export_bpf produced %lld bytes", (long long)size), -1;
    }
    struct sock_filter *p = malloc((size_t)size);
    if (!p) {
        close(fd);
        return seterr(err, errlen, "out of memory"), -1;
    }
    size_t got = 0;
    while (got < (size_t)size) {
        ssize_t n = pread(fd, (char *)p + got, (size_t)size - got, (off_t)got);
        if (n <= 0) {
            free(p);
            close(fd);
            return seterr(err, errlen, "reading exported BPF failed"), -1;
        }
        got += (size_t)n;
    }
    close(fd);
    *out = p;
    *len = (size_t)size / sizeof(struct sock_filter);
    return 0;
}

/* ------------------------------------------------------------------ */
/* runc patchbpf: the -ENOSYS stub                                     */

typedef struct {
    struct sock_filter *v;
    size_t n, cap;
} Prog;

static int prog_prepend(Prog *p, const struct sock_filter *ins, size_t n)
{
    if (p->n + n > p->cap) {
        size_t cap = (p->n + n) * 2 + 16;
        struct sock_filter *v = realloc(p->v, cap * sizeof *v);
        if (!v)
            return -1;
        p->v = v;
        p->cap = cap;
    }
    memmove(p->v + n, p->v, p->n * sizeof *p->v);
    memcpy(p->v, ins, n * sizeof *ins);
    p->n += n;
    return 0;
}

/* golang.org/x/net/bpf assembly of the instructions patchbpf uses */
#define I_LDABS(off) ((struct sock_filter){BPF_LD | BPF_W | BPF_ABS, 0, 0, (off)})
#define I_JA(skip) ((struct sock_filter){BPF_JMP | BPF_JA, 0, 0, (skip)})
#define I_RET(v) ((struct sock_filter){BPF_RET | BPF_K, 0, 0, (v)})
#define I_JEQ(v, t, f) ((struct sock_filter){BPF_JMP | BPF_JEQ | BPF_K, (t), (f), (v)})
#define I_JNE(v, t, f) I_JEQ(v, f, t)
#define I_JGT(v, t, f) ((struct sock_filter){BPF_JMP | BPF_JGT | BPF_K, (t), (f), (v)})
#define I_JLE(v, t, f) I_JGT(v, f, t)
#define I_JSET(v, t, f) ((struct sock_filter){BPF_JMP | BPF_JSET | BPF_K, (t), (f), (v)})
#define I_JNSET(v, t, f) I_JSET(v, f, t)

#define RET_ENOSYS SCMP_ACT_ERRNO(ENOSYS)

typedef struct {
    uint32_t audit;     /* AUDIT_ARCH_* */
    uint32_t scmp[2];   /* SCMP_ARCH_* tokens present (x86_64 and x32 share AUDIT_ARCH_X86_64) */
    int32_t last[2];    /* largest syscall number per token */
    size_t n;
} LastSys;

static int find_last_syscalls(const Config *c, LastSys *ls, size_t *nls, char *err, size_t errlen)
{
    *nls = 0;
    for (size_t i = 0; i < c->narches; i++) {
        uint32_t tok = c->arches[i], audit = oracle_audit_arch(tok);
        LastSys *e = NULL;
        for (size_t j = 0; j < *nls; j++)
            if (ls[j].audit == audit)
                e = &ls[j];
        if (!e) {
            e = &ls[(*nls)++];
            memset(e, 0, sizeof *e);
            e->audit = audit;
        }
        int seen = 0;
        for (size_t j = 0; j < e->n; j++)
            seen |= e->scmp[j] == tok;
        if (seen)
            continue;
        int32_t largest = 0;
        for (size_t r = 0; r < c->nrules; r++) {
            int nr = seccomp_syscall_resolve_name_arch(tok, c->rules[r].name);
            if (nr == __NR_SCMP_ERROR)
                continue;
            if (nr > largest)
                largest = nr;
        }
        if (largest == 0)
            continue; /* runc: "could not find any syscalls for arch" */
        if (e->n >= 2)
            return seterr(err, errlen, "invalid number of architecture overlaps"), -1;
        e->scmp[e->n] = tok;
        e->last[e->n] = largest;
        e->n++;
    }
    return 0;
}

static int gen_enosys_stub(const LastSys *ls, size_t nls, Prog *tail, char *err, size_t errlen)
{
    uint32_t jump_table[32] = {0};
    const struct sock_filter t0[] = {I_JA(1), I_RET(RET_ENOSYS)};
    if (prog_prepend(tail, t0, 2))
        goto oom;
    for (size_t a = 0; a < nls; a++) {
        const LastSys *e = &ls[a];
        uint32_t base_enosys = (uint32_t)tail->n - 1, base_filter = base_enosys + 1;
        struct sock_filter sec[16];
        size_t ns = 0;
        sec[ns++] = I_LDABS(0);
        if (e->n == 0)
            continue;
        if (e->n == 1) {
            uint32_t tok = e->scmp[0], sysno = (uint32_t)e->last[0];
            struct sock_filter st[8];
            size_t nt = 0;
            if (tok == SCMP_ARCH_S390 || tok == SCMP_ARCH_S390X) {
                sec[ns++] = I_JNE(0, 1, 0);
                sec[ns++] = I_RET(RET_ENOSYS);
            }
            if (base_enosys + 1 <= 255) {
                st[nt++] = I_JGT(sysno, (uint8_t)(base_enosys + 1), 0);
                st[nt++] = I_JA(base_filter);
            } else {
                st[nt++] = I_JLE(sysno, 1, 0);
                st[nt++] = I_RET(RET_ENOSYS);
                st[nt++] = I_JA(base_filter);
            }
            if (e->audit == AUDIT_ARCH_X86_64) {
                struct sock_filter pre;
                if (tok == SCMP_ARCH_X86_64)
                    pre = I_JSET(1u << 30, (uint8_t)(nt - 1), 0);
                else if (tok == SCMP_ARCH_X32)
                    pre = I_JNSET(1u << 30, (uint8_t)(nt - 1), 0);
                else
                    return seterr(err, errlen, "unknown amd64 native architecture"), -1;
                memmove(st + 1, st, nt * sizeof *st);
                st[0] = pre;
                nt++;
            }
            memcpy(sec + ns, st, nt * sizeof *st);
            ns += nt;
        } else {
            if (e->audit != AUDIT_ARCH_X86_64)
                return seterr(err, errlen, "unknown architecture overlap"), -1;
            uint32_t x32 = 0, x86 = 0;
            for (size_t j = 0; j < 2; j++) {
                if (e->scmp[j] == SCMP_ARCH_X32)
                    x32 = (uint32_t)e->last[j];
                if (e->scmp[j] == SCMP_ARCH_X86_64)
                    x86 = (uint32_t)e->last[j];
            }
            if (base_enosys + 2 <= 255) {
                sec[ns++] = I_JSET(1u << 30, 1, 0);
                sec[ns++] = I_JGT(x86, (uint8_t)(base_enosys + 2), 1);
                sec[ns++] = I_JGT(x32, (uint8_t)(base_enosys + 1), 0);
                sec[ns++] = I_JA(base_filter);
            } else {
                sec[ns++] = I_JSET(1u << 30, 1, 0);
                sec[ns++] = I_JGT(x86, 1, 2);
                sec[ns++] = I_JLE(x32, 1, 0);
                sec[ns++] = I_RET(RET_ENOSYS);
                sec[ns++] = I_JA(base_filter);
            }
        }
        if (prog_prepend(tail, sec, ns))
            goto oom;
        jump_table[a] = (uint32_t)tail->n;
    }
    struct sock_filter ja = I_JA((uint32_t)tail->n);
    if (prog_prepend(tail, &ja, 1))
        goto oom;
    for (size_t a = 0; a < nls; a++) {
        uint32_t jump = (uint32_t)tail->n - jump_table[a];
        if (jump <= 255) {
            struct sock_filter j = I_JEQ(ls[a].audit, (uint8_t)jump, 0);
            if (prog_prepend(tail, &j, 1))
                goto oom;
        } else {
            struct sock_filter j[2] = {I_JNE(ls[a].audit, 1, 0), I_JA(jump)};
            if (prog_prepend(tail, j, 2))
                goto oom;
        }
    }
    struct sock_filter ld = I_LDABS(4);
    if (prog_prepend(tail, &ld, 1))
        goto oom;
    return 0;
oom:
    return seterr(err, errlen, "out of memory"), -1;
}

/* ------------------------------------------------------------------ */

static void normalize_caps(const char *const *in, char ***out)
{
    size_t n = 0;
    *out = NULL;
    while (in && in[n])
        n++;
    char **v = calloc(n + 1, sizeof *v);
    if (!v)
        return;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(in[i]);
        int pre = strncasecmp(in[i], "CAP_", 4) == 0;
        char *s = malloc(l + 5);
        if (!s)
            break;
        snprintf(s, l + 5, "%s%s", pre ? "" : "CAP_", in[i]);
        for (char *p = s; *p; p++)
            *p = (char)toupper((unsigned char)*p);
        v[i] = s;
    }
    *out = v;
}

static void free_strv(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

static int is_allow_action(int a) { return a == ACT_ALLOW || a == ACT_LOG || a == ACT_TRACE; }

OracleFilter *oracle_load_json_optimize(const char *json_text, const OracleOptions *opts_in, int optimize,
                                        char *err, size_t errlen)
{
    OracleOptions o = opts_in ? *opts_in : (OracleOptions){0};
    Config c;
    OracleFilter *f = NULL;
    scmp_filter_ctx ctx = NULL;
    json_object *root = NULL;
    char **caps = NULL;
    struct sock_filter *bpf = NULL;
    size_t bpf_len = 0;
    Prog stub = {NULL, 0, 0};

    memset(&c, 0, sizeof c);
    seterr(err, errlen, "ok");
    if (o.native_arch == 0)
        o.native_arch = SCMP_ARCH_X86_64;
    if (!arch_by_token(o.native_arch) || seccomp_arch_resolve_name(arch_by_token(o.native_arch)->lib) == 0) {
        seterr(err, errlen, "unsupported native architecture 0x%x", o.native_arch);
        return NULL;
    }
    /* libseccomp emits programs in the target's byte order (and not
     * consistently so for RET values); only same-endian hosts are emulated. */
    if (optimize != ORACLE_RULES_ONLY && ((o.native_arch & __AUDIT_ARCH_LE) != 0) != (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)) {
        seterr(err, errlen, "native architecture 0x%x has the other byte order than this host; "
                            "not supported", o.native_arch);
        return NULL;
    }
    if (!json_text) {
        seterr(err, errlen, "no profile text");
        return NULL;
    }
    enum json_tokener_error jerr;
    root = json_tokener_parse_verbose(json_text, &jerr);
    if (!root) {
        seterr(err, errlen, "Decoding seccomp profile failed: %s", json_tokener_error_desc(jerr));
        return NULL;
    }
    normalize_caps(o.caps, &caps);
    if (o.caps && !caps) {
        seterr(err, errlen, "out of memory");
        goto fail;
    }
    int brc = build_config(root, &o, (const char *const *)caps, &c, err, errlen);
    if (brc < 0)
        goto fail;
    if (brc == 1) {
        seterr(err, errlen, "profile disables seccomp (no defaultAction and no syscalls)");
        goto fail;
    }

    f = calloc(1, sizeof *f);
    if (!f) {
        seterr(err, errlen, "out of memory");
        goto fail;
    }
    /* runc InitSeccomp */
    uint32_t def = native_action(&c.def);
    f->def_action = def;
    for (size_t i = 0; i < c.nrules; i++)
        if (c.rules[i].act.action == ACT_NOTIFY) {
            if (seccomp_api_get() < 6) {
                seterr(err, errlen, "seccomp notify unsupported: API level: got %u, want at least 6",
                       seccomp_api_get());
                goto fail;
            }
            if (strcmp(c.rules[i].name, "write") == 0) {
                seterr(err, errlen, "SCMP_ACT_NOTIFY cannot be used for the write syscall");
                goto fail;
            }
        }
    if (c.def.action == ACT_NOTIFY) {
        seterr(err, errlen, "SCMP_ACT_NOTIFY cannot be used as default action");
        goto fail;
    }
    if (optimize == ORACLE_RULES_ONLY) {
        for (size_t i = 0; i < c.nrules; i++)
            if (match_call(NULL, f, &c.rules[i], def, err, errlen))
                goto fail;
        seterr(err, errlen, "ok");
        goto done;
    }
    ctx = seccomp_init(def);
    if (!ctx) {
        seterr(err, errlen, "error creating filter");
        goto fail;
    }
    /* Emulate a host of arch native_arch: its filter starts with that arch. */
    if (o.native_arch != seccomp_arch_native()) {
        /* remove first: libseccomp refuses to mix endiannesses in one filter */
        int rc = seccomp_arch_remove(ctx, SCMP_ARCH_NATIVE);
        if (rc == 0)
            rc = seccomp_arch_add(ctx, o.native_arch);
        if (rc) {
            seterr(err, errlen, "cannot emulate native architecture: %s", strerror(-rc));
            goto fail;
        }
    }
    f->arches[f->narches++] = o.native_arch;
    for (size_t i = 0; i < c.narches; i++) {
        int rc = seccomp_arch_add(ctx, c.arches[i]);
        if (rc && rc != -EEXIST) {
            seterr(err, errlen, "error adding architecture to seccomp filter: %s", strerror(-rc));
            goto fail;
        }
        if (rc == 0)
            f->arches[f->narches++] = c.arches[i];
    }
    if (optimize == ORACLE_OPTIMIZE_RUNC) {
        if (c.nrules > 32 && seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2) != 0) {
            /* runc: not fatal (older libseccomp) */
        }
    } else {
        int rc = optimize == ORACLE_OPTIMIZE_DEFAULT || optimize == ORACLE_OPTIMIZE_BINARY_TREE
                     ? seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, (uint32_t)optimize)
                     : -EINVAL;
        if (rc != 0) {
            seterr(err, errlen, "cannot set libseccomp's optimisation level %d: %s", optimize, strerror(-rc));
            goto fail;
        }
    }
    if (seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0) != 0) {
        seterr(err, errlen, "error setting no new privileges");
        goto fail;
    }
    for (size_t i = 0; i < c.nrules; i++)
        if (match_call(ctx, f, &c.rules[i], def, err, errlen))
            goto fail;
    if (export_bpf(ctx, &bpf, &bpf_len, err, errlen))
        goto fail;

    /* runc patchbpf.generatePatch */
    int want_stub = !o.no_enosys_stub && !is_allow_action(c.def.action) &&
                    !(c.has_def_errno && c.def_errno == RET_ENOSYS);
    if (want_stub) {
        LastSys ls[32];
        size_t nls;
        if (find_last_syscalls(&c, ls, &nls, err, errlen) || gen_enosys_stub(ls, nls, &stub, err, errlen))
            goto fail;
    }
    f->len = stub.n + bpf_len;
    f->stub_len = stub.n;
    f->prog = malloc(f->len * sizeof *f->prog);
    if (!f->prog) {
        seterr(err, errlen, "out of memory");
        goto fail;
    }
    if (stub.n)
        memcpy(f->prog, stub.v, stub.n * sizeof *stub.v);
    memcpy(f->prog + stub.n, bpf, bpf_len * sizeof *bpf);
    size_t bad;
    int vrc = bpf_validate(f->prog, f->len, &bad);
    if (vrc != BPF_OK) { /* the kernel would refuse it, and so would runc's load */
        seterr(err, errlen, "error loading seccomp filter into kernel: %s at insn %zu",
               bpf_strerror(vrc), bad);
        goto fail;
    }
    seterr(err, errlen, "ok");
    goto done;
fail:
    oracle_free(f);
    f = NULL;
done:
    if (f && f->nsaid)
        qsort(f->said, f->nsaid, sizeof *f->said, said_cmp);
    free(stub.v);
    free(bpf);
    if (ctx)
        seccomp_release(ctx);
    free(c.rules);
    free_strv(caps);
    json_object_put(root);
    return f;
}

OracleFilter *oracle_load_rules(const char *json_text, const OracleOptions *opts, char *err, size_t errlen)
{
    return oracle_load_json_optimize(json_text, opts, ORACLE_RULES_ONLY, err, errlen);
}

OracleFilter *oracle_load_json_opts(const char *json_text, const OracleOptions *opts, char *err,
                                    size_t errlen)
{
    return oracle_load_json_optimize(json_text, opts, ORACLE_OPTIMIZE_RUNC, err, errlen);
}

OracleFilter *oracle_load_json(const char *json_text, const char *const *caps, uint32_t native_arch,
                               char *err, size_t errlen)
{
    OracleOptions o = {caps, native_arch, 0, 0, 0};
    return oracle_load_json_opts(json_text, &o, err, errlen);
}

const struct sock_filter *oracle_bpf(const OracleFilter *f, size_t *len)
{
    if (len)
        *len = f ? f->len : 0;
    return f ? f->prog : NULL;
}

size_t oracle_stub_len(const OracleFilter *f) { return f ? f->stub_len : 0; }

size_t oracle_skipped_names(const OracleFilter *f, const char ***names)
{
    static const char *none[] = {NULL};
    if (names)
        *names = (f && f->skipped) ? (const char **)f->skipped : none;
    return f ? f->nskipped : 0;
}

size_t oracle_redundant_rules(const OracleFilter *f) { return f ? f->redundant : 0; }

size_t oracle_arches(const OracleFilter *f, const uint32_t **arches)
{
    if (arches)
        *arches = f ? f->arches : NULL;
    return f ? f->narches : 0;
}

BpfResult oracle_eval(const OracleFilter *f, const struct seccomp_data *d)
{
    if (!f) {
        BpfResult r = {0, 0, BPF_E_NULL};
        return r;
    }
    return bpf_run(f->prog, f->len, d);
}

void oracle_free(OracleFilter *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nsaid; i++)
        free(f->said[i].name);
    free(f->said);
    free(f->prog);
    free_strv(f->skipped);
    free(f);
}

static int said_cond_holds(const struct scmp_arg_cmp *c, int narrow, const uint64_t args[6])
{
    uint64_t x = args[c->arg], a = c->datum_a, b = c->datum_b;
    if (narrow) {
        x &= 0xffffffffu;
        a &= 0xffffffffu;
        b &= 0xffffffffu;
    }
    switch (c->op) {
    case SCMP_CMP_NE: return x != a;
    case SCMP_CMP_LT: return x < a;
    case SCMP_CMP_LE: return x <= a;
    case SCMP_CMP_EQ: return x == a;
    case SCMP_CMP_GE: return x >= a;
    case SCMP_CMP_GT: return x > a;
    case SCMP_CMP_MASKED_EQ: return (x & a) == b;
    default: return 0;
    }
}

int oracle_profile_says(const OracleFilter *f, const char *name, int narrow, const uint64_t args[6], uint32_t *ret)
{
    int matched = 0;
    *ret = f->def_action;
    size_t lo = 0, hi = f->nsaid;
    while (lo < hi) { /* the first rule of name */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(f->said[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < f->nsaid && strcmp(f->said[i].name, name) == 0; i++) {
        const SaidRule *r = &f->said[i];
        int holds = r->any ? 0 : 1;
        for (size_t k = 0; k < r->ncond; k++) {
            int h = said_cond_holds(&r->cond[k], narrow, args);
            holds = r->any ? (holds || h) : (holds && h);
        }
        if (!holds)
            continue;
        if (matched && *ret != r->action)
            return 1;
        matched = 1;
        *ret = r->action;
    }
    return 0;
}

size_t oracle_profile_rules(const OracleFilter *f, const char *name)
{
    size_t lo = 0, hi = f->nsaid;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(f->said[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < f->nsaid && strcmp(f->said[lo + n].name, name) == 0)
        n++;
    return n;
}
