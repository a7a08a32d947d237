/* polc explain's document: sections of (key, text) lines, and their text
 * and JSON renderings. */
#include <json-c/json.h>
#include <stdarg.h>
#include <string.h>

#include "review/explain.h"

ExSection *ex_section(ExDoc *doc, const char *title)
{
    ExSection *s = arena_alloc(&doc->ctx->arena, sizeof *s);
    s->title = title;
    VEC_PUSH(&doc->ctx->arena, doc->sections, s);
    return s;
}

void ex_item(ExDoc *doc, ExSection *s, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ExItem it = {key, arena_vprintf(&doc->ctx->arena, fmt, ap)};
    va_end(ap);
    VEC_PUSH(&doc->ctx->arena, s->items, it);
}

void ex_render_text(const ExDoc *doc, StrBuf *out)
{
    sb_printf(out, "%s\n", doc->heading);
    for (size_t i = 0; i < doc->sections.len; i++) {
        const ExSection *s = doc->sections.items[i];
        size_t w = 0;
        for (size_t k = 0; k < s->items.len; k++)
            if (s->items.items[k].key && strlen(s->items.items[k].key) > w)
                w = strlen(s->items.items[k].key);
        if (w > 22)
            w = 22;
        sb_printf(out, "\n%s:\n", s->title);
        for (size_t k = 0; k < s->items.len; k++) {
            const ExItem *it = &s->items.items[k];
            if (it->key)
                sb_printf(out, "  %-*s  %s\n", (int)w, it->key, it->text);
            else
                sb_printf(out, "  %s\n", it->text);
        }
    }
}

void ex_render_json(const ExDoc *doc, StrBuf *out)
{
    json_object *root = json_object_new_object();
    json_object_object_add(root, "policy", json_object_new_string(doc->heading));
    json_object *secs = json_object_new_array();
    for (size_t i = 0; i < doc->sections.len; i++) {
        const ExSection *s = doc->sections.items[i];
        json_object *so = json_object_new_object();
        json_object_object_add(so, "title", json_object_new_string(s->title));
        json_object *items = json_object_new_array();
        for (size_t k = 0; k < s->items.len; k++) {
            json_object *io = json_object_new_object();
            json_object_object_add(io, "key", s->items.items[k].key ? json_object_new_string(s->items.items[k].key)
                                                                   : NULL);
            json_object_object_add(io, "text", json_object_new_string(s->items.items[k].text));
            json_object_array_add(items, io);
        }
        json_object_object_add(so, "items", items);
        json_object_array_add(secs, so);
    }
    json_object_object_add(root, "sections", secs);
    sb_puts(out, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
    sb_putc(out, '\n');
    json_object_put(root);
}
