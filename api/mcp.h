/* mcp.h — the Model Context Protocol (revision 2025-06-18) for LLM
 * assistants: JSON-RPC 2.0 messages in, replies out, one pure function
 * shared by both transports — stdio (`luat-search mcp`, cli/cmd_mcp.c) and
 * Streamable HTTP (POST /mcp on the REST server, ls_mcp_http).
 *
 * Methods: initialize, ping, tools/list, tools/call, resources/list,
 * resources/templates/list, resources/read, prompts/list, prompts/get,
 * completion/complete (article numbers, api/mcp_complete.h),
 * logging/setLevel; notifications (notifications/initialized,
 * .../cancelled) are accepted silently. Tools: search_legislation,
 * get_provision, validate_citation, format_citation (api/mcp_tools.h);
 * resources: luat://index and the documents and articles
 * (api/mcp_resources.h); prompts: answer_legal_question, check_citations
 * (api/mcp_prompts.h). Errors: -32700 parse, -32600 invalid request, -32601
 * method not found, -32602 invalid params, -32603 internal, -32002
 * resource not found; an ls_rc becomes one by api/mcp_codes.h's table. A
 * JSON array (a batch, as in revisions before
 * 2025-06-18) is answered with an array. */
#ifndef LS_MCP_H
#define LS_MCP_H

#include <stddef.h>
#include "../common/ls_buf.h"
#include "../query/search.h"
#include "routes.h"

#define LS_MCP_PROTOCOL_VERSION "2025-06-18"

/* What the protocol keeps per session (a stdio connection, or an HTTP
 * session by its Mcp-Session-Id). Start from LS_MCP_STATE_INIT. */
typedef struct ls_mcp_state {
    int log_level;      /* set by logging/setLevel: 0 debug ... 7 emergency */
    int initialized;    /* set when ls_mcp_handle answered an initialize */
    /* where notifications/message lines go (each JSON text and '\n'), for
     * a transport that can send them between replies (stdio); NULL: none.
     * A tools/call logs at info (tool, isError, milliseconds) and, when it
     * fails, at warning (the error), if at or above log_level. */
    ls_buf *log;
    /* why the index is unavailable when ls_mcp_handle's s is NULL (tools
     * and resources/read say it; borrowed, one request's); NULL: "index
     * unavailable" */
    const char *unavailable;
} ls_mcp_state;
#define LS_MCP_STATE_INIT {.log_level = 3, .initialized = 0, .log = NULL} /* warning */

/* Answer one JSON-RPC message (or batch) request[0..len) into reply (which
 * the caller owns and frees; it is appended to). s may be NULL when the
 * index is unavailable: tools then answer with isError. st is the
 * session's state (the caller's; read and updated). The reply stays
 * empty for notifications and responses. Returns LS_OK, LS_ERR_FORMAT when
 * the message was not JSON or not a JSON-RPC request (the reply then holds
 * the error response, for a transport that wants an HTTP 400), or
 * LS_ERR_NOMEM. */
ls_rc ls_mcp_handle(ls_searcher *s, ls_mcp_state *st, const char *request, size_t len,
                    ls_buf *reply);

/* The /mcp route of the REST server (Streamable HTTP, replies in JSON, no
 * event streams): POST a JSON-RPC message -> 200 application/json reply,
 * 202 and no body for a notification, 400 for a message that is not
 * JSON-RPC or an MCP-Protocol-Version this server does not speak, 406 for
 * an Accept that excludes application/json; a successful initialize opens
 * a session (Mcp-Session-Id in the reply); a request naming a session that
 * is unknown or ended gets 404; requests without one are answered
 * statelessly. DELETE with Mcp-Session-Id ends the session (204); GET and
 * other methods 405; 403 for a browser's request whose Origin is not this
 * machine (DNS rebinding). Fills out like ls_api_handle. */
void ls_mcp_http(ls_searcher *s, const char *open_error, const ls_api_request *rq,
                 ls_api_reply *out);

#endif
