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
    /* a->source_note is not stored since index format 4: nothing showed it
     * (3.3 MB of the pháp điển's zlib'd records); records before hold it */
    json_t *card = doc->procedure ? ls_procedure_card(doc->procedure) : NULL;
    bad |= doc->procedure && !card;
    if (bad) {
        json_decref(o);
        json_decref(card);
        return ls_error_set(err, LS_ERR_UTF8, "article %s of %s: a field is not valid UTF-8",
                            a->number ? a->number : "?", doc->id ? doc->id : "?");
    }
    ls_rc rc = ls_json_put_stored(out, o, err);
    if (!rc) ls_buf_putc(out, HEAD_END);
    if (!rc && text_len) ls_buf_append(out, a->text, text_len);
    if (!rc && card) rc = ls_json_put_stored(out, card, err);
    else json_decref(card);
    if (!rc && ls_buf_error(out)) rc = ls_error_set(err, ls_buf_error(out), "cannot encode record");
    return rc;
}

/* Where the head of a format 2 record ends (its '\n'); NULL for format 1. */
static const char *head_end(const char *data, size_t len)
{
    return data && len ? memchr(data, HEAD_END, len) : NULL;
}

/* The text and card of p from a format 2 record's body [body, end): the
 * text is its first n bytes (has_text 0: none). LS_ERR_FORMAT when they
 * do not fit. */
static ls_rc decode_body(int has_text, long long n, const char *body, const char *end,
                         ls_passage *p, ls_error *err)
{
    if (!has_text) n = 0;
    if (n < 0 || n > end - body)
        return ls_error_set(err, LS_ERR_FORMAT, "stored passage: its text runs past the record");
    if (has_text) {
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

/* The string fields of p and their keys, into f (PASSAGE_FIELDS of them). */
enum { PASSAGE_FIELDS = 17 };
static void passage_fields(ls_passage *p, ls_record_field f[PASSAGE_FIELDS])
{
    const ls_record_field str[PASSAGE_FIELDS] = {
        {&p->doc_id, "doc_id"},       {&p->doc_number, "doc_number"}, {&p->doc_type, "doc_type"},
        {&p->doc_title, "doc_title"}, {&p->issuer, "issuer"},         {&p->issued, "issued"},
        {&p->effective, "effective"}, {&p->status, "status"},         {&p->article, "article"},
        {&p->heading, "heading"},     {&p->part, "part"},             {&p->chapter, "chapter"},
        {&p->section, "section"},     {&p->pd_label, "pd_label"},     {&p->pd_topic, "pd_topic"},
        {&p->source_url, "source_url"}, {&p->source_note, "source_note"},
    };
    memcpy(f, str, sizeof str);
}

/* ---- the head as the encoder writes it, read without jansson ----------
 * Reading a hit's head with json_loadb cost ~150K instructions (jansson
 * builds a tree, validates every byte); this reader takes the one shape
 * ls_passage_encode writes (an object of strings, "text_bytes" and
 * "clauses") and nothing else: any other construct (a \u escape, a null,
 * a key it does not know) sends the head to jansson, which then decides. */
typedef struct head_reader {
    const char *p, *end;
} head_reader;

static int hr_lit(head_reader *r, char c)
{
    if (r->p < r->end && *r->p == c) {
        r->p++;
        return 1;
    }
    return 0;
}

/* A string without \u escapes, malloc'ed into *out. */
static int hr_str(head_reader *r, char **out)
{
    if (!hr_lit(r, '"')) return 0;
    const char *s = r->p;
    while (r->p < r->end && *r->p != '"')
        if (*r->p++ == '\\' && r->p++ == r->end) return 0;
    if (r->p >= r->end) return 0;
    size_t n = (size_t)(r->p++ - s); /* an escape never ends it: s[n - 1] is escaped */
    char *o = malloc(n + 1);
    if (!o) return 0;
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    size_t k = 0;
    int bad = 0;
    for (size_t i = 0; i < n && !bad; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != '\\') {
            bad = c < 0x20;                     /* a raw control byte: not JSON */
            o[k++] = (char)c;
            continue;
        }
        const char *e = strchr(from, s[++i]);
        if (!e || !*e) bad = 1;                 /* \u, or not an escape */
        else o[k++] = to[e - from];
    }
    if (bad) {
        free(o);
        return 0;
    }
    o[k] = '\0';
    *out = o;
    return 1;
}

static int hr_int(head_reader *r, long long *v)
{
    const char *s = r->p;
    long long x = 0;
    while (r->p < r->end && *r->p >= '0' && *r->p <= '9' && r->p - s < 18)
        x = x * 10 + (*r->p++ - '0');
    *v = x;
    return r->p > s && !(r->p < r->end && *r->p >= '0' && *r->p <= '9');
}

/* "clauses": [["1",0,577],...] onto p->clauses (numbers owned). */
static int hr_clauses(head_reader *r, ls_passage *p)
{
    if (!hr_lit(r, '[')) return 0;
    if (hr_lit(r, ']')) return 1;
    size_t cap = 0;
    do {
        char *num = NULL;
        long long a = 0, b = 0;
        if (!hr_lit(r, '[') || !hr_str(r, &num)) return 0;
        int ok = hr_lit(r, ',') && hr_int(r, &a) && hr_lit(r, ',') && hr_int(r, &b) &&
                 hr_lit(r, ']');
        if (ok && p->nclauses == cap) {
            cap = cap ? 2 * cap : 8;
            ls_clause_span *g = realloc(p->clauses, cap * sizeof *g);
            if (g) p->clauses = g;
            else ok = 0;
        }
        if (!ok) {
            free(num);
            return 0;
        }
        ls_clause_span *c = &p->clauses[p->nclauses++];
        if (!*num) {
            free(num);
            num = NULL;
        }
        *c = (ls_clause_span){.number = num, .start = (size_t)a, .end = (size_t)b};
    } while (hr_lit(r, ','));
    return hr_lit(r, ']');
}

/* The head [data, end) into p; *has_text / *text_bytes from "text_bytes".
 * 0 when it is not of the encoder's shape (p then holds a part: free it). */
static int head_fast(const char *data, const char *end, ls_passage *p, int *has_text,
                     long long *text_bytes)
{
    head_reader r = {data, end};
    ls_record_field f[PASSAGE_FIELDS];
    passage_fields(p, f);
    if (!hr_lit(&r, '{')) return 0;
    if (hr_lit(&r, '}')) return r.p == end;
    do {
        char *key = NULL;
        if (!hr_str(&r, &key)) return 0;
        int ok = hr_lit(&r, ':');
        if (ok && strcmp(key, TEXT_BYTES) == 0) ok = *has_text = hr_int(&r, text_bytes);
        else if (ok && strcmp(key, "clauses") == 0) ok = hr_clauses(&r, p);
        else if (ok) {
            size_t i = 0;
            while (i < PASSAGE_FIELDS && strcmp(f[i].key, key) != 0) i++;
            char *val = NULL;
            ok = i < PASSAGE_FIELDS && hr_str(&r, &val);
            if (ok) {
                free(*f[i].field); /* a key given twice: the last one, as jansson */
                *f[i].field = val;
            }
        }
        free(key);
        if (!ok) return 0;
    } while (hr_lit(&r, ','));
    return hr_lit(&r, '}') && r.p == end;
}

/* Drop the clauses whose span is not within the text. */
static void keep_clauses_in_text(ls_passage *p)
{
    size_t k = 0;
    for (size_t i = 0; i < p->nclauses; i++) {
        ls_clause_span *c = &p->clauses[i];
        if (c->start <= c->end && c->end <= p->text_len) p->clauses[k++] = *c;
        else free(c->number);
    }
    p->nclauses = k;
}

ls_rc ls_passage_decode(const char *data, size_t len, ls_passage **out, ls_error *err)
{
    *out = NULL;
    const char *nl = head_end(data, len);
    ls_passage *p = calloc(1, sizeof *p);
    if (!p) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    int has_text = 0;
    long long text_bytes = 0;
    if (nl && head_fast(data, nl, p, &has_text, &text_bytes)) {
        ls_rc rc = decode_body(has_text, text_bytes, nl + 1, data + len, p, err);
        if (rc) {
            ls_passage_free(p);
            return rc;
        }
        keep_clauses_in_text(p);
        *out = p;
        return LS_OK;
    }
    ls_passage_free(p); /* what the fast reader filled */
    json_error_t jerr;
    json_t *o = json_loadb(data, nl ? (size_t)(nl - data) : len, 0, &jerr);
    if (!json_is_object(o)) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_FORMAT, "stored passage is not a JSON object: %s",
                            jerr.text);
    }
    if (!(p = calloc(1, sizeof *p))) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    ls_record_field str[PASSAGE_FIELDS];
    passage_fields(p, str);
    ls_record_get_strs(o, str, PASSAGE_FIELDS);   /* out of memory: absent */
    if (nl) {
        json_t *tb = json_object_get(o, TEXT_BYTES);
        ls_rc rc = json_is_integer(tb) || !tb
                 ? decode_body(tb != NULL, tb ? json_integer_value(tb) : 0, nl + 1, data + len, p, err)
                 : ls_error_set(err, LS_ERR_FORMAT, "stored passage: text_bytes is not a number");
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
    ls_rc rc = ls_json_put_stored(out, o, err);
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
