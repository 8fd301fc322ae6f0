/* mcp_resources.h — the MCP resources of luat-search: the index itself
 * (luat://index, what it holds) and, through two URI templates, every
 * document (luat://document/{id}) and article
 * (luat://document/{id}/article/{n}) as the JSON that GET /v1/documents/...
 * hands out. Private to api/mcp.c; no transport here. */
#ifndef LS_MCP_RESOURCES_H
#define LS_MCP_RESOURCES_H

#include <stddef.h>
#include <jansson.h>
#include "../query/search.h"
#include "mcp_codes.h"

#define LS_MCP_DOCUMENT_TEMPLATE "luat://document/{id}"
#define LS_MCP_ARTICLE_TEMPLATE "luat://document/{id}/article/{n}"

/* The result of resources/list: {"resources": [...]} (new reference; NULL
 * when out of memory). */
json_t *ls_mcp_resources_list(void);

/* The result of resources/templates/list: {"resourceTemplates": [...]}. */
json_t *ls_mcp_resource_templates(void);

/* resources/read of uri against s (NULL when the index is unavailable:
 * the error then says `unavailable`, why, or "the index is unavailable"
 * when that is NULL). On success returns 0 and *result holds
 * {"contents": [{uri, mimeType, text}]} (new reference, the caller
 * decrefs); otherwise a JSON-RPC error code (-32602 a URI that is not
 * luat-search's, LS_MCP_RESOURCE_NOT_FOUND, -32603 no index or out of
 * memory) with a message in msg: the URI quoted to its first 200 bytes
 * (the caller makes the message valid UTF-8), an error's text whole — a
 * msg_cap of 768 holds any (ls_error's 512, `unavailable` up to 531). */
int ls_mcp_resources_read(ls_searcher *s, const char *unavailable, const char *uri,
                          json_t **result, char *msg, size_t msg_cap);

#endif
