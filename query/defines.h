/* defines.h — a passage that opens by defining what the question names:
 * "1. An ninh mạng là sự bảo đảm ..." for "“An ninh mạng” là gì?", "Thế
 * nào là an ninh mạng?" or the statement "Bảo vệ an ninh mạng là ...,
 * đúng hay sai?". The law says what a thing is once, in its definitions
 * ("Giải thích từ ngữ") or in the article about it, and the question names
 * the thing next to "là"; the clauses that merely use the phrase often
 * hold it more times and outscore the definition. The second stage
 * (rerank.c) raises such a passage a little. */
#ifndef LS_DEFINES_H
#define LS_DEFINES_H

#include <stdint.h>
#include "../format/cover_record.h"
#include "plan.h"

/* The question's terms that name what it asks to define: bit p of
 * *before set when the phrase may end at term p ("X là", "X được hiểu
 * như thế nào", "X được hiểu là", "X hiểu thế nào"), of *after when it
 * may start there ("là X", "thế nào là X", "khái niệm X", "định nghĩa
 * X"); read on folded syllables, terms past the 64th not followed. Both
 * 0: no passage is raised. */
void ls_plan_defines_shape(const ls_plan *plan, uint64_t *before, uint64_t *after);

/* The factor of a passage with cover record rec: factor (> 1) when its
 * body, or a clause or point in it (words right after a number: "1.",
 * "a)"), opens with a phrase of at most 8 words then "là", and the
 * question holds that phrase, word for word and in order, ending at a bit of before or starting at one of after (from
 * ls_plan_defines_shape; masks[w], per distinct word w of rec, the
 * question terms that word is: rerank.c's word masks), at least one of
 * its words a content word (content: bits of the question's content
 * terms); else 1. */
double ls_defines_factor(uint64_t before, uint64_t after, uint64_t content, const ls_cover *rec,
                         const uint64_t *masks, double factor);

#endif
