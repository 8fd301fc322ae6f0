/* test_api_mcp_codes.c — api/mcp_codes.c, the one ls_rc → JSON-RPC code
 * table: every ls_rc maps to a code JSON-RPC or MCP defines, every bad input
 * is -32602, a tool answers its own failures as tool errors (and says why:
 * ls_mcp_tool_error); and an error
 * message cut inside a UTF-8 character (mcp.c quotes the request with
 * "%.200s") still makes a valid UTF-8 JSON reply that keeps its text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "../../api/mcp.h"
#include "../../api/mcp_codes.h"

static void test_every_rc_maps(void **state)
{
    (void)state;
    assert_int_equal(ls_mcp_code_of(LS_OK), 0);
    assert_int_equal(ls_mcp_tool_code_of(LS_OK), 0);
    for (int rc = 1; rc < LS_RC_COUNT; rc++) {
        int code = ls_mcp_code_of((ls_rc)rc);
        /* only the codes mcp.h documents for an ls_rc */
        assert_true(code == LS_RPC_PARAMS || code == LS_RPC_INTERNAL ||
                    code == LS_MCP_RESOURCE_NOT_FOUND);
        assert_int_equal(code == LS_RPC_PARAMS, ls_rc_is_bad_input((ls_rc)rc));
        int tool = ls_mcp_tool_code_of((ls_rc)rc);
        assert_int_equal(tool, code == LS_RPC_PARAMS ? LS_RPC_PARAMS : 1);
    }
    /* a value outside ls_rc is a server failure, never success */
    assert_int_equal(ls_mcp_code_of(LS_RC_COUNT), LS_RPC_INTERNAL);
    assert_int_equal(ls_mcp_code_of((ls_rc)-1), LS_RPC_INTERNAL);
}

static void test_bad_input_is_invalid_params(void **state)
{
    (void)state;
    static const ls_rc bad[] = {LS_ERR_ARG, LS_ERR_UTF8, LS_ERR_FORMAT, LS_ERR_LIMIT};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(ls_mcp_code_of(bad[i]), -32602);
        assert_int_equal(ls_mcp_tool_code_of(bad[i]), -32602);
    }
    assert_int_equal(ls_mcp_code_of(LS_ERR_NOTFOUND), -32002);
    static const ls_rc server[] = {LS_ERR_NOMEM, LS_ERR_IO, LS_ERR_LOCKED, LS_ERR_INDEX,
                                   LS_ERR_INTERNAL};
    for (size_t i = 0; i < sizeof server / sizeof server[0]; i++)
        assert_int_equal(ls_mcp_code_of(server[i]), -32603);
}

/* The JSON-RPC error of one request (new reference), the reply checked to
 * be one JSON text (jansson refuses invalid UTF-8). */
static json_t *error_of(const char *request)
{
    ls_mcp_state st = LS_MCP_STATE_INIT;
    ls_buf reply = LS_BUF_INIT;
    assert_int_equal(ls_mcp_handle(NULL, &st, request, strlen(request), &reply), LS_OK);
    json_error_t e;
    json_t *r = json_loadb(reply.data, reply.len, 0, &e);
    if (!r) fail_msg("reply is not valid JSON/UTF-8: %s: %s", e.text, reply.data);
    ls_buf_free(&reply);
    json_t *err = json_incref(json_object_get(r, "error"));
    json_decref(r);
    assert_non_null(err);
    return err;
}

static void test_cut_message_is_utf8(void **state)
{
    (void)state;
    /* "x" and 100 × "ệ" (3 bytes): "%.200s" cuts the 67th inside */
    char uri[512] = "x";
    for (int i = 0; i < 100; i++) strcat(uri, "ệ");
    char request[1024];
    snprintf(request, sizeof request, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
             "\"resources/read\",\"params\":{\"uri\":\"%s\"}}", uri);
    json_t *err = error_of(request);
    assert_int_equal(json_integer_value(json_object_get(err, "code")), -32602);
    const char *m = json_string_value(json_object_get(err, "message"));
    assert_non_null(m);
    /* the text after the cut quote is kept, not dropped with the cut */
    assert_non_null(strstr(m, "' is not a luat-search resource"));
    char want[256] = "'x";
    for (int i = 0; i < 66; i++) strcat(want, "ệ");
    assert_non_null(strstr(m, want));
    json_decref(err);
}

/* A tool's failure: bad input is a protocol error naming the tool, the
 * rest a tool error with the reason alone; no reason given: rc's name. */
static void test_tool_error(void **state)
{
    (void)state;
    char msg[64];
    ls_error err = {0};
    ls_error_set(&err, LS_ERR_ARG, "the date '2026-13-01' is not YYYY-MM-DD");
    assert_int_equal(ls_mcp_tool_error("get_relations", LS_ERR_ARG, &err, msg, sizeof msg),
                     LS_RPC_PARAMS);
    assert_string_equal(msg, "get_relations: the date '2026-13-01' is not YYYY-MM-DD");
    ls_error gone = {0};   /* an error's first message sticks: a new one */
    ls_error_set(&gone, LS_ERR_NOTFOUND, "no procedure 9.999");
    assert_int_equal(ls_mcp_tool_error("get_procedure", LS_ERR_NOTFOUND, &gone, msg, sizeof msg),
                     1);
    assert_string_equal(msg, "no procedure 9.999");
    ls_error none = {0};
    assert_int_equal(ls_mcp_tool_error("x", LS_ERR_INDEX, &none, msg, sizeof msg), 1);
    assert_string_equal(msg, ls_strerror(LS_ERR_INDEX));
    /* cut to the caller's room */
    char small[8];
    assert_int_equal(ls_mcp_tool_error("format_citation", LS_ERR_UTF8, &none, small, sizeof small),
                     LS_RPC_PARAMS);
    assert_string_equal(small, "format_");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_rc_maps),
        cmocka_unit_test(test_bad_input_is_invalid_params),
        cmocka_unit_test(test_cut_message_is_utf8),
        cmocka_unit_test(test_tool_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
