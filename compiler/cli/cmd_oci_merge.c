/* polc oci-merge CONFIG.json NAME.oci.json [-o OUT]: the OCI fragment of the
 * oci back end put into a bundle's config.json (docs/runtimes.md).
 *
 * Objects merge key by key, the fragment's values winning. What the policy
 * decides as a whole replaces the base's: process.user (no supplementary
 * groups survive, as with `docker run --user U:G`), process.capabilities and
 * linux.seccomp. process.rlimits merge by type, mounts by destination (the
 * fragment's tmpfs mounts come last, over whatever the base mounted there). */
#include <getopt.h>
#include <stdbool.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"

static const char USAGE[] =
    "usage: polc oci-merge CONFIG.json NAME.oci.json [-o OUT]\n"
    "\n"
    "Merge the OCI fragment polc wrote for a policy (-t oci) into a runtime\n"
    "bundle's config.json, for runc or crun. The result goes to OUT (written\n"
    "atomically; it may be CONFIG.json itself) or to standard output.\n"
    "\n"
    "The fragment replaces process.user, process.capabilities and linux.seccomp,\n"
    "sets process.noNewPrivileges, process.apparmorProfile and root.readonly,\n"
    "merges process.rlimits by type, mounts by destination and linux.resources\n"
    "key by key; everything else in CONFIG.json stays as it is.\n"
    "\n"
    "options:\n"
    "  -o, --output OUT          write the merged config.json to OUT\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 merged; 2 usage error, an unreadable file or not a JSON object.\n";

static int fail(const char *msg, const char *arg)
{
    fprintf(stderr, "polc oci-merge: error: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
    return 2;
}

static json_object *read_object(const char *path)
{
    json_object *o = json_object_from_file(path);
    if (!o || !json_object_is_type(o, json_type_object)) {
        json_object_put(o);
        return NULL;
    }
    return o;
}

/* Replace base's entries of `arr` whose `key` equals a fragment entry's, then append the rest. */
static void merge_keyed(json_object *base, const char *field, json_object *frag, const char *key)
{
    json_object *old = NULL;
    json_object *out = json_object_new_array();
    if (json_object_object_get_ex(base, field, &old) && json_object_is_type(old, json_type_array)) {
        for (size_t i = 0; i < json_object_array_length(old); i++) {
            json_object *e = json_object_array_get_idx(old, i), *k = NULL;
            bool replaced = false;
            if (json_object_object_get_ex(e, key, &k))
                for (size_t j = 0; j < json_object_array_length(frag) && !replaced; j++) {
                    json_object *fk = NULL;
                    replaced = json_object_object_get_ex(json_object_array_get_idx(frag, j), key, &fk) &&
                               json_object_equal(k, fk);
                }
            if (!replaced)
                json_object_array_add(out, json_object_get(e));
        }
    }
    for (size_t j = 0; j < json_object_array_length(frag); j++)
        json_object_array_add(out, json_object_get(json_object_array_get_idx(frag, j)));
    json_object_object_add(base, field, out);
}

static void merge(json_object *base, json_object *frag, const char *path)
{
    json_object_object_foreach(frag, key, val) {
        char here[128];
        snprintf(here, sizeof here, "%s%s%s", path, *path ? "." : "", key);
        json_object *old = NULL;
        bool have = json_object_object_get_ex(base, key, &old);
        if (strcmp(here, "mounts") == 0 && json_object_is_type(val, json_type_array)) {
            merge_keyed(base, key, val, "destination");
        } else if (strcmp(here, "process.rlimits") == 0 && json_object_is_type(val, json_type_array)) {
            merge_keyed(base, key, val, "type");
        } else if (have && json_object_is_type(old, json_type_object) && json_object_is_type(val, json_type_object) &&
                   strcmp(here, "process.user") != 0 && strcmp(here, "process.capabilities") != 0 &&
                   strcmp(here, "linux.seccomp") != 0) {
            merge(old, val, here);
        } else {
            json_object_object_add(base, key, json_object_get(val));
        }
    }
}

int polc_cmd_oci_merge(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *out = NULL;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'h': fputs(USAGE, stdout); return 0;
        default: cli_option_error("polc oci-merge", argv[optind - 1], optopt, "o:h", opts); return 2;
        }
    }
    if (argc - optind != 2)
        return fail("expected CONFIG.json and NAME.oci.json; try 'polc oci-merge --help'", NULL);
    json_object *base = read_object(argv[optind]);
    if (!base)
        return fail("not a readable JSON object:", argv[optind]);
    json_object *frag = read_object(argv[optind + 1]);
    if (!frag) {
        json_object_put(base);
        return fail("not a readable JSON object:", argv[optind + 1]);
    }
    merge(base, frag, "");
    const char *text = json_object_to_json_string_ext(base, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                                JSON_C_TO_STRING_NOSLASHESCAPE);
    int rc = 0;
    if (out) {
        char *t = malloc(strlen(text) + 2);
        if (!t)
            abort();
        sprintf(t, "%s\n", text);
        if (cli_write_text(out, t) != 0)
            rc = fail("cannot write", out);
        free(t);
    } else {
        printf("%s\n", text);
    }
    json_object_put(base);
    json_object_put(frag);
    return rc;
}
