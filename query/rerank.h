/* rerank.h — the second ranking stage: the first stage (Xapian, BM25 over
 * terms, pairs, heading pairs, defined phrases) finds the candidates; this
 * stage rescales each candidate's score by how much of the question it
 * covers, since BM25 sums evidence term by term and lets a passage that
 * repeats two of the question's words beat one that holds all of them. */
#ifndef LS_RERANK_H
#define LS_RERANK_H

#include <stddef.h>
#include "../format/cover_record.h"
#include "../format/passage_data.h"
#include "build.h"
#include "plan.h"

typedef struct ls_candidate {
    unsigned docid;
    double score;         /* after rerank: first-stage score x (1 + weight x coverage) */
    double coverage;      /* share of the question's words and pairs in the passage
                             (0..1; each word weighing its idf, each pair the mean
                             of its two words', when w->cover_idf), plus heading_cover x the share of its pairs in
                             the heading or the document title, plus
                             heading_precision x the share of the heading's words
                             that the question holds */
    ls_passage *passage;  /* the candidate's passage (owned by the caller), or NULL
                             when it was not needed (nor read) */
} ls_candidate;

/* Reads the cover record of candidate i (format/cover_record.h) into *rec
 * (released by the caller with ls_cover_free); may set c->passage when the
 * passage had to be read to make one. Non-zero when it cannot be read: the
 * candidate then keeps its first-stage score. */
typedef ls_rc (*ls_candidate_loader)(void *ctx, size_t i, ls_candidate *c, ls_cover *rec);

/* Sort the first n candidates by score, best first, keeping the order of
 * equal scores (stable); n is small (a second stage's depth). */
void ls_candidates_sort(ls_candidate *cands, size_t n);

/* Rescale the first `depth` of cands[0..n) (in first-stage order) by their
 * coverage with w->cover (0 keeps the first-stage order), and sort them
 * best first, ties in first-stage order; the rest stay where they are, so
 * every page of a result list cuts the same ordering. Only the first `keep`
 * places are exact (0: all of the block): a candidate whose first-stage
 * score, raised by the most coverage can give, stays below the keep-th
 * best is not read, nor any after it. Records are read with `load`. With db
 * (may be NULL; borrowed) and w->cover_idf, a question word counts in
 * coverage by its idf over db's whole index: the rare word that names the
 * subject outweighs "quy định" or "trường hợp". */
void ls_rerank_by_coverage(const ls_plan *plan, const ls_weights *w, xc_db *db, size_t depth,
                           size_t keep, ls_candidate *cands, size_t n, ls_candidate_loader load,
                           void *ctx);

/* The most ls_rerank_by_coverage multiplies a score by for plan under w
 * (>= 1). */
double ls_rerank_most_gain(const ls_plan *plan, const ls_weights *w);

#endif
