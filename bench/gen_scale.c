/* Generates a large, realistic policy for the scale benchmark (bench/run-scale)
 * and for the test that an over-limit policy gets a clear E0410.
 *
 *   gen_scale STDLIB_DIR RULES > NAME.pol
 *
 * RULES counts rule statements: syscall rules (about 95%), filesystem items
 * and network entries. The shape is what a large hand-written or generated
 * policy looks like:
 *
 *   - constants (RULES/10) and named syscall sets (RULES/50);
 *   - unconditional allows of plain calls, through the sets;
 *   - argument conditions over about 190 syscalls: most rules allow one or
 *     two values of a syscall's first 32-bit argument, some deny values with
 *     an errno, kill, or log (through a constant), some are capability-gated;
 *     a rule names one to three syscalls that take the same argument, so the
 *     Docker JSON shares entries between them as a real profile does;
 *   - a mask test on a few syscalls;
 *   - filesystem read/write/exec/deny items over many paths, and network
 *     rules.
 *
 * Every value is used once per syscall, so no rule is redundant and the
 * policy compiles without warnings for every back end (BPF aside: above a
 * few thousand rules its program exceeds the kernel's 4096 instructions). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CALLS 1024

typedef struct {
    char name[64];
    char arg[64]; /* first 32-bit argument, "" if none */
    int argidx;
} Call;

static int in_table(const char *stdlib, const char *arch, const char *name)
{
    static char cache[2][MAX_CALLS][64];
    static int ncache[2] = {-1, -1};
    int which = strcmp(arch, "x86_64") == 0 ? 0 : 1;
    if (ncache[which] < 0) {
        char path[4096], line[512];
        snprintf(path, sizeof path, "%s/syscalls/%s.tbl", stdlib, arch);
        FILE *f = fopen(path, "r");
        if (!f) {
            fprintf(stderr, "gen_scale: cannot read %s\n", path);
            exit(2);
        }
        ncache[which] = 0;
        while (fgets(line, sizeof line, f) && ncache[which] < MAX_CALLS) {
            unsigned nr;
            char nm[64];
            if (line[0] != '#' && sscanf(line, "%u %63s", &nr, nm) == 2)
                snprintf(cache[which][ncache[which]++], 64, "%s", nm);
        }
        fclose(f);
    }
    for (int i = 0; i < ncache[which]; i++)
        if (strcmp(cache[which][i], name) == 0)
            return 1;
    return 0;
}

/* Calls on both x86_64 and aarch64 with a signature, and their first 32-bit
 * argument. Calls with special meaning to a runtime stay out of the
 * conditional pool (they are plain allows). */
static int load_calls(const char *stdlib, Call *calls)
{
    char path[4096], line[1024];
    snprintf(path, sizeof path, "%s/syscalls/signatures.tbl", stdlib);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen_scale: cannot read %s\n", path);
        exit(2);
    }
    int n = 0;
    while (fgets(line, sizeof line, f) && n < MAX_CALLS) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *save = NULL, *tok = strtok_r(line, " \t\n", &save);
        if (!tok || strchr(tok, '@'))
            continue;
        if (!in_table(stdlib, "x86_64", tok) || !in_table(stdlib, "aarch64", tok))
            continue;
        Call *c = &calls[n];
        snprintf(c->name, sizeof c->name, "%s", tok);
        c->arg[0] = '\0';
        c->argidx = -1;
        int idx = 0;
        while ((tok = strtok_r(NULL, " \t\n", &save))) {
            char *colon = strchr(tok, ':');
            if (colon && c->argidx < 0 && (strcmp(colon + 1, "i32") == 0 || strcmp(colon + 1, "u32") == 0)) {
                *colon = '\0';
                snprintf(c->arg, sizeof c->arg, "%s", tok);
                c->argidx = idx;
            }
            idx++;
        }
        n++;
    }
    fclose(f);
    return n;
}

static int is_special(const char *name)
{
    static const char *const special[] = {"exit", "exit_group", "rt_sigreturn", "execve", "execveat", "clone",
                                          "clone3", "socket", "socketpair", "personality", NULL};
    for (int i = 0; special[i]; i++)
        if (strcmp(special[i], name) == 0)
            return 1;
    return 0;
}

typedef struct {
    int call[3], ncalls;
    unsigned next_value; /* every value once per group (and so per syscall) */
} Group;

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen_scale STDLIB_DIR RULES\n");
        return 2;
    }
    const char *stdlib = argv[1];
    long rules = atol(argv[2]);
    if (rules < 100) {
        fprintf(stderr, "gen_scale: RULES must be at least 100\n");
        return 2;
    }
    static Call calls[MAX_CALLS];
    int ncalls = load_calls(stdlib, calls);

    /* Plain calls: no 32-bit argument, or special. Conditional pool: groups of
     * up to three calls whose first 32-bit argument has the same name and
     * position, so one rule can name them all. */
    int plain[MAX_CALLS], nplain = 0;
    static Group groups[MAX_CALLS];
    int ngroups = 0;
    static int used[MAX_CALLS];
    for (int i = 0; i < ncalls; i++) {
        if (calls[i].argidx < 0 || is_special(calls[i].name)) {
            plain[nplain++] = i;
            continue;
        }
        if (used[i])
            continue;
        Group *g = &groups[ngroups++];
        g->call[0] = i;
        g->ncalls = 1;
        g->next_value = 1;
        used[i] = 1;
        for (int j = i + 1; j < ncalls && g->ncalls < (ngroups % 3) + 1; j++)
            if (!used[j] && calls[j].argidx == calls[i].argidx && strcmp(calls[j].arg, calls[i].arg) == 0 &&
                !is_special(calls[j].name))
                g->call[g->ncalls++] = j, used[j] = 1;
    }

    long fs_items = rules / 20, net_items = 5;
    long syscall_rules = rules - fs_items - net_items;
    long nconsts = rules / 10, nsets = rules / 50;
    long emitted = 0;

    printf("# Generated by bench/gen_scale: %ld rules (syscall rules, filesystem items, network entries)\n", rules);
    printf("policy scale%ld \"generated policy with %ld rules\"\n", rules, rules);
    printf("arch x86_64, aarch64\n");
    printf("default errno(EPERM)\n");
    /* Constants: values the log rules test, and a few masks. */
    for (long i = 0; i < nconsts; i++)
        printf("const SCALE_%ld = 0x%lx\n", i, 0x40000000ul + (unsigned long)i);
    /* Sets of plain calls, three members each, overlapping. */
    for (long i = 0; i < nsets; i++)
        printf("set @scale-%ld = { %s, %s, %s }\n", i, calls[plain[(i * 3) % nplain]].name,
               calls[plain[(i * 3 + 1) % nplain]].name, calls[plain[(i * 3 + 2) % nplain]].name);

    printf("syscalls {\n");
    for (long i = 0; i < nsets && emitted < syscall_rules; i++, emitted++)
        printf("  allow @scale-%ld\n", i);
    /* A mask test on every tenth group: the sign bit of its argument is
     * refused (all other values of the group stay below it). */
    for (int gi = 5; gi < ngroups && emitted < syscall_rules; gi += 10, emitted++) {
        Group *g = &groups[gi];
        printf("  deny ");
        for (int c = 0; c < g->ncalls; c++)
            printf("%s%s", c ? ", " : "", calls[g->call[c]].name);
        printf(" if %s & 0x80000000 errno(EINVAL)\n", calls[g->call[0]].arg);
    }
    long k = 0, next_const = 0;
    while (emitted < syscall_rules) {
        Group *g = &groups[k % ngroups];
        const char *arg = calls[g->call[0]].arg;
        char targets[256];
        size_t len = 0;
        for (int c = 0; c < g->ncalls; c++)
            len += (size_t)snprintf(targets + len, sizeof targets - len, "%s%s", c ? ", " : "",
                                    calls[g->call[c]].name);
        unsigned v = g->next_value;
        switch ((k / ngroups + k) % 20) {
        case 13:
        case 14:
            printf("  allow %s if %s in {%u, %u}\n", targets, arg, v, v + 1);
            g->next_value += 2;
            break;
        case 15:
        case 16:
            printf("  deny %s if %s == %u errno(EACCES)\n", targets, arg, v);
            g->next_value++;
            break;
        case 17:
            printf("  kill-process %s if %s == %u\n", targets, arg, v);
            g->next_value++;
            break;
        case 18:
            if (next_const < nconsts) {
                printf("  log %s if %s == SCALE_%ld\n", targets, arg, next_const++);
                break;
            }
            printf("  log %s if %s == %u\n", targets, arg, v);
            g->next_value++;
            break;
        case 19:
            if (k % ngroups % 8 == 0) {
                printf("  when capability SYS_ADMIN { allow %s if %s == %u }\n", targets, arg, v);
                g->next_value++;
                break;
            }
            /* fall through */
        default:
            printf("  allow %s if %s == %u\n", targets, arg, v);
            g->next_value++;
            break;
        }
        emitted++;
        k++;
    }
    printf("}\n");

    printf("capabilities { drop all; add NET_BIND_SERVICE, SYS_ADMIN }\n");
    printf("filesystem {\n  read-only root\n");
    for (long i = 0; i < fs_items; i++) {
        switch (i % 4) {
        case 0: printf("  read /srv/data-%ld/**\n", i); break;
        case 1: printf("  write /var/lib/app-%ld/**\n", i); break;
        case 2: printf("  exec /opt/app-%ld/bin/*\n", i); break;
        default: printf("  deny /srv/data-%ld/secret/**\n", i - 3); break;
        }
    }
    printf("}\n");
    printf("network { allow inet stream, inet6 stream, unix; deny raw, packet }\n");
    printf("process { user 1000:1000; no-new-privileges }\n");
    return 0;
}
