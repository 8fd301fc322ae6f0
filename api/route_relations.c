/* route_relations.c — GET /v1/documents/{id}/relations: a document's
 * relations in both directions as of a date (review/doc_relations.h). */
#include <stdio.h>
#include <string.h>

#include "../review/doc_relations.h"
#include "documents_json.h"
#include "routes.h"

int ls_api_relations(ls_searcher *s, const ls_api_request *rq, const char *rest,
                     ls_api_reply *out)
{
    static const char tail[] = "/relations";
    size_t n = strlen(rest);
    if (n < sizeof tail || strcmp(rest + n - (sizeof tail - 1), tail) != 0) return 0;
    char id[256];
    size_t idlen = n - (sizeof tail - 1);
    if (idlen >= sizeof id) {
        ls_api_error(out, 400, "document id too long");
        return 1;
    }
    memcpy(id, rest, idlen);
    id[idlen] = '\0';
    if (!ls_api_plausible_id(id)) {
        ls_api_error(out, 400, "bad document id (ids look like 13/2023/NĐ-CP; percent-encode it)");
        return 1;
    }
    const char *as_of = NULL;
    for (size_t i = 0; i < rq->npairs; i++) {
        if (strcmp(rq->keys[i], "as_of") != 0) {
            ls_api_error(out, 400, "unknown parameter (known: as_of)");
            return 1;
        }
        as_of = rq->values[i] ? rq->values[i] : "";
    }
    ls_doc_relations *r = NULL;
    ls_error err = {0};
    ls_rc rc = ls_doc_relations_get(s, id, as_of, &r, &err);
    if (!rc) rc = ls_doc_relations_json(r, &out->body, &err);
    if (rc) ls_api_error(out, ls_api_status_of(rc), err.msg[0] ? err.msg : ls_strerror(rc));
    ls_doc_relations_free(r);
    return 1;
}
