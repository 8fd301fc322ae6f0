/* mcp_tools.h — the MCP tools of luat-search (search_legislation,
 * get_provision, validate_citation, format_citation, search_procedures,
 * get_procedure, get_relations): their descriptions
 * with input and output JSON Schemas, and their calls. Private to api/mcp.c;
 * no transport here. */
#ifndef LS_MCP_TOOLS_H
#define LS_MCP_TOOLS_H

#include <stddef.h>
#include <jansson.h>
#include "../query/search.h"

/* The "tools" array of a tools/list result (new reference; the caller
 * decrefs). NULL when out of memory. */
json_t *ls_mcp_tools_list(void);

/* Call tool `name` with `args` (a JSON object, or NULL for none) against s
 * (NULL when the index is unavailable: tools then answer isError with
 * `unavailable`, why, or "index unavailable" when that is NULL). On
 * success returns 0 and *result holds a CallToolResult {content,
 * structuredContent, isError} (new reference, the caller decrefs). A call
 * the protocol must refuse (unknown tool, arguments that break the input
 * schema) returns a JSON-RPC error code (-32602) with a message in msg;
 * -32603 when out of memory. */
int ls_mcp_tools_call(ls_searcher *s, const char *unavailable, const char *name, json_t *args,
                      json_t **result, char *msg, size_t msg_cap);

/* A search tool's call (search_legislation, search_procedures): `args`
 * with "question" and the search API's fields, `kind` ("procedure", or NULL
 * for the default) forced; the results as structured content. Returns as
 * the tools do: 0, 1 for a tool error (msg), -32602 for bad arguments
 * (msg names `tool`), -32603 out of memory. */
int ls_mcp_search_tool(ls_searcher *s, json_t *args, const char *tool, const char *kind,
                       json_t **structured, char *msg, size_t cap);

#endif
