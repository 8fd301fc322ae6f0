/* test_indexer_cite_keys.c — indexer/cite_keys.c: the "N/YYYY" head of a
 * number; the keys written for documents (every number sharing a head, one
 * line each, written once; the newest law of a name whatever the order of
 * indexing; one key per year; none for uncodified kinds); and the law
 * look-up by name, with and without a year. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/cite_keys.h"
#include "../support/test_support.h"

static void test_number_head(void **state)
{
    (void)state;
    static const struct { const char *id, *head; } cases[] = {
        {"13/2023/nđ-cp", "13/2023"},
        {"123/2015/nđ-cp", "123/2015"},
        {"60/2014/qh13", "60/2014"},
        {"1/2020/tt-btc", "1/2020"},
        {"9999/2020/qđ-ttg", "9999/2020"},
        {"13/2023", "13/2023"},
        {"12345/2015/nđ-cp", NULL},  /* five digits is no number */
        {"13/23/nđ-cp", NULL},
        {"13/20234/x", NULL},
        {"/2023/nđ-cp", NULL},
        {"luat dat dai", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[32] = "unchanged";
        int ok = ls_cite_number_head(cases[i].id, out, sizeof out);
        if (ok != (cases[i].head != NULL)) fprintf(stderr, "%s\n", cases[i].id);
        assert_int_equal(ok, cases[i].head != NULL);
        if (ok) assert_string_equal(out, cases[i].head);
    }
    char small[7];
    assert_int_equal(ls_cite_number_head("13/2023/nđ-cp", small, sizeof small), 0);
}

typedef struct doc_row { const char *id, *title, *issued; } doc_row;
typedef struct doc_rows { const doc_row *rows; size_t n; } doc_rows;

static void write_rows(xc_wdb *w, void *ctx)
{
    const doc_rows *r = ctx;
    for (size_t i = 0; i < r->n; i++) {
        ls_document d = {.id = (char *)r->rows[i].id, .title = (char *)r->rows[i].title,
                         .issued = (char *)r->rows[i].issued};
        ls_error err = {0};
        assert_int_equal(ls_cite_keys_write(w, &d, r->rows[i].id, &err), LS_OK);
    }
}

/* An index holding only the keys of rows[0..n), written in that order. */
static xc_db *index_of(const char *dir, const doc_row *rows, size_t n)
{
    doc_rows r = {rows, n};
    return ts_xapian_db(dir, write_rows, &r);
}

static void expect_key(xc_db *db, const char *key, const char *want)
{
    char *v = NULL;
    ls_error err = {0};
    assert_int_equal(ls_cite_key_get(db, key, &v, &err), LS_OK);
    assert_non_null(v);
    if (strcmp(v, want) != 0) fprintf(stderr, "%s\n", key);
    assert_string_equal(v, want);
    free(v);
}

static const doc_row corpus[] = {
    {"31/2024/qh15", "Luật Đất đai", "2024-01-18"},
    {"45/2013/qh13", "Luật Đất đai", "2013-11-29"},    /* older, indexed later */
    {"13/2023/nđ-cp", "Nghị định về bảo vệ dữ liệu cá nhân", "2023-04-17"},
    {"13/2023/tt-bct", "Thông tư quy định về an toàn điện", "2023-06-30"},
    {"13/2023/nđ-cp", "Nghị định về bảo vệ dữ liệu cá nhân", "2023-04-17"}, /* again */
    {"91/2015/qh13", "Bộ luật Dân sự", "2015-11-24"},
    {"02/2011/pl-ubtvqh12", "Pháp lệnh Chi phí tố tụng", NULL},          /* no date */
    {"luat hon nhan", "Luật Hôn nhân", "2014-06-19"},                     /* no number */
};

static void test_keys_written(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    xc_db *db = index_of(dir, corpus, sizeof corpus / sizeof corpus[0]);
    static const struct { const char *key, *value; } keys[] = {
        {LS_METADATA_NUMBER "13/2023", "13/2023/nđ-cp\n13/2023/tt-bct"},
        {LS_METADATA_NUMBER "31/2024", "31/2024/qh15"},
        {LS_METADATA_NUMBER "02/2011", "02/2011/pl-ubtvqh12"},
        {LS_METADATA_NUMBER "13/2024", ""},
        {LS_METADATA_LAW "luat dat dai", "2024-01-18\t31/2024/qh15"},
        {LS_METADATA_LAW "luat dat dai@2013", "45/2013/qh13"},
        {LS_METADATA_LAW "luat dat dai@2024", "31/2024/qh15"},
        {LS_METADATA_LAW "bo luat dan su", "2015-11-24\t91/2015/qh13"},
        {LS_METADATA_LAW "phap lenh chi phi to tung", "0000-00-00\t02/2011/pl-ubtvqh12"},
        {LS_METADATA_LAW "luat hon nhan", "2014-06-19\tluat hon nhan"},
        /* not a codified kind: no name key */
        {LS_METADATA_LAW "nghi dinh ve bao ve du lieu ca nhan", ""},
        {LS_METADATA_LAW "thong tu quy dinh ve an toan dien", ""},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) expect_key(db, keys[i].key, keys[i].value);
    xc_db_close(db);
    ts_rmtree(dir);
    free(dir);
}

/* The same document re-indexed with another date replaces its name key,
 * even with an older date. */
static void test_reindexed_date(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    static const doc_row rows[] = {
        {"31/2024/qh15", "Luật Đất đai", "2024-01-18"},
        {"31/2024/qh15", "Luật Đất đai", "2024-01-17"},
    };
    xc_db *db = index_of(dir, rows, 2);
    expect_key(db, LS_METADATA_LAW "luat dat dai", "2024-01-17\t31/2024/qh15");
    expect_key(db, LS_METADATA_NUMBER "31/2024", "31/2024/qh15");
    xc_db_close(db);
    ts_rmtree(dir);
    free(dir);
}

static void test_law_lookup(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    xc_db *db = index_of(dir, corpus, sizeof corpus / sizeof corpus[0]);
    static const struct { const char *name, *year, *id, *other; } cases[] = {
        {"luat dat dai", NULL, "31/2024/qh15", NULL},
        {"luat dat dai", "2013", "45/2013/qh13", NULL},
        {"luat dat dai", "2024", "31/2024/qh15", NULL},
        /* a year the name was not issued in: no id, the newest as a hint */
        {"luat dat dai", "2020", NULL, "2024-01-18\t31/2024/qh15"},
        {"bo luat dan su", "2015", "91/2015/qh13", NULL},
        {"luat dat", NULL, NULL, NULL},
        {"luat khong co", "2020", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *id = (char *)"x", *other = (char *)"x";
        ls_error err = {0};
        assert_int_equal(ls_cite_law_lookup(db, cases[i].name, strlen(cases[i].name), cases[i].year,
                                            &id, &other, &err),
                         LS_OK);
        if (cases[i].id) assert_string_equal(id, cases[i].id);
        else assert_null(id);
        if (cases[i].other) assert_string_equal(other, cases[i].other);
        else assert_null(other);
        free(id);
        free(other);
    }
    /* the name is name[0..len): the rest of the buffer is not read */
    char *id = NULL;
    ls_error err = {0};
    assert_int_equal(ls_cite_law_lookup(db, "luat dat dai sua doi", 12, NULL, &id, NULL, &err), LS_OK);
    assert_string_equal(id, "31/2024/qh15");
    free(id);
    xc_db_close(db);
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_head),
        cmocka_unit_test(test_keys_written),
        cmocka_unit_test(test_reindexed_date),
        cmocka_unit_test(test_law_lookup),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
