/* confidence.c — the confidence that the first hit answers (confidence.h). */
#include "confidence.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../format/cite_keys.h"
#include "../format/doc_links.h"
#include "../format/schema.h"
#include "word_stats.h"

const char *const ls_confidence_feature_names[LS_CF_N] = {
    "top",   "gap",   "gap5", "cover", "hcover", "pcover",   "hprec",
    "norm",  "words", "cited", "ndoc", "same",   "gap10", "unheld"};

/* Fitted by bench/fit-confidence (see bench/confidence.md): intercept,
 * then one weight per feature in enum order. The log loss of "first hit
 * right" gives their direction; their scale and shift minimise the log
 * loss on the questions the index can answer plus 2 x the summed
 * confidence of those it cannot (their mean is what the issue bounds). */
static const double intercept = -5.5828;
static const double weight[LS_CF_N] = { 0.1786,  3.1107,  3.9153, -2.4577, -0.7704,
                                        3.2476,  1.5962,  0.0941,  0.0053,  1.2189,
                                       -0.9660,  1.5234,  3.1015, -3.2853};

/* Fitted by bench/fit-procedure-confidence (bench/confidence.md): the
 * same features when hit 1 is a procedure's card (the same form of fit,
 * with 1 x the law questions' confidence). */
static const double proc_intercept = -2.3859;
static const double proc_weight[LS_CF_N] = {1.2736, 1.7335, 0.0000, -0.3285, 0.0000,
                                            0.0000, 2.1548, 0.0000, -2.1039, 0.0000,
                                            0.0000, 0.0000, 0.0000, 0.0000};

#define TERMS_MAX 64

typedef struct cover_ctx {
    const ls_plan *plan;
    size_t idx[TERMS_MAX];   /* the plan's content words */
    uint32_t key[TERMS_MAX]; /* each one's key (ls_plan_term_key) */
    double idf[TERMS_MAX];
    uint64_t pairs;          /* bit k: idx[k], idx[k + 1] are a pair (plan.h) */
    size_t n;
} cover_ctx;

/* One field of hit 1's cover record (masks[w]: the content words distinct
 * token w is): the rarity-weighted share of the content words it holds
 * (into *cover), of the pairs it holds adjacent (*pcover, -1 without
 * pairs) and of its words that the question has (*prec). */
static void read_field(const cover_ctx *c, const ls_cover *rec, const uint64_t *masks, int field,
                       double *cover, double *pcover, double *prec)
{
    uint64_t seen = 0, pair_seen = 0, prev = 0;
    size_t words = 0, matched = 0;
    for (size_t i = 0; i < rec->ntokens[field]; i++) {
        uint32_t t = rec->tokens[field][i] - 1;
        if (rec->nonword[t]) { /* a number, date or reference: breaks adjacency */
            prev = 0;
            continue;
        }
        uint64_t cur = masks[t];
        seen |= cur;
        pair_seen |= prev & cur >> 1 & c->pairs;
        words++;
        if (cur) matched++;
        prev = cur;
    }
    double got = 0, all = 0;
    for (size_t k = 0; k < c->n; k++) {
        all += c->idf[k];
        if (seen >> k & 1) got += c->idf[k];
    }
    int npairs = 0, npairs_got = 0;
    for (uint64_t p = c->pairs; p; p &= p - 1) npairs++;
    for (uint64_t p = pair_seen; p; p &= p - 1) npairs_got++;
    *cover = all > 0 ? got / all : 0;
    if (pcover) *pcover = npairs ? (double)npairs_got / npairs : -1;
    if (prec) *prec = words ? (double)matched / (double)words : 0;
}

/* The coverage features from hit 1's cover record: its body and its
 * heading, read as keys (no text is analysed again). */
static void read_first(const cover_ctx *c, const ls_cover *rec, ls_confidence_features *f)
{
    uint64_t stack[512] = {0}; /* (gcc cannot see word_masks fill it) */
    uint64_t *masks = rec->nwords <= 512 ? stack : malloc(rec->nwords * sizeof *masks);
    if (!masks) return; /* out of memory: no coverage */
    ls_word_masks(c->plan, rec, c->key, c->n, masks); /* the content words each token is */
    double pcover = 0;
    read_field(c, rec, masks, LS_COVER_BODY, &f->x[LS_CF_COVER], &pcover, NULL);
    f->x[LS_CF_PCOVER] = pcover < 0 ? f->x[LS_CF_COVER] : pcover; /* no pairs: the words */
    read_field(c, rec, masks, LS_COVER_HEADING, &f->x[LS_CF_HCOVER], NULL, &f->x[LS_CF_HPREC]);
    if (masks != stack) free(masks);
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

/* 1 when document id's title or preamble (its stored links, format/
 * doc_links.h) says it details or guides a document, cited by number, that
 * the index does not hold (the rule of a held document: its XDOC term, as
 * search.c asks): what the question asks may be in that document. */
static int details_unheld(xc_db *db, const char *id)
{
    if (!db || !id) return 0;
    char key[600], term[600];
    snprintf(key, sizeof key, "%s%s", LS_METADATA_LINKS, id);
    char *lines = NULL;
    ls_error err = {0};
    if (ls_cite_key_get(db, key, &lines, &err)) return 0;
    int unheld = 0;
    for (const char *p = lines; !unheld && *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        ls_cite c;
        ls_relation kind;
        if (ls_doc_links_decode(p, end, &c, &kind) && kind == LS_REL_GUIDES && c.doc_number) {
            unsigned tf = 0;
            xc_err xe;
            snprintf(term, sizeof term, "%s%s", LS_PREFIX_DOC, c.doc_number);
            unheld = !xc_db_termfreq(db, term, &tf, &xe) && tf == 0;
        }
        ls_cite_clear(&c);
        p = nl ? nl + 1 : end;
    }
    free(lines);
    return unheld;
}

void ls_confidence_features_of(xc_db *db, const ls_plan *plan, const ls_confidence_head *head,
                               const ls_passage *first, const ls_cover *first_rec,
                               int cited_found, ls_confidence_features *f)
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
        c.key[c.n] = ls_plan_term_key(plan, t);
        c.idf[c.n++] = ls_word_idf(plan, t, db, (double)ndocs);
    }
    double idf_sum = 0;
    for (size_t k = 0; k < c.n; k++) {
        idf_sum += c.idf[k];
        if (k + 1 < c.n && c.idx[k + 1] == c.idx[k] + 1 && ls_plan_is_pair(plan, c.idx[k]))
            c.pairs |= UINT64_C(1) << k;
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
    if (first) f->procedure = first->procedure != NULL;
    if (first_rec) read_first(&c, first_rec, f);
    read_head(head, f);
    f->x[LS_CF_UNHELD] = details_unheld(db, head->first_doc);
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
