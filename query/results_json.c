/* results_json.c — results and passages to JSON text (no allocation per
 * field: written straight into an ls_buf). */
#include "results_json.h"

#include <string.h>

static ls_rc field_str(ls_buf *b, const char *key, const char *val, int *first)
{
    if (!val) return LS_OK;
    ls_rc rc = ls_buf_printf(b, "%s\"%s\":", *first ? "" : ",", key);
    *first = 0;
    if (!rc) rc = ls_buf_json_string(b, val, strlen(val));
    return rc;
}

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

static ls_rc passage_fields(const ls_passage *p, ls_buf *b, int *first)
{
    ls_rc rc = LS_OK;
    const struct { const char *k, *v; } f[] = {
        {"doc_id", p->doc_id},       {"doc_number", p->doc_number}, {"doc_type", p->doc_type},
        {"doc_title", p->doc_title}, {"issuer", p->issuer},         {"issued", p->issued},
        {"effective", p->effective}, {"status", p->status},         {"article", p->article},
        {"heading", p->heading},     {"part", p->part},             {"chapter", p->chapter},
        {"section", p->section},     {"pd_label", p->pd_label},     {"pd_topic", p->pd_topic},
        {"source_url", p->source_url}};
    for (size_t i = 0; i < sizeof f / sizeof f[0] && !rc; i++)
        rc = field_str(b, f[i].k, f[i].v, first);
    return rc;
}

ls_rc ls_passage_json(const ls_passage *p, ls_buf *out)
{
    int first = 1;
    ls_rc rc = ls_buf_putc(out, '{');
    if (!rc) rc = passage_fields(p, out, &first);
    if (!rc && p->text) {
        rc = ls_buf_printf(out, "%s\"text\":", first ? "" : ",");
        first = 0;
        if (!rc) rc = ls_buf_json_string(out, p->text, p->text_len);
    }
    if (!rc) rc = ls_buf_puts(out, ",\"clauses\":[");
    for (size_t i = 0; i < p->nclauses && !rc; i++) {
        const ls_clause_span *c = &p->clauses[i];
        rc = ls_buf_printf(out, "%s{\"number\":", i ? "," : "");
        if (!rc) rc = c->number ? ls_buf_json_string(out, c->number, strlen(c->number))
                                : ls_buf_puts(out, "null");
        if (!rc) rc = ls_buf_puts(out, ",\"text\":");
        if (!rc) rc = ls_buf_json_string(out, p->text + c->start, c->end - c->start);
        if (!rc) rc = ls_buf_putc(out, '}');
    }
    if (!rc) rc = ls_buf_puts(out, "]}");
    return rc;
}

/* A procedure's card fields spliced into its hit (the card is a compact
 * JSON object: its members go in after the hit's own). */
static ls_rc card_fields(const char *card, ls_buf *b)
{
    size_t n = strlen(card);
    if (n < 2 || card[0] != '{' || card[n - 1] != '}') return LS_OK;
    if (n == 2) return LS_OK;
    ls_rc rc = ls_buf_putc(b, ',');
    return rc ? rc : ls_buf_append(b, card + 1, n - 2);
}

static ls_rc hit_json(const ls_hit *h, int with_text, ls_buf *b)
{
    int first = 0;
    ls_rc rc = ls_buf_printf(b, "{\"rank\":%u,\"score\":%.4f,\"kind\":\"%s\"", h->rank,
                             h->score, h->passage->procedure ? "procedure" : "article");
    if (!rc) rc = field_str(b, "id", h->passage_id, &first);
    if (!rc) rc = passage_fields(h->passage, b, &first);
    if (!rc) rc = field_str(b, "citation", h->citation, &first);
    if (!rc) rc = field_str(b, "matched_clause", h->matched_clause, &first);
    if (!rc && h->snippet) {
        ls_buf snip = LS_BUF_INIT;
        rc = ls_snippet_render(h->snippet, "<mark>", "</mark>", 1, &snip);
        if (!rc) rc = field_str(b, "snippet", snip.data ? snip.data : "", &first);
        ls_buf_free(&snip);
    }
    if (!rc && with_text && h->passage->text) {
        rc = ls_buf_puts(b, ",\"text\":");
        if (!rc) rc = ls_buf_json_string(b, h->passage->text, h->passage->text_len);
    }
    if (!rc && h->passage->procedure) rc = card_fields(h->passage->procedure, b);
    if (!rc) rc = ls_buf_putc(b, '}');
    return rc;
}

ls_rc ls_results_json(const ls_results *r, const char *query, size_t query_len,
                      int with_text, ls_buf *out)
{
    ls_rc rc = ls_buf_puts(out, "{\"query\":");
    if (!rc) rc = ls_buf_json_string(out, query, query_len);
    int first = 0;
    if (!rc) rc = field_str(out, "understood", r->understood, &first);
    if (!rc) rc = ls_buf_puts(out, ",\"suggestion\":");
    if (!rc) rc = r->suggestion ? ls_buf_json_string(out, r->suggestion, strlen(r->suggestion))
                                : ls_buf_puts(out, "null");
    if (!rc) rc = ls_buf_printf(out, ",\"confidence\":%.3f,\"no_answer\":%s,\"notice\":",
                                r->confidence, r->no_answer ? "true" : "false");
    if (!rc) rc = r->notice ? ls_buf_json_string(out, r->notice, strlen(r->notice))
                            : ls_buf_puts(out, "null");
    if (!rc && r->partial) rc = ls_buf_puts(out, ",\"partial\":true");
    if (!rc) rc = ls_buf_printf(out, ",\"total_estimate\":%u,\"hits\":[", r->estimated);
    for (size_t i = 0; i < r->nhits && !rc; i++) {
        if (i) rc = ls_buf_putc(out, ',');
        if (!rc) rc = hit_json(&r->hits[i], with_text, out);
    }
    if (!rc) rc = ls_buf_putc(out, ']');
    if (!rc && r->kind == 0) { /* LS_KIND_DEFAULT: the procedures beside */
        rc = ls_buf_puts(out, ",\"procedures\":[");
        for (size_t i = 0; i < r->nprocedures && !rc; i++) {
            if (i) rc = ls_buf_putc(out, ',');
            if (!rc) rc = hit_json(&r->procedures[i], 0, out);
        }
        if (!rc) rc = ls_buf_putc(out, ']');
    }
    if (!rc) rc = ls_buf_putc(out, '}');
    return rc;
}
