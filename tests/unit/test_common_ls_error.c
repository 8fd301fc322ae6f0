/* test_common_ls_error.c — common/ls_error.c: every code has its own stable
 * name and description, unknown codes are named so, the first error set wins
 * and clearing starts over, which codes are the input's fault, and a
 * message is always valid UTF-8: cut by "%.40s" or by the record's size on
 * a character boundary, bad bytes of the text quoted made '?' (the
 * reply it produces is tested end to end in test_server). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_error.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

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

static void assert_utf8(const char *msg)
{
    size_t bad = 0;
    if (!ls_utf8_valid(msg, strlen(msg), &bad))
        fail_msg("message is not UTF-8 at byte %zu: %.120s", bad, msg);
}

/* "%.40s" over 200 × "ệ" (3 bytes each) ends one byte into a character:
 * the message keeps the 13 whole ones and drops the cut one. */
static void test_precision_cut_ends_on_a_character(void **state)
{
    (void)state;
    char value[601];
    for (int i = 0; i < 200; i++) memcpy(value + 3 * i, "ệ", 3);
    value[600] = '\0';
    ls_error e = {0};
    ls_error_set(&e, LS_ERR_LIMIT, "value too long: %.40s", value);
    assert_utf8(e.msg);
    char want[64] = "value too long: ";
    for (int i = 0; i < 13; i++) strcat(want, "ệ");
    assert_string_equal(e.msg, want);
}

/* The record's 512 bytes cut a long message: still whole characters. */
static void test_size_cut_ends_on_a_character(void **state)
{
    (void)state;
    char value[2001];
    for (int i = 0; i < 500; i++) memcpy(value + 4 * i, "𝔸", 4);
    value[2000] = '\0';
    for (int shift = 0; shift < 4; shift++) {
        ls_error e = {0};
        ls_error_set(&e, LS_ERR_ARG, "%.*s%s", shift, "abc", value);
        assert_utf8(e.msg);
        assert_true(strlen(e.msg) > sizeof e.msg - 5);
    }
}

/* A cut in the middle of the message ("'%.5s' ...") and bytes that are
 * not UTF-8 in the text quoted: '?' stands for each bad byte, the rest is
 * kept as it was. */
static void test_bad_bytes_inside_are_replaced(void **state)
{
    (void)state;
    ls_error e = {0};
    ls_error_set(&e, LS_ERR_ARG, "unknown parameter '%.5s' (known: q)", "ệệ");
    assert_utf8(e.msg);
    assert_string_equal(e.msg, "unknown parameter 'ệ?\?' (known: q)");
    ls_error_clear(&e);
    ls_error_set(&e, LS_ERR_ARG, "key '%s' is odd", "a\xff\xc0\xaf" "b\xed\xa0\x80" "é");
    assert_utf8(e.msg);
    assert_string_equal(e.msg, "key 'a?\?\?b?\?\?é' is odd");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_every_code_described),
        cmocka_unit_test(test_first_error_wins),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_null_record),
        cmocka_unit_test(test_precision_cut_ends_on_a_character),
        cmocka_unit_test(test_size_cut_ends_on_a_character),
        cmocka_unit_test(test_bad_bytes_inside_are_replaced),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
