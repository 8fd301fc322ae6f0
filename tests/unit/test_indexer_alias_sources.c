/* test_indexer_alias_sources.c — the aliases mined from a document follow
 * it (indexer/alias_sources.h): removing it takes out what it gave, unless
 * another document gives it too; re-indexing it changed takes out what it
 * no longer gives; a built-in key gets no mined meaning (HĐTV stays "hội
 * đồng thành viên" beside a text's "Hội đồng tư vấn (HĐTV)"); an index
 * built before sources were kept only adds, as before. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../indexer/alias_sources.h"
#include "../../indexer/indexer.h"
#include "../../xapian/xc.h"
#include "../support/test_support.h"

static ls_document *doc_with(const char *number, const char *text)
{
    return ts_doc_one_article(number, "Thông tư", "Thông tư về ngân sách", "Giải thích từ ngữ",
                              text);
}

static const char *const text_a =
    "1. Dược chất (còn gọi là hoạt chất) là chất dùng để sản xuất thuốc.\n"
    "2. Số liệu đối chiếu với Kho bạc Nhà nước (KBNN) cuối năm và ý kiến của "
    "Hội đồng tư vấn (HĐTV).\n";
static const char *const text_b = "1. Số liệu đối chiếu với Kho bạc Nhà nước (KBNN) hằng quý.\n";
static const char *const text_a2 = "1. Số liệu đối chiếu với Kho bạc Nhà nước (KBNN) cuối năm.\n";

static int collect(void *ctx, const char *syn)
{
    char *all = ctx;
    if (*all) strncat(all, "|", 511 - strlen(all));
    strncat(all, syn, 511 - strlen(all));
    return 0;
}

/* key's synonyms in the index at dir, "|"-joined */
static void expect_synonyms(const char *dir, const char *key, const char *want)
{
    xc_db *db = NULL;
    xc_err xe;
    if (xc_db_open(dir, &db, &xe)) fail_msg("%s: %s", dir, xe.msg);
    char all[512] = "";
    assert_int_equal(xc_db_synonyms(db, key, collect, all, &xe), XC_OK);
    xc_db_close(db);
    if (strcmp(all, want) != 0) fail_msg("synonyms of %s: '%s', want '%s'", key, all, want);
}

static void add(const char *dir, const char *number, const char *text)
{
    ls_error err = {0};
    ls_indexer *ix = NULL;
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    ls_document *d = doc_with(number, text);
    assert_int_equal(ls_indexer_add(ix, d, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    ls_document_free(d);
}

static void del(const char *dir, const char *number)
{
    ls_error err = {0};
    ls_indexer *ix = NULL;
    ls_indexer_options rm = {.removing = 1};
    assert_int_equal(ls_indexer_open(dir, &rm, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_remove(ix, number, NULL, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
}

static void test_removed_document_takes_its_aliases(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    add(dir, "1/2020/TT-BTC", text_a);
    add(dir, "2/2021/TT-BTC", text_b);
    expect_synonyms(dir, "dược chất", "hoạt chất");
    expect_synonyms(dir, "hoat chat", "dược chất");
    expect_synonyms(dir, "kbnn", "kho bạc nhà nước");
    /* a built-in key keeps its one meaning */
    expect_synonyms(dir, "hđtv", "hội đồng thành viên");
    expect_synonyms(dir, "hdtv", "hội đồng thành viên");

    del(dir, "1/2020/TT-BTC");
    expect_synonyms(dir, "dược chất", "");
    expect_synonyms(dir, "duoc chat", "");
    expect_synonyms(dir, "hoạt chất", "");
    expect_synonyms(dir, "kbnn", "kho bạc nhà nước"); /* the other still gives it */
    del(dir, "2/2021/TT-BTC");
    expect_synonyms(dir, "kbnn", "");
    expect_synonyms(dir, "hđtv", "hội đồng thành viên");
    ts_rmtree(dir);
    free(dir);
}

static void test_changed_document_drops_what_it_no_longer_gives(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    add(dir, "1/2020/TT-BTC", text_a);
    add(dir, "1/2020/TT-BTC", text_a); /* the same again: counted once */
    add(dir, "1/2020/TT-BTC", text_a2);
    expect_synonyms(dir, "dược chất", "");
    expect_synonyms(dir, "kbnn", "kho bạc nhà nước");
    del(dir, "1/2020/TT-BTC");
    expect_synonyms(dir, "kbnn", "");
    ts_rmtree(dir);
    free(dir);
}

/* an index made before sources were kept: aliases added, none taken out */
static void test_older_index_only_adds(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    add(dir, "1/2020/TT-BTC", text_a);
    ts_set_metadata(dir, LS_METADATA_ALIAS_SOURCES, "");
    add(dir, "2/2021/TT-BTC", "1. Nguồn vốn của Quỹ hỗ trợ phát triển (QHTPT) hằng năm.\n");
    expect_synonyms(dir, "qhtpt", "quỹ hỗ trợ phát triển");
    del(dir, "2/2021/TT-BTC");
    expect_synonyms(dir, "qhtpt", "quỹ hỗ trợ phát triển");
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_removed_document_takes_its_aliases),
        cmocka_unit_test(test_changed_document_drops_what_it_no_longer_gives),
        cmocka_unit_test(test_older_index_only_adds),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
