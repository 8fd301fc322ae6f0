/* structure.h — legal structure and references inside a text, by PCRE2.
 *
 * Finds Phần › Chương › Mục › Điều in a document body, Khoản ("1.") and Điểm
 * ("a)", "đ)", "a1)") inside an article, and references to other documents
 * and provisions ("khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP",
 * "Luật Đất đai năm 2024", "Căn cứ ...", "Luật này") with the relation a
 * sentence states (sửa đổi, thay thế, bãi bỏ, hướng dẫn, căn cứ).
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

/* Find references in text[0..len). *out is a malloc'ed array of *n
 * references (free with ls_references_free). */
ls_rc ls_references_find(const char *text, size_t len, ls_reference **out, size_t *n,
                         ls_error *err);
void ls_references_free(ls_reference *refs, size_t n);

/* The relation the sentence around text[start..end) gives the citation
 * there: the nearest keyword before it in the sentence (căn cứ, sửa đổi,
 * thay thế, bãi bỏ, hướng dẫn, đình chỉ, đính chính...), else the first
 * after it (*after = 1; after may be NULL); LS_REL_CITES when none. */
ls_relation ls_relation_near(const char *text, size_t len, size_t start, size_t end, int *after);

/* What the text itself does to the citation at [start, end): the relation
 * above, but LS_REL_CITES for a passive statement ("X đã được sửa đổi theo
 * Y", "được hướng dẫn tại Y") and for a keyword after the citation other
 * than "hết hiệu lực" / "ngưng hiệu lực". */
ls_relation ls_relation_active(const char *text, size_t len, size_t start, size_t end);

/* Release compiled patterns (optional, at exit). */
void ls_structure_shutdown(void);

#endif
