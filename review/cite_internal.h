/* cite_internal.h — what the files of review/ share and nobody else needs. */
#ifndef LS_CITE_INTERNAL_H
#define LS_CITE_INTERNAL_H

#include "review.h"

/* Free every field of c and zero it (c itself is not freed). */
void ls_cite_clear(ls_cite *c);

/* (Re)build c->citation in the standard form: "điểm a khoản 1 Điều 72 " +
 * the document, written from the index's type / title / number when given
 * (a resolved citation), else from what the text cited. */
ls_rc ls_cite_format(ls_cite *c, const char *doc_type, const char *doc_title,
                     const char *doc_number);

/* "13/2023/nđ-cp" -> "13/2023/NĐ-CP" (ASCII and đ upper-cased), malloc'ed. */
char *ls_cite_upper_number(const char *num);

#endif
