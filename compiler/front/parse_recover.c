/* Where a statement with a syntax error ends, read from the tokens alone
 * (see parse_recover.h). Statements have no terminator: a new line ends one
 * unless the line before ends with an operator or the new line starts with
 * one (`or ...`, `, close`), and a `;` or a `}` of the enclosing block ends
 * one anywhere. */
#include "front/parse_recover.h"

#include <string.h>

#include "parser.tab.h"

/* Tokens after which a statement goes on to the next line. */
static bool continues_after(int kind)
{
    switch (kind) {
    case ',': case '(': case '{': case '|': case '&': case '=': case '<': case '>': case '~': case '-': case ':':
    case EQ: case NE: case LE: case GE: case SHL: case OR: case AND: case NOT: case IN: case IF: case ERRNO:
        return true;
    default:
        return false;
    }
}

/* Tokens that, first on a line, go on with the statement above. */
static bool continues_before(int kind)
{
    switch (kind) {
    case ',': case ')': case '{': case '|': case '&': case '=': case '<': case '>': case ':':
    case EQ: case NE: case LE: case GE: case SHL: case OR: case AND: case IN: case IF: case ERRNO:
        return true;
    default:
        return false;
    }
}

static bool ends_statement(const ParseRecovery *r, const char *text, int kind, PolcLoc loc)
{
    if (kind == END)
        return true;
    if (r->skip_depth > 0)
        return false;
    if (kind == ';' || kind == '}')
        return true;
    if (continues_before(kind))
        return false;
    if (r->skip_closed)
        return true; /* `{ ... }` closed the statement */
    bool newline = text && loc.start > r->prev_end && memchr(text + r->prev_end, '\n', loc.start - r->prev_end);
    return newline && !continues_after(r->prev_kind);
}

bool recovery_skips(ParseRecovery *r, const char *text, int kind, PolcLoc loc)
{
    bool skip = false;
    if (r->skipping && r->skip_stray) {
        /* `allow read {` with the line's end after the `{`: a stray `{`, not a block */
        r->skip_stray = false;
        if (text && loc.start > r->prev_end && memchr(text + r->prev_end, '\n', loc.start - r->prev_end)) {
            r->skip_depth--;
            if (r->nopen > r->skip_base)
                r->nopen--;
        }
    }
    if (r->skipping) {
        if (ends_statement(r, text, kind, loc)) {
            r->skipping = false;
        } else {
            skip = true;
            r->skip_closed = false;
            if (kind == '{') {
                r->skip_depth++;
            } else if (kind == '}' && r->skip_depth > 0) {
                r->skip_depth--;
                r->skip_closed = r->skip_depth == 0;
            }
        }
    }
    if (kind == '{' && r->nopen < POLC_MAX_NESTING)
        r->open[r->nopen++] = loc.start;
    else if (kind == '}' && r->nopen > 0)
        r->nopen--;
    r->before_kind = r->prev_kind;
    r->prev_kind = kind;
    r->before_end = r->prev_end;
    r->prev_end = loc.end;
    return skip;
}

void recovery_start_skip(ParseRecovery *r, PolcLoc region, int kind, PolcLoc loc, bool no_brace)
{
    /* `{` the dropped statement opened before its error are closed in the skip */
    uint32_t base = r->nopen;
    while (base > 0 && r->open[base - 1] >= region.start)
        base--;
    r->skipping = true;
    r->skip_closed = false;
    r->skip_base = base;
    r->skip_depth = (int)(r->nopen - base) + no_brace;
    r->skip_stray = kind == '{';
    if (no_brace && r->nopen < POLC_MAX_NESTING)
        r->open[r->nopen++] = loc.start; /* the `{` that is missing: its `}` closes it */
}

void recovery_stop_skip(ParseRecovery *r)
{
    r->skipping = false;
    if (r->nopen > r->skip_base)
        r->nopen = r->skip_base;
}

bool recovery_on_new_line(const ParseRecovery *r, const char *text, PolcLoc loc)
{
    return text && loc.start > r->before_end && memchr(text + r->before_end, '\n', loc.start - r->before_end);
}

bool recovery_errok_allowed(ParseRecovery *r)
{
    if (r->errok_at != r->cur) {
        r->errok_at = r->cur;
        r->errok_count = 0;
    }
    if (r->errok_count >= POLC_MAX_NESTING + 2)
        return false;
    r->errok_count++;
    return true;
}

/* Sections hold only rules and items: dropping one leaves no name undefined
 * and no default or arch unset. Anything else (or a word that is no keyword)
 * may have defined something. */
bool recovery_may_define(const char *text, size_t len, uint32_t start)
{
    static const char *const sections[] = {"syscalls", "capabilities", "filesystem", "network", "process",
                                           "resources"};
    if (!text || start >= len)
        return false;
    size_t n = 0;
    while (start + n < len && (text[start + n] == '-' || text[start + n] == '_' ||
                               (text[start + n] >= 'a' && text[start + n] <= 'z') ||
                               (text[start + n] >= 'A' && text[start + n] <= 'Z') ||
                               (text[start + n] >= '0' && text[start + n] <= '9')))
        n++;
    if (n == 0)
        return false; /* punctuation: a stray `}` or `;` */
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        if (strlen(sections[i]) == n && memcmp(text + start, sections[i], n) == 0)
            return false;
    return true;
}
