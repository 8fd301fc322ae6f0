/* doc_record.h — the document record: metadata key "doc:<doc id>" (schema.h)
 * holds, per document, a JSON object
 *   {"id","number","type","title","issuer","issued","effective","status",
 *    "articles":[numbers...], "source_status"?}
 * (absent keys: unknown). "status" is the status shown, which the relations
 * between documents may restate (indexer/relations.h); the status as its
 * source published it is then kept in "source_status" (JSON null when the
 * source gave none). The one encoder (the indexer writes, relations restate)
 * and the one decoder (query/, review/, api/, cli/ read) of that record.
 */
#ifndef LS_DOC_RECORD_H
#define LS_DOC_RECORD_H

#include <stddef.h>
#include <jansson.h>
#include "../common/ls_buf.h"
#include "../corpus/document.h"

/* A decoded record. Every string is owned (NULL when absent); the struct is
 * the caller's, its fields are released by ls_doc_record_free. */
typedef struct ls_doc_record {
    char *id, *number, *type, *title, *issuer, *issued, *effective;
    char *status;         /* as shown (may be restated) */
    int restated;         /* 1 when the record keeps "source_status" */
    char *source_status;  /* as published, when restated (NULL: none given) */
    char **articles;      /* the article numbers, in order */
    size_t narticles;
} ls_doc_record;

/* Write the metadata key of document id_norm (a normalised id) into key
 * (size bytes, always terminated; a longer key is cut). */
void ls_doc_record_key(const char *id_norm, char *key, size_t size);

/* Append the record of doc (borrowed) to out: its metadata and article
 * numbers, no text. restated: also keep source_status (the status as
 * published; NULL is written as JSON null). LS_ERR_UTF8 when a field is not
 * valid UTF-8, LS_ERR_NOMEM. */
ls_rc ls_doc_record_encode(const ls_document *doc, int restated, const char *source_status,
                           ls_buf *out, ls_error *err);

/* Rewrite the stored record rec[0..len) with status `status` (NULL: JSON
 * null) into out (reset first), the rest kept as stored: restated keeps
 * source_status (as above), !restated drops it. LS_ERR_FORMAT when rec is
 * not a JSON object, LS_ERR_NOMEM. */
ls_rc ls_doc_record_restate(const char *rec, size_t len, const char *status, int restated,
                            const char *source_status, ls_buf *out, ls_error *err);

/* Decode rec[0..len) into *out (zeroed first). LS_ERR_FORMAT when it is not
 * a JSON object (*out then empty), LS_ERR_NOMEM. Keys of the wrong type
 * read as absent. */
ls_rc ls_doc_record_decode(const char *rec, size_t len, ls_doc_record *out, ls_error *err);

/* The same of a record already parsed (o borrowed, left unchanged; NULL or
 * not an object: LS_ERR_FORMAT), for a reader that also hands the record on
 * as it is stored (api/routes.c's document reply). */
ls_rc ls_doc_record_decode_object(json_t *o, ls_doc_record *out, ls_error *err);

/* The status as the document's source published it: source_status when
 * restated, else status (borrowed from r; NULL when unknown). */
const char *ls_doc_record_published_status(const ls_doc_record *r);

/* Release the fields of r (not r itself) and zero it. NULL is a no-op. */
void ls_doc_record_free(ls_doc_record *r);

#endif
