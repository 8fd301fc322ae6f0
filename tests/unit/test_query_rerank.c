/* test_query_rerank.c — query/rerank.c, the second ranking stage, over
 * cover records made here from texts: a passage holding the whole question
 * in order has coverage 1 and its score times 1 + cover; numbers between
 * the words break the pairs; the sort is best first and stable; cover 0
 * changes nothing and reads nothing; only the first `depth` candidates
 * move; an unreadable record keeps the first-stage score; and with `keep`
 * a candidate that cannot reach the shown places is never read; with an
 * index, a rare question word counts for more of the coverage than a
 * word every passage holds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/rerank.h"
#include "../support/test_support.h"

typedef struct bodies {
    const char *const *body;  /* per candidate; NULL: the record cannot be read */
    unsigned reads;           /* loader calls */
} bodies;

static ls_rc load(void *ctx, size_t i, ls_candidate *c, ls_cover *rec)
{
    (void)c;
    bodies *b = ctx;
    b->reads++;
    if (!b->body[i]) return LS_ERR_INDEX;
    ls_buf buf = LS_BUF_INIT;
    ls_rc rc = ls_cover_encode_texts(NULL, NULL, b->body[i], strlen(b->body[i]), &buf, NULL);
    if (!rc) rc = ls_cover_decode(buf.data, buf.len, rec, NULL);
    ls_buf_free(&buf);
    return rc;
}

static ls_plan *plan_of(const char *q)
{
    ls_plan *p = NULL;
    assert_int_equal(ls_plan_build(q, strlen(q), &p, NULL), LS_OK);
    return p;
}

static void test_coverage(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Người đi đăng ký khai sinh nộp tờ khai.",       /* the whole question, in order */
        "Đăng ký 5 khai sinh 6 tại xã.",                  /* the words, pairs broken */
        "Đăng ký kết hôn.",                               /* half of it */
    };
    bodies b = {texts, 0};
    ls_plan *p = plan_of("đăng ký khai sinh");
    ls_weights w = ls_weights_default();
    ls_candidate c[3] = {{.docid = 1, .score = 5}, {.docid = 2, .score = 5},
                         {.docid = 3, .score = 5}};
    ls_rerank_by_coverage(p, &w, NULL, 3, 0, c, 3, load, &b);
    assert_int_equal(b.reads, 3);
    /* best first: whole, then broken pairs, then half */
    assert_int_equal(c[0].docid, 1);
    assert_int_equal(c[1].docid, 2);
    assert_int_equal(c[2].docid, 3);
    assert_float_equal(c[0].coverage, 1.0, 1e-9);
    assert_float_equal(c[0].score, 5 * (1 + w.cover), 1e-9);
    assert_true(c[1].coverage < 1.0 && c[1].coverage > c[2].coverage);
    assert_true(c[2].coverage > 0);
    /* without diacritics, the folded words count the same */
    ls_plan_free(p);
    p = plan_of("dang ky khai sinh");
    ls_candidate d = {.docid = 1, .score = 5};
    ls_rerank_by_coverage(p, &w, NULL, 1, 0, &d, 1, load, &b);
    assert_float_equal(d.coverage, 1.0, 1e-9);
    ls_plan_free(p);
}

static void test_sort_stable(void **state)
{
    (void)state;
    ls_candidate c[5] = {{.docid = 1, .score = 1}, {.docid = 2, .score = 3},
                         {.docid = 3, .score = 1}, {.docid = 4, .score = 3},
                         {.docid = 5, .score = 2}};
    ls_candidates_sort(c, 5);
    static const unsigned want[] = {2, 4, 5, 1, 3};
    for (size_t i = 0; i < 5; i++) assert_int_equal(c[i].docid, want[i]);
}

static void test_off_depth_and_unreadable(void **state)
{
    (void)state;
    static const char *const texts[] = {"Không liên quan.", NULL,
                                        "Đăng ký khai sinh.", "Đăng ký khai sinh."};
    ls_plan *p = plan_of("đăng ký khai sinh");
    ls_weights w = ls_weights_default();
    /* cover 0: the first-stage order, nothing read */
    w.cover = 0;
    bodies b = {texts, 0};
    ls_candidate c[4] = {{.docid = 1, .score = 4}, {.docid = 2, .score = 3},
                         {.docid = 3, .score = 2.5}, {.docid = 4, .score = 1}};
    ls_rerank_by_coverage(p, &w, NULL, 4, 0, c, 4, load, &b);
    assert_int_equal(b.reads, 0);
    for (size_t i = 0; i < 4; i++) assert_int_equal(c[i].docid, i + 1);
    /* depth 3: the fourth stays where it is, whatever it holds; the second's
     * record cannot be read, so it keeps 3 and falls below the third */
    w = ls_weights_default();
    ls_rerank_by_coverage(p, &w, NULL, 3, 0, c, 4, load, &b);
    assert_int_equal(b.reads, 3);
    assert_int_equal(c[0].docid, 3);
    assert_int_equal(c[1].docid, 1);
    assert_int_equal(c[2].docid, 2);
    assert_float_equal(c[2].score, 3, 0);
    assert_int_equal(c[3].docid, 4);
    assert_float_equal(c[3].score, 1, 0);
    ls_plan_free(p);
}

static void test_keep_bounds_reads(void **state)
{
    (void)state;
    static const char *const texts[] = {"Đăng ký khai sinh.", "Đăng ký khai sinh.",
                                        "Đăng ký khai sinh."};
    ls_plan *p = plan_of("đăng ký khai sinh");
    ls_weights w = ls_weights_default();
    /* the most any candidate can gain */
    double most = 1 + w.cover * (1 + w.heading_cover + w.heading_precision);
    /* one place shown: after the first, a score that even times `most`
     * stays below it is not read, nor anything after it */
    ls_candidate c[3] = {{.docid = 1, .score = 100}, {.docid = 2, .score = 100 / most / 2},
                         {.docid = 3, .score = 100 / most / 4}};
    bodies b = {texts, 0};
    ls_rerank_by_coverage(p, &w, NULL, 3, 1, c, 3, load, &b);
    assert_int_equal(b.reads, 1);
    assert_int_equal(c[0].docid, 1);
    assert_float_equal(c[1].score, 100 / most / 2, 1e-12); /* not rescaled */
    /* keep 0: every candidate in depth is read */
    ls_candidate d[3] = {{.docid = 1, .score = 100}, {.docid = 2, .score = 100 / most / 2},
                         {.docid = 3, .score = 100 / most / 4}};
    b.reads = 0;
    ls_rerank_by_coverage(p, &w, NULL, 3, 0, d, 3, load, &b);
    assert_int_equal(b.reads, 3);
    ls_plan_free(p);
}

/* 20 passages say "quy định"; one of them "karaoke" */
static void common_and_rare(xc_wdb *wdb, void *ctx)
{
    (void)ctx;
    static const char *const terms[] = {"quy", "định", "karaoke"};
    for (int i = 0; i < 20; i++) ts_add_terms_doc(wdb, terms, i == 0 ? 3 : 2);
}

static void test_rare_words_weigh_more(void **state)
{
    (void)state;
    ts_index *ix = ts_index_new(common_and_rare, NULL);
    static const char *const texts[] = {
        "Quy định về dịch vụ.", /* two of the three words and their pair, all common */
        "Dịch vụ karaoke.",     /* the one rare word */
    };
    bodies b = {texts, 0};
    ls_plan *p = plan_of("quy định karaoke");
    ls_weights w = ls_weights_default();
    assert_true(w.cover_idf > 0);
    ls_candidate c[2] = {{.docid = 1, .score = 5}, {.docid = 2, .score = 5}};
    ls_rerank_by_coverage(p, &w, ix->db, 2, 0, c, 2, load, &b);
    assert_int_equal(c[0].docid, 2);
    assert_true(c[0].coverage > 2 * c[1].coverage);
    /* without the index, or with cidf 0, every word weighs alike */
    ls_candidate d[2] = {{.docid = 1, .score = 5}, {.docid = 2, .score = 5}};
    ls_rerank_by_coverage(p, &w, NULL, 2, 0, d, 2, load, &b);
    assert_int_equal(d[0].docid, 1);
    ls_candidate e[2] = {{.docid = 1, .score = 5}, {.docid = 2, .score = 5}};
    w.cover_idf = 0;
    ls_rerank_by_coverage(p, &w, ix->db, 2, 0, e, 2, load, &b);
    assert_int_equal(e[0].docid, 1);
    assert_true(e[0].coverage == d[0].coverage && e[1].coverage == d[1].coverage);
    ls_plan_free(p);
    ts_index_teardown((void **)&ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coverage),
        cmocka_unit_test(test_sort_stable),
        cmocka_unit_test(test_off_depth_and_unreadable),
        cmocka_unit_test(test_keep_bounds_reads),
        cmocka_unit_test(test_rare_words_weigh_more),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
