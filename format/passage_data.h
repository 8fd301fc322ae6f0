/* passage_data.h — the stored record of a passage (Xapian document data):
 * a JSON head with the short fields, then the text and a procedure's card as
 * they are (layout in passage_data.c; records of format 1, one JSON object,
 * are still read). The document's record, metadata "doc:<id>", is
 * doc_record.h's.
 *
 * The indexer encodes; the query side, the REST API and the CLI decode. One
 * encoder and one decoder, so the two sides cannot drift.
 */
#ifndef LS_PASSAGE_DATA_H
#define LS_PASSAGE_DATA_H

#include <stddef.h>
#include "../common/ls_buf.h"
#include "../corpus/document.h"

typedef struct ls_clause_span {
    char *number;
    size_t start, end;     /* byte span in ls_passage.text */
} ls_clause_span;

/* A decoded passage: an article with its document's metadata. Every string
 * is owned (NULL when absent); free with ls_passage_free. */
typedef struct ls_passage {
    char *doc_id, *doc_number, *doc_type, *doc_title, *issuer;
    char *issued, *effective, *status;
    char *article, *heading, *part, *chapter, *section;
    char *text;
    size_t text_len;
    ls_clause_span *clauses;
    size_t nclauses;
    char *pd_label, *pd_topic, *source_url;
    char *source_note;     /* in records up to index format 3 only */
    char *procedure;       /* a procedure's card (JSON text), NULL for articles */
} ls_passage;

/* Append the record of article a of doc to out. LS_ERR_UTF8 when a field
 * is not valid UTF-8. */
ls_rc ls_passage_encode(const ls_document *doc, const ls_article *a, ls_buf *out,
                        ls_error *err);

/* Decode a passage record (format 1 or 2). *out is allocated; free with
 * ls_passage_free. LS_ERR_FORMAT when data is not one. */
ls_rc ls_passage_decode(const char *data, size_t len, ls_passage **out, ls_error *err);

void ls_passage_free(ls_passage *p);

/* Rewrite the stored passage record data[0..len) with status `status`
 * (NULL: no status) into out (reset first), the rest kept as stored (and in
 * its format): when the relations between documents restate it
 * (indexer/relations.h). LS_ERR_FORMAT when data is not a record,
 * LS_ERR_NOMEM. */
ls_rc ls_passage_restate(const char *data, size_t len, const char *status, ls_buf *out,
                         ls_error *err);

/* Whether two stored passage records say the same (a restated status may
 * have moved a key of the head). Records of different formats differ. */
int ls_passage_same(const char *a, size_t alen, const char *b, size_t blen);

/* Map a status as written ("còn hiệu lực", "hết hiệu lực một phần"...) to the
 * code stored in XSTATUS ("in-force", "repealed", "partly-repealed",
 * "not-yet", "suspended", "unknown"). Static storage. */
const char *ls_status_code(const char *status);

#endif
