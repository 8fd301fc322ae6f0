/* scope.h — the articles every legal text opens and closes with: "Phạm vi
 * điều chỉnh", "Đối tượng áp dụng", "Hiệu lực thi hành", "Trách nhiệm thi
 * hành", "Tổ chức thực hiện", transitional provisions. They restate the
 * document's title, or name the texts it amends, so they match many
 * questions about the document's subject while answering almost none of
 * them; they do answer the questions that ask what a text governs, whom
 * it applies to or when it takes effect ("Luật Tiếp cận thông tin áp dụng
 * cho ai?"). The second stage (rerank.c) lowers them for every other
 * question and raises them for those. */
#ifndef LS_SCOPE_H
#define LS_SCOPE_H

#include "../format/cover_record.h"
#include "plan.h"

/* Which questions ask about scope: ls_plan_detect_scope (plan.h, fillers.c). */

/* 1 when the heading of the passage whose cover record is rec is one of
 * the opening or closing articles above (compared on folded words), else 0. */
int ls_scope_heading(const ls_cover *rec);

/* The factor the second stage gives a passage under such a heading: above
 * 1 when plan asks about scope, below 1 otherwise. */
double ls_scope_factor(const ls_plan *plan);

/* The largest factor ls_scope_factor can give for plan (>= 1): the bound
 * the second stage needs to skip candidates that cannot reach the top. */
double ls_scope_most(const ls_plan *plan);

#endif
