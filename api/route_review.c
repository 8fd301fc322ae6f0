/* route_review.c — POST /v1/review: every citation of a legal text,
 * resolved against the index, with the cited texts' status (review/review.h).
 * The body is the text itself, or a JSON object {"text", "as_of", "doc"}. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../review/review.h"
#include "routes.h"

static int blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t') return 0;
    return 1;
}

/* as_of / doc from the query string (raw-text bodies). */
static int pair_value(const ls_api_request *rq, const char *key, const char **out)
{
    for (size_t i = 0; i < rq->npairs; i++) {
        if (strcmp(rq->keys[i], "as_of") != 0 && strcmp(rq->keys[i], "doc") != 0) return -1;
        if (strcmp(rq->keys[i], key) == 0) *out = rq->values[i];
    }
    return 0;
}

void ls_api_review(ls_searcher *s, const ls_api_request *rq, ls_api_reply *out)
{
    const char *body = rq->body ? rq->body : "";
    size_t len = rq->body_len;
    size_t lead = 0;
    while (lead < len && blank(body + lead, 1)) lead++;
    ls_review_opts opts = {0};
    const char *text = body;
    size_t text_len = len;
    json_t *o = NULL;
    if (lead < len && body[lead] == '{') {
        json_error_t jerr;
        o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
        if (!o || !json_is_object(o)) {
            char msg[256];
            snprintf(msg, sizeof msg, "malformed JSON body: %s", o ? "not an object" : jerr.text);
            ls_api_error(out, 400, msg);
            json_decref(o);
            return;
        }
        const char *key;
        json_t *v;
        json_object_foreach(o, key, v) {
            if (strcmp(key, "text") && strcmp(key, "as_of") && strcmp(key, "doc")) {
                ls_api_error(out, 400, "unknown field (known: text, as_of, doc)");
                json_decref(o);
                return;
            }
            if (!json_is_string(v)) {
                ls_api_error(out, 400, "fields text, as_of and doc must be strings");
                json_decref(o);
                return;
            }
        }
        text = json_string_value(json_object_get(o, "text"));
        text_len = text ? json_string_length(json_object_get(o, "text")) : 0;
        opts.as_of = json_string_value(json_object_get(o, "as_of"));
        opts.doc_id = json_string_value(json_object_get(o, "doc"));
        if (rq->npairs) {
            ls_api_error(out, 400, "with a JSON body, give as_of and doc in it, not the query string");
            json_decref(o);
            return;
        }
    } else if (pair_value(rq, "as_of", &opts.as_of) || pair_value(rq, "doc", &opts.doc_id)) {
        ls_api_error(out, 400, "unknown parameter (known: as_of, doc)");
        return;
    }
    if (!text || blank(text, text_len)) {
        ls_api_error(out, 400, "no text to review (send it as the body, or as \"text\" in JSON)");
        json_decref(o);
        return;
    }
    ls_review_result *r = NULL;
    ls_error err = {0};
    ls_rc rc = ls_review(s, text, text_len, &opts, &r, &err);
    if (!rc) rc = ls_review_json(r, text, text_len, &out->body, &err);
    if (rc) ls_api_fail(out, &err);
    ls_review_result_free(r);
    json_decref(o);
}
