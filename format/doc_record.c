/* doc_record.c — the document record's encoder and decoder (doc_record.h). */
#include "doc_record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record_json_internal.h"
#include "schema.h"

void ls_doc_record_key(const char *id_norm, char *key, size_t size)
{
    snprintf(key, size, "%s%s", LS_METADATA_DOC, id_norm);
}

static int set_or_null(json_t *o, const char *key, const char *val)
{
    json_t *v = val ? json_string(val) : json_null();
    return v ? json_object_set_new(o, key, v) : -1;
}

ls_rc ls_doc_record_encode(const ls_document *doc, int restated, const char *source_status,
                           ls_buf *out, ls_error *err)
{
    json_t *o = json_object();
    if (!o) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    int bad = ls_record_set_doc_fields(o, doc, 0);
    json_t *arts = json_array();
    for (size_t i = 0; arts && i < doc->narticles; i++)
        if (doc->articles[i].number)
            json_array_append_new(arts, json_string(doc->articles[i].number));
    if (arts) json_object_set_new(o, "articles", arts);
    if (restated) bad |= set_or_null(o, "source_status", source_status);
    if (bad) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_UTF8, "document %s: a field is not valid UTF-8",
                            doc->id ? doc->id : "?");
    }
    return ls_json_put_stored(out, o, err);
}

ls_rc ls_doc_record_restate(const char *rec, size_t len, const char *status, int restated,
                            const char *source_status, ls_buf *out, ls_error *err)
{
    json_t *o = json_loadb(rec ? rec : "", len, 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_FORMAT, "a document record is not a JSON object");
    }
    /* status first: a key the record lacks is appended, in this order */
    int bad = set_or_null(o, "status", status);
    if (restated) bad |= set_or_null(o, "source_status", source_status);
    else json_object_del(o, "source_status");
    if (bad) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_UTF8, "a restated status is not valid UTF-8");
    }
    ls_buf_reset(out);
    return ls_json_put_stored(out, o, err);
}

ls_rc ls_doc_record_decode(const char *rec, size_t len, ls_doc_record *out, ls_error *err)
{
    json_t *o = json_loadb(rec ? rec : "", len, 0, NULL);
    ls_rc rc = ls_doc_record_decode_object(o, out, err);
    json_decref(o);
    return rc;
}

ls_rc ls_doc_record_decode_object(json_t *o, ls_doc_record *out, ls_error *err)
{
    memset(out, 0, sizeof *out);
    if (!json_is_object(o))
        return ls_error_set(err, LS_ERR_FORMAT, "a document record is not a JSON object");
    const ls_record_field str[] = {
        {&out->id, "id"},           {&out->number, "number"}, {&out->type, "type"},
        {&out->title, "title"},     {&out->issuer, "issuer"}, {&out->issued, "issued"},
        {&out->effective, "effective"}, {&out->status, "status"},
        {&out->source_status, "source_status"},
    };
    int nomem = ls_record_get_strs(o, str, sizeof str / sizeof str[0]) != 0;
    out->restated = json_object_get(o, "source_status") != NULL;
    json_t *arts = json_object_get(o, "articles");
    size_t n = json_is_array(arts) ? json_array_size(arts) : 0;
    if (n && !(out->articles = calloc(n, sizeof *out->articles))) nomem = 1;
    for (size_t i = 0; out->articles && i < n; i++) {
        const char *num = json_string_value(json_array_get(arts, i));
        if (!num) continue;
        if (!(out->articles[out->narticles++] = strdup(num))) nomem = 1;
    }
    if (nomem) {
        ls_doc_record_free(out);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    return LS_OK;
}

const char *ls_doc_record_published_status(const ls_doc_record *r)
{
    return r->restated ? r->source_status : r->status;
}

void ls_doc_record_free(ls_doc_record *r)
{
    if (!r) return;
    char *fields[] = {r->id,     r->number,    r->type,   r->title,        r->issuer,
                      r->issued, r->effective, r->status, r->source_status};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) free(fields[i]);
    for (size_t i = 0; i < r->narticles; i++) free(r->articles[i]);
    free(r->articles);
    memset(r, 0, sizeof *r);
}
