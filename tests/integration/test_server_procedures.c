/* test_server_procedures.c — the procedure routes over HTTP, on an index of
 * the sample corpus (its tthc/ procedures among the laws): GET
 * /v1/procedures?q=, GET /v1/procedures/{code}, /v1/search?kind=procedure
 * and their errors. Like every server test, its replies are recorded
 * (LS_RESPONSE_LOG) and checked against /openapi.json by
 * tests/openapi/run-openapi-tests. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "../support/http_client.h"
#include "../support/test_support.h"

static char *dir;
static unsigned port;
static pid_t server;

static int setup(void **state)
{
    (void)state;
    dir = ts_mkdtemp();
    char cmd[8192], *out, *err;
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s/index' '%s'", ts_bin(), dir,
             ts_path("corpus/sample"));
    int status = ts_run(cmd, NULL, &out, &err);
    if (status) fprintf(stderr, "index failed: %s\n", err);
    free(out);
    free(err);
    if (status) return -1;
    snprintf(cmd, sizeof cmd, "%s/index", dir);
    port = ts_server_start(cmd, "--threads 1", &server);
    return port ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    int status = ts_server_stop(server);
    ts_rmtree(dir);
    free(dir);
    return status == 0 ? 0 : -1;
}

/* GET path: the status, and the body parsed (caller decrefs). */
static json_t *get_json(const char *path, int want_status)
{
    ts_reply r = ts_http_get(port, path);
    if (r.status != want_status) fail_msg("GET %s: %d %.300s", path, r.status, r.body);
    json_t *o = json_loads(r.body, 0, NULL);
    if (!o) fail_msg("GET %s: not JSON: %.300s", path, r.body);
    ts_reply_free(&r);
    return o;
}

/* The procedure_code of the first hit of a search, or a failure. */
static const char *first_code(json_t *results, char *buf, size_t cap)
{
    json_t *hits = json_object_get(results, "hits");
    if (json_array_size(hits) == 0) fail_msg("no procedure hit");
    const char *code = json_string_value(json_object_get(json_array_get(hits, 0), "procedure_code"));
    if (!code) fail_msg("the first hit has no procedure_code");
    snprintf(buf, cap, "%s", code);
    return buf;
}

static void test_search_and_card(void **state)
{
    (void)state;
    json_t *o = get_json("/v1/procedures?q=dang+ky+khai+sinh&limit=3", 200);
    char code[128], path[256];
    first_code(o, code, sizeof code);
    json_decref(o);
    /* the card by its code, and as of a date */
    snprintf(path, sizeof path, "/v1/procedures/%s", code);
    o = get_json(path, 200);
    json_decref(o);
    snprintf(path, sizeof path, "/v1/procedures/%s?as_of=2025-01-01", code);
    o = get_json(path, 200);
    json_decref(o);
    /* the main search, procedures only and by default */
    o = get_json("/v1/search?q=dang+ky+khai+sinh&kind=procedure&limit=2", 200);
    assert_true(json_array_size(json_object_get(o, "hits")) > 0);
    json_decref(o);
    o = get_json("/v1/search?q=thu+tuc+dang+ky+khai+sinh&limit=3", 200);
    json_decref(o);
}

static void test_errors(void **state)
{
    (void)state;
    static const struct { const char *path; int status; } cases[] = {
        {"/v1/procedures/9.999999", 404},
        {"/v1/procedures/9.000001?color=red", 400},
        {"/v1/procedures?q=khai+sinh&kind=article", 400},
        {"/v1/procedures", 400},
        {"/v1/search?q=khai+sinh&kind=nothing", 400},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *o = get_json(cases[i].path, cases[i].status);
        json_t *e = json_object_get(o, "error");
        if (!json_is_string(json_object_get(e, "message")))
            fail_msg("GET %s: no error message", cases[i].path);
        json_decref(o);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_and_card),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
