/* results_json.c — results and passages as JSON: jansson values
 * (ls_results_object, ls_passage_object) and their text (common/ls_json.h). */
#include "results_json.h"

#include <string.h>

#include "../common/ls_json.h"

ls_rc ls_snippet_render(const char *snippet, const char *open, const char *close,
                        int html_escape, ls_buf *out)
{
    ls_rc rc = LS_OK;
    for (const char *p = snippet; *p && !rc; p++) {
        switch (*p) {
        case '\x02': rc = ls_buf_puts(out, open); break;
        case '\x03': rc = ls_buf_puts(out, close); break;
        case '&': rc = html_escape ? ls_buf_puts(out, "&amp;") : ls_buf_putc(out, *p); break;
        case '<': rc = html_escape ? ls_buf_puts(out, "&lt;") : ls_buf_putc(out, *p); break;
        case '>': rc = html_escape ? ls_buf_puts(out, "&gt;") : ls_buf_putc(out, *p); break;
        case '"': rc = html_escape ? ls_buf_puts(out, "&quot;") : ls_buf_putc(out, *p); break;
        default: rc = ls_buf_putc(out, *p); break;
        }
    }
    return rc;
}

/* The fields that describe p, in this order, into o; -1 when out of
 * memory. */
static int passage_fields(const ls_passage *p, json_t *o)
{
    const struct { const char *k, *v; } f[] = {
        {"doc_id", p->doc_id},       {"doc_number", p->doc_number}, {"doc_type", p->doc_type},
        {"doc_title", p->doc_title}, {"issuer", p->issuer},         {"issued", p->issued},
        {"effective", p->effective}, {"status", p->status},         {"article", p->article},
        {"heading", p->heading},     {"part", p->part},             {"chapter", p->chapter},
        {"section", p->section},     {"pd_label", p->pd_label},     {"pd_topic", p->pd_topic},
        {"source_url", p->source_url}};
    int bad = 0;
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) bad |= ls_json_set_str(o, f[i].k, f[i].v);
    return bad;
}

json_t *ls_passage_object(const ls_passage *p)
{
    json_t *o = json_object(), *clauses = json_array();
    int bad = !o || !clauses || passage_fields(p, o);
    if (!bad && p->text) bad = json_object_set_new(o, "text", ls_json_stringn(p->text, p->text_len));
    for (size_t i = 0; i < p->nclauses && !bad; i++) {
        const ls_clause_span *c = &p->clauses[i];
        bad = json_array_append_new(
            clauses, json_pack("{s:o, s:o}", "number", ls_json_str_or_null(c->number), "text",
                               ls_json_stringn(p->text + c->start, c->end - c->start)));
    }
    if (!bad) bad = json_object_set_new(o, "clauses", clauses);
    else json_decref(clauses);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

ls_rc ls_passage_json(const ls_passage *p, ls_buf *out)
{
    return ls_json_put(out, ls_passage_object(p));
}

/* A procedure's card (a JSON object) merged into its hit: its members go in
 * after the hit's own. A card that is not an object adds nothing. */
static int card_fields(const char *card, json_t *hit)
{
    json_t *c = json_loads(card, 0, NULL);
    int bad = json_is_object(c) ? json_object_update(hit, c) : 0;
    json_decref(c);
    return bad;
}

static json_t *hit_object(const ls_hit *h, int with_text)
{
    json_t *o = json_pack("{s:I, s:o, s:s}", "rank", (json_int_t)h->rank, "score",
                          ls_json_fixed(h->score, 4), "kind",
                          h->passage->procedure ? "procedure" : "article");
    int bad = !o || ls_json_set_str(o, "id", h->passage_id) || passage_fields(h->passage, o) ||
              ls_json_set_str(o, "citation", h->citation) ||
              ls_json_set_str(o, "matched_clause", h->matched_clause);
    if (!bad && h->snippet) {
        ls_buf snip = LS_BUF_INIT;
        bad = ls_snippet_render(h->snippet, "<mark>", "</mark>", 1, &snip) ||
              json_object_set_new(o, "snippet", ls_json_stringn(snip.data ? snip.data : "",
                                                                snip.len));
        ls_buf_free(&snip);
    }
    if (!bad && with_text && h->passage->text)
        bad = json_object_set_new(o, "text",
                                  ls_json_stringn(h->passage->text, h->passage->text_len));
    if (!bad && h->passage->procedure) bad = card_fields(h->passage->procedure, o);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *hits_array(const ls_hit *hits, size_t n, int with_text)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++)
        if (json_array_append_new(a, hit_object(&hits[i], with_text))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

json_t *ls_results_object(const ls_results *r, const char *query, size_t query_len,
                          int with_text)
{
    json_t *o = json_pack("{s:o}", "query", ls_json_stringn(query, query_len));
    int bad = !o || ls_json_set_str(o, "understood", r->understood) ||
              json_object_set_new(o, "suggestion", ls_json_str_or_null(r->suggestion)) ||
              json_object_set_new(o, "confidence", ls_json_fixed(r->confidence, 3)) ||
              json_object_set_new(o, "no_answer", json_boolean(r->no_answer)) ||
              json_object_set_new(o, "notice", ls_json_str_or_null(r->notice)) ||
              (r->partial && json_object_set_new(o, "partial", json_true())) ||
              json_object_set_new(o, "total_estimate", json_integer(r->estimated)) ||
              json_object_set_new(o, "hits", hits_array(r->hits, r->nhits, with_text));
    /* LS_KIND_DEFAULT: the procedures beside */
    if (!bad && r->kind == 0)
        bad = json_object_set_new(o, "procedures",
                                  hits_array(r->procedures, r->nprocedures, 0));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

ls_rc ls_results_json(const ls_results *r, const char *query, size_t query_len,
                      int with_text, ls_buf *out)
{
    return ls_json_put(out, ls_results_object(r, query, query_len, with_text));
}
