/* LSP positions (0-based line, UTF-16 code units) and byte offsets into a
 * document's text, and file URIs (position.c). */
#ifndef POLC_LSP_POSITION_H
#define POLC_LSP_POSITION_H
#include <json-c/json.h>
#include <stddef.h>
#include <stdint.h>

typedef struct LspPos {
    uint32_t line, character;
} LspPos;

LspPos lsp_pos_of(const char *text, size_t len, size_t offset);
/* The byte offset of pos, clamped to its line's end and to the text. */
size_t lsp_offset_of(const char *text, size_t len, LspPos pos);
/* {"start": …, "end": …} for the bytes [start, end). */
json_object *lsp_range(const char *text, size_t len, size_t start, size_t end);
/* "file:///a%20b" -> "/a b" (malloc'd); NULL for anything but a file URI. */
char *lsp_uri_to_path(const char *uri);
/* "/a b" -> "file:///a%20b" (malloc'd). */
char *lsp_path_to_uri(const char *path);

#endif
