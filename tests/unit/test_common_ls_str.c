/* test_common_ls_str.c — common/ls_str.c, the owned-string helpers: a
 * field replaced only when the copy succeeds, a run of copies checked once
 * (NULL stays NULL and is no failure), an array copied shallowly, and the
 * one reader of a tab-separated metadata line's fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_str.h"

static void test_strset(void **state)
{
    (void)state;
    char *f = NULL;
    assert_int_equal(ls_strset(&f, "abcdef", 3), LS_OK);
    assert_string_equal(f, "abc");
    assert_int_equal(ls_strset(&f, "", 0), LS_OK);   /* the old value freed */
    assert_string_equal(f, "");
    free(f);
}

static void test_strdup_ok(void **state)
{
    (void)state;
    int ok = 1;
    char *a = ls_strdup_ok("khai sinh", &ok);
    char *b = ls_strdup_ok(NULL, &ok);
    assert_string_equal(a, "khai sinh");
    assert_null(b);
    assert_int_equal(ok, 1);   /* NULL stays NULL: not a failure */
    free(a);
}

static void test_memdup_ok(void **state)
{
    (void)state;
    int ok = 1;
    const int v[] = {3, 1, 4, 1, 5};
    int *c = ls_memdup_ok(v, 5, sizeof v[0], &ok);
    assert_non_null(c);
    assert_ptr_not_equal(c, v);
    assert_memory_equal(c, v, sizeof v);
    free(c);
    assert_null(ls_memdup_ok(v, 0, sizeof v[0], &ok));
    assert_null(ls_memdup_ok(NULL, 5, sizeof v[0], &ok));
    assert_int_equal(ok, 1);
    /* a size that does not fit is a failure, not a short copy */
    assert_null(ls_memdup_ok(v, SIZE_MAX / 2, 4, &ok));
    assert_int_equal(ok, 0);
}

static void test_str_cat3(void **state)
{
    (void)state;
    char out[8], want[8];
    assert_int_equal(ls_str_cat3(out, sizeof out, "B", "thủ", NULL), 6); /* ủ: 3 bytes */
    assert_string_equal(out, "Bthủ");
    assert_int_equal(ls_str_cat3(out, sizeof out, "ab", "_", "cd"), 5);
    assert_string_equal(out, "ab_cd");
    /* cut as snprintf cuts: at cap - 1 bytes, in any part */
    const char *parts[][3] = {{"abcdef", "_", "gh"}, {"abcdefghij", "", ""}, {"", "", "abcdefgh"},
                              {"a", "bcdefg", "h"}};
    for (size_t i = 0; i < 4; i++) {
        size_t n = ls_str_cat3(out, sizeof out, parts[i][0], parts[i][1], parts[i][2]);
        snprintf(want, sizeof want, "%s%s%s", parts[i][0], parts[i][1], parts[i][2]);
        assert_string_equal(out, want);
        assert_int_equal(n, strlen(want));
    }
    assert_int_equal(ls_str_cat3(out, 1, "abc", "d", "e"), 0);
    assert_string_equal(out, "");
}

static void test_tab_field(void **state)
{
    (void)state;
    const char *line = "a\tbc\t\tdef";
    const char *end = line + strlen(line);
    static const char *const want[] = {"a", "bc", "", "def", "", ""};
    for (int k = 0; k < 6; k++) {
        size_t n = 99;
        const char *f = ls_tab_field(line, end, k, &n);
        assert_int_equal(n, strlen(want[k]));
        assert_memory_equal(f, want[k], n);
        assert_true(f >= line && f <= end);
    }
    /* the line ends at end, not at the string's end */
    size_t n;
    const char *f = ls_tab_field(line, line + 4, 1, &n);
    assert_int_equal(n, 2);
    assert_memory_equal(f, "bc", 2);
    ls_tab_field(line, line + 4, 2, &n);
    assert_int_equal(n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strset),
        cmocka_unit_test(test_strdup_ok),
        cmocka_unit_test(test_memdup_ok),
        cmocka_unit_test(test_str_cat3),
        cmocka_unit_test(test_tab_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
