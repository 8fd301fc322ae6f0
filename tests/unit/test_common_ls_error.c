/* test_common_ls_error.c — common/ls_error.c: every code has its own stable
 * name and description, unknown codes are named so, the first error set wins
 * and clearing starts over, and which codes are the input's fault. (Where a long message is cut is tested with the
 * reply it produces, by the reliability work; not here.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_error.h"

static void test_names(void **state)
{
    (void)state;
    /* the names the JSON error bodies and the logs carry: stable */
    static const struct { ls_rc rc; const char *name; } cases[] = {
        {LS_OK, "ok"},
        {LS_ERR_NOMEM, "nomem"},
        {LS_ERR_ARG, "bad-argument"},
        {LS_ERR_UTF8, "invalid-utf8"},
        {LS_ERR_IO, "io"},
        {LS_ERR_FORMAT, "format"},
        {LS_ERR_NOTFOUND, "not-found"},
        {LS_ERR_LOCKED, "locked"},
        {LS_ERR_INDEX, "index"},
        {LS_ERR_LIMIT, "limit"},
        {LS_ERR_INTERNAL, "internal"},
    };
    assert_int_equal(sizeof cases / sizeof cases[0], LS_RC_COUNT);  /* a new code needs a row */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(ls_rc_name(cases[i].rc), cases[i].name);
}

static void test_every_code_described(void **state)
{
    (void)state;
    for (int a = 0; a < LS_RC_COUNT; a++) {
        const char *na = ls_rc_name((ls_rc)a), *da = ls_strerror((ls_rc)a);
        assert_non_null(na);
        assert_non_null(da);
        assert_true(strlen(na) > 0);
        assert_true(strlen(da) > 0);
        assert_string_not_equal(na, "unknown");
        assert_string_not_equal(da, "unknown error");
        for (int b = 0; b < a; b++) {
            assert_string_not_equal(na, ls_rc_name((ls_rc)b));
            assert_string_not_equal(da, ls_strerror((ls_rc)b));
        }
    }
    assert_string_equal(ls_rc_name(LS_RC_COUNT), "unknown");
    assert_string_equal(ls_rc_name((ls_rc)-1), "unknown");
    assert_string_equal(ls_strerror((ls_rc)1000), "unknown error");
}

static void test_first_error_wins(void **state)
{
    (void)state;
    ls_error err = {0};
    assert_int_equal(err.rc, LS_OK);
    assert_int_equal(ls_error_set(&err, LS_ERR_IO, "%s: cannot open", "a.txt"), LS_ERR_IO);
    assert_int_equal(err.rc, LS_ERR_IO);
    assert_string_equal(err.msg, "a.txt: cannot open");
    /* a later write returns its own code but changes nothing */
    assert_int_equal(ls_error_set(&err, LS_ERR_INDEX, "index %d broken", 7), LS_ERR_INDEX);
    assert_int_equal(err.rc, LS_ERR_IO);
    assert_string_equal(err.msg, "a.txt: cannot open");

    ls_error_clear(&err);
    assert_int_equal(err.rc, LS_OK);
    assert_string_equal(err.msg, "");
    assert_int_equal(ls_error_set(&err, LS_ERR_NOTFOUND, "Điều %s không có", "99"), LS_ERR_NOTFOUND);
    assert_string_equal(err.msg, "Điều 99 không có");
}

/* The one "bad input" rule: what a caller answers as the input's fault. */
static void test_bad_input(void **state)
{
    (void)state;
    static const struct { ls_rc rc; int bad; } rows[] = {
        {LS_OK, 0},           {LS_ERR_NOMEM, 0},  {LS_ERR_ARG, 1},      {LS_ERR_UTF8, 1},
        {LS_ERR_IO, 0},       {LS_ERR_FORMAT, 1}, {LS_ERR_NOTFOUND, 0}, {LS_ERR_LOCKED, 0},
        {LS_ERR_INDEX, 0},    {LS_ERR_LIMIT, 1},  {LS_ERR_INTERNAL, 0},
    };
    assert_int_equal(sizeof rows / sizeof rows[0], LS_RC_COUNT);  /* a new code needs a row */
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        assert_int_equal(ls_rc_is_bad_input(rows[i].rc), rows[i].bad);
}

static void test_null_record(void **state)
{
    (void)state;
    /* callers that want no message pass NULL: the code still comes back */
    assert_int_equal(ls_error_set(NULL, LS_ERR_UTF8, "bad byte at %d", 3), LS_ERR_UTF8);
    ls_error_clear(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_every_code_described),
        cmocka_unit_test(test_first_error_wins),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_null_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
