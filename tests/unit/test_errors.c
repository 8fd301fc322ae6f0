/* test_errors.c — the error record (common/ls_error.h): first error wins,
 * and its message is always valid UTF-8, even when a "%.40s" or the
 * record's own size cuts a character in two or the text quoted is not
 * UTF-8 at all (the message reaches JSON replies). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "../../common/ls_error.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

static void assert_utf8(const char *msg)
{
    size_t bad = 0;
    if (!ls_utf8_valid(msg, strlen(msg), &bad))
        fail_msg("message is not UTF-8 at byte %zu: %.120s", bad, msg);
}

static void test_first_error_wins(void **state)
{
    (void)state;
    ls_error e = {0};
    assert_int_equal(ls_error_set(&e, LS_ERR_IO, "first %d", 1), LS_ERR_IO);
    assert_int_equal(ls_error_set(&e, LS_ERR_ARG, "second"), LS_ERR_ARG);
    assert_int_equal(e.rc, LS_ERR_IO);
    assert_string_equal(e.msg, "first 1");
    assert_int_equal(ls_error_set(NULL, LS_ERR_ARG, "x"), LS_ERR_ARG);
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
        cmocka_unit_test(test_first_error_wins),
        cmocka_unit_test(test_precision_cut_ends_on_a_character),
        cmocka_unit_test(test_size_cut_ends_on_a_character),
        cmocka_unit_test(test_bad_bytes_inside_are_replaced),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
