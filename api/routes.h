/* routes.h — the REST API's requests to replies, without sockets: the
 * server (server.c) collects a request and calls ls_api_handle; tests and
 * the fuzz target may call it too.
 *
 *   GET  /v1/search?q=&limit=&offset=&type=&issuer=&from=&to=&in_force=
 *   POST /v1/search                    the same as a JSON object
 *   GET  /v1/documents/{id}            the document and all its articles
 *   GET  /v1/documents/{id}/articles/{n}  one article, with its clauses
 *   GET  /v1/documents/{id}/relations?as_of=  its relations both ways
 *   POST /v1/review                    every citation of a text, resolved
 *   GET  /healthz  /metrics  /openapi.json  /  (the web page)
 *
 * /openapi.json is api/web/openapi.json, embedded like the page: describe
 * every route there (operationId, 4XX responses, schemas with
 * additionalProperties false; tests/openapi checks the replies against it).
 *
 * Errors are JSON {"error": {"status", "code", "message"}}. */
#ifndef LS_ROUTES_H
#define LS_ROUTES_H

#include <stddef.h>
#include "../common/ls_buf.h"
#include "../query/search.h"
#include "metrics.h"

typedef struct ls_api_request {
    const char *method;           /* "GET", "POST", ... */
    const char *path;             /* URL path, percent-decoded */
    const char *const *keys;      /* query-string pairs, decoded */
    const char *const *values;    /* (a value may be NULL) */
    const size_t *value_lens;     /* their byte lengths (may hold NUL) */
    size_t npairs;
    const char *body;             /* request body (POST), may be NULL */
    size_t body_len;
    const char *origin;           /* the Origin header (browsers), or NULL */
    /* any other request header by name (case-insensitive) or NULL when
     * absent; header itself may be NULL (no other headers, as in tests) */
    const char *(*header)(const struct ls_api_request *rq, const char *name);
    void *conn;                   /* the server's connection, for header */
} ls_api_request;

typedef struct ls_api_reply {
    unsigned status;              /* HTTP status */
    const char *content_type;     /* static string */
    ls_buf body;                  /* owned: free with ls_buf_free */
    ls_route route;               /* for metrics and the access log */
    const char *header_name;      /* one extra response header (static), or NULL */
    char header_value[80];        /* its value */
} ls_api_reply;

/* Answer rq into *out (out->body starts empty and is the caller's to
 * free; a cap_limit set on it bounds the reply: past it the answer is a 400
 * JSON error, never a cut body). searcher may be NULL when the index could not be opened:
 * open_error then says why, and routes that need the index answer 503. */
void ls_api_handle(ls_searcher *searcher, const char *open_error, const ls_api_request *rq,
                   ls_api_reply *out);

/* Fill *out with a JSON error reply (status, a code from the status, and
 * message). When out->body has failed on its cap_limit (the server's bound
 * on a reply), the reply is instead a 400 saying so. */
void ls_api_error(ls_api_reply *out, unsigned status, const char *message);

/* The same for a library error: its status from the code (400 for bad
 * input, 404 not found, 503 index trouble, else 500) and its message. */
void ls_api_fail(ls_api_reply *out, const ls_error *err);

/* Run the search parsed into p (when rc, the parse's error in err, is
 * LS_OK) and reply with its results, legal bases resolved, or the error;
 * frees p. */
struct ls_api_search;
void ls_api_search_reply(ls_searcher *s, struct ls_api_search *p, ls_rc rc, ls_error *err,
                         ls_api_reply *out);

/* POST /v1/review (route_review.c): the body is the text, or JSON {"text",
 * "as_of", "doc"}; the reply is ls_review_json's object. */
void ls_api_review(ls_searcher *s, const ls_api_request *rq, ls_api_reply *out);

/* GET /v1/procedures?q=... (the search parameters, kind fixed to procedure)
 * and GET /v1/procedures/{code} (a procedure's card, its legal bases
 * resolved; ?as_of=YYYY-MM-DD) (route_procedures.c). `rest` is the path
 * after "/v1/procedures" ("" or "/1.001193"). */
void ls_api_procedures(ls_searcher *s, const char *rest, const ls_api_request *rq,
                       ls_api_reply *out);
/* GET /v1/documents/{id}/relations[?as_of=YYYY-MM-DD] (route_relations.c):
 * rest is the path after "/v1/documents/". Returns 0 (nothing written) when
 * rest does not end in "/relations", else 1 with the reply in *out:
 * ls_doc_relations_json's object, or an error. */
int ls_api_relations(ls_searcher *s, const ls_api_request *rq, const char *rest,
                     ls_api_reply *out);

/* The HTTP status of a failure, the one table every route uses: bad input
 * (ls_rc_is_bad_input) 400, not found 404, the index or the disk 503,
 * anything else 500. */
unsigned ls_api_status_of(ls_rc rc);

#endif
