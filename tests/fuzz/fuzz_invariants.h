/* fuzz_invariants.h — the output invariants every fuzz target asserts on
 * what comes out, not only that nothing crashes (abort() is the finding):
 *   - text handed on (replies, messages, document fields) is valid UTF-8;
 *   - a reply that claims JSON parses as JSON; an error reply's status
 *     agrees with its body ({"error":{"status":S,"code","message"}} with
 *     S the HTTP status, or a JSON-RPC error on /mcp);
 *   - an offset into an input lies inside it and on a character boundary.
 * Header-only (static): each target is built from its own .c file.
 * fuzz_searcher() opens the index named by $LS_FUZZ_INDEX once (scripts/
 * run-fuzz builds one of corpus/sample cut short, scripts/fuzz-corpus) so
 * replies come from real searches; without it, routes that need the index
 * answer 503. */
#ifndef LS_FUZZ_INVARIANTS_H
#define LS_FUZZ_INVARIANTS_H

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../api/routes.h"
#include "../../corpus/document.h"
#include "../../query/search.h"
#include "../../text/analyser.h"

static inline void inv_utf8(const char *s, size_t n)
{
    if (s && !ls_utf8_valid(s, n, NULL)) abort();
}

static inline void inv_utf8_str(const char *s)
{
    if (s) inv_utf8(s, strlen(s));
}

/* off lies in text[0..len] and does not split a character */
static inline void inv_boundary(const char *text, size_t len, size_t off)
{
    if (off > len) abort();
    if (off < len && ((unsigned char)text[off] & 0xC0) == 0x80) abort();
}

/* s[0..n) parses as one JSON value (jansson refuses invalid UTF-8;
 * "\u0000" is valid JSON); returns it (caller decrefs) */
static inline json_t *inv_json(const char *s, size_t n)
{
    json_t *j = json_loadb(s ? s : "", n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    if (!j) abort();
    return j;
}

static inline void inv_reply(const ls_api_reply *r)
{
    if (r->status < 100 || r->status > 599) abort();
    const char *type = r->content_type ? r->content_type : "";
    int json = strncmp(type, "application/json", 16) == 0;
    if (json || strncmp(type, "text/", 5) == 0) inv_utf8(r->body.data, r->body.len);
    if (!json || !r->body.len) {
        if (r->status >= 400 && !json) abort(); /* errors are JSON */
        return;
    }
    json_t *j = inv_json(r->body.data, r->body.len);
    json_t *e = json_object_get(j, "error");
    if (r->status >= 400) {
        int rest = json_integer_value(json_object_get(e, "status")) == (json_int_t)r->status &&
                   json_is_string(json_object_get(e, "code")) &&
                   json_is_string(json_object_get(e, "message"));
        int rpc = json_is_string(json_object_get(j, "jsonrpc")) &&
                  json_is_integer(json_object_get(e, "code"));
        if (!rest && !rpc) abort();
    } else if (e && !json_is_string(json_object_get(j, "jsonrpc"))) {
        abort(); /* a 2xx with a REST error body */
    }
    json_decref(j);
}

/* an article's text (when utf8) and every span in it */
static inline void inv_article(const ls_article *a, int utf8)
{
    const char *t = a->text ? a->text : "";
    if (utf8) {
        inv_utf8(t, a->text_len);
        inv_utf8_str(a->number);
        inv_utf8_str(a->heading);
        inv_utf8_str(a->part);
        inv_utf8_str(a->chapter);
        inv_utf8_str(a->section);
        inv_utf8_str(a->pd_label);
        inv_utf8_str(a->pd_topic);
        inv_utf8_str(a->source_note);
    }
    for (size_t i = 0; i < a->nclauses; i++) {
        const ls_clause *c = &a->clauses[i];
        if (c->start > c->end || c->end > a->text_len) abort();
        if (utf8) inv_boundary(t, a->text_len, c->start), inv_boundary(t, a->text_len, c->end);
        for (size_t j = 0; j < c->npoints; j++) {
            if (c->points[j].start < c->start || c->points[j].end > c->end) abort();
            if (utf8)
                inv_boundary(t, a->text_len, c->points[j].start),
                    inv_boundary(t, a->text_len, c->points[j].end);
        }
    }
    for (size_t i = 0; i < a->nrefs; i++) {
        if (a->refs[i].start >= a->refs[i].end || a->refs[i].end > a->text_len) abort();
        if (utf8) inv_boundary(t, a->text_len, a->refs[i].start),
            inv_boundary(t, a->text_len, a->refs[i].end);
    }
}

/* a document a reader hands on: what it stores is UTF-8 (it reaches JSON) */
static inline void inv_document(const ls_document *d)
{
    inv_utf8_str(d->id);
    inv_utf8_str(d->number);
    inv_utf8_str(d->type);
    inv_utf8_str(d->issuer);
    inv_utf8_str(d->issued);
    inv_utf8_str(d->effective);
    inv_utf8_str(d->title);
    inv_utf8_str(d->status);
    for (size_t i = 0; i < d->narticles; i++) inv_article(&d->articles[i], 1);
}

static inline ls_searcher *fuzz_searcher(void)
{
    static int tried;
    static ls_searcher *s;
    if (!tried) {
        tried = 1;
        const char *db = getenv("LS_FUZZ_INDEX");
        if (db && *db && ls_searcher_open(db, &s, NULL)) abort(); /* named but broken */
    }
    return s;
}

#endif
