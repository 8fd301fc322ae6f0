/* suggest.h — "did you mean": for a question typed without diacritics,
 * the accented reading the corpus supports ("thu tuc dang ky khai sinh" ->
 * "thủ tục đăng ký khai sinh"). Each word's accented forms are generated
 * (d/đ, vowel marks, tone on any vowel), kept when the index holds them,
 * and the reading is chosen by how often adjacent forms stand together in
 * the corpus (the pair terms of schema.h), then by how often each occurs. */
#ifndef LS_SUGGEST_H
#define LS_SUGGEST_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../xapian/xc.h"
#include "plan.h"

/* The suggested question, malloc'ed (caller frees) into *out, or NULL when
 * the question carries diacritics or no word reads better accented. Words
 * stay where they were in q[0..len); the rest of q is kept as typed. */
ls_rc ls_suggest_accents(xc_db *db, const ls_plan *plan, const char *q, size_t len,
                         char **out, ls_error *err);

#endif
