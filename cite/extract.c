/* extract.c — every citation item of a text with its byte offsets
 * (ls_cite_extract, cite.h).
 *
 * ls_references_find (references.c) finds the citation phrases and
 * their document; this file splits a phrase's provision lists into one item
 * each. The phrase grammar there is: a list of points, then a list of
 * clauses, then a list of articles ("điểm a, b khoản 1 và khoản 2 Điều 72"),
 * each level optional; the lower levels belong to the FIRST element of the
 * next list. So the items of that phrase are a/1/72, b/1/72 and 2/72.
 * A range "Điều 3 đến Điều 7" yields its two ends.
 */
#include "cite.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_str.h"
#include "../text/analyser.h"

enum { LV_POINT, LV_CLAUSE, LV_ARTICLE };

typedef struct label {
    int level;
    size_t start, end;         /* the label with its keyword when it has one */
    size_t lstart, lend;       /* the label alone */
} label;

#define MAX_LABELS 64

typedef struct scan {
    const char *t;
    size_t p, e;
    label labels[MAX_LABELS];
    size_t n;
    int self_article;
} scan;

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alnum_ascii(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A word boundary at p: end of span, ASCII non-alnum, or NBSP. Other
 * non-ASCII bytes start letters in legal text. */
static int boundary(const scan *sc, size_t p)
{
    if (p >= sc->e) return 1;
    unsigned char c = (unsigned char)sc->t[p];
    if (c < 0x80) return !is_alnum_ascii(c);
    return c == 0xC2 && p + 1 < sc->e && (unsigned char)sc->t[p + 1] == 0xA0;
}

static int skip_space(scan *sc)
{
    size_t p0 = sc->p;
    while (sc->p < sc->e) {
        unsigned char c = (unsigned char)sc->t[sc->p];
        if (c == ' ' || c == '\t') sc->p++;
        else if (c == 0xC2 && sc->p + 1 < sc->e && (unsigned char)sc->t[sc->p + 1] == 0xA0) sc->p += 2;
        else break;
    }
    return sc->p > p0;
}

/* The word w at the scan position, followed by a boundary: consume it. */
static int take_word(scan *sc, const char *w)
{
    size_t n = strlen(w);
    if (sc->p + n > sc->e || memcmp(sc->t + sc->p, w, n) != 0 || !boundary(sc, sc->p + n)) return 0;
    sc->p += n;
    return 1;
}

static int take_any(scan *sc, const char *const *words)
{
    for (size_t i = 0; words[i]; i++)
        if (take_word(sc, words[i])) return 1;
    return 0;
}

static const char *const kw_point[] = {"điểm", "Điểm", NULL};
static const char *const kw_clause[] = {"khoản", "Khoản", NULL};
static const char *const kw_article[] = {"Điều", "điều", "ĐIỀU", "\xC3\x90iều", NULL};
static const char *const separators[] = {"và", "hoặc", "đến", "của", "các", NULL};

/* A label of the level at the scan position: points [a-zđ][0-9]{0,2},
 * clauses and articles digits and an optional letter. */
static int take_label(scan *sc, int level, size_t *ls, size_t *le)
{
    const char *t = sc->t;
    size_t p = sc->p;
    if (level == LV_POINT) {
        if (p < sc->e && t[p] >= 'a' && t[p] <= 'z') p++;
        else if (p + 1 < sc->e && (unsigned char)t[p] == 0xC4 && (unsigned char)t[p + 1] == 0x91) p += 2;
        else return 0;
        size_t d = 0;
        while (p < sc->e && d < 2 && t[p] >= '0' && t[p] <= '9') p++, d++;
    } else {
        size_t d = 0, max = level == LV_CLAUSE ? 3 : 4;
        while (p < sc->e && d < max && t[p] >= '0' && t[p] <= '9') p++, d++;
        if (!d) return 0;
        if (p < sc->e && t[p] >= 'a' && t[p] <= 'z') p++;
        else if (p + 1 < sc->e && (unsigned char)t[p] == 0xC4 && (unsigned char)t[p + 1] == 0x91) p += 2;
    }
    if (!boundary(sc, p)) return 0;
    *ls = sc->p;
    *le = p;
    sc->p = p;
    return 1;
}

/* Walk the provision part of a phrase, collecting its labels. */
static void scan_labels(scan *sc)
{
    int level = -1;
    while (sc->p < sc->e && sc->n < MAX_LABELS) {
        skip_space(sc);
        if (sc->p < sc->e && sc->t[sc->p] == ',') {
            sc->p++;
            continue;
        }
        if (take_any(sc, separators)) continue;
        size_t kw = sc->p;
        int had_kw = 1;
        if (take_any(sc, kw_point)) level = LV_POINT;
        else if (take_any(sc, kw_clause)) level = LV_CLAUSE;
        else if (take_any(sc, kw_article)) level = LV_ARTICLE;
        else had_kw = 0;
        if (had_kw) {
            skip_space(sc);
            if (level == LV_ARTICLE && take_word(sc, "này")) {
                sc->self_article = 1;
                return;
            }
        }
        if (level < 0) return;
        size_t ls, le;
        if (!take_label(sc, level, &ls, &le)) return;
        label *l = &sc->labels[sc->n++];
        l->level = level;
        l->start = had_kw ? kw : ls;
        l->end = le;
        l->lstart = ls;
        l->lend = le;
    }
}

static ls_rc dup_span(char **field, const char *t, size_t s, size_t e)
{
    return ls_strset(field, t + s, e - s);
}

static ls_rc dup_str(char **field, const char *s)
{
    return s ? ls_strset(field, s, strlen(s)) : LS_OK;
}

/* The document part of `from` (number, type, name, year) into `to`. */
static ls_rc copy_doc_part(ls_cite *to, const ls_cite *from)
{
    ls_rc rc;
    if ((rc = dup_str(&to->doc_number, from->doc_number)) || (rc = dup_str(&to->doc_type, from->doc_type)) ||
        (rc = dup_str(&to->law_name, from->law_name)) || (rc = dup_str(&to->year, from->year)))
        return rc;
    return LS_OK;
}

/* Copy the document part of reference r into c. */
static ls_rc copy_doc(ls_cite *c, const ls_cite *r, const char *text)
{
    ls_rc rc;
    c->relation = r->relation;
    c->self = r->self;
    c->group_start = r->start;
    c->group_end = r->end;
    if ((rc = copy_doc_part(c, r))) return rc;
    (void)text;
    return LS_OK;
}

typedef struct cite_vec {
    ls_cite *v;
    size_t n, cap;
} cite_vec;

static ls_cite *push(cite_vec *cv)
{
    if (cv->n == cv->cap) {
        size_t nc = cv->cap ? cv->cap * 2 : 16;
        ls_cite *g = realloc(cv->v, nc * sizeof *g);
        if (!g) return NULL;
        cv->v = g;
        cv->cap = nc;
    }
    ls_cite *c = &cv->v[cv->n++];
    memset(c, 0, sizeof *c);
    return c;
}

/* The items of one phrase. */
static ls_rc expand(cite_vec *cv, const ls_cite *r, const char *text, size_t group)
{
    scan sc = {.t = text, .p = r->start, .e = r->end};
    scan_labels(&sc);
    const label *first[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < sc.n; i++)
        if (!first[sc.labels[i].level]) first[sc.labels[i].level] = &sc.labels[i];

    size_t before = cv->n;
    for (size_t i = 0; i <= sc.n; i++) {
        const label *own = i < sc.n ? &sc.labels[i] : NULL;
        const label *pt = NULL, *cl = NULL, *ar = NULL;
        if (own) {
            /* a lower level's first element carries the items below it */
            if (own->level == LV_CLAUSE && own == first[LV_CLAUSE] && first[LV_POINT]) continue;
            if (own->level == LV_ARTICLE && own == first[LV_ARTICLE] &&
                (first[LV_POINT] || first[LV_CLAUSE]))
                continue;
            if (own->level == LV_POINT) pt = own, cl = first[LV_CLAUSE], ar = first[LV_ARTICLE];
            else if (own->level == LV_CLAUSE) cl = own, ar = first[LV_ARTICLE];
            else ar = own;
        } else if (sc.n) {
            break;          /* every label made its item */
        }
        ls_cite *c = push(cv);
        if (!c) return LS_ERR_NOMEM;
        ls_rc rc = copy_doc(c, r, text);
        if (!rc && pt) rc = dup_span(&c->point, text, pt->lstart, pt->lend);
        if (!rc && cl) rc = dup_span(&c->clause, text, cl->lstart, cl->lend);
        if (!rc && ar) rc = dup_span(&c->article, text, ar->lstart, ar->lend);
        if (rc) return rc;
        c->self_article = sc.self_article;
        c->group = group;
        c->start = own ? own->start : r->start;
        c->end = own ? own->end : r->end;
    }
    if (cv->n == before + 1) {   /* one item: it is the whole phrase */
        cv->v[before].start = r->start;
        cv->v[before].end = r->end;
    }
    return LS_OK;
}

/* "Thông tư số 36/2016/TT-BTCngày 25/3/2016": a number glued to the next
 * word (a space lost in conversion) reads "36/2016/tt" and matches every
 * circular of that number; read the number again without the word. */
static ls_rc unglue(ls_cite *r, const char *t)
{
    if (!r->doc_number) return LS_OK;
    size_t num = r->end, num_end = r->end;
    for (size_t i = r->start; i < r->end; i++) {   /* the last token "N/..." */
        if (!is_digit(t[i]) || (i > r->start && t[i - 1] != ' ')) continue;
        size_t j = i;
        while (j < r->end && t[j] != ' ' && t[j] != ',' && t[j] != ';') j++;
        if (memchr(t + i, '/', j - i)) num = i, num_end = j;
    }
    if (num == r->end) return LS_OK;
    for (size_t k = num + 1; k < num_end; k++) {
        if (!(t[k - 1] >= 'A' && t[k - 1] <= 'Z') || !(t[k] >= 'a' && t[k] <= 'z')) continue;
        char *norm = NULL;
        ls_rc rc = ls_docnum_normalize(t + num, k - num, &norm, NULL);
        if (rc == LS_ERR_NOMEM) return rc;
        if (rc == LS_OK) {
            free(r->doc_number);
            r->doc_number = norm;
        }
        return LS_OK;
    }
    return LS_OK;
}

/* "Điều 5. Tên điều" at a line's start is an article's heading, not a
 * citation. */
static int is_heading(const char *t, size_t len, const ls_cite *r)
{
    size_t s = r->start;
    while (s > 0 && (t[s - 1] == ' ' || t[s - 1] == '\t')) s--;
    if (s > 0 && t[s - 1] != '\n') return 0;
    return r->end < len && t[r->end] == '.' && r->article && !r->clause && !r->point;
}

/* Only separators between a and b: ", ", " và ", " hoặc ". */
static int joined(const char *t, size_t a, size_t b)
{
    scan sc = {.t = t, .p = a, .e = b};
    for (;;) {
        skip_space(&sc);
        if (sc.p >= b) return 1;
        if (t[sc.p] == ',') sc.p++;
        else if (!take_word(&sc, "và") && !take_word(&sc, "hoặc")) return 0;
    }
}

static int ends_with_nay(const char *t, const ls_cite *r)
{
    static const char nay[] = "này";
    size_t n = sizeof nay - 1;
    return r->end - r->start >= n && memcmp(t + r->end - n, nay, n) == 0;
}

/* "khoản 1 Điều 2, khoản 3 Điều 5 Nghị định số X": the phrases before the
 * one naming the document name it too (references.c ends a phrase where its
 * list grammar ends). Right to left, so chains pass the document along. */
static ls_rc share_documents(ls_cite *refs, size_t n, const char *t)
{
    for (size_t i = n; i-- > 1;) {
        ls_cite *a = &refs[i - 1], *b = &refs[i];
        if (!a->self || ends_with_nay(t, a) || b->self || !a->article) continue;
        if (!joined(t, a->end, b->start)) continue;
        ls_rc rc;
        if ((rc = copy_doc_part(a, b))) return rc;
        a->self = 0;
    }
    return LS_OK;
}

static int is_upper_start(const char *t, size_t i, size_t len)
{
    unsigned char c = (unsigned char)t[i];
    return (c >= 'A' && c <= 'Z') || (c == 0xC4 && i + 1 < len && (unsigned char)t[i + 1] == 0x90);
}

/* A copy of the text where dirty document numbers take their "/" back,
 * byte for byte (offsets stay valid): "123_2015_ND-CP" and "47-2021-NĐ-CP"
 * become "123/2015/ND-CP" and "47/2021/NĐ-CP". NULL when nothing changes
 * (or out of memory: the text is then read as it is). */
static char *clean_numbers(const char *t, size_t len)
{
    char *c = NULL;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(t[i]) || (i > 0 && (is_digit(t[i - 1]) || t[i - 1] == '/'))) continue;
        size_t j = i;
        while (j < len && is_digit(t[j])) j++;
        if (j - i > 5 || j + 6 >= len || (t[j] != '_' && t[j] != '-')) continue;
        size_t y = j + 1;
        if (!is_digit(t[y]) || !is_digit(t[y + 1]) || !is_digit(t[y + 2]) || !is_digit(t[y + 3]) ||
            (t[y + 4] != '_' && t[y + 4] != '-') || !is_upper_start(t, y + 5, len))
            continue;
        if (!c) {
            if (!(c = malloc(len + 1))) return NULL;
            memcpy(c, t, len);
            c[len] = '\0';
        }
        c[j] = '/';
        c[y + 4] = '/';
        i = y + 4;
    }
    return c;
}

ls_rc ls_cite_extract(const char *text, size_t len, ls_cite **out, size_t *n, ls_error *err)
{
    *out = NULL;
    *n = 0;
    size_t bad = 0;
    if (!ls_utf8_valid(text, len, &bad))
        return ls_error_set(err, LS_ERR_UTF8, "the text is not valid UTF-8 (byte %zu)", bad);
    ls_cite *refs = NULL;
    size_t nrefs = 0;
    char *clean = clean_numbers(text, len);
    ls_rc rc = ls_references_find(clean ? clean : text, len, &refs, &nrefs, err);
    if (rc) {
        free(clean);
        return rc;
    }
    cite_vec cv = {0};
    for (size_t i = 0; i < nrefs && !rc; i++) rc = unglue(&refs[i], clean ? clean : text);
    if (!rc) rc = share_documents(refs, nrefs, text);
    for (size_t i = 0; i < nrefs && !rc; i++) {
        if (is_heading(text, len, &refs[i])) continue;
        rc = expand(&cv, &refs[i], text, cv.n ? cv.v[cv.n - 1].group + 1 : 0);
    }
    for (size_t i = 0; i < cv.n && !rc; i++) rc = ls_cite_format(&cv.v[i], NULL, NULL, NULL);
    ls_cites_free(refs, nrefs);
    free(clean);
    if (rc) {
        ls_cites_free(cv.v, cv.n);
        return ls_error_set(err, rc, "out of memory");
    }
    *out = cv.v;
    *n = cv.n;
    return LS_OK;
}
