/* mcp_complete.h — MCP's completion/complete for luat-search: the article
 * numbers of a document for the {n} of luat://document/{id}/article/{n}
 * (the document named by the {id} already given, in context.arguments).
 * Other arguments (a document id, a prompt's question or text) have no
 * list to complete from and get no values. Private to api/mcp.c. */
#ifndef LS_MCP_COMPLETE_H
#define LS_MCP_COMPLETE_H

#include <stddef.h>
#include <jansson.h>
#include "../query/search.h"

#define LS_MCP_MAX_COMPLETIONS 100 /* the spec's bound on values */

/* completion/complete with params {ref, argument {name, value}, context}
 * against s (NULL: no index, no values). On success returns 0 and *result
 * holds {"completion": {values, total, hasMore}} (new reference, the caller
 * decrefs); -32602 with a message in msg for a ref or argument this server
 * does not have; -32603 when out of memory. */
int ls_mcp_complete(ls_searcher *s, json_t *params, json_t **result, char *msg,
                    size_t msg_cap);

#endif
