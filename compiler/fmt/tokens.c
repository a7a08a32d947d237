/* polc fmt: comments attached to the tokens they belong to. Whether a comment
 * ends a line of code or stands on its own line, and where empty lines are,
 * is all the layout keeps of the input's whitespace. */
#include <string.h>

#include "fmt/fmt.h"
#include "parser.tab.h"

static unsigned newlines(const char *text, uint32_t from, uint32_t to)
{
    unsigned n = 0;
    for (uint32_t i = from; i < to; i++)
        n += text[i] == '\n';
    return n;
}

void fmt_tokens(Arena *a, const char *text, const LexTokenList *lexed, FmtTokList *out)
{
    VEC(FmtComment) pending = {0}; /* comments waiting for the next token */
    uint32_t prev_end = 0;         /* end of the last token or comment kept */
    bool have_prev = false;
    unsigned nl_since_token = 0;   /* newlines since the last kept token */
    bool blank = false;            /* an empty line since the last token or comment kept */
    unsigned line = 1;
    bool semi = false;             /* a `;` since the last token kept */
    bool have_token = false;
    for (size_t i = 0; i <= lexed->len; i++) {
        bool at_end = i == lexed->len;
        LexToken lt = at_end ? (LexToken){END, prev_end, prev_end} : lexed->items[i];
        if (at_end) {
            /* trailing whitespace of the file still counts for empty lines */
            uint32_t len = prev_end;
            while (text[len])
                len++;
            lt.start = lt.end = len;
        }
        unsigned nl = newlines(text, prev_end, lt.start);
        line += nl;
        nl_since_token += nl;
        blank |= have_prev && nl >= 2;
        prev_end = lt.end;
        if (lt.kind == ';') {
            semi = true;
            continue; /* a separator: whitespace to the layout, but not an empty line */
        }
        if (lt.kind == COMMENT) {
            size_t len = lt.end - lt.start;
            while (len > 1 && (text[lt.start + len - 1] == '\r' || text[lt.start + len - 1] == ' ' ||
                               text[lt.start + len - 1] == '\t'))
                len--;
            FmtComment c = {text + lt.start, len, blank};
            FmtTok *last = have_token ? &out->items[out->len - 1] : NULL;
            if (last && nl_since_token == 0 && !last->trail && pending.len == 0) {
                FmtComment *keep = arena_alloc(a, sizeof *keep);
                *keep = c;
                last->trail = keep;
            } else {
                VEC_PUSH(a, pending, c);
            }
        } else {
            FmtTok t = {0};
            t.kind = lt.kind;
            t.line = line;
            t.semi_before = semi;
            semi = false;
            t.text = text + lt.start;
            t.len = lt.end - lt.start;
            t.blank_before = blank;
            t.lead.items = pending.items;
            t.lead.len = pending.len;
            t.lead.cap = pending.cap;
            memset(&pending, 0, sizeof pending);
            VEC_PUSH(a, *out, t);
            have_token = true;
            nl_since_token = 0;
        }
        blank = false;
        have_prev = true;
    }
}
