/* word_stats.h — what the second stage (rerank.c) and the confidence
 * (confidence.c) read of a question's words: which of them each word of a
 * cover record is, and how rare each is in the index. One reading for
 * both, so the confidence sees the words as the ranking does. */
#ifndef LS_WORD_STATS_H
#define LS_WORD_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "../format/cover_record.h"
#include "../xapian/xc.h"
#include "plan.h"

/* masks[w] for each distinct word w of rec (rec->nwords entries, caller's
 * array): bit i set when that word's key (ls_plan_word_key) is keys[i],
 * i < nkeys <= 64. */
void ls_word_masks(const ls_plan *plan, const ls_cover *rec, const uint32_t *keys, size_t nkeys,
                   uint64_t *masks);

/* log((ndocs + 1) / (df + 1)), df the passages holding term t as the body
 * does (its folded form when the question has no marks); 1 without db. */
double ls_word_idf(const ls_plan *plan, const ls_qterm *t, xc_db *db, double ndocs);

#endif
