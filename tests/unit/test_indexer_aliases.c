/* test_indexer_aliases.c — indexer/aliases.h on clauses written like the
 * law's: a defined phrase's other name ("còn gọi là", alternatives split)
 * stored both ways; an acronym stored when the words before it spell it,
 * with or without "sau đây gọi tắt là", and not when they do not ("QCVN"),
 * when it has two letters ("CA") or reads as a syllable ("TAN"), nor for a
 * short name ("sau đây gọi là Quỹ"), nor under a built-in key (NSNN,
 * ĐHĐCĐ); keys normalised and folded; the walk alone (ls_aliases_each)
 * reports spans of the text and stops when asked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/aliases.h"
#include "../support/test_support.h"

static const char *const text =
    "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:\n"
    "1. Dược chất (còn gọi là hoạt chất) là chất hoặc hỗn hợp các chất dùng để sản xuất thuốc.\n"
    "2. Chất đánh dấu (còn gọi là chất dẫn, chất mang) là chất được đưa vào mẫu.\n"
    "3. Sàng lọc trước sinh (còn gọi là tầm soát trước sinh) là việc sử dụng kỹ thuật.\n"
    "4. Quỹ Bảo vệ môi trường (sau đây gọi là Quỹ) là quỹ tài chính nhà nước.\n"
    "5. Số liệu đối chiếu với Kho bạc Nhà nước (sau đây gọi tắt là KBNN) cuối năm; "
    "dự toán ngân sách nhà nước (NSNN) hằng năm; theo Quy chuẩn kỹ thuật quốc gia (QCVN) "
    "và Đại hội đồng cổ đông (ĐHĐCĐ); Công an (CA), Thủy thủ (TT), Trường An Nam (TAN).\n";

static void fill(xc_wdb *w, void *ctx)
{
    (void)ctx;
    xc_err xe;
    assert_int_equal(xc_wdb_add_synonym(w, "nsnn", "ngân sách", &xe), XC_OK);
    ls_article *a = ts_article_parse(text);
    ls_error err = {0};
    assert_int_equal(ls_aliases_install(w, a, &err), LS_OK);
    ts_article_free(a);
}

static int setup(void **state)
{
    *state = ts_index_new(fill, NULL);
    return *state ? 0 : -1;
}

static int collect(void *ctx, const char *syn)
{
    char *all = ctx;
    if (*all) strncat(all, "|", 511 - strlen(all));
    strncat(all, syn, 511 - strlen(all));
    return 0;
}

static void test_store(void **state)
{
    static const struct { const char *key, *want; } cases[] = {
        {"dược chất", "hoạt chất"}, {"hoạt chất", "dược chất"},
        {"duoc chat", "hoạt chất"}, {"hoat chat", "dược chất"},
        {"chất đánh dấu", "chất dẫn|chất mang"},
        {"chất dẫn", "chất đánh dấu"}, {"chất mang", "chất đánh dấu"},
        {"sàng lọc trước sinh", "tầm soát trước sinh"},
        {"tầm soát trước sinh", "sàng lọc trước sinh"},
        {"kbnn", "kho bạc nhà nước"},
        /* built-in keys (text/synonyms.h) get no mined meaning: what the
         * key held stays its only one */
        {"nsnn", "ngân sách"}, {"đhđcđ", ""}, {"dhdcd", ""},
        /* no spelled-out words, a short name, the phrase itself */
        {"qcvn", ""}, {"quỹ", ""}, {"quỹ bảo vệ môi trường", ""},
        /* two letters; a syllable */
        {"ca", ""}, {"tt", ""}, {"tan", ""},
        {"KBNN", ""},
    };
    xc_db *db = ((ts_index *)*state)->db;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char all[512] = "";
        xc_err xe;
        assert_int_equal(xc_db_synonyms(db, cases[i].key, collect, all, &xe), XC_OK);
        if (strcmp(all, cases[i].want) != 0) fprintf(stderr, "key %s\n", cases[i].key);
        assert_string_equal(all, cases[i].want);
    }
}

typedef struct walk {
    const ls_article *a;
    int calls, stop_at;
} walk;

static int count_alias(void *ctx, const char *key, size_t key_len, const char *expansion,
                       size_t expansion_len)
{
    walk *w = ctx;
    const char *lo = w->a->text, *hi = w->a->text + w->a->text_len;
    assert_true(key_len > 0 && key >= lo && key + key_len <= hi);
    assert_true(expansion_len > 0 && expansion >= lo && expansion + expansion_len <= hi);
    return ++w->calls == w->stop_at ? 7 : 0;
}

/* ls_aliases_each: eleven aliases (three other names both ways, one split
 * in two, and three acronyms), each a span of the text; a non-zero answer
 * stops the walk and is returned */
static void test_each(void **state)
{
    (void)state;
    ls_article *a = ts_article_parse(text);
    walk all = {a, 0, 0};
    assert_int_equal(ls_aliases_each(a, count_alias, &all), 0);
    assert_int_equal(all.calls, 11);
    walk stopped = {a, 0, 3};
    assert_int_equal(ls_aliases_each(a, count_alias, &stopped), 7);
    assert_int_equal(stopped.calls, 3);
    ts_article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_store),
        cmocka_unit_test(test_each),
    };
    return cmocka_run_group_tests(tests, setup, ts_index_teardown);
}
