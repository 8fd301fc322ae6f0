/* rerank.c — rescales first-stage scores by question coverage (rerank.h).
 * Coverage is read from the candidate's cover record (the words of its
 * heading, document title and body as keys, format/cover_record.h), made
 * when it was indexed: integer compares, no ICU and no JSON per question,
 * and the same cost whether the index is local or behind Xapian's remote
 * protocol (no term lists are fetched). */
#include "rerank.h"
#include "answer_type.h"
#include "defines.h"
#include "roles.h"
#include "scope.h"
#include "word_stats.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TERMS 64 /* question terms followed for coverage */

typedef struct cover_ctx {
    const ls_plan *plan;
    size_t nterms;                /* min(plan->nterms, MAX_TERMS) */
    uint32_t keys[MAX_TERMS];     /* each term's key (ls_plan_term_key) */
    double weight[MAX_TERMS];     /* each counted word's weight in coverage: its idf */
    uint64_t counted;             /* terms that can match (not expansions) */
    uint64_t is_word;             /* question terms that count */
    uint64_t pair_starts;         /* i such that (i, i+1) is a question pair */
    uint64_t seen_words, seen_pairs, seen_heading_pairs;
    int roles;                    /* the roles the question asks about (roles.h) */
    int answer_types;             /* the kinds of answer it asks for (answer_type.h) */
    uint64_t before_la, after_la; /* its terms next to a "là" (defines.h) */
    double most_factor;           /* the largest heading factor (scope.h, roles.h) */
    unsigned heading_words;       /* words of the article's heading */
    unsigned heading_matched;     /* of them, words the question holds */
} cover_ctx;

static int popcount64(uint64_t x)
{
    int n = 0;
    for (; x; x &= x - 1) n++;
    return n;
}

/* masks[w]: the counted question terms (fillers included) that token w
 * of rec is */
static void word_masks(const cover_ctx *c, const ls_cover *rec, uint64_t *masks)
{
    ls_word_masks(c->plan, rec, c->keys, c->nterms, masks);
    for (size_t w = 0; w < rec->nwords; w++) masks[w] &= c->counted;
}

static void read_field(cover_ctx *c, const ls_cover *rec, const uint64_t *masks, int field)
{
    uint64_t prev = 0; /* question terms the previous word matched */
    const uint32_t *tok = rec->tokens[field];
    for (size_t k = 0; k < rec->ntokens[field]; k++) {
        if (rec->nonword[tok[k] - 1]) { /* not a word: breaks adjacency */
            prev = 0;
            continue;
        }
        uint64_t any = masks[tok[k] - 1];
        uint64_t now = any & c->is_word;
        uint64_t pairs = (prev << 1 & now) >> 1 & c->pair_starts;
        c->seen_words |= now;
        c->seen_pairs |= pairs;
        if (field != LS_COVER_BODY) c->seen_heading_pairs |= pairs;
        if (field == LS_COVER_HEADING) {
            c->heading_words++;
            if (any) c->heading_matched++;
        }
        prev = now;
    }
}

/* How much a question word tells which passage answers: its idf over the
 * whole index (db, every shard of a set alike; the folded twin for a
 * question without diacritics, as build.c asks), at least 0.1; 1 for all
 * without db or when w->cover_idf is 0. */
static double word_weight(const ls_plan *plan, const ls_weights *w, xc_db *db, double ndocs,
                          const ls_qterm *t)
{
    if (w->cover_idf <= 0 || !db || ndocs <= 0) return 1;
    double idf = ls_word_idf(plan, t, db, ndocs);
    return idf > 0.1 ? idf : 0.1;
}

/* The question's content words and adjacent content pairs, as the query
 * builder (build.c) asks for them, and each word's weight (db may be
 * NULL: every word weighs 1). */
static void question_shape(const ls_plan *plan, const ls_weights *w, xc_db *db, cover_ctx *c)
{
    c->plan = plan;
    c->roles = ls_plan_roles(plan);
    c->answer_types = ls_plan_answer_types(plan);
    ls_plan_defines_shape(plan, &c->before_la, &c->after_la);
    c->most_factor = ls_scope_most(plan) * (c->roles ? LS_ROLE_FACTOR : 1) *
                     (c->answer_types ? LS_ANSWER_TYPE_FACTOR : 1) *
                     ((c->before_la | c->after_la) && w->defines > 1 ? w->defines : 1);
    c->nterms = plan->nterms < MAX_TERMS ? plan->nterms : MAX_TERMS;
    unsigned ndocs = 0;
    xc_err xe;
    if (db && w->cover_idf > 0 && xc_db_doccount(db, &ndocs, &xe)) ndocs = 0;
    for (size_t i = 0; i < c->nterms; i++) {
        const ls_qterm *t = &plan->terms[i];
        c->keys[i] = ls_plan_term_key(plan, t);
        c->weight[i] = 1;
        if (!t->expansion) c->counted |= UINT64_C(1) << i;
        if (t->filler || t->expansion) continue;
        c->is_word |= UINT64_C(1) << i;
        c->weight[i] = word_weight(plan, w, db, ndocs, t);
        if (i + 1 < c->nterms && ls_plan_is_pair(plan, i) && !plan->terms[i + 1].expansion)
            c->pair_starts |= UINT64_C(1) << i;
    }
}

static double share(uint64_t seen, uint64_t of)
{
    int n = popcount64(of);
    return n ? (double)popcount64(seen & of) / n : 0;
}

/* The weighted share of the question's words (pairs = 0) or pairs
 * (pairs = 1, a pair weighing the mean of its two words) that seen holds. */
static double weighted_share(const cover_ctx *c, uint64_t seen, uint64_t of, int pairs)
{
    double all = 0, got = 0;
    for (size_t i = 0; i < c->nterms; i++) {
        if (!(of >> i & 1)) continue;
        double x = pairs && i + 1 < c->nterms ? (c->weight[i] + c->weight[i + 1]) / 2 : c->weight[i];
        all += x;
        if (seen >> i & 1) got += x;
    }
    return all > 0 ? got / all : 0;
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

/* Rescale one candidate by its coverage of the question (its record rec),
 * unless its heading and title already show it cannot reach kth: the body
 * adds at most 1 to coverage. An opening or closing article (scope.h) and
 * an article on the rights or duties the question asks of a party
 * (roles.h) and an article headed by the kind of answer the question
 * asks for (answer_type.h) are then scaled by their factors. */
static void rescale(const cover_ctx *shape, const ls_weights *w, double kth, const ls_cover *rec,
                    ls_candidate *cand)
{
    uint64_t stack[512];
    uint64_t *masks = rec->nwords <= 512 ? stack : malloc(rec->nwords * sizeof *masks);
    if (!masks) return; /* out of memory: it keeps its first-stage score */
    cover_ctx c = *shape;
    word_masks(&c, rec, masks);
    read_field(&c, rec, masks, LS_COVER_HEADING);
    read_field(&c, rec, masks, LS_COVER_TITLE);
    double heading_precision = c.heading_words ? (double)c.heading_matched / c.heading_words : 0;
    double heading_part = w->heading_cover * share(c.seen_heading_pairs, c.pair_starts) +
                          w->heading_precision * heading_precision;
    if (!cannot_reach(cand->score,
                      (1 + w->cover * (1 + heading_part)) * c.most_factor, kth)) {
        read_field(&c, rec, masks, LS_COVER_BODY);
        double words = weighted_share(&c, c.seen_words, c.is_word, 0);
        double pairs = c.pair_starts ? weighted_share(&c, c.seen_pairs, c.pair_starts, 1) : words;
        cand->coverage = (words + pairs) / 2 + heading_part;
        cand->score *= 1 + w->cover * cand->coverage;
        if (ls_scope_heading(rec)) cand->score *= ls_scope_factor(c.plan);
        cand->score *= ls_role_factor(c.roles, rec, masks);
        cand->score *= ls_answer_type_factor(c.answer_types, rec, masks);
        if (w->defines > 1)
            cand->score *= ls_defines_factor(c.before_la, c.after_la, c.is_word, rec, masks,
                                             w->defines);
    }
    if (masks != stack) free(masks);
}

/* The most a candidate's score is multiplied by for a question of this
 * shape: full coverage, heading parts and the largest heading factor. */
static double gain_bound(const cover_ctx *shape, const ls_weights *w)
{
    if (w->cover <= 0 || !shape->is_word) return 1; /* no second stage */
    return (1 + w->cover * (1 + w->heading_cover + w->heading_precision)) * shape->most_factor;
}

double ls_rerank_most_gain(const ls_plan *plan, const ls_weights *w)
{
    cover_ctx shape = {0};
    question_shape(plan, w, NULL, &shape);
    return gain_bound(&shape, w);
}

void ls_rerank_by_coverage(const ls_plan *plan, const ls_weights *w, xc_db *db, size_t depth,
                           size_t keep, ls_candidate *cands, size_t n, ls_candidate_loader load,
                           void *ctx)
{
    cover_ctx shape = {0};
    question_shape(plan, w, db, &shape);
    if (w->cover <= 0 || !shape.is_word) return;
    if (depth > n) depth = n;
    if (keep > MAX_KEEP) keep = 0; /* no bound: every candidate is read */
    /* no candidate gains more than this; candidates come in first-stage
     * order, so once one cannot reach the keep-th best, none after can */
    double most_gain = gain_bound(&shape, w);
    double top[MAX_KEEP], kth = -1;
    size_t ntop = 0;
    for (size_t i = 0; i < depth; i++) {
        if (cannot_reach(cands[i].score, most_gain, kth)) {
            depth = i; /* the rest keep their first-stage scores, below the shown places */
            break;
        }
        ls_cover rec;
        if (load(ctx, i, &cands[i], &rec) == LS_OK) {
            rescale(&shape, w, kth, &rec, &cands[i]);
            ls_cover_free(&rec);
        } /* else unreadable: it keeps its first-stage score */
        if (keep) kth = note_score(top, &ntop, keep, cands[i].score);
    }
    ls_candidates_sort(cands, depth);
}

void ls_candidates_sort(ls_candidate *cands, size_t n)
{
    /* stable insertion sort, best first: n is a second stage's depth */
    for (size_t i = 1; i < n; i++) {
        ls_candidate c = cands[i];
        size_t j = i;
        while (j > 0 && cands[j - 1].score < c.score) {
            cands[j] = cands[j - 1];
            j--;
        }
        cands[j] = c;
    }
}
