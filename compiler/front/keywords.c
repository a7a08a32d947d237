/* The language's keyword table (generated from grammar/lexer.l) and the one
 * writer of names into policy source. See keywords.h. */
#include "front/keywords.h"

#include <string.h>

#include "keywords.gen.h"
#include "util/polc_limits.h"

const char *const polc_keywords[] = {POLC_KEYWORDS NULL};
static const char *const name_keywords[] = {POLC_NAME_KEYWORDS NULL};
static const char *const operand_keywords[] = {POLC_OPERAND_KEYWORDS NULL};

#define NAME_TEXT_MAX 128

static bool in_list(const char *const *list, const char *s)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

size_t polc_keyword_count(void)
{
    return sizeof polc_keywords / sizeof polc_keywords[0] - 1;
}

bool polc_is_keyword(const char *s)
{
    return in_list(polc_keywords, s);
}

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The lexer's IDENT pattern (lexer.l), keywords aside. */
static bool ident_shape(const char *s)
{
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return false;
    size_t n = 1;
    for (const char *p = s + 1; *p; p++, n++) {
        if (*p == '-') {
            if (!word_char(p[1]))
                return false;
        } else if (!word_char(*p)) {
            return false;
        }
    }
    return n <= POLC_MAX_NAME_BYTES;
}

bool polc_is_identifier(const char *s)
{
    return ident_shape(s) && !polc_is_keyword(s);
}

bool polc_word_fits(const char *s, PolcWordPlace where)
{
    if (!ident_shape(s))
        return false;
    if (!polc_is_keyword(s))
        return true;
    return in_list(where == POLC_WORD_NAME ? name_keywords : operand_keywords, s);
}

const char *polc_name_text(Arena *a, const char *s, PolcWordPlace where, const char *fallback)
{
    if (polc_word_fits(s, where) && strlen(s) <= NAME_TEXT_MAX)
        return s;
    char out[NAME_TEXT_MAX + 3];
    size_t o = 0;
    for (const char *p = s; *p && o < NAME_TEXT_MAX; p++) {
        char c = word_char(*p) ? *p : '-';
        if (c == '-' && (o == 0 || out[o - 1] == '-'))
            continue;
        if (o == 0 && c >= '0' && c <= '9')
            out[o++] = '_'; /* an identifier starts with a letter or `_` */
        out[o++] = c;
    }
    while (o > 0 && out[o - 1] == '-')
        o--;
    out[o] = '\0';
    if (o == 0)
        return fallback;
    if (!polc_word_fits(out, where))
        out[o++] = '_', out[o] = '\0'; /* a keyword: `mode_` is an identifier */
    return arena_strdup(a, out);
}
