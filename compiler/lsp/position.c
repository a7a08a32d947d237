/* Byte offsets <-> LSP positions. LSP counts characters in UTF-16 code
 * units (the default position encoding, the only one Neovim 0.7 and VS Code
 * both speak), polc in bytes of UTF-8. */
#include "lsp/position.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/source.h"

/* Bytes and UTF-16 units of the character at p (invalid bytes count as one
 * unit each, as the lexer rejects them anyway). */
static size_t step(const char *p, size_t avail, unsigned *units)
{
    size_t n = utf8_char_len((const unsigned char *)p, avail);
    if (n == 0)
        n = 1;
    *units = n == 4 ? 2 : 1;
    return n;
}

LspPos lsp_pos_of(const char *text, size_t len, size_t offset)
{
    LspPos pos = {0, 0};
    if (offset > len)
        offset = len;
    size_t i = 0;
    while (i < offset) {
        if (text[i] == '\n') {
            pos.line++, pos.character = 0, i++;
            continue;
        }
        unsigned units;
        size_t n = step(text + i, len - i, &units);
        if (i + n > offset)
            break;
        pos.character += units;
        i += n;
    }
    return pos;
}

size_t lsp_offset_of(const char *text, size_t len, LspPos pos)
{
    size_t i = 0;
    for (uint32_t l = 0; l < pos.line; l++) {
        const char *nl = memchr(text + i, '\n', len - i);
        if (!nl)
            return len;
        i = (size_t)(nl - text) + 1;
    }
    uint32_t c = 0;
    while (i < len && text[i] != '\n' && c < pos.character) {
        unsigned units;
        size_t n = step(text + i, len - i, &units);
        c += units;
        i += n;
    }
    return i;
}

static json_object *position_json(LspPos p)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "line", json_object_new_int64(p.line));
    json_object_object_add(o, "character", json_object_new_int64(p.character));
    return o;
}

json_object *lsp_range(const char *text, size_t len, size_t start, size_t end)
{
    json_object *r = json_object_new_object();
    json_object_object_add(r, "start", position_json(lsp_pos_of(text, len, start)));
    json_object_object_add(r, "end", position_json(lsp_pos_of(text, len, end)));
    return r;
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (*p != '/') { /* file://host/path: only the local host */
        if (strncmp(p, "localhost/", 10) != 0)
            return NULL;
        p += 9;
    }
    char *out = malloc(strlen(p) + 1), *o = out;
    if (!out)
        return NULL;
    for (; *p; p++) {
        if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
            *o++ = (char)(hex(p[1]) * 16 + hex(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    if (memchr(out, '\0', (size_t)(o - out))) { /* %00 */
        free(out);
        return NULL;
    }
    return out;
}

char *lsp_path_to_uri(const char *path)
{
    static const char safe[] = "-._~/!$&'()*+,;=:@";
    char *out = malloc(7 + 3 * strlen(path) + 1), *o = out;
    if (!out)
        return NULL;
    memcpy(o, "file://", 7);
    o += 7;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr(safe, *p))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    }
    *o = '\0';
    return out;
}
