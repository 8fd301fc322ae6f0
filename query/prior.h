/* prior.h — a document prior: among candidates the ranking finds about as
 * good, the article of a Luật (or Bộ luật, the Hiến pháp) before the Nghị
 * định that details it, and a Nghị định before a Thông tư that restates it.
 * The type comes from the document id (its number's code, or a law's name),
 * read from a value slot: no passage is decoded for it. */
#ifndef LS_PRIOR_H
#define LS_PRIOR_H

#include <stddef.h>
#include "rerank.h"

/* The factor of a document by its id ("91/2015/qh13", "luật đất đai"):
 * 1.10 for a law, 1.05 for a decree, 1 otherwise (NULL too). */
double ls_prior_factor(const char *doc_id);

/* The largest factor ls_prior_factor gives. */
double ls_prior_most(void);

/* Writes candidate c's document id into buf (cap bytes); 0 when unknown. */
typedef int (*ls_prior_id_fn)(void *ctx, const ls_candidate *c, char *buf, size_t cap);

/* After the second stage: multiply by its factor the score of each of the
 * first `depth` candidates that could reach the first `keep` places with
 * the largest factor, and sort the first `depth` again, best first
 * (stable). The rest keep their score and place. */
void ls_prior_apply(ls_candidate *cands, size_t n, size_t depth, size_t keep,
                    ls_prior_id_fn id_of, void *ctx);

#endif
