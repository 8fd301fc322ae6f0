/* snippet.c — pick the best clause (or window) of a passage and mark the
 * question's words in it, using the shared analyser on the passage text so
 * what is marked is exactly what matched. */
#include "snippet.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "search.h"

typedef struct match {
    size_t start, end;
    size_t term;          /* index into plan->terms */
} match;

typedef struct collect {
    const ls_plan *plan;
    match *m;
    size_t n, cap;
    int failed;
} collect;

static int on_token(void *vctx, const ls_token *tok)
{
    collect *c = vctx;
    const ls_plan *plan = c->plan;
    for (size_t i = 0; i < plan->nterms; i++) {
        const ls_qterm *t = &plan->terms[i];
        if (t->filler || !ls_plan_term_matches(plan, t, tok)) continue;
        if (c->n == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 32;
            match *grown = realloc(c->m, cap * sizeof *grown);
            if (!grown) {
                c->failed = 1;
                return 1;
            }
            c->m = grown;
            c->cap = cap;
        }
        c->m[c->n++] = (match){tok->start, tok->end, i};
        break;
    }
    return 0;
}

/* distinct question terms matched in [lo, hi) plus a little per repeat */
static double region_score(const collect *c, size_t lo, size_t hi)
{
    double score = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->m[i].start < lo || c->m[i].end > hi) continue;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = c->m[j].term == c->m[i].term && c->m[j].start >= lo && c->m[j].end <= hi;
        score += seen ? 0.1 : 1.0;
    }
    return score;
}

/* move a cut point to a space (never inside a UTF-8 sequence or a word) */
static size_t snap_back(const char *text, size_t lo, size_t pos)
{
    size_t p = pos;
    while (p > lo && text[p - 1] != ' ' && text[p - 1] != '\n') p--;
    if (p == lo) { /* no space: at least keep UTF-8 whole */
        p = pos;
        while (p > lo && ((unsigned char)text[p] & 0xC0) == 0x80) p--;
    }
    return p;
}

static void choose_window(const collect *c, const char *text, size_t lo, size_t hi,
                          size_t max_bytes, size_t *wlo, size_t *whi)
{
    *wlo = lo;
    *whi = hi;
    if (hi - lo <= max_bytes) return;
    double best = -1;
    size_t best_lo = lo;
    for (size_t i = 0; i < c->n; i++) {
        if (c->m[i].start < lo || c->m[i].start >= hi) continue;
        /* start a little before the match for context */
        size_t start = c->m[i].start > lo + 40 ? c->m[i].start - 40 : lo;
        size_t end = start + max_bytes < hi ? start + max_bytes : hi;
        double s = region_score(c, start, end);
        if (s > best) {
            best = s;
            best_lo = start;
        }
    }
    *wlo = best_lo == lo ? lo : snap_back(text, lo, best_lo);
    size_t end = *wlo + max_bytes < hi ? *wlo + max_bytes : hi;
    *whi = end == hi ? hi : snap_back(text, *wlo, end);
    if (*whi <= *wlo) *whi = end;
}

static ls_rc emit(const collect *c, const char *text, size_t lo, size_t hi, size_t full_lo,
                  size_t full_hi, ls_buf *out)
{
    ls_rc rc = LS_OK;
    if (lo > full_lo) rc = ls_buf_puts(out, "… ");
    size_t at = lo;
    for (size_t i = 0; i < c->n && !rc; i++) {
        const match *m = &c->m[i];
        if (m->start < lo || m->end > hi || m->start < at) continue;
        rc = ls_buf_append(out, text + at, m->start - at);
        if (!rc) rc = ls_buf_puts(out, LS_MARK_OPEN);
        if (!rc) rc = ls_buf_append(out, text + m->start, m->end - m->start);
        if (!rc) rc = ls_buf_puts(out, LS_MARK_CLOSE);
        at = m->end;
    }
    if (!rc) rc = ls_buf_append(out, text + at, hi - at);
    if (!rc && hi < full_hi) rc = ls_buf_puts(out, " …");
    for (size_t i = 0; !rc && i < out->len; i++)
        if (out->data[i] == '\n' || out->data[i] == '\r' || out->data[i] == '\t')
            out->data[i] = ' ';
    return rc;
}

ls_rc ls_snippet_make(const ls_plan *plan, const ls_passage *p, size_t max_bytes,
                      char **snippet, char **clause, ls_error *err)
{
    *snippet = NULL;
    *clause = NULL;
    const char *text = p->text ? p->text : "";
    size_t len = p->text ? p->text_len : 0;
    collect c = {.plan = plan};
    ls_rc rc = ls_tokenize(text, len, LS_TOKENIZE_DOCUMENT, on_token, &c, err);
    if (!rc && c.failed) rc = ls_error_set(err, LS_ERR_NOMEM, "snippet: out of memory");
    if (rc) {
        free(c.m);
        return rc;
    }
    size_t lo = 0, hi = len;
    const ls_clause_span *best_clause = NULL;
    double best = 0;
    for (size_t i = 0; i < p->nclauses; i++) {
        double s = region_score(&c, p->clauses[i].start, p->clauses[i].end);
        if (s > best) {
            best = s;
            best_clause = &p->clauses[i];
        }
    }
    if (best_clause) {
        lo = best_clause->start;
        hi = best_clause->end;
        if (best_clause->number && !(*clause = strdup(best_clause->number))) rc = LS_ERR_NOMEM;
    }
    size_t wlo, whi;
    choose_window(&c, text, lo, hi, max_bytes, &wlo, &whi);
    ls_buf out = LS_BUF_INIT;
    if (!rc) rc = emit(&c, text, wlo, whi, 0, len, &out);
    free(c.m);
    if (rc) {
        ls_buf_free(&out);
        free(*clause);
        *clause = NULL;
        return ls_error_set(err, rc, "snippet: %s", ls_strerror(rc));
    }
    *snippet = ls_buf_detach(&out);
    return LS_OK;
}
