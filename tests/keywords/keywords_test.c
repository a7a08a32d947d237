/* One surface of the language: the keyword table generated from
 * grammar/lexer.l is the lexer's, and every keyword written by the one name
 * writer (polc_name_text) parses back as that name, as a policy/const name
 * and as a condition's argument name. Also: a keyword a place does not take
 * is refused there as is (so the writer's exceptions are exactly the
 * grammar's), and a few names that are not identifiers at all. */
#include <stdio.h>
#include <string.h>

#include "util/arena.h"
#include "front/ast.h"
#include "util/diag.h"
#include "front/keywords.h"
#include "front/parse.h"
#include "util/polc_limits.h"
#include "util/source.h"

static int fails;

#define CHECK(c, ...)                                                                                                  \
    do {                                                                                                               \
        if (!(c)) {                                                                                                    \
            fails++;                                                                                                   \
            printf("FAIL: " __VA_ARGS__);                                                                              \
            putchar('\n');                                                                                             \
        }                                                                                                              \
    } while (0)

typedef struct {
    Arena a;
    SourceMap sm;
    DiagEngine d;
    StmtList out;
    size_t errors;
    uint32_t file;
} Parsed;

static void parse_text(Parsed *p, const char *text)
{
    memset(p, 0, sizeof *p);
    arena_init(&p->a);
    diag_init(&p->d, &p->a, &p->sm);
    p->file = source_add(&p->sm, &p->a, "<test>", "<test>", text, strlen(text), false);
    p->errors = parse_source(&p->a, &p->d, source_get(&p->sm, p->file), p->file, &p->out);
}

/* `policy W` / `const W = 1` parses, naming W */
static bool parses_as_name(const char *w)
{
    Parsed p;
    Arena tmp;
    arena_init(&tmp);
    parse_text(&p, arena_printf(&tmp, "policy %s \"d\"\nconst %s = 1\n", w, w));
    bool ok = p.errors == 0 && p.out.len == 2 && p.out.items[0]->kind == ST_POLICY &&
              strcmp(p.out.items[0]->name, w) == 0 && p.out.items[1]->kind == ST_CONST &&
              strcmp(p.out.items[1]->name, w) == 0;
    arena_release(&p.a);
    arena_release(&tmp);
    return ok;
}

/* `syscalls { allow chown if W == 0 }` parses, W the argument name */
static bool parses_as_operand(const char *w)
{
    Parsed p;
    Arena tmp;
    arena_init(&tmp);
    parse_text(&p, arena_printf(&tmp, "syscalls {\n    allow chown if %s == 0\n}\n", w));
    bool ok = p.errors == 0 && p.out.len == 1 && p.out.items[0]->kind == ST_SYSCALLS &&
              p.out.items[0]->body.len == 1 && p.out.items[0]->body.items[0]->expr &&
              p.out.items[0]->body.items[0]->expr->name && strcmp(p.out.items[0]->body.items[0]->expr->name, w) == 0;
    arena_release(&p.a);
    arena_release(&tmp);
    return ok;
}

/* the lexer reads s as one token that is not an identifier */
static bool lexes_as_keyword(const char *s)
{
    Parsed p;
    parse_text(&p, "");
    LexTokenList toks = {0};
    uint32_t f = source_add(&p.sm, &p.a, "<kw>", "<kw>", s, strlen(s), false);
    size_t errs = lex_source_tokens(&p.a, &p.d, source_get(&p.sm, f), f, &toks);
    bool ok = errs == 0 && toks.len == 1 && toks.items[0].start == 0 && toks.items[0].end == strlen(s);
    /* an identifier of the same length would be IDENT: compare with a sure one */
    LexTokenList id = {0};
    uint32_t g = source_add(&p.sm, &p.a, "<id>", "<id>", "zz", 2, false);
    lex_source_tokens(&p.a, &p.d, source_get(&p.sm, g), g, &id);
    ok = ok && id.len == 1 && toks.items[0].kind != id.items[0].kind;
    arena_release(&p.a);
    return ok;
}

int main(void)
{
    Arena a;
    arena_init(&a);
    size_t n = polc_keyword_count();
    CHECK(n >= 44, "only %zu keywords in the generated table", n);
    CHECK(polc_keywords[n] == NULL, "the table is not NULL-terminated");
    static const char *const late[] = {"for", "newer-than", "unknown", "mode", "kill-process", "no-new-privileges"};
    for (size_t i = 0; i < sizeof late / sizeof late[0]; i++)
        CHECK(polc_is_keyword(late[i]), "`%s` is not in the keyword table", late[i]);

    for (size_t i = 0; i < n; i++) {
        const char *k = polc_keywords[i];
        CHECK(lexes_as_keyword(k), "`%s` is in the table but the lexer does not read it as a keyword", k);
        CHECK(!polc_is_identifier(k), "`%s` counts as an identifier", k);

        const char *w = polc_name_text(&a, k, POLC_WORD_NAME, "fallback");
        CHECK(parses_as_name(w), "name `%s` written as `%s` does not parse back", k, w);
        /* kept as is exactly where the grammar takes the keyword */
        CHECK((strcmp(w, k) == 0) == parses_as_name(k), "name `%s`: written as `%s`, yet as is it %s", k, w,
              parses_as_name(k) ? "parses" : "does not parse");
        CHECK(polc_word_fits(k, POLC_WORD_NAME) == parses_as_name(k), "polc_word_fits(`%s`, NAME) is wrong", k);

        w = polc_name_text(&a, k, POLC_WORD_OPERAND, "arg0");
        CHECK(parses_as_operand(w), "argument name `%s` written as `%s` does not parse back", k, w);
        CHECK((strcmp(w, k) == 0) == parses_as_operand(k), "argument name `%s`: written as `%s`, yet as is it %s", k,
              w, parses_as_operand(k) ? "parses" : "does not parse");
        CHECK(polc_word_fits(k, POLC_WORD_OPERAND) == parses_as_operand(k), "polc_word_fits(`%s`, OPERAND) is wrong",
              k);
    }
    /* the reported cases, by name */
    CHECK(strcmp(polc_name_text(&a, "mode", POLC_WORD_NAME, "x"), "mode") != 0, "`policy mode` written as is");
    CHECK(strcmp(polc_name_text(&a, "unknown", POLC_WORD_NAME, "x"), "unknown") != 0, "`policy unknown` written as is");
    CHECK(strcmp(polc_name_text(&a, "kill", POLC_WORD_NAME, "x"), "kill") == 0, "`policy kill` was escaped");
    CHECK(strcmp(polc_name_text(&a, "my-app", POLC_WORD_NAME, "x"), "my-app") == 0, "`my-app` was changed");

    /* names that are no identifier at all */
    char longname[400];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    static const char *const odd[] = {"1app", "my.app", "a..b", "-x-", "x--y", "caf\xc3\xa9", "with space", "mode!",
                                      "newer-than-", "_", "9", "kill-thread", "read-only"};
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
        const char *w = polc_name_text(&a, odd[i], POLC_WORD_NAME, "fallback");
        CHECK(parses_as_name(w), "name `%s` written as `%s` does not parse back", odd[i], w);
    }
    const char *w = polc_name_text(&a, longname, POLC_WORD_NAME, "fallback");
    CHECK(strlen(w) <= POLC_MAX_NAME_BYTES && parses_as_name(w), "a 399-byte name written as %zu bytes", strlen(w));
    static const char *const empty[] = {"", "-", "..", "!!!"};
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++)
        CHECK(strcmp(polc_name_text(&a, empty[i], POLC_WORD_NAME, "fallback"), "fallback") == 0,
              "`%s` did not give the fallback", empty[i]);

    arena_release(&a);
    if (fails)
        printf("%d failure(s)\n", fails);
    else
        printf("ok: %zu keywords, each written so that it parses back\n", n);
    return fails != 0;
}
