/* polc import, step 1: read the profile file (JSON or YAML), find the
 * seccomp object in it (moby/OCI profile, OCI config.json, Security Profiles
 * Operator SeccompProfile) and turn each entry into an ImpRule the way
 * moby's setupSeccomp and runc's specconv read it. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "import/import.h"
#include "util/file.h"

/* ---- helpers --------------------------------------------------------- */

/* Go's encoding/json matches keys case-insensitively. */
static json_object *jget(json_object *o, const char *key)
{
    if (!o || !json_object_is_type(o, json_type_object))
        return NULL;
    json_object *v;
    if (json_object_object_get_ex(o, key, &v))
        return v;
    json_object_object_foreach(o, k, val)
    {
        if (strcasecmp(k, key) == 0)
            return val;
    }
    return NULL;
}

/* An integer field, already checked by strict.c to be a uint64 literal. */
static bool juint(json_object *o, uint64_t *out)
{
    if (!json_object_is_type(o, json_type_int))
        return false;
    *out = json_object_get_uint64(o);
    return true;
}

/* SPO v1beta1's errnoRet: a string of decimal digits (strict.c checked it). */
static bool juint_string(json_object *o, uint64_t *out)
{
    const char *s = json_object_is_type(o, json_type_string) ? json_object_get_string(o) : NULL;
    if (!s || !*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 10)
        return false;
    *out = strtoull(s, NULL, 10);
    return true;
}

static const char *jstr(json_object *o)
{
    return o && json_object_is_type(o, json_type_string) ? json_object_get_string(o) : NULL;
}

static size_t jlen(json_object *o)
{
    return o && json_object_is_type(o, json_type_array) ? json_object_array_length(o) : 0;
}

/* The API server prunes what the SeccompProfile CRD does not declare, so
 * the operator never sees it (strict.c warns about each key): drop it here
 * too, or an `includes` or `defaultErrnoRet` would be read that the profile
 * the node gets does not have. */
static void spo_prune(json_object *o, const char *const *keep)
{
    if (!o || !json_object_is_type(o, json_type_object))
        return;
    const char *drop[64];
    size_t n = 0;
    json_object_object_foreach(o, k, v) {
        (void)v;
        bool kept = false;
        for (const char *const *w = keep; *w; w++)
            kept |= !strcasecmp(k, *w);
        if (!kept && n < sizeof drop / sizeof *drop)
            drop[n++] = k;
    }
    for (size_t i = 0; i < n; i++)
        json_object_object_del(o, drop[i]);
}

static void spo_prune_spec(json_object *spec)
{
    static const char *const SPEC[] = {"defaultAction", "architectures", "syscalls", "flags", "disabled",
                                       "baseProfileName", NULL};
    static const char *const SYSCALL[] = {"names", "action", "errnoRet", "args", NULL};
    spo_prune(spec, SPEC);
    json_object *calls = jget(spec, "syscalls");
    for (size_t i = 0; i < jlen(calls); i++)
        spo_prune(json_object_array_get_idx(calls, i), SYSCALL);
}

static Span no_span(void) { return SPAN_NONE; }

static bool parse_action(ImpCtx *ic, const char *s, json_object *errno_ret, json_object *errno_name,
                         const char *where, ImpAction *out)
{
    static const struct {
        const char *s;
        ActKind k;
    } T[] = {
        {"SCMP_ACT_KILL", ACT_KILL_THREAD},       {"SCMP_ACT_KILL_THREAD", ACT_KILL_THREAD},
        {"SCMP_ACT_KILL_PROCESS", ACT_KILL_PROCESS}, {"SCMP_ACT_TRAP", ACT_TRAP},
        {"SCMP_ACT_ERRNO", ACT_ERRNO},            {"SCMP_ACT_TRACE", ACT_TRACE},
        {"SCMP_ACT_LOG", ACT_LOG},                {"SCMP_ACT_NOTIFY", ACT_NOTIFY},
        {"SCMP_ACT_ALLOW", ACT_ALLOW},
    };
    if (!s) {
        diag_error(&ic->ctx->diag, IMP_E_PROFILE, no_span(), "%s: %s: missing or non-string action", ic->prof.path,
                   where);
        return false;
    }
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        if (!strcmp(T[i].s, s)) {
            out->kind = T[i].k;
            out->data = 0;
            if (out->kind == ACT_ERRNO || out->kind == ACT_TRACE) {
                uint64_t v = 1; /* runc: EPERM when errnoRet is absent */
                if (errno_ret && !json_object_is_type(errno_ret, json_type_null)) {
                    if (!(ic->prof.errno_ret_string ? juint_string(errno_ret, &v) : juint(errno_ret, &v))) {
                        diag_error(&ic->ctx->diag, IMP_E_PROFILE, no_span(), "%s: %s: bad errnoRet %s",
                                   ic->prof.path, where, json_object_to_json_string(errno_ret));
                        return false;
                    }
                } else if (jstr(errno_name)) {
                    uint32_t ev;
                    if (!imp_errno_value(ic, jstr(errno_name), &ev)) {
                        diag_error(&ic->ctx->diag, IMP_E_PROFILE, no_span(), "%s: %s: unknown errno `%s`",
                                   ic->prof.path, where, jstr(errno_name));
                        return false;
                    }
                    v = ev;
                    diag_warning(&ic->ctx->diag, IMP_W_FORMAT, no_span(),
                                 "%s: %s: used the string field \"errno\": \"%s\" (containers/common); moby's and "
                                 "runc's loaders ignore it and return EPERM",
                                 ic->prof.path, where, jstr(errno_name));
                }
                v &= 0xffff; /* runc: int16(errnoRet) */
                if (out->kind == ACT_ERRNO && v > 4095) {
                    diag_error(&ic->ctx->diag, IMP_E_PROFILE, no_span(),
                               "%s: %s: errno %llu is above 4095, which polc (and the kernel's errno range) "
                               "does not support",
                               ic->prof.path, where, (unsigned long long)v);
                    return false;
                }
                out->data = (uint32_t)v;
            }
            return true;
        }
    diag_error(&ic->ctx->diag, IMP_E_PROFILE, no_span(), "%s: %s: unknown action `%s`", ic->prof.path, where, s);
    return false;
}

static const struct {
    const char *scmp;
    ArchId arch;
} SCMP_ARCHES[] = {
    {"SCMP_ARCH_X86_64", ARCH_X86_64}, {"SCMP_ARCH_X86", ARCH_X86},     {"SCMP_ARCH_X32", ARCH_X32},
    {"SCMP_ARCH_AARCH64", ARCH_AARCH64}, {"SCMP_ARCH_ARM", ARCH_ARM},   {"SCMP_ARCH_RISCV64", ARCH_RISCV64},
    {"SCMP_ARCH_PPC64LE", ARCH_PPC64LE}, {"SCMP_ARCH_S390X", ARCH_S390X},
};

static void add_scmp_arch(ImpCtx *ic, const char *s, StrBuf *unsupported)
{
    for (size_t i = 0; i < sizeof SCMP_ARCHES / sizeof *SCMP_ARCHES; i++)
        if (s && !strcmp(SCMP_ARCHES[i].scmp, s)) {
            ic->prof.arch_mask |= 1u << SCMP_ARCHES[i].arch;
            return;
        }
    sb_printf(unsupported, "%s%s", unsupported->len ? ", " : "", s ? s : "?");
}

/* moby's includes/excludes.arches name the host (runtime.GOARCH). */
static uint32_t host_family_mask(const char *goarch)
{
    ArchId fam;
    if (!strcmp(goarch, "amd64"))
        fam = ARCH_X86_64;
    else if (!strcmp(goarch, "arm64"))
        fam = ARCH_AARCH64;
    else if (!strcmp(goarch, "riscv64"))
        fam = ARCH_RISCV64;
    else if (!strcmp(goarch, "ppc64le"))
        fam = ARCH_PPC64LE;
    else if (!strcmp(goarch, "s390x"))
        fam = ARCH_S390X;
    else
        return 0; /* a host polc does not model (386, arm, s390, mips...) */
    uint32_t m = 0;
    for (int a = 0; a < ARCH__COUNT; a++)
        if (arch_info((ArchId)a)->family == fam)
            m |= 1u << a;
    return m;
}

#define APUSH(v, x) VEC_PUSH(&ic->ctx->arena, v, x)

static bool read_caps(ImpCtx *ic, json_object *caps, bool include, ImpRule *r, const char *where)
{
    for (size_t i = 0; i < jlen(caps); i++) {
        const char *c = jstr(json_object_array_get_idx(caps, i));
        int num = c ? imp_cap_num(ic, c) : -1;
        if (num < 0) {
            diag_warning(&ic->ctx->diag, IMP_W_FORMAT, SPAN_NONE, "%s: %s: unknown capability `%s`: %s",
                         ic->prof.path, where, c ? c : "?",
                         include ? "no container holds it, the entry is left out"
                                 : "no container holds it, the exclusion is ignored");
            if (include)
                return false;
            continue;
        }
        if (include)
            r->cap_req |= 1ull << num;
        else
            r->cap_forbid |= 1ull << num;
    }
    return true;
}

static bool read_entry(ImpCtx *ic, json_object *call, size_t idx)
{
    char where[64];
    snprintf(where, sizeof where, "syscalls[%zu]", idx);
    ImpRule r;
    memset(&r, 0, sizeof r);
    r.entry = idx;
    r.arch_mask = (1u << ARCH__COUNT) - 1; /* narrowed by includes/excludes.arches */
    if (!json_object_is_type(call, json_type_object)) {
        diag_error(&ic->ctx->diag, IMP_E_PROFILE, SPAN_NONE, "%s: %s is not an object", ic->prof.path, where);
        return false;
    }
    const char *name = jstr(jget(call, "name"));
    json_object *names = jget(call, "names");
    if (name && *name)
        APUSH(r.names, arena_strdup(&ic->ctx->arena, name));
    for (size_t i = 0; i < jlen(names); i++) {
        const char *n = jstr(json_object_array_get_idx(names, i));
        if (!n || !*n) {
            diag_error(&ic->ctx->diag, IMP_E_PROFILE, SPAN_NONE, "%s: %s: a syscall name is empty or not a string",
                       ic->prof.path, where);
            return false;
        }
        APUSH(r.names, arena_strdup(&ic->ctx->arena, n));
    }
    if (name && *name && jlen(names))
        diag_warning(&ic->ctx->diag, IMP_W_FORMAT, SPAN_NONE,
                     "%s: %s has both `name` and `names`; moby refuses such a profile, polc imports both",
                     ic->prof.path, where);
    const char *cm = jstr(jget(call, "comment"));
    if (cm && *cm)
        r.comment = arena_strdup(&ic->ctx->arena, cm);
    if (!parse_action(ic, jstr(jget(call, "action")), jget(call, "errnoRet"), jget(call, "errno"), where, &r.act))
        return false;

    /* conditions */
    json_object *args = jget(call, "args");
    unsigned counts[8] = {0};
    r.nconds = jlen(args);
    r.conds = r.nconds ? arena_alloc(&ic->ctx->arena, r.nconds * sizeof *r.conds) : NULL;
    for (size_t i = 0; i < r.nconds; i++) {
        static const char *const OPS[] = {"SCMP_CMP_EQ", "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE",
                                          "SCMP_CMP_GT", "SCMP_CMP_GE", "SCMP_CMP_MASKED_EQ"};
        json_object *a = json_object_array_get_idx(args, i);
        const char *op = jstr(jget(a, "op"));
        uint64_t index = 0, v = 0, v2 = 0;
        json_object *ji = jget(a, "index"), *jv = jget(a, "value"), *jv2 = jget(a, "valueTwo");
        ImpCond *c = &r.conds[i];
        c->op = -1;
        for (int k = 0; op && k < 7; k++)
            if (!strcmp(OPS[k], op))
                c->op = k;
        if (c->op < 0 || (ji && !juint(ji, &index)) || (jv && !juint(jv, &v)) || (jv2 && !juint(jv2, &v2)) ||
            index > 5) {
            diag_error(&ic->ctx->diag, IMP_E_PROFILE, SPAN_NONE, "%s: %s: bad argument condition %s",
                       ic->prof.path, where, json_object_to_json_string(a));
            return false;
        }
        c->index = (unsigned)index;
        c->value = v;
        c->value2 = v2;
        if (++counts[index] > 1)
            r.conds_or = true;
    }

    /* includes / excludes (moby setupSeccomp) */
    json_object *inc = jget(call, "includes"), *exc = jget(call, "excludes");
    json_object *ia = jget(inc, "arches"), *ea = jget(exc, "arches");
    if (jlen(ia)) {
        uint32_t m = 0;
        for (size_t i = 0; i < jlen(ia); i++)
            if (jstr(json_object_array_get_idx(ia, i)))
                m |= host_family_mask(jstr(json_object_array_get_idx(ia, i)));
        r.arch_mask &= m;
    }
    for (size_t i = 0; i < jlen(ea); i++)
        if (jstr(json_object_array_get_idx(ea, i)))
            r.arch_mask &= ~host_family_mask(jstr(json_object_array_get_idx(ea, i)));
    if (!read_caps(ic, jget(inc, "caps"), true, &r, where))
        return true; /* never applies */
    read_caps(ic, jget(exc, "caps"), false, &r, where);
    const char *ik = jstr(jget(inc, "minKernel")), *ek = jstr(jget(exc, "minKernel"));
    if (ik && *ik) {
        APUSH(r.notes, arena_printf(&ic->ctx->arena,
                                    "the profile requires kernel >= %s for this entry; polc has no kernel "
                                    "conditions, so it is imported as always applying",
                                    ik));
        diag_warning(&ic->ctx->diag, IMP_W_MINKERNEL, SPAN_NONE,
                     "%s: %s (%s...) requires kernel >= %s; imported as always applying (polc has no kernel "
                     "version conditions)",
                     ic->prof.path, where, r.names.len ? r.names.items[0] : "", ik);
    }
    if (ek && *ek) {
        diag_warning(&ic->ctx->diag, IMP_W_MINKERNEL, SPAN_NONE,
                     "%s: %s (%s...) is excluded on kernels >= %s; imported as excluded (polc has no kernel "
                     "version conditions)",
                     ic->prof.path, where, r.names.len ? r.names.items[0] : "", ek);
        APUSH(ic->prof.header, arena_printf(&ic->ctx->arena,
                                            "%s (%s...) left out: the profile excludes it on kernels >= %s", where,
                                            r.names.len ? r.names.items[0] : "", ek));
        return true;
    }
    if ((r.cap_req & r.cap_forbid) != 0)
        return true; /* can never apply */
    APUSH(ic->prof.rules, r);
    return true;
}

/* Read the file and the profile object in it. */
bool imp_read_profile(ImpCtx *ic, const char *path)
{
    ImpProfile *p = &ic->prof;
    p->path = path;
    size_t len;
    int err;
    char *text = read_file_arena(&ic->ctx->arena, path, &len, &err);
    if (!text) {
        diag_error(&ic->ctx->diag, "E0200", SPAN_NONE, "cannot read %s: %s", path, strerror(err));
        return false;
    }
    bool yaml = false, failed = false;
    json_object *root = imp_parse_strict(ic, text, len, &yaml, &failed);
    if (failed)
        return false;
    json_object *prof = NULL;
    const char *kind = jstr(jget(root, "kind"));
    if (kind && !strcmp(kind, "SeccompProfile")) {
        prof = jget(root, "spec");
        p->errno_ret_string = true;
        spo_prune_spec(prof);
        p->format = yaml ? "Security Profiles Operator SeccompProfile (YAML)"
                         : "Security Profiles Operator SeccompProfile (JSON)";
        json_object *md = jget(root, "metadata");
        if (jstr(jget(md, "name")))
            APUSH(p->header, arena_printf(&ic->ctx->arena, "SeccompProfile metadata.name: %s",
                                          jstr(jget(md, "name"))));
        if (jstr(jget(prof, "baseProfileName")))
            diag_warning(&ic->ctx->diag, IMP_W_FORMAT, SPAN_NONE,
                         "%s: spec.baseProfileName `%s` is not imported: import the base profile and `include` it",
                         path, jstr(jget(prof, "baseProfileName")));
    } else if (jget(jget(root, "linux"), "seccomp")) {
        prof = jget(jget(root, "linux"), "seccomp");
        p->format = "OCI runtime config.json (linux.seccomp)";
    } else if (jget(root, "defaultAction")) {
        prof = root;
        p->format = jget(root, "archMap") || strstr(text, "\"includes\"") || strstr(text, "\"comment\"")
                        ? "Docker/moby seccomp profile"
                        : "Docker/moby or OCI linux.seccomp profile";
    }
    if (!prof || !json_object_is_type(prof, json_type_object) || !jstr(jget(prof, "defaultAction"))) {
        diag_error(&ic->ctx->diag, IMP_E_PROFILE, SPAN_NONE,
                   "%s: not a seccomp profile: expected a Docker/moby or OCI profile (`defaultAction`), an OCI "
                   "config.json (`linux.seccomp`) or a SeccompProfile (`kind: SeccompProfile`)",
                   path);
        json_object_put(root);
        return false;
    }
    bool ok = parse_action(ic, jstr(jget(prof, "defaultAction")), jget(prof, "defaultErrnoRet"), NULL,
                           "defaultAction", &p->def);
    /* target arches */
    StrBuf unsupported = {0};
    json_object *arches = jget(prof, "architectures"), *amap = jget(prof, "archMap");
    if (jlen(arches) && jlen(amap))
        diag_warning(&ic->ctx->diag, IMP_W_FORMAT, SPAN_NONE,
                     "%s: both `architectures` and `archMap` are given; moby refuses such a profile, polc uses "
                     "`architectures`",
                     path);
    if (jlen(arches)) {
        for (size_t i = 0; i < jlen(arches); i++)
            add_scmp_arch(ic, jstr(json_object_array_get_idx(arches, i)), &unsupported);
    } else if (jlen(amap)) {
        for (size_t i = 0; i < jlen(amap); i++) {
            json_object *e = json_object_array_get_idx(amap, i);
            const char *a = jstr(jget(e, "architecture"));
            if (!a || strcmp(a, "SCMP_ARCH_X86_64"))
                continue;
            add_scmp_arch(ic, a, &unsupported);
            json_object *subs = jget(e, "subArchitectures");
            for (size_t j = 0; j < jlen(subs); j++)
                add_scmp_arch(ic, jstr(json_object_array_get_idx(subs, j)), &unsupported);
        }
        APUSH(p->header, arena_strdup(&ic->ctx->arena,
                                      "archMap: the SCMP_ARCH_X86_64 entry and its sub-architectures (an x86-64 "
                                      "host); use --arch for another host's family"));
    } else {
        p->arch_mask = 1u << ARCH_X86_64;
        APUSH(p->header, arena_strdup(&ic->ctx->arena,
                                      "no architectures in the profile: runc then filters the native arch only "
                                      "(x86_64 here); other ABIs are killed"));
    }
    if (unsupported.len) {
        diag_warning(&ic->ctx->diag, IMP_W_ARCH, SPAN_NONE, "%s: architectures polc does not target are left out: %s",
                     path, unsupported.data);
        APUSH(p->header, arena_printf(&ic->ctx->arena, "left out (polc does not target them): %s", unsupported.data));
    }
    free(unsupported.data);
    if (!p->arch_mask && ok) {
        diag_error(&ic->ctx->diag, IMP_E_PROFILE, SPAN_NONE, "%s: none of the profile's architectures is one polc "
                   "targets; use --arch", path);
        ok = false;
    }
    json_object *calls = jget(prof, "syscalls");
    for (size_t i = 0; ok && i < jlen(calls); i++)
        ok = read_entry(ic, json_object_array_get_idx(calls, i), i);
    json_object *flags = jget(prof, "flags");
    if (jlen(flags)) {
        StrBuf fb = {0};
        for (size_t i = 0; i < jlen(flags); i++)
            sb_printf(&fb, "%s%s", i ? ", " : "", jstr(json_object_array_get_idx(flags, i)) ? jstr(json_object_array_get_idx(flags, i)) : "?");
        APUSH(p->header, arena_printf(&ic->ctx->arena, "filter flags not expressible in polc: %s", fb.data ? fb.data : ""));
        free(fb.data);
    }
    if (jstr(jget(prof, "listenerPath")))
        APUSH(p->header, arena_printf(&ic->ctx->arena, "listenerPath (for notify): %s",
                                      jstr(jget(prof, "listenerPath"))));
    json_object_put(root);
    return ok;
}
