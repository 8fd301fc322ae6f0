/* mcp_prompts.h — the MCP prompts of luat-search: templates an assistant's
 * user picks to start a task the tools serve (answer a legal question from
 * the index with checked citations; check the citations of a draft). Private
 * to api/mcp.c; no transport here. */
#ifndef LS_MCP_PROMPTS_H
#define LS_MCP_PROMPTS_H

#include <stddef.h>
#include <jansson.h>

/* The result of prompts/list: {"prompts": [...]} (new reference; NULL
 * when out of memory). */
json_t *ls_mcp_prompts_list(void);

/* prompts/get of prompt `name` with `args` (a JSON object of strings, or
 * NULL). On success returns 0 and *result holds {description, messages}
 * (new reference, the caller decrefs); otherwise -32602 (unknown prompt, a
 * required argument missing or not a string) or -32603 (out of memory) with
 * a message in msg. */
/* 1 when prompt `name` exists and takes argument `arg`, else 0. */
int ls_mcp_prompt_takes(const char *name, const char *arg);

int ls_mcp_prompts_get(const char *name, json_t *args, json_t **result, char *msg,
                       size_t msg_cap);

#endif
