/* test_http_head.c — HEAD over real HTTP (RFC 9110 9.3.2: HEAD is GET
 * without the body): on every route of `luat-search serve`, errors too, HEAD
 * answers GET's status, Content-Type, Allow and Content-Length (the length
 * of GET's body) and sends no body; a route HEAD does not reach (POST-only
 * /v1/review, /mcp) answers 405 naming its methods in Allow. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <jansson.h>

#include "../support/http_client.h"
#include "../support/test_support.h"

static int setup(void **state)
{
    (void)state;
    return ts_srv_start("--threads 2");
}

/* GET path, then HEAD path: the same status and headers, GET's body length
 * as HEAD's Content-Length (unless the body changes between two requests:
 * same_body 0), no body after HEAD. */
static void head_is_get(const char *path, int status, int same_body)
{
    ts_reply get = ts_http_get(ts_srv.port, path);
    ts_reply head = ts_http_request(ts_srv.port, "HEAD", path);
    if (get.status != status) fail_msg("GET %s: %d, not %d: %.200s", path, get.status, status, get.body);
    if (head.status != get.status) fail_msg("HEAD %s: %d, GET %d", path, head.status, get.status);
    if (head.body_len != 0) fail_msg("HEAD %s sent a body: %.100s", path, head.body);
    char length[32];
    if (!ts_reply_header(&head, "Content-Length", length, sizeof length))
        fail_msg("HEAD %s: no Content-Length: %s", path, head.headers);
    unsigned long n = strtoul(length, NULL, 10);
    if (same_body ? n != get.body_len : n == 0)
        fail_msg("HEAD %s: Content-Length %s, GET's body %zu bytes", path, length, get.body_len);
    static const char *const same[] = {"Content-Type", "Allow", "Content-Security-Policy",
                                       "X-Content-Type-Options"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        char g[256], h[256];
        int in_get = ts_reply_header(&get, same[i], g, sizeof g);
        int in_head = ts_reply_header(&head, same[i], h, sizeof h);
        if (in_get != in_head || strcmp(g, h) != 0)
            fail_msg("%s %s: GET '%s', HEAD '%s'", path, same[i], g, h);
    }
    ts_reply_free(&get);
    ts_reply_free(&head);
}

static void test_head_on_every_get_route(void **state)
{
    (void)state;
    static const struct { const char *path; int status, same_body; } cases[] = {
        {"/healthz", 200, 1},
        {"/openapi.json", 200, 1},
        {"/", 200, 1},
        {"/metrics", 200, 0}, /* counts the GET before the HEAD */
        {"/v1/search?q=thu+tuc+dang+ky+khai+sinh&limit=3", 200, 1},
        {"/v1/documents/60%2F2014%2FQH13", 200, 1},
        {"/v1/documents/60%2F2014%2FQH13/articles/16", 200, 1},
        {"/v1/documents/123%2F2015%2FN%C4%90-CP/relations", 200, 1},
        {"/v1/procedures?q=dang+ky+khai+sinh&limit=2", 200, 1},
        /* errors: HEAD carries GET's status and the error body's length */
        {"/v1/search", 400, 1},
        {"/v1/search?q=khai+sinh&kind=nothing", 400, 1},
        {"/v1/documents/99%2F2099%2FQH99", 404, 1},
        {"/v1/procedures/9.999999", 404, 1},
        {"/no/such/route", 404, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        head_is_get(cases[i].path, cases[i].status, cases[i].same_body);
}

/* The HEAD reply of a search is GET's, byte count for byte count: the body
 * really was built (a hit), not an empty reply with a made-up length. */
static void test_head_length_is_the_search_body(void **state)
{
    (void)state;
    ts_reply get = ts_http_get(ts_srv.port, "/v1/search?q=khai+sinh&limit=5");
    assert_int_equal(get.status, 200);
    json_error_t e;
    json_t *o = json_loadb(get.body, get.body_len, 0, &e);
    if (!o) fail_msg("GET reply is not JSON: %s", e.text);
    assert_true(json_array_size(json_object_get(o, "hits")) > 0);
    json_decref(o);
    ts_reply head = ts_http_request(ts_srv.port, "HEAD", "/v1/search?q=khai+sinh&limit=5");
    char length[32];
    assert_true(ts_reply_header(&head, "Content-Length", length, sizeof length));
    assert_int_equal(strtoul(length, NULL, 10), get.body_len);
    assert_true(get.body_len > 100);
    assert_int_equal(head.body_len, 0);
    ts_reply_free(&get);
    ts_reply_free(&head);
}

/* Routes HEAD is not for: 405 with Allow naming what is (RFC 9110 15.5.6). */
static void test_head_where_get_is_not_allowed(void **state)
{
    (void)state;
    static const struct { const char *path, *allow; } cases[] = {
        {"/v1/review", "POST"},
        {"/mcp", "POST, DELETE"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ts_reply r = ts_http_request(ts_srv.port, "HEAD", cases[i].path);
        char allow[64];
        if (r.status != 405 || !ts_reply_header(&r, "Allow", allow, sizeof allow) ||
            strcmp(allow, cases[i].allow) != 0 || r.body_len != 0)
            fail_msg("HEAD %s: %d, headers %s", cases[i].path, r.status, r.headers);
        ts_reply_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_head_on_every_get_route),
        cmocka_unit_test(test_head_length_is_the_search_body),
        cmocka_unit_test(test_head_where_get_is_not_allowed),
    };
    return cmocka_run_group_tests(tests, setup, ts_srv_stop);
}
