/* mcp_codes.h — the JSON-RPC 2.0 error codes the MCP server answers, and the
 * one table from ls_rc to them (as ls_api_status_of in routes.h is the one
 * table from ls_rc to an HTTP status). Used by mcp.c and its tools,
 * resources, prompts and completions. */
#ifndef LS_MCP_CODES_H
#define LS_MCP_CODES_H

#include <stddef.h>
#include "../common/ls_error.h"

#define LS_RPC_PARSE (-32700)        /* the message is not JSON */
#define LS_RPC_INVALID (-32600)      /* JSON, but not a JSON-RPC request */
#define LS_RPC_NO_METHOD (-32601)    /* method not found */
#define LS_RPC_PARAMS (-32602)       /* invalid params: the caller's input */
#define LS_RPC_INTERNAL (-32603)     /* the server failed (index, memory, a bug) */
#define LS_MCP_RESOURCE_NOT_FOUND (-32002) /* MCP's code for resources/read */

/* The JSON-RPC code for rc: 0 for LS_OK; LS_RPC_PARAMS for every bad input
 * (ls_rc_is_bad_input); LS_MCP_RESOURCE_NOT_FOUND for LS_ERR_NOTFOUND;
 * LS_RPC_INTERNAL for the rest (memory, I/O, lock, index, a bug) and for a
 * value outside ls_rc. */
int ls_mcp_code_of(ls_rc rc);

/* What a tool call answers for rc (MCP: a tool's own failure is a result
 * with isError, not a protocol error): 0 for LS_OK, LS_RPC_PARAMS for bad
 * input, 1 (a tool error) for everything else. */
int ls_mcp_tool_code_of(ls_rc rc);

/* A tool's answer to its failure rc (not LS_OK) for which err (borrowed)
 * says why: ls_mcp_tool_code_of(rc), with msg (cap bytes, the caller's)
 * "<tool>: <why>" for bad input (a protocol error) and "<why>" for a tool
 * error; <why> is err's message, or rc's name when it has none. */
int ls_mcp_tool_error(const char *tool, ls_rc rc, const ls_error *err, char *msg, size_t cap);

#endif
