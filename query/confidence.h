/* confidence.h — the engine's estimate that its first hit answers the
 * question, in [0, 1], from what the ranking knows: the first scores and
 * the gaps between them, how much of the question the first hit holds (its
 * words weighted by rarity, in the text and the heading, and its word
 * pairs), how much of the heading the question holds, how long it is,
 * whether a cited article resolved, how far the first ten hits'
 * documents agree, and whether hit 1's document details a document the
 * index does not hold. A logistic model whose coefficients are fitted by
 * bench/fit-confidence (the method and the fit are in bench/confidence.md);
 * procedures' cards have their own fit. */
#ifndef LS_CONFIDENCE_H
#define LS_CONFIDENCE_H

#include <stddef.h>
#include <stdint.h>
#include "../xapian/xc.h"
#include "../format/cover_record.h"
#include "../format/passage_data.h"
#include "plan.h"

/* Below this, a search's first hit is not offered as an answer
 * (no_answer); `--min-confidence` changes it. */
#define LS_MIN_CONFIDENCE 0.25

/* The features, in the order of the model's coefficients. */
enum {
    LS_CF_TOP,        /* log(1 + first score) */
    LS_CF_GAP,        /* (s1 - s2) / s1 */
    LS_CF_GAP5,       /* (s1 - s5) / s1 */
    LS_CF_COVER,      /* rarity-weighted share of the question's words in hit 1 */
    LS_CF_HCOVER,     /* the same, in hit 1's heading */
    LS_CF_PCOVER,     /* share of the question's word pairs adjacent in hit 1 */
    LS_CF_HPREC,      /* share of hit 1's heading words that the question has */
    LS_CF_NORM,       /* first score / the question's summed word rarity */
    LS_CF_WORDS,      /* log(1 + content words of the question) */
    LS_CF_CITED,      /* 1 when the question cites an article the index holds */
    LS_CF_NDOC,       /* distinct documents among the first 10 hits / 10 */
    LS_CF_SAME,       /* share of hits 2..10 from hit 1's document */
    LS_CF_GAP10,      /* (s1 - s10) / s1 */
    LS_CF_UNHELD,     /* 1 when hit 1's document's title or preamble says it
                         details (quy định chi tiết, hướng dẫn) a document,
                         cited by number, that the index does not hold */
    LS_CF_N
};

typedef struct ls_confidence_features {
    double x[LS_CF_N];
    int nhits;        /* 0: nothing matched */
    int missing;      /* the question cites what the index does not hold */
    int procedure;    /* hit 1 is a procedure's card: the procedure model */
} ls_confidence_features;

/* The head of a ranking, best first, as the confidence reads it. */
#define LS_CF_HEAD 10
typedef struct ls_confidence_head {
    size_t n;                   /* hits (at most LS_CF_HEAD) */
    double score[LS_CF_HEAD];
    uint64_t doc[LS_CF_HEAD];   /* each hit's document: any stable key (e.g.
                                   ls_hash_bytes of its id); 0 unknown */
    const char *first_doc;      /* hit 1's document id (borrowed), NULL unknown */
} ls_confidence_head;

/* Fill f from the plan, the head of the ranking (*head; caller-owned; its
 * first_doc's stored links are read from db), the
 * first hit's passage (NULL when there is none; only whether it is a
 * procedure's card is read) and its cover record (format/cover_record.h,
 * NULL when there is none: no coverage), and whether a cited article was
 * found. Reads term frequencies from db (NULL: every word weighs alike).
 * All arguments stay the caller's. */
void ls_confidence_features_of(xc_db *db, const ls_plan *plan, const ls_confidence_head *head,
                               const ls_passage *first, const ls_cover *first_rec,
                               int cited_found, ls_confidence_features *f);

/* The model: a probability in [0, 1]; near 0 when f->missing or no hit.
 * A procedure's card (f->procedure) is rated by its own coefficients,
 * fitted on procedure questions (bench/fit-procedure-confidence). */
double ls_confidence_of(const ls_confidence_features *f);

/* The features' names, for eval --features and the fitting script. */
extern const char *const ls_confidence_feature_names[LS_CF_N];

#endif
