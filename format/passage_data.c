/* passage_data.c — encoding and decoding of the stored passage record (a
 * JSON head by jansson, then the text and card as they are), and the status
 * codes. */
#include "passage_data.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../corpus/procedure.h"
#include "record_json_internal.h"
#include "../text/analyser.h"

/* A record is HEAD '\n' TEXT CARD (format 2): HEAD a compact JSON object
 * of the short fields, with "text_bytes" the length of TEXT; TEXT the
 * passage's text as is; CARD, to the end, a procedure's card as compact
 * JSON (empty for an article). Compact JSON holds no raw newline, so a
 * record without one is a format 1 record: one JSON object with "text" and
 * "procedure" inside (indexes built before; still read). Reading a hit then
 * parses only the head: the text and the card are copied, not decoded. */
#define HEAD_END '\n'
#define TEXT_BYTES "text_bytes"

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
    size_t text_len = a->text ? a->text_len : 0;
    if (a->text) {
        bad |= !ls_utf8_valid(a->text, text_len, NULL);
        bad |= json_object_set_new(o, TEXT_BYTES, json_integer((json_int_t)text_len));
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
    json_t *card = doc->procedure ? ls_procedure_card(doc->procedure) : NULL;
    bad |= doc->procedure && !card;
    if (bad) {
        json_decref(o);
        json_decref(card);
        return ls_error_set(err, LS_ERR_UTF8, "article %s of %s: a field is not valid UTF-8",
                            a->number ? a->number : "?", doc->id ? doc->id : "?");
    }
    ls_rc rc = ls_record_dump(o, out, err);
    if (!rc) ls_buf_putc(out, HEAD_END);
    if (!rc && text_len) ls_buf_append(out, a->text, text_len);
    if (!rc && card) rc = ls_record_dump(card, out, err);
    else json_decref(card);
    if (!rc && ls_buf_error(out)) rc = ls_error_set(err, ls_buf_error(out), "cannot encode record");
    return rc;
}

/* Where the head of a format 2 record ends (its '\n'); NULL for format 1. */
static const char *head_end(const char *data, size_t len)
{
    return data && len ? memchr(data, HEAD_END, len) : NULL;
}

/* The text and card of p from a format 2 record's body [body, end) as the
 * head h says (text_bytes). LS_ERR_FORMAT when they do not fit. */
static ls_rc decode_body(json_t *h, const char *body, const char *end, ls_passage *p,
                         ls_error *err)
{
    json_t *tb = json_object_get(h, TEXT_BYTES);
    json_int_t n = json_is_integer(tb) ? json_integer_value(tb) : 0;
    if (n < 0 || n > end - body)
        return ls_error_set(err, LS_ERR_FORMAT, "stored passage: its text runs past the record");
    if (tb) {
        if (!(p->text = malloc((size_t)n + 1))) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        memcpy(p->text, body, (size_t)n);
        p->text[n] = '\0';
        p->text_len = (size_t)n;
    }
    const char *card = body + n;
    if (card < end && !(p->procedure = strndup(card, (size_t)(end - card))))
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    return LS_OK;
}

ls_rc ls_passage_decode(const char *data, size_t len, ls_passage **out, ls_error *err)
{
    *out = NULL;
    json_error_t jerr;
    const char *nl = head_end(data, len);
    json_t *o = json_loadb(data, nl ? (size_t)(nl - data) : len, 0, &jerr);
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
    if (nl) {
        ls_rc rc = decode_body(o, nl + 1, data + len, p, err);
        if (rc) {
            json_decref(o);
            ls_passage_free(p);
            return rc;
        }
    } else {
        p->text = ls_record_get_str(o, "text", &p->text_len);
        json_t *card = json_object_get(o, "procedure");
        if (json_is_object(card)) p->procedure = json_dumps(card, JSON_COMPACT);
    }
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
    const char *nl = head_end(data, len);
    json_t *o = json_loadb(data ? data : "", nl ? (size_t)(nl - data) : len, 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_FORMAT, "a stored passage is not a JSON object");
    }
    if (status) json_object_set_new(o, "status", json_string(status));
    else json_object_del(o, "status");
    ls_buf_reset(out);
    ls_rc rc = ls_record_dump(o, out, err);
    if (!rc && nl) ls_buf_append(out, nl, (size_t)(data + len - nl)); /* '\n', text, card */
    if (!rc && ls_buf_error(out)) rc = ls_error_set(err, ls_buf_error(out), "cannot encode record");
    return rc;
}

/* Whether the JSON texts a[0..alen) and b[0..blen) hold equal values. */
static int same_json(const char *a, size_t alen, const char *b, size_t blen)
{
    json_t *ja = json_loadb(a, alen, 0, NULL), *jb = json_loadb(b, blen, 0, NULL);
    int same = ja && jb && json_equal(ja, jb);
    json_decref(ja);
    json_decref(jb);
    return same;
}

int ls_passage_same(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == blen && (alen == 0 || memcmp(a, b, alen) == 0)) return 1;
    const char *na = head_end(a, alen), *nb = head_end(b, blen);
    if (!na || !nb) return !na && !nb && same_json(a, alen, b, blen);
    size_t ta = (size_t)(a + alen - na), tb = (size_t)(b + blen - nb);
    return ta == tb && memcmp(na, nb, ta) == 0 &&
           same_json(a, (size_t)(na - a), b, (size_t)(nb - b));
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
