/* mcp_codes.c — ls_rc → JSON-RPC error code (mcp_codes.h). */
#include "mcp_codes.h"

#include <stdio.h>

int ls_mcp_code_of(ls_rc rc)
{
    if (rc == LS_OK) return 0;
    if (ls_rc_is_bad_input(rc)) return LS_RPC_PARAMS;
    if (rc == LS_ERR_NOTFOUND) return LS_MCP_RESOURCE_NOT_FOUND;
    return LS_RPC_INTERNAL;
}

int ls_mcp_tool_code_of(ls_rc rc)
{
    int code = ls_mcp_code_of(rc);
    return code == 0 || code == LS_RPC_PARAMS ? code : 1;
}

int ls_mcp_tool_error(const char *tool, ls_rc rc, const ls_error *err, char *msg, size_t cap)
{
    int code = ls_mcp_tool_code_of(rc);
    const char *why = err->msg[0] ? err->msg : ls_strerror(rc);
    if (code == LS_RPC_PARAMS) snprintf(msg, cap, "%s: %s", tool, why);
    else snprintf(msg, cap, "%s", why);
    return code;
}
