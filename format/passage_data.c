/* passage_data.c — JSON encoding and decoding of stored passage and document
 * records (jansson). */
#include "passage_data.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../corpus/procedure.h"
#include "../text/analyser.h"

static int set_str(json_t *obj, const char *key, const char *val)
{
    if (!val) return 0;
    json_t *s = json_string(val);
    if (!s) return -1; /* invalid UTF-8 or out of memory */
    return json_object_set_new(obj, key, s);
}

static ls_rc dump_into(json_t *obj, ls_buf *out, ls_error *err)
{
    char *s = json_dumps(obj, JSON_COMPACT);
    json_decref(obj);
    if (!s) return ls_error_set(err, LS_ERR_NOMEM, "cannot encode record");
    ls_rc rc = ls_buf_puts(out, s);
    free(s);
    return rc ? ls_error_set(err, rc, "cannot encode record: %s", ls_strerror(rc)) : LS_OK;
}

static int set_doc_fields(json_t *o, const ls_document *doc, int prefixed)
{
    int bad = 0;
    bad |= set_str(o, prefixed ? "doc_id" : "id", doc->id);
    bad |= set_str(o, prefixed ? "doc_number" : "number", doc->number);
    bad |= set_str(o, prefixed ? "doc_type" : "type", doc->type);
    bad |= set_str(o, prefixed ? "doc_title" : "title", doc->title);
    bad |= set_str(o, "issuer", doc->issuer);
    bad |= set_str(o, "issued", doc->issued);
    bad |= set_str(o, "effective", doc->effective);
    bad |= set_str(o, "status", doc->status);
    return bad;
}

ls_rc ls_passage_encode(const ls_document *doc, const ls_article *a, ls_buf *out,
                        ls_error *err)
{
    json_t *o = json_object();
    if (!o) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    int bad = set_doc_fields(o, doc, 1);
    bad |= set_str(o, "article", a->number);
    bad |= set_str(o, "heading", a->heading);
    bad |= set_str(o, "part", a->part);
    bad |= set_str(o, "chapter", a->chapter);
    bad |= set_str(o, "section", a->section);
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
    bad |= set_str(o, "pd_label", a->pd_label);
    bad |= set_str(o, "pd_topic", a->pd_topic);
    bad |= set_str(o, "source_url", a->source_url);
    bad |= set_str(o, "source_note", a->source_note);
    if (doc->procedure) {
        json_t *card = ls_procedure_card(doc->procedure);
        bad |= card ? json_object_set_new(o, "procedure", card) : -1;
    }
    if (bad) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_UTF8, "article %s of %s: a field is not valid UTF-8",
                            a->number ? a->number : "?", doc->id ? doc->id : "?");
    }
    return dump_into(o, out, err);
}

ls_rc ls_document_record_encode(const ls_document *doc, ls_buf *out, ls_error *err)
{
    json_t *o = json_object();
    if (!o) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    int bad = set_doc_fields(o, doc, 0);
    json_t *arts = json_array();
    for (size_t i = 0; arts && i < doc->narticles; i++)
        if (doc->articles[i].number)
            json_array_append_new(arts, json_string(doc->articles[i].number));
    if (arts) json_object_set_new(o, "articles", arts);
    if (bad) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_UTF8, "document %s: a field is not valid UTF-8",
                            doc->id ? doc->id : "?");
    }
    return dump_into(o, out, err);
}

static char *get_str(json_t *o, const char *key, size_t *len)
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
    p->doc_id = get_str(o, "doc_id", NULL);
    p->doc_number = get_str(o, "doc_number", NULL);
    p->doc_type = get_str(o, "doc_type", NULL);
    p->doc_title = get_str(o, "doc_title", NULL);
    p->issuer = get_str(o, "issuer", NULL);
    p->issued = get_str(o, "issued", NULL);
    p->effective = get_str(o, "effective", NULL);
    p->status = get_str(o, "status", NULL);
    p->article = get_str(o, "article", NULL);
    p->heading = get_str(o, "heading", NULL);
    p->part = get_str(o, "part", NULL);
    p->chapter = get_str(o, "chapter", NULL);
    p->section = get_str(o, "section", NULL);
    p->text = get_str(o, "text", &p->text_len);
    p->pd_label = get_str(o, "pd_label", NULL);
    p->pd_topic = get_str(o, "pd_topic", NULL);
    p->source_url = get_str(o, "source_url", NULL);
    p->source_note = get_str(o, "source_note", NULL);
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
