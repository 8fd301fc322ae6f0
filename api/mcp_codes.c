/* mcp_codes.c — ls_rc → JSON-RPC error code (mcp_codes.h). */
#include "mcp_codes.h"

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
