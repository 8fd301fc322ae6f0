/* rerank.c — rescales first-stage scores by question coverage (rerank.h).
 * Coverage is read from the candidate's own text with the shared analyser
 * (heading, document title and body, the fields the index holds), so it
 * costs the same whether the index is local or behind Xapian's remote
 * protocol: no term lists are fetched. */
#include "rerank.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TERMS 64 /* question terms followed for coverage */

typedef struct cover_ctx {
    const ls_plan *plan;
    size_t nterms;                /* min(plan->nterms, MAX_TERMS) */
    uint64_t is_word;             /* question terms that count */
    uint64_t pair_starts;         /* i such that (i, i+1) is a question pair */
    uint64_t seen_words, seen_pairs, seen_heading_pairs;
    uint64_t prev;                /* question terms the previous word matched */
    int field;                    /* FIELD_BODY, FIELD_HEADING or FIELD_TITLE */
    unsigned heading_words;       /* words of the article's heading */
    unsigned heading_matched;     /* of them, words the question holds */
} cover_ctx;

enum { FIELD_BODY, FIELD_HEADING, FIELD_TITLE };

static int popcount64(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1) n++;
    return n;
}

static int on_token(void *vctx, const ls_token *tok)
{
    cover_ctx *c = vctx;
    if (tok->kind != LS_TOKEN_WORD) {
        c->prev = 0;
        return 0;
    }
    uint64_t any = 0; /* question terms this word is, fillers included */
    for (size_t i = 0; i < c->nterms; i++) {
        const ls_qterm *t = &c->plan->terms[i];
        if (!t->expansion && ls_plan_term_matches(c->plan, t, tok)) any |= UINT64_C(1) << i;
    }
    uint64_t now = any & c->is_word;
    uint64_t pairs = (c->prev << 1 & now) >> 1 & c->pair_starts;
    c->seen_words |= now;
    c->seen_pairs |= pairs;
    if (c->field != FIELD_BODY) c->seen_heading_pairs |= pairs;
    if (c->field == FIELD_HEADING) {
        c->heading_words++;
        if (any) c->heading_matched++;
    }
    c->prev = now;
    return 0;
}

static void read_field(cover_ctx *c, const char *text, int field)
{
    if (!text || !*text) return;
    c->prev = 0;
    c->field = field;
    ls_tokenize(text, strlen(text), LS_TOKENIZE_DOCUMENT, on_token, c, NULL);
}

/* The question's content words and adjacent content pairs, as the query
 * builder (build.c) asks for them. */
static void question_shape(const ls_plan *plan, cover_ctx *c)
{
    c->plan = plan;
    c->nterms = plan->nterms < MAX_TERMS ? plan->nterms : MAX_TERMS;
    for (size_t i = 0; i < c->nterms; i++) {
        const ls_qterm *t = &plan->terms[i];
        if (t->filler || t->expansion) continue;
        c->is_word |= UINT64_C(1) << i;
        if (i + 1 < c->nterms && ls_plan_is_pair(plan, i) && !plan->terms[i + 1].expansion)
            c->pair_starts |= UINT64_C(1) << i;
    }
}

static double share(uint64_t seen, uint64_t of)
{
    int n = popcount64(of);
    return n ? (double)popcount64(seen & of) / n : 0;
}

#define MAX_KEEP 64 /* beyond this many shown places, every candidate is read */

/* Insert score into top[0..*n) (best first, at most keep); the keep-th best
 * once there are keep of them, else -1. */
static double note_score(double *top, size_t *n, size_t keep, double score)
{
    size_t j;
    if (*n < keep) j = (*n)++;
    else if (top[keep - 1] >= score) return top[keep - 1];
    else j = keep - 1;
    while (j > 0 && top[j - 1] < score) {
        top[j] = top[j - 1];
        j--;
    }
    top[j] = score;
    return *n == keep ? top[keep - 1] : -1;
}

/* kth < 0: no bound yet (or none kept) */
static int cannot_reach(double score, double most_gain, double kth)
{
    return kth >= 0 && score * most_gain < kth;
}

/* Rescale one candidate by its coverage of the question, unless its heading
 * and title already show it cannot reach kth: the body (the costly part)
 * adds at most 1 to coverage. */
static void rescale(const cover_ctx *shape, const ls_weights *w, double kth, ls_candidate *cand)
{
    const ls_passage *p = cand->passage;
    if (!p) return; /* unreadable: it keeps its first-stage score */
    cover_ctx c = *shape;
    read_field(&c, p->heading, FIELD_HEADING);
    read_field(&c, p->doc_title, FIELD_TITLE);
    double heading_precision = c.heading_words ? (double)c.heading_matched / c.heading_words : 0;
    double heading_part = w->heading_cover * share(c.seen_heading_pairs, c.pair_starts) +
                          w->heading_precision * heading_precision;
    if (cannot_reach(cand->score, 1 + w->cover * (1 + heading_part), kth)) return;
    read_field(&c, p->text, FIELD_BODY);
    double words = share(c.seen_words, c.is_word);
    double pairs = c.pair_starts ? share(c.seen_pairs, c.pair_starts) : words;
    cand->coverage = (words + pairs) / 2 + heading_part;
    cand->score *= 1 + w->cover * cand->coverage;
}

void ls_rerank_by_coverage(const ls_plan *plan, const ls_weights *w, size_t depth, size_t keep,
                           ls_candidate *cands, size_t n, ls_candidate_loader load, void *ctx)
{
    cover_ctx shape = {0};
    question_shape(plan, &shape);
    if (w->cover <= 0 || !shape.is_word) return;
    if (depth > n) depth = n;
    if (keep > MAX_KEEP) keep = 0; /* no bound: every candidate is read */
    /* no candidate gains more than this; candidates come in first-stage
     * order, so once one cannot reach the keep-th best, none after can */
    double most_gain = 1 + w->cover * (1 + w->heading_cover + w->heading_precision);
    double top[MAX_KEEP], kth = -1;
    size_t ntop = 0;
    for (size_t i = 0; i < depth; i++) {
        if (cannot_reach(cands[i].score, most_gain, kth)) {
            depth = i; /* the rest keep their first-stage scores, below the shown places */
            break;
        }
        if (!cands[i].passage && load) load(ctx, i, &cands[i]);
        rescale(&shape, w, kth, &cands[i]);
        if (keep) kth = note_score(top, &ntop, keep, cands[i].score);
    }
    /* stable insertion sort of the reranked block, best first */
    for (size_t i = 1; i < depth; i++) {
        ls_candidate c = cands[i];
        size_t j = i;
        while (j > 0 && cands[j - 1].score < c.score) {
            cands[j] = cands[j - 1];
            j--;
        }
        cands[j] = c;
    }
}
