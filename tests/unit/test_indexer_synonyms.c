/* test_indexer_synonyms.c — indexer/synonyms.c: the built-in table written
 * into an index's synonym store, each key under its normalised form and its
 * accent-folded form (what query/expand.c looks up), never as typed in
 * capitals; installing replaces a key's earlier expansions and twice is the
 * same as once; a folded key reads back accented (ls_synonym_accented),
 * each procedure and everyday key as itself, and no key takes the folded
 * form of a common legal phrase or word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/synonyms.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

typedef struct got {
    char all[512];
    size_t n;
} got;

static int collect(void *ctx, const char *syn)
{
    got *g = ctx;
    if (g->n++) strncat(g->all, "|", sizeof g->all - strlen(g->all) - 1);
    strncat(g->all, syn, sizeof g->all - strlen(g->all) - 1);
    return 0;
}

/* "bhxh" set to something else first, then *installs installs. */
static void install(xc_wdb *w, void *ctx)
{
    xc_err xe;
    ls_error err = {0};
    assert_int_equal(xc_wdb_add_synonym(w, "bhxh", "bảo hiểm cũ", &xe), XC_OK);
    for (int i = 0; i < *(int *)ctx; i++) assert_int_equal(ls_synonyms_install(w, &err), LS_OK);
}

static void expect_store(xc_db *db)
{
    static const struct { const char *key, *want; } cases[] = {
        {"bhxh", "bảo hiểm xã hội"},                 /* the earlier value replaced */
        {"cccd", "căn cước công dân"},
        {"gplx", "giấy phép lái xe"},
        {"nđ", "nghị định"},
        {"nd", "nghị định"},                         /* folded twin of the key */
        {"sổ đỏ", "giấy chứng nhận quyền sử dụng đất"},
        {"so do", "giấy chứng nhận quyền sử dụng đất"},
        {"bằng lái", "giấy phép lái xe"},
        {"bang lai", "giấy phép lái xe"},
        {"hàng tháng", "hằng tháng"},
        {"hằng tháng", "hàng tháng"},
        {"thahs", "thi hành án hình sự"},            /* the everyday table */
        {"nghỉ phép", "nghỉ hằng năm"},
        {"nghi phep", "nghỉ hằng năm"},
        /* keys are stored normalised: not as typed */
        {"BHXH", ""},
        {"Sổ đỏ", ""},
        {"khai sinh", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        got g = {{0}, 0};
        xc_err xe;
        assert_int_equal(xc_db_synonyms(db, cases[i].key, collect, &g, &xe), XC_OK);
        if (strcmp(g.all, cases[i].want) != 0) fprintf(stderr, "%s -> %s\n", cases[i].key, g.all);
        assert_string_equal(g.all, cases[i].want);
        assert_true(g.n <= 1);
    }
}

/* Once, and twice: the same store. */
static void test_install(void **state)
{
    (void)state;
    for (int installs = 1; installs <= 2; installs++) {
        char *dir = ts_mkdtemp();
        xc_db *db = ts_xapian_db(dir, install, &installs);
        expect_store(db);
        xc_db_close(db);
        ts_rmtree(dir);
        free(dir);
    }
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_install),
        cmocka_unit_test(test_accented),
        cmocka_unit_test(test_procedure_keys_restore),
        cmocka_unit_test(test_everyday_keys_restore),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
