/* polc grammar: pure, LAC, custom syntax errors, no conflicts. */
%require "3.7"
%define api.pure full
%define api.prefix {polc_yy}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%code requires {
#include "util/closest.h"
#include "front/parse.h"
#define POLC_YYLTYPE PolcLoc
#define POLC_YYLTYPE_IS_DECLARED 1
/* not "trivial": bison would initialise it with four line/column fields */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                               \
    do {                                                          \
        if (N) { (Cur).start = YYRHSLOC(Rhs, 1).start;            \
                 (Cur).end = YYRHSLOC(Rhs, N).end; }              \
        else { (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end; }  \
    } while (0)
typedef void *yyscan_t;
/* process `user`/`group`: a number, or an account name (word != NULL) */
typedef struct AccountId { uint64_t num; const char *word; Span span; } AccountId;
}

%param {yyscan_t scanner}
%parse-param {ParseState *ps}

%union {
    const char *str;
    uint64_t num;
    Expr *expr;
    Stmt *stmt;
    StmtList stmts;
    TargetList targets;
    Target target;
    IdentList idents;
    Ident ident;
    ActionSpec action;
    int op;
    struct { Expr *err; Expr *cond; } dtail;
    AccountId account;
}

%code {
#include <string.h>
#include "lexer.h"
#include "util/polc_limits.h"

/* The parser reads its tokens through correcting_lex, which sees the
 * parser's stack (yyss, yyssp: the yylex call is expanded inside yyparse) to
 * correct a misspelt keyword or a missing `}` before bison reports an error;
 * the `LIST error` productions call recover. Both are at the end of this file
 * (with front/parse_recover.c; docs/diagnostics.md, "Syntax errors"). */
static int correcting_lex(POLC_YYSTYPE *val, PolcLoc *loc, yyscan_t scanner, void *ss, void *ssp);
#undef yylex
#define yylex(val, loc, scanner) correcting_lex(val, loc, scanner, yyss, yyssp)
static bool recover(ParseState *ps, int *lookahead, PolcLoc region, PolcLoc *la_loc, void *ss, void *list_state,
                    bool in_block);

static Span S(ParseState *ps, PolcLoc l) { return (Span){ps->file, l.start, l.end}; }

static Stmt *stmt(ParseState *ps, StmtKind k, PolcLoc l)
{
    Stmt *s = arena_alloc(ps->arena, sizeof *s);
    s->kind = k;
    s->span = S(ps, l);
    s->file = ps->file;
    return s;
}

static Expr *expr(ParseState *ps, ExprKind k, PolcLoc l)
{
    Expr *e = arena_alloc(ps->arena, sizeof *e);
    e->kind = k;
    e->span = S(ps, l);
    return e;
}

/* An operator node. Deeper than POLC_MAX_EXPR_DEPTH is reported once per
 * file and the operator dropped, so no tree is ever deeper than the limit:
 * the stages after the parser walk expressions recursively. */
static Expr *bin(ParseState *ps, ExprKind k, PolcLoc l, Expr *a, Expr *b)
{
    uint32_t da = a ? a->depth : 0, db = b ? b->depth : 0;
    uint32_t depth = 1 + (da > db ? da : db);
    if (depth > POLC_MAX_EXPR_DEPTH && a) {
        if (!ps->depth_reported) {
            Diag *g = diag_error(ps->diag, "E0106", S(ps, l), "expression nested deeper than %d operators",
                                 POLC_MAX_EXPR_DEPTH);
            diag_help(ps->diag, g, "use `in {...}` for long lists of values, or split the rule");
            ps->depth_reported = true;
        }
        return a;
    }
    Expr *e = expr(ps, k, l);
    e->depth = depth;
    e->a = a;
    e->b = b;
    return e;
}

static Ident ident(ParseState *ps, const char *name, PolcLoc l)
{
    return (Ident){name, S(ps, l)};
}

static Stmt *res_stmt(ParseState *ps, uint64_t key, PolcLoc all, PolcLoc value)
{
    Stmt *s = stmt(ps, ST_RES_ITEM, all);
    s->sub = (int)key;
    s->n1_span = S(ps, value);
    return s;
}

static Stmt *proc_id(ParseState *ps, int sub, PolcLoc all, const AccountId *id, const AccountId *group)
{
    Stmt *s = stmt(ps, ST_PROC_ITEM, all);
    s->sub = sub;
    s->n1 = id->num, s->n1_word = id->word, s->n1_span = id->span;
    if (group)
        s->has_n2 = true, s->n2 = group->num, s->n2_word = group->word, s->n2_span = group->span;
    return s;
}

static void ps_add_net(ParseState *ps, Ident family, Ident type, Span span)
{
    NetItem it = {family, type, span};
    VEC_PUSH(ps->arena, ps->net_acc, it);
}

/* A port of `tcp bind|connect PORTS`: after the entry's first port, the
 * grammar sees a bare port as the next entry of the list (one token of
 * lookahead cannot tell a port's comma from an entry's); it belongs to the
 * entry before it, which must have ports. */
static void ps_add_port(ParseState *ps, bool first, uint64_t lo, uint64_t hi, Span span)
{
    PortRange r = {lo, hi, span};
    NetItem *last = ps->net_acc.len ? &ps->net_acc.items[ps->net_acc.len - 1] : NULL;
    if (!last || (!first && !last->ports.len)) {
        Diag *g = diag_error(ps->diag, "E0100", span, "a port must follow `tcp bind` or `tcp connect`");
        diag_help(ps->diag, g, "write `allow tcp bind 8080, 8443` or `allow tcp connect 443`");
        return;
    }
    VEC_PUSH(ps->arena, last->ports, r);
    last->span.end = span.end;
}

static NetItemList ps_take_net(ParseState *ps)
{
    NetItemList l = ps->net_acc;
    memset(&ps->net_acc, 0, sizeof ps->net_acc);
    return l;
}

static void polc_yyerror(PolcLoc *loc, yyscan_t scanner, ParseState *ps, const char *msg)
{
    (void)scanner;
    if (ps->stopped)
        return; /* a limit ended the file; its error says why */
    if (strcmp(msg, "memory exhausted") == 0) {
        Diag *g = diag_error(ps->diag, "E0106", S(ps, *loc), "nesting is too deep for the parser");
        diag_help(ps->diag, g, "split the condition or the blocks into smaller pieces");
        return;
    }
    diag_error(ps->diag, "E0100", S(ps, *loc), "%s", msg);
}
}

%token END 0 "end of file"
%token POLICY "policy" INCLUDE "include" ARCH "arch" DEFAULT "default" CONST "const"
%token CAPABILITY "capability" SET "set" SYSCALLS "syscalls" CAPABILITIES "capabilities"
%token FILESYSTEM "filesystem" NETWORK "network" PROCESS "process"
%token ALLOW "allow" DENY "deny" KILL "kill" KILL_THREAD "kill-thread" KILL_PROCESS "kill-process"
%token TRAP "trap" TRACE "trace" LOG "log" NOTIFY "notify" ERRNO "errno"
%token IF "if" AND "and" OR "or" NOT "not" IN "in" WHEN "when"
%token DROP "drop" ADD "add" ALL "all" READ "read" WRITE "write" APPEND "append" EXEC "exec"
%token READ_ONLY "read-only" ROOT "root" USER "user" GROUP "group" NO_NEW_PRIVS "no-new-privileges"
%token FOR "for" NEWER_THAN "newer-than" UNKNOWN "unknown"
%token MODE "mode"
%token CONFINE "confine" READS "reads" LANDLOCK_ABI "landlock-abi" SCOPE "scope"
%token RESOURCES "resources" PIDS "pids" MEMORY "memory" MEMORY_SWAP "memory-swap" CPUS "cpus"
%token NOFILE "nofile" NPROC "nproc"
%token EQ "==" NE "!=" LE "<=" GE ">=" SHL "<<"
%token <str> IDENT "identifier" GROUPNAME "@group" STRING "string" ANGLE_PATH "<path>" PATH "path"
%token <str> VERSION "version" SIZE "size"
%token <num> NUMBER "number"
%token COMMENT "comment"  /* only from lex_source_tokens (polc fmt); the parser never sees one */

%type <stmts> top_stmts rule_stmts cap_items fs_items proc_items net_items res_items
%type <stmt> top_stmt rule_stmt cap_item fs_item proc_item net_item res_item
%type <num> res_key
%type <account> account_id
%type <targets> targets
%type <target> target
%type <idents> idents paths
%type <ident> name path
%type <action> verb default_action
%type <expr> opt_cond cond cmp value vshift vunary vprimary errno_value opt_paren_value
%type <dtail> deny_tail
%type <expr> value_list
%type <op> cmpop
%type <str> opt_string operand
%type <num> fs_verb

%left OR
%left AND
%precedence NOT

%%

policy_file:
    top_stmts                 { for (size_t i = 0; i < $1.len; i++) VEC_PUSH(ps->arena, *ps->out, $1.items[i]); }
;

top_stmts:
    %empty                    { memset(&$$, 0, sizeof $$); }
  | top_stmts top_stmt        { $$ = $1; if ($2) VEC_PUSH(ps->arena, $$, $2); }
  | top_stmts ';'             { $$ = $1; }
  | top_stmts error           { $$ = $1; if (recover(ps, &yychar, @2, &yylloc, yyss, yyssp - 1, false)) yyerrok; }
;

top_stmt:
    POLICY name opt_string    { $$ = stmt(ps, ST_POLICY, @$); $$->name = $2.name; $$->name_span = $2.span; $$->str = $3; }
  | INCLUDE ANGLE_PATH        { $$ = stmt(ps, ST_INCLUDE, @$); $$->str = $2; $$->angle = true; $$->name_span = S(ps, @2); }
  | INCLUDE STRING            { $$ = stmt(ps, ST_INCLUDE, @$); $$->str = $2; $$->name_span = S(ps, @2); }
  | ARCH idents               { $$ = stmt(ps, ST_ARCH, @$); $$->idents = $2; }
  | DEFAULT default_action    { $$ = stmt(ps, ST_DEFAULT, @$); $$->action = $2; }
  | DEFAULT default_action FOR NEWER_THAN VERSION
                              { $$ = stmt(ps, ST_DEFAULT, @$); $$->action = $2; $$->sub = DEFAULT_FOR_NEWER;
                                $$->str = $5; $$->name_span = S(ps, @5); }
  | DEFAULT default_action FOR UNKNOWN
                              { $$ = stmt(ps, ST_DEFAULT, @$); $$->action = $2; $$->sub = DEFAULT_FOR_UNKNOWN; }
  | CONST name '=' value      { $$ = stmt(ps, ST_CONST, @$); $$->name = $2.name; $$->name_span = $2.span; $$->expr = $4; }
  | CAPABILITY name '=' value { $$ = stmt(ps, ST_CAPDECL, @$); $$->name = $2.name; $$->name_span = $2.span; $$->expr = $4; }
  | SET GROUPNAME '=' '{' targets opt_comma '}'
                              { $$ = stmt(ps, ST_SET, @$); $$->name = $2; $$->name_span = S(ps, @2); $$->targets = $5; }
  | SET GROUPNAME '=' '{' '}' { $$ = stmt(ps, ST_SET, @$); $$->name = $2; $$->name_span = S(ps, @2); }
  | SYSCALLS '{' rule_stmts '}'
                              { $$ = stmt(ps, ST_SYSCALLS, @$); $$->body = $3; }
  | CAPABILITIES '{' cap_items '}'
                              { $$ = stmt(ps, ST_CAPS, @$); $$->body = $3; }
  | FILESYSTEM '{' fs_items '}'
                              { $$ = stmt(ps, ST_FS, @$); $$->body = $3; }
  | NETWORK '{' net_items '}' { $$ = stmt(ps, ST_NET, @$); $$->body = $3; }
  | PROCESS '{' proc_items '}'
                              { $$ = stmt(ps, ST_PROCESS, @$); $$->body = $3; }
  | MODE IDENT                { $$ = stmt(ps, ST_MODE, @$); $$->name = $2; $$->name_span = S(ps, @2); }
  | RESOURCES '{' res_items '}'
                              { $$ = stmt(ps, ST_RESOURCES, @$); $$->body = $3; }
;

opt_string: %empty { $$ = NULL; } | STRING { $$ = $1; } ;
opt_comma: %empty | ',' ;

/* Words that are keywords elsewhere but also name syscalls or capabilities. */
name:
    IDENT                     { $$ = ident(ps, $1, @1); }
  | KILL                      { $$ = ident(ps, "kill", @1); }
  | READ                      { $$ = ident(ps, "read", @1); }
  | WRITE                     { $$ = ident(ps, "write", @1); }
;

idents:
    name                      { memset(&$$, 0, sizeof $$); VEC_PUSH(ps->arena, $$, $1); }
  | idents ',' name           { $$ = $1; VEC_PUSH(ps->arena, $$, $3); }
;

default_action:
    verb                      { $$ = $1; }
  | ERRNO '(' value ')'       { $$ = (ActionSpec){ACT_ERRNO, $3, S(ps, @$)}; }
  | DENY                      { $$ = (ActionSpec){ACT_ERRNO, NULL, S(ps, @$)}; }
  | DENY errno_value          { $$ = (ActionSpec){ACT_ERRNO, $2, S(ps, @$)}; }
;

/* ---- syscalls { ... } ---- */

rule_stmts:
    %empty                    { memset(&$$, 0, sizeof $$); }
  | rule_stmts rule_stmt      { $$ = $1; if ($2) VEC_PUSH(ps->arena, $$, $2); }
  | rule_stmts ';'            { $$ = $1; }
  | rule_stmts error          { $$ = $1; if (recover(ps, &yychar, @2, &yylloc, yyss, yyssp - 1, true)) yyerrok; }
;

rule_stmt:
    verb targets opt_cond     { $$ = stmt(ps, ST_RULE, @$); $$->action = $1; $$->targets = $2; $$->expr = $3; }
  | DENY targets deny_tail    { $$ = stmt(ps, ST_RULE, @$); $$->action = (ActionSpec){ACT_ERRNO, $3.err, S(ps, @1)};
                                if ($3.err) $$->action.span = span_join(S(ps, @1), $3.err->span);
                                $$->targets = $2; $$->expr = $3.cond; }
  | WHEN CAPABILITY idents '{' rule_stmts '}'
                              { $$ = stmt(ps, ST_WHEN_CAP, @$); $$->idents = $3; $$->body = $5; }
  | WHEN NOT CAPABILITY idents '{' rule_stmts '}'
                              { $$ = stmt(ps, ST_WHEN_CAP, @$); $$->negated = true; $$->idents = $4; $$->body = $6; }
  | WHEN ARCH idents '{' rule_stmts '}'
                              { $$ = stmt(ps, ST_WHEN_ARCH, @$); $$->idents = $3; $$->body = $5; }
  | WHEN NOT ARCH idents '{' rule_stmts '}'
                              { $$ = stmt(ps, ST_WHEN_ARCH, @$); $$->negated = true; $$->idents = $4; $$->body = $6; }
;

verb:
    ALLOW                     { $$ = (ActionSpec){ACT_ALLOW, NULL, S(ps, @$)}; }
  | KILL                      { $$ = (ActionSpec){ACT_KILL_THREAD, NULL, S(ps, @$)}; }
  | KILL_THREAD               { $$ = (ActionSpec){ACT_KILL_THREAD, NULL, S(ps, @$)}; }
  | KILL_PROCESS              { $$ = (ActionSpec){ACT_KILL_PROCESS, NULL, S(ps, @$)}; }
  | TRAP opt_paren_value      { $$ = (ActionSpec){ACT_TRAP, $2, S(ps, @$)}; }
  | TRACE opt_paren_value     { $$ = (ActionSpec){ACT_TRACE, $2, S(ps, @$)}; }
  | LOG                       { $$ = (ActionSpec){ACT_LOG, NULL, S(ps, @$)}; }
  | NOTIFY                    { $$ = (ActionSpec){ACT_NOTIFY, NULL, S(ps, @$)}; }
;

opt_paren_value: %empty { $$ = NULL; } | '(' value ')' { $$ = $2; } ;
/* errno(...) may stand before or after the condition */
deny_tail:
    %empty                    { $$.err = NULL; $$.cond = NULL; }
  | errno_value               { $$.err = $1; $$.cond = NULL; }
  | errno_value IF cond       { $$.err = $1; $$.cond = $3; }
  | IF cond                   { $$.err = NULL; $$.cond = $2; }
  | IF cond errno_value       { $$.err = $3; $$.cond = $2; }
;
errno_value: ERRNO '(' value ')' { $$ = $3; } ;
opt_cond: %empty { $$ = NULL; } | IF cond { $$ = $2; } ;

targets:
    target                    { memset(&$$, 0, sizeof $$); VEC_PUSH(ps->arena, $$, $1); }
  | targets ',' target        { $$ = $1; VEC_PUSH(ps->arena, $$, $3); }
;

target:
    name                      { $$ = (Target){false, $1.name, $1.span}; }
  | GROUPNAME                 { $$ = (Target){true, $1, S(ps, @1)}; }
;

cond:
    cond OR cond              { $$ = bin(ps, EX_OR, @$, $1, $3); }
  | cond AND cond             { $$ = bin(ps, EX_AND, @$, $1, $3); }
  | NOT cond                  { $$ = bin(ps, EX_NOT, @$, $2, NULL); }
  | '(' cond ')'              { $$ = $2; }
  | cmp                       { $$ = $1; }
;

/* argument names: signatures use a few words that are keywords elsewhere */
operand:
    IDENT                     { $$ = $1; }
  | USER                      { $$ = "user"; }
  | GROUP                     { $$ = "group"; }
  | POLICY                    { $$ = "policy"; }
  | MODE                      { $$ = "mode"; }
  | CPUS                      { $$ = "cpus"; }
;

cmp:
    operand cmpop value       { $$ = bin(ps, EX_CMP, @$, NULL, $3); $$->name = $1; $$->name_span = S(ps, @1); $$->op = $2; }
  | operand '&' value cmpop value
                              { $$ = bin(ps, EX_MASKCMP, @$, NULL, $3); $$->c = $5; $$->name = $1; $$->name_span = S(ps, @1); $$->op = $4; }
  | operand '&' value         { $$ = bin(ps, EX_BITTEST, @$, NULL, $3); $$->name = $1; $$->name_span = S(ps, @1); }
  | operand IN '{' value_list opt_comma '}'
                              { $$ = $4; $$->span = S(ps, @$); $$->name = $1; $$->name_span = S(ps, @1); }
  | operand NOT IN '{' value_list opt_comma '}'
                              { $$ = $5; $$->span = S(ps, @$); $$->name = $1; $$->name_span = S(ps, @1); $$->negated = true; }
;

value_list:
    value                     { $$ = expr(ps, EX_IN, @$); VEC_PUSH(ps->arena, $$->list, $1); }
  | value_list ',' value      { $$ = $1; VEC_PUSH(ps->arena, $$->list, $3); }
;

cmpop:
    EQ { $$ = CMP_EQ; } | NE { $$ = CMP_NE; } | '<' { $$ = CMP_LT; } | LE { $$ = CMP_LE; }
  | '>' { $$ = CMP_GT; } | GE { $$ = CMP_GE; }
;

value:
    value '|' vshift          { $$ = bin(ps, EX_BITOR, @$, $1, $3); }
  | vshift                    { $$ = $1; }
;

vshift:
    vshift SHL vunary         { $$ = bin(ps, EX_SHL, @$, $1, $3); }
  | vunary                    { $$ = $1; }
;

vunary:
    '~' vunary                { $$ = bin(ps, EX_BITNOT, @$, $2, NULL); }
  | '-' vunary                { $$ = bin(ps, EX_NEG, @$, $2, NULL); }
  | vprimary                  { $$ = $1; }
;

vprimary:
    NUMBER                    { $$ = expr(ps, EX_NUM, @$); $$->num = $1; }
  | IDENT                     { $$ = expr(ps, EX_NAME, @$); $$->name = $1; }
  | '(' value ')'             { $$ = $2; }
;

/* ---- capabilities { ... } ---- */
cap_items:
    %empty                    { memset(&$$, 0, sizeof $$); }
  | cap_items cap_item        { $$ = $1; VEC_PUSH(ps->arena, $$, $2); }
  | cap_items ';'             { $$ = $1; }
  | cap_items error           { $$ = $1; if (recover(ps, &yychar, @2, &yylloc, yyss, yyssp - 1, true)) yyerrok; }
;
cap_item:
    DROP ALL                  { $$ = stmt(ps, ST_CAP_ITEM, @$); $$->sub = CAP_DROP; $$->all = true; }
  | DROP idents               { $$ = stmt(ps, ST_CAP_ITEM, @$); $$->sub = CAP_DROP; $$->idents = $2; }
  | ADD ALL                   { $$ = stmt(ps, ST_CAP_ITEM, @$); $$->sub = CAP_ADD; $$->all = true; }
  | ADD idents                { $$ = stmt(ps, ST_CAP_ITEM, @$); $$->sub = CAP_ADD; $$->idents = $2; }
;

/* ---- filesystem { ... } ---- */
fs_items:
    %empty                    { memset(&$$, 0, sizeof $$); }
  | fs_items fs_item          { $$ = $1; VEC_PUSH(ps->arena, $$, $2); }
  | fs_items ';'              { $$ = $1; }
  | fs_items error            { $$ = $1; if (recover(ps, &yychar, @2, &yylloc, yyss, yyssp - 1, true)) yyerrok; }
;
fs_item:
    READ_ONLY ROOT            { $$ = stmt(ps, ST_FS_ITEM, @$); $$->sub = FS_READ_ONLY_ROOT; }
  | CONFINE READS             { $$ = stmt(ps, ST_FS_ITEM, @$); $$->sub = FS_ITEM_CONFINE_READS; }
  | LANDLOCK_ABI NUMBER       { $$ = stmt(ps, ST_FS_ITEM, @$); $$->sub = FS_ITEM_LANDLOCK_ABI; $$->n1 = $2; $$->n1_span = S(ps, @2); }
  | fs_verb paths             { $$ = stmt(ps, ST_FS_ITEM, @$); $$->sub = (int)$1; $$->idents = $2; }
  | DENY EXEC paths           { $$ = stmt(ps, ST_FS_ITEM, @$); $$->sub = FS_DENY_EXEC; $$->idents = $3; }
;
fs_verb:
    READ { $$ = FS_READ; } | WRITE { $$ = FS_WRITE; } | APPEND { $$ = FS_APPEND; }
  | EXEC { $$ = FS_EXEC; } | DENY { $$ = FS_DENY; }
;
paths:
    path                      { memset(&$$, 0, sizeof $$); VEC_PUSH(ps->arena, $$, $1); }
  | paths ',' path            { $$ = $1; VEC_PUSH(ps->arena, $$, $3); }
;
path:
    PATH                      { $$ = ident(ps, $1, @1); }
  | STRING                    { $$ = ident(ps, $1, @1); }
;

/* ---- network { ... } ---- */
net_items:
    %empty                    { memset(&$$, 0, sizeof $$); }
  | net_items net_item        { $$ = $1; VEC_PUSH(ps->arena, $$, $2); }
  | net_items ';'             { $$ = $1; }
  | net_items error           { $$ = $1; if (recover(ps, &yychar, @2, &yylloc, yyss, yyssp - 1, true)) yyerrok; }
;
net_item:
    ALLOW net_list            { $$ = stmt(ps, ST_NET_ITEM, @$); $$->sub = NET_ALLOW; $$->net = ps_take_net(ps); }
  | DENY net_list             { $$ = stmt(ps, ST_NET_ITEM, @$); $$->sub = NET_DENY; $$->net = ps_take_net(ps); }
  | SCOPE IDENT               { $$ = stmt(ps, ST_NET_ITEM, @$); $$->sub = NET_SCOPE;
                                VEC_PUSH(ps->arena, $$->idents, ident(ps, $2, @2)); }
;
net_list: net_entry | net_list ',' net_entry ;
net_entry:
    IDENT                     { ps_add_net(ps, ident(ps, $1, @1), (Ident){NULL, SPAN_NONE}, S(ps, @$)); }
  | IDENT IDENT               { ps_add_net(ps, ident(ps, $1, @1), ident(ps, $2, @2), S(ps, @$)); }
  | IDENT IDENT NUMBER        { ps_add_net(ps, ident(ps, $1, @1), ident(ps, $2, @2), S(ps, @$));
                                ps_add_port(ps, true, $3, $3, S(ps, @3)); }
  | IDENT IDENT NUMBER '-' NUMBER { ps_add_net(ps, ident(ps, $1, @1), ident(ps, $2, @2), S(ps, @$));
                                ps_add_port(ps, true, $3, $5, (Span){ps->file, @3.start, @5.end}); }
  | NUMBER                    { ps_add_port(ps, false, $1, $1, S(ps, @$)); }
  | NUMBER '-' NUMBER         { ps_add_port(ps, false, $1, $3, S(ps, @$)); }
;

/* ---- process { ... } ---- */
proc_items:
    %empty                    { memset(&$$, 0, sizeof $$); }
  | proc_items proc_item      { $$ = $1; VEC_PUSH(ps->arena, $$, $2); }
  | proc_items ';'            { $$ = $1; }
  | proc_items error          { $$ = $1; if (recover(ps, &yychar, @2, &yylloc, yyss, yyssp - 1, true)) yyerrok; }
;
proc_item:
    USER account_id           { $$ = proc_id(ps, PROC_USER, @$, &$2, NULL); }
  | USER account_id ':' account_id
                              { $$ = proc_id(ps, PROC_USER, @$, &$2, &$4); }
  | GROUP account_id          { $$ = proc_id(ps, PROC_GROUP, @$, &$2, NULL); }
  | NO_NEW_PRIVS              { $$ = stmt(ps, ST_PROC_ITEM, @$); $$->sub = PROC_NO_NEW_PRIVS; }
  | SCOPE IDENT               { $$ = stmt(ps, ST_PROC_ITEM, @$); $$->sub = PROC_SCOPE;
                                VEC_PUSH(ps->arena, $$->idents, ident(ps, $2, @2)); }
;

/* A user or group: its number, or its name as the image's (or the host's)
 * /etc/passwd and /etc/group have it; `root` is also a keyword. */
account_id:
    NUMBER                    { $$ = (AccountId){$1, NULL, S(ps, @1)}; }
  | IDENT                     { $$ = (AccountId){0, $1, S(ps, @1)}; }
  | ROOT                      { $$ = (AccountId){0, "root", S(ps, @1)}; }
;

/* ---- resources { ... } ----
 * The value is kept as written (a number, `512MiB`, `1.5`, `1024:4096`, or
 * any of them negated) and judged by resolve, which knows each limit's unit. */
res_items:
    %empty                    { memset(&$$, 0, sizeof $$); }
  | res_items res_item        { $$ = $1; VEC_PUSH(ps->arena, $$, $2); }
  | res_items ';'             { $$ = $1; }
  | res_items error           { $$ = $1; if (recover(ps, &yychar, @2, &yylloc, yyss, yyssp - 1, true)) yyerrok; }
;
res_item:
    res_key NUMBER            { $$ = res_stmt(ps, $1, @$, @2); $$->n1 = $2; }
  | res_key NUMBER ':' NUMBER { $$ = res_stmt(ps, $1, @$, @2); $$->n1 = $2; $$->n2 = $4; $$->has_n2 = true;
                                $$->n2_span = S(ps, @4); }
  | res_key SIZE              { $$ = res_stmt(ps, $1, @$, @2); $$->str = $2; }
  | res_key VERSION           { $$ = res_stmt(ps, $1, @$, @2); $$->str = $2; }
  | res_key '-' NUMBER        { $$ = res_stmt(ps, $1, @$, @3); $$->n1 = $3; $$->negated = true; }
  | res_key '-' SIZE          { $$ = res_stmt(ps, $1, @$, @3); $$->str = $3; $$->negated = true; }
  | res_key '-' VERSION       { $$ = res_stmt(ps, $1, @$, @3); $$->str = $3; $$->negated = true; }
;
res_key:
    PIDS { $$ = RES_PIDS; } | MEMORY { $$ = RES_MEMORY; } | MEMORY_SWAP { $$ = RES_MEMORY_SWAP; }
  | CPUS { $$ = RES_CPUS; } | NOFILE { $$ = RES_NOFILE; } | NPROC { $$ = RES_NPROC; }
;

%%

/* Token names for messages: keywords and punctuation in backticks, token
 * classes ("identifier", "number") as words. */
static const char *token_text(ParseState *ps, yysymbol_kind_t k)
{
    const char *n = yysymbol_name(k);
    size_t len = strlen(n);
    const char *inner = n;
    if (len >= 2 && (n[0] == '"' || n[0] == '\''))
        inner = arena_strndup(ps->arena, n + 1, len - 2);
    static const char *const classes[] = {"identifier", "number", "string", "path", "@group",
                                          "<path>", "end of file", "size", "version"};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strcmp(inner, classes[i]) == 0)
            return inner;
    return arena_printf(ps->arena, "`%s`", inner);
}

/* An identifier where a keyword was expected (`raed /etc/**`): the closest
 * expected keyword, if one is close. */
static void suggest_keyword(const yypcontext_t *ctx, ParseState *ps, Diag *g, yysymbol_kind_t got, Span sp)
{
    if (got != YYSYMBOL_IDENT || !ps->text || sp.end > ps->len || sp.end <= sp.start)
        return;
    yysymbol_kind_t all[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, all, YYNTOKENS);
    const char *words[YYNTOKENS];
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        const char *t = yysymbol_name(all[i]);
        /* keywords, not token classes ("identifier") nor punctuation */
        if (t[0] >= 'a' && t[0] <= 'z' && !strchr(t, ' ') && strcmp(t, "identifier") != 0 &&
            strcmp(t, "number") != 0 && strcmp(t, "string") != 0 && strcmp(t, "path") != 0)
            words[k++] = t;
    }
    const char *word = arena_strndup(ps->arena, ps->text + sp.start, sp.end - sp.start);
    const char *c = k ? closest_name(word, words, k) : NULL;
    if (c)
        diag_help(ps->diag, g, "did you mean `%s`?", c);
}

/* ---- recovery: one run reports every independent error of a file ---- */

/* Could the parser, its stack topped by ssp, shift token t after some
 * reductions? Bison's own lookahead-correction test. */
/* State s shifts t at once (no reductions first). */
static bool shifts(yy_state_t s, yysymbol_kind_t t)
{
    int n = yypact[s];
    if (yypact_value_is_default(n) || n + (int)t < 0 || n + (int)t > YYLAST || yycheck[n + t] != t)
        return false;
    return yytable[n + t] > 0;
}

static bool accepts(yy_state_t *ssp, yysymbol_kind_t t)
{
    if (shifts(*ssp, t))
        return true; /* most tokens: no need to simulate */
    yy_state_t esa[20];
    yy_state_t *es = esa;
    YYPTRDIFF_T cap = 20;
    int r = yy_lac(esa, &es, &cap, ssp, t);
    if (es != esa)
        YYSTACK_FREE(es);
    return r == 0;
}

/* The tokens the parser accepts there, as yypcontext_expected_tokens lists
 * them: 0 when there are more than max. */
static int expected_at(yy_state_t *ssp, yysymbol_kind_t *out, int max)
{
    int n = 0;
    for (int x = 0; x < YYNTOKENS; x++) {
        yysymbol_kind_t t = (yysymbol_kind_t)x;
        if (t == YYSYMBOL_YYerror || t == YYSYMBOL_YYUNDEF || !accepts(ssp, t))
            continue;
        if (n == max)
            return 0;
        out[n++] = t;
    }
    return n;
}

/* A keyword's text, or NULL for punctuation and token classes. */
static const char *keyword_name(yysymbol_kind_t t)
{
    static const char *const classes[] = {"identifier", "number", "string", "path", "version", "comment", "error"};
    const char *n = yysymbol_name(t);
    if (n[0] < 'a' || n[0] > 'z' || n[strspn(n, "abcdefghijklmnopqrstuvwxyz-")] != '\0')
        return NULL;
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strcmp(n, classes[i]) == 0)
            return NULL;
    return n;
}

static int token_code(yysymbol_kind_t t)
{
    for (int c = 0; c <= YYMAXUTOK; c++)
        if (yytranslate[c] == t)
            return c;
    return END;
}

/* Tokens with a value: never held back or inserted (HeldToken has none). */
static bool has_value(int tok)
{
    return tok == IDENT || tok == GROUPNAME || tok == STRING || tok == ANGLE_PATH || tok == PATH ||
           tok == VERSION || tok == NUMBER;
}

static void hold(ParseRecovery *r, int kind, PolcLoc loc, uint32_t index)
{
    if (r->nheld < (int)(sizeof r->held / sizeof r->held[0]))
        r->held[r->nheld++] = (HeldToken){kind, loc, index};
}

static Diag *report_unexpected(ParseState *ps, yy_state_t *ssp, yysymbol_kind_t got, PolcLoc loc)
{
    enum { MAX_EXPECTED = 6 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    int n = expected_at(ssp, expected, MAX_EXPECTED);
    Span sp = S(ps, loc);
    Diag *g;
    if (got == YYSYMBOL_YYEOF)
        g = diag_error(ps->diag, "E0100", sp, "unexpected end of file");
    else
        g = diag_error(ps->diag, "E0100", sp, "unexpected %s", token_text(ps, got));
    if (n > 0) {
        char buf[512];
        size_t o = 0;
        for (int i = 0; i < n && o < sizeof buf; i++)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i == 0 ? "" : (i == n - 1 ? " or " : ", "),
                                  token_text(ps, expected[i]));
        diag_note(ps->diag, g, SPAN_NONE, "expected %s", buf);
    }
    ps->rec.reported++;
    ps->rec.reported_at = ps->rec.cur;
    return g;
}

/* The `{` a statement of the top level (or the end of the file) shows open. */
static void note_unclosed(ParseState *ps, Diag *g, int tok)
{
    uint32_t open = ps->rec.open[ps->rec.nopen - 1];
    diag_note(ps->diag, g, (Span){ps->file, open, open + 1}, "this `{` is not closed");
    diag_help(ps->diag, g, tok == END ? "add `}` at the end of the block" : "add `}` to close the block before this");
}

/* The top level's list state, found from any stack top: the state above the
 * start state, which only the bottom of the stack holds. */
static yy_state_t *top_level_state(yy_state_t *ssp)
{
    while (*ssp != 0)
        ssp--;
    return ssp + 1;
}

/* The list whose `LIST error` production bison recovers in: the nearest
 * state on the stack that shifts `error`. */
static yy_state_t *list_state(yy_state_t *ssp)
{
    for (;; ssp--) {
        if (shifts(*ssp, YYSYMBOL_YYerror))
            return ssp;
        if (*ssp == 0)
            return NULL;
    }
}

/* An identifier where the parser wants a keyword that is close to it (`alow`,
 * `filesytem`, `erno`, or two run together: `notin`): reported with the
 * keyword, which the parser then reads instead, so the rest of the statement
 * is checked as if it had been spelt right. Returns the keyword's token, or 0. */
static int misspelt_keyword(ParseState *ps, yy_state_t *ssp, PolcLoc loc)
{
    if (!ps->text || loc.end > ps->len || loc.end <= loc.start)
        return 0;
    const char *word = arena_strndup(ps->arena, ps->text + loc.start, loc.end - loc.start);
    size_t wlen = strlen(word);
    const char *names[2 * YYNTOKENS];
    yysymbol_kind_t first[2 * YYNTOKENS], second[2 * YYNTOKENS];
    size_t n = 0;
    for (int x = 0; x < YYNTOKENS; x++) {
        const char *kw = keyword_name((yysymbol_kind_t)x);
        if (!kw || !accepts(ssp, (yysymbol_kind_t)x))
            continue;
        names[n] = kw, first[n] = (yysymbol_kind_t)x, second[n++] = YYSYMBOL_YYEMPTY;
        size_t kl = strlen(kw);
        if (kl >= wlen || strncmp(word, kw, kl) != 0)
            continue;
        for (int y = 0; y < YYNTOKENS; y++) {
            const char *rest = keyword_name((yysymbol_kind_t)y);
            if (rest && strcmp(rest, word + kl) == 0) {
                names[n] = arena_printf(ps->arena, "%s %s", kw, rest);
                first[n] = (yysymbol_kind_t)x, second[n++] = (yysymbol_kind_t)y;
            }
        }
    }
    const char *c = n ? closest_name(word, names, n) : NULL;
    if (!c)
        return 0;
    size_t i = 0;
    while (names[i] != c)
        i++;
    Diag *g = report_unexpected(ps, ssp, YYSYMBOL_IDENT, loc);
    diag_help(ps->diag, g, "did you mean `%s`?", c);
    ps->rec.guessed_at = ps->rec.cur;
    if (second[i] != YYSYMBOL_YYEMPTY)
        hold(&ps->rec, token_code(second[i]), loc, ps->rec.cur);
    return token_code(first[i]);
}

/* The keyword of the top level the word at loc is a misspelling of, or
 * YYSYMBOL_YYEMPTY. */
static yysymbol_kind_t top_level_keyword(ParseState *ps, yy_state_t *ss, PolcLoc loc)
{
    if (!ps->text || loc.end > ps->len || loc.end <= loc.start)
        return YYSYMBOL_YYEMPTY;
    const char *names[YYNTOKENS];
    yysymbol_kind_t kinds[YYNTOKENS];
    size_t n = 0;
    for (int x = 0; x < YYNTOKENS; x++) {
        const char *kw = keyword_name((yysymbol_kind_t)x);
        if (kw && accepts(ss + 1, (yysymbol_kind_t)x))
            names[n] = kw, kinds[n++] = (yysymbol_kind_t)x;
    }
    const char *word = arena_strndup(ps->arena, ps->text + loc.start, loc.end - loc.start);
    const char *c = n ? closest_name(word, names, n) : NULL;
    for (size_t i = 0; c && i < n; i++)
        if (names[i] == c)
            return kinds[i];
    return YYSYMBOL_YYEMPTY;
}

/* A token the parser cannot take here, before bison sees it: a misspelt
 * keyword is replaced, and a statement of the top level (or the end of the
 * file) inside a block gets the `}` that block lacks; a token that cannot
 * follow a complete statement gets a `;` before it. Every replacement is a
 * token the parser accepts, every `}` closes a `{` read before, and a `;` is
 * given once per token, so this never loops. */
static int correct(ParseState *ps, int tok, PolcLoc *loc, yy_state_t *ss, yy_state_t *ssp)
{
    ParseRecovery *r = &ps->rec;
    yysymbol_kind_t t = YYTRANSLATE(tok);
    if (ps->stopped || accepts(ssp, t) || (r->guessed_at && r->cur == r->guessed_at + 1))
        return tok; /* fine, or bison reports it; right after a guess, a follow-on is not reported */
    if (tok == IDENT) {
        int fix = misspelt_keyword(ps, ssp, *loc);
        if (fix)
            return fix;
        /* `proces {` first on its line in a block that lacks its `}` */
        yysymbol_kind_t top = YYSYMBOL_YYEMPTY;
        if (r->nopen > 0 && ssp > ss && recovery_on_new_line(r, ps->text, *loc) && accepts(ssp, YYTRANSLATE('}')))
            top = top_level_keyword(ps, ss, *loc);
        if (top != YYSYMBOL_YYEMPTY) {
            Diag *g = report_unexpected(ps, ssp, t, *loc);
            note_unclosed(ps, g, tok);
            diag_help(ps->diag, g, "did you mean `%s`?", keyword_name(top));
            r->closed_at = r->guessed_at = r->cur;
            hold(r, token_code(top), *loc, r->cur);
            r->nopen--;
            loc->end = loc->start;
            return '}';
        }
    }
    if (r->nopen > 0 && ssp > ss && (tok == END || (!has_value(tok) && accepts(ss + 1, t))) &&
        accepts(ssp, YYTRANSLATE('}'))) {
        if (r->closed_at != r->cur) {
            note_unclosed(ps, report_unexpected(ps, ssp, t, *loc), tok);
            r->closed_at = r->cur;
        }
        if (tok != END)
            hold(r, tok, *loc, r->cur);
        r->nopen--;
        loc->end = loc->start;
        return '}';
    }
    if (r->ended_at != r->cur && accepts(ssp, YYTRANSLATE(';'))) {
        /* The statement before is complete: end it with a `;`, so that bison
         * meets the token between statements and keeps the one before. */
        r->ended_at = r->cur;
        if (tok != END)
            hold(r, tok, *loc, r->cur);
        loc->end = loc->start;
        return ';';
    }
    return tok;
}

/* May a skip end at this token because a statement of the top level begins
 * here: first on its line, a keyword the top level takes, or a word close to
 * one (`filesytem`)? */
static bool top_level_starts(ParseState *ps, yy_state_t *ss, yy_state_t *ssp, int tok, PolcLoc loc)
{
    if (ssp <= ss || !recovery_on_new_line(&ps->rec, ps->text, loc))
        return false;
    if (!has_value(tok))
        return accepts(ss + 1, YYTRANSLATE(tok));
    return tok == IDENT && top_level_keyword(ps, ss, loc) != YYSYMBOL_YYEMPTY;
}

/* The next token of the file, less the rest of a statement being dropped. */
static int read_token(ParseState *ps, POLC_YYSTYPE *val, PolcLoc *loc, yyscan_t scanner, yy_state_t *ss,
                      yy_state_t *ssp)
{
    ParseRecovery *r = &ps->rec;
    for (;;) {
        if (r->eof) {
            *loc = r->eof_loc;
            r->cur = r->eof_index;
            return END;
        }
        int tok = polc_yylex(val, loc, scanner);
        r->cur = ++r->ntok;
        if (tok == END) {
            r->eof = true;
            r->eof_loc = *loc;
            r->eof_index = r->cur;
            r->skipping = false;
            return END;
        }
        if (!recovery_skips(r, ps->text, tok, *loc))
            return tok;
        if (top_level_starts(ps, ss, ssp, tok, *loc)) {
            recovery_stop_skip(r);
            return tok;
        }
    }
}

static int correcting_lex(POLC_YYSTYPE *val, PolcLoc *loc, yyscan_t scanner, void *ss, void *ssp)
{
    ParseState *ps = polc_yyget_extra(scanner);
    ParseRecovery *r = &ps->rec;
    int tok;
    if (r->nheld > 0) {
        HeldToken h = r->held[0];
        r->nheld--;
        memmove(r->held, r->held + 1, (size_t)r->nheld * sizeof h);
        tok = h.kind;
        *loc = h.loc;
        r->cur = h.index;
    } else {
        tok = read_token(ps, val, loc, scanner, ss, ssp);
    }
    return correct(ps, tok, loc, ss, ssp);
}

/* The action of every `LIST error` production, after bison has reported an
 * error and popped the statement it was in. Returns whether errors may be
 * reported again at once (yyerrok), which is only when the current token is
 * dropped (the statement's rest is skipped with it) or is one the list takes
 * (`;`, the block's `}`, a `}` inserted before a top-level statement); that
 * last case at most a bounded number of times per token
 * (recovery_errok_allowed). So every error consumes input or ends the parse. */
static bool recover(ParseState *ps, int *la, PolcLoc region, PolcLoc *la_loc, void *vss, void *list_state,
                    bool in_block)
{
    ParseRecovery *r = &ps->rec;
    yy_state_t *ss = vss;
    memset(&ps->net_acc, 0, sizeof ps->net_acc); /* entries of a dropped network item */
    bool dropped = region.start < la_loc->start;
    if (!in_block && dropped && recovery_may_define(ps->text, ps->len, region.start))
        r->dropped_definition = true;
    if (*la == POLC_YYEMPTY)
        return false;
    if (*la == END) {
        if (!in_block || r->nopen == 0 || !recovery_errok_allowed(r))
            return false; /* bison accepts what was read, or gives up */
        r->nopen--; /* the file ended inside a block: close it */
        r->closed_at = r->cur;
        la_loc->end = la_loc->start;
        *la = '}';
        return true;
    }
    bool no_brace = r->no_brace_at == r->cur;
    if (!no_brace && accepts(list_state, YYTRANSLATE(*la)))
        return recovery_errok_allowed(r); /* `;`, the block's `}`, the next statement */
    if (in_block && r->nopen > 0 && !has_value(*la) && accepts(ss + 1, YYTRANSLATE(*la)) &&
        recovery_errok_allowed(r)) {
        /* a statement of the top level: the block it is in lacks its `}` */
        hold(r, *la, *la_loc, r->cur);
        r->nopen--;
        r->closed_at = r->cur;
        la_loc->end = la_loc->start;
        *la = '}';
        return true;
    }
    /* A word at the top level that starts no statement (the items of a
     * section whose first line is missing): skip as if its `{` were there. */
    no_brace |= !in_block && !dropped;
    recovery_start_skip(r, region, *la, *la_loc, no_brace);
    *la = POLC_YYEMPTY;
    return true;
}

static int yychar_of(const yypcontext_t *ctx)
{
    return yypcontext_token(ctx) == YYSYMBOL_YYEOF ? END : token_code(yypcontext_token(ctx));
}

static int yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner, ParseState *ps)
{
    (void)scanner;
    ParseRecovery *r = &ps->rec;
    if (ps->stopped)
        return 0; /* a limit ended the file; its error says why */
    if (r->reported_at == r->cur || (r->guessed_at && r->cur == r->guessed_at + 1))
        return 0; /* a follow-on of an error reported at this token or a guess just before it */
    yysymbol_kind_t got = yypcontext_token(ctx);
    const PolcLoc *loc = yypcontext_location(ctx);
    Diag *g = report_unexpected(ps, ctx->yyssp, got, *loc);
    /* `filesystem` with its items on the next lines but no `{`: the items
     * and the `}` belong to the statement that is dropped */
    yysymbol_kind_t only[1];
    if (accepts(ctx->yyssp, YYTRANSLATE('{')) &&
        ((expected_at(ctx->yyssp, only, 1) == 1) || recovery_on_new_line(r, ps->text, *loc)))
        r->no_brace_at = r->cur;
    suggest_keyword(ctx, ps, g, got, S(ps, *loc));
    if (r->before_kind == ',' && recovery_on_new_line(r, ps->text, *loc))
        diag_help(ps->diag, g, "the line before ends with `,`: remove it if the list ends there");
    int tok = yychar_of(ctx);
    yy_state_t *list = list_state(ctx->yyssp);
    if (r->nopen > 0 && list && list[0] != top_level_state(list)[0] && !accepts(list, got) &&
        (tok == END || (!has_value(tok) && accepts(top_level_state(list), got))))
        note_unclosed(ps, g, tok); /* mid-statement: recover gives the block its `}` */
    return 0;
}

void parse_source_outcome(Arena *a, DiagEngine *d, const SourceFile *src, uint32_t file, StmtList *out,
                          ParseOutcome *outcome)
{
    ParseState ps = {0};
    ps.arena = a;
    ps.diag = d;
    ps.file = file;
    ps.out = out;
    ps.text = src->text;
    ps.len = src->len;
    size_t before = d->nerrors;
    memset(outcome, 0, sizeof *outcome);
    yyscan_t scanner;
    if (polc_yylex_init_extra(&ps, &scanner) != 0) {
        diag_error(d, "E0202", SPAN_NONE, "cannot initialise the lexer");
        outcome->errors = 1;
        outcome->aborted = true;
        return;
    }
    YY_BUFFER_STATE buf = polc_yy_scan_bytes(src->text, (int)src->len, scanner);
    outcome->aborted = polc_yyparse(scanner, &ps) != 0;
    polc_yy_delete_buffer(buf, scanner);
    polc_yylex_destroy(scanner);
    outcome->errors = d->nerrors - before;
    outcome->syntax_errors = ps.rec.reported;
    outcome->dropped_definition = ps.rec.dropped_definition;
}

size_t parse_source(Arena *a, DiagEngine *d, const SourceFile *src, uint32_t file, StmtList *out)
{
    ParseOutcome o;
    parse_source_outcome(a, d, src, file, out, &o);
    return o.errors;
}

/* polc fmt: every token of a file, comments included, with byte spans. The
 * same scanner as the parser's, with keep_comments set; errors it finds
 * (bad numbers, stray bytes) are reported like in parse_source. */
size_t lex_source_tokens(Arena *a, DiagEngine *d, const SourceFile *src, uint32_t file, LexTokenList *out)
{
    ParseState ps = {0};
    ps.arena = a;
    ps.diag = d;
    ps.file = file;
    ps.keep_comments = 1;
    size_t before = d->nerrors;
    yyscan_t scanner;
    if (polc_yylex_init_extra(&ps, &scanner) != 0) {
        diag_error(d, "E0202", SPAN_NONE, "cannot initialise the lexer");
        return 1;
    }
    YY_BUFFER_STATE buf = polc_yy_scan_bytes(src->text, (int)src->len, scanner);
    for (;;) {
        POLC_YYSTYPE val;
        PolcLoc loc;
        int kind = polc_yylex(&val, &loc, scanner);
        if (kind == END)
            break;
        LexToken t = {kind, loc.start, loc.end};
        VEC_PUSH(a, *out, t);
    }
    polc_yy_delete_buffer(buf, scanner);
    polc_yylex_destroy(scanner);
    return d->nerrors - before;
}
