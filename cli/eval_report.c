/* eval_report.c — `luat-search eval --report FILE.html` (eval_report.h):
 * rows are gathered in a buffer, the page is written at the end, when the
 * figures are known. Text goes through ls_snippet_render's HTML escaping. */
#include "eval_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../query/results_json.h"

struct eval_report {
    char *path;
    char *title;
    ls_buf rows;
    unsigned nrows, misses;
};

/* s, HTML-escaped, into b */
static void put_text(ls_buf *b, const char *s)
{
    ls_snippet_render(s ? s : "", "", "", 1, b);
}

eval_report *eval_report_new(const char *path, const char *questions_file)
{
    eval_report *rep = calloc(1, sizeof *rep);
    if (!rep) return NULL;
    const char *base = strrchr(questions_file, '/');
    rep->path = strdup(path);
    rep->title = strdup(base ? base + 1 : questions_file);
    if (!rep->path || !rep->title) {
        free(rep->path);
        free(rep->title);
        free(rep);
        return NULL;
    }
    return rep;
}

void eval_report_add(eval_report *rep, const char *id, const char *question,
                     json_t *relevant, unsigned rank, const ls_results *r, double ms)
{
    ls_buf *b = &rep->rows;
    rep->nrows++;
    if (!rank) rep->misses++;
    ls_buf_printf(b, "<tr class=\"%s\"><td>%u</td><td>", rank ? (rank == 1 ? "top" : "in") : "miss",
                  rep->nrows);
    put_text(b, question);
    if (id) {
        ls_buf_puts(b, "<br><small>");
        put_text(b, id);
        ls_buf_puts(b, "</small>");
    }
    ls_buf_puts(b, "</td><td>");
    size_t i;
    json_t *pair;
    json_array_foreach(relevant, i, pair) {
        if (i) ls_buf_puts(b, "<br>");
        ls_buf_puts(b, "Điều ");
        put_text(b, json_string_value(json_object_get(pair, "article")));
        ls_buf_putc(b, ' ');
        put_text(b, json_string_value(json_object_get(pair, "doc")));
    }
    if (rank) ls_buf_printf(b, "</td><td class=\"rank\">%u</td><td>", rank);
    else ls_buf_puts(b, "</td><td class=\"rank\">miss</td><td>");
    if (r->nhits) {
        put_text(b, r->hits[0].citation ? r->hits[0].citation : r->hits[0].passage_id);
        ls_buf_printf(b, " <small>(%.2f)</small>", r->hits[0].score);
    } else {
        ls_buf_puts(b, "<em>nothing</em>");
    }
    ls_buf_printf(b, "</td><td>%.1f</td></tr>\n", ms);
}

static const char style[] =
    "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}"
    "td,th{border-bottom:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}"
    "th{position:sticky;top:0;background:#f4f4f4}.rank{text-align:center;font-weight:bold}"
    "tr.miss{background:#fde8e8}tr.in{background:#fff8e0}tr.top .rank{color:#176a17}"
    "small{color:#666}label{margin-left:1em}"
    "body.only-misses tr.top,body.only-misses tr.in{display:none}";

int eval_report_close(eval_report *rep, unsigned n, double r1, double r10, double mrr,
                      double ndcg, double p50_ms, double p99_ms)
{
    FILE *f = fopen(rep->path, "w");
    int status = 0;
    if (!f) {
        fprintf(stderr, "luat-search eval: cannot write the report %s\n", rep->path);
        status = -1;
    } else {
        ls_buf head = LS_BUF_INIT;
        ls_buf_puts(&head, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                           "<title>eval: ");
        put_text(&head, rep->title);
        ls_buf_printf(&head, "</title><style>%s</style></head><body>\n<h1>", style);
        put_text(&head, rep->title);
        ls_buf_printf(&head,
                      "</h1>\n<p>%u questions: R@1 %.3f, R@10 %.3f, MRR@10 %.3f, nDCG@10 %.3f; "
                      "p50 %.2f ms, p99 %.2f ms. %u not in the top 10 (red); yellow: right "
                      "answer at rank 2-10."
                      "<label><input type=\"checkbox\" onchange=\"document.body.classList."
                      "toggle('only-misses',this.checked)\"> misses only</label></p>\n"
                      "<table><tr><th>#</th><th>question</th><th>right answer</th>"
                      "<th>rank</th><th>first hit (score)</th><th>ms</th></tr>\n",
                      n, r1, r10, mrr, ndcg, p50_ms, p99_ms, rep->misses);
        if (fwrite(head.data, 1, head.len, f) != head.len ||
            (rep->rows.len && fwrite(rep->rows.data, 1, rep->rows.len, f) != rep->rows.len) ||
            fputs("</table>\n</body></html>\n", f) == EOF)
            status = -1;
        if (fclose(f) != 0) status = -1;
        if (status) fprintf(stderr, "luat-search eval: cannot write the report %s\n", rep->path);
        ls_buf_free(&head);
    }
    ls_buf_free(&rep->rows);
    free(rep->path);
    free(rep->title);
    free(rep);
    return status;
}
