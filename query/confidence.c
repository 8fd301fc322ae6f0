/* confidence.c — the confidence that the first hit answers (confidence.h). */
#include "confidence.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../format/schema.h"
#include "../text/analyser.h"

const char *const ls_confidence_feature_names[LS_CF_N] = {
    "top",   "gap",   "gap5", "cover", "hcover", "pcover",   "hprec",
    "norm",  "words", "cited", "ndoc", "same",   "gap10"};

/* Fitted by bench/fit-confidence (see bench/confidence.md): intercept,
 * then one weight per feature in enum order. */
static const double intercept = -3.5055;
static const double weight[LS_CF_N] = { 0.0277,  2.7494,  2.7025, -1.1895, -0.5069,
                                        1.8434,  1.4661,  0.0814,  0.1033,  0.8527,
                                       -1.7077,  0.3100,  1.8588};

/* Fitted by bench/fit-procedure-confidence (bench/confidence.md): the
 * same features when hit 1 is a procedure's card. */
static const double proc_intercept = -1.4949;
static const double proc_weight[LS_CF_N] = {1.2032, 1.4958, 0.0000, -0.4889, 0.0000,
                                            0.0000, 1.8912, 0.0000, -2.3642, 0.0000,
                                            0.0000, 0.0000, 0.0000};

#define TERMS_MAX 64

typedef struct cover_ctx {
    const ls_plan *plan;
    size_t idx[TERMS_MAX];   /* the plan's content words */
    double idf[TERMS_MAX];
    int pair[TERMS_MAX];     /* idx[k], idx[k + 1] are a pair (plan.h) */
    size_t n;
    /* per text read */
    int seen[TERMS_MAX], pair_seen[TERMS_MAX];
    uint64_t prev;           /* the content words the previous word was */
    size_t words, matched;   /* its words, and those the question has */
} cover_ctx;

static int on_token(void *vctx, const ls_token *tok)
{
    cover_ctx *c = vctx;
    uint64_t cur = 0;
    for (size_t k = 0; k < c->n; k++)
        if (ls_plan_term_matches(c->plan, &c->plan->terms[c->idx[k]], tok)) {
            cur |= (uint64_t)1 << k;
            c->seen[k] = 1;
            if (k > 0 && c->pair[k - 1] && (c->prev >> (k - 1) & 1)) c->pair_seen[k - 1] = 1;
        }
    if (tok->kind == LS_TOKEN_WORD) {
        c->words++;
        if (cur) c->matched++;
    }
    c->prev = cur;
    return 0;
}

/* Read text: the rarity-weighted share of the content words it holds (into
 * *cover), of the pairs it holds adjacent (*pcover, -1 without pairs) and
 * of its words that the question has (*prec). */
static void read_text(cover_ctx *c, const char *text, size_t len, double *cover, double *pcover,
                      double *prec)
{
    memset(c->seen, 0, sizeof c->seen);
    memset(c->pair_seen, 0, sizeof c->pair_seen);
    c->prev = 0;
    c->words = c->matched = 0;
    if (text && len) ls_tokenize(text, len, LS_TOKENIZE_DOCUMENT, on_token, c, NULL);
    double got = 0, all = 0, pairs = 0, pairs_got = 0;
    for (size_t k = 0; k < c->n; k++) {
        all += c->idf[k];
        if (c->seen[k]) got += c->idf[k];
        if (c->pair[k]) {
            pairs++;
            pairs_got += c->pair_seen[k];
        }
    }
    *cover = all > 0 ? got / all : 0;
    if (pcover) *pcover = pairs ? pairs_got / pairs : -1;
    if (prec) *prec = c->words ? (double)c->matched / (double)c->words : 0;
}

static double idf_of(xc_db *db, const ls_plan *plan, const ls_qterm *t, double ndocs)
{
    char term[300];
    snprintf(term, sizeof term, "%s%s", plan->any_marks ? "" : LS_PREFIX_FOLDED,
             plan->any_marks ? t->term : t->folded);
    unsigned tf = 0;
    xc_err xe;
    if (!db) return 1; /* no index: every word weighs alike */
    if (xc_db_termfreq(db, term, &tf, &xe)) tf = 0;
    return log((ndocs + 1) / ((double)tf + 1));
}

/* How far the head's documents agree: a question whose answer the index
 * holds tends to draw several articles of one document (the answer and its
 * neighbours); one whose answer is missing, scattered documents
 * (bench/confidence.md). */
static void read_head(const ls_confidence_head *h, ls_confidence_features *f)
{
    size_t n = h->n < LS_CF_HEAD ? h->n : LS_CF_HEAD;
    size_t distinct = 0, same = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < i && !(h->doc[k] && h->doc[k] == h->doc[i])) k++;
        if (k == i) distinct++;
        if (i > 0 && h->doc[0] && h->doc[i] == h->doc[0]) same++;
    }
    f->x[LS_CF_NDOC] = (double)distinct / LS_CF_HEAD;
    f->x[LS_CF_SAME] = n > 1 ? (double)same / (double)(n - 1) : 0;
    f->x[LS_CF_GAP10] = h->score[0] > 0 ? (h->score[0] - h->score[n - 1]) / h->score[0] : 0;
}

void ls_confidence_features_of(xc_db *db, const ls_plan *plan, const ls_confidence_head *head,
                               const ls_passage *first, int cited_found,
                               ls_confidence_features *f)
{
    memset(f, 0, sizeof *f); /* missing is the caller's to set */
    size_t n = head->n < LS_CF_HEAD ? head->n : LS_CF_HEAD;
    const double *scores = head->score;
    f->nhits = (int)n;
    cover_ctx c = {.plan = plan};
    unsigned ndocs = 0;
    xc_err xe;
    if (db && xc_db_doccount(db, &ndocs, &xe)) ndocs = 0;
    for (size_t i = 0; i < plan->nterms && c.n < TERMS_MAX; i++) {
        const ls_qterm *t = &plan->terms[i];
        if (t->filler || t->expansion || t->kind != LS_TOKEN_WORD) continue;
        c.idx[c.n] = i;
        c.idf[c.n++] = idf_of(db, plan, t, (double)ndocs);
    }
    double idf_sum = 0;
    for (size_t k = 0; k < c.n; k++) {
        idf_sum += c.idf[k];
        c.pair[k] = k + 1 < c.n && c.idx[k + 1] == c.idx[k] + 1 && ls_plan_is_pair(plan, c.idx[k]);
    }
    f->x[LS_CF_WORDS] = log1p((double)c.n);
    f->x[LS_CF_CITED] = cited_found ? 1 : 0;
    if (n == 0) return;
    double s1 = scores[0] > 0 ? scores[0] : 0;
    f->x[LS_CF_TOP] = log1p(s1);
    f->x[LS_CF_NORM] = idf_sum > 0 ? s1 / idf_sum : 0;
    if (s1 > 0) {
        f->x[LS_CF_GAP] = n > 1 ? (s1 - scores[1]) / s1 : 1;
        f->x[LS_CF_GAP5] = n > 4 ? (s1 - scores[4]) / s1 : 1;
    }
    if (first) {
        f->procedure = first->procedure != NULL;
        double pcover = 0;
        read_text(&c, first->text, first->text_len, &f->x[LS_CF_COVER], &pcover, NULL);
        f->x[LS_CF_PCOVER] = pcover < 0 ? f->x[LS_CF_COVER] : pcover; /* no pairs: the words */
        if (first->heading)
            read_text(&c, first->heading, strlen(first->heading), &f->x[LS_CF_HCOVER], NULL,
                      &f->x[LS_CF_HPREC]);
    }
    read_head(head, f);
}

double ls_confidence_of(const ls_confidence_features *f)
{
    if (f->nhits == 0) return 0;
    const double *w = f->procedure ? proc_weight : weight;
    double z = f->procedure ? proc_intercept : intercept;
    for (size_t i = 0; i < LS_CF_N; i++) z += w[i] * f->x[i];
    double p = 1 / (1 + exp(-z));
    if (f->missing) p *= 0.02; /* what it cites is not there: near 0 */
    return p;
}
