/* The systemd drop-in's syscall part never allows what the policy denies,
 * and says exactly what the policy says wherever systemd can name the call:
 * for each policy, every syscall name of every target arch's table is judged
 * the way systemd judges it from the drop-in (SystemCallFilter= lines in
 * order, an allow list starting with the @default group that the local
 * `systemd-analyze syscall-filter @default` lists, `~` lines taking names
 * back; SystemCallErrorNumber=, SystemCallLog=; a name libseccomp cannot
 * resolve is skipped, as systemd skips it) and compared with ir_eval at the
 * policy's capability set. The same check must catch a drop-in with one
 * call too many (the tampered copy), or it proves nothing.
 *
 * usage: systemd_filter_test STDLIB_DIR POLICY.pol...   (exit 77: no systemd-analyze) */
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "middle/ir.h"

#define MAXN 4096

typedef struct Names {
    char *items[MAXN];
    char *errnos[MAXN]; /* deny-list suffix, NULL: none */
    size_t len;
} Names;

static Names sd_default; /* the local systemd's @default */

static long find(const Names *n, const char *name)
{
    for (size_t i = 0; i < n->len; i++)
        if (strcmp(n->items[i], name) == 0)
            return (long)i;
    return -1;
}

static void add(Names *n, const char *name, const char *err)
{
    long i = find(n, name);
    if (i >= 0) {
        n->errnos[i] = err ? strdup(err) : NULL;
        return;
    }
    if (n->len < MAXN) {
        n->items[n->len] = strdup(name);
        n->errnos[n->len++] = err ? strdup(err) : NULL;
    }
}

static void del(Names *n, const char *name)
{
    long i = find(n, name);
    if (i >= 0) {
        free(n->items[i]);
        free(n->errnos[i]);
        n->items[i] = n->items[--n->len];
        n->errnos[i] = n->errnos[n->len];
    }
}

static void clear(Names *n)
{
    for (size_t i = 0; i < n->len; i++)
        free(n->items[i]), free(n->errnos[i]);
    n->len = 0;
}

static bool load_default(void)
{
    FILE *f = popen("systemd-analyze syscall-filter @default 2>/dev/null", "r");
    if (!f)
        return false;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        char name[128];
        if (strncmp(line, "    ", 4) == 0 && line[4] != '#' && sscanf(line, " %127s", name) == 1 && name[0] != '@')
            add(&sd_default, name, NULL);
    }
    return pclose(f) == 0 && sd_default.len > 20;
}

/* systemd's reading of the drop-in: the filter's mode and names, the log list, the errno. */
typedef struct SdModel {
    bool have_filter, allow_list;
    Names filter, log;
    char error_number[64];
    char archs[256];
} SdModel;

static void read_dropin(const char *text, SdModel *m)
{
    memset(m, 0, sizeof *m);
    char *copy = strdup(text);
    for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char *eq = strchr(l, '=');
        if (!eq || l[0] == '#')
            continue;
        *eq = '\0';
        const char *key = l, *val = eq + 1;
        if (strcmp(key, "SystemCallErrorNumber") == 0) {
            snprintf(m->error_number, sizeof m->error_number, "%s", val);
        } else if (strcmp(key, "SystemCallArchitectures") == 0) {
            snprintf(m->archs, sizeof m->archs, "%s", val);
        } else if (strcmp(key, "SystemCallLog") == 0) {
            char *v = strdup(val);
            for (char *s2 = NULL, *w = strtok_r(v, " ", &s2); w; w = strtok_r(NULL, " ", &s2))
                add(&m->log, w, NULL);
            free(v);
        } else if (strcmp(key, "SystemCallFilter") == 0) {
            bool invert = val[0] == '~';
            if (!m->have_filter) { /* the first assignment decides the mode; an allow list gets @default */
                m->have_filter = true;
                m->allow_list = !invert;
                for (size_t i = 0; m->allow_list && i < sd_default.len; i++)
                    add(&m->filter, sd_default.items[i], NULL);
            }
            char *v = strdup(val + invert);
            for (char *s2 = NULL, *w = strtok_r(v, " ", &s2); w; w = strtok_r(NULL, " ", &s2)) {
                char *colon = strchr(w, ':');
                if (colon)
                    *colon++ = '\0';
                if (strcmp(w, "@default") == 0) {
                    for (size_t i = 0; i < sd_default.len; i++)
                        add(&m->filter, sd_default.items[i], NULL);
                } else if (invert == !m->allow_list) {
                    add(&m->filter, w, colon); /* the list's own kind: added */
                } else {
                    del(&m->filter, w);        /* the other kind: taken back */
                }
            }
            free(v);
        }
    }
    free(copy);
}

static int errno_value(const Policy *p, const char *name)
{
    const NamedConst *c = strmap_get(&p->constants, name);
    return c ? (int)c->value : atoi(name);
}

/* systemd's answer for `name` on `arch`. */
static Action sd_eval(const Policy *p, const SdModel *m, ArchId arch, const char *name)
{
    uint32_t token = seccomp_arch_resolve_name(arch_info(arch)->name); /* polc's names are libseccomp's */
    bool known = token && seccomp_syscall_resolve_name_arch(token, name) != __NR_SCMP_ERROR;
    long i = known ? find(&m->filter, name) : -1;
    bool logged = find(&m->log, name) >= 0;
    Action allowed = {logged ? ACT_LOG : ACT_ALLOW, 0};
    Action dflt = m->error_number[0] ? (Action){ACT_ERRNO, (uint32_t)errno_value(p, m->error_number)}
                                     : (Action){ACT_KILL_PROCESS, 0};
    if (!m->have_filter)
        return allowed;
    if (m->allow_list)
        return i >= 0 ? allowed : dflt;
    if (i < 0)
        return allowed;
    return m->filter.errnos[i] ? (Action){ACT_ERRNO, (uint32_t)errno_value(p, m->filter.errnos[i])} : dflt;
}

static bool denies(Action a) { return a.kind != ACT_ALLOW && a.kind != ACT_LOG; }

/* The number of names where systemd allows what the policy denies or answers
 * otherwise; `narrowed` counts those libseccomp cannot name (systemd denies them). */
static size_t compare(const Policy *p, const char *text, const char *what, bool quiet, size_t *narrowed)
{
    SdModel m;
    read_dropin(text, &m);
    size_t bad = 0;
    *narrowed = 0;
    uint64_t args[6] = {0};
    for (size_t a = 0; a < p->ir->arches.len; a++) {
        ArchId arch = p->ir->arches.items[a].arch;
        const ArchTable *t = &p->db.arch[arch];
        for (size_t k = 0; k < t->len; k++) {
            const char *name = t->entries[k].name;
            Action want = ir_eval(p, arch, t->entries[k].nr, args, p->caps.effective).action;
            Action got = sd_eval(p, &m, arch, name);
            if (action_eq(want, got))
                continue;
            if (!denies(want) && denies(got)) { /* libseccomp 2.5 cannot name it: systemd skips it */
                (*narrowed)++;
                continue;
            }
            bad++;
            if (!quiet)
                fprintf(stderr, "FAIL %s: %s on %s: the policy says %s, systemd would answer %s\n", what, name,
                        arch_info(arch)->name, action_str(p, p->arena, want), action_str(p, p->arena, got));
        }
    }
    clear(&m.filter);
    clear(&m.log);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: systemd_filter_test STDLIB_DIR POLICY.pol...\n");
        return 2;
    }
    if (!load_default()) {
        fprintf(stderr, "SKIP: `systemd-analyze syscall-filter @default` gave no list\n");
        return 77;
    }
    int failures = 0;
    for (int i = 2; i < argc; i++) {
        polc_ctx *ctx = polc_new();
        polc_add_stdlib_dir(ctx, argv[1]);
        char *out = NULL;
        size_t len;
        if (polc_compile_file(ctx, argv[i], NULL) != POLC_OK || polc_emit(ctx, POLC_TARGET_SYSTEMD, &out, &len) != POLC_OK) {
            char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
            fprintf(stderr, "FAIL %s: no drop-in:\n%s", argv[i], d);
            free(d);
            failures++;
            polc_free(ctx);
            continue;
        }
        size_t narrowed, names = 0;
        for (size_t a = 0; a < ctx->policy.ir->arches.len; a++)
            names += ctx->policy.db.arch[ctx->policy.ir->arches.items[a].arch].len;
        size_t bad = compare(&ctx->policy, out, argv[i], false, &narrowed);
        failures += bad != 0;
        /* one call the policy denies, allowed: the comparison must see it */
        const char *extra = "ptrace";
        Action pa = {ACT_ALLOW, 0};
        const SyscallEntry *pe = syscalldb_lookup(&ctx->policy.db, ctx->policy.ir->arches.items[0].arch, extra);
        uint64_t zero[6] = {0};
        if (pe)
            pa = ir_eval(&ctx->policy, ctx->policy.ir->arches.items[0].arch, pe->nr, zero, ctx->policy.caps.effective).action;
        char *tampered = malloc(len + 64);
        if (!tampered)
            abort();
        /* an allow list gains the name; a deny list loses it from its `~` entries */
        sprintf(tampered, "%sSystemCallFilter=%s\n", out, extra);
        size_t n2, caught = compare(&ctx->policy, tampered, "tampered", true, &n2);
        if (denies(pa) && caught == 0) {
            fprintf(stderr, "FAIL %s: a drop-in that also allows %s passed the comparison\n", argv[i], extra);
            failures++;
        }
        printf("%s: %zu names compared, %zu equal or narrower (%zu unknown to libseccomp, denied by systemd); "
               "tampered copy: %zu difference(s)\n",
               argv[i], names, names - bad, narrowed, caught);
        free(tampered);
        free(out);
        polc_free(ctx);
    }
    return failures ? 1 : 0;
}
