/* test_cite_classify.c — what a sentence does to what it cites
 * (cite/classify.c): the one sentence rule and window (ls_cite_sentence),
 * and the two questions asked of it on real sentences — the acts on a whole
 * document the indexer stores (ls_relation_act, on ls_references_find's
 * phrases) and the acts on a provision review reads back
 * (ls_cite_provision_act, on ls_cite_extract's items) — which now see the
 * same sentence: a ':' or a sentence's '.' bounds both. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../cite/cite.h"

static void test_sentence(void **state)
{
    (void)state;
    const char *t = "Điều 1. Bãi bỏ khoản 2; giữ khoản 3: thay thế Điều 4. Xong";
    size_t len = strlen(t), s, e;
    const char *at = strstr(t, "khoản 3");
    ls_cite_sentence(t, len, (size_t)(at - t), (size_t)(at - t) + strlen("khoản 3"), &s, &e);
    assert_int_equal(s, (size_t)(strstr(t, " giữ") - t));   /* after ';' */
    assert_int_equal(e, (size_t)(strstr(t, ": thay") - t)); /* at ':' */
    /* "1.2" and "Điều 1." inside a line: only a '.' before a space ends */
    const char *u = "theo mục 1.2 của Nghị định số 5/2020/NĐ-CP.";
    at = strstr(u, "Nghị");
    ls_cite_sentence(u, strlen(u), (size_t)(at - u), strlen(u) - 1, &s, &e);
    assert_int_equal(s, 0);
    assert_int_equal(e, strlen(u) - 1);
    /* no end in sight: the window bounds the look */
    size_t n = 3 * LS_CITE_SENTENCE_WINDOW;
    char *w = malloc(n + 1);
    memset(w, 'x', n);
    w[n] = '\0';
    ls_cite_sentence(w, n, n / 2, n / 2 + 4, &s, &e);
    assert_int_equal(s, n / 2 - LS_CITE_SENTENCE_WINDOW);
    assert_int_equal(e, n / 2 + 4 + LS_CITE_SENTENCE_WINDOW);
    free(w);
}

/* The act on the document of the phrase / item citing `doc` in t. */
static ls_act doc_act(const char *t, const char *doc)
{
    ls_cite *refs = NULL;
    size_t n = 0;
    assert_int_equal(ls_references_find(t, strlen(t), &refs, &n, NULL), LS_OK);
    ls_act a = LS_ACT_NONE;
    int seen = 0;
    for (size_t i = 0; i < n; i++)
        if (refs[i].doc_number && strcmp(refs[i].doc_number, doc) == 0) {
            a = ls_relation_act(t, strlen(t), &refs[i]);
            seen = 1;
            break;
        }
    ls_cites_free(refs, n);
    if (!seen) fail_msg("%s: no citation of %s", t, doc);
    return a;
}

static ls_act provision_act(const char *t, const char *doc)
{
    ls_cite *c = NULL;
    size_t n = 0;
    assert_int_equal(ls_cite_extract(t, strlen(t), &c, &n, NULL), LS_OK);
    ls_act a = LS_ACT_NONE;
    int seen = 0;
    for (size_t i = 0; i < n; i++)
        if (c[i].doc_number && strcmp(c[i].doc_number, doc) == 0) {
            a = ls_cite_provision_act(t, strlen(t), &c[i]);
            seen = 1;
            break;
        }
    ls_cites_free(c, n);
    if (!seen) fail_msg("%s: no citation of %s", t, doc);
    return a;
}

static void test_acts(void **state)
{
    (void)state;
    static const struct { const char *text, *doc; ls_act on_doc, on_provision; } cases[] = {
        {"Nghị định này thay thế Nghị định số 5/2020/NĐ-CP.", "5/2020/nđ-cp",
         LS_ACT_REPLACES, LS_ACT_REPLACES},
        {"Bãi bỏ Điều 5 Nghị định số 5/2020/NĐ-CP.", "5/2020/nđ-cp", LS_ACT_PARTLY,
         LS_ACT_REPEALS},
        {"Sửa đổi, bổ sung khoản 1 Điều 3 Nghị định số 5/2020/NĐ-CP như sau:", "5/2020/nđ-cp",
         LS_ACT_AMENDS, LS_ACT_AMENDS},
        {"Căn cứ Nghị định số 5/2020/NĐ-CP;", "5/2020/nđ-cp", LS_ACT_NONE, LS_ACT_NONE},
        {"Nghị định số 5/2020/NĐ-CP đã được sửa đổi, bổ sung theo Nghị định số 6/2021/NĐ-CP.",
         "6/2021/nđ-cp", LS_ACT_NONE, LS_ACT_NONE},
        {"Nghị định số 5/2020/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực.",
         "5/2020/nđ-cp", LS_ACT_REPEALS, LS_ACT_REPEALS},
        /* the verb is in the sentence before: neither acts */
        {"Bãi bỏ Điều 3. Nghị định số 5/2020/NĐ-CP quy định về hộ tịch.", "5/2020/nđ-cp",
         LS_ACT_NONE, LS_ACT_NONE},
        /* a ':' ends the sentence for both */
        {"Thay thế các quy định sau: Nghị định số 5/2020/NĐ-CP quy định về hộ tịch",
         "5/2020/nđ-cp", LS_ACT_NONE, LS_ACT_NONE},
        /* "vào sau Điều 5": Điều 5 only places the new article */
        {"Bổ sung Điều 5a vào sau Điều 5 Nghị định số 5/2020/NĐ-CP.", "5/2020/nđ-cp",
         LS_ACT_AMENDS, LS_ACT_NONE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_act d = doc_act(cases[i].text, cases[i].doc);
        ls_act p = provision_act(cases[i].text, cases[i].doc);
        if (d != cases[i].on_doc || p != cases[i].on_provision)
            fail_msg("%s: document %d provision %d, want %d %d", cases[i].text, d, p,
                     cases[i].on_doc, cases[i].on_provision);
    }
}

static void test_mentions(void **state)
{
    (void)state;
    const char *a = "Nghị định số 5/2020/NĐ-CP hết hiệu lực.";
    const char *b = "Căn cứ Nghị định số 5/2020/NĐ-CP;";
    assert_true(ls_cite_mentions_an_act(a, strlen(a)));
    assert_false(ls_cite_mentions_an_act(b, strlen(b)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence),
        cmocka_unit_test(test_acts),
        cmocka_unit_test(test_mentions),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ls_cite_shutdown();
    return rc;
}
