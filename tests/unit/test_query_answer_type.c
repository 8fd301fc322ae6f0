/* test_query_answer_type.c — query/answer_type.c: which kind of answer a
 * question asks for (with and without diacritics), and which headings are
 * of that kind with the rest of their words in the question. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/answer_type.h"
#include "../../query/plan.h"
#include "../support/test_support.h"

static int types_of(const char *q)
{
    ls_plan *p = NULL;
    assert_int_equal(ls_plan_build(q, strlen(q), &p, NULL), LS_OK);
    int t = ls_plan_answer_types(p);
    ls_plan_free(p);
    return t;
}

static void test_questions(void **state)
{
    (void)state;
    assert_int_equal(types_of("Giấy chứng nhận được cấp trong bao lâu?"), LS_ANSWER_TIME_LIMIT);
    assert_int_equal(types_of("giay chung nhan duoc cap trong bao lau"), LS_ANSWER_TIME_LIMIT);
    assert_int_equal(types_of("Thời hiệu khởi kiện là mấy năm?"), LS_ANSWER_TIME_LIMIT);
    assert_int_equal(types_of("Trả lời trong bao nhiêu ngày?"), LS_ANSWER_TIME_LIMIT);
    assert_int_equal(types_of("Cơ quan nào cấp giấy phép?"), LS_ANSWER_AUTHORITY);
    assert_int_equal(types_of("Trọng tài có thẩm quyền giải quyết tranh chấp nào?"),
                     LS_ANSWER_AUTHORITY);
    assert_int_equal(types_of("Điều kiện để kết hôn là gì? Thời hạn?"),
                     LS_ANSWER_CONDITION | LS_ANSWER_TIME_LIMIT);
    /* an amount, a dossier, "bao" and "thời" alone: none of these kinds */
    assert_int_equal(types_of("Mức lương bao nhiêu tiền?"), 0);
    assert_int_equal(types_of("Hồ sơ gồm những gì?"), 0);
    assert_int_equal(types_of("bao gồm thời điểm nào"), 0);
}

static double answer_rule(const ls_plan *p, const ls_cover *rec, const uint64_t *masks)
{
    return ls_answer_type_factor(ls_plan_answer_types(p), rec, masks);
}

/* the factor of heading h under question q */
static double factor(const char *q, const char *h)
{
    return ts_heading_factor(q, h, answer_rule);
}

static void test_headings(void **state)
{
    (void)state;
    const char *q = "Nếu không có thỏa thuận trong giấy ủy quyền thì thời hạn đại diện là bao lâu?";
    assert_true(factor(q, "Thời hạn ủy quyền") == LS_ANSWER_TYPE_FACTOR);
    assert_true(factor("neu khong co thoa thuan trong giay uy quyen thi thoi han dai dien la bao lau",
                       "Thời hạn ủy quyền") == LS_ANSWER_TYPE_FACTOR);
    /* a word the question does not hold, the kind alone, another kind */
    assert_true(factor(q, "Thời hạn đại diện cho thương nhân") == 1);
    assert_true(factor(q, "Thời hạn") == 1);
    assert_true(factor(q, "Thẩm quyền ủy quyền") == 1);
    assert_true(factor(q, "Đại diện theo ủy quyền") == 1);
    /* linking words need not be in the question */
    assert_true(factor("Trọng tài có thẩm quyền giải quyết tranh chấp trong những trường hợp nào?",
                       "Thẩm quyền giải quyết các tranh chấp của Trọng tài") ==
                LS_ANSWER_TYPE_FACTOR);
    assert_true(factor("Điều kiện để giải quyết tranh chấp bằng trọng tài là gì?",
                       "Điều kiện giải quyết tranh chấp bằng Trọng tài") == LS_ANSWER_TYPE_FACTOR);
    /* no kind asked: nothing moves */
    assert_true(factor("Giải quyết tranh chấp bằng trọng tài", "Điều kiện giải quyết tranh chấp") == 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_questions),
        cmocka_unit_test(test_headings),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
