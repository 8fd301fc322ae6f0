/* review_json.c — a review result as JSON (ls_review_json, review.h).
 * The appends are unchecked: ls_buf keeps its first error, read once at the
 * end (ls_buf_error), so a failure anywhere fails the whole reply. */
#include <string.h>

#include "review.h"

static void str_field(ls_buf *b, const char *key, const char *v)
{
    if (!v) return;
    ls_buf_printf(b, ",\"%s\":", key);
    ls_buf_json_string(b, v, strlen(v));
}

static void cite_json(ls_buf *b, const ls_cite *c, const char *text, size_t len)
{
    size_t e = c->end <= len ? c->end : len, s = c->start <= e ? c->start : e;
    ls_buf_printf(b, "{\"start\":%zu,\"end\":%zu,\"group\":%zu,\"group_start\":%zu,\"group_end\":%zu",
                  c->start, c->end, c->group, c->group_start, c->group_end);
    ls_buf_puts(b, ",\"text\":");
    ls_buf_json_string(b, text + s, e - s);
    str_field(b, "relation", ls_relation_name(c->relation));
    str_field(b, "citation", c->citation);
    ls_buf_printf(b, ",\"self\":%s", c->self ? "true" : "false");
    str_field(b, "doc_number", c->doc_number);
    str_field(b, "law_name", c->law_name);
    str_field(b, "year", c->year);
    str_field(b, "article", c->article);
    str_field(b, "clause", c->clause);
    str_field(b, "point", c->point);
    str_field(b, "resolution", ls_cite_resolution_name(c->resolution));
    str_field(b, "why", c->why);
    if (c->doc_id) {
        ls_buf_puts(b, ",\"document\":{\"id\":");
        ls_buf_json_string(b, c->doc_id, strlen(c->doc_id));
        str_field(b, "number", c->doc_display_number);
        str_field(b, "title", c->doc_title);
        str_field(b, "issued", c->issued);
        str_field(b, "effective", c->effective);
        str_field(b, "status", c->status);
        ls_buf_putc(b, '}');
    }
    str_field(b, "heading", c->heading);
    str_field(b, "passage", c->text);
    if (c->ncandidates) {
        ls_buf_puts(b, ",\"candidates\":[");
        for (size_t i = 0; i < c->ncandidates; i++) {
            if (i) ls_buf_putc(b, ',');
            ls_buf_json_string(b, c->candidates[i], strlen(c->candidates[i]));
        }
        ls_buf_putc(b, ']');
    }
    if (c->doc_id) str_field(b, "force", ls_force_name(c->force));
    str_field(b, "force_by", c->force_by);
    str_field(b, "force_note", c->force_note);
    ls_buf_putc(b, '}');
}

ls_rc ls_review_json(const ls_review_result *r, const char *text, size_t len, ls_buf *out,
                     ls_error *err)
{
    ls_buf b = LS_BUF_INIT;
    ls_buf_puts(&b, "{\"as_of\":");
    ls_buf_json_string(&b, r->as_of ? r->as_of : "", r->as_of ? strlen(r->as_of) : 0);
    if (r->self_id) {
        ls_buf_puts(&b, ",\"self\":");
        ls_buf_json_string(&b, r->self_id, strlen(r->self_id));
    }
    ls_buf_printf(&b, ",\"summary\":{\"citations\":%zu,\"groups\":%zu,\"unresolved\":%zu,"
                      "\"not_in_force\":%zu},\"citations\":[",
                  r->ncites, r->ngroups, r->unresolved, r->not_in_force);
    for (size_t i = 0; i < r->ncites; i++) {
        if (i) ls_buf_putc(&b, ',');
        cite_json(&b, &r->cites[i], text, len);
    }
    ls_buf_puts(&b, "]}");
    ls_rc rc = ls_buf_error(&b);
    if (rc == LS_OK) rc = ls_buf_append(out, b.data, b.len);
    ls_buf_free(&b);
    return rc ? ls_error_set(err, rc, "review as JSON: %s", ls_strerror(rc)) : LS_OK;
}
