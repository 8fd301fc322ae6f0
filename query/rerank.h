/* rerank.h — the second ranking stage: the first stage (Xapian, BM25 over
 * terms, pairs, heading pairs, defined phrases) finds the candidates; this
 * stage rescales each candidate's score by how much of the question it
 * covers, since BM25 sums evidence term by term and lets a passage that
 * repeats two of the question's words beat one that holds all of them. */
#ifndef LS_RERANK_H
#define LS_RERANK_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../xapian/xc.h"
#include "plan.h"

typedef struct ls_candidate {
    unsigned docid;
    double score;      /* after rerank: first-stage score x (1 + weight x coverage) */
    double coverage;   /* share of the question's words and pairs matched (0..1),
                          plus heading_weight x the share of its pairs in the heading */
} ls_candidate;

/* Fill out[0..n) from the first n entries of ms (n <= xc_mset_size(ms)).
 * The first `depth` of them are rescaled by coverage with `weight` (0 keeps
 * the first-stage order) and sorted best first (ties keep the first-stage
 * order); the rest follow in first-stage order, so every page of a result
 * list cuts the same ordering. */
ls_rc ls_rerank_by_coverage(xc_enquire *enq, const xc_mset *ms, const ls_plan *plan,
                            double weight, double heading_weight, size_t depth,
                            ls_candidate *out, size_t n, ls_error *err);

#endif
