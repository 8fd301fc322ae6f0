/* route_procedures.c — GET /v1/procedures?q=... (administrative procedures
 * that answer a question, each hit with its card) and GET
 * /v1/procedures/{code} (one procedure's card), routes.h. */
#include <stdlib.h>
#include <string.h>

#include "../review/procedure_bases.h"
#include "documents_json.h"
#include "routes.h"
#include "search_params.h"

static void search(ls_searcher *s, const ls_api_request *rq, ls_api_reply *out)
{
    ls_api_search p = {0};
    ls_error err = {0};
    ls_rc rc = ls_api_search_from_pairs(rq->keys, rq->values, rq->value_lens, rq->npairs, &p, &err);
    if (!rc && p.req.kind != LS_KIND_DEFAULT && p.req.kind != LS_KIND_PROCEDURE)
        rc = ls_error_set(&err, LS_ERR_ARG, "/v1/procedures answers procedures only (leave out kind)");
    p.req.kind = LS_KIND_PROCEDURE;
    ls_api_search_reply(s, &p, rc, &err, out);
}

static void card(ls_searcher *s, const char *code, const ls_api_request *rq, ls_api_reply *out)
{
    const char *as_of = NULL;
    for (size_t i = 0; i < rq->npairs; i++) {
        if (strcmp(rq->keys[i], "as_of") != 0) {
            ls_api_error(out, 400, "unknown parameter (known: as_of)");
            return;
        }
        as_of = rq->values[i];
    }
    if (!ls_api_plausible_id(code) || strchr(code, '/')) {
        ls_api_error(out, 400, "bad procedure code (codes look like 1.001193)");
        return;
    }
    char *json = NULL;
    ls_error err = {0};
    if (ls_procedure_get(s, code, as_of, &json, &err)) ls_api_fail(out, &err);
    else ls_buf_puts(&out->body, json);
    free(json);
}

void ls_api_procedures(ls_searcher *s, const char *rest, const ls_api_request *rq,
                       ls_api_reply *out)
{
    if (!*rest || strcmp(rest, "/") == 0) search(s, rq, out);
    else card(s, rest + 1, rq, out);
}
