/* polc explain's document: titled sections of (key, text) lines, rendered
 * as text for a reviewer or as JSON for tools. */
#ifndef POLC_REVIEW_EXPLAIN_H
#define POLC_REVIEW_EXPLAIN_H
#include "review/lint.h"

typedef struct ExItem {
    const char *key; /* may be NULL: a plain line */
    const char *text;
} ExItem;

typedef struct ExSection {
    const char *title;
    VEC(ExItem) items;
} ExSection;

typedef struct ExDoc {
    polc_ctx *ctx;
    const char *heading;
    VEC(ExSection *) sections;
} ExDoc;

ExSection *ex_section(ExDoc *doc, const char *title);
void ex_item(ExDoc *doc, ExSection *s, const char *key, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

void ex_render_text(const ExDoc *doc, StrBuf *out);
void ex_render_json(const ExDoc *doc, StrBuf *out);

/* One syscall over the target arches. */
typedef enum Status { CALL_NONE, CALL_ALL, CALL_COND, CALL_MIXED } Status;

typedef struct Call {
    const char *name;
    Status status;  /* over the target arches that have it */
    ArchId cond_arch; /* an arch where it is conditional */
    bool logged;    /* some arch allows it through `log` */
    bool listed;    /* already shown in the summary */
} Call;

/* The state of one explanation. */
typedef struct Ex {
    ExDoc doc;
    polc_ctx *ctx;
    CondCtx cc;
    ArchId arches[ARCH__COUNT];
    size_t narches;
    VEC(Call) calls; /* every syscall of the target arches, sorted by name */
} Ex;

/* explain_allowed.c: the syscalls of the target arches and what runs,
 * grouped by systemd's syscall groups. */
void ex_collect_calls(Ex *x);
void ex_section_allowed(Ex *x);
/* explain_conditions.c: argument conditions in the author's words,
 * capability- and arch-dependent decisions, and what is denied by name. */
void ex_section_conditions(Ex *x);
void ex_section_denied(Ex *x);
/* explain_resources.c: the resources section per output (nothing without one):
 * what a seccomp or AppArmor profile leaves out, what the Kubernetes output
 * says (m: its manifest, NULL when refused), what polc run does. */
struct K8sManifest;
void ex_resources_profile(ExDoc *doc, ExSection *s);
void ex_resources_k8s(ExDoc *doc, ExSection *s, const struct K8sManifest *m);
void ex_resources_run(ExDoc *doc);
/* "allowed", "allowed and logged" or the action, e.g. "errno(EPERM)". */
const char *ex_verdict(const polc_ctx *ctx, Action a);

/* explain_backends.c: what each back end enforces for this policy, and what
 * it cannot, from running it. */
void explain_backends(ExDoc *doc);

#endif
