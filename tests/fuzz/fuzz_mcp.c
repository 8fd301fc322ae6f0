/* fuzz_mcp.c — libFuzzer target for the MCP server's message handling
 * (api/mcp.h) without an index or a socket: the first byte picks the door;
 * the rest is
 *   0: one stdio line for ls_mcp_handle (JSON-RPC messages and batches,
 *      every method, resource URIs, prompt arguments, with a log at debug)
 *      — it must answer with valid JSON or nothing, log valid JSON lines,
 *      and never run out of memory on small input;
 *   1: an HTTP request to /mcp: "Accept\nMCP-Protocol-Version\n
 *      Mcp-Session-Id\nbody", POST or DELETE by the length — the status
 *      must be one /mcp gives, and the reply hold fuzz_invariants.h's
 *      invariants (UTF-8, JSON, an error body that agrees with the status).
 * Tools and resources search the index of $LS_FUZZ_INDEX when set. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "../../api/mcp.h"
#include "fuzz_invariants.h"

static const char *hdr[3];

static const char *header(const ls_api_request *rq, const char *name)
{
    (void)rq;
    if (strcasecmp(name, "Accept") == 0) return hdr[0];
    if (strcasecmp(name, "MCP-Protocol-Version") == 0) return hdr[1];
    if (strcasecmp(name, "Mcp-Session-Id") == 0) return hdr[2];
    return NULL;
}

static void message(const char *s, size_t len)
{
    ls_buf reply = LS_BUF_INIT, log = LS_BUF_INIT;
    ls_mcp_state st = LS_MCP_STATE_INIT;
    st.log = &log; /* as over stdio: notifications/message lines too */
    st.log_level = 0;
    ls_rc rc = ls_mcp_handle(fuzz_searcher(), &st, s, len, &reply);
    if (rc == LS_ERR_NOMEM) abort();
    for (char *line = log.data, *nl; line && (nl = strchr(line, '\n')); line = nl + 1) {
        json_t *j = json_loadb(line, (size_t)(nl - line), 0, NULL);
        if (!j) abort();
        json_decref(j);
    }
    ls_buf_free(&log);
    if (reply.len) {
        json_t *j = json_loadb(reply.data, reply.len, 0, NULL);
        if (!j || memchr(reply.data, '\n', reply.len)) abort(); /* one JSON line */
        json_decref(j);
    }
    ls_buf_free(&reply);
}

static void http(const char *s, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy) return;
    memcpy(copy, s, len);
    copy[len] = '\0';
    char *p = copy;
    for (int i = 0; i < 3; i++) {
        char *nl = strchr(p, '\n');
        hdr[i] = nl ? p : NULL; /* a missing line: no such header */
        if (!nl) break;
        *nl = '\0';
        p = nl + 1;
    }
    size_t body_len = len - (size_t)(p - copy);
    ls_api_request rq = {.method = len % 5 ? "POST" : "DELETE", .path = "/mcp", .body = p,
                         .body_len = body_len, .header = header};
    ls_api_reply reply = {0};
    ls_api_handle(fuzz_searcher(), "no index", &rq, &reply);
    inv_reply(&reply);
    switch (reply.status) {
    case 200: case 202: case 204: case 400: case 404: case 406: break;
    default: abort();
    }
    ls_buf_free(&reply.body);
    hdr[0] = hdr[1] = hdr[2] = NULL;
    free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    const char *s = (const char *)data + 1;
    if (data[0] % 2) http(s, size - 1);
    else message(s, size - 1);
    return 0;
}
