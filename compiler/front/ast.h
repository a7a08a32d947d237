/* The syntax tree: what the parser builds, with byte spans on every node. */
#ifndef POLC_AST_H
#define POLC_AST_H
#include <stdbool.h>
#include <stdint.h>

#include "facts/kinds.h"
#include "util/arena.h"
#include "util/source.h"


typedef enum CmpOp { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE } CmpOp;

typedef enum ExprKind {
    /* constant values */
    EX_NUM,    /* num */
    EX_NAME,   /* name: a constant */
    EX_NEG,    /* -a */
    EX_BITNOT, /* ~a */
    EX_BITOR,  /* a | b */
    EX_SHL,    /* a << b */
    /* conditions */
    EX_CMP,     /* operand op b */
    EX_MASKCMP, /* operand & b op c   (op is == or !=) */
    EX_BITTEST, /* operand & b        (nonzero) */
    EX_IN,      /* operand [not] in { list } */
    EX_AND,
    EX_OR,
    EX_NOT,
} ExprKind;

typedef struct Expr Expr;
struct Expr {
    ExprKind kind;
    Span span;
    uint64_t num;
    const char *name;     /* EX_NAME; operand name for conditions */
    Span name_span;       /* the operand's span */
    CmpOp op;
    bool negated;         /* EX_IN: not in */
    Expr *a, *b, *c;
    VEC(Expr *) list;     /* EX_IN values */
    uint32_t depth;       /* operators below and including this one (POLC_MAX_EXPR_DEPTH) */
};

typedef struct Ident {
    const char *name;
    Span span;
} Ident;
typedef VEC(Ident) IdentList;

typedef struct Target {
    bool is_group; /* @name */
    const char *name;
    Span span;
} Target;
typedef VEC(Target) TargetList;

typedef struct ActionSpec {
    ActKind kind;
    Expr *arg; /* errno / trap / trace value, may be NULL */
    Span span;
} ActionSpec;

typedef enum StmtKind {
    ST_POLICY,     /* name, str */
    ST_INCLUDE,    /* str, angle */
    ST_ARCH,       /* idents */
    ST_DEFAULT,    /* action */
    ST_CONST,      /* name, expr */
    ST_CAPDECL,    /* name, expr */
    ST_SET,        /* name, targets */
    ST_SYSCALLS,   /* body */
    ST_RULE,       /* action, targets, expr (condition or NULL) */
    ST_WHEN_CAP,   /* negated, idents, body */
    ST_WHEN_ARCH,  /* negated, idents, body */
    ST_CAPS,       /* body of ST_CAP_ITEM */
    ST_CAP_ITEM,   /* sub: CAP_DROP / CAP_ADD, all, idents */
    ST_FS,         /* body of ST_FS_ITEM */
    ST_FS_ITEM,    /* sub: FsAccess, idents = paths (unused for read-only root) */
    ST_NET,        /* body of ST_NET_ITEM */
    ST_NET_ITEM,   /* sub: NET_ALLOW / NET_DENY, net items */
    ST_PROCESS,    /* body of ST_PROC_ITEM */
    ST_PROC_ITEM,  /* sub: ProcItemKind, n1, n2, has_n2 */
    ST_MODE,       /* name: complain / enforce (AppArmor profile mode) */
    ST_RESOURCES,  /* body of ST_RES_ITEM */
    ST_RES_ITEM,   /* sub: ResKey; the value as written: n1 (n1_span) [:n2], or str (`512MiB`, `1.5`);
                      negated: a `-` before it */
} StmtKind;

/* ST_DEFAULT.sub: the default for everything, or a refinement of it */
enum { DEFAULT_ALL, DEFAULT_FOR_NEWER, DEFAULT_FOR_UNKNOWN };
enum { CAP_DROP, CAP_ADD };
/* ST_FS_ITEM.sub beside the FsAccess values: `confine reads`, `landlock-abi N` (n1) */
enum { FS_ITEM_CONFINE_READS = 100, FS_ITEM_LANDLOCK_ABI };
enum { NET_ALLOW, NET_DENY, NET_SCOPE };
typedef enum ResKey { RES_PIDS, RES_MEMORY, RES_MEMORY_SWAP, RES_CPUS, RES_NOFILE, RES_NPROC } ResKey;
typedef enum ProcItemKind { PROC_USER, PROC_GROUP, PROC_NO_NEW_PRIVS, PROC_SCOPE } ProcItemKind;

/* A port or an inclusive range of ports (`8080`, `8000-8100`) as written. */
typedef struct PortRange {
    uint64_t lo, hi;
    Span span;
} PortRange;

typedef struct NetItem {
    Ident family; /* may have NULL name: any family */
    Ident type;   /* may have NULL name: any type */
    Span span;
    VEC(PortRange) ports; /* `tcp bind 80, 443`: family tcp, type bind; empty for families */
} NetItem;

typedef VEC(NetItem) NetItemList;

typedef struct Stmt Stmt;
typedef VEC(Stmt *) StmtList;
struct Stmt {
    StmtKind kind;
    Span span;
    const char *name;
    Span name_span;
    const char *str;
    bool angle;   /* include <...> */
    bool negated; /* when not ... */
    bool all;     /* drop all */
    int sub;
    Expr *expr;
    ActionSpec action;
    TargetList targets;
    IdentList idents;
    NetItemList net;
    StmtList body;
    uint64_t n1, n2;
    /* process `user NAME[:GROUP]` / `group NAME`: an account name written
     * in place of n1 or n2 (NULL where the number is meant) */
    const char *n1_word, *n2_word;
    bool has_n2;
    Span n1_span, n2_span;
    uint32_t file; /* the file this statement was parsed from */
};

typedef struct Ast {
    StmtList stmts;
} Ast;

/* The --dump-ast text of a statement list; without spans, two files with the
 * same meaning dump alike (polc fmt's check). */
void ast_dump_stmts(StrBuf *sb, const StmtList *stmts, bool spans);

#endif
