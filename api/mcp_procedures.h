/* mcp_procedures.h — the MCP tools on administrative procedures,
 * search_procedures and get_procedure: their schemas and calls (listed by
 * mcp_tools.c with the others; same contract as its tool functions: 0 with
 * *structured set, 1 for a tool error with msg, a negative JSON-RPC code
 * for a protocol error). Private to api/. */
#ifndef LS_MCP_PROCEDURES_H
#define LS_MCP_PROCEDURES_H

#include <stddef.h>
#include <jansson.h>
#include "../query/search.h"

extern const char ls_mcp_search_procedures_input[], ls_mcp_search_procedures_output[];
extern const char ls_mcp_get_procedure_input[], ls_mcp_get_procedure_output[];

int ls_mcp_search_procedures(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                             size_t cap);
int ls_mcp_get_procedure(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                         size_t cap);

#endif
