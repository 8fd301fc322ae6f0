/* passage_data.c — JSON encoding and decoding of the stored passage record
 * (jansson), and the status codes. */
#include "passage_data.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../corpus/procedure.h"
#include "record_json_internal.h"
#include "../text/analyser.h"

ls_rc ls_passage_encode(const ls_document *doc, const ls_article *a, ls_buf *out,
                        ls_error *err)
{
    json_t *o = json_object();
    if (!o) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    int bad = ls_record_set_doc_fields(o, doc, 1);
    bad |= ls_record_set_str(o, "article", a->number);
    bad |= ls_record_set_str(o, "heading", a->heading);
    bad |= ls_record_set_str(o, "part", a->part);
    bad |= ls_record_set_str(o, "chapter", a->chapter);
    bad |= ls_record_set_str(o, "section", a->section);
    if (a->text) {
        json_t *t = json_stringn(a->text, a->text_len);
        bad |= t ? json_object_set_new(o, "text", t) : -1;
    }
    json_t *cl = json_array();
    for (size_t i = 0; cl && i < a->nclauses; i++) {
        const ls_clause *c = &a->clauses[i];
        json_array_append_new(cl, json_pack("[sII]", c->number ? c->number : "", (json_int_t)c->start,
                                            (json_int_t)c->end));
    }
    if (cl) json_object_set_new(o, "clauses", cl);
    bad |= ls_record_set_str(o, "pd_label", a->pd_label);
    bad |= ls_record_set_str(o, "pd_topic", a->pd_topic);
    bad |= ls_record_set_str(o, "source_url", a->source_url);
    bad |= ls_record_set_str(o, "source_note", a->source_note);
    if (doc->procedure) {
        json_t *card = ls_procedure_card(doc->procedure);
        bad |= card ? json_object_set_new(o, "procedure", card) : -1;
    }
    if (bad) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_UTF8, "article %s of %s: a field is not valid UTF-8",
                            a->number ? a->number : "?", doc->id ? doc->id : "?");
    }
    return ls_json_put_stored(out, o, err);
}

ls_rc ls_passage_decode(const char *data, size_t len, ls_passage **out, ls_error *err)
{
    *out = NULL;
    json_error_t jerr;
    json_t *o = json_loadb(data, len, 0, &jerr);
    if (!json_is_object(o)) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_FORMAT, "stored passage is not a JSON object: %s",
                            jerr.text);
    }
    ls_passage *p = calloc(1, sizeof *p);
    if (!p) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    const ls_record_field str[] = {
        {&p->doc_id, "doc_id"},       {&p->doc_number, "doc_number"}, {&p->doc_type, "doc_type"},
        {&p->doc_title, "doc_title"}, {&p->issuer, "issuer"},         {&p->issued, "issued"},
        {&p->effective, "effective"}, {&p->status, "status"},         {&p->article, "article"},
        {&p->heading, "heading"},     {&p->part, "part"},             {&p->chapter, "chapter"},
        {&p->section, "section"},     {&p->pd_label, "pd_label"},     {&p->pd_topic, "pd_topic"},
        {&p->source_url, "source_url"}, {&p->source_note, "source_note"},
    };
    ls_record_get_strs(o, str, sizeof str / sizeof str[0]);   /* out of memory: absent */
    p->text = ls_record_get_str(o, "text", &p->text_len);
    json_t *card = json_object_get(o, "procedure");
    if (json_is_object(card)) p->procedure = json_dumps(card, JSON_COMPACT);
    json_t *cl = json_object_get(o, "clauses");
    size_t n = json_is_array(cl) ? json_array_size(cl) : 0;
    if (n) p->clauses = calloc(n, sizeof *p->clauses);
    for (size_t i = 0; p->clauses && i < n; i++) {
        json_t *c = json_array_get(cl, i);
        const char *num = NULL;
        json_int_t s = 0, e = 0;
        if (json_unpack(c, "[sII]", &num, &s, &e) != 0) continue;
        if (s < 0 || e < s || (size_t)e > p->text_len) continue;
        ls_clause_span *span = &p->clauses[p->nclauses++];
        span->number = num && *num ? strdup(num) : NULL;
        span->start = (size_t)s;
        span->end = (size_t)e;
    }
    json_decref(o);
    *out = p;
    return LS_OK;
}

ls_rc ls_passage_restate(const char *data, size_t len, const char *status, ls_buf *out,
                         ls_error *err)
{
    json_t *o = json_loadb(data ? data : "", len, 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_FORMAT, "a stored passage is not a JSON object");
    }
    if (status) json_object_set_new(o, "status", json_string(status));
    else json_object_del(o, "status");
    ls_buf_reset(out);
    return ls_json_put_stored(out, o, err);
}

void ls_passage_free(ls_passage *p)
{
    if (!p) return;
    char **fields[] = {&p->doc_id, &p->doc_number, &p->doc_type, &p->doc_title, &p->issuer,
                       &p->issued, &p->effective, &p->status, &p->article, &p->heading,
                       &p->part, &p->chapter, &p->section, &p->text, &p->pd_label,
                       &p->pd_topic, &p->source_url, &p->source_note, &p->procedure};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) free(*fields[i]);
    for (size_t i = 0; i < p->nclauses; i++) free(p->clauses[i].number);
    free(p->clauses);
    free(p);
}

const char *ls_status_code(const char *status)
{
    if (!status || !*status) return "unknown";
    char *norm = NULL, *folded = NULL; /* case-folded, NFC, one tone placement */
    if (ls_normalize_term(status, strlen(status), &norm, &folded, NULL) != LS_OK) return "unknown";
    free(folded);
    static const struct { const char *prefix, *code; } table[] = {
        {"còn hiệu lực", "in-force"},          {"hết hiệu lực một phần", "partly-repealed"},
        {"hết hiệu lực toàn bộ", "repealed"},   {"hết hiệu lực", "repealed"},
        {"chưa có hiệu lực", "not-yet"},       {"ngưng hiệu lực", "suspended"},
        {"tạm ngưng hiệu lực", "suspended"},   {"bị sửa đổi", "amended"},
        {"không còn phù hợp", "obsolete"},
    };
    const char *code = "unknown";
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strncmp(norm, table[i].prefix, strlen(table[i].prefix)) == 0) {
            code = table[i].code;
            break;
        }
    free(norm);
    return code;
}
