/* The OCI runtime-spec fragment of the whole policy, for runc and crun: the
 * parts of config.json the policy decides (process.user, noNewPrivileges,
 * capabilities, rlimits, apparmorProfile; root.readonly; a tmpfs mount per
 * `write` directory; linux.resources and linux.seccomp). `polc oci-merge`
 * puts it into an existing config.json (cli/cmd_oci_merge.c).
 *
 * linux.seccomp is the Docker back end's validated profile as runc receives
 * it from Docker: the entries whose includes/excludes.caps the policy's own
 * capability set selects, without them. Capability scenarios are resolved
 * here because config.json fixes the capability set; an entry limited to
 * some arches (includes.arches) has no OCI form, since a config.json names
 * no host: refused (E1204). The five capability sets are all the policy's
 * set, as polc run makes them (run/caps.c): a non-root user keeps them
 * through execve by the ambient set, as podman does. */
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "backend/backend.h"
#include "backend/container_spec.h"
#include "middle/accounts.h"

static json_object *str_array(const char *const *items, size_t n, const char *prefix)
{
    json_object *a = json_object_new_array();
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s%s", prefix, items[i]);
        json_object_array_add(a, json_object_new_string(buf));
    }
    return a;
}

static bool holds(const ContainerSpec *s, const char *cap) /* "CAP_X" */
{
    if (strncmp(cap, "CAP_", 4) == 0)
        cap += 4;
    for (int i = 0; i < s->ncaps; i++)
        if (strcmp(s->caps[i], cap) == 0)
            return true;
    return false;
}

static bool selected(const ContainerSpec *s, const DockerEntry *e)
{
    for (size_t i = 0; i < e->inc_caps.len; i++)
        if (!holds(s, e->inc_caps.items[i]))
            return false;
    for (size_t i = 0; i < e->exc_caps.len; i++)
        if (holds(s, e->exc_caps.items[i]))
            return false;
    return true;
}

static json_object *seccomp(const ContainerSpec *s, const DockerProfile *dp)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "defaultAction", json_object_new_string(dp->default_action_name));
    if (dp->has_default_errno_ret)
        json_object_object_add(o, "defaultErrnoRet", json_object_new_int64((int64_t)dp->default_errno_ret));
    json_object *arches = json_object_new_array();
    if (!dp->use_arch_map) {
        for (size_t i = 0; i < dp->architectures.len; i++)
            json_object_array_add(arches, json_object_new_string(dp->architectures.items[i]));
    } else { /* one config for hosts of either family: every targeted ABI */
        for (size_t i = 0; i < dp->arch_map.len; i++) {
            json_object_array_add(arches, json_object_new_string(dp->arch_map.items[i].arch));
            for (size_t j = 0; j < dp->arch_map.items[i].subs.len; j++)
                json_object_array_add(arches, json_object_new_string(dp->arch_map.items[i].subs.items[j]));
        }
    }
    json_object_object_add(o, "architectures", arches);
    json_object *calls = json_object_new_array();
    for (size_t i = 0; i < dp->entries.len; i++) {
        const DockerEntry *e = &dp->entries.items[i];
        if (!selected(s, e))
            continue;
        json_object *c = json_object_new_object();
        json_object_object_add(c, "names", str_array(e->names.items, e->names.len, ""));
        json_object_object_add(c, "action", json_object_new_string(e->action_name));
        if (e->has_errno_ret)
            json_object_object_add(c, "errnoRet", json_object_new_int64((int64_t)e->errno_ret));
        if (e->args.len) {
            json_object *args = json_object_new_array();
            for (size_t j = 0; j < e->args.len; j++) {
                const DockerArg *a = &e->args.items[j];
                json_object *ao = json_object_new_object();
                json_object_object_add(ao, "index", json_object_new_int64(a->index));
                json_object_object_add(ao, "value", json_object_new_uint64(a->value));
                json_object_object_add(ao, "valueTwo", json_object_new_uint64(a->value_two));
                json_object_object_add(ao, "op", json_object_new_string(a->op));
                json_object_array_add(args, ao);
            }
            json_object_object_add(c, "args", args);
        }
        json_object_array_add(calls, c);
    }
    json_object_object_add(o, "syscalls", calls);
    return o;
}

static json_object *u64(uint64_t v) { return json_object_new_uint64(v); }
/* int64 fields of linux.resources: -1 is "no limit" */
static json_object *i64(uint64_t v) { return json_object_new_int64(v == CONTAINER_UNLIMITED ? -1 : (int64_t)v); }

static json_object *rlimit(const char *type, uint64_t soft, uint64_t hard)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "type", json_object_new_string(type));
    json_object_object_add(o, "hard", u64(hard));
    json_object_object_add(o, "soft", u64(soft));
    return o;
}

static json_object *process(const ContainerSpec *s, const AccountIds *ids)
{
    json_object *p = json_object_new_object();
    if (ids->has_user) {
        json_object *u = json_object_new_object();
        json_object_object_add(u, "uid", u64(ids->uid));
        json_object_object_add(u, "gid", u64(ids->gid));
        json_object_object_add(p, "user", u);
    }
    json_object_object_add(p, "noNewPrivileges", json_object_new_boolean(s->no_new_privs));
    json_object *caps = json_object_new_object();
    static const char *const SETS[] = {"bounding", "effective", "inheritable", "permitted", "ambient"};
    for (size_t i = 0; i < 5; i++)
        json_object_object_add(caps, SETS[i], str_array(s->caps, (size_t)s->ncaps, "CAP_"));
    json_object_object_add(p, "capabilities", caps);
    if (s->nofile_set || s->nproc_set) {
        json_object *r = json_object_new_array();
        if (s->nofile_set)
            json_object_array_add(r, rlimit("RLIMIT_NOFILE", s->nofile_soft, s->nofile_hard));
        if (s->nproc_set)
            json_object_array_add(r, rlimit("RLIMIT_NPROC", s->nproc_soft, s->nproc_hard));
        json_object_object_add(p, "rlimits", r);
    }
    json_object_object_add(p, "apparmorProfile", json_object_new_string(s->apparmor_profile));
    return p;
}

#define CPU_PERIOD 100000 /* microseconds: runc's and the kernel's default period */

static json_object *resources(const ContainerSpec *s)
{
    json_object *r = json_object_new_object();
    if (s->pids_set) {
        json_object *o = json_object_new_object();
        json_object_object_add(o, "limit", i64(s->pids));
        json_object_object_add(r, "pids", o);
    }
    if (s->memory_set || s->swap_set) {
        json_object *o = json_object_new_object();
        if (s->memory_set)
            json_object_object_add(o, "limit", i64(s->memory));
        if (s->swap_set) /* memory plus swap, as Docker's --memory-swap */
            json_object_object_add(o, "swap", i64(s->memory_swap));
        json_object_object_add(r, "memory", o);
    }
    if (s->cpus_set) {
        json_object *o = json_object_new_object();
        json_object_object_add(o, "quota", json_object_new_int64((int64_t)(s->cpus_milli * (CPU_PERIOD / 1000))));
        json_object_object_add(o, "period", u64(CPU_PERIOD));
        json_object_object_add(r, "cpu", o);
    }
    return r;
}

static bool refuse_arch_entries(const Policy *p, const DockerProfile *dp, DiagEngine *diag)
{
    for (size_t i = 0; i < dp->entries.len; i++)
        if (dp->entries.items[i].has_inc_arches) {
            const DockerEntry *e = &dp->entries.items[i];
            Diag *g = diag_error(diag, "E1204", e->span,
                                 "the OCI fragment cannot decide `%s` differently on the policy's arch families",
                                 e->names.items[0]);
            diag_note(diag, g, SPAN_NONE, "a config.json's linux.seccomp has no per-arch entries: it names no host");
            diag_help(diag, g, "compile one fragment per arch family with --arch (x86_64,x32 or aarch64,arm ...)");
            (void)p;
            return true;
        }
    return false;
}

bool backend_oci(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, const DockerProfile *docker,
                 StrBuf *out)
{
    ContainerSpec s;
    AccountIds ids;
    bool ok = container_build(policy, opt, "OCI fragment", diag, &s);
    /* runc reads process.user as numbers: a name is looked up in the image */
    ok = accounts_numeric(policy, opt->image_root, "OCI fragment", NULL, diag, &ids) && ok &&
         container_tmpfs_owner(policy, opt, &s, "OCI fragment", false, diag, &s.tmpfs_owner);
    if (!ok || refuse_arch_entries(policy, docker, diag))
        return false;
    json_object *root = json_object_new_object();
    json_object_object_add(root, "process", process(&s, &ids));
    json_object *r = json_object_new_object();
    json_object_object_add(r, "readonly", json_object_new_boolean(s.read_only_root));
    json_object_object_add(root, "root", r);
    if (s.tmpfs.len) {
        json_object *mounts = json_object_new_array();
        for (size_t i = 0; i < s.tmpfs.len; i++) {
            json_object *m = json_object_new_object();
            json_object_object_add(m, "destination", json_object_new_string(s.tmpfs.items[i].dir));
            json_object_object_add(m, "type", json_object_new_string("tmpfs"));
            json_object_object_add(m, "source", json_object_new_string("tmpfs"));
            json_object *o = json_object_new_array();
            char *opts = arena_printf(policy->arena, "%s%s", s.tmpfs.items[i].options,
                                      s.tmpfs_owner ? s.tmpfs_owner : "");
            for (char *save = NULL, *t = strtok_r(opts, ",", &save); t; t = strtok_r(NULL, ",", &save))
                json_object_array_add(o, json_object_new_string(t));
            json_object_object_add(m, "options", o);
            json_object_array_add(mounts, m);
        }
        json_object_object_add(root, "mounts", mounts);
    }
    json_object *linux_ = json_object_new_object();
    json_object_object_add(linux_, "resources", resources(&s));
    json_object_object_add(linux_, "seccomp", seccomp(&s, docker));
    json_object_object_add(root, "linux", linux_);
    sb_puts(out, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE));
    sb_putc(out, '\n');
    json_object_put(root);
    return true;
}
