/* prior.h — a document prior: among candidates the ranking finds about as
 * good, the article of a Luật (or Bộ luật) before the Nghị định that
 * details it, and a Nghị định before a Thông tư that restates it. */
#ifndef LS_PRIOR_H
#define LS_PRIOR_H

#include <stddef.h>
#include "rerank.h"

/* Multiply the score of each of the first `depth` candidates whose passage
 * is read by its document type's factor, and sort those again, best first
 * (stable). Candidates past depth, or unread, keep their score and place. */
void ls_prior_apply(ls_candidate *cands, size_t n, size_t depth);

#endif
