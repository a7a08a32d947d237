/* polc graph --format json: the review view's structure (schema
 * polc-graph/1, docs/diff.md), for tools and for tests that assert it. */
#include <json-c/json.h>

#include "review/graph.h"
#include "review/lint.h"

static const char *act(const polc_ctx *ctx, Action a) { return action_str(&ctx->policy, (Arena *)&ctx->arena, a); }

static json_object *jnames(const char *const *names, size_t n)
{
    json_object *arr = json_object_new_array();
    for (size_t i = 0; i < n; i++)
        json_object_array_add(arr, json_object_new_string(names[i]));
    return arr;
}

static json_object *jtree(const polc_ctx *ctx, const GraphTree *t)
{
    json_object *o = json_object_new_object();
    if (t->cap >= 0) {
        const char *cn = cap_name(&ctx->policy, t->cap);
        json_object_object_add(o, "capability", json_object_new_string(cn ? cn : "?"));
        json_object_object_add(o, "held", t->held < 0 ? NULL : json_object_new_boolean(t->held));
        json_object_object_add(o, "with", jtree(ctx, t->with));
        json_object_object_add(o, "without", jtree(ctx, t->without));
        return o;
    }
    json_object *cases = json_object_new_array();
    for (size_t i = 0; i < t->cases.len; i++) {
        const GraphCase *c = &t->cases.items[i];
        json_object *jc = json_object_new_object();
        json_object_object_add(jc, "when", c->when ? json_object_new_string(c->when) : NULL);
        json_object_object_add(jc, "rules", c->rules ? json_object_new_string(c->rules) : NULL);
        json_object_object_add(jc, "action", json_object_new_string(act(ctx, c->action)));
        json_object_object_add(jc, "default", json_object_new_boolean(c->by_default));
        json_object_array_add(cases, jc);
    }
    json_object_object_add(o, "cases", cases);
    return o;
}

static json_object *jdecision(const polc_ctx *ctx, const GraphDecision *d)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "action", json_object_new_string(act(ctx, d->action)));
    json_object_object_add(o, "default", json_object_new_boolean(d->is_default));
    json_object_object_add(o, "count", json_object_new_int64((int64_t)d->count));
    json_object_object_add(o, "dangerous", jnames(d->dangerous.items, d->dangerous.len));
    json_object *groups = json_object_new_array();
    for (size_t i = 0; i < d->groups.len; i++) {
        const GraphGroup *g = &d->groups.items[i];
        json_object *jg = json_object_new_object();
        json_object_object_add(jg, "group", g->name ? json_object_new_string(g->name) : NULL);
        json_object_object_add(jg, "count", json_object_new_int64((int64_t)g->names.len));
        json_object_object_add(jg, "syscalls", jnames(g->names.items, g->names.len));
        json_object_array_add(groups, jg);
    }
    json_object_object_add(o, "groups", groups);
    if (d->is_default)
        json_object_object_add(o, "by_default", jnames(d->by_default.items, d->by_default.len));
    return o;
}

void graph_render_json(const polc_ctx *ctx, const GraphView *g, StrBuf *sb)
{
    json_object *root = json_object_new_object();
    json_object_object_add(root, "schema", json_object_new_string("polc-graph/1"));
    json_object_object_add(root, "policy", json_object_new_string(g->policy));
    json_object_object_add(root, "default", json_object_new_string(act(ctx, g->dflt)));
    json_object *arches = json_object_new_array();
    for (size_t i = 0; i < g->arches.len; i++) {
        const GraphArch *ga = &g->arches.items[i];
        json_object *ja = json_object_new_object();
        json_object_object_add(ja, "arch", json_object_new_string(arch_info(ga->arch)->name));
        json_object *ds = json_object_new_array();
        for (size_t k = 0; k < ga->decisions.len; k++)
            json_object_array_add(ds, jdecision(ctx, &ga->decisions.items[k]));
        json_object_object_add(ja, "decisions", ds);
        json_object *cs = json_object_new_array();
        for (size_t k = 0; k < ga->conds.len; k++) {
            const GraphCond *c = &ga->conds.items[k];
            json_object *jc = json_object_new_object();
            json_object_object_add(jc, "depends_on", json_object_new_string(c->by_caps ? "capabilities" : "arguments"));
            json_object_object_add(jc, "syscalls", jnames(c->names.items, c->names.len));
            json_object_object_add(jc, "dangerous", jnames(c->dangerous.items, c->dangerous.len));
            json_object_object_add(jc, "may_run", json_object_new_boolean(c->may_run));
            json_object_object_add(jc, "tree", jtree(ctx, c->tree));
            json_object_array_add(cs, jc);
        }
        json_object_object_add(ja, "conditional", cs);
        json_object_object_add(ja, "unknown", ga->has_unknown ? json_object_new_string(act(ctx, ga->unknown)) : NULL);
        json_object_array_add(arches, ja);
    }
    json_object_object_add(root, "arches", arches);
    sb_puts(sb, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                         JSON_C_TO_STRING_NOSLASHESCAPE));
    sb_putc(sb, '\n');
    json_object_put(root);
}
