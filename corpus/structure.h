/* structure.h — legal structure inside a text.
 *
 * Finds Phần › Chương › Mục › Điều in a document body, Khoản ("1.") and Điểm
 * ("a)", "đ)", "a1)") inside an article, and gives each article its
 * citations (cite/cite.h: ls_references_find).
 */
#ifndef LS_STRUCTURE_H
#define LS_STRUCTURE_H

#include <stddef.h>
#include "document.h"

/* Split `body` (the text after a document's header) into articles appended
 * to doc, each with its heading path (part/chapter/section), heading, text,
 * clauses, points and references. Text before the first article that starts
 * with "Căn cứ" becomes doc-level references (relation LS_REL_BASIS).
 * Returns LS_OK (possibly with zero articles), LS_ERR_NOMEM. */
ls_rc ls_structure_parse_body(ls_document *doc, const char *body, size_t len,
                              ls_error *err);

/* Fill a->clauses and their points from a->text (replacing any). */
ls_rc ls_structure_parse_clauses(ls_article *a, ls_error *err);

#endif
