/* fuzz_http.c — libFuzzer target for the REST API's request handling
 * without a socket, through ls_api_handle with the index of
 * $LS_FUZZ_INDEX when set (fuzz_invariants.h): the first byte picks the
 * front door; the rest is
 *   0: a JSON body for POST /v1/search,
 *   1: a query string "k=v&k=v" for GET /v1/search, split as
 *      libmicrohttpd splits it (values may hold NUL bytes),
 *   2: a URL path, GET or POST by the length (without an index every route
 *      that needs one must answer 503, the others must answer),
 *   3: a body for POST /v1/review.
 * Every reply must hold the invariants of fuzz_invariants.h: valid UTF-8,
 * JSON where it says JSON, an error body whose status is the reply's. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../api/routes.h"
#include "fuzz_invariants.h"

#define MAX_PAIRS 32

static void handle(const ls_api_request *rq)
{
    ls_api_reply reply = {0};
    ls_api_handle(fuzz_searcher(), "no index", rq, &reply);
    inv_reply(&reply);
    ls_buf_free(&reply.body);
}

static void pairs(const char *s, size_t len)
{
    const char *keys[MAX_PAIRS], *values[MAX_PAIRS];
    size_t lens[MAX_PAIRS], n = 0;
    char *copy = malloc(len + 1);
    if (!copy) return;
    memcpy(copy, s, len);
    copy[len] = '\0';
    char *p = copy, *end = copy + len;
    while (p < end && n < MAX_PAIRS) {
        char *amp = memchr(p, '&', (size_t)(end - p));
        if (!amp) amp = end;
        *amp = '\0';
        char *eq = memchr(p, '=', (size_t)(amp - p));
        keys[n] = p;
        if (eq) {
            *eq = '\0';
            values[n] = eq + 1;
            lens[n] = (size_t)(amp - eq - 1);
        } else {
            values[n] = NULL;
            lens[n] = 0;
        }
        n++;
        p = amp + 1;
    }
    ls_api_request rq = {.method = "GET", .path = "/v1/search", .keys = keys, .values = values,
                         .value_lens = lens, .npairs = n};
    handle(&rq);
    free(copy);
}

static void route(const char *s, size_t len)
{
    char *path = malloc(len + 1);
    if (!path) return;
    memcpy(path, s, len);
    path[len] = '\0';
    ls_api_request rq = {.method = len % 2 ? "GET" : "POST", .path = path};
    handle(&rq);
    free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    const char *s = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] % 4) {
    case 0:
    case 3: {
        ls_api_request rq = {.method = "POST", .path = data[0] % 4 ? "/v1/review" : "/v1/search",
                             .body = s, .body_len = len};
        handle(&rq);
        break;
    }
    case 1: pairs(s, len); break;
    default: route(s, len); break;
    }
    return 0;
}
