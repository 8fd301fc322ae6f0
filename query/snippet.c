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
    unsigned *seen;       /* per question term: the region_score call that saw it */
    unsigned call;
} collect;

static int add_match(collect *c, size_t start, size_t end, size_t term)
{
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
    c->m[c->n++] = (match){start, end, term};
    return 0;
}

/* a word of the text: the first question term (no filler) it is */
static int on_token(void *vctx, const ls_token *tok)
{
    collect *c = vctx;
    const ls_plan *plan = c->plan;
    for (size_t i = 0; i < plan->nterms; i++) {
        const ls_qterm *t = &plan->terms[i];
        if (t->filler || !ls_plan_term_matches(plan, t, tok)) continue;
        return add_match(c, tok->start, tok->end, i);
    }
    return 0;
}

/* The same from the body's tokens in its cover record. */
static ls_rc collect_from_record(collect *c, const ls_cover *rec, size_t len)
{
    const ls_plan *plan = c->plan;
    size_t *first = malloc((rec->nwords ? rec->nwords : 1) * sizeof *first);
    uint32_t *keys = malloc((plan->nterms ? plan->nterms : 1) * sizeof *keys);
    if (!first || !keys) c->failed = 1;
    for (size_t i = 0; !c->failed && i < plan->nterms; i++)
        keys[i] = ls_plan_term_key(plan, &plan->terms[i]);
    for (size_t w = 0; !c->failed && w < rec->nwords; w++) { /* each token's first term */
        uint32_t key = ls_plan_word_key(plan, &rec->keys[2 * w]);
        first[w] = plan->nterms;
        for (size_t i = 0; i < plan->nterms && first[w] == plan->nterms; i++)
            if (!plan->terms[i].filler && keys[i] == key) first[w] = i;
    }
    const uint32_t *tok = rec->tokens[LS_COVER_BODY];
    for (size_t k = 0; !c->failed && k < rec->ntokens[LS_COVER_BODY]; k++) {
        size_t start = rec->spans[2 * k], end = rec->spans[2 * k + 1];
        if (end > len) break; /* not this text's record */
        if (first[tok[k] - 1] < plan->nterms) add_match(c, start, end, first[tok[k] - 1]);
    }
    free(first);
    free(keys);
    return LS_OK;
}

/* distinct question terms matched in [lo, hi) plus a little per repeat */
static double region_score(collect *c, size_t lo, size_t hi)
{
    double score = 0;
    c->call++;
    for (size_t i = 0; i < c->n; i++) {
        if (c->m[i].start < lo || c->m[i].end > hi) continue;
        unsigned *seen = &c->seen[c->m[i].term];
        score += *seen == c->call ? 0.1 : 1.0;
        *seen = c->call;
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

static void choose_window(collect *c, const char *text, size_t lo, size_t hi,
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

ls_rc ls_snippet_make(const ls_plan *plan, const ls_passage *p, const ls_cover *rec,
                      size_t max_bytes, char **snippet, char **clause, ls_error *err)
{
    *snippet = NULL;
    *clause = NULL;
    const char *text = p->text ? p->text : "";
    size_t len = p->text ? p->text_len : 0;
    collect c = {.plan = plan, .seen = calloc(plan->nterms ? plan->nterms : 1, sizeof *c.seen)};
    ls_rc rc = !c.seen ? LS_OK
             : rec     ? collect_from_record(&c, rec, len)
                       : ls_tokenize(text, len, LS_TOKENIZE_DOCUMENT, on_token, &c, err);
    if (!rc && (c.failed || !c.seen)) rc = ls_error_set(err, LS_ERR_NOMEM, "snippet: out of memory");
    if (rc) {
        free(c.m);
        free(c.seen);
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
    free(c.seen);
    if (rc) {
        ls_buf_free(&out);
        free(*clause);
        *clause = NULL;
        return ls_error_set(err, rc, "snippet: %s", ls_strerror(rc));
    }
    *snippet = ls_buf_detach(&out);
    return LS_OK;
}
