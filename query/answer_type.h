/* answer_type.h — the kind of answer a question asks for, and the article
 * headed by it. A citizen who asks "bao lâu", "trong bao nhiêu ngày" asks
 * for a time limit, and the law states it in an article headed "Thời hạn
 * …" or "Thời hiệu …"; "cơ quan nào có thẩm quyền" is answered under
 * "Thẩm quyền …", "điều kiện để …" under "Điều kiện …". The second stage
 * (rerank.c) raises such an article a little when the rest of its heading
 * is the question's own words
 * ("Thời hạn ủy quyền" for "thời hạn đại diện theo giấy ủy quyền là bao
 * lâu?", not "Thời hạn đại diện cho thương nhân"). ("hồ sơ gồm những gì"
 * → "Hồ sơ …" moved no dev question: left out.) */
#ifndef LS_ANSWER_TYPE_H
#define LS_ANSWER_TYPE_H

#include <stdint.h>
#include "../format/cover_record.h"
#include "plan.h"

enum {
    LS_ANSWER_TIME_LIMIT = 1, /* "bao lâu", "thời hạn", "thời hiệu", "bao nhiêu ngày" */
    LS_ANSWER_AUTHORITY = 2,  /* "thẩm quyền", "cơ quan nào" */
    LS_ANSWER_CONDITION = 4,  /* "điều kiện" */
};

/* The kinds of answer plan asks for (LS_ANSWER_* bits, 0 for none), read
 * on folded syllables: the same with or without diacritics. */
int ls_plan_answer_types(const ls_plan *plan);

/* The factor of a passage with cover record rec for a question asking
 * answer kinds types: LS_ANSWER_TYPE_FACTOR when its heading opens with
 * the words of one of those kinds ("Thời hạn", "Thời hiệu", "Thẩm
 * quyền", "Điều kiện") and every other word of it is a word of
 * the question (masks[w], per distinct word w of rec, non-zero when the
 * question holds it: rerank.c's word masks) or a linking word ("của",
 * "các", "và", "đối với", "trong"); else 1. */
double ls_answer_type_factor(int types, const ls_cover *rec, const uint64_t *masks);

/* The largest factor ls_answer_type_factor gives (its bound in the second stage) */
#define LS_ANSWER_TYPE_FACTOR 1.2

#endif
