/* fuzz_http.c — libFuzzer target for the REST API's request handling
 * without a socket: the first byte picks the front door; the rest is
 *   0: a JSON body for POST /v1/search (ls_api_search_from_json),
 *   1: a query string "k=v&k=v" split as libmicrohttpd splits it
 *      (ls_api_search_from_pairs, values may hold NUL bytes),
 *   2: a URL path routed by ls_api_handle with no index open (every route
 *      that needs one must answer 503, the others must answer). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../api/routes.h"
#include "../../api/search_params.h"

#define MAX_PAIRS 32

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
    ls_api_search out;
    ls_api_search_from_pairs(keys, values, lens, n, &out, NULL);
    ls_api_search_free(&out);
    free(copy);
}

static void route(const char *s, size_t len)
{
    char *path = malloc(len + 1);
    if (!path) return;
    memcpy(path, s, len);
    path[len] = '\0';
    ls_api_request rq = {.method = len % 2 ? "GET" : "POST", .path = path};
    ls_api_reply reply = {0};
    ls_api_handle(NULL, "no index", &rq, &reply);
    if (reply.status < 200 || reply.status > 599) abort();
    ls_buf_free(&reply.body);
    free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    const char *s = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] % 3) {
    case 0: {
        ls_api_search out;
        ls_api_search_from_json(s, len, &out, NULL);
        ls_api_search_free(&out);
        break;
    }
    case 1: pairs(s, len); break;
    default: route(s, len); break;
    }
    return 0;
}
