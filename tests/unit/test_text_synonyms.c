/* test_text_synonyms.c — text/synonyms.h: a folded key reads back accented
 * (ls_synonym_accented), each procedure and everyday key as itself, and no
 * key takes the folded form of a common legal phrase or word; the tables
 * are walked in one order, each once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../text/analyser.h"
#include "../../text/synonyms.h"
#include "../support/test_support.h"

static void test_accented(void **state)
{
    (void)state;
    assert_string_equal(ls_synonym_accented("so do"), "sổ đỏ");
    assert_string_equal(ls_synonym_accented("bang lai"), "bằng lái");
    assert_string_equal(ls_synonym_accented("chung tu"), "chứng tử"); /* the procedures' table */
    assert_null(ls_synonym_accented("sổ đỏ"));   /* not a folded form */
    assert_null(ls_synonym_accented("khai sinh"));
    assert_null(ls_synonym_accented("cccd"));    /* nothing to restore */
}

/* Every accented key of table t reads back as itself from its folded form
 * (no other key folds alike, so an unaccented question is not restored to
 * a different word). */
static void expect_keys_restore(const ls_synonym_entry *t, size_t n)
{
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        char *norm = NULL, *folded = NULL;
        assert_int_equal(ls_normalize_term(t[i].key, strlen(t[i].key), &norm, &folded, NULL), LS_OK);
        if (strcmp(norm, folded) != 0) {
            const char *back = ls_synonym_accented(folded);
            if (!back || strcmp(back, norm) != 0)
                fail_msg("key '%s' folds to '%s', which reads back as '%s'", norm, folded,
                         back ? back : "(none)");
        }
        free(norm);
        free(folded);
    }
}

/* The procedures' keys restore, and none folds like a common legal
 * phrase: "mặt bằng" (giải phóng mặt bằng), "di dời". */
static void test_procedure_keys_restore(void **state)
{
    (void)state;
    size_t n = 0;
    const ls_synonym_entry *t = ls_synonyms_procedure(&n);
    expect_keys_restore(t, n);
    assert_null(ls_synonym_accented("mat bang"));
    assert_null(ls_synonym_accented("di doi"));
}

/* The everyday keys restore, and none takes the folded form of another
 * common word: bảo hành, tư nhân, công nhận, đến đó, bà mẹ. */
static void test_everyday_keys_restore(void **state)
{
    (void)state;
    size_t n = 0;
    const ls_synonym_entry *t = ls_synonyms_everyday(&n);
    expect_keys_restore(t, n);
    assert_string_equal(ls_synonym_accented("nghi phep"), "nghỉ phép");
    static const char *const others[] = {"bao hanh", "tu nhan", "cong nhan", "den do", "ba me"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        if (ls_synonym_accented(others[i]))
            fail_msg("'%s' reads back as '%s'", others[i], ls_synonym_accented(others[i]));
}

/* ls_synonym_table hands out the general, procedures' and everyday tables
 * in that order, then NULL. */
static void test_tables(void **state)
{
    (void)state;
    size_t n0 = 0, n1 = 0, n2 = 0, n3 = 99, np = 0, ne = 0;
    const ls_synonym_entry *t0 = ls_synonym_table(0, &n0);
    assert_non_null(t0);
    assert_true(n0 > 0);
    assert_string_equal(t0[0].key, "CCCD");
    assert_ptr_equal(ls_synonym_table(1, &n1), ls_synonyms_procedure(&np));
    assert_int_equal(n1, np);
    assert_ptr_equal(ls_synonym_table(2, &n2), ls_synonyms_everyday(&ne));
    assert_int_equal(n2, ne);
    assert_null(ls_synonym_table(3, &n3));
    assert_int_equal(n3, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_accented),
        cmocka_unit_test(test_procedure_keys_restore),
        cmocka_unit_test(test_everyday_keys_restore),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
