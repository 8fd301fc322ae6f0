/* test_server.c — `luat-search serve` over real HTTP on loopback, against
 * an index of the sample corpus: every route (procedures too), the
 * hostile-input table (bad UTF-8, NUL bytes, huge and deeply nested input, traversal, unknown
 * fields, limits), slow and half-open clients, many connections, a decree
 * indexed into the live index, and a clean stop on SIGTERM. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "../support/http_client.h"
#include "../support/test_support.h"

static int setup(void **state)
{
    (void)state;
    return ts_srv_start("--timeout 1 --request-timeout 2 --threads 2");
}

static json_t *json_of(const ts_reply *r)
{
    json_error_t e;
    json_t *o = json_loadb(r->body, r->body_len, 0, &e);
    if (!o) fail_msg("reply is not JSON (%s): %.200s", e.text, r->body);
    return o;
}

static void test_search_get_and_post(void **state)
{
    (void)state;
    ts_reply r = ts_http_get(ts_srv.port, "/v1/search?q=thu+tuc+dang+ky+khai+sinh&limit=3");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.headers, "application/json"));
    json_t *o = json_of(&r);
    json_t *hits = json_object_get(o, "hits");
    assert_int_equal(json_array_size(hits), 3);
    json_t *h = json_array_get(hits, 0);
    assert_string_equal(json_string_value(json_object_get(h, "doc_number")), "60/2014/QH13");
    assert_string_equal(json_string_value(json_object_get(h, "article")), "16");
    assert_non_null(strstr(json_string_value(json_object_get(h, "citation")), "Điều 16"));
    assert_non_null(strstr(json_string_value(json_object_get(h, "snippet")), "<mark>"));
    assert_string_equal(json_string_value(json_object_get(o, "suggestion")),
                        "thủ tục đăng ký khai sinh");
    assert_true(json_integer_value(json_object_get(o, "total_estimate")) >= 3);
    double conf = json_real_value(json_object_get(o, "confidence"));
    assert_true(conf > 0 && conf <= 1);
    assert_true(json_is_null(json_object_get(o, "notice")));
    json_decref(o);
    ts_reply_free(&r);
    /* no_answer from the request's threshold; a cited article the index lacks */
    r = ts_http_get(ts_srv.port, "/v1/search?q=thu+tuc+dang+ky+khai+sinh&min_confidence=1");
    assert_int_equal(r.status, 200);
    o = json_of(&r);
    assert_true(json_is_true(json_object_get(o, "no_answer")));
    assert_true(json_array_size(json_object_get(o, "hits")) > 0); /* still given */
    json_decref(o);
    ts_reply_free(&r);
    const char cited[] = "{\"q\":\"Điều 99 Nghị định 123/2015/NĐ-CP\",\"min_confidence\":0.5}";
    r = ts_http_post(ts_srv.port, "/v1/search", cited, strlen(cited));
    o = json_of(&r);
    assert_string_equal(json_string_value(json_object_get(o, "notice")),
                        "Điều 99 không có trong Nghị định 123/2015/NĐ-CP");
    assert_true(json_is_true(json_object_get(o, "no_answer")));
    json_decref(o);
    ts_reply_free(&r);

    const char body[] = "{\"q\":\"thủ tục đăng ký khai sinh\",\"limit\":2,\"offset\":1,"
                        "\"type\":\"Luật\",\"in_force\":false}";
    r = ts_http_post(ts_srv.port, "/v1/search", body, strlen(body));
    assert_int_equal(r.status, 200);
    o = json_of(&r);
    hits = json_object_get(o, "hits");
    assert_int_equal(json_array_size(hits), 2);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(hits, 0), "rank")), 2);
    for (size_t i = 0; i < 2; i++)
        assert_string_equal(json_string_value(json_object_get(json_array_get(hits, i), "doc_type")),
                            "Luật");
    json_decref(o);
    ts_reply_free(&r);
}

static void test_documents_and_articles(void **state)
{
    (void)state;
    ts_reply r = ts_http_get(ts_srv.port, "/v1/documents/60%2F2014%2FQH13/articles/16");
    assert_int_equal(r.status, 200);
    json_t *o = json_of(&r);
    assert_string_equal(json_string_value(json_object_get(o, "heading")), "Thủ tục đăng ký khai sinh");
    assert_true(json_array_size(json_object_get(o, "clauses")) >= 2);
    json_decref(o);
    ts_reply_free(&r);

    r = ts_http_get(ts_srv.port, "/v1/documents/60%2F2014%2FQH13");
    assert_int_equal(r.status, 200);
    o = json_of(&r);
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "document"), "title")),
                        "Luật Hộ tịch");
    size_t narticles = json_array_size(json_object_get(o, "articles"));
    assert_true(narticles >= 5);
    assert_int_equal(narticles,
                     json_array_size(json_object_get(json_object_get(o, "document"), "articles")));
    json_decref(o);
    ts_reply_free(&r);
}

/* The procedure routes (the sample's tthc/ procedures): a search, the card
 * by the code it gives, as of a date, /v1/search?kind=procedure, errors. */
static void test_procedures(void **state)
{
    (void)state;
    ts_reply r = ts_http_get(ts_srv.port, "/v1/procedures?q=dang+ky+khai+sinh&limit=3");
    assert_int_equal(r.status, 200);
    json_t *o = json_of(&r);
    const char *code = json_string_value(
        json_object_get(json_array_get(json_object_get(o, "hits"), 0), "procedure_code"));
    if (!code) fail_msg("no procedure hit with a procedure_code: %.300s", r.body);
    char path[256];
    snprintf(path, sizeof path, "/v1/procedures/%s?as_of=2025-01-01", code ? code : "");
    json_decref(o);
    ts_reply_free(&r);
    static const struct { const char *path; int status; } cases[] = {
        {NULL, 200}, /* path, the card as of a date */
        {"/v1/search?q=dang+ky+khai+sinh&kind=procedure&limit=2", 200},
        {"/v1/procedures/9.999999", 404},
        {"/v1/procedures/9.000001?color=red", 400},
        {"/v1/procedures?q=khai+sinh&kind=article", 400},
        {"/v1/procedures", 400},
        {"/v1/search?q=khai+sinh&kind=nothing", 400},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *p = cases[i].path ? cases[i].path : path;
        r = ts_http_get(ts_srv.port, p);
        if (r.status != cases[i].status) fail_msg("GET %s: %d %.300s", p, r.status, r.body);
        o = json_of(&r);
        if (r.status == 200 && !json_object_get(o, cases[i].path ? "hits" : "procedure_code"))
            fail_msg("GET %s: %.300s", p, r.body);
        if (r.status != 200 && !json_is_string(json_object_get(json_object_get(o, "error"), "message")))
            fail_msg("GET %s: no error message: %.300s", p, r.body);
        json_decref(o);
        ts_reply_free(&r);
    }
}

/* A document's relations over HTTP: the decree the sample's 07/2025/NĐ-CP
 * amends, as of today and of a date, and the errors. */
static void test_relations(void **state)
{
    (void)state;
    static const struct { const char *path; int status; const char *says; } cases[] = {
        {"/v1/documents/123%2F2015%2FN%C4%90-CP/relations", 200, "07/2025"},
        {"/v1/documents/123%2F2015%2FN%C4%90-CP/relations?as_of=2016-01-01", 200, "\"relations\""},
        {"/v1/documents/99%2F2099%2FQH99/relations", 404, "99/2099"},
        {"/v1/documents/123%2F2015%2FN%C4%90-CP/relations?color=red", 400, "as_of"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ts_reply r = ts_http_get(ts_srv.port, cases[i].path);
        if (r.status != cases[i].status || !strstr(r.body, cases[i].says))
            fail_msg("GET %s: %d %.300s", cases[i].path, r.status, r.body);
        json_decref(json_of(&r));
        ts_reply_free(&r);
    }
}

static void test_health_metrics_openapi_page(void **state)
{
    (void)state;
    ts_reply r = ts_http_get(ts_srv.port, "/healthz");
    assert_int_equal(r.status, 200);
    json_t *o = json_of(&r);
    assert_string_equal(json_string_value(json_object_get(o, "status")), "ok");
    assert_true(json_integer_value(json_object_get(o, "passages")) > 100);
    json_decref(o);
    ts_reply_free(&r);

    r = ts_http_get(ts_srv.port, "/openapi.json");
    assert_int_equal(r.status, 200);
    o = json_of(&r);
    json_t *paths = json_object_get(o, "paths");
    const char *routes[] = {"/v1/search", "/v1/review", "/v1/documents/{id}",
                            "/v1/documents/{id}/articles/{n}",
                            "/healthz", "/metrics", "/openapi.json", "/"};
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (!json_object_get(paths, routes[i])) fail_msg("openapi lacks %s", routes[i]);
    json_decref(o);
    ts_reply_free(&r);

    r = ts_http_get(ts_srv.port, "/");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.headers, "text/html"));
    assert_non_null(strstr(r.body, "<html"));
    ts_reply_free(&r);

    r = ts_http_get(ts_srv.port, "/metrics");
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "luat_requests_total{route=\"search\",status=\"2xx\"}"));
    assert_non_null(strstr(r.body, "luat_request_duration_seconds_bucket{le=\"+Inf\"}"));
    assert_non_null(strstr(r.body, "luat_index_revision "));
    ts_reply_free(&r);
}

/* 200 × "ệ", percent-encoded: an issuer past the limit of an index term */
#define E10 "%E1%BB%87%E1%BB%87%E1%BB%87%E1%BB%87%E1%BB%87%E1%BB%87%E1%BB%87%E1%BB%87%E1%BB%87%E1%BB%87"
#define E200 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10 E10

/* Every bad request gets its 4xx and a message naming the problem, in a
 * JSON reply that is valid UTF-8 (the message may quote the request). */
static void test_bad_requests(void **state)
{
    (void)state;
    static const char delete_request[] =
        "DELETE /v1/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    static const struct { const char *method, *path, *body; int status; const char *says; } cases[] = {
        {"GET", "/v1/search", NULL, 400, "missing"},
        {"GET", "/v1/search?q=", NULL, 400, "empty"},
        {"GET", "/v1/search?q=+++", NULL, 400, "empty"},
        {"GET", "/v1/search?q=%FF%FEab", NULL, 400, "UTF-8"},
        {"GET", "/v1/search?q=%C0%AFetc", NULL, 400, "UTF-8"},         /* overlong '/' */
        {"GET", "/v1/search?q=%ED%A0%80", NULL, 400, "UTF-8"},         /* surrogate */
        {"GET", "/v1/search?q=ab%00cd", NULL, 400, "NUL"},
        {"GET", "/v1/search?q=a&limit=0", NULL, 400, "limit"},
        {"GET", "/v1/search?q=a&limit=101", NULL, 400, "limit"},
        {"GET", "/v1/search?q=a&limit=ten", NULL, 400, "limit"},
        {"GET", "/v1/search?q=a&offset=99999999999999999999", NULL, 400, "offset"},
        {"GET", "/v1/search?q=a&in_force=maybe", NULL, 400, "in_force"},
        {"GET", "/v1/search?q=a&min_confidence=2", NULL, 400, "min_confidence"},
        {"GET", "/v1/search?q=a&min_confidence=nan", NULL, 400, "min_confidence"},
        {"GET", "/v1/search?q=a&min_confidence=", NULL, 400, "min_confidence"},
        {"POST", "/v1/search", "{\"q\":\"a\",\"min_confidence\":\"high\"}", 400, "min_confidence"},
        {"POST", "/v1/search", "{\"q\":\"a\",\"min_confidence\":-0.5}", 400, "min_confidence"},
        {"GET", "/v1/search?q=a&type=xyz", NULL, 400, "xyz"},
        {"GET", "/v1/search?q=khai+sinh&issuer=" E200, NULL, 400, "too long: ệệệ"},
        {"GET", "/v1/search?q=a&" E200 "=1", NULL, 400, "unknown parameter 'ệệệ"},
        {"GET", "/v1/search?q=a&color=red", NULL, 400, "unknown parameter 'color'"},
        {"GET", "/v1/search?q=a&q=b", NULL, 400, "twice"},
        {"GET", "/v1/search?q=a&a=1&b=1&c=1&d=1&e=1&f=1&g=1&h=1&i=1&j=1&k=1&l=1&m=1&n=1&o=1&p=1"
                "&r=1&s=1&t=1&u=1&v=1&w=1&x=1&y=1&z=1&A=1&B=1&C=1&D=1&E=1&F=1&G=1&H=1", NULL, 400,
         "too many query parameters"},
        {"POST", "/v1/search", "{\"q\":", 400, "malformed JSON"},
        {"POST", "/v1/search", "", 400, "malformed JSON"},
        {"POST", "/v1/search", "[\"q\"]", 400, "object"},
        {"POST", "/v1/search", "{\"q\":\"a\",\"foo\":1}", 400, "unknown parameter 'foo'"},
        {"POST", "/v1/search", "{\"q\":5}", 400, "string"},
        {"POST", "/v1/search", "{\"q\":\"a\",\"limit\":100000000000000000000000}", 400, "JSON"},
        {"POST", "/v1/search", "{\"q\":\"a\",\"limit\":-1}", 400, "limit"},
        {"POST", "/v1/search", "{\"q\":\"a\",\"q\":\"b\"}", 400, "JSON"},
        {"POST", "/v1/search", "{\"q\":\"\\u0000\"}", 400, "NUL"},
        {"POST", "/v1/search?q=a", "{\"q\":\"a\"}", 400, "query string"},
        {"GET", "/v1/documents/..%2F..%2Fetc%2Fpasswd", NULL, 400, "bad document id"},
        {"GET", "/v1/documents/%2Fetc%2Fpasswd", NULL, 400, "bad document id"},
        {"GET", "/v1/documents/60%2F2014%2FQH13/articles/..%2F1", NULL, 400, "bad document id"},
        {"GET", "/v1/documents/99%2F2099%2FQH99", NULL, 404, "99/2099/QH99"},
        {"GET", "/v1/documents/60%2F2014%2FQH13/articles/999", NULL, 404, "999"},
        {"GET", "/v2/search?q=a", NULL, 404, "no such route"},
        /* routes answer only what they know: no unknown tail, no empty segment */
        {"GET", "/v1/documents/60%2F2014%2FQH13/anything", NULL, 404, "only /articles/{n}"},
        {"GET", "/v1/documents/60/2014/QH13/anything", NULL, 404, "only /articles/{n}"},
        {"GET", "/v1/documents/60%2F2014%2FQH13/", NULL, 404, "only /articles/{n}"},
        {"GET", "/v1/documents/60%2F2014%2FQH13/x/articles/16", NULL, 404, "only /articles/{n}"},
        {"GET", "/v1/documents/60%2F2014%2FQH13/articles/16/x", NULL, 400, "bad document id"},
        {"GET", "/v1/documents/60%2F2014%2FQH13/articles/16/", NULL, 400, "bad document id"},
        {"GET", "/v1/documents/60%2F2014%2FQH13//articles/16", NULL, 404, "only /articles/{n}"},
        {"GET", "/v1//search?q=a", NULL, 404, "empty path segment"},
        {"GET", "//healthz", NULL, 404, "empty path segment"},
        {"GET", "/v1/search/?q=a", NULL, 404, "no such route"},
        {"GET", "/healthz/x", NULL, 404, "no such route"},
        {"GET", "/openapi.json/x", NULL, 404, "no such route"},
        {"DELETE", "/v1/search", NULL, 405, "GET or POST"},
        {"POST", "/healthz", "{}", 405, "GET"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ts_reply r = cases[i].body ? ts_http_post(ts_srv.port, cases[i].path, cases[i].body,
                                                  strlen(cases[i].body))
                                   : strcmp(cases[i].method, "GET") == 0
                                         ? ts_http_get(ts_srv.port, cases[i].path)
                                         : ts_http_raw(ts_srv.port, delete_request,
                                                       sizeof delete_request - 1, 5000);
        if (r.status != cases[i].status || !strstr(r.body, cases[i].says))
            fail_msg("%s %s: got %d %.300s", cases[i].method, cases[i].path, r.status, r.body);
        if (r.status >= 400) {
            json_t *o = json_of(&r);
            assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "error"), "status")),
                             cases[i].status);
            json_decref(o);
        }
        ts_reply_free(&r);
    }
}

/* Huge input: a 1 MB question, a 10,000-word question, a deeply nested
 * body, an oversized body; each a 4xx, and the server answers after. */
static void test_huge_input(void **state)
{
    (void)state;
    size_t big = 1 << 20;
    char *path = malloc(big + 64);
    strcpy(path, "/v1/search?q=");
    memset(path + 13, 'a', big);
    path[13 + big] = '\0';
    ts_reply r = ts_http_get(ts_srv.port, path);
    assert_int_equal(r.status, 414); /* over libmicrohttpd's 64 KiB for a request's head */
    ts_reply_free(&r);

    /* 10,000 words in the URL: fits the head, refused as a JSON error */
    strcpy(path, "/v1/search?q=");
    for (int i = 0; i < 10000; i++) memcpy(path + 13 + 3 * i, "ab+", 3);
    path[13 + 3 * 10000] = '\0';
    r = ts_http_get(ts_srv.port, path);
    assert_int_equal(r.status, 400);
    assert_non_null(strstr(r.body, "\"message\":\"parameter 'q' is 30000 bytes; the limit is"));
    ts_reply_free(&r);

    char *words = malloc(10000 * 3 + 32);
    size_t n = (size_t)sprintf(words, "{\"q\":\"");
    for (int i = 0; i < 10000; i++) n += (size_t)sprintf(words + n, "ab ");
    n += (size_t)sprintf(words + n, "\"}");
    r = ts_http_post(ts_srv.port, "/v1/search", words, n);
    assert_int_equal(r.status, 400);
    assert_non_null(strstr(r.body, "limit"));
    ts_reply_free(&r);

    size_t depth = 20000;
    char *nested = malloc(2 * depth + 16);
    n = (size_t)sprintf(nested, "{\"q\":");
    memset(nested + n, '[', depth);
    memset(nested + n + depth, ']', depth);
    n += 2 * depth;
    nested[n++] = '}';
    r = ts_http_post(ts_srv.port, "/v1/search", nested, n);
    assert_int_equal(r.status, 400);
    ts_reply_free(&r);

    memset(path, ' ', 70000);
    memcpy(path, "{\"q\":\"a\"", 8);
    path[69999] = '}';
    r = ts_http_post(ts_srv.port, "/v1/search", path, 70000);
    assert_int_equal(r.status, 413);
    ts_reply_free(&r);

    /* a gigabyte announced: refused at once, before the body (which never comes) */
    static const char announced[] = "POST /v1/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                    "Content-Length: 1000000000\r\n\r\n{\"q\":\"a\"";
    r = ts_http_raw(ts_srv.port, announced, sizeof announced - 1, 3000);
    assert_int_equal(r.status, 413);
    assert_non_null(strstr(r.body, "over 65536 bytes"));
    ts_reply_free(&r);

    r = ts_http_get(ts_srv.port, "/v1/search?q=khai+sinh");
    assert_int_equal(r.status, 200);
    ts_reply_free(&r);
    free(path);
    free(words);
    free(nested);
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* A slow-loris client (headers never finished), a half-open one (nothing
 * sent) and 100 idle connections: others are still answered, and the
 * server cuts the idle ones off after its timeout (1 s here). */
static void test_slow_and_idle_clients(void **state)
{
    (void)state;
    int slow = ts_http_connect(ts_srv.port), silent = ts_http_connect(ts_srv.port);
    assert_true(slow >= 0 && silent >= 0);
    const char partial[] = "GET /v1/search?q=a HTTP/1.1\r\nHost: x\r\n";
    assert_int_equal(send(slow, partial, sizeof partial - 1, 0), (ssize_t)(sizeof partial - 1));
    int idle[100];
    for (int i = 0; i < 100; i++) idle[i] = ts_http_connect(ts_srv.port);
    ts_reply r = ts_http_get(ts_srv.port, "/v1/search?q=tam+tru");
    assert_int_equal(r.status, 200);
    ts_reply_free(&r);
    long t0 = now_ms();
    int fds[2] = {slow, silent};
    for (int k = 0; k < 2; k++) {
        struct pollfd p = {.fd = fds[k], .events = POLLIN};
        assert_int_equal(poll(&p, 1, 5000), 1); /* closed by the server */
        char c;
        assert_true(recv(fds[k], &c, 1, 0) <= 0);
        close(fds[k]);
    }
    assert_true(now_ms() - t0 < 5000);
    for (int i = 0; i < 100; i++)
        if (idle[i] >= 0) close(idle[i]);
    r = ts_http_get(ts_srv.port, "/healthz");
    assert_int_equal(r.status, 200);
    ts_reply_free(&r);
}

/* Slow-loris proper: four clients trickle their headers a byte every
 * 200 ms, so the 1 s idle timeout never fires, and fill a server that
 * takes 4 connections. A fifth client waits; the 2 s request deadline cuts
 * the four, and the fifth is answered. */
static void test_trickling_clients_cut_by_deadline(void **state)
{
    (void)state;
    pid_t small = 0;
    unsigned sport = ts_server_start(ts_srv.db, "--threads 1 --max-connections 4 --timeout 1 "
                                         "--request-timeout 2", &small);
    assert_true(sport > 0);
    enum { SLOW = 4 };
    int fd[SLOW];
    long cut_at[SLOW];
    const char start[] = "GET /v1/search?q=a HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    for (int i = 0; i < SLOW; i++) {
        fd[i] = ts_http_connect(sport);
        assert_true(fd[i] >= 0);
        assert_int_equal(send(fd[i], start, sizeof start - 1, MSG_NOSIGNAL),
                         (ssize_t)(sizeof start - 1));
        cut_at[i] = -1;
    }
    long t0 = now_ms(), answered_at = -1;
    int victim = -1;
    char reply[256] = "";
    size_t got = 0;
    int open_slow = SLOW;
    while ((open_slow > 0 || answered_at < 0) && now_ms() - t0 < 8000) {
        usleep(200000);
        if (victim < 0 && now_ms() - t0 > 300) { /* the four hold every slot now */
            victim = ts_http_connect(sport);
            assert_true(victim >= 0);
            const char rq[] = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            assert_int_equal(send(victim, rq, sizeof rq - 1, MSG_NOSIGNAL), (ssize_t)(sizeof rq - 1));
        }
        for (int i = 0; i < SLOW; i++) {
            if (cut_at[i] >= 0) continue;
            struct pollfd p = {.fd = fd[i], .events = POLLIN};
            char c;
            if ((poll(&p, 1, 0) == 1 && recv(fd[i], &c, 1, 0) <= 0) ||
                send(fd[i], "a", 1, MSG_NOSIGNAL) != 1) {
                cut_at[i] = now_ms() - t0;
                close(fd[i]);
                open_slow--;
            }
        }
        struct pollfd p = {.fd = victim, .events = POLLIN};
        while (victim >= 0 && answered_at < 0 && got + 1 < sizeof reply && poll(&p, 1, 0) == 1) {
            ssize_t n = recv(victim, reply + got, sizeof reply - 1 - got, 0);
            if (n <= 0) break;
            got += (size_t)n;
            reply[got] = '\0';
            if (strstr(reply, "\r\n\r\n")) answered_at = now_ms() - t0;
        }
    }
    char problem[160] = "";
    for (int i = 0; i < SLOW; i++) {
        if (cut_at[i] < 0) close(fd[i]);
        /* kept alive past the idle timeout by trickling; cut by the deadline */
        if ((cut_at[i] < 1500 || cut_at[i] > 5000) && !problem[0])
            snprintf(problem, sizeof problem, "slow client %d: cut at %ld ms (want 2000-5000)",
                     i, cut_at[i]);
    }
    if (victim >= 0) close(victim);
    if ((answered_at < 1500 || strncmp(reply, "HTTP/1.1 200", 12) != 0) && !problem[0])
        snprintf(problem, sizeof problem, "waiting client answered at %ld ms: '%.60s'",
                 answered_at, reply);
    ts_reply r = ts_http_get(sport, "/metrics");
    int counted = r.body && strstr(r.body, "luat_connections_cut_total 4\n") != NULL;
    ts_reply_free(&r);
    int stopped = ts_server_stop(small); /* before failing: no server left behind */
    if (problem[0]) fail_msg("%s", problem);
    assert_true(counted);
    assert_int_equal(stopped, 0);
}

/* --rate-limit over loopback: a burst of 3, then 429 with Retry-After and
 * the JSON error, /healthz and /metrics still answered, the refusals
 * counted; after the wait the client is answered again. Bounded loops. */
static void test_rate_limit(void **state)
{
    (void)state;
    pid_t limited = 0;
    unsigned lport = ts_server_start(ts_srv.db, "--quiet --rate-limit 1/s --burst 3", &limited);
    assert_true(lport > 0);
    int ok = 0, refused = 0, other = 0;
    char problem[300] = "";
    for (int i = 0; i < 10; i++) { /* well under a second: one token back at most */
        ts_reply r = ts_http_get(lport, "/v1/search?q=khai+sinh&limit=1");
        if (r.status == 200) ok++;
        else if (r.status == 429) {
            refused++;
            json_error_t e;
            json_t *o = json_loadb(r.body, r.body_len, 0, &e);
            json_t *er = json_object_get(o, "error");
            if (!problem[0] && (!strstr(r.headers, "Retry-After: 1\r\n") ||
                                json_integer_value(json_object_get(er, "status")) != 429 ||
                                !json_string_value(json_object_get(er, "code")) ||
                                strcmp(json_string_value(json_object_get(er, "code")),
                                       "too-many-requests") != 0))
                snprintf(problem, sizeof problem, "429 reply: %.120s | %.120s", r.headers, r.body);
            json_decref(o);
        } else other++;
        ts_reply_free(&r);
    }
    ts_reply h = ts_http_get(lport, "/healthz"), m = ts_http_get(lport, "/metrics");
    char counted[64];
    snprintf(counted, sizeof counted, "luat_rate_limited_total %d\n", refused);
    int health_ok = h.status == 200, metrics_ok = m.status == 200 && strstr(m.body, counted);
    ts_reply_free(&h);
    ts_reply_free(&m);
    usleep(1100 * 1000);
    ts_reply again = ts_http_get(lport, "/v1/search?q=khai+sinh&limit=1");
    unsigned again_status = again.status;
    ts_reply_free(&again);
    assert_int_equal(ts_server_stop(limited), 0); /* before failing: no server left behind */
    if (problem[0]) fail_msg("%s", problem);
    if (ok < 3 || ok > 4 || refused != 10 - ok || other)
        fail_msg("%d answered, %d refused, %d other (want 3-4 answered, the rest 429)", ok,
                 refused, other);
    assert_true(health_ok);
    assert_true(metrics_ok);
    assert_int_equal(again_status, 200);
}

static long status_kb(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, field, strlen(field)) == 0) kb = atol(line + strlen(field) + 1);
    if (f) fclose(f);
    return kb;
}

/* --max-reply bounds what one request may make the server hold: a review
 * of 64 KB of citations (a 3 MB answer) is a 400 naming the bound, ten
 * times over; the server's peak memory after ten is within 16 MB of its
 * peak after one (nothing piles up per request), small answers still
 * come, and the server goes on. */
static void test_reply_bounded(void **state)
{
    (void)state;
    pid_t small = 0;
    /* under ASan a freed block waits in quarantine: keep it small here */
    int set_asan = !getenv("ASAN_OPTIONS");
    if (set_asan) setenv("ASAN_OPTIONS", "quarantine_size_mb=1", 1);
    unsigned sport = ts_server_start(ts_srv.db, "--quiet --threads 1 --max-reply 65536", &small);
    if (set_asan) unsetenv("ASAN_OPTIONS");
    assert_true(sport > 0);
    static const char cite[] = "Điều 16 Luật Hộ tịch số 60/2014/QH13; ";
    size_t n = 65000 / (sizeof cite - 1), len = n * (sizeof cite - 1);
    char *body = malloc(len + 1);
    for (size_t i = 0; i < n; i++) memcpy(body + i * (sizeof cite - 1), cite, sizeof cite - 1);
    body[len] = '\0';
    char problem[300] = "";
    long first_peak = 0;
    for (int i = 0; i < 10 && !problem[0]; i++) {
        ts_reply r = ts_http_post(sport, "/v1/review", body, len);
        if (r.status != 400 || !strstr(r.body, "over 65536 bytes"))
            snprintf(problem, sizeof problem, "review: %d %.200s", r.status, r.body);
        ts_reply_free(&r);
        if (i == 0) first_peak = status_kb(small, "VmHWM:");
    }
    ts_reply r = ts_http_get(sport, "/v1/search?q=khai+sinh&limit=3");
    if (!problem[0] && r.status != 200)
        snprintf(problem, sizeof problem, "search after: %d %.200s", r.status, r.body);
    ts_reply_free(&r);
    r = ts_http_post(sport, "/v1/review", cite, sizeof cite - 1);
    if (!problem[0] && r.status != 200)
        snprintf(problem, sizeof problem, "small review: %d %.200s", r.status, r.body);
    ts_reply_free(&r);
    long peak = status_kb(small, "VmHWM:");
    free(body);
    assert_int_equal(ts_server_stop(small), 0);
    if (problem[0]) fail_msg("%s", problem);
    fprintf(stderr, "server peak RSS: %ld kB after one review, %ld kB after ten\n", first_peak,
            peak);
    if (first_peak <= 0 || peak - first_peak > 16 * 1024)
        fail_msg("server peak RSS grew from %ld to %ld kB", first_peak, peak);
}

/* Many clients at once, each asking several questions: all answered. */
static void *client(void *arg)
{
    (void)arg;
    static const char *const qs[] = {"/v1/search?q=khai+sinh", "/v1/search?q=t%E1%BA%A1m+tr%C3%BA",
                                     "/v1/search?q=nghi+phep+nam&limit=5", "/healthz"};
    long ok = 0;
    for (int i = 0; i < 4; i++) {
        ts_reply r = ts_http_get(ts_srv.port, qs[i]);
        if (r.status == 200 && (i == 3 || strstr(r.body, "\"hits\":[{"))) ok++;
        ts_reply_free(&r);
    }
    return (void *)ok;
}

static void test_many_clients_at_once(void **state)
{
    (void)state;
    enum { CLIENTS = 24 };
    pthread_t t[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) assert_int_equal(pthread_create(&t[i], NULL, client, NULL), 0);
    long ok = 0;
    for (int i = 0; i < CLIENTS; i++) {
        void *n;
        pthread_join(t[i], &n);
        ok += (long)n;
    }
    assert_int_equal(ok, CLIENTS * 4);
}

/* A client asking until its server goes away: counts 200s with hits, and
 * anything else than those, a 503 or no answer at all (the stop). */
typedef struct busy_client {
    unsigned port;
    int answered, odd;
} busy_client;

static void *ask_until_gone(void *arg)
{
    busy_client *c = arg;
    for (int i = 0; i < 200; i++) {
        ts_reply r = ts_http_get(c->port, i % 2 ? "/v1/search?q=khai+sinh"
                                                : "/v1/search?q=t%E1%BA%A1m+tr%C3%BA");
        int gone = r.status == -1;
        if (r.status == 200 && strstr(r.body, "\"hits\":[{")) c->answered++;
        else if (!gone && r.status != 503) c->odd++;
        ts_reply_free(&r);
        if (gone) break;
    }
    return NULL;
}

/* SIGTERM while 16 clients queue on one worker: the requests already
 * handed to the worker are answered (libmicrohttpd must not stop with a
 * connection suspended), the server exits 0, and no client gets anything
 * but a whole answer, a 503, or a closed connection. */
static void test_stop_while_busy(void **state)
{
    (void)state;
    enum { CLIENTS = 16 };
    pid_t busy = 0;
    unsigned bport = ts_server_start(ts_srv.db, "--quiet --threads 1", &busy);
    busy_client c[CLIENTS];
    pthread_t t[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        c[i] = (busy_client){.port = bport};
        assert_int_equal(pthread_create(&t[i], NULL, ask_until_gone, &c[i]), 0);
    }
    usleep(300 * 1000);
    assert_int_equal(ts_server_stop(busy), 0);
    int answered = 0, odd = 0;
    for (int i = 0; i < CLIENTS; i++) {
        pthread_join(t[i], NULL);
        answered += c[i].answered;
        odd += c[i].odd;
    }
    assert_true(answered > 0);
    assert_int_equal(odd, 0);
}

static const char new_decree[] =
    "CHÍNH PHỦ\n"
    "Số: 999/2026/NĐ-CP\n"
    "Hà Nội, ngày 20 tháng 11 năm 2026\n"
    "NGHỊ ĐỊNH\n"
    "Quy định về quản lý khinh khí cầu du lịch\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "Nghị định này quy định về cấp phép bay khinh khí cầu du lịch.\n"
    "Điều 2. Hiệu lực thi hành\n"
    "Nghị định này có hiệu lực từ ngày 01 tháng 01 năm 2027.\n";

/* POST /v1/review: a text or a JSON body, every citation resolved. */
static void test_review(void **state)
{
    (void)state;
    const char text[] = "Theo khoản 1 Điều 16 Luật số 60/2014/QH13 và Nghị định số "
                        "99/2099/NĐ-CP.";
    ts_reply r = ts_http_post(ts_srv.port, "/v1/review", text, strlen(text));
    assert_int_equal(r.status, 200);
    json_t *o = json_of(&r);
    json_t *summary = json_object_get(o, "summary");
    assert_int_equal(json_integer_value(json_object_get(summary, "citations")), 2);
    assert_int_equal(json_integer_value(json_object_get(summary, "unresolved")), 1);
    json_t *first = json_array_get(json_object_get(o, "citations"), 0);
    assert_string_equal(json_string_value(json_object_get(first, "resolution")), "found");
    /* offsets point at the cited bytes */
    size_t start = (size_t)json_integer_value(json_object_get(first, "start"));
    assert_memory_equal(text + start, "khoản 1 Điều 16", strlen("khoản 1 Điều 16"));
    json_decref(o);
    ts_reply_free(&r);

    const char body[] = "{\"text\":\"khoản 2 Điều 5 Nghị định 123/2015/NĐ-CP\",\"as_of\":\"2020-01-01\"}";
    r = ts_http_post(ts_srv.port, "/v1/review", body, strlen(body));
    assert_int_equal(r.status, 200);
    o = json_of(&r);
    assert_string_equal(json_string_value(json_object_get(o, "as_of")), "2020-01-01");
    first = json_array_get(json_object_get(o, "citations"), 0);
    assert_string_equal(json_string_value(json_object_get(first, "citation")),
                        "khoản 2 Điều 5 Nghị định số 123/2015/NĐ-CP");
    json_decref(o);
    ts_reply_free(&r);

    static const struct { const char *body; int status; const char *says; } bad[] = {
        {"", 400, "no text"},
        {"{\"text\":\"x\",\"foo\":1}", 400, "unknown field"},
        {"{\"text\":", 400, "malformed JSON"},
        {"{\"text\":\"Điều 5\",\"as_of\":\"hôm qua\"}", 400, "hôm qua"},
        /* not found is a 404 here as on /v1/documents (one table) */
        {"{\"text\":\"Điều 5 Luật này\",\"doc\":\"99/2099/NĐ-CP\"}", 404, "99/2099"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r = ts_http_post(ts_srv.port, "/v1/review", bad[i].body, strlen(bad[i].body));
        if (r.status != bad[i].status || !strstr(r.body, bad[i].says))
            fail_msg("review '%s': got %d %.200s", bad[i].body, r.status, r.body);
        ts_reply_free(&r);
    }
    r = ts_http_get(ts_srv.port, "/v1/review");
    assert_int_equal(r.status, 405);
    assert_non_null(strstr(r.headers, "\r\nAllow: POST"));
    ts_reply_free(&r);
}

/* A decree indexed while the server runs is found without a restart. */
static void test_live_index(void **state)
{
    (void)state;
    ts_reply r = ts_http_get(ts_srv.port, "/v1/search?q=khinh+kh%C3%AD+c%E1%BA%A7u");
    assert_int_equal(r.status, 200);
    assert_null(strstr(r.body, "999/2026"));
    ts_reply_free(&r);
    char path[4200], cmd[9000], *out = NULL, *err = NULL;
    snprintf(path, sizeof path, "%s/nghi-dinh-999.txt", ts_srv.dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(new_decree, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s' '%s'", ts_bin(), ts_srv.db, path);
    int status = ts_run(cmd, NULL, &out, &err);
    if (status) fail_msg("index: %s", err);
    free(out);
    free(err);
    /* both workers see it (each has its own handle) */
    for (int i = 0; i < 4; i++) {
        r = ts_http_get(ts_srv.port, "/v1/search?q=khinh+kh%C3%AD+c%E1%BA%A7u&limit=1");
        assert_int_equal(r.status, 200);
        assert_non_null(strstr(r.body, "999/2026/NĐ-CP"));
        ts_reply_free(&r);
    }
}

/* SIGKILL while serving (mid-load): the index is only read, so it opens
 * as before and a new server answers at once. */
static void test_sigkill_while_serving(void **state)
{
    (void)state;
    pid_t victim = 0;
    unsigned vport = ts_server_start(ts_srv.db, "--threads 2", &victim);
    assert_true(vport > 0);
    int busy[8];
    for (int i = 0; i < 8; i++) {
        busy[i] = ts_http_connect(vport);
        const char req[] = "GET /v1/search?q=%C4%91%C4%83ng+k%C3%BD+c%C6%B0+tr%C3%BA HTTP/1.1\r\n"
                           "Host: x\r\n\r\n";
        if (busy[i] >= 0) assert_true(send(busy[i], req, sizeof req - 1, 0) > 0);
    }
    kill(victim, SIGKILL);
    int status = 0;
    waitpid(victim, &status, 0);
    assert_true(WIFSIGNALED(status));
    for (int i = 0; i < 8; i++)
        if (busy[i] >= 0) close(busy[i]);
    char cmd[4200], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "'%s' stats --db '%s' --json", ts_bin(), ts_srv.db);
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "\"passages\""));
    free(out);
    free(err);
    pid_t again = 0;
    unsigned aport = ts_server_start(ts_srv.db, NULL, &again);
    assert_true(aport > 0);
    ts_reply r = ts_http_get(aport, "/v1/search?q=khai+sinh&limit=1");
    assert_int_equal(r.status, 200);
    ts_reply_free(&r);
    assert_int_equal(ts_server_stop(again), 0);
}

/* SIGTERM: the server stops cleanly with status 0 (run last). */
static void test_clean_stop(void **state)
{
    (void)state;
    assert_int_equal(ts_server_stop(ts_srv.pid), 0);
    ts_srv.pid = 0;
    ts_reply r = ts_http_get(ts_srv.port, "/healthz");
    assert_int_equal(r.status, -1);
    ts_reply_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_get_and_post),
        cmocka_unit_test(test_documents_and_articles),
        cmocka_unit_test(test_procedures),
        cmocka_unit_test(test_relations),
        cmocka_unit_test(test_health_metrics_openapi_page),
        cmocka_unit_test(test_bad_requests),
        cmocka_unit_test(test_huge_input),
        cmocka_unit_test(test_slow_and_idle_clients),
        cmocka_unit_test(test_trickling_clients_cut_by_deadline),
        cmocka_unit_test(test_many_clients_at_once),
        cmocka_unit_test(test_stop_while_busy),
        cmocka_unit_test(test_review),
        cmocka_unit_test(test_live_index),
        cmocka_unit_test(test_rate_limit),
        cmocka_unit_test(test_reply_bounded),
        cmocka_unit_test(test_sigkill_while_serving),
        cmocka_unit_test(test_clean_stop),
    };
    return cmocka_run_group_tests(tests, setup, ts_srv_stop);
}
