/* mcp_relations.h — the MCP tool get_relations (review/doc_relations.h):
 * its schemas and its call, listed by mcp_tools.c's table. Private to api/. */
#ifndef LS_MCP_RELATIONS_H
#define LS_MCP_RELATIONS_H

#include <stddef.h>
#include <jansson.h>
#include "../query/search.h"

extern const char ls_mcp_relations_input[];
extern const char ls_mcp_relations_output[];

/* args {"document", "as_of"?} (checked against the input schema by the
 * caller). 0 with *structured (new reference); 1 for a tool error (msg: an
 * unknown document, the index failing); -32602 for a bad date (msg). */
int ls_mcp_call_relations(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                          size_t cap);

#endif
