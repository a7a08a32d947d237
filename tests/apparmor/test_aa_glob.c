/* AppArmor glob validation and intersection (compiler/backend/aa_glob.c). */
#include <stdio.h>
#include <string.h>

#include "util/arena.h"
#include "backend/aa_glob.h"

static int failures;

static void meet(Arena *a, const char *g1, const char *g2, int want)
{
    int got = aa_glob_intersects(a, g1, g2);
    int rev = aa_glob_intersects(a, g2, g1);
    if (got != want || rev != want) {
        printf("FAIL: intersects(%s, %s) = %d/%d, want %d\n", g1, g2, got, rev, want);
        failures++;
    }
}

static void bad(const char *g, size_t want_at, const char *want_msg)
{
    size_t at = 999;
    const char *m = aa_glob_problem(g, &at);
    if (!m || at != want_at || !strstr(m, want_msg)) {
        printf("FAIL: problem(%s) = %s at %zu, want \"%s\" at %zu\n", g, m ? m : "(none)", at, want_msg, want_at);
        failures++;
    }
}

static void good(const char *g)
{
    size_t at;
    const char *m = aa_glob_problem(g, &at);
    if (m) {
        printf("FAIL: problem(%s) = %s at %zu, want none\n", g, m, at);
        failures++;
    }
}

int main(void)
{
    Arena a;
    arena_init(&a);
    good("/etc/nginx/**");
    good("/etc/{ssl,pki}/**");
    good("/usr/lib/python3*/[a-z]?[^._]*");
    good("/srv/{a,{b,c}}/x");
    bad("etc", 0, "absolute");
    bad("/etc/a,b", 6, "comma");
    bad("/a/{b,c", 3, "`{` without");
    bad("/a/b}", 4, "`}` without");
    bad("/a/[bc", 3, "`[` without");
    bad("/a/b]", 4, "`]` without");
    bad("/a/[]x", 3, "empty");
    bad("/a/[^]x", 3, "empty");
    bad("/a/[b/c]", 5, "`/`");
    bad("/a/\"b", 3, "quote");
    bad("/a/\nb", 3, "newline");
    bad("/a/\tb", 3, "control");
    bad("/a/\\b", 3, "backslash");
    bad("/home/@{USER}", 6, "variable");

    meet(&a, "/etc/**", "/etc/nginx/**", 1);
    meet(&a, "/etc/**", "/etc", 0);
    meet(&a, "/etc/*", "/etc/nginx/nginx.conf", 0);
    meet(&a, "/etc/*", "/etc/hosts", 1);
    meet(&a, "/etc/*.conf", "/etc/[a-m]*", 1);
    meet(&a, "/etc/*.conf", "/etc/*.pem", 0);
    meet(&a, "/proc/sys/[^k/]**", "/proc/sys/net/ipv4/**", 1);
    meet(&a, "/proc/sys/[^k/]**", "/proc/sys/kernel/shmmax", 0);
    meet(&a, "/sys/{[^f/]*,f[^s/]*,fs/[^c/]*}/**", "/sys/fs/cgroup/**", 0);
    meet(&a, "/sys/{[^f/]*,f[^s/]*,fs/[^c/]*}/**", "/sys/fs/bpf/x", 1);
    meet(&a, "/srv/{a,b}/x", "/srv/c/x", 0);
    meet(&a, "/srv/{a,b}/x", "/srv/?/x", 1);
    meet(&a, "/a/**/z", "/a/b/c/z", 1);
    meet(&a, "/a/*/z", "/a/b/c/z", 0);
    meet(&a, "/opt/**", "/opt/app/bin/server", 1);
    arena_release(&a);
    if (failures) {
        printf("%d failure(s)\n", failures);
        return 1;
    }
    printf("ok: glob validation and intersection\n");
    return 0;
}
