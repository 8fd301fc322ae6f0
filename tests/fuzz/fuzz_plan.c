/* fuzz_plan.c — libFuzzer target for the query side: ls_plan_build
 * (analyser, fillers, definition questions, cited document/article/clause/
 * point) and the ranking query built from the plan with the default
 * weights; then, with the index of $LS_FUZZ_INDEX (fuzz_invariants.h), the
 * whole search as `search --json` prints it: the results are one line of
 * JSON, and an error's message is valid UTF-8. */
#include <stddef.h>
#include <stdint.h>

#include "../../query/build.h"
#include "../../query/plan.h"
#include "../../query/results_json.h"
#include "fuzz_invariants.h"

static void search(ls_searcher *s, const char *bytes, size_t len)
{
    char *q = malloc(len + 1); /* query_len 0 means strlen(query) */
    if (!q) return;
    memcpy(q, bytes, len);
    q[len] = '\0';
    ls_search_request req = {.query = q, .query_len = len, .limit = 5};
    ls_results *r = NULL;
    ls_error err = {0};
    if (ls_search(s, &req, &r, &err)) {
        if (!err.msg[0]) abort();
        inv_utf8_str(err.msg);
        free(q);
        return;
    }
    ls_buf out = LS_BUF_INIT;
    if (ls_results_json(r, q, len, 0, &out) == LS_OK) {
        if (memchr(out.data, '\n', out.len)) abort(); /* one line */
        json_decref(inv_json(out.data, out.len));
    }
    ls_buf_free(&out);
    ls_results_free(r);
    free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_plan *plan = NULL;
    ls_error err = {0};
    if (ls_plan_build((const char *)data, size, &plan, &err) != LS_OK) {
        inv_utf8_str(err.msg);
        return 0;
    }
    ls_weights w = ls_weights_default();
    xc_query *q = NULL;
    if (ls_query_rank(plan, &w, NULL, &q, NULL) == LS_OK) xc_query_free(q);
    ls_plan_free(plan);
    ls_searcher *s = fuzz_searcher();
    if (s && size <= 4096) search(s, (const char *)data, size);
    return 0;
}
