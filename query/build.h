/* build.h — ls_plan to Xapian query: the ranking part (terms, folded twins,
 * pairs, heading terms, filler weights) and the filters. */
#ifndef LS_BUILD_H
#define LS_BUILD_H

#include "../xapian/xc.h"
#include "plan.h"
#include "search.h"

/* Weights of the query parts; defaults from ls_weights_default(). */
typedef struct ls_weights {
    double filler;        /* scale of a question word / filler term */
    double pair;          /* scale of an adjacent-pair term */
    double heading;       /* scale of a heading/title term: reads nothing, the
                             index holds none since format 3 (schema.h) */
    double heading_pair;  /* scale of a heading/title adjacent pair */
    double defined;       /* scale of a term/pair of a defined phrase ("X là ...")
                             when the question asks what something is */
    double defined_other; /* the same for every other question */
    double folded_in_marked; /* scale of the folded twin of a marked term when the
                                question carries marks (0 = exact only) */
    double cover;         /* second stage: score x (1 + cover x coverage) */
    double heading_cover; /* second stage: weight of the question's pairs found in
                             the heading, within coverage */
    double heading_precision; /* second stage: weight of the share of the heading's
                             words that the question holds */
    double depth;         /* how many first-stage candidates the second stage sees */
    double elite;         /* >0: of the body words and pairs, only the N that can
                             weigh most (Xapian's ELITE_SET); 0 = all */
    double synonyms;      /* expand from the synonym store: the weight of an
                             expansion's words and pairs (0 = off) */
    double common;        /* >0: leave out a body word held by more than this share
                             of the passages when its pair is asked for (0 = keep all) */
    double maybe;         /* >0: a body word or pair held by more than this share of
                             the passages, and every heading and definition part,
                             only adds to passages the rest of the query matches
                             (Xapian's AND_MAYBE; 0 = plain OR) */
    double cover_idf;     /* second stage: 1 = a word counts in coverage by its idf
                             (a pair by its words' mean), 0 = every word alike */
    double defines;       /* second stage: factor of a passage that opens by defining
                             what the question names next to "là" (defines.h; <= 1 = off) */
    double prior;         /* > 0: the document prior after the second stage (prior.h;
                             0 = off, for ablations) */
    double bm25_k1, bm25_b; /* BM25 parameters */
} ls_weights;

ls_weights ls_weights_default(void);

/* Override weights from "name=value,..." (names: filler, pair, heading,
 * hpair, defined, defother, elite, cover, hcover, hprec, cidf, depth, folded, synonyms,
 * common, maybe, defines, prior, k1, b). LS_ERR_ARG names a bad item, and
 * lists the names. */
ls_rc ls_weights_parse(const char *spec, ls_weights *w, ls_error *err);

/* The ranking query for plan, or *out = NULL when the plan has no term to
 * rank by. *out is freed with xc_query_free. With db (may be NULL), the
 * elite body words and pairs are chosen on its whole-index statistics
 * (the same for one index and a shard set); without, by Xapian's
 * ELITE_SET. */
ls_rc ls_query_rank(const ls_plan *plan, const ls_weights *w, xc_db *db, xc_query **out,
                    ls_error *err);

/* The boolean filter of a request (type, issuer, dates, in force), or
 * *out = NULL when there is none. Unknown filter values -> LS_ERR_ARG. */
ls_rc ls_query_filter(const ls_search_request *req, xc_query **out, ls_error *err);

#endif
