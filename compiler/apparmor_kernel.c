/* The public AppArmor calls of include/polc/polc.h: choosing the feature set
 * the back end targets, and loading compiled policy into the kernel through
 * libapparmor's aa_kernel_interface (polc load). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/apparmor.h>
#include <sys/stat.h>

#include "backend/backend.h"
#include "compile.h"

polc_status polc_set_apparmor_features(polc_ctx *ctx, const char *path)
{
    ctx->opt.backend.aa_features = arena_strdup(&ctx->arena, path);
    aa_features *f;
    if (!apparmor_load_features(&ctx->opt.backend, &ctx->diag, &f))
        return POLC_EUSAGE;
    aa_features_unref(f);
    return POLC_OK;
}

static const char *lsm_problem(int err)
{
    switch (err) {
    case ENOSYS: return "the running kernel has no AppArmor LSM";
    case ECANCELED: return "AppArmor is built into the kernel but not enabled (boot with `apparmor=1`, "
                           "and `lsm=` listing apparmor)";
    case ENOENT: return "AppArmor is enabled but securityfs is not mounted (mount -t securityfs securityfs "
                        "/sys/kernel/security)";
    case EBUSY: return "AppArmor is enabled but its interface is busy";
    case EPERM:
    case EACCES: return "AppArmor is enabled but this process may not use its interface";
    default: return NULL;
    }
}

/* The back end's options with the stdlib's feature set located: these calls
 * may come before any compilation. */
static const BackendOptions *features_options(polc_ctx *ctx)
{
    if (!ctx->opt.backend.aa_features_stdlib)
        ctx->opt.backend.aa_features_stdlib = stdlib_locate(ctx, "apparmor/features/abi-3.0");
    return &ctx->opt.backend;
}

const char *polc_apparmor_features_path(polc_ctx *ctx) { return apparmor_features_path(features_options(ctx)); }

polc_status polc_apparmor_check_interface(polc_ctx *ctx, const char *apparmorfs)
{
    if (!apparmorfs) {
        if (!aa_is_enabled()) {
            int err = errno;
            const char *why = lsm_problem(err);
            Diag *g = diag_error(&ctx->diag, "E0806", SPAN_NONE, "cannot load the profile: %s",
                                 why ? why : strerror(err));
            diag_note(&ctx->diag, g, SPAN_NONE, "the profile itself is fine: any host with AppArmor loads it "
                                                "with `polc load` or `apparmor_parser -r`");
            return POLC_EUSAGE;
        }
        return POLC_OK;
    }
    struct stat st;
    if (stat(apparmorfs, &st) != 0 || !S_ISDIR(st.st_mode)) {
        Diag *g = diag_error(&ctx->diag, "E0806", SPAN_NONE, "`%s` is not an AppArmor interface directory: %s",
                             apparmorfs, stat(apparmorfs, &st) != 0 ? strerror(errno) : "not a directory");
        diag_help(&ctx->diag, g, "the kernel's is /sys/kernel/security/apparmor");
        return POLC_EUSAGE;
    }
    return POLC_OK;
}

polc_status polc_apparmor_load(polc_ctx *ctx, const char *blob, size_t len, const char *apparmorfs)
{
    bool binary = false;
    for (size_t i = 0; i < len && i < 64; i++)
        binary |= blob[i] == '\0';
    if (!binary) {
        Diag *g = diag_error(&ctx->diag, "E0806", SPAN_NONE, "the policy to load is not compiled AppArmor policy");
        diag_help(&ctx->diag, g, "compile the profile first: apparmor_parser -S -Q NAME.apparmor > NAME.bin");
        return POLC_EUSAGE;
    }
    aa_features *feat = NULL;
    if (polc_apparmor_check_interface(ctx, apparmorfs) != POLC_OK)
        return POLC_EUSAGE;
    if (!apparmorfs) {
        if (aa_features_new_from_kernel(&feat) != 0) {
            diag_error(&ctx->diag, "E0806", SPAN_NONE, "cannot read the kernel's AppArmor features: %s",
                       strerror(errno));
            return POLC_EUSAGE;
        }
    } else {
        struct stat st;
        /* the directory's own features/, else the target feature set */
        const char *fdir = arena_printf(&ctx->arena, "%s/features", apparmorfs);
        if (stat(fdir, &st) != 0 || aa_features_new(&feat, AT_FDCWD, fdir) != 0) {
            feat = NULL;
            if (!apparmor_load_features(features_options(ctx), &ctx->diag, &feat))
                return POLC_EUSAGE;
        }
    }
    aa_kernel_interface *ki = NULL;
    polc_status st = POLC_OK;
    if (aa_kernel_interface_new(&ki, feat, apparmorfs) != 0) {
        diag_error(&ctx->diag, "E0806", SPAN_NONE, "cannot open the AppArmor interface%s%s: %s",
                   apparmorfs ? " " : "", apparmorfs ? apparmorfs : "", strerror(errno));
        st = POLC_EUSAGE;
    } else if (aa_kernel_interface_replace_policy(ki, blob, len) != 0) {
        Diag *g = diag_error(&ctx->diag, "E0806", SPAN_NONE, "the kernel refused the profile: %s", strerror(errno));
        if (errno == EACCES || errno == EPERM)
            diag_help(&ctx->diag, g, "loading policy needs CAP_MAC_ADMIN (run as root)");
        st = POLC_EUSAGE;
    }
    aa_kernel_interface_unref(ki);
    aa_features_unref(feat);
    return st;
}
