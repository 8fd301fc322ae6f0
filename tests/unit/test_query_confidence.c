/* test_query_confidence.c — the confidence features (query/confidence.h) read
 * from a question, a first hit and the head of the ranking (its documents'
 * agreement), and the model's bounds: no hit is 0, a citation the index
 * lacks is near 0, a clearer first place is surer; a procedure's card is
 * rated by the procedure model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/confidence.h"
#include "../../query/plan.h"
#include "../../format/cover_record.h"
#include "../../common/ls_buf.h"

static ls_plan *plan_of(const char *q)
{
    ls_plan *p = NULL;
    ls_error err = {0};
    assert_int_equal(ls_plan_build(q, strlen(q), &p, &err), LS_OK);
    return p;
}

/* ls_confidence_features_of with p's cover record made as the indexer
 * makes it (p NULL: no hit) */
static void features_of(const ls_plan *plan, const ls_confidence_head *h, const ls_passage *p,
                        ls_confidence_features *f)
{
    if (!p) {
        ls_confidence_features_of(NULL, plan, h, NULL, NULL, 0, f);
        return;
    }
    ls_buf b = LS_BUF_INIT;
    ls_cover rec;
    ls_error err = {0};
    assert_int_equal(ls_cover_encode_texts(p->heading, p->doc_title, p->text, p->text_len, &b, &err),
                     LS_OK);
    assert_int_equal(ls_cover_decode(b.data, b.len, &rec, &err), LS_OK);
    ls_confidence_features_of(NULL, plan, h, p, &rec, 0, f);
    ls_cover_free(&rec);
    ls_buf_free(&b);
}

/* the head of a ranking: scores[0..n), every hit of document 1 */
static ls_confidence_head head_of(const double *scores, size_t n)
{
    ls_confidence_head h = {.n = n};
    for (size_t i = 0; i < n && i < LS_CF_HEAD; i++) {
        h.score[i] = scores[i];
        h.doc[i] = 1;
    }
    return h;
}

static ls_confidence_features features(const char *q, const char *heading, const char *text,
                                       const double *scores, size_t n)
{
    ls_plan *plan = plan_of(q);
    ls_passage p = {.heading = (char *)heading, .text = (char *)text,
                    .text_len = text ? strlen(text) : 0};
    ls_confidence_features f;
    ls_confidence_head h = head_of(scores, n);
    features_of(plan, &h, n ? &p : NULL, &f);
    ls_plan_free(plan);
    return f;
}

static void test_coverage(void **state)
{
    (void)state;
    const double scores[] = {20, 10, 9, 8, 5};
    /* every content word, adjacent as asked, in text and heading */
    ls_confidence_features f = features("Thủ tục đăng ký khai sinh như thế nào?",
                                        "Thủ tục đăng ký khai sinh",
                                        "1. Người đi đăng ký khai sinh nộp tờ khai. Thủ tục đăng ký "
                                        "khai sinh gồm ...", scores, 5);
    assert_true(f.x[LS_CF_COVER] > 0.999);
    assert_true(f.x[LS_CF_HCOVER] > 0.999);
    assert_true(f.x[LS_CF_PCOVER] > 0.999);
    assert_true(f.x[LS_CF_HPREC] > 0.999);
    assert_true(f.x[LS_CF_GAP] > 0.49 && f.x[LS_CF_GAP] < 0.51);
    assert_true(f.x[LS_CF_GAP5] > 0.74 && f.x[LS_CF_GAP5] < 0.76);
    /* the words scattered: covered, but not as pairs; a heading about else */
    f = features("thủ tục đăng ký khai sinh", "Quyền của công dân",
                 "khai báo thủ đô tục lệ đăng kiểm ký tên sinh viên", scores, 5);
    assert_true(f.x[LS_CF_COVER] > 0.999);
    assert_true(f.x[LS_CF_PCOVER] < 0.001);
    assert_true(f.x[LS_CF_HCOVER] < 0.001);
    assert_true(f.x[LS_CF_HPREC] < 0.001);
    /* half the words; without diacritics, matched on the folded forms */
    f = features("thu tuc ket hon", "Kết hôn", "Điều kiện kết hôn", scores, 5);
    assert_true(f.x[LS_CF_COVER] > 0.49 && f.x[LS_CF_COVER] < 0.51);
    assert_true(f.x[LS_CF_HPREC] > 0.999);
}

static void test_model_bounds(void **state)
{
    (void)state;
    const double scores[] = {20, 19.9, 19.8, 19.7, 19.6};
    ls_confidence_features none = features("thủ tục đăng ký khai sinh", NULL, NULL, scores, 0);
    assert_true(ls_confidence_of(&none) == 0);
    ls_confidence_features f = features("thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai sinh",
                                        "Thủ tục đăng ký khai sinh", scores, 5);
    double close = ls_confidence_of(&f);
    assert_true(close > 0 && close < 1);
    const double clear[] = {20, 8, 7, 6, 5};
    ls_confidence_features g = features("thủ tục đăng ký khai sinh", "Thủ tục đăng ký khai sinh",
                                        "Thủ tục đăng ký khai sinh", clear, 5);
    assert_true(ls_confidence_of(&g) > close);
    g.missing = 1;
    assert_true(ls_confidence_of(&g) <= 0.02);
}

/* hit 1 a procedure's card: the procedure model, which does not call a
 * card named as asked "no answer" (the article model gave such cards
 * 0.02-0.25), and rates a card named otherwise lower */
static void test_procedure_model(void **state)
{
    (void)state;
    const double clear[] = {20, 8, 7, 6, 5};
    const char *q = "đăng ký khai sinh cho con";
    ls_plan *plan = plan_of(q);
    ls_passage card = {.heading = "Thủ tục đăng ký khai sinh", .text = "Thủ tục đăng ký khai sinh",
                       .text_len = strlen("Thủ tục đăng ký khai sinh"), .procedure = "{}"};
    ls_confidence_features f, a, other;
    ls_confidence_head h = head_of(clear, 5);
    features_of(plan, &h, &card, &f);
    assert_int_equal(f.procedure, 1);
    ls_passage article = card;
    article.procedure = NULL;
    features_of(plan, &h, &article, &a);
    assert_int_equal(a.procedure, 0);
    assert_true(ls_confidence_of(&f) >= LS_MIN_CONFIDENCE);
    assert_true(ls_confidence_of(&f) != ls_confidence_of(&a));
    ls_passage unrelated = {.heading = "Cấp giấy phép bay", .text = "Cấp giấy phép bay",
                            .text_len = strlen("Cấp giấy phép bay"), .procedure = "{}"};
    features_of(plan, &h, &unrelated, &other);
    assert_true(ls_confidence_of(&other) < ls_confidence_of(&f));
    f.missing = 1;
    assert_true(ls_confidence_of(&f) <= 0.02);
    ls_plan_free(plan);
}

/* the head's documents: how many, and how many share hit 1's; the fall of
 * the score to the last of them */
static void test_head_agreement(void **state)
{
    (void)state;
    ls_plan *plan = plan_of("thủ tục đăng ký khai sinh");
    ls_passage p = {.heading = "Đăng ký khai sinh", .text = "Thủ tục đăng ký khai sinh",
                    .text_len = strlen("Thủ tục đăng ký khai sinh")};
    ls_confidence_head h = {.n = 10};
    const uint64_t docs[] = {7, 7, 3, 7, 4, 5, 7, 0, 0, 6}; /* 0: unknown, never alike */
    for (size_t i = 0; i < 10; i++) {
        h.score[i] = 40 - 3.0 * (double)i;
        h.doc[i] = docs[i];
    }
    ls_confidence_features f;
    features_of(plan, &h, &p, &f);
    assert_true(f.x[LS_CF_NDOC] > 0.699 && f.x[LS_CF_NDOC] < 0.701); /* 7 3 4 5 6 and two unknown */
    assert_true(f.x[LS_CF_SAME] > 3.0 / 9 - 1e-9 && f.x[LS_CF_SAME] < 3.0 / 9 + 1e-9);
    assert_true(f.x[LS_CF_GAP10] > 27.0 / 40 - 1e-9 && f.x[LS_CF_GAP10] < 27.0 / 40 + 1e-9);
    /* fewer hits: the last one's score; one hit: nothing beside it */
    h.n = 3;
    features_of(plan, &h, &p, &f);
    assert_true(f.x[LS_CF_NDOC] > 0.199 && f.x[LS_CF_NDOC] < 0.201);
    assert_true(f.x[LS_CF_SAME] > 0.499 && f.x[LS_CF_SAME] < 0.501);
    assert_true(f.x[LS_CF_GAP10] > 6.0 / 40 - 1e-9 && f.x[LS_CF_GAP10] < 6.0 / 40 + 1e-9);
    h.n = 1;
    features_of(plan, &h, &p, &f);
    assert_true(f.x[LS_CF_SAME] == 0 && f.x[LS_CF_GAP10] == 0);
    assert_true(f.x[LS_CF_NDOC] > 0.099 && f.x[LS_CF_NDOC] < 0.101);
    /* the model: one document's articles all along is surer than ten documents */
    h.n = 10;
    for (size_t i = 0; i < 10; i++) h.doc[i] = 7;
    features_of(plan, &h, &p, &f);
    double one_doc = ls_confidence_of(&f);
    for (size_t i = 0; i < 10; i++) h.doc[i] = 10 + i;
    features_of(plan, &h, &p, &f);
    assert_true(one_doc > ls_confidence_of(&f));
    ls_plan_free(plan);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_coverage),
        cmocka_unit_test(test_model_bounds),
        cmocka_unit_test(test_procedure_model),
        cmocka_unit_test(test_head_agreement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
