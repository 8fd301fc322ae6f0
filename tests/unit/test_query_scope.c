/* test_query_scope.c — query/scope.c and ls_plan_detect_scope: which
 * headings are a text's opening or closing articles (folded, so any
 * spelling of the heading), which questions ask about a text's scope
 * (with and without diacritics), and the second stage lowering such an
 * article under another question and raising it under a scope question. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/rerank.h"
#include "../../query/scope.h"
#include "../support/test_support.h"

static ls_plan *plan_of(const char *q)
{
    ls_plan *p = NULL;
    assert_int_equal(ls_plan_build(q, strlen(q), &p, NULL), LS_OK);
    return p;
}

static int heading_is_scope(const char *heading)
{
    ls_buf buf = LS_BUF_INIT;
    ls_cover rec;
    const char *body = "Nghị định này quy định về đăng ký hộ tịch.";
    assert_int_equal(ls_cover_encode_texts(heading, "Nghị định về hộ tịch", body, strlen(body),
                                           &buf, NULL), LS_OK);
    assert_int_equal(ls_cover_decode(buf.data, buf.len, &rec, NULL), LS_OK);
    int r = ls_scope_heading(&rec);
    ls_cover_free(&rec);
    ls_buf_free(&buf);
    return r;
}

static void test_headings(void **state)
{
    (void)state;
    assert_true(heading_is_scope("Phạm vi điều chỉnh"));
    assert_true(heading_is_scope("PHẠM VI ĐIỀU CHỈNH."));
    assert_true(heading_is_scope("Pham vi dieu chinh"));
    assert_true(heading_is_scope("Phạm vi điều chỉnh và đối tượng áp dụng"));
    assert_true(heading_is_scope("Hiệu lực thi hành"));
    assert_true(heading_is_scope("Điều khoản chuyển tiếp"));
    /* a heading that only begins like one, or holds one among other words */
    assert_false(heading_is_scope("Phạm vi"));
    assert_false(heading_is_scope("Hiệu lực của hợp đồng"));
    assert_false(heading_is_scope("Phạm vi điều chỉnh của hợp đồng bảo hiểm"));
    assert_false(heading_is_scope("Sửa đổi, bổ sung một số điều"));
    assert_false(heading_is_scope(NULL));
}

static void test_questions(void **state)
{
    (void)state;
    static const struct { const char *q; int scope; } table[] = {
        {"Luật Tiếp cận thông tin áp dụng cho ai?", 1},
        {"Luat Tiep can thong tin ap dung cho ai", 1},
        {"Phạm vi điều chỉnh của Luật An ninh mạng năm 2018 được quy định như thế nào?", 1},
        {"Luật An ninh mạng năm 2018 có hiệu lực từ ngày nào?", 1},
        {"Luật Tiếp cận thông tin quy định về trách nhiệm của công dân, đúng hay sai?", 1},
        {"Theo Nghị định 15/2018 quy định về những gì?", 1},
        {"Mã định danh điện tử được áp dụng cho những đối tượng nào?", 1},
        /* "quy định về" that does not follow a text's kind */
        {"Quy định về mức thù lao của Hội đồng quản trị thuộc tổng công ty nhà nước", 0},
        {"Dịch vụ việc làm gồm có những hoạt động nào?", 0},
        {"Hợp đồng vô hiệu khi nào?", 0},
        {"Luật sư vắng mặt trong phiên tòa hành chính, có phải hoãn phiên tòa?", 0},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        ls_plan *p = plan_of(table[i].q);
        if (p->asks_scope != table[i].scope) fail_msg("%s: asks_scope %d", table[i].q, p->asks_scope);
        assert_true(ls_scope_factor(p) > 1 ? p->asks_scope : !p->asks_scope);
        assert_true(ls_scope_most(p) >= 1 && ls_scope_most(p) >= ls_scope_factor(p));
        ls_plan_free(p);
    }
}

/* the record of candidate c: heads[c->docid] over the same body */
static const char *const *heads;
static ls_rc load(void *ctx, size_t i, ls_candidate *c, ls_cover *rec)
{
    (void)ctx;
    (void)i;
    const char *body = "Nghị định này quy định về đăng ký khai sinh cho trẻ em.";
    ls_buf buf = LS_BUF_INIT;
    ls_rc rc = ls_cover_encode_texts(heads[c->docid], NULL, body, strlen(body), &buf, NULL);
    if (!rc) rc = ls_cover_decode(buf.data, buf.len, rec, NULL);
    ls_buf_free(&buf);
    return rc;
}

static void test_rerank(void **state)
{
    (void)state;
    /* the same body under two headings the question does not hold */
    static const char *const h[] = {"Phạm vi điều chỉnh", "Phạm vi hoạt động"};
    heads = h;
    ls_weights w = ls_weights_default();
    /* the opening article first by a little: another question puts the
     * other article first */
    ls_plan *p = plan_of("đăng ký khai sinh cho trẻ em");
    ls_candidate c[2] = {{.docid = 0, .score = 10.5}, {.docid = 1, .score = 10}};
    ls_rerank_by_coverage(p, &w, NULL, 2, 0, c, 2, load, NULL);
    assert_int_equal(c[0].docid, 1);
    ls_plan_free(p);
    /* a scope question keeps the opening article first, even from behind */
    p = plan_of("Nghị định này áp dụng cho đăng ký khai sinh cho trẻ em không?");
    assert_true(p->asks_scope);
    ls_candidate d[2] = {{.docid = 1, .score = 11.5}, {.docid = 0, .score = 10}};
    ls_rerank_by_coverage(p, &w, NULL, 2, 0, d, 2, load, NULL);
    assert_int_equal(d[0].docid, 0);
    ls_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_questions),
        cmocka_unit_test(test_rerank),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
