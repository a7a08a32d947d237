/* polc fmt: the layout. A recursive descent over the tokens that follows
 * grammar/parser.y closely enough to know statements, blocks and lists; the
 * real parser has accepted the text before, and format.c checks the result.
 *
 * Each statement (or block header) becomes a run of pieces, each knowing
 * whether a line may start before it and how much that is preferred
 * (RANK_*). plan_breaks decides where lines start: where comments force it,
 * and where a line would pass FMT_WIDTH, at its most preferred place.
 * Continuation lines are indented one level more (and one per parenthesis).
 * A comment that ends a line keeps ending it, after the same token; comments
 * on their own lines stay there. The layout depends only on the tokens and
 * on where comments and empty lines are, so it is idempotent. */
#include <string.h>

#include "fmt/fmt.h"
#include "parser.tab.h"

typedef struct Piece {
    const FmtTok *tok; /* NULL: literal text (an added trailing comma) */
    const char *lit;
    bool space;    /* a space before it, when not at the start of a line */
    int brk;       /* 0, or a line may start here: the lower, the sooner (RANK_*) */
    int depth;     /* parentheses and braces around it: deeper lines are indented more */
    bool stick;    /* stays on the line of a comment that ends the previous token's line */
} Piece;

/* Where a long statement breaks first: before `or`, then `and`, then after
 * list commas / before `if` and `errno`, then before `|`; 10 more per level
 * of parentheses, so a condition breaks at its outermost operators first. */
enum { RANK_NONE, RANK_OR, RANK_AND, RANK_LIST, RANK_BITOR, RANK_DEPTH = 10 };

typedef struct Fmt {
    const FmtTok *t;
    size_t n, pos;
    StrBuf *out;
    bool ok;
    /* the statement being laid out */
    VEC(Piece) pieces;
    Arena scratch;
    bool capture;           /* keep every laid-out piece in captured too */
    VEC(Piece) captured;
} Fmt;

static const FmtTok *peek(Fmt *f) { return &f->t[f->pos < f->n ? f->pos : f->n - 1]; }
static const FmtTok *peek2(Fmt *f) { return &f->t[f->pos + 1 < f->n ? f->pos + 1 : f->n - 1]; }
static bool at(Fmt *f, int kind) { return peek(f)->kind == kind; }

static void put_indent(Fmt *f, int indent)
{
    for (int i = 0; i < indent; i++)
        sb_putc(f->out, ' ');
}

static void put_comment_line(Fmt *f, const FmtComment *c, int indent)
{
    put_indent(f, indent);
    sb_putn(f->out, c->text, c->len);
    sb_putc(f->out, '\n');
}

/* ---- emitting one statement's pieces ---- */

static void add(Fmt *f, const FmtTok *tok, bool space, int brk, int depth)
{
    Piece p = {tok, NULL, space, brk ? brk + RANK_DEPTH * depth : 0, depth, false};
    VEC_PUSH(&f->scratch, f->pieces, p);
}

/* Take the next token as a piece. */
static const FmtTok *take_at(Fmt *f, bool space, int brk, int depth)
{
    const FmtTok *t = peek(f);
    if (t->kind == END) {
        f->ok = false;
        return t;
    }
    add(f, t, space, brk, depth);
    f->pos++;
    return t;
}

static const FmtTok *take(Fmt *f, bool space, int brk) { return take_at(f, space, brk, 0); }

/* A token the canonical form leaves out (a trailing comma in a one-line
 * list): its comments still have to appear, so it becomes an empty piece. */
static void drop(Fmt *f)
{
    static const char empty[] = "";
    Piece p = {peek(f), empty, false, 0, 0, false};
    VEC_PUSH(&f->scratch, f->pieces, p);
    f->pos++;
}

static size_t piece_len(const Piece *p) { return p->lit ? strlen(p->lit) : p->tok->len; }

/* The line being written: code goes at `indent` once the first piece lands. */
typedef struct Line {
    int indent;   /* of the current line */
    int cont;     /* of the lines after it */
    bool content; /* code on it already */
    const FmtComment *trail;
} Line;

static void newline(Fmt *f, Line *l)
{
    if (l->trail) {
        if (l->content)
            sb_puts(f->out, "  ");
        else
            put_indent(f, l->indent);
        sb_putn(f->out, l->trail->text, l->trail->len);
        l->trail = NULL;
    }
    sb_putc(f->out, '\n');
    l->content = false;
    l->indent = l->cont;
}

static bool is_op(const Piece *p, int kind) { return p->tok && p->tok->kind == kind && p->brk; }

/* A long condition that mixes `and` and `or` breaks before every `or` of its
 * outermost level first, so that no line reads `... and B or C` as if `and`
 * bound looser. */
static void or_breaks(const Fmt *f, int indent, bool *pre)
{
    size_t n = f->pieces.len, width = (size_t)indent;
    int depth = -1;
    for (size_t i = 0; i < n; i++) {
        const Piece *p = &f->pieces.items[i];
        width += (p->space ? 1 : 0) + piece_len(p);
        pre[i] = false;
        if ((is_op(p, OR) || is_op(p, AND)) && (depth < 0 || p->depth < depth))
            depth = p->depth;
    }
    if (width <= FMT_WIDTH || depth < 0)
        return;
    bool have_and = false;
    for (size_t i = 0; i < n; i++)
        have_and |= is_op(&f->pieces.items[i], AND) && f->pieces.items[i].depth == depth;
    for (size_t i = 0; i < n && have_and; i++)
        pre[i] = is_op(&f->pieces.items[i], OR) && f->pieces.items[i].depth == depth;
}

/* Where the lines of a statement start: comments force breaks; a line that
 * runs past FMT_WIDTH breaks at its most preferred opportunity (the last of
 * equals), and the rest is measured again. brk[i]: a line starts at piece
 * i, indented ind[i]. */
static void plan_breaks(Fmt *f, int indent, int cont, bool *brk, int *ind)
{
    size_t start = 0; /* first piece of the current line */
    size_t n = f->pieces.len;
    bool trail = false;
    bool *pre = arena_alloc(&f->scratch, n * sizeof *pre);
    or_breaks(f, indent, pre);
    for (size_t i = 0; i < n; i++) {
        const Piece *p = &f->pieces.items[i];
        const FmtTok *t = p->tok;
        bool stick = p->stick; /* only a block's `{`: comments never move between tokens */
        brk[i] = false;
        ind[i] = i == 0 ? indent : cont;
        if (pre[i] || (t && i > 0 && t->lead.len) || (trail && !(stick && !(t && t->trail)))) {
            brk[i] = true;
            ind[i] = cont + FMT_INDENT * p->depth;
            start = i;
            trail = false;
        }
        if (t && t->trail)
            trail = true;
        for (;;) {
            size_t col = (size_t)ind[start];
            bool content = false;
            for (size_t j = start; j <= i; j++) {
                size_t len = piece_len(&f->pieces.items[j]);
                if (!len)
                    continue;
                col += (content && f->pieces.items[j].space ? 1 : 0) + len;
                content = true;
            }
            if (col <= FMT_WIDTH)
                break;
            size_t best = 0;
            for (size_t j = start + 1; j <= i; j++) {
                const Piece *q = &f->pieces.items[j];
                if (q->brk && (!best || q->brk <= f->pieces.items[best].brk))
                    best = j;
            }
            if (!best)
                break; /* one chunk longer than the line: it stays long */
            brk[best] = true;
            ind[best] = cont + FMT_INDENT * f->pieces.items[best].depth;
            start = best;
        }
    }
}

/* Lay out the pieces collected since the statement began; the statement's
 * first token's own-line comments were written by begin(). */
static void flush_at(Fmt *f, int indent, int cont)
{
    size_t n = f->pieces.len;
    for (size_t i = 0; i < n && f->capture; i++)
        VEC_PUSH(&f->scratch, f->captured, f->pieces.items[i]);
    bool *brk = arena_alloc(&f->scratch, n * sizeof *brk);
    int *ind = arena_alloc(&f->scratch, n * sizeof *ind);
    plan_breaks(f, indent, cont, brk, ind);
    Line l = {indent, cont, false, NULL};
    for (size_t i = 0; i < n; i++) {
        const Piece *p = &f->pieces.items[i];
        const FmtTok *t = p->tok;
        size_t len = piece_len(p);
        if (brk[i]) {
            if (l.content || l.trail)
                newline(f, &l);
            if (t && i > 0)
                for (size_t k = 0; k < t->lead.len; k++)
                    put_comment_line(f, &t->lead.items[k], ind[i]);
            l.indent = ind[i];
        }
        if (len) {
            if (!l.content) {
                put_indent(f, l.indent);
                l.content = true;
            } else if (p->space) {
                sb_putc(f->out, ' ');
            }
            if (p->lit)
                sb_puts(f->out, p->lit);
            else
                sb_putn(f->out, t->text, t->len);
        }
        if (t && t->trail) {
            if (l.trail) /* two comments for one line: the first ends it */
                newline(f, &l);
            l.trail = t->trail;
        }
    }
    if (l.content || l.trail)
        newline(f, &l);
    f->pieces.len = 0;
}

static void flush(Fmt *f, int indent) { flush_at(f, indent, indent + FMT_INDENT); }

/* The start of a statement at indent: its own-line comments, and the empty
 * lines the input had before them and before it (at most one each; none at
 * the top of a block, none before a closing brace). */
static void begin(Fmt *f, int indent, bool first, bool closing)
{
    const FmtTok *t = peek(f);
    bool written = !first;
    for (size_t k = 0; k < t->lead.len; k++) {
        if (t->lead.items[k].blank_before && written)
            sb_putc(f->out, '\n');
        put_comment_line(f, &t->lead.items[k], indent);
        written = true;
    }
    if (!closing && t->kind != END && t->blank_before && written)
        sb_putc(f->out, '\n');
}

/* ---- lines that silence polc lint ---- */

/* polc lint silences a finding with a `# polc: allow CODE` comment on a line
 * of the reported span (docs/lint.md), so such a line must keep its tokens:
 * the statements that make up the whole line stay on one line, spaced as
 * usual and separated by `;` where they were. */
static bool is_directive(const FmtComment *c)
{
    static const char key[] = "polc: allow";
    size_t k = 1;
    while (k < c->len && c->text[k] == ' ')
        k++;
    return c->len - k >= sizeof key - 1 && memcmp(c->text + k, key, sizeof key - 1) == 0;
}

/* Token i starts its line and the line ends with a directive at token *j. */
static bool directive_line(const Fmt *f, size_t i, size_t *j)
{
    if (i + 1 >= f->n || (i > 0 && f->t[i - 1].line == f->t[i].line))
        return false;
    size_t k = i;
    while (k + 1 < f->n && f->t[k + 1].kind != END && f->t[k + 1].line == f->t[i].line)
        k++;
    *j = k;
    return f->t[k].trail && is_directive(f->t[k].trail);
}

/* When the statements from the current token on fill its directive line
 * exactly, write them on one line; false (nothing consumed) otherwise. */
static bool directive_island(Fmt *f, int indent, void (*item)(Fmt *, int))
{
    size_t i = f->pos, j;
    if (!directive_line(f, i, &j))
        return false;
    size_t mark = f->out->len;
    bool ok = f->ok, outer = f->capture;
    size_t first = f->captured.len;
    f->capture = true;
    while (f->pos <= j && f->ok && !at(f, END))
        item(f, indent); /* laid out as usual, only for its pieces */
    bool whole = f->ok && f->pos == j + 1;
    f->out->len = mark;
    if (f->out->data)
        f->out->data[mark] = '\0';
    f->pieces.len = 0;
    f->ok = ok;
    f->capture = outer;
    if (!whole) {
        f->captured.len = first;
        f->pos = i;
        return false;
    }
    put_indent(f, indent);
    bool content = false;
    for (size_t k = first; k < f->captured.len; k++) {
        const Piece *p = &f->captured.items[k];
        size_t len = piece_len(p);
        if (!len)
            continue;
        if (content && p->tok && p->tok->semi_before)
            sb_putc(f->out, ';');
        if (content && (p->space || (p->tok && p->tok->semi_before)))
            sb_putc(f->out, ' ');
        if (p->lit)
            sb_puts(f->out, p->lit);
        else
            sb_putn(f->out, p->tok->text, p->tok->len);
        content = true;
    }
    if (!outer)
        f->captured.len = first;
    sb_puts(f->out, "  ");
    sb_putn(f->out, f->t[j].trail->text, f->t[j].trail->len);
    sb_putc(f->out, '\n');
    return true;
}

/* ---- the grammar ---- */


static bool is_verb(int k)
{
    return k == ALLOW || k == KILL || k == KILL_THREAD || k == KILL_PROCESS || k == TRAP || k == TRACE ||
           k == LOG || k == NOTIFY;
}

/* name {, name}: a line may start after each comma */
static void name_list(Fmt *f)
{
    take(f, true, false);
    while (at(f, ',')) {
        take(f, false, false);
        take(f, true, RANK_LIST);
    }
}

static bool is_value_token(int k)
{
    return k == NUMBER || k == IDENT || k == '(' || k == ')' || k == '|' || k == SHL || k == '~' || k == '-';
}

/* Values and conditions, token by token. Spacing: none inside parentheses,
 * after unary `-`/`~`, before `,`, inside `in {...}`; one space elsewhere.
 * Stops before an unmatched `)` or a token stop() refuses at depth 0. */
static void expr_run(Fmt *f, bool (*stop)(int kind), int prev)
{
    int depth = 0;
    for (;;) {
        int k = peek(f)->kind;
        if (k == END)
            return;
        if (depth == 0 && (k == ')' || stop(k)))
            return;
        if (k == ',' && peek2(f)->kind == '}') { /* a trailing comma: the list closes anyway */
            drop(f);
            continue;
        }
        bool space = !(prev == '(' || prev == '~' || prev == '-' || prev == '{' || prev == 0 || k == ')' ||
                       k == ',' || k == '}' || (k == '(' && (prev == ERRNO || prev == TRAP || prev == TRACE)));
        int brk = k == OR ? RANK_OR : k == AND ? RANK_AND : k == '|' ? RANK_BITOR
                : (k == IF || k == ERRNO || prev == ',') ? RANK_LIST : RANK_NONE;
        if (k == ')' || k == '}')
            depth--;
        take_at(f, space, brk, depth);
        if (k == '(' || k == '{')
            depth++;
        prev = k;
    }
}

static bool stop_value(int k) { return !is_value_token(k); }

/* ( value ) right after errno, trap or trace */
static void paren_value(Fmt *f)
{
    take(f, false, false);
    expr_run(f, stop_value, '(');
    take(f, false, false);
}

static void verb(Fmt *f, int brk)
{
    int k = peek(f)->kind;
    take(f, true, brk);
    if ((k == TRAP || k == TRACE) && at(f, '('))
        paren_value(f);
}

static void default_stmt(Fmt *f)
{
    take(f, true, false);
    if (at(f, ERRNO)) {
        take(f, true, false);
        paren_value(f);
    } else if (at(f, DENY)) {
        take(f, true, false);
        if (at(f, ERRNO)) {
            take(f, true, RANK_LIST);
            paren_value(f);
        }
    } else {
        verb(f, RANK_NONE);
    }
    if (at(f, FOR)) {
        take(f, true, RANK_LIST);
        bool newer = at(f, NEWER_THAN);
        take(f, true, false);
        if (newer)
            take(f, true, false);
    }
}

static bool rule_end(int k)
{
    return is_verb(k) || k == DENY || k == WHEN || k == '}' || k == END;
}

static void block(Fmt *f, int indent, void (*item)(Fmt *, int));

static void rule(Fmt *f, int indent)
{
    if (at(f, WHEN)) {
        take(f, true, false);
        if (at(f, NOT))
            take(f, true, false);
        take(f, true, false); /* capability | arch */
        name_list(f);
        block(f, indent, rule);
        return;
    }
    if (at(f, DENY))
        take(f, true, false);
    else if (is_verb(peek(f)->kind))
        verb(f, RANK_NONE);
    else {
        f->ok = false;
        take(f, true, false);
        return;
    }
    name_list(f); /* targets: names and @groups */
    expr_run(f, rule_end, GROUPNAME);
    flush(f, indent);
}

/* Items of capabilities, filesystem, network, process and resources: a keyword and what
 * follows it up to the next item. */
static bool item_start(int k)
{
    return k == DROP || k == ADD || k == READ_ONLY || k == READ || k == WRITE || k == APPEND || k == EXEC ||
           k == DENY || k == ALLOW || k == USER || k == GROUP || k == NO_NEW_PRIVS || k == CONFINE ||
           k == LANDLOCK_ABI || k == SCOPE || k == PIDS || k == MEMORY || k == MEMORY_SWAP || k == CPUS ||
           k == NOFILE || k == NPROC || k == '}' || k == END;
}

static void section_item(Fmt *f, int indent)
{
    int first = peek(f)->kind;
    take(f, true, false);
    if (first == DROP || first == ADD) { /* capability names may be `read`, `write`, `kill` */
        if (at(f, ALL))
            take(f, true, false);
        else
            name_list(f);
        flush(f, indent);
        return;
    }
    if (first == DENY && at(f, EXEC)) /* deny exec PATH */
        take(f, true, false);
    int prev = first;
    while (!item_start(peek(f)->kind)) {
        int k = peek(f)->kind;
        /* `user 1:1`, a port range `8000-8100`, and a negative limit `pids -1` */
        bool space = !(k == ',' || k == ':' || prev == ':' || (k == '-' && prev == NUMBER) || prev == '-');
        take(f, space, prev == ',' ? RANK_LIST : RANK_NONE);
        prev = k;
    }
    flush(f, indent);
}

/* `{` ... `}` of a section or a when: one statement per line, one level in.
 * The header pieces are pending; `{` ends the header's line. */
static void block(Fmt *f, int indent, void (*item)(Fmt *, int))
{
    if (!at(f, '{')) {
        f->ok = false;
        return;
    }
    const FmtTok *open = peek(f);
    /* a comment ending the header's line moves behind the `{` */
    bool header_trail = f->pieces.len && f->pieces.items[f->pieces.len - 1].tok &&
                        f->pieces.items[f->pieces.len - 1].tok->trail;
    take(f, true, false);
    f->pieces.items[f->pieces.len - 1].stick = true;
    const FmtTok *close = peek(f);
    if (close->kind == '}' && !open->trail && !header_trail && !close->lead.len) { /* empty: `syscalls {}` */
        take(f, false, false);
        flush(f, indent);
        return;
    }
    flush(f, indent);
    bool first = true;
    while (!at(f, '}') && !at(f, END)) {
        size_t before = f->pos;
        begin(f, indent + FMT_INDENT, first, false);
        if (!directive_island(f, indent + FMT_INDENT, item))
            item(f, indent + FMT_INDENT);
        first = false;
        if (f->pos == before) {
            f->ok = false;
            return;
        }
    }
    begin(f, indent + FMT_INDENT, first, true);
    take(f, true, false);
    flush(f, indent);
}

/* set @NAME = { targets }: on one line when it fits and holds no comments,
 * else one level in, filled, with a trailing comma. */
static void set_stmt(Fmt *f, int indent)
{
    take(f, true, false); /* set */
    take(f, true, false); /* @NAME */
    take(f, true, false); /* = */
    size_t open = f->pos, close = open + 1;
    while (close < f->n && f->t[close].kind != '}' && f->t[close].kind != END)
        close++;
    if (f->t[open].kind != '{' || close >= f->n || f->t[close].kind != '}') {
        f->ok = false;
        return;
    }
    bool comments = f->t[open].trail != NULL || f->t[open].lead.len;
    size_t width = (size_t)indent;
    for (size_t i = 0; i < f->pieces.len; i++) {
        const FmtTok *h = f->pieces.items[i].tok;
        width += h->len + 1;
        comments |= h->trail || (i > 0 && h->lead.len);
    }
    for (size_t i = open; i <= close; i++) {
        if (i > open && (f->t[i].lead.len || (i < close && f->t[i].trail)))
            comments = true;
        width += f->t[i].len + 1;
    }
    if (!comments && width <= FMT_WIDTH) {
        take(f, true, false);
        f->pieces.items[f->pieces.len - 1].stick = true;
        bool empty = at(f, '}');
        while (!at(f, '}')) {
            if (at(f, ',') && peek2(f)->kind == '}')
                drop(f);
            else if (at(f, ','))
                take(f, false, false);
            else
                take(f, true, false);
        }
        take(f, !empty, false);
        flush(f, indent);
        return;
    }
    take(f, true, false); /* { */
    f->pieces.items[f->pieces.len - 1].stick = true;
    flush(f, indent);
    int in = indent + FMT_INDENT;
    if (!at(f, '}')) {
        begin(f, in, true, false);
        bool had_comma = false;
        while (!at(f, '}') && !at(f, END)) {
            if (at(f, ',')) {
                take(f, false, false);
                had_comma = true;
            } else {
                take(f, true, had_comma || f->pieces.len > 0 ? RANK_LIST : RANK_NONE);
                had_comma = false;
            }
        }
        if (!had_comma) {
            Piece p = {NULL, ",", false, 0, 0, false};
            VEC_PUSH(&f->scratch, f->pieces, p);
        }
        /* the members fill lines at `in`; continuation lines too */
        flush_at(f, in, in);
    }
    begin(f, in, f->t[open + 1].kind == '}', true);
    take(f, true, false); /* } */
    flush(f, indent);
}

static void top_stmt(Fmt *f)
{
    int k = peek(f)->kind;
    switch (k) {
    case POLICY:
        take(f, true, false);
        take(f, true, false);
        if (at(f, STRING))
            take(f, true, false);
        break;
    case INCLUDE:
    case MODE:
        take(f, true, false);
        take(f, true, false);
        break;
    case ARCH:
        take(f, true, false);
        name_list(f);
        break;
    case DEFAULT:
        default_stmt(f);
        break;
    case CONST:
    case CAPABILITY:
        take(f, true, false);
        take(f, true, false);
        take(f, true, false); /* = */
        expr_run(f, stop_value, '=');
        break;
    case SET:
        set_stmt(f, 0);
        return;
    case SYSCALLS:
        take(f, true, false);
        block(f, 0, rule);
        return;
    case CAPABILITIES:
    case FILESYSTEM:
    case NETWORK:
    case PROCESS:
    case RESOURCES:
        take(f, true, false);
        block(f, 0, section_item);
        return;
    default:
        f->ok = false;
        take(f, true, false);
        break;
    }
    flush(f, 0);
}

static void top_item(Fmt *f, int indent)
{
    (void)indent;
    top_stmt(f);
}

bool fmt_layout(const FmtTokList *toks, StrBuf *out)
{
    Fmt f = {0};
    f.t = toks->items;
    f.n = toks->len;
    f.out = out;
    f.ok = toks->len > 0 && toks->items[toks->len - 1].kind == END;
    if (!f.ok)
        return false;
    arena_init(&f.scratch);
    bool first = true;
    while (!at(&f, END) && f.ok) {
        begin(&f, 0, first, false);
        if (!directive_island(&f, 0, top_item))
            top_stmt(&f);
        first = false;
    }
    begin(&f, 0, first, true); /* comments after the last statement */
    arena_release(&f.scratch);
    return f.ok;
}
