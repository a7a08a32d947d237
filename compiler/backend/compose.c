/* A Compose service for the whole policy (Compose file format 2.4, which
 * docker-compose 1.29 and Compose v2 both read and which still has
 * pids_limit, mem_limit, memswap_limit and cpus outside `deploy`).
 *
 * The service is named after the policy; use the file on its own, or as a
 * second `-f` over a compose file with a service of that name, whose image
 * and command it keeps. Compose opens the seccomp file itself, relative to
 * the directory it runs in (docker-compose 1.29's SecurityOpt.parse): the
 * path written is `./NAME.seccomp.json`, the Docker back end's output next
 * to this file, so run docker-compose in the output directory
 * (docs/runtimes.md). Every string is written double-quoted with JSON's
 * escapes, which YAML reads the same. */
#include <stdio.h>
#include <string.h>

#include "backend/backend.h"
#include "backend/container_spec.h"

static void quoted(StrBuf *out, const char *s)
{
    sb_putc(out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            sb_printf(out, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            sb_printf(out, "\\u%04x", c);
        else
            sb_putc(out, (char)c);
    }
    sb_putc(out, '"');
}

static void item(StrBuf *out, const char *s)
{
    sb_puts(out, "      - ");
    quoted(out, s);
    sb_putc(out, '\n');
}

/* A service name Compose accepts ([a-zA-Z0-9._-]+). */
static const char *service_name(Arena *a, const char *name)
{
    char *s = arena_strdup(a, name);
    for (char *p = s; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", *p))
            *p = '-';
    return s;
}

static void number(StrBuf *out, const char *key, uint64_t v)
{
    if (v == CONTAINER_UNLIMITED)
        sb_printf(out, "    %s: -1\n", key);
    else
        sb_printf(out, "    %s: %llu\n", key, (unsigned long long)v);
}

static void rlimit(StrBuf *out, const char *name, uint64_t soft, uint64_t hard)
{
    sb_printf(out, "      %s:\n", name);
    sb_printf(out, soft == CONTAINER_UNLIMITED ? "        soft: -1\n" : "        soft: %llu\n", (unsigned long long)soft);
    sb_printf(out, hard == CONTAINER_UNLIMITED ? "        hard: -1\n" : "        hard: %llu\n", (unsigned long long)hard);
}

static void render(const ContainerSpec *s, Arena *a, StrBuf *out)
{
    sb_puts(out, "# polc: the Compose service of policy ");
    for (const char *p = s->name; *p; p++) /* a comment line: no control characters */
        sb_putc(out, (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p);
    sb_puts(out, ". Run docker-compose in this directory: it opens the\n"
                 "# seccomp profile relative to where it runs. The AppArmor profile must be loaded.\n");
    sb_puts(out, "version: \"2.4\"\nservices:\n  ");
    quoted(out, service_name(a, s->name));
    sb_puts(out, ":\n    security_opt:\n");
    item(out, arena_printf(a, "seccomp:./%s", s->seccomp_file));
    item(out, arena_printf(a, "apparmor:%s", s->apparmor_profile));
    if (s->no_new_privs)
        item(out, "no-new-privileges:true");
    sb_puts(out, "    cap_drop:\n");
    item(out, "ALL");
    if (s->ncaps) {
        sb_puts(out, "    cap_add:\n");
        for (int i = 0; i < s->ncaps; i++)
            item(out, s->caps[i]);
    }
    if (s->has_user)
        sb_printf(out, "    user: \"%s\"\n", s->user_arg);
    if (s->read_only_root)
        sb_puts(out, "    read_only: true\n");
    if (s->tmpfs.len) {
        sb_puts(out, "    tmpfs:\n");
        for (size_t i = 0; i < s->tmpfs.len; i++)
            item(out, arena_printf(a, "%s:%s%s", s->tmpfs.items[i].dir, s->tmpfs.items[i].options,
                                   s->tmpfs_owner ? s->tmpfs_owner : ""));
    }
    if (s->pids_set)
        number(out, "pids_limit", s->pids);
    if (s->memory_set && s->memory != CONTAINER_UNLIMITED)
        number(out, "mem_limit", s->memory);
    if (s->swap_set)
        number(out, "memswap_limit", s->memory_swap);
    if (s->cpus_set) {
        char cpus[32];
        sb_printf(out, "    cpus: %s\n", container_cpus_text(s->cpus_milli, cpus));
    }
    if (s->nofile_set || s->nproc_set) {
        sb_puts(out, "    ulimits:\n");
        if (s->nofile_set)
            rlimit(out, "nofile", s->nofile_soft, s->nofile_hard);
        if (s->nproc_set)
            rlimit(out, "nproc", s->nproc_soft, s->nproc_hard);
    }
}

bool backend_compose(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out)
{
    ContainerSpec s;
    if (!container_build(policy, opt, "Compose service", diag, &s) ||
        !container_tmpfs_owner(policy, opt, &s, "Compose service", false, diag, &s.tmpfs_owner))
        return false;
    render(&s, policy->arena, out);
    return true;
}
