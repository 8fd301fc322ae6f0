/* mcp.c — JSON-RPC 2.0 for the Model Context Protocol (mcp.h): message
 * checks, method dispatch, the error codes, and the Streamable HTTP route
 * (headers, sessions). The tools, resources, prompts and the session table
 * are in mcp_tools.c, mcp_resources.c, mcp_prompts.c, mcp_session.c. */
#include "mcp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "../common/ls_json.h"
#include "../common/version.h"
#include "mcp_codes.h"
#include "mcp_complete.h"
#include "mcp_prompts.h"
#include "mcp_resources.h"
#include "mcp_session.h"
#include "mcp_tools.h"


static const char *const versions[] = {LS_MCP_PROTOCOL_VERSION, "2025-03-26", "2024-11-05"};
#define NVERSIONS (sizeof versions / sizeof versions[0])
/* logging/setLevel's levels (RFC 5424's), least severe first */
static const char *const levels[] = {"debug",    "info",  "notice", "warning",
                                     "error",    "critical", "alert", "emergency"};

/* message as a JSON string: messages quote the request cut at a byte count
 * ("%.200s"), which may split a UTF-8 sequence; made valid UTF-8 by the
 * one rule every message follows (ls_utf8_scrub, as ls_error_set). */
static json_t *message_string(const char *message)
{
    char *copy = strdup(message);
    if (!copy) return NULL;
    ls_utf8_scrub(copy);
    json_t *m = json_string(copy);
    free(copy);
    return m;
}

static json_t *error_reply(json_t *id, int code, const char *message)
{
    return json_pack("{s:s, s:O, s:{s:i, s:o}}", "jsonrpc", "2.0", "id",
                     id ? id : json_null(), "error", "code", code, "message",
                     message_string(message));
}

static json_t *result_reply(json_t *id, json_t *result)
{
    return json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id, "result", result);
}

static json_t *initialize(json_t *params, char *msg, size_t cap)
{
    const char *asked = json_string_value(json_object_get(params, "protocolVersion"));
    if (!asked) {
        snprintf(msg, cap, "initialize: params.protocolVersion (a string) is required");
        return NULL;
    }
    const char *version = versions[0];
    for (size_t i = 0; i < NVERSIONS; i++)
        if (strcmp(asked, versions[i]) == 0) version = versions[i];
    return json_pack(
        "{s:s, s:{s:{s:b}, s:{s:b, s:b}, s:{s:b}, s:{}, s:{}}, s:{s:s, s:s, s:s}, s:s}",
        "protocolVersion", version, "capabilities", "tools", "listChanged", 0, "resources",
        "subscribe", 0, "listChanged", 0, "prompts", "listChanged", 0, "logging", "completions",
        "serverInfo", "name", "luat-search",
        "title", "luat-search: Vietnamese legal texts", "version", ls_version(), "instructions",
        "Search Vietnamese legislation (search_legislation), read the exact text of a "
        "provision (get_provision), and check or normalise citations before quoting them "
        "(validate_citation, format_citation). Questions and citations may be typed without "
        "diacritics. Documents and articles are also resources (luat://document/{id}, "
        "luat://document/{id}/article/{n}); the prompt answer_legal_question sets out the "
        "search-then-check workflow.");
}

static json_t *set_level(json_t *params, ls_mcp_state *st, char *msg, size_t cap)
{
    const char *level = json_string_value(json_object_get(params, "level"));
    for (size_t i = 0; level && i < sizeof levels / sizeof levels[0]; i++)
        if (strcmp(level, levels[i]) == 0) {
            st->log_level = (int)i;
            return json_object();
        }
    snprintf(msg, cap, "logging/setLevel: params.level must be one of debug, info, notice, "
             "warning, error, critical, alert, emergency");
    return NULL;
}

/* Append notifications/message at level (an index of levels) with data
 * (stolen) to st->log when the level is logged. */
static void log_message(ls_mcp_state *st, int level, json_t *data)
{
    json_t *n = NULL;
    if (st->log && level >= st->log_level && data)
        n = json_pack("{s:s, s:s, s:{s:s, s:s, s:O}}", "jsonrpc", "2.0", "method",
                      "notifications/message", "params", "level", levels[level], "logger",
                      "luat-search", "data", data);
    char *text = ls_json_text(n);
    if (text && !ls_buf_puts(st->log, text)) ls_buf_putc(st->log, '\n');
    free(text);
    json_decref(data);
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* tools/call, logged (log_message). */
static json_t *call_tool(ls_searcher *s, ls_mcp_state *st, const char *tool, json_t *args,
                         int *code, char *msg, size_t cap)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    json_t *result = NULL;
    *code = ls_mcp_tools_call(s, st->unavailable, tool, args, &result, msg, cap);
    int failed = !result || json_is_true(json_object_get(result, "isError"));
    log_message(st, 1, json_pack("{s:s, s:b, s:o}", "tool", tool, "isError", failed, "ms",
                                 ls_json_fixed(ms_since(&t0), 3)));
    if (failed) {
        json_t *content = json_array_get(json_object_get(result, "content"), 0);
        const char *why = result ? json_string_value(json_object_get(content, "text")) : msg;
        log_message(st, 3, json_pack("{s:s, s:o}", "tool", tool, "error",
                                     message_string(why ? why : "")));
    }
    return result;
}

/* The result of method `name` (new reference), or NULL with *code and msg
 * set. */
static json_t *dispatch(ls_searcher *s, ls_mcp_state *st, const char *name, json_t *params,
                        int *code, char *msg, size_t cap)
{
    json_t *result = NULL;
    *code = LS_RPC_INTERNAL;
    if (strcmp(name, "initialize") == 0) {
        result = initialize(params, msg, cap);
        if (!result && msg[0]) *code = LS_RPC_PARAMS;
        if (result) st->initialized = 1;
    } else if (strcmp(name, "ping") == 0) {
        result = json_object();
    } else if (strcmp(name, "tools/list") == 0) {
        json_t *tools = ls_mcp_tools_list();
        result = tools ? json_pack("{s:o}", "tools", tools) : NULL;
    } else if (strcmp(name, "tools/call") == 0) {
        json_t *tname = json_object_get(params, "name");
        json_t *args = json_object_get(params, "arguments");
        if (!json_is_string(tname)) {
            *code = LS_RPC_PARAMS;
            snprintf(msg, cap, "tools/call: params.name (a string) is required");
        } else if (args && !json_is_object(args)) {
            *code = LS_RPC_PARAMS;
            snprintf(msg, cap, "tools/call: params.arguments must be an object");
        } else {
            result = call_tool(s, st, json_string_value(tname), args, code, msg, cap);
        }
    } else if (strcmp(name, "resources/list") == 0) {
        result = ls_mcp_resources_list();
    } else if (strcmp(name, "resources/templates/list") == 0) {
        result = ls_mcp_resource_templates();
    } else if (strcmp(name, "resources/read") == 0) {
        const char *uri = json_string_value(json_object_get(params, "uri"));
        if (!uri) {
            *code = LS_RPC_PARAMS;
            snprintf(msg, cap, "resources/read: params.uri (a string) is required");
        } else {
            *code = ls_mcp_resources_read(s, st->unavailable, uri, &result, msg, cap);
        }
    } else if (strcmp(name, "prompts/list") == 0) {
        result = ls_mcp_prompts_list();
    } else if (strcmp(name, "prompts/get") == 0) {
        const char *pname = json_string_value(json_object_get(params, "name"));
        json_t *args = json_object_get(params, "arguments");
        if (!pname || (args && !json_is_object(args))) {
            *code = LS_RPC_PARAMS;
            snprintf(msg, cap, "prompts/get: params.name (a string) is required and "
                     "params.arguments must be an object");
        } else {
            *code = ls_mcp_prompts_get(pname, args, &result, msg, cap);
        }
    } else if (strcmp(name, "completion/complete") == 0) {
        *code = ls_mcp_complete(s, params, &result, msg, cap);
    } else if (strcmp(name, "logging/setLevel") == 0) {
        result = set_level(params, st, msg, cap);
        if (!result && msg[0]) *code = LS_RPC_PARAMS;
    } else {
        snprintf(msg, cap, "method '%.200s' not found (this server offers initialize, ping, "
                 "tools/list, tools/call, resources/list, resources/templates/list, "
                 "resources/read, prompts/list, prompts/get, completion/complete, logging/setLevel)",
                 name);
        *code = LS_RPC_NO_METHOD;
    }
    return result;
}

/* One message to its response (new reference), or NULL for none
 * (notification, a client's response). *bad is set when the message is not
 * a JSON-RPC request at all. */
static json_t *handle_one(ls_searcher *s, ls_mcp_state *st, json_t *m, int *bad)
{
    if (!json_is_object(m)) {
        *bad = 1;
        return error_reply(NULL, LS_RPC_INVALID, "a JSON-RPC message must be an object");
    }
    json_t *id = json_object_get(m, "id");
    json_t *method = json_object_get(m, "method");
    json_t *params = json_object_get(m, "params");
    if (id && !json_is_string(id) && !json_is_integer(id)) {
        *bad = 1;
        return error_reply(NULL, LS_RPC_INVALID, "id must be a string or an integer");
    }
    if (!json_is_string(json_object_get(m, "jsonrpc")) ||
        strcmp(json_string_value(json_object_get(m, "jsonrpc")), "2.0") != 0) {
        *bad = 1;
        return error_reply(id, LS_RPC_INVALID, "jsonrpc must be \"2.0\"");
    }
    if (!method) {
        if (id && (json_object_get(m, "result") || json_object_get(m, "error")))
            return NULL; /* a response: this server sends no requests */
        *bad = 1;
        return error_reply(id, LS_RPC_INVALID, "method is missing");
    }
    if (!json_is_string(method)) {
        *bad = 1;
        return error_reply(id, LS_RPC_INVALID, "method must be a string");
    }
    if (!id) return NULL; /* notifications: initialized, cancelled, ... need no answer */
    if (params && !json_is_object(params))
        return error_reply(id, LS_RPC_PARAMS, "params must be an object");
    char msg[768] = "";
    int code;
    json_t *result = dispatch(s, st, json_string_value(method), params, &code, msg, sizeof msg);
    if (result) return result_reply(id, result);
    return error_reply(id, code, msg[0] ? msg : "out of memory");
}

ls_rc ls_mcp_handle(ls_searcher *s, ls_mcp_state *st, const char *request, size_t len,
                    ls_buf *reply)
{
    json_error_t e;
    json_t *m = json_loadb(request, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &e);
    if (!m) {
        char msg[300];
        snprintf(msg, sizeof msg, "parse error: %s (at byte %d)", e.text, e.position);
        ls_rc rc = ls_json_put(reply, error_reply(NULL, LS_RPC_PARSE, msg));
        return rc ? rc : LS_ERR_FORMAT;
    }
    int bad = 0;
    json_t *out;
    if (json_is_array(m)) {
        if (!json_array_size(m)) {
            bad = 1;
            out = error_reply(NULL, LS_RPC_INVALID, "an empty batch");
        } else {
            out = json_array();
            size_t i;
            json_t *one;
            json_array_foreach(m, i, one) {
                int one_bad = 0;
                json_t *r = handle_one(s, st, one, &one_bad);
                if (r) json_array_append_new(out, r);
            }
            if (!json_array_size(out)) {
                json_decref(out);
                out = NULL;
            }
        }
    } else {
        out = handle_one(s, st, m, &bad);
    }
    json_decref(m);
    if (!out) return LS_OK;
    ls_rc rc = ls_json_put(reply, out);
    return rc ? rc : bad ? LS_ERR_FORMAT : LS_OK;
}

/* DNS rebinding (the spec: servers MUST validate Origin): a page whose
 * name an attacker points at 127.0.0.1 calls with its own Origin. Browsers
 * send Origin, assistants' HTTP clients do not; a browser page may call only
 * from this machine (localhost, 127.0.0.1, [::1], any port). */
static int origin_allowed(const char *origin)
{
    if (!origin) return 1;
    const char *host = strstr(origin, "://");
    if (!host) return 0;
    host += 3;
    static const char *const local[] = {"localhost", "127.0.0.1", "[::1]"};
    for (size_t i = 0; i < sizeof local / sizeof local[0]; i++) {
        size_t n = strlen(local[i]);
        if (strncasecmp(host, local[i], n) == 0 && (!host[n] || host[n] == ':' || host[n] == '/'))
            return 1;
    }
    return 0;
}

static const char *header(const ls_api_request *rq, const char *name)
{
    return rq->header ? rq->header(rq, name) : NULL;
}

/* Accept (absent: anything) admits application/json, the only type this
 * server replies in. */
static int accepts_json(const char *accept)
{
    if (!accept) return 1;
    for (const char *p = accept; *p;) {
        p += strspn(p, " \t,");
        size_t n = strcspn(p, ",;");
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
        if ((n == 16 && strncasecmp(p, "application/json", n) == 0) ||
            (n == 13 && strncasecmp(p, "application/*", n) == 0) ||
            (n == 3 && strncmp(p, "*/*", n) == 0))
            return 1;
        p += strcspn(p, ",");
    }
    return 0;
}

void ls_mcp_http(ls_searcher *s, const char *open_error, const ls_api_request *rq,
                 ls_api_reply *out)
{
    out->status = 200;
    out->content_type = "application/json";
    if (!origin_allowed(rq->origin)) {
        ls_api_error(out, 403, "Origin not allowed: /mcp answers pages served from this "
                               "machine and clients that send no Origin");
        return;
    }
    const char *session = header(rq, "Mcp-Session-Id");
    ls_mcp_state st = LS_MCP_STATE_INIT;
    if (strcmp(rq->method, "DELETE") == 0) {
        if (!session) ls_api_error(out, 400, "DELETE /mcp ends the session named by "
                                             "Mcp-Session-Id, and none was sent");
        else if (ls_mcp_session_end(session)) ls_api_error(out, 404, "no such session");
        else out->status = 204;
        return;
    }
    if (strcmp(rq->method, "POST") != 0) {
        out->header_name = "Allow"; /* a 405 names the methods that work (RFC 9110) */
        snprintf(out->header_value, sizeof out->header_value, "POST, DELETE");
        ls_api_error(out, 405, "POST a JSON-RPC message to /mcp (this server opens no "
                               "event stream)");
        return;
    }
    const char *version = header(rq, "MCP-Protocol-Version");
    int known = !version;
    for (size_t i = 0; version && i < NVERSIONS; i++) known |= strcmp(version, versions[i]) == 0;
    if (!known) {
        ls_api_error(out, 400, "unsupported MCP-Protocol-Version (this server speaks "
                               LS_MCP_PROTOCOL_VERSION ", 2025-03-26 and 2024-11-05)");
        return;
    }
    if (!accepts_json(header(rq, "Accept"))) {
        ls_api_error(out, 406, "this server replies in application/json: the Accept header "
                               "must admit it");
        return;
    }
    if (session && ls_mcp_session_get(session, &st)) {
        ls_api_error(out, 404, "no such session (it ended or was dropped): initialize again");
        return;
    }
    int was_initialized = st.initialized;
    st.unavailable = open_error; /* this request's, never kept in a session */
    ls_rc rc = ls_mcp_handle(s, &st, rq->body ? rq->body : "", rq->body_len, &out->body);
    st.unavailable = NULL;
    if (rc == LS_ERR_NOMEM) ls_api_error(out, 500, "out of memory");
    else if (rc == LS_ERR_FORMAT) out->status = 400;
    else if (!out->body.len) out->status = 202;
    if (session) {
        ls_mcp_session_put(session, &st);
    } else if (st.initialized && !was_initialized && out->status == 200 &&
               !ls_mcp_session_open(&st, out->header_value)) {
        out->header_name = "Mcp-Session-Id";
    }
}
