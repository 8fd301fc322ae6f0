/* test_query_roles.c — query/roles.c: which questions ask about a party's
 * rights or duties (with and without diacritics), and which headings are
 * that party's rights or duties: the same kind of role, then "của", then a
 * party the question names in full. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/plan.h"
#include "../../query/roles.h"
#include "../support/test_support.h"

static int roles_of(const char *q)
{
    ls_plan *p = NULL;
    assert_int_equal(ls_plan_build(q, strlen(q), &p, NULL), LS_OK);
    int r = ls_plan_roles(p);
    ls_plan_free(p);
    return r;
}

static void test_questions(void **state)
{
    (void)state;
    assert_int_equal(roles_of("Đương sự có quyền gì liên quan đến chứng cứ?"), LS_ROLE_RIGHTS);
    assert_int_equal(roles_of("Duong su co quyen gi"), LS_ROLE_RIGHTS);
    assert_int_equal(roles_of("Thẩm phán có nghĩa vụ gì?"), LS_ROLE_DUTIES);
    assert_int_equal(roles_of("HS, SV có trách nhiệm gì?"), LS_ROLE_DUTIES);
    assert_int_equal(roles_of("Nhiệm vụ và quyền hạn của Chánh án"), LS_ROLE_RIGHTS | LS_ROLE_DUTIES);
    assert_int_equal(roles_of("Hồ sơ đăng ký khai sinh gồm những gì?"), 0);
    /* "nghĩa" and "trách" alone are other words */
    assert_int_equal(roles_of("ý nghĩa của quốc kỳ; trách móc"), 0);
}

static double role_rule(const ls_plan *p, const ls_cover *rec, const uint64_t *masks)
{
    return ls_role_factor(ls_plan_roles(p), rec, masks);
}

/* the factor of heading h under question q */
static double factor(const char *q, const char *h)
{
    return ts_heading_factor(q, h, role_rule);
}

static void test_headings(void **state)
{
    (void)state;
    const char *q = "Điều nào sau đây không đúng về quyền của bên cầm cố?";
    assert_true(factor(q, "Quyền của bên cầm cố") == LS_ROLE_FACTOR);
    assert_true(factor(q, "Quyền và nghĩa vụ của bên cầm cố") == LS_ROLE_FACTOR);
    /* the other kind of role, another party, not a role heading */
    assert_true(factor(q, "Nghĩa vụ của bên cầm cố") == 1);
    assert_true(factor(q, "Quyền của bên nhận cầm cố") == 1);
    assert_true(factor(q, "Hủy bỏ việc cầm cố tài sản") == 1);
    assert_true(factor(q, "Quyền của") == 1);
    assert_true(factor("Thẩm phán có quyền xử lý hành vi cản trở không?",
                       "Nhiệm vụ, quyền hạn của Thẩm phán") == LS_ROLE_FACTOR);
    /* no role asked: nothing moves */
    assert_true(factor("Bên cầm cố là ai?", "Quyền của bên cầm cố") == 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_questions),
        cmocka_unit_test(test_headings),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
