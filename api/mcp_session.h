/* mcp_session.h — the sessions of MCP's Streamable HTTP transport
 * (Mcp-Session-Id): a bounded table, shared by the server's threads, from a
 * session id (32 hex digits from the system's random source) to the state
 * the protocol keeps per session (ls_mcp_state, api/mcp.h). When full, the
 * least recently used session is dropped: its client then gets 404 and
 * initializes again, as the spec asks of a client. Private to api/mcp.c. */
#ifndef LS_MCP_SESSION_H
#define LS_MCP_SESSION_H

#include "mcp.h"

#define LS_MCP_SESSION_ID_LEN 32
#define LS_MCP_MAX_SESSIONS 256

/* Open a session holding *st; its id (LS_MCP_SESSION_ID_LEN hex digits and
 * a NUL) is written to id. Returns 0, or -1 when no random bytes could be
 * had. */
int ls_mcp_session_open(const ls_mcp_state *st, char id[LS_MCP_SESSION_ID_LEN + 1]);

/* Copy the state of session id into *st. Returns 0, or -1 for an id that
 * is unknown, ended or dropped. */
int ls_mcp_session_get(const char *id, ls_mcp_state *st);

/* Store *st as the state of session id (ignored when it is gone). */
void ls_mcp_session_put(const char *id, const ls_mcp_state *st);

/* End session id (HTTP DELETE). Returns 0, or -1 when it is unknown. */
int ls_mcp_session_end(const char *id);

#endif
