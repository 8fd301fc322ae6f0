/* word_stats.c — a question's words in a cover record and in the index
 * (word_stats.h). */
#include "word_stats.h"

#include <math.h>

#include "../common/ls_str.h"
#include "../format/schema.h"

void ls_word_masks(const ls_plan *plan, const ls_cover *rec, const uint32_t *keys, size_t nkeys,
                   uint64_t *masks)
{
    for (size_t w = 0; w < rec->nwords; w++) {
        uint32_t key = ls_plan_word_key(plan, &rec->keys[2 * w]);
        uint64_t any = 0;
        for (size_t i = 0; i < nkeys; i++)
            if (keys[i] == key) any |= UINT64_C(1) << i;
        masks[w] = any;
    }
}

double ls_word_idf(const ls_plan *plan, const ls_qterm *t, xc_db *db, double ndocs)
{
    if (!db) return 1; /* no index: every word weighs alike */
    char term[600];
    ls_str_cat3(term, sizeof term, plan->any_marks ? ls_body_field.term : ls_body_field.folded,
                plan->any_marks ? t->term : t->folded, NULL);
    unsigned df = 0;
    xc_err xe;
    if (xc_db_termfreq(db, term, &df, &xe)) df = 0;
    return log((ndocs + 1) / ((double)df + 1));
}
