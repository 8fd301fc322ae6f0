/* expand.h — abbreviations and everyday words in a question expanded from
 * the index's synonym store ("BHXH" -> bảo hiểm xã hội, "sổ đỏ" -> giấy
 * chứng nhận quyền sử dụng đất). */
#ifndef LS_EXPAND_H
#define LS_EXPAND_H

#include "../xapian/xc.h"
#include "plan.h"

/* The longest key looked up, in words ("ủy ban xã", "sàng lọc trước sinh"). */
#define LS_EXPAND_MAX_KEY_WORDS 4

/* Append to plan the terms of every synonym expansion found in db for a
 * run of 1 to LS_EXPAND_MAX_KEY_WORDS adjacent words of the question
 * starting at a content word (looked up by the exact form when the
 * question has diacritics, by the folded form otherwise), and the
 * question's phrase without a paper word ("rút đơn tố cáo" -> "rút tố
 * cáo", expand.c).
 * Expansion terms get positions far from the question's, so pairs form
 * inside an expansion but never across. */
ls_rc ls_plan_expand(ls_plan *plan, xc_db *db, ls_error *err);

#endif
