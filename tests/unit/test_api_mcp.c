/* test_api_mcp.c — the MCP server without a transport (api/mcp.h): every method,
 * every tool and every error code of ls_mcp_handle against an index of
 * corpus/sample built in a temporary directory, resources (compared with
 * the REST route's JSON), prompts, logging/setLevel, batches, a missing
 * index, and the /mcp route of the REST API (status codes, headers and
 * sessions of Streamable HTTP). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "../../api/mcp.h"
#include "../../api/mcp_session.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

/* Send one message text; the parsed reply (NULL when empty); *rc the
 * return code. */
static json_t *send_text(ls_searcher *s, const char *msg, ls_rc *rc)
{
    ls_buf reply = LS_BUF_INIT;
    ls_mcp_state st = LS_MCP_STATE_INIT;
    *rc = ls_mcp_handle(s, &st, msg, strlen(msg), &reply);
    json_t *r = NULL;
    if (reply.len) {
        json_error_t e;
        r = json_loads(reply.data, 0, &e);
        if (!r) fail_msg("reply is not JSON: %s (%s)", reply.data, e.text);
        assert_null(strchr(reply.data, '\n')); /* one line for stdio */
    }
    ls_buf_free(&reply);
    return r;
}

static json_t *request(const char *method, const char *params_fmt, ...)
{
    char params[4096] = "{}";
    if (params_fmt) {
        va_list ap;
        va_start(ap, params_fmt);
        vsnprintf(params, sizeof params, params_fmt, ap);
        va_end(ap);
    }
    char msg[8192];
    snprintf(msg, sizeof msg, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"%s\",\"params\":%s}",
             method, params);
    ls_rc rc;
    json_t *r = send_text(ts_sample, msg, &rc);
    assert_int_equal(rc, LS_OK);
    assert_non_null(r);
    assert_string_equal(json_string_value(json_object_get(r, "jsonrpc")), "2.0");
    assert_int_equal(json_integer_value(json_object_get(r, "id")), 7);
    return r;
}

static int error_code(json_t *r)
{
    json_t *e = json_object_get(r, "error");
    if (!e) fail_msg("expected an error, got %s", json_dumps(r, 0));
    assert_null(json_object_get(r, "result"));
    assert_true(json_is_string(json_object_get(e, "message")));
    return (int)json_integer_value(json_object_get(e, "code"));
}

/* tools/call name(args): the result, checked for the CallToolResult shape;
 * *is_error set. */
static json_t *call(const char *name, const char *args, int *is_error)
{
    json_t *r = request("tools/call", "{\"name\":\"%s\",\"arguments\":%s}", name, args);
    json_t *res = json_object_get(r, "result");
    if (!res) fail_msg("%s(%s) failed: %s", name, args, json_dumps(r, 0));
    json_t *content = json_object_get(res, "content");
    assert_int_equal(json_array_size(content), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(content, 0), "type")),
                        "text");
    *is_error = json_is_true(json_object_get(res, "isError"));
    assert_true(json_is_boolean(json_object_get(res, "isError")));
    json_t *sc = json_object_get(res, "structuredContent");
    if (!*is_error) {
        /* the text block is the structured content serialised */
        json_t *again = json_loads(
            json_string_value(json_object_get(json_array_get(content, 0), "text")), 0, NULL);
        assert_true(json_equal(again, sc));
        json_decref(again);
    }
    json_incref(res);
    json_decref(r);
    return res;
}

static const char *error_text(json_t *res)
{
    return json_string_value(
        json_object_get(json_array_get(json_object_get(res, "content"), 0), "text"));
}

static json_t *sc(json_t *res)
{
    json_t *o = json_object_get(res, "structuredContent");
    assert_true(json_is_object(o));
    return o;
}

static void test_initialize(void **state)
{
    (void)state;
    json_t *r = request("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                                      "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
    json_t *res = json_object_get(r, "result");
    assert_string_equal(json_string_value(json_object_get(res, "protocolVersion")),
                        "2025-06-18");
    /* the capabilities are exactly what the server implements */
    json_t *caps = json_object_get(res, "capabilities");
    assert_int_equal(json_object_size(caps), 5);
    assert_true(json_is_object(json_object_get(caps, "completions")));
    assert_true(json_is_object(json_object_get(caps, "tools")));
    assert_true(json_is_object(json_object_get(caps, "logging")));
    assert_true(json_is_false(json_object_get(json_object_get(caps, "resources"), "subscribe")));
    assert_true(json_is_false(json_object_get(json_object_get(caps, "prompts"), "listChanged")));
    assert_string_equal(json_string_value(json_object_get(json_object_get(res, "serverInfo"),
                                                          "name")), "luat-search");
    json_decref(r);
    /* an older revision we know is echoed; an unknown one gets ours */
    r = request("initialize", "{\"protocolVersion\":\"2025-03-26\"}");
    assert_string_equal(json_string_value(json_object_get(json_object_get(r, "result"),
                                                          "protocolVersion")), "2025-03-26");
    json_decref(r);
    r = request("initialize", "{\"protocolVersion\":\"2099-01-01\"}");
    assert_string_equal(json_string_value(json_object_get(json_object_get(r, "result"),
                                                          "protocolVersion")), "2025-06-18");
    json_decref(r);
    r = request("initialize", "{}");
    assert_int_equal(error_code(r), -32602);
    json_decref(r);
}

static void test_notifications_and_ping(void **state)
{
    (void)state;
    ls_rc rc;
    assert_null(send_text(ts_sample, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                          &rc));
    assert_int_equal(rc, LS_OK);
    assert_null(send_text(ts_sample, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                                    "\"params\":{\"requestId\":3}}", &rc));
    assert_int_equal(rc, LS_OK);
    /* a client's response to a request: no answer either */
    assert_null(send_text(ts_sample, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", &rc));
    json_t *r = request("ping", NULL);
    json_t *res = json_object_get(r, "result");
    assert_true(json_is_object(res));
    assert_int_equal(json_object_size(res), 0);
    json_decref(r);
}

static void test_tools_list(void **state)
{
    (void)state;
    json_t *r = request("tools/list", NULL);
    json_t *tools = json_object_get(json_object_get(r, "result"), "tools");
    const char *want[] = {"search_legislation", "get_provision", "validate_citation",
                          "format_citation", "search_procedures", "get_procedure",
                          "get_relations"};
    assert_int_equal(json_array_size(tools), 7);
    for (size_t i = 0; i < 7; i++) {
        json_t *t = json_array_get(tools, i);
        assert_string_equal(json_string_value(json_object_get(t, "name")), want[i]);
        assert_true(strlen(json_string_value(json_object_get(t, "description"))) > 40);
        json_t *in = json_object_get(t, "inputSchema"), *out = json_object_get(t, "outputSchema");
        assert_string_equal(json_string_value(json_object_get(in, "type")), "object");
        assert_string_equal(json_string_value(json_object_get(out, "type")), "object");
        assert_true(json_array_size(json_object_get(in, "required")) >= 1);
        assert_true(json_object_size(json_object_get(out, "properties")) >= 3);
    }
    json_decref(r);
}

static int has_hit(json_t *hits, const char *id, size_t within)
{
    for (size_t i = 0; i < json_array_size(hits) && i < within; i++)
        if (strcmp(json_string_value(json_object_get(json_array_get(hits, i), "id")), id) == 0)
            return 1;
    return 0;
}

static void test_search_legislation(void **state)
{
    (void)state;
    int err;
    json_t *res = call("search_legislation", "{\"question\":\"thời hạn tạm trú tối đa\"}", &err);
    assert_false(err);
    json_t *hits = json_object_get(sc(res), "hits");
    assert_true(json_array_size(hits) >= 3 && json_array_size(hits) <= 10);
    assert_true(has_hit(hits, "68/2020/qh14#27", 3));
    json_t *h = json_array_get(hits, 0);
    assert_int_equal(json_integer_value(json_object_get(h, "rank")), 1);
    assert_non_null(strstr(json_string_value(json_object_get(h, "citation")), "Điều"));
    assert_non_null(strstr(json_string_value(json_object_get(h, "snippet")), "<mark>"));
    double conf = json_real_value(json_object_get(sc(res), "confidence"));
    assert_true(conf >= 0 && conf <= 1);
    assert_true(json_is_boolean(json_object_get(sc(res), "no_answer")));
    json_decref(res);
    /* min_confidence 1: nothing is confident enough; a cited law not held */
    res = call("search_legislation", "{\"question\":\"tạm trú\",\"min_confidence\":1}", &err);
    assert_true(json_is_true(json_object_get(sc(res), "no_answer")));
    json_decref(res);
    res = call("search_legislation", "{\"question\":\"Điều 5 Nghị định 13/2023/NĐ-CP\"}", &err);
    assert_string_equal(json_string_value(json_object_get(sc(res), "notice")),
                        "Nghị định 13/2023/NĐ-CP không có trong chỉ mục");
    json_decref(res);
    /* without diacritics, with filters and paging */
    res = call("search_legislation", "{\"question\":\"thoi han tam tru toi da\",\"limit\":2,"
                                     "\"type\":\"Luật\",\"in_force\":true}", &err);
    assert_false(err);
    hits = json_object_get(sc(res), "hits");
    assert_int_equal(json_array_size(hits), 2);
    assert_true(has_hit(hits, "68/2020/qh14#27", 2));
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(json_string_value(json_object_get(json_array_get(hits, i),
                                                              "doc_type")), "Luật");
    json_decref(res);
    res = call("search_legislation", "{\"question\":\"tạm trú\",\"offset\":3,\"limit\":1}", &err);
    assert_int_equal(json_integer_value(json_object_get(
                         json_array_get(json_object_get(sc(res), "hits"), 0), "rank")), 4);
    json_decref(res);
    /* a filter value the index does not know: a tool error the model can read */
    res = call("search_legislation", "{\"question\":\"tạm trú\",\"type\":\"Sắc lệnh vũ trụ\"}",
               &err);
    assert_true(err);
    assert_null(json_object_get(res, "structuredContent"));
    assert_true(strlen(error_text(res)) > 5);
    json_decref(res);
}

/* the sample's procedures (corpus/sample/tthc), in citizens' words */
static void test_search_procedures(void **state)
{
    (void)state;
    int err;
    json_t *res = call("search_procedures", "{\"question\":\"làm giấy khai sinh cho con cần "
                                            "mang gì\"}", &err);
    assert_false(err);
    json_t *hits = json_object_get(sc(res), "hits");
    assert_true(json_array_size(hits) >= 1);
    json_t *h = json_array_get(hits, 0);
    assert_string_equal(json_string_value(json_object_get(h, "kind")), "procedure");
    assert_string_equal(json_string_value(json_object_get(h, "procedure_code")), "9.000001");
    assert_int_equal(json_array_size(json_object_get(h, "channels")), 3);
    assert_true(json_array_size(json_object_get(h, "dossier")) >= 2);
    /* every hit is a procedure: no article slips in */
    for (size_t i = 0; i < json_array_size(hits); i++)
        assert_non_null(json_object_get(json_array_get(hits, i), "procedure_code"));
    json_decref(res);
    /* without diacritics, the level filter */
    res = call("search_procedures", "{\"question\":\"dang ky tam tru\",\"level\":\"xã\"}", &err);
    assert_false(err);
    h = json_array_get(json_object_get(sc(res), "hits"), 0);
    assert_string_equal(json_string_value(json_object_get(h, "procedure_code")), "9.000002");
    json_decref(res);
    res = call("search_procedures", "{\"question\":\"dang ky tam tru\",\"level\":\"cấp bộ\"}", &err);
    assert_false(err);
    assert_int_equal(json_array_size(json_object_get(sc(res), "hits")), 0);
    json_decref(res);
    json_t *r = request("tools/call", "{\"name\":\"search_procedures\",\"arguments\":{}}");
    assert_int_equal(error_code(r), -32602);
    json_decref(r);
}

static void test_get_procedure(void **state)
{
    (void)state;
    int err;
    json_t *res = call("get_procedure", "{\"code\":\"9.000001\",\"as_of\":\"2026-01-01\"}", &err);
    assert_false(err);
    json_t *card = sc(res), *bases = json_object_get(card, "legal_bases");
    assert_string_equal(json_string_value(json_object_get(card, "name")),
                        "Thủ tục đăng ký khai sinh (mẫu)");
    assert_int_equal(json_array_size(bases), 3);
    /* the Luật Hộ tịch of the sample is found, the Thông tư is not in it */
    json_t *law = json_array_get(bases, 0), *tt = json_array_get(bases, 2);
    assert_string_equal(json_string_value(json_object_get(law, "number")), "60/2014/QH13");
    assert_string_equal(json_string_value(json_object_get(law, "resolution")), "found");
    assert_string_equal(json_string_value(json_object_get(law, "status")), "in-force");
    assert_string_equal(json_string_value(json_object_get(tt, "resolution")), "not-in-index");
    assert_true(json_is_array(json_object_get(card, "lapsed_bases")));
    json_t *fee = json_object_get(json_array_get(json_object_get(card, "channels"), 2), "fee");
    assert_string_equal(json_string_value(json_object_get(fee, "kind")), "amount");
    assert_true(json_number_value(json_object_get(fee, "amount")) == 8000);
    json_decref(res);
    res = call("get_procedure", "{\"code\":\"1.999999\"}", &err);
    assert_true(err);
    assert_non_null(strstr(error_text(res), "no procedure 1.999999"));
    json_decref(res);
    json_t *r = request("tools/call", "{\"name\":\"get_procedure\",\"arguments\":{\"code\":7}}");
    assert_int_equal(error_code(r), -32602);
    json_decref(r);
}

static void test_get_provision(void **state)
{
    (void)state;
    int err;
    json_t *res = call("get_provision", "{\"document\":\"68/2020/QH14\",\"article\":27,"
                                        "\"clause\":\"2\"}", &err);
    assert_false(err);
    json_t *o = sc(res);
    assert_string_equal(json_string_value(json_object_get(o, "text")),
                        "2. Thời hạn tạm trú tối đa là 02 năm và có thể tiếp tục gia hạn nhiều "
                        "lần.");
    assert_string_equal(json_string_value(json_object_get(o, "citation")),
                        "khoản 2 Điều 27 Luật Cư trú số 68/2020/QH14");
    json_t *path = json_object_get(o, "heading_path");
    assert_true(json_array_size(path) >= 2);
    assert_string_equal(json_string_value(json_array_get(path, json_array_size(path) - 1)),
                        "Điều 27. Điều kiện đăng ký tạm trú");
    assert_non_null(strstr(json_string_value(json_array_get(path, 0)), "Chương"));
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "document"), "id")),
                        "68/2020/qh14");
    assert_true(json_is_true(json_object_get(o, "in_force")));
    json_decref(res);
    /* by name and "Điều 27" as written; the whole article */
    res = call("get_provision", "{\"document\":\"Luật Cư trú\",\"article\":\"Điều 27\"}", &err);
    assert_false(err);
    const char *text = json_string_value(json_object_get(sc(res), "text"));
    assert_true(strncmp(text, "1. ", 3) == 0);
    assert_non_null(strstr(text, "\n3. "));
    assert_true(json_is_null(json_object_get(sc(res), "clause")));
    json_decref(res);
    /* ASCII number */
    res = call("get_provision", "{\"document\":\"123/2015/ND-CP\",\"article\":\"1\"}", &err);
    assert_false(err);
    assert_string_equal(json_string_value(json_object_get(json_object_get(sc(res), "document"),
                                                          "number")), "123/2015/NĐ-CP");
    json_decref(res);
    /* misses are tool errors that say what is missing */
    res = call("get_provision", "{\"document\":\"68/2020/QH14\",\"article\":27,\"clause\":9}", &err);
    assert_true(err);
    assert_non_null(strstr(error_text(res), "khoản 9"));
    json_decref(res);
    res = call("get_provision", "{\"document\":\"13/2023/NĐ-CP\",\"article\":5}", &err);
    assert_true(err);
    assert_non_null(strstr(error_text(res), "13/2023"));
    assert_non_null(strstr(error_text(res), "không có trong chỉ mục"));
    json_decref(res);
    res = call("get_provision", "{\"document\":\"Luật Cư trú\",\"article\":3}", &err);
    assert_true(err);
    assert_non_null(strstr(error_text(res), "Điều 3 không có trong Luật Cư trú"));
    json_decref(res);
}

static json_t *first_cite(json_t *res)
{
    return json_array_get(json_object_get(sc(res), "citations"), 0);
}

static void test_validate_citation(void **state)
{
    (void)state;
    int err;
    json_t *res = call("validate_citation", "{\"citation\":\"khoản 2 Điều 27 Luật Cư trú\"}", &err);
    assert_false(err);
    assert_true(json_is_true(json_object_get(sc(res), "all_exist")));
    json_t *c = first_cite(res);
    assert_true(json_is_true(json_object_get(c, "exists")));
    assert_string_equal(json_string_value(json_object_get(c, "resolution")), "found");
    assert_non_null(strstr(json_string_value(json_object_get(c, "text")), "02 năm"));
    assert_true(json_is_true(json_object_get(c, "in_force")));
    json_decref(res);
    /* a decree the index does not hold */
    res = call("validate_citation", "{\"citation\":\"khoản 2 Điều 5 Nghị định 13/2023/NĐ-CP\"}",
               &err);
    assert_false(err);
    assert_true(json_is_false(json_object_get(sc(res), "all_exist")));
    c = first_cite(res);
    assert_true(json_is_false(json_object_get(c, "exists")));
    assert_string_equal(json_string_value(json_object_get(c, "resolution")), "document-missing");
    assert_true(json_is_null(json_object_get(c, "in_force")));
    assert_string_equal(json_string_value(json_object_get(c, "citation")),
                        "khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP");
    /* in the words of a search's notice */
    assert_string_equal(json_string_value(json_object_get(c, "notice")),
                        "Nghị định 13/2023/NĐ-CP không có trong chỉ mục");
    json_decref(res);
    /* an article the law does not have */
    res = call("validate_citation", "{\"citation\":\"Điều 3 Luật Cư trú\"}", &err);
    c = first_cite(res);
    assert_string_equal(json_string_value(json_object_get(c, "resolution")),
                        "provision-missing");
    assert_string_equal(json_string_value(json_object_get(c, "notice")),
                        "Điều 3 không có trong Luật Cư trú 68/2020/QH14");
    json_decref(res);
    /* a short number the index does not hold */
    res = call("validate_citation", "{\"citation\":\"khoản 2 Điều 5 NĐ 100/2020\"}", &err);
    assert_string_equal(json_string_value(json_object_get(first_cite(res), "notice")),
                        "Nghị định 100/2020 không có trong chỉ mục");
    json_decref(res);
    res = call("validate_citation", "{\"citation\":\"khoản 2 Điều 27 Luật Cư trú\"}", &err);
    assert_true(json_is_null(json_object_get(first_cite(res), "notice")));
    json_decref(res);
    /* typed without diacritics */
    res = call("validate_citation", "{\"citation\":\"dieu 27 luat 68/2020/qh14\"}", &err);
    assert_false(err);
    c = first_cite(res);
    assert_true(json_is_true(json_object_get(c, "exists")));
    assert_string_equal(json_string_value(json_object_get(c, "citation")),
                        "Điều 27 Luật Cư trú số 68/2020/QH14");
    json_decref(res);
    /* two in one phrase */
    res = call("validate_citation", "{\"citation\":\"khoản 1 và khoản 2 Điều 27 Luật Cư trú\"}",
               &err);
    assert_int_equal(json_array_size(json_object_get(sc(res), "citations")), 2);
    json_decref(res);
    /* a date before the law took effect */
    res = call("validate_citation", "{\"citation\":\"Điều 27 Luật Cư trú\",\"as_of\":\"2019-01-01\"}",
               &err);
    c = first_cite(res);
    assert_string_equal(json_string_value(json_object_get(c, "force")), "not-yet");
    assert_true(json_is_false(json_object_get(c, "in_force")));
    assert_true(json_is_false(json_object_get(sc(res), "all_in_force")));
    json_decref(res);
    res = call("validate_citation", "{\"citation\":\"xin chào\"}", &err);
    assert_true(err);
    assert_non_null(strstr(error_text(res), "no citation"));
    json_decref(res);
}

static void test_format_citation(void **state)
{
    (void)state;
    int err;
    json_t *res = call("format_citation", "{\"citation\":\"khoản 2 điều 27 luật cư trú\"}", &err);
    assert_false(err);
    assert_string_equal(json_string_value(json_object_get(sc(res), "formatted")),
                        "khoản 2 Điều 27 Luật Cư trú số 68/2020/QH14");
    json_decref(res);
    res = call("format_citation", "{\"citation\":\"điểm a khoản 2 điều 5 nghị định 13/2023/nđ-cp\"}",
               &err);
    assert_false(err);
    assert_string_equal(json_string_value(json_object_get(sc(res), "formatted")),
                        "điểm a khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP");
    assert_true(json_is_false(json_object_get(
        json_array_get(json_object_get(sc(res), "citations"), 0), "resolved")));
    json_decref(res);
    res = call("format_citation", "{\"citation\":\"không có gì\"}", &err);
    assert_true(err);
    json_decref(res);
}

static void test_get_relations(void **state)
{
    (void)state;
    int err;
    json_t *res = call("get_relations", "{\"document\":\"123/2015/NĐ-CP\",\"as_of\":\"2025-03-01\"}",
                       &err);
    assert_false(err);
    json_t *o = sc(res);
    assert_string_equal(json_string_value(json_object_get(o, "id")), "123/2015/nđ-cp");
    assert_string_equal(json_string_value(json_object_get(o, "as_of")), "2025-03-01");
    json_t *rels = json_object_get(o, "relations");
    int basis = 0, amended_by = 0;
    for (size_t i = 0; i < json_array_size(rels); i++) {
        json_t *r = json_array_get(rels, i);
        const char *dir = json_string_value(json_object_get(r, "direction"));
        const char *kind = json_string_value(json_object_get(r, "kind"));
        const char *other = json_string_value(json_object_get(json_object_get(r, "document"), "id"));
        if (strcmp(dir, "out") == 0 && strcmp(kind, "basis") == 0 && other &&
            strcmp(other, "60/2014/qh13") == 0)
            basis = 1;
        if (strcmp(dir, "in") == 0 && strcmp(kind, "amends") == 0 && other &&
            strcmp(other, "07/2025/nđ-cp") == 0 && json_is_true(json_object_get(r, "in_effect")))
            amended_by = 1;
    }
    assert_true(basis);
    assert_true(amended_by);
    json_decref(res);
    res = call("get_relations", "{\"document\":\"999/2099/NĐ-CP\"}", &err);
    assert_true(err);
    json_decref(res);
}

static void expect_error(const char *msg, int code)
{
    ls_rc rc;
    json_t *r = send_text(ts_sample, msg, &rc);
    assert_non_null(r);
    if (error_code(r) != code) fail_msg("%s: code %d, want %d", msg, error_code(r), code);
    json_decref(r);
}

static void test_errors(void **state)
{
    (void)state;
    ls_rc rc;
    json_t *r = send_text(ts_sample, "{\"jsonrpc\":\"2.0\",\"id\":1,", &rc);
    assert_int_equal(rc, LS_ERR_FORMAT);
    assert_int_equal(error_code(r), -32700);
    assert_true(json_is_null(json_object_get(r, "id")));
    json_decref(r);
    r = send_text(ts_sample, "[1]", &rc); /* a batch of a non-object: its item fails */
    assert_int_equal(error_code(json_array_get(r, 0)), -32600);
    json_decref(r);
    expect_error("\"hello\"", -32600);
    expect_error("{\"id\":1,\"method\":\"ping\"}", -32600);
    expect_error("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", -32600);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", -32600);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}", -32600);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1}", -32600);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/unsubscribe\"}", -32601);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/subscribe\"}", -32601);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}", -32602);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}}", -32602);
    const char *bad_calls[] = {
        "{\"name\":\"no_such_tool\",\"arguments\":{}}",
        "{\"name\":\"search_legislation\",\"arguments\":[]}",
        "{\"name\":\"search_legislation\",\"arguments\":{}}",
        "{\"name\":\"search_legislation\",\"arguments\":{\"question\":\"\"}}",
        "{\"name\":\"search_legislation\",\"arguments\":{\"question\":\"a\",\"limit\":\"5\"}}",
        "{\"name\":\"search_legislation\",\"arguments\":{\"question\":\"a\",\"limit\":1000}}",
        "{\"name\":\"search_legislation\",\"arguments\":{\"question\":\"a\",\"color\":1}}",
        "{\"name\":\"get_provision\",\"arguments\":{\"document\":\"68/2020/QH14\"}}",
        "{\"name\":\"get_provision\",\"arguments\":{\"document\":\"x\",\"article\":true}}",
        "{\"name\":\"validate_citation\",\"arguments\":{\"citation\":\"Điều 27 Luật Cư trú\","
        "\"as_of\":\"yesterday\"}}",
        "{\"name\":\"format_citation\",\"arguments\":{\"citation\":7}}",
    };
    for (size_t i = 0; i < sizeof bad_calls / sizeof bad_calls[0]; i++) {
        char msg[1024];
        snprintf(msg, sizeof msg,
                 "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"tools/call\",\"params\":%s}",
                 bad_calls[i]);
        expect_error(msg, -32602);
    }
    /* messages that quote the request stay valid UTF-8 (and so are sent):
     * a name cut inside a character, bytes that are not UTF-8 at all */
    char longname[400];
    snprintf(longname, sizeof longname, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"%0199d"
             "\u1ec7\"}", 0);
    expect_error(longname, -32601);
    r = send_text(ts_sample, "nope \xff\xfe", &rc);
    assert_int_equal(rc, LS_ERR_FORMAT);
    assert_int_equal(error_code(r), -32700);
    json_decref(r);
    /* the id comes back as sent, string ids too */
    r = send_text(ts_sample, "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"nope\"}", &rc);
    assert_string_equal(json_string_value(json_object_get(r, "id")), "abc");
    json_decref(r);
}

static void test_batch(void **state)
{
    (void)state;
    ls_rc rc;
    json_t *r = send_text(ts_sample, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]", &rc);
    assert_int_equal(rc, LS_OK);
    assert_int_equal(json_array_size(r), 2);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(r, 0), "id")), 1);
    assert_int_equal(error_code(json_array_get(r, 1)), -32601);
    json_decref(r);
    assert_null(send_text(ts_sample, "[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"}]", &rc));
    r = send_text(ts_sample, "[]", &rc);
    assert_int_equal(error_code(r), -32600);
    json_decref(r);
}

static void test_no_index(void **state)
{
    (void)state;
    ls_rc rc;
    json_t *r = send_text(NULL, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                                "{\"name\":\"search_legislation\",\"arguments\":{\"question\":\"a\"}}}",
                          &rc);
    json_t *res = json_object_get(r, "result");
    assert_true(json_is_true(json_object_get(res, "isError")));
    assert_non_null(strstr(error_text(res), "index unavailable"));
    json_decref(r);
}

/* The text of resource uri (its one content block, checked for shape), or
 * NULL with *code set to the JSON-RPC error. Caller frees. */
static char *read_resource(ls_searcher *s, const char *uri, int *code)
{
    char msg[1024];
    snprintf(msg, sizeof msg, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/read\","
             "\"params\":{\"uri\":\"%s\"}}", uri);
    ls_rc rc;
    json_t *r = send_text(s, msg, &rc);
    assert_int_equal(rc, LS_OK);
    *code = 0;
    char *text = NULL;
    json_t *c = json_array_get(json_object_get(json_object_get(r, "result"), "contents"), 0);
    if (c) {
        assert_string_equal(json_string_value(json_object_get(c, "uri")), uri);
        assert_string_equal(json_string_value(json_object_get(c, "mimeType")),
                            "application/json");
        text = strdup(json_string_value(json_object_get(c, "text")));
    } else {
        *code = error_code(r);
    }
    json_decref(r);
    return text;
}

/* The body of GET path on the REST API. Caller frees. */
static char *rest_get(const char *path)
{
    ls_api_request rq = {.method = "GET", .path = path};
    ls_api_reply reply = {0};
    ls_api_handle(ts_sample, NULL, &rq, &reply);
    assert_int_equal(reply.status, 200);
    char *body = strndup(reply.body.data, reply.body.len);
    ls_buf_free(&reply.body);
    return body;
}

static void test_resources(void **state)
{
    (void)state;
    json_t *r = request("resources/list", NULL);
    json_t *list = json_object_get(json_object_get(r, "result"), "resources");
    assert_int_equal(json_array_size(list), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "uri")),
                        "luat://index");
    json_decref(r);
    r = request("resources/templates/list", NULL);
    list = json_object_get(json_object_get(r, "result"), "resourceTemplates");
    assert_int_equal(json_array_size(list), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1),
                                                          "uriTemplate")),
                        "luat://document/{id}/article/{n}");
    json_decref(r);

    /* the same JSON as the REST routes, whichever way the id is written */
    int code;
    char *want = rest_get("/v1/documents/68/2020/qh14");
    char *got = read_resource(ts_sample, "luat://document/68/2020/qh14", &code);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
    got = read_resource(ts_sample, "luat://document/68%2F2020%2FQH14", &code);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
    free(want);
    want = rest_get("/v1/documents/68/2020/qh14/articles/27");
    got = read_resource(ts_sample, "luat://document/68%2f2020%2fqh14/article/27", &code);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_non_null(strstr(got, "Thời hạn tạm trú tối đa là 02 năm"));
    free(got);
    free(want);
    got = read_resource(ts_sample, "luat://index", &code);
    json_t *stats = json_loads(got, 0, NULL);
    assert_true(json_integer_value(json_object_get(stats, "documents")) >= 1);
    assert_true(json_integer_value(json_object_get(json_object_get(stats, "by_type"), "Luật")) >=
                1);
    json_decref(stats);
    free(got);

    static const struct { const char *uri; int code; } bad[] = {
        {"luat://document/99%2F1999%2FQH10", -32002},  /* no such document */
        {"luat://document/68%2F2020%2FQH14/article/999", -32002},
        {"https://example.org/68/2020/qh14", -32602},  /* not ours */
        {"luat://indexes", -32602},
        {"luat://document/", -32602},                  /* no id */
        {"luat://document/..%2F..%2Fetc", -32602},      /* path tricks */
        {"luat://document/68%2", -32602},               /* a cut escape */
        {"luat://document/68%zz2020", -32602},
        {"luat://document/68%002020", -32602},          /* a NUL */
        {"luat://document/68%2F2020%2FQH14/article/", -32602},
        {"luat://document/68%2F2020%2FQH14/article/2%2F7", -32602},
        {"luat://document/68%2F2020%2FQH14%2Fanything", -32602}, /* a tail after the number */
        {"luat://document/68%2F2020%2FQH14/anything/article/2", -32602},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(read_resource(ts_sample, bad[i].uri, &code));
        if (code != bad[i].code) fail_msg("%s: code %d, want %d", bad[i].uri, code, bad[i].code);
    }
    assert_null(read_resource(NULL, "luat://index", &code)); /* no index */
    assert_int_equal(code, -32603);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{}}",
                 -32602);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":"
                 "{\"uri\":5}}", -32602);
}

static void test_prompts(void **state)
{
    (void)state;
    json_t *r = request("prompts/list", NULL);
    json_t *list = json_object_get(json_object_get(r, "result"), "prompts");
    assert_int_equal(json_array_size(list), 2);
    json_t *p0 = json_array_get(list, 0);
    assert_string_equal(json_string_value(json_object_get(p0, "name")), "answer_legal_question");
    json_t *arg = json_array_get(json_object_get(p0, "arguments"), 0);
    assert_string_equal(json_string_value(json_object_get(arg, "name")), "question");
    assert_true(json_is_true(json_object_get(arg, "required")));
    json_decref(r);
    r = request("prompts/get", "{\"name\":\"answer_legal_question\",\"arguments\":"
                               "{\"question\":\"thời hạn tạm trú\"}}");
    json_t *m = json_array_get(json_object_get(json_object_get(r, "result"), "messages"), 0);
    assert_string_equal(json_string_value(json_object_get(m, "role")), "user");
    const char *text = json_string_value(json_object_get(json_object_get(m, "content"), "text"));
    assert_non_null(strstr(text, "search_legislation"));
    assert_non_null(strstr(text, "validate_citation"));
    assert_non_null(strstr(text, "Question: thời hạn tạm trú"));
    json_decref(r);
    r = request("prompts/get", "{\"name\":\"check_citations\",\"arguments\":"
                               "{\"text\":\"Theo Điều 27 Luật Cư trú\"}}");
    m = json_array_get(json_object_get(json_object_get(r, "result"), "messages"), 0);
    text = json_string_value(json_object_get(json_object_get(m, "content"), "text"));
    assert_non_null(strstr(text, "Text:\nTheo Điều 27 Luật Cư trú"));
    json_decref(r);
    static const char *bad[] = {
        "{}", "{\"name\":7}", "{\"name\":\"no_such_prompt\"}",
        "{\"name\":\"answer_legal_question\"}",
        "{\"name\":\"answer_legal_question\",\"arguments\":{\"question\":\"\"}}",
        "{\"name\":\"answer_legal_question\",\"arguments\":{\"question\":3}}",
        "{\"name\":\"answer_legal_question\",\"arguments\":[\"q\"]}",
        "{\"name\":\"check_citations\",\"arguments\":{\"question\":\"q\"}}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char msg[512];
        snprintf(msg, sizeof msg,
                 "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/get\",\"params\":%s}", bad[i]);
        expect_error(msg, -32602);
    }
}

static void test_logging(void **state)
{
    (void)state;
    ls_mcp_state st = LS_MCP_STATE_INIT;
    ls_buf reply = LS_BUF_INIT;
    const char *set = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\","
                      "\"params\":{\"level\":\"info\"}}";
    assert_int_equal(ls_mcp_handle(ts_sample, &st, set, strlen(set), &reply), LS_OK);
    assert_string_equal(reply.data, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    assert_int_equal(st.log_level, 1);
    assert_int_equal(st.initialized, 0);
    /* with a log (stdio): a tool call at info, its failure at warning, as
     * notifications/message lines, only from the level set up */
    ls_buf notes = LS_BUF_INIT;
    st.log = &notes;
    const char *bad_call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                           "{\"name\":\"get_provision\",\"arguments\":{\"document\":"
                           "\"68/2020/QH14\",\"article\":999}}}";
    assert_int_equal(ls_mcp_handle(ts_sample, &st, bad_call, strlen(bad_call), &reply), LS_OK);
    const char *nl = strchr(notes.data, '\n');
    assert_non_null(nl);
    json_t *info = json_loadb(notes.data, (size_t)(nl - notes.data), 0, NULL);
    json_t *warn = json_loads(nl + 1, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(info, "method")),
                        "notifications/message");
    json_t *params = json_object_get(info, "params");
    assert_string_equal(json_string_value(json_object_get(params, "level")), "info");
    assert_string_equal(json_string_value(json_object_get(json_object_get(params, "data"),
                                                          "tool")), "get_provision");
    assert_true(json_is_true(json_object_get(json_object_get(params, "data"), "isError")));
    params = json_object_get(warn, "params");
    assert_string_equal(json_string_value(json_object_get(params, "level")), "warning");
    assert_non_null(strstr(json_string_value(json_object_get(json_object_get(params, "data"),
                                                             "error")), "999"));
    json_decref(info);
    json_decref(warn);
    st.log_level = 4; /* error: neither is sent */
    ls_buf_reset(&notes);
    assert_int_equal(ls_mcp_handle(ts_sample, &st, bad_call, strlen(bad_call), &reply), LS_OK);
    assert_int_equal(notes.len, 0);
    st.log_level = 3; /* warning: only the failure */
    assert_int_equal(ls_mcp_handle(ts_sample, &st, bad_call, strlen(bad_call), &reply), LS_OK);
    assert_non_null(strstr(notes.data, "\"level\":\"warning\""));
    assert_null(strstr(notes.data, "\"level\":\"info\""));
    ls_buf_free(&notes);
    ls_buf_free(&reply);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\","
                 "\"params\":{\"level\":\"loud\"}}", -32602);
    expect_error("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\"}", -32602);
}

/* completion/complete: the values for ref + argument (+ the id given), or
 * NULL with *code set. */
static json_t *complete(const char *ref, const char *arg, const char *value, const char *id,
                        int *code)
{
    char msg[1024], context[300] = "";
    if (id) snprintf(context, sizeof context, ",\"context\":{\"arguments\":{\"id\":\"%s\"}}", id);
    snprintf(msg, sizeof msg, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"completion/complete\","
             "\"params\":{\"ref\":%s,\"argument\":{\"name\":\"%s\",\"value\":\"%s\"}%s}}",
             ref, arg, value, context);
    ls_rc rc;
    json_t *r = send_text(ts_sample, msg, &rc);
    json_t *c = json_object_get(json_object_get(r, "result"), "completion");
    json_t *values = json_object_get(c, "values");
    *code = 0;
    if (values) {
        assert_int_equal(json_integer_value(json_object_get(c, "total")), json_array_size(values));
        assert_true(json_is_false(json_object_get(c, "hasMore")));
        json_incref(values);
    } else {
        *code = error_code(r);
    }
    json_decref(r);
    return values;
}

static void test_completion(void **state)
{
    (void)state;
    const char *article = "{\"type\":\"ref/resource\",\"uri\":\"luat://document/{id}/article/{n}\"}";
    int code;
    /* the article numbers of the document given, from the prefix typed */
    json_t *v = complete(article, "n", "2", "68/2020/QH14", &code);
    assert_non_null(v);
    int has27 = 0;
    size_t i;
    json_t *n;
    json_array_foreach(v, i, n) {
        assert_int_equal(json_string_value(n)[0], '2');
        has27 |= strcmp(json_string_value(n), "27") == 0;
    }
    assert_true(has27);
    json_decref(v);
    v = complete(article, "n", "", "68/2020/qh14", &code); /* all of them, any case of id */
    assert_true(json_array_size(v) > 2);
    json_decref(v);
    /* nothing to list from: no values, not an error */
    static const char *none[][4] = {
        {"{\"type\":\"ref/resource\",\"uri\":\"luat://document/{id}/article/{n}\"}", "n", "2",
         "99/1999/QH10"},
        {"{\"type\":\"ref/resource\",\"uri\":\"luat://document/{id}/article/{n}\"}", "n", "2",
         NULL},
        {"{\"type\":\"ref/resource\",\"uri\":\"luat://document/{id}\"}", "id", "68", NULL},
        {"{\"type\":\"ref/prompt\",\"name\":\"answer_legal_question\"}", "question", "th", NULL},
    };
    for (i = 0; i < sizeof none / sizeof none[0]; i++) {
        v = complete(none[i][0], none[i][1], none[i][2], none[i][3], &code);
        assert_non_null(v);
        assert_int_equal(json_array_size(v), 0);
        json_decref(v);
    }
    static const char *bad[][2] = {
        {"{\"type\":\"ref/prompt\",\"name\":\"test_prompt_with_arguments\"}", "arg1"},
        {"{\"type\":\"ref/prompt\",\"name\":\"answer_legal_question\"}", "text"},
        {"{\"type\":\"ref/prompt\"}", "question"},
        {"{\"type\":\"ref/resource\",\"uri\":\"luat://document/{id}\"}", "n"},
        {"{\"type\":\"ref/resource\",\"uri\":\"test://template/{id}/data\"}", "id"},
        {"{\"type\":\"ref/tool\",\"name\":\"get_provision\"}", "document"},
        {"{}", "n"},
    };
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(complete(bad[i][0], bad[i][1], "x", NULL, &code));
        assert_int_equal(code, -32602);
    }
}

static const char *origin;
/* the request headers of the next http() call: name, value, ..., NULL */
static const char *headers[16];

static const char *fake_header(const ls_api_request *rq, const char *name)
{
    (void)rq;
    for (size_t i = 0; headers[i]; i += 2)
        if (strcasecmp(headers[i], name) == 0) return headers[i + 1];
    return NULL;
}

/* The status of method /mcp with body; the reply's body in out, its
 * Mcp-Session-Id (or "") in session when given. */
static unsigned http_session(const char *method, const char *body, ls_buf *out,
                             char session[LS_MCP_SESSION_ID_LEN + 1])
{
    ls_api_request rq = {.method = method, .path = "/mcp", .body = body,
                         .body_len = body ? strlen(body) : 0, .origin = origin,
                         .header = fake_header};
    ls_api_reply reply = {0};
    ls_api_handle(ts_sample, NULL, &rq, &reply);
    ls_buf_reset(out);
    if (reply.body.len) ls_buf_append(out, reply.body.data, reply.body.len);
    if (reply.status == 200) assert_string_equal(reply.content_type, "application/json");
    if (reply.status == 405) { /* a 405 names the methods that work (RFC 9110) */
        assert_non_null(reply.header_name);
        assert_string_equal(reply.header_name, "Allow");
        assert_string_equal(reply.header_value, "POST, DELETE");
        if (session) session[0] = '\0';
    } else if (session) {
        session[0] = '\0';
        if (reply.header_name) {
            assert_string_equal(reply.header_name, "Mcp-Session-Id");
            assert_int_equal(strlen(reply.header_value), LS_MCP_SESSION_ID_LEN);
            strcpy(session, reply.header_value);
        }
    } else {
        assert_null(reply.header_name);
    }
    ls_buf_free(&reply.body);
    return reply.status;
}

static unsigned http(const char *method, const char *body, ls_buf *out)
{
    return http_session(method, body, out, NULL);
}

static void test_http_route(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(http("POST", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", &b),
                     200);
    assert_non_null(strstr(b.data, "\"validate_citation\""));
    assert_int_equal(http("POST", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                          &b), 202);
    assert_int_equal(b.len, 0);
    assert_int_equal(http("POST", "{oops", &b), 400);
    assert_non_null(strstr(b.data, "-32700"));
    assert_int_equal(http("POST", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}", &b), 200);
    assert_non_null(strstr(b.data, "-32601"));
    assert_int_equal(http("GET", NULL, &b), 405);
    assert_int_equal(http("PUT", NULL, &b), 405);
    /* DNS rebinding: a browser page of another site is refused, local ones pass */
    static const char *refused[] = {"http://evil.example", "http://localhost.evil.example:80",
                                    "null", "http://127.0.0.1.evil.example"};
    static const char *allowed[] = {"http://localhost:8080", "http://127.0.0.1",
                                    "https://[::1]:3000"};
    const char *ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        origin = refused[i];
        assert_int_equal(http("POST", ping, &b), 403);
    }
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++) {
        origin = allowed[i];
        assert_int_equal(http("POST", ping, &b), 200);
    }
    origin = NULL;
    ls_buf_free(&b);
}

static void test_http_headers_and_sessions(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    const char *ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    const char *init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                       "{\"protocolVersion\":\"2025-06-18\"}}";
    /* Accept must admit application/json; MCP-Protocol-Version must be known */
    static const char *accepted[] = {"application/json, text/event-stream", "*/*",
                                     "text/event-stream;q=1, Application/JSON;q=0.5",
                                     "application/*"};
    for (size_t i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
        headers[0] = "Accept", headers[1] = accepted[i], headers[2] = NULL;
        assert_int_equal(http("POST", ping, &b), 200);
    }
    static const char *refused[] = {"text/event-stream", "text/html", "application/jsonx", ""};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        headers[0] = "Accept", headers[1] = refused[i], headers[2] = NULL;
        assert_int_equal(http("POST", ping, &b), 406);
    }
    headers[0] = "MCP-Protocol-Version", headers[1] = "2025-03-26";
    assert_int_equal(http("POST", ping, &b), 200);
    headers[1] = "2099-01-01";
    assert_int_equal(http("POST", ping, &b), 400);
    assert_non_null(strstr(b.data, "MCP-Protocol-Version"));
    headers[0] = NULL;

    /* a successful initialize opens a session; a failed one or a ping does not */
    char id[LS_MCP_SESSION_ID_LEN + 1], other[LS_MCP_SESSION_ID_LEN + 1];
    assert_int_equal(http_session("POST", ping, &b, id), 200);
    assert_string_equal(id, "");
    assert_int_equal(http_session("POST", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
                                          "\"initialize\",\"params\":{}}", &b, id), 200);
    assert_string_equal(id, "");
    assert_int_equal(http_session("POST", init, &b, id), 200);
    assert_int_equal(http_session("POST", init, &b, other), 200);
    assert_string_not_equal(id, other);
    /* the session keeps its state: the log level */
    headers[0] = "Mcp-Session-Id", headers[1] = id, headers[2] = NULL;
    assert_int_equal(http("POST", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                                  "\"logging/setLevel\",\"params\":{\"level\":\"error\"}}", &b),
                     200);
    ls_mcp_state st;
    assert_int_equal(ls_mcp_session_get(id, &st), 0);
    assert_int_equal(st.log_level, 4);
    assert_int_equal(st.initialized, 1);
    assert_int_equal(http("POST", ping, &b), 200);
    /* DELETE ends it: then 404, as for an id never issued */
    assert_int_equal(http("DELETE", NULL, &b), 204);
    assert_int_equal(http("DELETE", NULL, &b), 404);
    assert_int_equal(http("POST", ping, &b), 404);
    headers[1] = "0123456789abcdef0123456789abcdef";
    assert_int_equal(http("POST", ping, &b), 404);
    headers[1] = "short";
    assert_int_equal(http("POST", ping, &b), 404);
    headers[0] = NULL;
    assert_int_equal(http("DELETE", NULL, &b), 400);
    assert_int_equal(ls_mcp_session_end(other), 0);
    ls_buf_free(&b);
}

static void test_session_table(void **state)
{
    (void)state;
    /* full: the least recently used session is dropped, a used one stays */
    ls_mcp_state st = LS_MCP_STATE_INIT, got;
    char first[LS_MCP_SESSION_ID_LEN + 1], second[LS_MCP_SESSION_ID_LEN + 1],
        id[LS_MCP_SESSION_ID_LEN + 1];
    assert_int_equal(ls_mcp_session_open(&st, first), 0);
    assert_int_equal(ls_mcp_session_open(&st, second), 0);
    for (int i = 0; i < LS_MCP_MAX_SESSIONS - 2; i++) {
        assert_int_equal(ls_mcp_session_open(&st, id), 0);
        if (i == 0) assert_int_equal(ls_mcp_session_get(first, &got), 0); /* first: used */
    }
    assert_int_equal(ls_mcp_session_get(second, &got), 0); /* the table is just full */
    assert_int_equal(ls_mcp_session_open(&st, id), 0);      /* drops the oldest: not these */
    assert_int_equal(ls_mcp_session_get(first, &got), 0);
    assert_int_equal(ls_mcp_session_get(second, &got), 0);
    assert_int_equal(ls_mcp_session_get(id, &got), 0);
    for (int i = 0; i < LS_MCP_MAX_SESSIONS; i++) assert_int_equal(ls_mcp_session_open(&st, id), 0);
    assert_int_equal(ls_mcp_session_get(first, &got), -1);  /* now dropped */
    assert_int_equal(ls_mcp_session_end(first), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_initialize),       cmocka_unit_test(test_notifications_and_ping),
        cmocka_unit_test(test_tools_list),       cmocka_unit_test(test_search_legislation),
        cmocka_unit_test(test_search_procedures), cmocka_unit_test(test_get_procedure),
        cmocka_unit_test(test_get_provision),    cmocka_unit_test(test_validate_citation),
        cmocka_unit_test(test_format_citation),  cmocka_unit_test(test_errors),
        cmocka_unit_test(test_get_relations),
        cmocka_unit_test(test_batch),            cmocka_unit_test(test_no_index),
        cmocka_unit_test(test_http_route),       cmocka_unit_test(test_resources),
        cmocka_unit_test(test_prompts),          cmocka_unit_test(test_logging),
        cmocka_unit_test(test_http_headers_and_sessions),
        cmocka_unit_test(test_session_table),    cmocka_unit_test(test_completion),
    };
    return cmocka_run_group_tests(tests, ts_sample_setup, ts_sample_teardown);
}
