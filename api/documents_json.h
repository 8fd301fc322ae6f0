/* documents_json.h — the JSON of GET /v1/documents/{id} (api/routes.c) for
 * other front doors that hand out the same shape (the MCP resources,
 * api/mcp_resources.c), and the check the route applies to ids. */
#ifndef LS_DOCUMENTS_JSON_H
#define LS_DOCUMENTS_JSON_H

#include "../common/ls_buf.h"
#include "../common/ls_error.h"
#include "../query/search.h"

/* Append {"document": <the stored record>, "articles": [<ls_passage_json of
 * each article>]} for document `id` to out (the caller's buffer). Returns
 * LS_OK; LS_ERR_NOTFOUND (err says so) for an unknown id; LS_ERR_NOMEM. */
ls_rc ls_api_document_json(ls_searcher *s, const char *id, ls_buf *out, ls_error *err);

/* 1 when id (or an article number) looks like one people write: not empty,
 * at most 200 bytes, no control bytes, backslashes, "..", or leading '/'. */
int ls_api_plausible_id(const char *id);

/* What follows the document number in id ("60/2014/QH13/x" -> "/x"), or
 * NULL when nothing does or id holds no number: ids hold slashes, so a
 * segment after the number is an unknown sub-resource, not part of the id
 * (the document lookup would otherwise find 60/2014/QH13 and ignore it). */
const char *ls_api_id_tail(const char *id);

#endif
