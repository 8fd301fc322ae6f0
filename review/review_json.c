/* review_json.c — a review result as JSON (ls_review_json, review.h), built
 * with jansson (common/ls_json.h): a failure anywhere fails the whole
 * reply. */
#include <string.h>

#include "../common/ls_json.h"
#include "review.h"

static json_t *document_object(const ls_cite *c)
{
    json_t *d = json_pack("{s:o}", "id", ls_json_str_or_null(c->doc_id));
    if (!d || ls_json_set_str(d, "number", c->doc_display_number) ||
        ls_json_set_str(d, "title", c->doc_title) || ls_json_set_str(d, "issued", c->issued) ||
        ls_json_set_str(d, "effective", c->effective) || ls_json_set_str(d, "status", c->status)) {
        json_decref(d);
        return NULL;
    }
    return d;
}

static json_t *cite_object(const ls_cite *c, const char *text, size_t len)
{
    size_t e = c->end <= len ? c->end : len, s = c->start <= e ? c->start : e;
    json_t *o = json_pack("{s:I, s:I, s:I, s:I, s:I, s:o}", "start", (json_int_t)c->start, "end",
                          (json_int_t)c->end, "group", (json_int_t)c->group, "group_start",
                          (json_int_t)c->group_start, "group_end", (json_int_t)c->group_end,
                          "text", ls_json_stringn(text + s, e - s));
    int bad = !o || ls_json_set_str(o, "relation", ls_relation_name(c->relation)) ||
              ls_json_set_str(o, "citation", c->citation) ||
              json_object_set_new(o, "self", json_boolean(c->self));
    const struct { const char *k, *v; } f[] = {
        {"doc_number", c->doc_number}, {"law_name", c->law_name}, {"year", c->year},
        {"article", c->article},       {"clause", c->clause},     {"point", c->point},
        {"resolution", ls_cite_resolution_name(c->resolution)},  {"why", c->why}};
    for (size_t i = 0; i < sizeof f / sizeof f[0] && !bad; i++)
        bad = ls_json_set_str(o, f[i].k, f[i].v);
    if (!bad && c->doc_id) bad = json_object_set_new(o, "document", document_object(c));
    if (!bad) bad = ls_json_set_str(o, "heading", c->heading) ||
                    ls_json_set_str(o, "passage", c->text);
    if (!bad && c->ncandidates) {
        json_t *a = json_array();
        for (size_t i = 0; a && i < c->ncandidates && !bad; i++)
            bad = json_array_append_new(a, ls_json_str_or_null(c->candidates[i]));
        if (bad) json_decref(a);
        else bad = json_object_set_new(o, "candidates", a);
    }
    if (!bad && c->doc_id) bad = ls_json_set_str(o, "force", ls_force_name(c->force));
    if (!bad) bad = ls_json_set_str(o, "force_by", c->force_by) ||
                    ls_json_set_str(o, "force_note", c->force_note);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

ls_rc ls_review_json(const ls_review_result *r, const char *text, size_t len, ls_buf *out,
                     ls_error *err)
{
    json_t *cites = json_array();
    for (size_t i = 0; cites && i < r->ncites; i++)
        if (json_array_append_new(cites, cite_object(&r->cites[i], text, len))) {
            json_decref(cites);
            cites = NULL;
        }
    json_t *o = json_pack("{s:s}", "as_of", r->as_of ? r->as_of : "");
    int bad = !o || !cites || ls_json_set_str(o, "self", r->self_id) ||
              json_object_set_new(o, "summary",
                                  json_pack("{s:I, s:I, s:I, s:I}", "citations",
                                            (json_int_t)r->ncites, "groups",
                                            (json_int_t)r->ngroups, "unresolved",
                                            (json_int_t)r->unresolved, "not_in_force",
                                            (json_int_t)r->not_in_force));
    if (!bad) {
        bad = json_object_set_new(o, "citations", cites);
        cites = NULL;
    }
    json_decref(cites);
    if (bad) {
        json_decref(o);
        o = NULL;
    }
    ls_buf b = LS_BUF_INIT; /* the reply whole or not at all */
    ls_rc rc = ls_json_put(&b, o);
    if (rc == LS_OK) rc = ls_buf_append(out, b.data, b.len);
    ls_buf_free(&b);
    return rc ? ls_error_set(err, rc, "review as JSON: %s", ls_strerror(rc)) : LS_OK;
}
