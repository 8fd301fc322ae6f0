/* routes.c — request to reply for every route of the REST API (routes.h).
 * Result shapes come from query/results_json.h, the one JSON shape every
 * front door hands out. */
#include "routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../common/ls_json.h"
#include "../query/results_json.h"
#include "../text/analyser.h"
#include "documents_json.h"
#include "mcp.h"
#include "search_params.h"
#include "web_assets.h"

#define JSON_TYPE "application/json; charset=utf-8"

static const char *status_code_name(unsigned status)
{
    switch (status) {
    case 400: return "bad-request";
    case 404: return "not-found";
    case 405: return "method-not-allowed";
    case 413: return "payload-too-large";
    case 414: return "uri-too-long";
    case 415: return "unsupported-media-type";
    case 429: return "too-many-requests";
    case 500: return "internal";
    case 503: return "unavailable";
    default: return status >= 500 ? "server-error" : "error";
    }
}

void ls_api_error(ls_api_reply *out, unsigned status, const char *message)
{
    char over[200];
    if (ls_buf_error(&out->body) == LS_ERR_LIMIT && out->body.cap_limit) {
        /* the reply outgrew its bound (serve --max-reply), whatever failed */
        snprintf(over, sizeof over, "the answer would be over %zu bytes, this server's bound on "
                 "a reply: ask for fewer hits or review a shorter text", out->body.cap_limit);
        status = 400;
        message = over;
    }
    ls_buf_reset(&out->body);
    out->status = status;
    out->content_type = JSON_TYPE;
    ls_rc rc = ls_json_put(&out->body, json_pack("{s:{s:I, s:s, s:o}}", "error", "status",
                                                 (json_int_t)status, "code",
                                                 status_code_name(status), "message",
                                                 ls_json_str_or_null(message)));
    if (rc) ls_buf_reset(&out->body); /* out of memory: an empty 5xx */
}

unsigned ls_api_status_of(ls_rc rc)
{
    if (ls_rc_is_bad_input(rc)) return 400;
    switch (rc) {
    case LS_ERR_NOTFOUND: return 404;
    case LS_ERR_INDEX: case LS_ERR_IO: case LS_ERR_LOCKED: return 503;
    default: return 500;
    }
}

void ls_api_fail(ls_api_reply *out, const ls_error *err)
{
    ls_api_error(out, ls_api_status_of(err->rc), err->msg[0] ? err->msg : ls_strerror(err->rc));
}

static void search(ls_searcher *s, const ls_api_request *rq, ls_api_reply *out)
{
    ls_api_search p = {0}; /* freed below even when neither parser ran */
    ls_error err = {0};
    ls_rc rc;
    if (strcmp(rq->method, "POST") == 0) {
        if (rq->npairs)
            rc = ls_error_set(&err, LS_ERR_ARG, "POST /v1/search takes its parameters in the "
                              "JSON body, not the query string");
        else rc = ls_api_search_from_json(rq->body ? rq->body : "", rq->body_len, &p, &err);
    } else {
        rc = ls_api_search_from_pairs(rq->keys, rq->values, rq->value_lens, rq->npairs, &p,
                                      &err);
    }
    ls_api_search_reply(s, &p, rc, &err, out);
}

void ls_api_search_reply(ls_searcher *s, ls_api_search *p, ls_rc rc, ls_error *err,
                         ls_api_reply *out)
{
    ls_results *r = NULL;
    if (!rc) rc = ls_search(s, &p->req, &r, err);
    if (!rc) rc = ls_results_json(r, p->req.query, p->req.query_len, 0, &out->body);
    if (rc) ls_api_fail(out, err);
    ls_results_free(r);
    ls_api_search_free(p);
}

/* An id as people write it: no control bytes, no path tricks. */
int ls_api_plausible_id(const char *id)
{
    if (!*id || strlen(id) > 200 || strstr(id, "..") || id[0] == '/') return 0;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\') return 0;
    return 1;
}

const char *ls_api_id_tail(const char *id)
{
    size_t len = strlen(id), end = ls_docnum_end(id, len);
    return end && end < len ? id + end : NULL;
}

static void article(ls_searcher *s, const char *id, const char *number, ls_api_reply *out)
{
    ls_passage *p = NULL;
    ls_error err = {0};
    ls_rc rc = ls_searcher_get_passage(s, id, number, &p, &err);
    if (!rc) rc = ls_passage_json(p, &out->body);
    if (rc) ls_api_fail(out, &err);
    ls_passage_free(p);
}

ls_rc ls_api_document_json(ls_searcher *s, const char *id, ls_buf *body, ls_error *err)
{
    char *record = NULL;
    ls_doc_record r = {0};
    ls_rc rc = ls_searcher_get_document(s, id, &record, err);
    json_t *o = rc ? NULL : json_loads(record, 0, NULL);   /* parsed once: shown and decoded */
    free(record);
    if (rc) return rc;
    if (ls_doc_record_decode_object(o, &r, NULL) == LS_ERR_FORMAT) {
        json_decref(o);
        return ls_error_set(err, LS_ERR_INDEX, "%.200s: the stored record is not a JSON object",
                            id);
    }
    json_t *articles = json_array();
    json_t *reply = json_pack("{s:o, s:o}", "document", o, "articles", articles);
    for (size_t i = 0; reply && i < r.narticles; i++) {
        ls_passage *p = NULL;
        ls_error one = {0};
        if (ls_searcher_get_passage(s, id, r.articles[i], &p, &one)) continue;
        int bad = json_array_append_new(articles, ls_passage_object(p));
        ls_passage_free(p);
        if (bad) {
            json_decref(reply);
            reply = NULL;
            break;
        }
    }
    ls_doc_record_free(&r);
    rc = ls_json_put(body, reply);
    if (rc == LS_ERR_NOMEM) ls_error_set(err, rc, "out of memory");
    return rc;
}

static void document(ls_searcher *s, const char *id, ls_api_reply *out)
{
    ls_error err = {0};
    if (ls_api_document_json(s, id, &out->body, &err)) ls_api_fail(out, &err);
}

/* /v1/documents/{id}[/articles/{n}]: ids hold slashes ("13/2023/nđ-cp"),
 * so the article part is found from the end. */
static void documents(ls_searcher *s, const char *rest, ls_api_reply *out)
{
    char id[256];
    const char *art = strstr(rest, "/articles/");
    const char *number = NULL;
    size_t idlen = strlen(rest);
    if (art) {
        const char *last;
        while ((last = strstr(art + 1, "/articles/"))) art = last;
        idlen = (size_t)(art - rest);
        number = art + strlen("/articles/");
    }
    if (idlen >= sizeof id) {
        ls_api_error(out, 400, "document id too long");
        return;
    }
    memcpy(id, rest, idlen);
    id[idlen] = '\0';
    if (!ls_api_plausible_id(id) || (number && (!*number || !ls_api_plausible_id(number) ||
                                         strchr(number, '/')))) {
        ls_api_error(out, 400, "bad document id or article number (ids look like "
                               "13/2023/NĐ-CP, articles like 5 or 5a; percent-encode the id)");
        return;
    }
    if (ls_api_id_tail(id)) {
        ls_api_error(out, 404, "no such route: a document has only /articles/{n} below it "
                               "(see /openapi.json)");
        return;
    }
    out->route = number ? LS_ROUTE_ARTICLE : LS_ROUTE_DOCUMENT;
    if (number) article(s, id, number, out);
    else document(s, id, out);
}

static void health(ls_searcher *s, const char *open_error, ls_api_reply *out)
{
    unsigned long rev = 0, passages = 0;
    ls_error err = {0};
    if (!s) {
        ls_api_error(out, 503, open_error ? open_error : "index unavailable");
        return;
    }
    if (ls_searcher_revision(s, &rev, &passages, &err)) {
        ls_api_fail(out, &err);
        return;
    }
    if (ls_json_put(&out->body, json_pack("{s:s, s:I, s:I}", "status", "ok", "index_revision",
                                          (json_int_t)rev, "passages", (json_int_t)passages)))
        ls_api_error(out, 500, "out of memory");
}

static void metrics(ls_searcher *s, ls_api_reply *out)
{
    unsigned long rev = 0, passages = 0;
    if (s) ls_searcher_revision(s, &rev, &passages, NULL);
    out->content_type = "text/plain; version=0.0.4; charset=utf-8";
    if (ls_metrics_write(&out->body, rev, passages)) ls_api_error(out, 500, "out of memory");
}

static int serve_asset(const char *path, ls_api_reply *out)
{
    if (strcmp(path, "/") == 0) path = "/index.html";
    for (size_t i = 0; i < ls_web_asset_count; i++)
        if (strcmp(ls_web_assets[i].path, path) == 0) {
            out->content_type = ls_web_assets[i].content_type;
            ls_buf_append(&out->body, (const char *)ls_web_assets[i].data, ls_web_assets[i].len);
            return 1;
        }
    return 0;
}

static void handle(ls_searcher *s, const char *open_error, const ls_api_request *rq,
                   ls_api_reply *out);

void ls_api_handle(ls_searcher *s, const char *open_error, const ls_api_request *rq,
                   ls_api_reply *out)
{
    handle(s, open_error, rq, out);
    if (ls_buf_error(&out->body)) ls_api_error(out, 500, "out of memory"); /* or over the cap */
}

static void handle(ls_searcher *s, const char *open_error, const ls_api_request *rq,
                   ls_api_reply *out)
{
    out->status = 200;
    out->content_type = JSON_TYPE;
    out->route = LS_ROUTE_OTHER;
    const char *path = rq->path;
    static const char docs_prefix[] = "/v1/documents/";
    int get = strcmp(rq->method, "GET") == 0 || strcmp(rq->method, "HEAD") == 0;
    int post = strcmp(rq->method, "POST") == 0;
    int needs_index = 1;
    if (strcmp(path, "/mcp") == 0) { ls_mcp_http(s, open_error, rq, out); return; }
    /* an empty segment names no resource (a document id's own slashes
     * arrive decoded: documents() judges those) */
    if (strstr(path, "//") && strncmp(path, docs_prefix, sizeof docs_prefix - 1) != 0) {
        ls_api_error(out, 404, "no such route: empty path segment (see /openapi.json)");
        return;
    }
    if (strcmp(path, "/v1/search") == 0) out->route = LS_ROUTE_SEARCH;
    else if (strncmp(path, docs_prefix, sizeof docs_prefix - 1) == 0) out->route = LS_ROUTE_DOCUMENT;
    else if (strcmp(path, "/v1/review") == 0) out->route = LS_ROUTE_REVIEW;
    else if (strncmp(path, "/v1/procedures", 14) == 0 && (!path[14] || path[14] == '/'))
        out->route = LS_ROUTE_PROCEDURE;
    else if (strcmp(path, "/healthz") == 0) out->route = LS_ROUTE_HEALTH;
    else if (strcmp(path, "/metrics") == 0) out->route = LS_ROUTE_METRICS;
    else if (strcmp(path, "/openapi.json") == 0) out->route = LS_ROUTE_OPENAPI;
    else if (serve_asset(path, out)) out->route = LS_ROUTE_PAGE;
    if (out->route == LS_ROUTE_OTHER) {
        ls_api_error(out, 404, "no such route (see /openapi.json)");
        return;
    }
    int allowed = out->route == LS_ROUTE_SEARCH   ? get || post
                  : out->route == LS_ROUTE_REVIEW ? post
                                                  : get;
    if (!allowed) {
        ls_buf_reset(&out->body);
        out->header_name = "Allow"; /* a 405 names the methods that work (RFC 9110) */
        snprintf(out->header_value, sizeof out->header_value, "%s",
                 out->route == LS_ROUTE_SEARCH   ? "GET, HEAD, POST"
                 : out->route == LS_ROUTE_REVIEW ? "POST"
                                                 : "GET, HEAD");
        ls_api_error(out, 405, out->route == LS_ROUTE_SEARCH   ? "use GET or POST"
                               : out->route == LS_ROUTE_REVIEW ? "use POST"
                                                               : "use GET");
        return;
    }
    if (out->route == LS_ROUTE_PAGE || out->route == LS_ROUTE_OPENAPI ||
        out->route == LS_ROUTE_METRICS || out->route == LS_ROUTE_HEALTH)
        needs_index = 0;
    if (needs_index && !s) {
        ls_api_error(out, 503, open_error ? open_error : "index unavailable");
        return;
    }
    switch (out->route) {
    case LS_ROUTE_SEARCH: search(s, rq, out); break;
    case LS_ROUTE_REVIEW: ls_api_review(s, rq, out); break;
    case LS_ROUTE_PROCEDURE: ls_api_procedures(s, path + 14, rq, out); break;
    case LS_ROUTE_DOCUMENT:
        if (!ls_api_relations(s, rq, path + sizeof docs_prefix - 1, out))
            documents(s, path + sizeof docs_prefix - 1, out);
        break;
    case LS_ROUTE_HEALTH: health(s, open_error, out); break;
    case LS_ROUTE_METRICS: metrics(s, out); break;
    case LS_ROUTE_OPENAPI: serve_asset(path, out); break; /* api/web/openapi.json */
    default: break;
    }
}
