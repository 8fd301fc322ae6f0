/* record_json_internal.h — the jansson helpers the record encoders of
 * format/ share (passage_data.c, doc_record.c); a record is dumped with
 * ls_json_put_stored (common/ls_json.h). Private to format/. */
#ifndef LS_RECORD_JSON_INTERNAL_H
#define LS_RECORD_JSON_INTERNAL_H

#include <jansson.h>
#include "../common/ls_buf.h"
#include "../common/ls_json.h"
#include "../corpus/document.h"

/* Set obj[key] to the string val; nothing when val is NULL. -1 when val is
 * not valid UTF-8 or memory ran out, else 0. */
int ls_record_set_str(json_t *obj, const char *key, const char *val);

/* Set the document fields of doc on o: id, number, type, title, issuer,
 * issued, effective, status, in that order; prefixed: "doc_id",
 * "doc_number", "doc_type", "doc_title" (the passage record). -1 when a
 * field could not be set. */
int ls_record_set_doc_fields(json_t *o, const ls_document *doc, int prefixed);

/* A malloc'ed copy of the string o[key] (its length in *len when not NULL);
 * NULL when absent, not a string, or out of memory. */
char *ls_record_get_str(json_t *o, const char *key, size_t *len);

/* A string field of a decoded record and its key. */
typedef struct ls_record_field {
    char **field;
    const char *key;
} ls_record_field;

/* Set each *f[i].field to ls_record_get_str(o, f[i].key, NULL). -1 when a
 * string present could not be copied (out of memory), else 0. */
int ls_record_get_strs(json_t *o, const ls_record_field *f, size_t n);

#endif
