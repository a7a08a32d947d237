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
 * With --kernel-view STDLIB, a difference is tolerated where it can only
 * come from the high half of a 32-bit argument, which the kernel never reads
 * (polc compares those arguments on their low half; libseccomp compares
 * 64-bit values): B (polc's output) must then decide the call as it decides
 * it with those arguments zero- and sign-extended, and A must give that
 * decision to one of the two.
 * Prints the first mismatches and "N decisions compared, M mismatches";
 * exits 1 on any mismatch, 2 on bad input. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "middle/ir.h"
#include "oracle.h"
#include "polc/polc.h"
#include "../common/test_values.h"

#define MAX_VALUES 192

static void collect(json_object *o, TestValues *vs)
{
    if (json_object_is_type(o, json_type_object)) {
        json_object_object_foreach(o, key, val)
        {
            if ((!strcmp(key, "value") || !strcmp(key, "valueTwo")) &&
                (json_object_is_type(val, json_type_int))) {
                uint64_t v = json_object_get_uint64(val);
                test_values_add(vs, v);
                test_values_add(vs, v + 1);
                test_values_add(vs, v - 1);
                test_values_add(vs, ~v);
            } else {
                collect(val, vs);
            }
        }
    } else if (json_object_is_type(o, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(o); i++)
            collect(json_object_array_get_idx(o, i), vs);
    }
}

/* arch name -> polc's ArchId */
static int polc_arch(const char *name)
{
    for (int a = 0; a < ARCH__COUNT; a++)
        if (!strcmp(arch_info((ArchId)a)->name, name))
            return a;
    return -1;
}

/* The call with its 32-bit arguments zero- (sign = 0) or sign-extended
 * (sign = 1): what the kernel reads is unchanged. False when no argument of
 * this syscall is 32 bits wide. */
static bool extended(const polc_ctx *ctx, int arch, uint32_t nr, const uint64_t in[6], int sign, uint64_t out[6])
{
    if (arch < 0 || arch_info((ArchId)arch)->word_bits != 64)
        return false;
    const SyscallEntry *e = syscalldb_by_nr(&ctx->policy.db, (ArchId)arch, nr);
    if (!e)
        return false;
    bool any = false;
    for (unsigned i = 0; i < 6; i++) {
        out[i] = in[i];
        if (ir_arg_bits(&ctx->policy, e->name, (ArchId)arch, i) != 32)
            continue;
        uint32_t lo = (uint32_t)in[i];
        out[i] = sign ? (uint64_t)(int64_t)(int32_t)lo : lo;
        any = true;
    }
    return any;
}

static uint32_t eval_at(OracleFilter *f, struct seccomp_data d, const uint64_t args[6])
{
    for (int i = 0; i < 6; i++)
        d.args[i] = args[i];
    return oracle_eval(f, &d).ret;
}

/* Is A != B at d only a matter of high halves the kernel ignores? */
static bool kernel_view_same(const polc_ctx *ctx, int arch, OracleFilter *f[2], struct seccomp_data d,
                             const uint64_t args[6])
{
    uint64_t z[6], x[6];
    uint32_t nr = d.nr & ~0x40000000u;
    if (!extended(ctx, arch, nr, args, 0, z) || !extended(ctx, arch, nr, args, 1, x))
        return false;
    uint32_t r1 = eval_at(f[1], d, args);
    bool b_ignores_high = r1 == eval_at(f[1], d, z) && r1 == eval_at(f[1], d, x);
    bool a_agrees = r1 == eval_at(f[0], d, z) || r1 == eval_at(f[0], d, x);
    return b_ignores_high && a_agrees;
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
    polc_ctx *view = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--kernel-view") && i + 1 < argc) {
            /* polc's syscall tables and signatures give the argument widths */
            static const char probe[] = "policy view\narch x86_64, x32, aarch64, arm\ndefault allow\n";
            view = polc_new();
            polc_add_stdlib_dir(view, argv[++i]);
            if (polc_compile_buffer(view, "view.pol", probe, sizeof probe - 1) != POLC_OK) {
                fprintf(stderr, "--kernel-view: cannot load polc's stdlib from %s\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(argv[i], "--arch") && i + 1 < argc)
            arches = argv[++i];
        else if (!strcmp(argv[i], "--cap") && i + 1 < argc && nextra < 16)
            extra_caps[nextra++] = argv[++i];
        else if (!strcmp(argv[i], "--stub"))
            stub = 1;
        else if (np < 2)
            paths[np++] = argv[i];
        else {
            fprintf(stderr, "usage: profile_equiv A.json B.json [--arch LIST] [--cap CAP]... [--stub] [--kernel-view STDLIB]\n");
            return 2;
        }
    }
    if (np != 2) {
        fprintf(stderr, "usage: profile_equiv A.json B.json [--arch LIST] [--cap CAP]... [--stub]\n");
        return 2;
    }
    char *text[2];
    TestValues vs = TEST_VALUES(MAX_VALUES);
    static const uint64_t bounds[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, UINT64_MAX};
    for (size_t i = 0; i < sizeof bounds / sizeof *bounds; i++)
        test_values_add(&vs, bounds[i]);
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
    size_t checked = 0, mismatches = 0, high_halves = 0;
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
            int parch = polc_arch(an);
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
                    if (r0.ret != r1.ret && !r0.error && !r1.error && view &&
                        kernel_view_same(view, parch, f, d, args)) {
                        high_halves++;
                        continue;
                    }
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
    if (view) {
        printf("%zu decisions differ only in high halves of 32-bit arguments, which the kernel does not read\n",
               high_halves);
        polc_free(view);
    }
    free(text[0]);
    free(text[1]);
    return mismatches ? 1 : 0;
}
