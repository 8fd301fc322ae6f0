/* expand.h — abbreviations and everyday words in a question expanded from
 * the index's synonym store ("BHXH" -> bảo hiểm xã hội, "sổ đỏ" -> giấy
 * chứng nhận quyền sử dụng đất). */
#ifndef LS_EXPAND_H
#define LS_EXPAND_H

#include "../xapian/xc.h"
#include "plan.h"

/* Append to plan the terms of every synonym expansion found in db for a
 * single term or an adjacent pair of the question (looked up by the exact
 * form when the question has diacritics, by the folded form otherwise).
 * Expansion terms get positions far from the question's, so pairs form
 * inside an expansion but never across. */
ls_rc ls_plan_expand(ls_plan *plan, xc_db *db, ls_error *err);

#endif
