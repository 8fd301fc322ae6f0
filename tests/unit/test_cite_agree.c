/* test_cite_agree.c — one citation, one answer: the same citation given to
 * ls_review (the `review` command), POST /v1/review (ls_api_review), MCP's
 * validate_citation (ls_mcp_handle) and search (ls_search) names the same
 * document and article, and review, /v1/review and MCP write the same
 * standard form; search's hit ends with the same document. Over an index of
 * corpus/sample built in a temporary directory, with citations the
 * extractor reads and ones only the question analyser reads (no
 * diacritics, a number without its code, a law by name). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../api/mcp.h"
#include "../../api/routes.h"
#include "../../cite/cite.h"
#include "../../query/search.h"
#include "../../review/review.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

/* What one path answered for a citation: its first item. */
typedef struct answer {
    char resolution[32], doc_id[64], article[16], citation[256];
} answer;

static void set(char *dst, size_t cap, const char *s)
{
    snprintf(dst, cap, "%s", s ? s : "");
}

static void from_json_cite(json_t *c, answer *a)
{
    assert_non_null(c);
    set(a->resolution, sizeof a->resolution, json_string_value(json_object_get(c, "resolution")));
    set(a->doc_id, sizeof a->doc_id,
        json_string_value(json_object_get(json_object_get(c, "document"), "id")));
    set(a->article, sizeof a->article, json_string_value(json_object_get(c, "article")));
    set(a->citation, sizeof a->citation, json_string_value(json_object_get(c, "citation")));
}

static void by_review(const char *q, answer *a)
{
    ls_review_result *r = NULL;
    ls_error err = {0};
    if (ls_review(ts_sample, q, strlen(q), NULL, &r, &err)) fail_msg("review %s: %s", q, err.msg);
    assert_true(r->ncites > 0);
    for (size_t i = 0; i < r->ncites; i++) { /* offsets into q, not into a rewritten form */
        const ls_cite *o = &r->cites[i];
        if (o->group_start > o->start || o->start >= o->end || o->end > o->group_end ||
            o->group_end > strlen(q))
            fail_msg("review %s: item %zu at [%zu, %zu) in [%zu, %zu), the text has %zu bytes", q,
                     i, o->start, o->end, o->group_start, o->group_end, strlen(q));
    }
    const ls_cite *c = &r->cites[0];
    set(a->resolution, sizeof a->resolution, ls_cite_resolution_name(c->resolution));
    set(a->doc_id, sizeof a->doc_id, c->doc_id);
    set(a->article, sizeof a->article, c->article);
    set(a->citation, sizeof a->citation, c->citation);
    ls_review_result_free(r);
}

static void by_route(const char *q, answer *a)
{
    ls_api_request rq = {.method = "POST", .path = "/v1/review", .body = q,
                         .body_len = strlen(q)};
    ls_api_reply out = {.status = 200, .body = LS_BUF_INIT};
    ls_api_review(ts_sample, &rq, &out);
    assert_int_equal(out.status, 200);
    json_t *o = json_loadb(out.body.data, out.body.len, 0, NULL);
    assert_non_null(o);
    from_json_cite(json_array_get(json_object_get(o, "citations"), 0), a);
    json_decref(o);
    ls_buf_free(&out.body);
}

static void by_mcp(const char *q, answer *a)
{
    json_t *args = json_pack("{s:s}", "citation", q);
    json_t *msg = json_pack("{s:s, s:i, s:s, s:{s:s, s:o}}", "jsonrpc", "2.0", "id", 1, "method",
                            "tools/call", "params", "name", "validate_citation", "arguments",
                            args);
    char *text = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    ls_buf reply = LS_BUF_INIT;
    ls_mcp_state st = LS_MCP_STATE_INIT;
    assert_int_equal(ls_mcp_handle(ts_sample, &st, text, strlen(text), &reply), LS_OK);
    free(text);
    json_t *r = json_loadb(reply.data, reply.len, 0, NULL);
    ls_buf_free(&reply);
    json_t *res = json_object_get(r, "result");
    assert_false(json_is_true(json_object_get(res, "isError")));
    json_t *sc = json_object_get(res, "structuredContent");
    from_json_cite(json_array_get(json_object_get(sc, "citations"), 0), a);
    json_decref(r);
}

/* Search's first hit: its document, article and citation. */
static void by_search(const char *q, answer *a)
{
    ls_search_request req = {.query = q, .limit = 1};
    ls_results *r = NULL;
    ls_error err = {0};
    if (ls_search(ts_sample, &req, &r, &err)) fail_msg("search %s: %s", q, err.msg);
    assert_true(r->nhits > 0);
    const ls_hit *h = &r->hits[0];
    set(a->resolution, sizeof a->resolution, "found");
    set(a->doc_id, sizeof a->doc_id, h->passage->doc_id);
    set(a->article, sizeof a->article, h->passage->article);
    set(a->citation, sizeof a->citation, h->citation);
    ls_results_free(r);
}

/* The document part of a standard citation: what follows "Điều N ". */
static const char *doc_part(const char *citation)
{
    const char *d = strstr(citation, "Điều ");
    if (!d) return citation;
    d = strchr(d + strlen("Điều "), ' ');
    return d ? d + 1 : "";
}

static void test_same_answer(void **state)
{
    (void)state;
    static const struct { const char *q, *doc, *article, *citation; } cases[] = {
        /* read by the extractor */
        {"khoản 2 Điều 27 Luật Cư trú", "68/2020/qh14", "27",
         "khoản 2 Điều 27 Luật Cư trú số 68/2020/QH14"},
        {"Điều 113 Bộ luật Lao động số 45/2019/QH14", "45/2019/qh14", "113",
         "Điều 113 Bộ luật Lao động số 45/2019/QH14"},
        /* only by the question analyser (the fallback ls_review now owns) */
        {"dieu 27 luat 68/2020/qh14", "68/2020/qh14", "27",
         "Điều 27 Luật Cư trú số 68/2020/QH14"},
        {"dieu 113 bo luat lao dong", "45/2019/qh14", "113",
         "Điều 113 Bộ luật Lao động số 45/2019/QH14"},
        {"dieu 5 nd 123/2015", "123/2015/nđ-cp", "5", "Điều 5 Nghị định số 123/2015/NĐ-CP"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *q = cases[i].q;
        answer rv, rt, mc, se;
        by_review(q, &rv);
        by_route(q, &rt);
        by_mcp(q, &mc);
        by_search(q, &se);
        const answer *all[] = {&rv, &rt, &mc, &se};
        const char *names[] = {"review", "/v1/review", "MCP", "search"};
        for (size_t k = 0; k < 4; k++) {
            if (strcmp(all[k]->resolution, "found") != 0 ||
                strcmp(all[k]->doc_id, cases[i].doc) != 0 ||
                strcmp(all[k]->article, cases[i].article) != 0)
                fail_msg("%s: %s answered %s %s Điều %s, want found %s Điều %s", q, names[k],
                         all[k]->resolution, all[k]->doc_id, all[k]->article, cases[i].doc,
                         cases[i].article);
            if (k < 3 && strcmp(all[k]->citation, cases[i].citation) != 0)
                fail_msg("%s: %s wrote \"%s\", want \"%s\"", q, names[k], all[k]->citation,
                         cases[i].citation);
        }
        /* search writes the clause it matched; the document as review does */
        assert_string_equal(doc_part(se.citation), doc_part(cases[i].citation));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_answer),
    };
    return cmocka_run_group_tests(tests, ts_sample_setup, ts_sample_teardown);
}
