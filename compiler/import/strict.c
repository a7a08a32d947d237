/* polc import, step 0: read the profile text the way the runtime does.
 *
 * moby and runc decode profiles with Go's encoding/json, the Security
 * Profiles Operator with sigs.k8s.io/yaml (YAML -> JSON -> encoding/json).
 * json-c and libyaml are more lenient, so the text is first parsed here
 * into a tree with positions (JNode), checked against the Go types of the
 * profile (moby profiles/seccomp, runtime-spec specs-go, SPO v1beta1), and
 * only then handed to the rest of the import as json-c objects. Every rule
 * and the Go behaviour behind it is in docs/import.md ("Reading the file
 * like the runtime"). Codes E0710..E0717, W0710, W0711. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "import/import.h"

#define JSON_MAX_DEPTH 256 /* Go: 10000; deeper than this is refused (E0711) */

enum { JN_NULL, JN_BOOL, JN_NUM, JN_STR, JN_ARR, JN_OBJ };

typedef struct JNode JNode;
struct JNode {
    int t;
    uint32_t off, end; /* byte span in the file */
    const char *s;     /* JN_STR: decoded text; JN_NUM: the literal */
    size_t slen;
    bool b;
    bool yaml_float;   /* JN_NUM from a YAML plain scalar such as 1.0 */
    size_t n;
    JNode **items;     /* JN_ARR, JN_OBJ values */
    const char **keys; /* JN_OBJ */
    uint32_t *koff, *kend;
};

typedef struct JP {
    ImpCtx *ic;
    uint32_t file;
    const char *t;
    size_t len, i;
    bool failed;
    bool yaml;
    bool spo; /* a SeccompProfile: the API server checks its CRD's schema */
} JP;

static Span sp(const JP *p, uint32_t a, uint32_t b)
{
    if (b <= a)
        b = a + 1;
    if (b > p->len && p->len > 0)
        b = (uint32_t)p->len;
    if (a >= b && a > 0)
        a = b - 1;
    return (Span){p->file, a, b};
}

static Diag *jerr(JP *p, const char *code, uint32_t a, uint32_t b, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static Diag *jerr(JP *p, const char *code, uint32_t a, uint32_t b, const char *fmt, ...)
{
    p->failed = true;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return diag_error(&p->ic->ctx->diag, code, sp(p, a, b), "%s", msg);
}

static JNode *jn(JP *p, int t, size_t off)
{
    JNode *n = arena_alloc(&p->ic->ctx->arena, sizeof *n);
    memset(n, 0, sizeof *n);
    n->t = t;
    n->off = (uint32_t)off;
    return n;
}

/* ---- JSON with encoding/json's scanner rules ------------------------ */

static void ws(JP *p)
{
    while (p->i < p->len && (p->t[p->i] == ' ' || p->t[p->i] == '\t' || p->t[p->i] == '\n' || p->t[p->i] == '\r'))
        p->i++;
}

static void bad_char(JP *p, const char *context)
{
    char what[64];
    if (p->i >= p->len)
        snprintf(what, sizeof what, "end of input");
    else if ((unsigned char)p->t[p->i] >= 0x20 && (unsigned char)p->t[p->i] < 0x7f)
        snprintf(what, sizeof what, "character '%c'", p->t[p->i]);
    else
        snprintf(what, sizeof what, "byte 0x%02x", (unsigned char)p->t[p->i]);
    char msg[160];
    snprintf(msg, sizeof msg, "invalid JSON: unexpected %s %s", what, context);
    jerr(p, IMP_E_SYNTAX, (uint32_t)p->i, (uint32_t)p->i + 1, "%s", msg);
}

/* One digit or more (JSON's fraction and exponent); false: reported. */
static bool digits(JP *p, const char *where)
{
    if (p->i >= p->len || p->t[p->i] < '0' || p->t[p->i] > '9') {
        bad_char(p, where);
        return false;
    }
    while (p->i < p->len && p->t[p->i] >= '0' && p->t[p->i] <= '9')
        p->i++;
    return true;
}

static void put_utf8(char *o, size_t *k, unsigned cp)
{
    if (cp < 0x80)
        o[(*k)++] = (char)cp;
    else if (cp < 0x800) {
        o[(*k)++] = (char)(0xc0 | cp >> 6);
        o[(*k)++] = (char)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        o[(*k)++] = (char)(0xe0 | cp >> 12);
        o[(*k)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[(*k)++] = (char)(0x80 | (cp & 0x3f));
    } else {
        o[(*k)++] = (char)(0xf0 | cp >> 18);
        o[(*k)++] = (char)(0x80 | ((cp >> 12) & 0x3f));
        o[(*k)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        o[(*k)++] = (char)(0x80 | (cp & 0x3f));
    }
}

static int hex4(const char *s)
{
    int v = 0;
    for (int j = 0; j < 4; j++) {
        int c = s[j], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Invalid UTF-8 becomes U+FFFD, one per bad byte, as Go's unquote does. */
static void warn_bad_utf8(JP *p, uint32_t a, uint32_t b)
{
    diag_warning(&p->ic->ctx->diag, IMP_W_UTF8, sp(p, a, b),
                 "a string holds bytes that are not UTF-8; each is read as U+FFFD, as Go's encoding/json does");
}

static JNode *jstring(JP *p)
{
    size_t start = p->i++;
    /* the literal's length bounds the decoded text's (U+FFFD for one bad byte is 3: x3) */
    size_t lit = p->i;
    while (lit < p->len && p->t[lit] != '"')
        lit += p->t[lit] == '\\' ? 2 : 1;
    size_t cap = 3 * (lit - p->i) + 4, k = 0;
    char *o = arena_alloc(&p->ic->ctx->arena, cap);
    bool bad = false;
    for (;;) {
        if (p->i >= p->len) {
            bad_char(p, "in a string (missing closing quote)");
            return NULL;
        }
        unsigned char c = (unsigned char)p->t[p->i];
        if (c == '"')
            break;
        if (c < 0x20) {
            bad_char(p, "in a string (control characters must be escaped)");
            return NULL;
        }
        if (c == '\\') {
            char e = p->i + 1 < p->len ? p->t[p->i + 1] : 0;
            const char *m = strchr("\"\\/bfnrt", e);
            if (e && m) {
                o[k++] = "\"\\/\b\f\n\r\t"[m - "\"\\/bfnrt"];
                p->i += 2;
                continue;
            }
            if (e != 'u' || p->i + 6 > p->len || hex4(p->t + p->i + 2) < 0) {
                p->i++;
                bad_char(p, "in a string escape");
                return NULL;
            }
            unsigned cp = (unsigned)hex4(p->t + p->i + 2);
            p->i += 6;
            if (cp >= 0xd800 && cp < 0xdc00 && p->i + 6 <= p->len && p->t[p->i] == '\\' && p->t[p->i + 1] == 'u' &&
                hex4(p->t + p->i + 2) >= 0xdc00 && hex4(p->t + p->i + 2) < 0xe000) {
                cp = 0x10000 + ((cp - 0xd800) << 10) + ((unsigned)hex4(p->t + p->i + 2) - 0xdc00);
                p->i += 6;
            } else if (cp >= 0xd800 && cp < 0xe000) {
                cp = 0xfffd; /* Go: a lone surrogate is U+FFFD */
            }
            put_utf8(o, &k, cp);
            continue;
        }
        if (c < 0x80) {
            o[k++] = (char)c;
            p->i++;
            continue;
        }
        size_t l = utf8_char_len((const unsigned char *)p->t + p->i, p->len - p->i);
        if (l == 0) {
            put_utf8(o, &k, 0xfffd);
            p->i++;
            bad = true;
            continue;
        }
        memcpy(o + k, p->t + p->i, l);
        k += l;
        p->i += l;
    }
    p->i++;
    o[k] = 0;
    JNode *n = jn(p, JN_STR, start);
    n->s = o;
    n->slen = k;
    n->end = (uint32_t)p->i;
    if (bad)
        warn_bad_utf8(p, n->off, n->end);
    return n;
}

static JNode *jvalue(JP *p, int depth);

static JNode *jcontainer(JP *p, int depth, bool obj)
{
    if (depth >= JSON_MAX_DEPTH) {
        jerr(p, IMP_E_SYNTAX, (uint32_t)p->i, (uint32_t)p->i + 1,
             "invalid JSON: nested deeper than %d arrays and objects (polc's limit; Go's is 10000)", JSON_MAX_DEPTH);
        return NULL;
    }
    JNode *n = jn(p, obj ? JN_OBJ : JN_ARR, p->i);
    VEC(JNode *) items = {0};
    VEC(const char *) keys = {0};
    VEC(uint32_t) koff = {0}, kend = {0};
    Arena *A = &p->ic->ctx->arena;
    p->i++;
    ws(p);
    if (p->i < p->len && p->t[p->i] == (obj ? '}' : ']')) {
        p->i++;
        n->end = (uint32_t)p->i;
        return n;
    }
    for (;;) {
        ws(p);
        if (obj) {
            if (p->i >= p->len || p->t[p->i] != '"') {
                bad_char(p, "where an object key (a string) was expected");
                return NULL;
            }
            JNode *k = jstring(p);
            if (!k)
                return NULL;
            VEC_PUSH(A, keys, k->s);
            VEC_PUSH(A, koff, k->off);
            VEC_PUSH(A, kend, k->end);
            ws(p);
            if (p->i >= p->len || p->t[p->i] != ':') {
                bad_char(p, "after an object key (expected ':')");
                return NULL;
            }
            p->i++;
        }
        JNode *v = jvalue(p, depth + 1);
        if (!v)
            return NULL;
        VEC_PUSH(A, items, v);
        ws(p);
        if (p->i < p->len && p->t[p->i] == ',') {
            p->i++;
            continue;
        }
        if (p->i < p->len && p->t[p->i] == (obj ? '}' : ']')) {
            p->i++;
            break;
        }
        bad_char(p, obj ? "after an object value (expected ',' or '}')" : "after an array element (expected ',' or ']')");
        return NULL;
    }
    n->end = (uint32_t)p->i;
    n->n = items.len;
    n->items = items.items;
    n->keys = keys.items;
    n->koff = koff.items;
    n->kend = kend.items;
    return n;
}

static JNode *jvalue(JP *p, int depth)
{
    ws(p);
    if (p->i >= p->len) {
        bad_char(p, "where a value was expected");
        return NULL;
    }
    char c = p->t[p->i];
    if (c == '{' || c == '[')
        return jcontainer(p, depth, c == '{');
    if (c == '"')
        return jstring(p);
    static const char *const LIT[] = {"true", "false", "null"};
    for (int j = 0; j < 3; j++) {
        size_t l = strlen(LIT[j]);
        if (p->len - p->i >= l && !strncmp(p->t + p->i, LIT[j], l)) {
            JNode *n = jn(p, j == 2 ? JN_NULL : JN_BOOL, p->i);
            n->b = j == 0;
            p->i += l;
            n->end = (uint32_t)p->i;
            return n;
        }
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        size_t s = p->i;
        if (p->t[p->i] == '-')
            p->i++;
        if (p->i < p->len && p->t[p->i] == '0')
            p->i++;
        else if (p->i < p->len && p->t[p->i] >= '1' && p->t[p->i] <= '9')
            while (p->i < p->len && p->t[p->i] >= '0' && p->t[p->i] <= '9')
                p->i++;
        else {
            bad_char(p, "in a number");
            return NULL;
        }
        if (p->i < p->len && p->t[p->i] == '.') {
            p->i++;
            if (!digits(p, "after the decimal point of a number"))
                return NULL;
        }
        if (p->i < p->len && (p->t[p->i] == 'e' || p->t[p->i] == 'E')) {
            p->i++;
            if (p->i < p->len && (p->t[p->i] == '+' || p->t[p->i] == '-'))
                p->i++;
            if (!digits(p, "in the exponent of a number"))
                return NULL;
        }
        JNode *n = jn(p, JN_NUM, s);
        n->s = arena_strndup(&p->ic->ctx->arena, p->t + s, p->i - s);
        n->slen = p->i - s;
        n->end = (uint32_t)p->i;
        return n;
    }
    bad_char(p, "where a value was expected");
    return NULL;
}

static JNode *parse_json_strict(JP *p)
{
    JNode *root = jvalue(p, 0);
    if (!root)
        return NULL;
    ws(p);
    if (p->i < p->len) {
        jerr(p, IMP_E_SYNTAX, (uint32_t)p->i, (uint32_t)p->i + 1,
             "invalid JSON: data after the top-level value (Go's json.Unmarshal refuses it)");
        return NULL;
    }
    return root;
}

/* ---- YAML as sigs.k8s.io/yaml (yaml.v2, YAML 1.1) reads it ----------- */

static uint32_t yaml_off(JP *p, yaml_mark_t m)
{
    const SourceFile *f = source_get(&p->ic->ctx->sm, p->file);
    if (m.line >= f->nlines)
        return (uint32_t)p->len;
    size_t ll;
    source_line(f, (unsigned)m.line + 1, &ll);
    size_t col = m.column < ll ? m.column : ll;
    return f->line_starts[m.line] + (uint32_t)col;
}

static bool ci_in(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(s, *list))
            return true;
    return false;
}

static JNode *yaml_scalar_node(JP *p, yaml_node_t *y)
{
    const char *s = (const char *)y->data.scalar.value;
    size_t len = y->data.scalar.length;
    uint32_t a = yaml_off(p, y->start_mark), b = yaml_off(p, y->end_mark);
    JNode *n = jn(p, JN_STR, a);
    n->end = b;
    if (y->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
        n->s = arena_strndup(&p->ic->ctx->arena, s, len);
        n->slen = len;
        return n;
    }
    static const char *const NUL[] = {"", "~", "null", "Null", "NULL", NULL};
    static const char *const TRUE[] = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE", NULL};
    static const char *const FALSE[] = {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE", NULL};
    if (ci_in(s, NUL)) {
        n->t = JN_NULL;
        return n;
    }
    if (ci_in(s, TRUE) || ci_in(s, FALSE)) {
        n->t = JN_BOOL;
        n->b = ci_in(s, TRUE);
        return n;
    }
    const char *q = s + (*s == '-' || *s == '+');
    /* decimal and 0x hex: the same number for yaml.v2 (YAML 1.1) and YAML 1.2 */
    bool dec = *q >= '0' && *q <= '9' && strspn(q, "0123456789") == strlen(q);
    bool hex = q[0] == '0' && (q[1] == 'x' || q[1] == 'X') && q[2] && strspn(q + 2, "0123456789abcdefABCDEF") == strlen(q + 2);
    if (dec && q[0] == '0' && q[1]) {
        jerr(p, IMP_E_YAML, a, b,
             "YAML scalar `%s` has a leading zero: sigs.k8s.io/yaml (YAML 1.1) reads it as octal, YAML 1.2 tools as "
             "decimal; write the number in decimal or 0x hex",
             s);
        return NULL;
    }
    if (!dec && !hex &&
        ((q[0] == '0' && (q[1] == 'o' || q[1] == 'O' || q[1] == 'b' || q[1] == 'B')) ||
         (*q >= '0' && *q <= '9' && strchr(q, '_')))) {
        jerr(p, IMP_E_YAML, a, b,
             "YAML scalar `%s`: sigs.k8s.io/yaml reads 0o/0b prefixes and `_` separators as a number, other YAML "
             "tools as a string; write the number in decimal or 0x hex, or quote the string",
             s);
        return NULL;
    }
    if (dec || hex) {
        n->t = JN_NUM;
        if (hex) {
            /* as decimal, the form encoding/json sees after sigs.k8s.io/yaml */
            errno = 0;
            unsigned long long v = strtoull(q + 2, NULL, 16);
            char buf[48];
            snprintf(buf, sizeof buf, "%s%llu", *s == '-' ? "-" : "", v);
            if (errno == ERANGE)
                snprintf(buf, sizeof buf, "%s1e99", *s == '-' ? "-" : ""); /* out of every range */
            n->s = arena_strdup(&p->ic->ctx->arena, buf);
        } else {
            n->s = arena_strdup(&p->ic->ctx->arena, *s == '+' ? s + 1 : s);
        }
        n->slen = strlen(n->s);
        return n;
    }
    /* YAML 1.1 floats (yaml.v2's pattern) */
    const char *r = q;
    size_t ip = strspn(r, "0123456789");
    r += ip;
    size_t fp = 0;
    if (*r == '.') {
        r++;
        fp = strspn(r, "0123456789");
        r += fp;
    }
    if ((ip || fp) && (*r == 'e' || *r == 'E')) {
        r++;
        r += *r == '+' || *r == '-';
        size_t ep = strspn(r, "0123456789");
        r = ep ? r + ep : s; /* no digits: not a float */
    }
    if ((ip || fp) && *r == '\0' && r != s && strpbrk(q, ".eE")) {
        n->t = JN_NUM;
        n->yaml_float = true;
        n->s = arena_strdup(&p->ic->ctx->arena, s);
        n->slen = len;
        return n;
    }
    n->s = arena_strndup(&p->ic->ctx->arena, s, len);
    n->slen = len;
    return n;
}

static JNode *yaml_node(JP *p, yaml_document_t *doc, yaml_node_t *y, int depth, size_t *budget)
{
    if (!y)
        return jn(p, JN_NULL, 0);
    if (depth > 64 || *budget == 0) {
        /* too deep: reported here; out of nodes: the caller reports it once */
        if (*budget)
            jerr(p, IMP_E_SYNTAX, yaml_off(p, y->start_mark), yaml_off(p, y->end_mark),
                 "invalid YAML: nested deeper than 64 levels (polc's limit)");
        *budget = 0;
        return NULL;
    }
    --*budget;
    Arena *A = &p->ic->ctx->arena;
    switch (y->type) {
    case YAML_SCALAR_NODE: return yaml_scalar_node(p, y);
    case YAML_SEQUENCE_NODE: {
        JNode *n = jn(p, JN_ARR, yaml_off(p, y->start_mark));
        n->end = yaml_off(p, y->end_mark);
        VEC(JNode *) items = {0};
        for (yaml_node_item_t *it = y->data.sequence.items.start; it < y->data.sequence.items.top; it++) {
            JNode *c = yaml_node(p, doc, yaml_document_get_node(doc, *it), depth + 1, budget);
            if (!c)
                return NULL;
            VEC_PUSH(A, items, c);
        }
        n->n = items.len;
        n->items = items.items;
        return n;
    }
    case YAML_MAPPING_NODE: {
        JNode *n = jn(p, JN_OBJ, yaml_off(p, y->start_mark));
        n->end = yaml_off(p, y->end_mark);
        VEC(JNode *) items = {0};
        VEC(const char *) keys = {0};
        VEC(uint32_t) koff = {0}, kend = {0};
        for (yaml_node_pair_t *pr = y->data.mapping.pairs.start; pr < y->data.mapping.pairs.top; pr++) {
            yaml_node_t *k = yaml_document_get_node(doc, pr->key);
            uint32_t ka = k ? yaml_off(p, k->start_mark) : n->off, kb = k ? yaml_off(p, k->end_mark) : n->off + 1;
            if (!k || k->type != YAML_SCALAR_NODE) {
                jerr(p, IMP_E_YAML, ka, kb, "a YAML mapping key that is not a scalar: no profile field has one");
                return NULL;
            }
            if (k->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !strcmp((const char *)k->data.scalar.value, "<<")) {
                jerr(p, IMP_E_YAML, ka, kb,
                     "a YAML merge key `<<`: yaml.v2 merges it, libyaml does not; write the keys out");
                return NULL;
            }
            JNode *v = yaml_node(p, doc, yaml_document_get_node(doc, pr->value), depth + 1, budget);
            if (!v)
                return NULL;
            VEC_PUSH(A, keys, arena_strndup(A, (const char *)k->data.scalar.value, k->data.scalar.length));
            VEC_PUSH(A, koff, ka);
            VEC_PUSH(A, kend, kb);
            VEC_PUSH(A, items, v);
        }
        n->n = items.len;
        n->items = items.items;
        n->keys = keys.items;
        n->koff = koff.items;
        n->kend = kend.items;
        return n;
    }
    default: return jn(p, JN_NULL, 0);
    }
}

/* ---- the Go types ------------------------------------------------------ */

enum { F_ANY, F_STR, F_BOOL, F_U64, F_UINT, F_UINT_STR, F_KERNEL, F_OBJ, F_ARR_STR, F_ARR_OBJ };

typedef struct Field {
    const char *name;
    int type;
    const struct Field *sub; /* F_OBJ, F_ARR_OBJ */
} Field;

static const Field ARG[] = {
    {"index", F_UINT, NULL}, {"value", F_U64, NULL}, {"valueTwo", F_U64, NULL}, {"op", F_STR, NULL}, {NULL, 0, NULL}};
static const Field FILTER[] = {
    {"caps", F_ARR_STR, NULL}, {"arches", F_ARR_STR, NULL}, {"minKernel", F_KERNEL, NULL}, {NULL, 0, NULL}};
static const Field SYSCALL[] = {
    {"name", F_STR, NULL},     {"names", F_ARR_STR, NULL},    {"action", F_STR, NULL},
    {"errnoRet", F_UINT, NULL}, {"args", F_ARR_OBJ, ARG},      {"comment", F_STR, NULL},
    {"includes", F_OBJ, FILTER}, {"excludes", F_OBJ, FILTER}, {"errno", F_ANY, NULL},
    {NULL, 0, NULL}};
static const Field ARCHMAP[] = {
    {"architecture", F_STR, NULL}, {"subArchitectures", F_ARR_STR, NULL}, {NULL, 0, NULL}};
static const Field SECCOMP[] = {
    {"defaultAction", F_STR, NULL},   {"defaultErrnoRet", F_UINT, NULL}, {"architectures", F_ARR_STR, NULL},
    {"archMap", F_ARR_OBJ, ARCHMAP},   {"syscalls", F_ARR_OBJ, SYSCALL},  {"flags", F_ARR_STR, NULL},
    {"listenerPath", F_STR, NULL},    {"listenerMetadata", F_STR, NULL},  {NULL, 0, NULL}};
/* SPO v1beta1 (api/seccompprofile/v1beta1): a Syscall's ErrnoRet is a Go
 * string, so `errnoRet: 38` is refused by the API server and '38' is the form */
static const Field SPO_SYSCALL[] = {
    {"names", F_ARR_STR, NULL}, {"action", F_STR, NULL}, {"errnoRet", F_UINT_STR, NULL},
    {"args", F_ARR_OBJ, ARG},   {NULL, 0, NULL}};
static const Field SPO_SPEC[] = {
    {"defaultAction", F_STR, NULL},  {"architectures", F_ARR_STR, NULL}, {"syscalls", F_ARR_OBJ, SPO_SYSCALL},
    {"flags", F_ARR_STR, NULL},      {"disabled", F_BOOL, NULL},         {"baseProfileName", F_STR, NULL},
    {NULL, 0, NULL}};

static const char *tname(const JNode *v)
{
    static const char *const N[] = {"null", "a boolean", "a number", "a string", "an array", "an object"};
    return N[v->t];
}

static const char *want_name(int type)
{
    switch (type) {
    case F_STR: return "a string";
    case F_BOOL: return "a boolean";
    case F_U64: return "an unsigned integer (Go uint64)";
    case F_UINT: return "an unsigned integer (Go uint)";
    case F_UINT_STR: return "a string of decimal digits (SPO's errnoRet is a Go string)";
    case F_KERNEL: return "a string \"<kernel>.<major>\"";
    case F_OBJ: return "an object";
    default: return "an array";
    }
}

/* ASCII case folding plus the non-ASCII letters that Go's encoding/json
 * folds onto ASCII ones: U+017F (long s) -> s, U+212A (Kelvin) -> k, and
 * since Go 1.21 (ToUpper(ToLower(r))) U+0130 and U+0131 -> i. *nonascii is
 * set when one of them was used. */
static void fold(const char *k, char *out, size_t cap, bool *nonascii)
{
    size_t o = 0;
    *nonascii = false;
    for (const unsigned char *c = (const unsigned char *)k; *c && o + 1 < cap;) {
        if (c[0] == 0xc5 && c[1] == 0xbf) {
            out[o++] = 's', c += 2, *nonascii = true;
        } else if (c[0] == 0xe2 && c[1] == 0x84 && c[2] == 0xaa) {
            out[o++] = 'k', c += 3, *nonascii = true;
        } else if (c[0] == 0xc4 && (c[1] == 0xb0 || c[1] == 0xb1)) {
            out[o++] = 'i', c += 2, *nonascii = true; /* Go >= 1.21 only */
        } else {
            out[o++] = (char)((*c >= 'A' && *c <= 'Z') ? *c + 32 : *c);
            c++;
        }
    }
    out[o] = 0;
}

static void check_value(JP *p, const JNode *v, const Field *f, const char *where);

static bool check_uint(JP *p, const JNode *v, const char *where, int type)
{
    const char *s = v->s;
    bool ok = *s != '-' && !v->yaml_float && strspn(s, "0123456789") == strlen(s);
    unsigned long long x = 0;
    if (ok) {
        errno = 0;
        x = strtoull(s, NULL, 10);
        ok = errno == 0;
    }
    char msg[400];
    if (ok && type == F_UINT && x > UINT32_MAX) {
        snprintf(msg, sizeof msg,
                 "`%s`: %s is above 4294967295: Go's uint is 32 bits on 32-bit hosts, so runtimes there refuse "
                 "the profile%s",
                 where, s, "");
        jerr(p, IMP_E_RANGE, v->off, v->end, "%s", msg);
        return false;
    }
    if (ok)
        return true;
    if (v->yaml_float) {
        snprintf(msg, sizeof msg,
                 "`%s` must be %s; %s is a YAML float: sigs.k8s.io/yaml turns 8.0 into 8 but refuses 8.5, and "
                 "JSON readers refuse both; polc refuses it: write an integer",
                 where, want_name(type), s);
        jerr(p, IMP_E_RANGE, v->off, v->end, "%s", msg);
        return false;
    }
    const char *why = *s == '-'             ? "a negative number"
                      : strpbrk(s, ".eE") ? "not an integer literal (Go refuses 1.0 and 1e3 here)"
                                          : "out of range (above 18446744073709551615)";
    snprintf(msg, sizeof msg, "`%s` must be %s; %s is %s, and Go's encoding/json refuses the whole profile", where,
             want_name(type), s, why);
    jerr(p, IMP_E_RANGE, v->off, v->end, "%s", msg);
    return false;
}

static void type_error(JP *p, const JNode *v, int type, const char *where)
{
    char msg[400];
    snprintf(msg, sizeof msg, "`%s` must be %s, not %s: %s", where, want_name(type), tname(v),
             p->spo ? "the API server refuses the SeccompProfile (its CRD's schema)"
                    : "Go's encoding/json refuses the whole profile");
    jerr(p, IMP_E_TYPE, v->off, v->end, "%s", msg);
}

static void check_kernel(JP *p, const JNode *v, const char *where)
{
    /* moby KernelVersion.UnmarshalJSON: "" or "<kernel>.<major>", each 0..255, not 0.0 */
    const char *s = v->s;
    if (!*s)
        return;
    const char *dot = strchr(s, '.');
    bool ok = dot && dot > s && dot[1] && !strchr(dot + 1, '.') && strspn(s, "0123456789") == (size_t)(dot - s) &&
              strspn(dot + 1, "0123456789") == strlen(dot + 1);
    if (ok) {
        unsigned long a = strtoul(s, NULL, 10), b = strtoul(dot + 1, NULL, 10);
        ok = (dot - s) <= 3 && strlen(dot + 1) <= 3 && a <= 255 && b <= 255 && (a || b);
    }
    if (!ok) {
        char msg[400];
        snprintf(msg, sizeof msg,
                 "`%s`: invalid kernel version \"%s\": moby expects \"<kernel>.<major>\" (each 0..255, not 0.0) "
                 "and refuses the profile",
                 where, s);
        jerr(p, IMP_E_KERNEL, v->off, v->end, "%s", msg);
    }
}

static void check_object(JP *p, const JNode *o, const Field *fields, const char *where)
{
    Arena *A = &p->ic->ctx->arena;
    char **folded = arena_alloc(A, (o->n ? o->n : 1) * sizeof *folded);
    for (size_t i = 0; i < o->n; i++) {
        char fb[256];
        bool na;
        fold(o->keys[i], fb, sizeof fb, &na);
        folded[i] = arena_strdup(A, fb);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(folded[i], folded[j])) {
                const SourceFile *f = source_get(&p->ic->ctx->sm, p->file);
                unsigned l1, c1;
                source_linecol(f, o->koff[j], &l1, &c1);
                char msg[600];
                snprintf(msg, sizeof msg,
                         "duplicate key `%s` (line %u has `%s`)%s: Go's encoding/json matches keys "
                         "case-insensitively and keeps the last one; polc refuses the ambiguity",
                         o->keys[i], l1, o->keys[j], strcmp(o->keys[i], o->keys[j]) ? ", differing only in case" : "");
                Diag *d = diag_error(&p->ic->ctx->diag, IMP_E_DUP, sp(p, o->koff[i], o->kend[i]), "%s", msg);
                diag_note(&p->ic->ctx->diag, d, sp(p, o->koff[j], o->kend[j]), "the first `%s` is here", o->keys[j]);
                p->failed = true;
                break;
            }
        if (!fields)
            continue;
        const Field *hit = NULL;
        for (const Field *f = fields; f->name; f++) {
            char fn[64];
            bool dummy;
            fold(f->name, fn, sizeof fn, &dummy);
            if (!strcmp(fn, folded[i]))
                hit = f;
        }
        char w[160];
        snprintf(w, sizeof w, "%s%s%s", where, *where ? "." : "", o->keys[i]);
        if (hit && na) {
            char msg[400];
            snprintf(msg, sizeof msg,
                     "key `%s` matches the field `%s` only through Unicode case folding (U+017F, U+212A, "
                     "U+0130, U+0131), which Go versions treat differently; write the key in ASCII",
                     o->keys[i], hit->name);
            jerr(p, IMP_E_FOLD, o->koff[i], o->kend[i], "%s", msg);
            continue;
        }
        if (!hit) {
            diag_warning(&p->ic->ctx->diag, IMP_W_UNKNOWN_KEY, sp(p, o->koff[i], o->kend[i]),
                         p->spo ? "unknown key `%s` is ignored: the SeccompProfile CRD does not have it, so the "
                                  "API server prunes it"
                                : "unknown key `%s` is ignored, as Go's encoding/json ignores it",
                         w);
            continue;
        }
        check_value(p, o->items[i], hit, w);
    }
}

static void check_value(JP *p, const JNode *v, const Field *f, const char *where)
{
    if (v->t == JN_NULL || f->type == F_ANY)
        return; /* Go: null leaves the zero value */
    switch (f->type) {
    case F_STR:
    case F_KERNEL:
        if (v->t != JN_STR)
            type_error(p, v, f->type, where);
        else if (f->type == F_KERNEL)
            check_kernel(p, v, where);
        return;
    case F_BOOL:
        if (v->t != JN_BOOL)
            type_error(p, v, f->type, where);
        return;
    case F_UINT_STR:
        if (v->t != JN_STR || !*v->s || strspn(v->s, "0123456789") != strlen(v->s) || strlen(v->s) > 10)
            type_error(p, v, f->type, where);
        return;
    case F_U64:
    case F_UINT:
        if (v->t != JN_NUM)
            type_error(p, v, f->type, where);
        else
            check_uint(p, v, where, f->type);
        return;
    case F_OBJ:
        if (v->t != JN_OBJ)
            type_error(p, v, f->type, where);
        else
            check_object(p, v, f->sub, where);
        return;
    case F_ARR_STR:
    case F_ARR_OBJ:
        if (v->t != JN_ARR) {
            type_error(p, v, f->type, where);
            return;
        }
        for (size_t i = 0; i < v->n; i++) {
            char w[200];
            snprintf(w, sizeof w, "%s[%zu]", where, i);
            Field e = {f->name, f->type == F_ARR_STR ? F_STR : F_OBJ, f->sub};
            check_value(p, v->items[i], &e, w);
        }
        return;
    }
}

static const JNode *jn_get(const JNode *o, const char *key, size_t *idx)
{
    if (!o || o->t != JN_OBJ)
        return NULL;
    for (size_t i = 0; i < o->n; i++)
        if (!strcasecmp(o->keys[i], key)) {
            if (idx)
                *idx = i;
            return o->items[i];
        }
    return NULL;
}

/* Duplicates only (no schema) in the objects on the way to the profile. */
static void check_path_object(JP *p, const JNode *o)
{
    check_object(p, o, NULL, "");
}

static void check_tree(JP *p, const JNode *root)
{
    if (root->t != JN_OBJ)
        return; /* "not a seccomp profile" later */
    check_path_object(p, root);
    if (p->failed)
        return;
    const JNode *kind = jn_get(root, "kind", NULL);
    if (kind && kind->t == JN_STR && !strcmp(kind->s, "SeccompProfile")) {
        const JNode *spec = jn_get(root, "spec", NULL);
        p->spo = true;
        if (spec) {
            Field f = {"spec", F_OBJ, SPO_SPEC};
            check_value(p, spec, &f, "spec");
        }
        return;
    }
    const JNode *linux = jn_get(root, "linux", NULL);
    if (linux && linux->t == JN_OBJ) {
        check_path_object(p, linux);
        const JNode *sc = jn_get(linux, "seccomp", NULL);
        if (sc && !p->failed) {
            Field f = {"seccomp", F_OBJ, SECCOMP};
            check_value(p, sc, &f, "linux.seccomp");
        }
        return;
    }
    check_object(p, root, SECCOMP, "");
}

static json_object *to_json(const JNode *n)
{
    if (!n)
        return NULL;
    switch (n->t) {
    case JN_NULL: return NULL;
    case JN_BOOL: return json_object_new_boolean(n->b);
    case JN_STR: return json_object_new_string_len(n->s, (int)n->slen);
    case JN_NUM: {
        if (!n->yaml_float && strspn(n->s + (*n->s == '-'), "0123456789") == strlen(n->s + (*n->s == '-'))) {
            errno = 0;
            if (*n->s == '-') {
                long long v = strtoll(n->s, NULL, 10);
                if (errno == 0)
                    return json_object_new_int64(v);
            } else {
                unsigned long long v = strtoull(n->s, NULL, 10);
                if (errno == 0)
                    return v > INT64_MAX ? json_object_new_uint64(v) : json_object_new_int64((long long)v);
            }
        }
        return json_object_new_double(strtod(n->s, NULL));
    }
    case JN_ARR: {
        json_object *a = json_object_new_array();
        for (size_t i = 0; i < n->n; i++)
            json_object_array_add(a, to_json(n->items[i]));
        return a;
    }
    default: {
        json_object *o = json_object_new_object();
        for (size_t i = 0; i < n->n; i++)
            json_object_object_add(o, n->keys[i], to_json(n->items[i]));
        return o;
    }
    }
}

/* ---- entry points ----------------------------------------------------- */

#define YAML_MAX_NODES 1000000

/* The deepest nesting of YAML flow collections, [ and {, counted in quoted
 * scalars and comments too: an over-estimate only guards libyaml. */
static int flow_depth(const char *t, size_t len)
{
    int depth = 0, max = 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] == '[' || t[i] == '{') {
            if (++depth > max)
                max = depth;
        } else if ((t[i] == ']' || t[i] == '}') && depth > 0) {
            depth--;
        }
    }
    return max;
}

static JNode *parse_yaml_strict(JP *p)
{
    yaml_parser_t parser;
    JNode *first = NULL, *found = NULL;
    if (flow_depth(p->t, p->len) > 64) {
        jerr(p, IMP_E_SYNTAX, 0, 1, "invalid YAML: nesting too deep");
        return NULL;
    }
    if (!yaml_parser_initialize(&parser)) {
        jerr(p, IMP_E_SYNTAX, 0, 1, "cannot initialise the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)p->t, p->len);
    while (!p->failed) {
        yaml_document_t doc;
        if (!yaml_parser_load(&parser, &doc)) {
            uint32_t o = yaml_off(p, parser.problem_mark);
            char msg[300];
            snprintf(msg, sizeof msg, "not JSON, and not YAML either: %s",
                     parser.problem ? parser.problem : "syntax error");
            jerr(p, IMP_E_PROFILE, o, o + 1, "%s", msg);
            break;
        }
        yaml_node_t *root = yaml_document_get_root_node(&doc);
        if (!root) {
            yaml_document_delete(&doc);
            break;
        }
        size_t budget = YAML_MAX_NODES;
        JNode *j = yaml_node(p, &doc, root, 0, &budget);
        yaml_document_delete(&doc);
        if (!j) {
            if (!p->failed) {
                jerr(p, IMP_E_SYNTAX, 0, 1, "the YAML expands to more than %d nodes (aliases)", YAML_MAX_NODES);
            }
            break;
        }
        const JNode *kind = jn_get(j, "kind", NULL);
        if (kind && kind->t == JN_STR && !strcmp(kind->s, "SeccompProfile")) {
            found = j;
            break;
        }
        if (!first)
            first = j;
    }
    yaml_parser_delete(&parser);
    if (p->failed)
        return NULL;
    if (!found && !first) {
        jerr(p, IMP_E_PROFILE, 0, 1, "the file holds no YAML or JSON document");
        return NULL;
    }
    return found ? found : first;
}

json_object *imp_parse_strict(ImpCtx *ic, const char *text, size_t len, bool *yaml, bool *failed)
{
    JP p = {.ic = ic, .t = text, .len = len};
    *failed = false;
    p.file = source_add(&ic->ctx->sm, &ic->ctx->arena, ic->prof.path, ic->prof.path, text, len, false);
    if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
        Diag *d = diag_error(&ic->ctx->diag, IMP_E_BOM, sp(&p, 0, 3),
                             "the file starts with a UTF-8 byte order mark: Go's json.Unmarshal refuses it "
                             "(invalid character 'ï' looking for beginning of value)");
        diag_help(&ic->ctx->diag, d, "remove the first three bytes (EF BB BF)");
        *failed = true;
        return NULL;
    }
    size_t q = 0;
    while (q < len && (text[q] == ' ' || text[q] == '\t' || text[q] == '\n' || text[q] == '\r'))
        q++;
    *yaml = !(q < len && (text[q] == '{' || text[q] == '['));
    p.yaml = *yaml;
    JNode *root = *yaml ? parse_yaml_strict(&p) : parse_json_strict(&p);
    if (root && !p.failed)
        check_tree(&p, root);
    if (p.failed || !root) {
        *failed = true;
        return NULL;
    }
    return to_json(root);
}
