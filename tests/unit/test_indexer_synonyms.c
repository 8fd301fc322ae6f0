/* test_indexer_synonyms.c — indexer/synonyms.h: the built-in tables
 * (text/synonyms.h, tested by test_text_synonyms) written into an index's
 * synonym store, each key under its normalised form and its accent-folded
 * form (what query/expand.c looks up), never as typed in capitals;
 * installing replaces a key's earlier expansions and twice is the same as
 * once; a second install of the same tables keeps what was mined into a
 * shared key since (an incremental run), a changed table replaces it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/synonyms.h"
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

/* Install, mine an alias into a built-in key, install again: *ctx 0 with
 * the same tables, 1 after the index's record of them changed (a newer
 * binary's tables). */
static void install_mine_install(xc_wdb *w, void *ctx)
{
    ls_error err = {0};
    xc_err xe;
    assert_int_equal(ls_synonyms_install(w, &err), LS_OK);
    assert_int_equal(ls_synonym_add(w, "BHXH", 4, "bảo hiểm xã hội bắt buộc", strlen("bảo hiểm xã hội bắt buộc"), &err), LS_OK);
    if (*(int *)ctx)
        assert_int_equal(xc_wdb_set_metadata(w, LS_METADATA_SYNONYMS, "0000000000000000", 16, &xe), XC_OK);
    assert_int_equal(ls_synonyms_install(w, &err), LS_OK);
}

static void test_mined_alias_kept(void **state)
{
    (void)state;
    static const char *const want[] = {
        "bảo hiểm xã hội|bảo hiểm xã hội bắt buộc", /* the same tables: kept */
        "bảo hiểm xã hội",                          /* other tables: replaced */
    };
    for (int changed = 0; changed <= 1; changed++) {
        char *dir = ts_mkdtemp();
        xc_db *db = ts_xapian_db(dir, install_mine_install, &changed);
        got g = {{0}, 0};
        xc_err xe;
        assert_int_equal(xc_db_synonyms(db, "bhxh", collect, &g, &xe), XC_OK);
        assert_string_equal(g.all, want[changed]);
        xc_db_close(db);
        ts_rmtree(dir);
        free(dir);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_install),
        cmocka_unit_test(test_mined_alias_kept),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
