/* record_json.c — the jansson helpers of the record encoders
 * (record_json_internal.h). */
#include "record_json_internal.h"

#include <stdlib.h>
#include <string.h>

int ls_record_set_str(json_t *obj, const char *key, const char *val)
{
    if (!val) return 0;
    json_t *s = json_string(val);
    if (!s) return -1; /* invalid UTF-8 or out of memory */
    return json_object_set_new(obj, key, s);
}

int ls_record_set_doc_fields(json_t *o, const ls_document *doc, int prefixed)
{
    int bad = 0;
    bad |= ls_record_set_str(o, prefixed ? "doc_id" : "id", doc->id);
    bad |= ls_record_set_str(o, prefixed ? "doc_number" : "number", doc->number);
    bad |= ls_record_set_str(o, prefixed ? "doc_type" : "type", doc->type);
    bad |= ls_record_set_str(o, prefixed ? "doc_title" : "title", doc->title);
    bad |= ls_record_set_str(o, "issuer", doc->issuer);
    bad |= ls_record_set_str(o, "issued", doc->issued);
    bad |= ls_record_set_str(o, "effective", doc->effective);
    bad |= ls_record_set_str(o, "status", doc->status);
    return bad;
}

char *ls_record_get_str(json_t *o, const char *key, size_t *len)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) return NULL;
    size_t n = json_string_length(v);
    char *s = malloc(n + 1);
    if (!s) return NULL;
    memcpy(s, json_string_value(v), n);
    s[n] = '\0';
    if (len) *len = n;
    return s;
}


int ls_record_get_strs(json_t *o, const ls_record_field *f, size_t n)
{
    int nomem = 0;
    for (size_t i = 0; i < n; i++) {
        *f[i].field = ls_record_get_str(o, f[i].key, NULL);
        if (!*f[i].field && json_is_string(json_object_get(o, f[i].key))) nomem = 1;
    }
    return nomem ? -1 : 0;
}
