/* structure.c — splits a legal text into Phần › Chương › Mục › Điều, and an
 * article into Khoản ("1.", "2a.") and Điểm ("a)", "đ)", "a1)").
 *
 * One pass over the lines, with byte comparisons at each line start (no
 * regex, no rescans), so it stays linear on the 98 MB pháp điển corpus.
 * Headings recognised at a line start:
 *   "Phần thứ nhất" / "PHẦN THỨ NHẤT" (+ the next line when it is the title),
 *   "Chương I" / "CHƯƠNG I" (+ title on the same line after ". " or on the
 *   next line) -> "Chương I. NHỮNG QUY ĐỊNH CHUNG",
 *   "Mục 1. ..." / "MỤC 1" (+ next-line title),
 *   "Điều 5." / "Điều 5a." (heading = rest of the line).
 * Reading stops at the signature block ("Nơi nhận:", "TM. ", "KT. ") and at
 * a law's closing "Luật này đã được Quốc hội ... thông qua".
 */
#include "structure.h"

#include <stdlib.h>
#include <string.h>

/* ---- lines ------------------------------------------------------------ */

typedef struct {
    const char *s;   /* line start */
    size_t len;      /* without "\r\n" / "\n" */
    size_t next;     /* offset of the following line */
} line_t;

static int next_line(const char *t, size_t len, size_t pos, line_t *ln)
{
    if (pos >= len) return 0;
    const char *nl = memchr(t + pos, '\n', len - pos);
    size_t end = nl ? (size_t)(nl - t) : len;
    ln->s = t + pos;
    ln->next = nl ? end + 1 : len;
    if (end > pos && t[end - 1] == '\r') end--;
    ln->len = end - pos;
    return 1;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Strip ASCII blanks and U+00A0 / U+FEFF at both ends of [*s, *s+*n). */
static void trim(const char **s, size_t *n)
{
    for (;;) {
        if (*n && is_space(**s)) { (*s)++; (*n)--; }
        else if (*n >= 2 && (unsigned char)(*s)[0] == 0xC2 && (unsigned char)(*s)[1] == 0xA0) { *s += 2; *n -= 2; }
        else if (*n >= 3 && memcmp(*s, "\xEF\xBB\xBF", 3) == 0) { *s += 3; *n -= 3; }
        else break;
    }
    for (;;) {
        if (*n && is_space((*s)[*n - 1])) (*n)--;
        else if (*n >= 2 && (unsigned char)(*s)[*n - 2] == 0xC2 && (unsigned char)(*s)[*n - 1] == 0xA0) *n -= 2;
        else break;
    }
}

static int has_prefix(const char *s, size_t n, const char *p)
{
    size_t pl = strlen(p);
    return n >= pl && memcmp(s, p, pl) == 0;
}

/* Length of the first matching prefix among ps (NULL-terminated), else 0. */
static size_t prefix_any(const char *s, size_t n, const char *const *ps)
{
    for (; *ps; ps++)
        if (has_prefix(s, n, *ps)) return strlen(*ps);
    return 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

/* ---- heading recognisers ----------------------------------------------- */

static const char *const kw_article[] = {"Điều ", "ĐIỀU ", "\xC3\x90iều ", NULL};
static const char *const kw_chapter[] = {"Chương ", "CHƯƠNG ", NULL};
static const char *const kw_section[] = {"Mục ", "MỤC ", NULL};
static const char *const kw_part[] = {"Phần thứ ", "PHẦN THỨ ", NULL};
static const char *const kw_stop[] = {"Nơi nhận", "NƠI NHẬN", "TM. ", "KT. ", "TM ", NULL};
static const char *const kw_closing[] = {"Luật này đã được", "Bộ luật này đã được",
                                         "Pháp lệnh này đã được", "Nghị quyết này đã được",
                                         NULL};

/* "Điều 5a. Heading" -> number [num, num+numlen), heading after it. */
static int parse_article_line(const char *s, size_t n, size_t *num_off, size_t *num_len,
                              size_t *head_off)
{
    size_t k = prefix_any(s, n, kw_article);
    if (!k) return 0;
    size_t i = k;
    while (i < n && s[i] == ' ') i++;
    size_t d = i;
    while (i < n && is_digit(s[i]) && i - d < 5) i++;
    if (i == d) return 0;
    if (i < n && is_lower_ascii(s[i])) i++;
    size_t ne = i;
    /* "Điều 5 của Luật này ..." at a line start is prose, not a heading */
    if (i < n && s[i] != '.' && s[i] != ':') return 0;
    if (i < n) i++;
    *num_off = d;
    *num_len = ne - d;
    while (i < n && s[i] == ' ') i++;
    *head_off = i;
    return 1;
}

/* Roman numeral (I V X L C) or arabic after "Chương " / "Mục "; returns the
 * end of the label, 0 when there is none. */
static size_t label_end(const char *s, size_t n, size_t i)
{
    size_t st = i;
    while (i < n && (strchr("IVXLC", s[i]) && s[i] != '\0')) i++;
    if (i == st)
        while (i < n && (is_digit(s[i]) || (i > st && is_lower_ascii(s[i])))) i++;
    if (i == st) return 0;
    if (i < n && s[i] != '.' && s[i] != ':' && s[i] != ' ' && s[i] != '-') return 0;
    return i;
}

/* ---- the body parser ---------------------------------------------------- */

typedef struct {
    ls_document *doc;
    char *part, *chapter, *section;   /* current heading path (owned) */
    ls_article *cur;                  /* article being filled */
    size_t text_start, text_end;      /* its text span in the body */
    ls_error *err;
} body_state;

/* "Chương I" + title -> "Chương I. TITLE" (or just the label). */
static ls_rc make_heading(char **field, const char *label, size_t llen, const char *title,
                          size_t tlen)
{
    while (llen && (label[llen - 1] == '.' || label[llen - 1] == ':' || label[llen - 1] == ' ')) llen--;
    while (tlen && (*title == '.' || *title == ':' || *title == '-' || *title == ' ')) { title++; tlen--; }
    size_t n = llen + (tlen ? 2 + tlen : 0);
    char *s = malloc(n + 1);
    if (!s) return LS_ERR_NOMEM;
    memcpy(s, label, llen);
    if (tlen) {
        memcpy(s + llen, ". ", 2);
        memcpy(s + llen + 2, title, tlen);
    }
    s[n] = '\0';
    free(*field);
    *field = s;
    return LS_OK;
}

static ls_rc finish_article(body_state *st, const char *body)
{
    ls_article *a = st->cur;
    if (!a) return LS_OK;
    st->cur = NULL;
    const char *s = body + st->text_start;
    size_t n = st->text_end > st->text_start ? st->text_end - st->text_start : 0;
    trim(&s, &n);
    ls_rc rc;
    if ((rc = ls_strset(&a->text, s, n))) return rc;
    a->text_len = n;
    if ((rc = ls_structure_parse_clauses(a, st->err))) return rc;
    return ls_references_find(a->text, a->text_len, &a->refs, &a->nrefs, st->err);
}

static ls_rc copy_path(char **dst, const char *src)
{
    return src ? ls_strset(dst, src, strlen(src)) : LS_OK;
}

static ls_rc start_article(body_state *st, const char *s, size_t numo, size_t numl,
                           size_t heado, size_t n)
{
    ls_article *a = ls_document_add_article(st->doc);
    if (!a) return LS_ERR_NOMEM;
    st->cur = a;
    ls_rc rc;
    if ((rc = ls_strset(&a->number, s + numo, numl))) return rc;
    const char *h = s + heado;
    size_t hl = n > heado ? n - heado : 0;
    trim(&h, &hl);
    if (hl && (rc = ls_strset(&a->heading, h, hl))) return rc;
    if ((rc = copy_path(&a->part, st->part)) || (rc = copy_path(&a->chapter, st->chapter)) ||
        (rc = copy_path(&a->section, st->section)))
        return rc;
    return LS_OK;
}

/* Preamble lines "Căn cứ ..." become document-level BASIS references. */
static ls_rc preamble_refs(ls_document *doc, const char *s, size_t n, ls_error *err)
{
    ls_cite *refs;
    size_t nr;
    ls_rc rc = ls_references_find(s, n, &refs, &nr, err);
    if (rc) return rc;
    if (!nr) { free(refs); return LS_OK; }
    ls_cite *g = realloc(doc->refs, (doc->nrefs + nr) * sizeof *g);
    if (!g) { ls_cites_free(refs, nr); return LS_ERR_NOMEM; }
    doc->refs = g;
    for (size_t i = 0; i < nr; i++) {
        refs[i].relation = LS_REL_BASIS;
        doc->refs[doc->nrefs++] = refs[i];
    }
    free(refs);
    return LS_OK;
}

/* Is this line (already trimmed) a title line following a bare "Chương I"?
 * Any non-empty line that is not itself a heading or an article. */
static int is_heading_start(const char *s, size_t n)
{
    size_t a, b, c;
    return parse_article_line(s, n, &a, &b, &c) || prefix_any(s, n, kw_chapter) ||
           prefix_any(s, n, kw_section) || prefix_any(s, n, kw_part);
}

/* A heading whose title may sit on the following line: returns the pos after
 * the consumed title line (or ln->next when the title is inline / absent). */
static ls_rc take_heading(char **field, const char *body, size_t len, const line_t *ln,
                          const char *s, size_t n, size_t lab_end, size_t *pos)
{
    const char *title = s + lab_end;
    size_t tl = n - lab_end;
    trim(&title, &tl);
    *pos = ln->next;
    if (tl == 0) {
        line_t nx;
        size_t p = ln->next;
        while (next_line(body, len, p, &nx)) {
            const char *ts = nx.s;
            size_t tn = nx.len;
            trim(&ts, &tn);
            if (tn == 0) { p = nx.next; continue; }
            if (!is_heading_start(ts, tn)) {
                title = ts;
                tl = tn;
                *pos = nx.next;
            }
            break;
        }
    }
    return make_heading(field, s, lab_end, title, tl);
}

ls_rc ls_structure_parse_body(ls_document *doc, const char *body, size_t len, ls_error *err)
{
    body_state st;
    memset(&st, 0, sizeof st);
    st.doc = doc;
    st.err = err;
    ls_rc rc = LS_OK;
    size_t pos = 0;
    line_t ln;
    while (rc == LS_OK && next_line(body, len, pos, &ln)) {
        const char *s = ln.s;
        size_t n = ln.len;
        trim(&s, &n);
        size_t numo, numl, heado, k;
        if (n == 0) { pos = ln.next; continue; }
        if (prefix_any(s, n, kw_stop) ||
            (st.cur && prefix_any(s, n, kw_closing) && memmem(s, n, "thông qua", 10))) {
            break;
        }
        if (parse_article_line(s, n, &numo, &numl, &heado)) {
            if ((rc = finish_article(&st, body))) break;
            if ((rc = start_article(&st, s, numo, numl, heado, n))) break;
            st.text_start = st.text_end = ln.next;
            pos = ln.next;
            continue;
        }
        if ((k = prefix_any(s, n, kw_part))) {
            size_t e = k;
            while (e < n && s[e] != ' ' && s[e] != '.' && s[e] != ':') e++;
            if ((rc = finish_article(&st, body))) break;
            rc = take_heading(&st.part, body, len, &ln, s, n, e, &pos);
            free(st.chapter); st.chapter = NULL;
            free(st.section); st.section = NULL;
            continue;
        }
        if ((k = prefix_any(s, n, kw_chapter)) && (k = label_end(s, n, k))) {
            if ((rc = finish_article(&st, body))) break;
            rc = take_heading(&st.chapter, body, len, &ln, s, n, k, &pos);
            free(st.section); st.section = NULL;
            continue;
        }
        if ((k = prefix_any(s, n, kw_section)) && (k = label_end(s, n, k))) {
            if ((rc = finish_article(&st, body))) break;
            rc = take_heading(&st.section, body, len, &ln, s, n, k, &pos);
            continue;
        }
        if (st.cur) {
            st.text_end = (size_t)(s + n - body);
        } else if (has_prefix(s, n, "Căn cứ") || has_prefix(s, n, "CĂN CỨ")) {
            rc = preamble_refs(doc, s, n, err);
        }
        pos = ln.next;
    }
    if (rc == LS_OK) rc = finish_article(&st, body);
    free(st.part);
    free(st.chapter);
    free(st.section);
    if (rc == LS_ERR_NOMEM) ls_error_set(err, rc, "out of memory");
    return rc;
}

/* ---- clauses and points --------------------------------------------------- */

/* "12." / "2a." followed by a blank: returns the number length, else 0. */
static size_t clause_label(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_digit(s[i]) && i < 3) i++;
    if (i == 0) return 0;
    size_t num = i;
    if (i < n && is_lower_ascii(s[i])) i++, num++;
    if (i < n && s[i] == '.' && (i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t' ||
                                 (unsigned char)s[i + 1] == 0xC2))
        return num;
    return 0;
}

/* "a)" / "đ)" / "a1)": returns the label length in bytes, else 0. */
static size_t point_label(const char *s, size_t n)
{
    size_t i;
    if (n >= 1 && is_lower_ascii(s[0])) i = 1;
    else if (n >= 2 && (unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x91) i = 2;  /* đ */
    else return 0;
    size_t st = i;
    while (i < n && is_digit(s[i]) && i - st < 2) i++;
    return i < n && s[i] == ')' ? i : 0;
}

static void free_clauses(ls_article *a)
{
    for (size_t i = 0; i < a->nclauses; i++) {
        free(a->clauses[i].number);
        for (size_t j = 0; j < a->clauses[i].npoints; j++) free(a->clauses[i].points[j].label);
        free(a->clauses[i].points);
    }
    free(a->clauses);
    a->clauses = NULL;
    a->nclauses = 0;
}

static ls_rc add_clause(ls_article *a, size_t *cap, const char *num, size_t nl, size_t start)
{
    if (a->nclauses == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        ls_clause *g = realloc(a->clauses, nc * sizeof *g);
        if (!g) return LS_ERR_NOMEM;
        a->clauses = g;
        *cap = nc;
    }
    ls_clause *c = &a->clauses[a->nclauses];
    memset(c, 0, sizeof *c);
    c->start = c->end = start;
    a->nclauses++;
    return ls_strset(&c->number, num, nl);
}

static ls_rc add_point(ls_clause *c, const char *lbl, size_t ll, size_t start)
{
    /* points per clause are few: grow by one, amortised by realloc */
    ls_point *g = realloc(c->points, (c->npoints + 1) * sizeof *g);
    if (!g) return LS_ERR_NOMEM;
    c->points = g;
    ls_point *p = &c->points[c->npoints];
    memset(p, 0, sizeof *p);
    p->start = p->end = start;
    c->npoints++;
    return ls_strset(&p->label, lbl, ll);
}

ls_rc ls_structure_parse_clauses(ls_article *a, ls_error *err)
{
    free_clauses(a);
    const char *t = a->text;
    size_t len = t ? a->text_len : 0;
    size_t pos = 0, cap = 0;
    line_t ln;
    ls_rc rc = LS_OK;
    while (rc == LS_OK && next_line(t, len, pos, &ln)) {
        const char *s = ln.s;
        size_t n = ln.len;
        trim(&s, &n);
        size_t off = (size_t)(s - t), end = off + n, k;
        pos = ln.next;
        if (n == 0) continue;
        if ((k = clause_label(s, n))) {
            rc = add_clause(a, &cap, s, k, off);
        } else if (a->nclauses && (k = point_label(s, n))) {
            rc = add_point(&a->clauses[a->nclauses - 1], s, k, off);
        }
        /* extend the open clause and point to the end of this line */
        if (rc == LS_OK && a->nclauses) {
            ls_clause *c = &a->clauses[a->nclauses - 1];
            c->end = end;
            if (c->npoints) c->points[c->npoints - 1].end = end;
        }
    }
    if (rc) {
        free_clauses(a);
        return ls_error_set(err, rc, "out of memory");
    }
    return LS_OK;
}
