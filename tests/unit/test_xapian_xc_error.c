/* test_xapian_xc_error.c — xapian/xc_error.h, the one table from Xapian's
 * errors to ls_rc: every xc_rc row, the recorded message, and real failures
 * (a missing database, a held writer lock) through it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../xapian/xc_error.h"
#include "../support/test_support.h"

static void test_table(void **state)
{
    (void)state;
    static const struct { xc_rc xc; ls_rc ls; } rows[] = {
        {XC_OK, LS_OK},
        {XC_ERR_NOMEM, LS_ERR_NOMEM},
        {XC_ERR_NOTFOUND, LS_ERR_NOTFOUND},
        {XC_ERR_OPENING, LS_ERR_INDEX},
        {XC_ERR_LOCKED, LS_ERR_LOCKED},
        {XC_ERR_MODIFIED, LS_ERR_INDEX},
        {XC_ERR_CORRUPT, LS_ERR_INDEX},
        {XC_ERR_ARG, LS_ERR_INDEX},
        {XC_ERR_NETWORK, LS_ERR_INDEX},
        {XC_ERR_OTHER, LS_ERR_INDEX},
    };
    assert_int_equal(sizeof rows / sizeof rows[0], XC_ERR_OTHER + 1);  /* a new code needs a row */
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        assert_int_equal(ls_rc_of_xc(rows[i].xc), rows[i].ls);
}

static void test_message(void **state)
{
    (void)state;
    xc_err xe = {XC_ERR_CORRUPT, "DatabaseCorruptError: bad block"};
    ls_error err = {0};
    assert_int_equal(ls_xc_error(&err, "reading synonyms", &xe), LS_ERR_INDEX);
    assert_int_equal(err.rc, LS_ERR_INDEX);
    assert_string_equal(err.msg, "reading synonyms: DatabaseCorruptError: bad block");
    /* the first error stays */
    xc_err later = {XC_ERR_NOMEM, "std::bad_alloc"};
    assert_int_equal(ls_xc_error(&err, "later", &later), LS_ERR_NOMEM);
    assert_string_equal(err.msg, "reading synonyms: DatabaseCorruptError: bad block");
    assert_int_equal(ls_xc_error(NULL, "nobody listens", &later), LS_ERR_NOMEM);
}

static void test_real_failures(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    char path[4096];
    snprintf(path, sizeof path, "%s/không-có", dir);
    xc_db *db = NULL;
    xc_err xe;
    ls_error err = {0};
    assert_int_not_equal(xc_db_open(path, &db, &xe), XC_OK);
    assert_int_equal(ls_xc_error(&err, path, &xe), LS_ERR_NOTFOUND);
    assert_non_null(strstr(err.msg, path));

    snprintf(path, sizeof path, "%s/idx", dir);
    xc_wdb *w = NULL, *w2 = NULL;
    assert_int_equal(xc_wdb_open(path, XC_WDB_CREATE_OR_OVERWRITE, &w, &xe), XC_OK);
    assert_int_not_equal(xc_wdb_open(path, XC_WDB_OPEN, &w2, &xe), XC_OK);
    ls_error_clear(&err);
    assert_int_equal(ls_xc_error(&err, "opening the writer", &xe), LS_ERR_LOCKED);
    assert_non_null(strstr(err.msg, "opening the writer: DatabaseLockError"));
    xc_wdb_close(w);
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_message),
        cmocka_unit_test(test_real_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
