/* profile_equiv: do two Docker/moby seccomp profiles mean the same thing?
 *
 *   profile_equiv A.json B.json [--arch x86_64,x32,...] [--cap CAP]... [--stub]
 *
 * Both profiles are compiled by libseccomp exactly as runc does it
 * (tests/oracle) for an x86_64 host, once with Docker's default capability
 * set and once with CAP_SYS_ADMIN added (plus any --cap given), and run in
 * the interpreter for every syscall number 0..1023 of each arch checked, a
 * few huge numbers, and boundary argument vectors built from every value the
 * two profiles compare against. Without --stub, runc's -ENOSYS stub is left
 * out on both sides (it depends on the highest number each profile names).
 * Prints the first mismatches and "N decisions compared, M mismatches";
 * exits 1 on any mismatch, 2 on bad input. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"

#define MAX_VALUES 96

typedef struct Values {
    uint64_t v[MAX_VALUES];
    size_t n;
} Values;

static void add(Values *vs, uint64_t v)
{
    for (size_t i = 0; i < vs->n; i++)
        if (vs->v[i] == v)
            return;
    if (vs->n < MAX_VALUES)
        vs->v[vs->n++] = v;
}

static void collect(json_object *o, Values *vs)
{
    if (json_object_is_type(o, json_type_object)) {
        json_object_object_foreach(o, key, val)
        {
            if ((!strcmp(key, "value") || !strcmp(key, "valueTwo")) &&
                (json_object_is_type(val, json_type_int))) {
                uint64_t v = json_object_get_uint64(val);
                add(vs, v);
                add(vs, v + 1);
                add(vs, v - 1);
                add(vs, ~v);
            } else {
                collect(val, vs);
            }
        }
    } else if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++)
            collect(json_object_array_get_idx(o, i), vs);
    }
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while ((r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 >= cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    b[n] = '\0';
    return b;
}

int main(int argc, char **argv)
{
    const char *paths[2] = {NULL, NULL};
    const char *arches = "x86_64,x32";
    const char *extra_caps[16];
    int nextra = 0, stub = 0, np = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--arch") && i + 1 < argc)
            arches = argv[++i];
        else if (!strcmp(argv[i], "--cap") && i + 1 < argc && nextra < 16)
            extra_caps[nextra++] = argv[++i];
        else if (!strcmp(argv[i], "--stub"))
            stub = 1;
        else if (np < 2)
            paths[np++] = argv[i];
        else {
            fprintf(stderr, "usage: profile_equiv A.json B.json [--arch LIST] [--cap CAP]... [--stub]\n");
            return 2;
        }
    }
    if (np != 2) {
        fprintf(stderr, "usage: profile_equiv A.json B.json [--arch LIST] [--cap CAP]... [--stub]\n");
        return 2;
    }
    char *text[2];
    Values vs = {{0}, 0};
    static const uint64_t bounds[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, UINT64_MAX};
    for (size_t i = 0; i < sizeof bounds / sizeof *bounds; i++)
        add(&vs, bounds[i]);
    for (int p = 0; p < 2; p++) {
        text[p] = slurp(paths[p]);
        if (!text[p]) {
            fprintf(stderr, "cannot read %s\n", paths[p]);
            return 2;
        }
        json_object *j = json_tokener_parse(text[p]);
        if (!j) {
            fprintf(stderr, "%s is not JSON\n", paths[p]);
            return 2;
        }
        collect(j, &vs);
        json_object_put(j);
    }

    /* capability sets: Docker's default, then with SYS_ADMIN, then each --cap */
    size_t nd = 0;
    while (oracle_docker_default_caps[nd])
        nd++;
    int nsets = 2 + nextra;
    size_t checked = 0, mismatches = 0;
    for (int cs = 0; cs < nsets; cs++) {
        const char *caps[64];
        size_t n = 0;
        for (size_t i = 0; i < nd; i++)
            caps[n++] = oracle_docker_default_caps[i];
        const char *label = "docker-default-caps";
        if (cs == 1)
            caps[n++] = "CAP_SYS_ADMIN", label = "+CAP_SYS_ADMIN";
        else if (cs >= 2)
            caps[n++] = extra_caps[cs - 2], label = extra_caps[cs - 2];
        caps[n] = NULL;
        OracleOptions o = {caps, 0, 0, 0, !stub};
        char err[512];
        OracleFilter *f[2];
        for (int p = 0; p < 2; p++) {
            f[p] = oracle_load_json_opts(text[p], &o, err, sizeof err);
            if (!f[p]) {
                fprintf(stderr, "%s: %s\n", paths[p], err);
                return 2;
            }
        }
        char *list = strdup(arches);
        for (char *save = NULL, *an = strtok_r(list, ",", &save); an; an = strtok_r(NULL, ",", &save)) {
            uint32_t scmp = oracle_arch_from_name(an);
            if (!scmp) {
                fprintf(stderr, "unknown arch %s\n", an);
                return 2;
            }
            uint32_t extra[] = {0x7fffffffu, 0xffffffffu, 0xbfffffffu, 4000};
            for (size_t k = 0; k < 1024 + sizeof extra / sizeof *extra; k++) {
                int nr = k < 1024 ? (int)k : (int)extra[k - 1024];
                size_t nvec = 1 + vs.n * 7;
                for (size_t v = 0; v < nvec; v++) {
                    uint64_t args[6] = {0};
                    if (v > 0) {
                        size_t val = (v - 1) / 7, which = (v - 1) % 7;
                        for (int a = 0; a < 6; a++)
                            if (which == 6 || (size_t)a == which)
                                args[a] = vs.v[val];
                    }
                    struct seccomp_data d = oracle_data(scmp, k < 1024 ? nr : nr, args, 6);
                    if (k >= 1024)
                        d.nr = nr; /* huge numbers as they are, no x32 bit added */
                    BpfResult r0 = oracle_eval(f[0], &d), r1 = oracle_eval(f[1], &d);
                    checked++;
                    if (r0.ret != r1.ret || r0.error || r1.error) {
                        if (mismatches++ < 20) {
                            char b0[64], b1[64];
                            fprintf(stderr,
                                    "MISMATCH %s %s nr=%d args=[%#llx,%#llx,%#llx,%#llx,%#llx,%#llx]: %s says %s, %s says %s\n",
                                    an, label, d.nr, (unsigned long long)args[0], (unsigned long long)args[1],
                                    (unsigned long long)args[2], (unsigned long long)args[3],
                                    (unsigned long long)args[4], (unsigned long long)args[5], paths[0],
                                    bpf_describe_ret(r0.ret, b0, sizeof b0), paths[1],
                                    bpf_describe_ret(r1.ret, b1, sizeof b1));
                        }
                    }
                }
            }
        }
        free(list);
        oracle_free(f[0]);
        oracle_free(f[1]);
    }
    printf("%s vs %s (%s): %zu decisions compared over %zu argument values, %zu mismatches\n", paths[0], paths[1],
           arches, checked, vs.n, mismatches);
    free(text[0]);
    free(text[1]);
    return mismatches ? 1 : 0;
}
