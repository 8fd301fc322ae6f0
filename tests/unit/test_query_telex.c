/* test_query_telex.c — Telex and VNI keystrokes read back as syllables
 * (query/telex.h): the readings a word spells, and the words that hold no
 * keystroke at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/telex.h"

/* 1 when `want` is among the readings of word */
static int reads_as(const char *word, const char *want)
{
    char out[LS_TELEX_READINGS_MAX][LS_TELEX_SYLLABLE_MAX];
    size_t n = ls_telex_readings(word, out, LS_TELEX_READINGS_MAX);
    for (size_t i = 0; i < n; i++)
        if (strcmp(out[i], want) == 0) return 1;
    return 0;
}

static void test_telex(void **state)
{
    (void)state;
    static const struct { const char *typed, *want; } cases[] = {
        {"thur", "thủ"},  {"tucj", "tục"},     {"ddawng", "đăng"}, {"kys", "ký"},
        {"dduwowcj", "được"}, {"nghir", "nghỉ"}, {"phesp", "phép"}, {"nawm", "năm"},
        {"vieejt", "việt"}, {"nguwowif", "người"}, {"nhwng", "nhưng"}, {"tw", "tư"},
        {"ddaau", "đâu"},  {"hoaf", "hòa"},      {"khoongr", "khổng"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (!reads_as(cases[i].typed, cases[i].want))
            fail_msg("'%s' should read '%s'", cases[i].typed, cases[i].want);
}

static void test_vni(void **state)
{
    (void)state;
    static const struct { const char *typed, *want; } cases[] = {
        {"vie6t5", "việt"}, {"vie65t", "việt"}, {"da8ng9", "đăng"}, {"d9a8ng", "đăng"},
        {"ky1", "ký"},      {"ta5m", "tạm"},     {"o73", "ở"},       {"ngu7o7i2", "người"},
        {"nguoi72", "người"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (!reads_as(cases[i].typed, cases[i].want))
            fail_msg("'%s' should read '%s'", cases[i].typed, cases[i].want);
}

/* plain words, and letters where Vietnamese spelling allows them, are not
 * keystrokes */
static void test_not_keystrokes(void **state)
{
    (void)state;
    static const char *const words[] = {"khai", "sinh", "nguoi", "visa", "truong", "xa", "ra",
                                        "2019", "5a", "", "thủ"};
    char out[LS_TELEX_READINGS_MAX][LS_TELEX_SYLLABLE_MAX];
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (ls_telex_readings(words[i], out, LS_TELEX_READINGS_MAX) != 0)
            fail_msg("'%s' read as '%s'", words[i], out[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_telex),
        cmocka_unit_test(test_vni),
        cmocka_unit_test(test_not_keystrokes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
