/* polc_set_k8s_option (include/polc/polc.h): the Kubernetes back end's
 * options, checked when they are given. */
#include <string.h>

#include "compile.h"

/* A DNS-1123 label, as Kubernetes names namespaces. */
static bool dns_label_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return false;
    return true;
}

polc_status polc_set_k8s_option(polc_ctx *ctx, const char *name, const char *value)
{
    const char *why = NULL;
    if (strcmp(name, "form") == 0) {
        if (strcmp(value, "snippet") == 0)
            ctx->opt.backend.k8s_form = K8S_SNIPPET;
        else if (strcmp(value, "pod") == 0)
            ctx->opt.backend.k8s_form = K8S_POD;
        else if (strcmp(value, "spo") == 0)
            ctx->opt.backend.k8s_form = K8S_SPO;
        else
            why = "expected snippet, pod or spo";
    } else if (strcmp(name, "profile-dir") == 0) {
        /* kubelet wants a descending path relative to its seccomp root */
        if (value[0] == '/')
            why = "it must be relative to the kubelet's seccomp directory";
        for (const char *p = value; !why && *p; p++)
            if ((p == value || p[-1] == '/') && p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0'))
                why = "it must not contain `..`";
            else if ((unsigned char)*p < 0x20 || *p == 0x7f)
                why = "it contains a control character";
        if (!why) {
            char *v = arena_strdup(&ctx->arena, value);
            size_t n = strlen(v);
            while (n && v[n - 1] == '/')
                v[--n] = '\0';
            ctx->opt.backend.k8s_profile_dir = v;
        }
    } else if (strcmp(name, "image") == 0) {
        if (!*value)
            why = "it is empty";
        for (const char *p = value; !why && *p; p++)
            if ((unsigned char)*p <= 0x20 || *p == 0x7f)
                why = "it contains white space or a control character";
        if (!why)
            ctx->opt.backend.k8s_image = arena_strdup(&ctx->arena, value);
    } else if (strcmp(name, "namespace") == 0) {
        if (!dns_label_ok(value))
            why = "a namespace is a DNS label: at most 63 of a-z, 0-9 and `-`, starting and ending with a letter or digit";
        else
            ctx->opt.backend.k8s_namespace = arena_strdup(&ctx->arena, value);
    } else if (strcmp(name, "node-limits") == 0) {
        if (strcmp(value, "yes") == 0 || strcmp(value, "no") == 0)
            ctx->opt.backend.k8s_node_limits = strcmp(value, "yes") == 0;
        else
            why = "expected yes or no";
    } else {
        why = "unknown option";
    }
    if (why) {
        diag_error(&ctx->diag, "E0906", SPAN_NONE, "invalid --k8s-%s `%s`: %s", name, value, why);
        return POLC_EUSAGE;
    }
    return POLC_OK;
}
