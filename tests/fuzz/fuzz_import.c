/* fuzz_import: arbitrary bytes as a profile for polc import (moby/Docker
 * JSON, containers-common's variant, OCI config.json, SPO SeccompProfile in
 * YAML or JSON; the format is detected from the content). The importer
 * reads a file, so the bytes go to one temporary file per process. When
 * the import succeeds, its output is polc source that polc itself must
 * compile: a compile error there is a finding too, unless --arch named
 * x86, ppc64le or s390x (docs/import.md: the import then keeps socket/IPC
 * conditions those arches cannot enforce, and says so). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "polc/polc.h"

static char path[64];

static void remove_file(void) { unlink(path); }

static const char *write_input(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/polc-fuzz-import-XXXXXX");
        int fd = mkstemp(path);
        if (fd < 0) {
            perror("mkstemp");
            abort();
        }
        close(fd);
        atexit(remove_file);
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror(path);
        abort();
    }
    return path;
}

static const char *const ARCHES[] = {NULL, "x86_64", "x86_64,x32,x86", "aarch64,arm,riscv64,ppc64le,s390x"};
#define ARCHES_COMPILE 2 /* ARCHES[0..1]: the output must compile */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    uint32_t h = fuzz_hash(data, size);
    const char *file = write_input(data, size);
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, POLC_FUZZ_STDLIB_DIR);
    unsigned pick = h % 4;
    polc_import_options opts = {"fuzzed", ARCHES[pick]};
    char *pol = NULL;
    polc_status st = polc_import_profile(ctx, file, &opts, &pol);
    free(polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0));
    polc_free(ctx);
    if (st == POLC_OK && pol && pick < ARCHES_COMPILE) {
        /* what import writes, polc compiles */
        polc_ctx *c2 = polc_new();
        polc_add_stdlib_dir(c2, POLC_FUZZ_STDLIB_DIR);
        if (polc_compile_buffer(c2, "imported.pol", pol, strlen(pol)) != POLC_OK) {
            char *d = polc_render_diagnostics(c2, POLC_DIAG_TEXT, 0);
            fprintf(stderr, "fuzz_import: the imported policy does not compile:\n%s\n--- policy ---\n%s\n", d, pol);
            free(d);
            abort();
        }
        polc_free(c2);
    }
    free(pol);
    return 0;
}
