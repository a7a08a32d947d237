/* `docker run` / `podman run` options for the whole policy, one per line, each
 * one shell word (`--name=value`), so that `docker run $(cat NAME.run-flags)
 * IMAGE` and `mapfile -t` both read it. No comments: the shell would pass
 * them on as arguments.
 *
 * The seccomp profile is the Docker back end's NAME.seccomp.json, named the
 * way the engine's client opens it: relative to where it runs, so the output
 * directory as given to -o (BackendOptions.out_dir). The filesystem and
 * network rules are the AppArmor profile named after the policy, which must
 * be loaded (polc load); everything else is the engine's own flags
 * (backend/container_spec.h). */
#include <string.h>

#include "backend/backend.h"
#include "backend/container_spec.h"

static void limit(StrBuf *out, const char *flag, uint64_t v)
{
    if (v == CONTAINER_UNLIMITED)
        sb_printf(out, "%s=-1\n", flag);
    else
        sb_printf(out, "%s=%llu\n", flag, (unsigned long long)v);
}

static void ulimit(StrBuf *out, const char *name, uint64_t soft, uint64_t hard)
{
    sb_printf(out, "--ulimit=%s=", name);
    if (soft == CONTAINER_UNLIMITED)
        sb_puts(out, "-1");
    else
        sb_printf(out, "%llu", (unsigned long long)soft);
    if (hard == CONTAINER_UNLIMITED)
        sb_puts(out, ":-1\n");
    else
        sb_printf(out, ":%llu\n", (unsigned long long)hard);
}

void run_flags_render(const ContainerSpec *s, const char *seccomp_path, bool podman, StrBuf *out)
{
    sb_printf(out, "--security-opt=seccomp=%s\n", seccomp_path);
    sb_printf(out, "--security-opt=apparmor=%s\n", s->apparmor_profile);
    if (s->no_new_privs)
        sb_puts(out, "--security-opt=no-new-privileges\n");
    sb_puts(out, "--cap-drop=ALL\n");
    for (int i = 0; i < s->ncaps; i++)
        sb_printf(out, "--cap-add=%s\n", s->caps[i]);
    if (s->has_user)
        sb_printf(out, "--user=%s\n", s->user_arg);
    if (s->read_only_root)
        sb_puts(out, "--read-only\n");
    /* podman: an empty tmpfs as under Docker, not a copy of the image's files
     * (a copied 0640 file of another user is unreadable without
     * DAC_OVERRIDE: Debian's nginx image has such logs) */
    for (size_t i = 0; i < s->tmpfs.len; i++)
        sb_printf(out, "--tmpfs=%s:%s%s%s\n", s->tmpfs.items[i].dir, s->tmpfs.items[i].options,
                  podman ? ",notmpcopyup" : "", s->tmpfs_owner ? s->tmpfs_owner : "");
    if (s->pids_set)
        limit(out, "--pids-limit", s->pids);
    if (s->memory_set && s->memory != CONTAINER_UNLIMITED)
        limit(out, "--memory", s->memory);
    if (s->swap_set)
        limit(out, "--memory-swap", s->memory_swap);
    if (s->cpus_set) {
        char cpus[32];
        sb_printf(out, "--cpus=%s\n", container_cpus_text(s->cpus_milli, cpus));
    }
    if (s->nofile_set)
        ulimit(out, "nofile", s->nofile_soft, s->nofile_hard);
    if (s->nproc_set)
        ulimit(out, "nproc", s->nproc_soft, s->nproc_hard);
}

/* The client splits `$(cat FILE)` at white space and expands globs. */
static bool one_word(const char *s) { return !strpbrk(s, " \t\n*?["); }

bool backend_run_flags(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out)
{
    static const char OUTPUT[] = "docker/podman run flags";
    ContainerSpec s;
    if (!container_build(policy, opt, OUTPUT, diag, &s) ||
        !container_tmpfs_owner(policy, opt, &s, opt->engine_podman ? "podman run flags" : "Docker run flags",
                               opt->engine_podman, diag, &s.tmpfs_owner))
        return false;
    const char *path = opt->out_dir ? arena_printf(policy->arena, "%s/%s", opt->out_dir, s.seccomp_file)
                                    : s.seccomp_file;
    if (!one_word(path)) {
        Diag *g = diag_error(diag, "E1201", SPAN_NONE,
                             "the %s cannot name the seccomp profile `%s`: `$(cat FILE)` would split or expand it",
                             OUTPUT, path);
        diag_help(diag, g, "write the outputs to a directory whose path has no white space or `*?[`");
        return false;
    }
    run_flags_render(&s, path, opt->engine_podman, out);
    return true;
}
