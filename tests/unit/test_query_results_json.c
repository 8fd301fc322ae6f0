/* test_query_results_json.c — query/results_json.c: the one JSON shape of
 * results and passages, built by hand here (no index): every field with
 * its type, fields left out when unknown and null where the shape says
 * null, the snippet's marks as <mark> with the rest HTML-escaped, a
 * procedure's card merged into its hit, the procedures array only for the
 * default kind, clauses cut from the text by their spans, text that is not
 * UTF-8 still valid JSON, and the snippet renderer's two modes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/results_json.h"

static char text[] = "1. Khoản một.\n2. Khoản hai.";

static ls_passage passage(void)
{
    static ls_clause_span clauses[2];
    size_t one = strlen("1. Khoản một.");
    clauses[0] = (ls_clause_span){"1", 0, one};
    clauses[1] = (ls_clause_span){NULL, one + 1, strlen(text)};
    ls_passage p = {0};
    p.doc_id = "13/2023/nđ-cp";
    p.doc_number = "13/2023/NĐ-CP";
    p.doc_type = "Nghị định";
    p.doc_title = "Nghị định về bảo vệ dữ liệu cá nhân";
    p.article = "5";
    p.heading = "Quản lý nhà nước";
    p.text = text;
    p.text_len = strlen(text);
    p.clauses = clauses;
    p.nclauses = 2;
    return p;
}

/* ls_results_json's text, parsed (jansson refuses invalid UTF-8 and
 * duplicate keys here). */
static json_t *results(const ls_results *r, const char *q, int with_text)
{
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_results_json(r, q, strlen(q), with_text, &b), LS_OK);
    json_error_t e;
    json_t *o = json_loads(b.data, JSON_REJECT_DUPLICATES, &e);
    if (!o) fail_msg("not JSON: %s: %s", e.text, b.data);
    ls_buf_free(&b);
    return o;
}

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static void test_results_shape(void **state)
{
    (void)state;
    ls_passage p = passage();
    ls_hit h = {.rank = 1, .score = 12.34567, .passage_id = "13/2023/nđ-cp#5", .passage = &p,
                .citation = "Điều 5 Nghị định số 13/2023/NĐ-CP", .matched_clause = "2",
                .snippet = "a \x02" "dữ liệu\x03 <b> & \"x\""};
    ls_results r = {.hits = &h, .nhits = 1, .estimated = 42, .understood = "dữ liệu",
                    .kind = 0, .confidence = 0.56789, .no_answer = 0};
    json_t *o = results(&r, "dữ liệu cá nhân", 0);
    /* the top-level keys, in order */
    static const char *const keys[] = {"query", "understood", "suggestion", "confidence",
                                       "no_answer", "notice", "total_estimate", "hits",
                                       "procedures"};
    size_t i = 0;
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) {
        assert_true(i < sizeof keys / sizeof keys[0]);
        assert_string_equal(k, keys[i++]);
    }
    assert_int_equal(i, sizeof keys / sizeof keys[0]);
    assert_string_equal(str(o, "query"), "dữ liệu cá nhân");
    assert_true(json_is_null(json_object_get(o, "suggestion")));
    assert_true(json_is_null(json_object_get(o, "notice")));
    assert_true(json_is_false(json_object_get(o, "no_answer")));
    assert_float_equal(json_real_value(json_object_get(o, "confidence")), 0.568, 1e-9);
    assert_int_equal(json_integer_value(json_object_get(o, "total_estimate")), 42);
    assert_int_equal(json_array_size(json_object_get(o, "procedures")), 0);
    json_t *hit = json_array_get(json_object_get(o, "hits"), 0);
    assert_int_equal(json_integer_value(json_object_get(hit, "rank")), 1);
    assert_float_equal(json_real_value(json_object_get(hit, "score")), 12.3457, 1e-9);
    assert_string_equal(str(hit, "kind"), "article");
    assert_string_equal(str(hit, "id"), "13/2023/nđ-cp#5");
    assert_string_equal(str(hit, "doc_number"), "13/2023/NĐ-CP");
    assert_string_equal(str(hit, "citation"), "Điều 5 Nghị định số 13/2023/NĐ-CP");
    assert_string_equal(str(hit, "matched_clause"), "2");
    assert_string_equal(str(hit, "snippet"),
                        "a <mark>dữ liệu</mark> &lt;b&gt; &amp; &quot;x&quot;");
    /* unknown fields are left out, not null; no text unless asked */
    assert_null(json_object_get(hit, "issuer"));
    assert_null(json_object_get(hit, "pd_label"));
    assert_null(json_object_get(hit, "text"));
    json_decref(o);

    o = results(&r, "q", 1);
    hit = json_array_get(json_object_get(o, "hits"), 0);
    assert_string_equal(str(hit, "text"), text);
    json_decref(o);
}

static void test_flags_and_kinds(void **state)
{
    (void)state;
    ls_results r = {.estimated = 0, .suggestion = "thủ tục", .notice = "Luật X không có",
                    .no_answer = 1, .partial = 1, .kind = 1 /* not the default */};
    json_t *o = results(&r, "thu tuc", 0);
    assert_string_equal(str(o, "suggestion"), "thủ tục");
    assert_string_equal(str(o, "notice"), "Luật X không có");
    assert_true(json_is_true(json_object_get(o, "no_answer")));
    assert_true(json_is_true(json_object_get(o, "partial")));
    assert_null(json_object_get(o, "understood"));
    assert_null(json_object_get(o, "procedures")); /* only beside the default kind */
    assert_int_equal(json_array_size(json_object_get(o, "hits")), 0);
    json_decref(o);
}

static void test_procedure_card_merged(void **state)
{
    (void)state;
    ls_passage p = passage();
    p.procedure = "{\"code\":\"1.001193\",\"level\":\"cấp xã\",\"steps\":[\"a\",\"b\"]}";
    ls_hit h = {.rank = 1, .score = 2, .passage_id = "tthc:1.001193#1", .passage = &p};
    ls_passage bad = passage();
    bad.procedure = "not json";
    ls_hit procs[] = {h, {.rank = 2, .score = 1, .passage_id = "x#1", .passage = &bad}};
    ls_results r = {.procedures = procs, .nprocedures = 2, .kind = 0};
    json_t *o = results(&r, "khai sinh", 0);
    json_t *a = json_object_get(o, "procedures");
    assert_int_equal(json_array_size(a), 2);
    json_t *c = json_array_get(a, 0);
    assert_string_equal(str(c, "kind"), "procedure");
    assert_string_equal(str(c, "code"), "1.001193");
    assert_string_equal(str(c, "level"), "cấp xã");
    assert_int_equal(json_array_size(json_object_get(c, "steps")), 2);
    /* the card's members come after the hit's own */
    const char *k, *last = NULL;
    json_t *v;
    json_object_foreach(c, k, v) last = k;
    assert_string_equal(last, "steps");
    /* a card that is not JSON adds nothing (and breaks nothing) */
    json_t *b = json_array_get(a, 1);
    assert_string_equal(str(b, "id"), "x#1");
    assert_null(json_object_get(b, "code"));
    json_decref(o);
}

static void test_passage_json(void **state)
{
    (void)state;
    ls_passage p = passage();
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_passage_json(&p, &b), LS_OK);
    json_t *o = json_loads(b.data, JSON_REJECT_DUPLICATES, NULL);
    assert_non_null(o);
    assert_string_equal(str(o, "doc_id"), "13/2023/nđ-cp");
    assert_string_equal(str(o, "heading"), "Quản lý nhà nước");
    assert_string_equal(str(o, "text"), text);
    json_t *cl = json_object_get(o, "clauses");
    assert_int_equal(json_array_size(cl), 2);
    assert_string_equal(str(json_array_get(cl, 0), "number"), "1");
    assert_string_equal(str(json_array_get(cl, 0), "text"), "1. Khoản một.");
    assert_true(json_is_null(json_object_get(json_array_get(cl, 1), "number")));
    assert_string_equal(str(json_array_get(cl, 1), "text"), "2. Khoản hai.");
    json_decref(o);
    ls_buf_free(&b);

    /* a stored text that is not UTF-8: still one valid JSON text */
    char broken[] = "Điều \xff 5";
    p.text = broken;
    p.text_len = strlen(broken);
    p.nclauses = 0;
    assert_int_equal(ls_passage_json(&p, &b), LS_OK);
    o = json_loads(b.data, 0, NULL);
    assert_non_null(o);
    assert_string_equal(str(o, "text"), "Điều ? 5");
    json_decref(o);
    ls_buf_free(&b);

    /* the buffer's cap reaches the caller */
    ls_buf small = LS_BUF_INIT;
    small.cap_limit = 16;
    p = passage();
    assert_int_equal(ls_passage_json(&p, &small), LS_ERR_LIMIT);
    ls_buf_free(&small);
}

static void test_snippet_render(void **state)
{
    (void)state;
    const char *s = "x \x02" "a<b\x03 & \"c\"";
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_snippet_render(s, "[", "]", 0, &b), LS_OK);
    assert_string_equal(b.data, "x [a<b] & \"c\"");
    ls_buf_reset(&b);
    assert_int_equal(ls_snippet_render(s, "<mark>", "</mark>", 1, &b), LS_OK);
    assert_string_equal(b.data, "x <mark>a&lt;b</mark> &amp; &quot;c&quot;");
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_results_shape),
        cmocka_unit_test(test_flags_and_kinds),
        cmocka_unit_test(test_procedure_card_merged),
        cmocka_unit_test(test_passage_json),
        cmocka_unit_test(test_snippet_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
