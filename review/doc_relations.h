/* doc_relations.h — the relations of one document in both directions (its
 * "lược đồ"): the texts it rests on (căn cứ), guides (hướng dẫn / quy định
 * chi tiết), amends (sửa đổi / bổ sung), replaces (thay thế), repeals (bãi
 * bỏ), suspends (đình chỉ) or corrects (đính chính), and the texts that do
 * so to it; each with the acting article when known, the provision acted on,
 * and the acting text's effective date (a relation takes effect then).
 *
 * Read from the index at query time: the document's own title and preamble
 * (format/doc_links.h), the articles of the document, and the articles of
 * other documents that cite its number (at most LS_RELATIONS_SCAN of them:
 * `truncated` says when there were more). A sentence's relation is
 * ls_relation_active's (cite/cite.h); an article headed "Sửa đổi, bổ
 * sung một số điều của Nghị định số X" makes the provisions its clauses
 * amend or repeal X's.
 */
#ifndef LS_DOC_RELATIONS_H
#define LS_DOC_RELATIONS_H

#include <stddef.h>
#include <jansson.h>
#include "../common/ls_buf.h"
#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../query/search.h"
#include "review.h"

#define LS_RELATIONS_SCAN 3000

/* One relation. Strings owned, NULL when absent. */
typedef struct ls_doc_relation {
    ls_relation kind;          /* never LS_REL_CITES */
    int incoming;              /* 1: `other` acts on the document; 0: the document on `other` */
    char *other_id;            /* the other document's id in the index, NULL when not there */
    char *other_citation;      /* it as written out: "Nghị định số 123/2015/NĐ-CP" */
    char *other_title;         /* its title when in the index */
    char *acting_article;      /* article of the acting text saying so; NULL: title or preamble */
    char *article, *clause, *point; /* provision acted on (or relied on); NULL: the document */
    char *effective;           /* the acting text's effective date (else its issue date) */
    int in_effect;             /* effective unknown or on / before as_of */
} ls_doc_relation;

typedef struct ls_doc_relations {
    char *id, *number, *title, *type, *issued, *effective;
    char *as_of;               /* "YYYY-MM-DD" */
    ls_force force;            /* the document's status as of as_of (review's) */
    char *force_by, *force_note;
    ls_doc_relation *v;
    size_t n;
    int truncated;             /* more citing articles than were read */
} ls_doc_relations;

/* The relations of document doc_id (an id or number, any case) as of as_of
 * ("YYYY-MM-DD", NULL = today). *out allocated; free with
 * ls_doc_relations_free. LS_ERR_NOTFOUND when the index has no such
 * document, LS_ERR_ARG for a bad date, LS_ERR_INDEX when the index fails. */
ls_rc ls_doc_relations_get(ls_searcher *s, const char *doc_id, const char *as_of,
                           ls_doc_relations **out, ls_error *err);
void ls_doc_relations_free(ls_doc_relations *r);

/* r (borrowed) as a JSON object (a new reference, the caller's; NULL when
 * out of memory): {"id", "number", "title", "type", "issued", "effective",
 * "as_of", "status": {"force", "by", "note"}, "truncated", "relations":
 * [{"direction": "out"|"in", "kind", "label", "document": {"id",
 * "citation", "title", "in_index"}, "acting_article", "article", "clause",
 * "point", "effective", "in_effect"}]}. */
json_t *ls_doc_relations_object(const ls_doc_relations *r);

/* Append ls_doc_relations_object(r) to out (ls_json_put). */
ls_rc ls_doc_relations_json(const ls_doc_relations *r, ls_buf *out, ls_error *err);

/* The Vietnamese label of a relation seen from its acting side ("sửa đổi,
 * bổ sung") or from the acted-on side ("được sửa đổi, bổ sung bởi"). */
const char *ls_relation_label(ls_relation kind, int incoming);

#endif
