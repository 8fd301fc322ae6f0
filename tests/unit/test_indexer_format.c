/* test_indexer_format.c — the index format mark and the writer: an index of
 * an older format (its passages hold that format's terms) is not updated
 * by this binary and keeps claiming what it holds; remove works on it and
 * leaves its mark; a newer or garbled mark is refused; --overwrite makes a
 * new index of this binary's format; `stats` shows the format and whether
 * the writer may add to it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../format/schema.h"
#include "../../indexer/indexer.h"
#include "../../query/search.h"
#include "../../text/analyser.h"
#include "../../xapian/xc.h"
#include "../support/test_support.h"

static ls_document *one_doc(const char *number, const char *word)
{
    char text[200];
    snprintf(text, sizeof text, "1. Việc đăng ký khai sinh %s được thực hiện.", word);
    return ts_doc_one_article(number, "Nghị định", "Nghị định về hộ tịch", "Đăng ký khai sinh",
                              text);
}

/* The format mark dir holds, into out ("" when none). */
static void read_mark(const char *dir, char *out, size_t cap)
{
    xc_db *db = NULL;
    xc_err xe;
    if (xc_db_open(dir, &db, &xe)) fail_msg("%s: %s", dir, xe.msg);
    char *v = NULL;
    size_t len = 0;
    if (xc_db_get_metadata(db, LS_METADATA_FORMAT, &v, &len, &xe)) fail_msg("%s", xe.msg);
    snprintf(out, cap, "%.*s", (int)len, v ? v : "");
    free(v);
    xc_db_close(db);
}

static void set_mark(const char *dir, const char *mark)
{
    ts_set_metadata(dir, LS_METADATA_FORMAT, mark);
}

/* What ls_searcher_stats_json says of dir; the caller decrefs. */
static json_t *stats_of(const char *dir)
{
    ls_searcher *s = NULL;
    ls_error err = {0};
    char *text = NULL;
    if (ls_searcher_open(dir, &s, &err) || ls_searcher_stats_json(s, &text, &err))
        fail_msg("%s: %s", dir, err.msg);
    ls_searcher_close(s);
    json_t *o = json_loads(text, 0, NULL);
    free(text);
    assert_non_null(o);
    return o;
}

/* dir holding two documents of this binary's format */
static char *new_index(void)
{
    char *dir = ts_mkdtemp();
    ls_error err = {0};
    ls_indexer *ix = NULL;
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    ls_document *a = one_doc("1/2020/NĐ-CP", "nhanh"), *b = one_doc("2/2021/NĐ-CP", "chậm");
    assert_int_equal(ls_indexer_add(ix, a, &err), LS_OK);
    assert_int_equal(ls_indexer_add(ix, b, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    ls_document_free(a);
    ls_document_free(b);
    return dir;
}

static void test_older_format_not_updated(void **state)
{
    (void)state;
    char *dir = new_index();
    char mark[32];
    read_mark(dir, mark, sizeof mark);
    assert_string_equal(mark, LS_INDEX_FORMAT_VERSION);
    json_t *st = stats_of(dir);
    assert_string_equal(json_string_value(json_object_get(st, "format")), LS_INDEX_FORMAT_VERSION);
    assert_true(json_is_true(json_object_get(st, "writable")));
    assert_null(json_object_get(st, "not_writable"));
    json_decref(st);
    /* an index of the format before this binary's */
    char older[16];
    snprintf(older, sizeof older, "%lu", strtoul(LS_INDEX_FORMAT_VERSION, NULL, 10) - 1);
    set_mark(dir, older);
    st = stats_of(dir); /* stats says so before index is tried */
    assert_string_equal(json_string_value(json_object_get(st, "format")), older);
    assert_true(json_is_false(json_object_get(st, "writable")));
    assert_non_null(strstr(json_string_value(json_object_get(st, "not_writable")),
                           "luat-search index --overwrite --db"));
    json_decref(st);
    ls_error err = {0};
    ls_indexer *ix = NULL;
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_ERR_INDEX);
    assert_null(ix);
    char want[64];
    snprintf(want, sizeof want, "index format %s, older than", older);
    assert_non_null(strstr(err.msg, want));
    assert_non_null(strstr(err.msg, "luat-search index --overwrite --db"));
    assert_non_null(strstr(err.msg, dir));
    read_mark(dir, mark, sizeof mark);
    assert_string_equal(mark, older); /* it still says what it holds */

    /* removing from it works and keeps its mark */
    ls_error_clear(&err);
    ls_indexer_options rm = {.removing = 1};
    assert_int_equal(ls_indexer_open(dir, &rm, &ix, &err), LS_OK);
    unsigned removed = 0;
    assert_int_equal(ls_indexer_remove(ix, "1/2020/NĐ-CP", &removed, &err), LS_OK);
    assert_int_equal(removed, 1);
    ls_document *c = one_doc("3/2022/NĐ-CP", "mới");
    assert_int_equal(ls_indexer_add(ix, c, &err), LS_ERR_ARG); /* a remover adds nothing */
    ls_document_free(c);
    ls_error_clear(&err);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    read_mark(dir, mark, sizeof mark);
    assert_string_equal(mark, older);

    /* rebuilt with --overwrite: this binary's format */
    ls_indexer_options ow = {.overwrite = 1};
    assert_int_equal(ls_indexer_open(dir, &ow, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    read_mark(dir, mark, sizeof mark);
    assert_string_equal(mark, LS_INDEX_FORMAT_VERSION);
    ts_rmtree(dir);
    free(dir);
}

static void test_newer_or_garbled_format_refused(void **state)
{
    (void)state;
    char *dir = new_index();
    const char *marks[] = {"99", "2x"};
    const char *says[] = {"index format 99 is newer than this luat-search reads",
                          "'2x' is not a format number"};
    for (size_t i = 0; i < 2; i++) {
        set_mark(dir, marks[i]);
        for (int removing = 0; removing < 2; removing++) {
            ls_error err = {0};
            ls_indexer *ix = NULL;
            ls_indexer_options o = {.removing = removing};
            assert_int_equal(ls_indexer_open(dir, &o, &ix, &err), LS_ERR_INDEX);
            assert_non_null(strstr(err.msg, says[i]));
            char mark[32];
            read_mark(dir, mark, sizeof mark);
            assert_string_equal(mark, marks[i]);
        }
    }
    ts_rmtree(dir);
    free(dir);
}

/* a shard set says the same, naming the set and its --shards */
static void test_shard_set_older_format(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp(), set[4200], meta[4300];
    snprintf(set, sizeof set, "%s/set", dir);
    snprintf(meta, sizeof meta, "%s/meta", set);
    ls_error err = {0};
    ls_indexer *ix = NULL;
    ls_indexer_options two = {.shards = 2};
    assert_int_equal(ls_indexer_open(set, &two, &ix, &err), LS_OK);
    ls_document *a = one_doc("1/2020/NĐ-CP", "nhanh");
    assert_int_equal(ls_indexer_add(ix, a, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    set_mark(meta, "2");
    assert_int_equal(ls_indexer_open(set, NULL, &ix, &err), LS_ERR_INDEX);
    char want[4400];
    snprintf(want, sizeof want, "index %s is of index format 2", set);
    assert_non_null(strstr(err.msg, want));
    snprintf(want, sizeof want, "--overwrite --shards 2 --db %s SOURCE", set);
    assert_non_null(strstr(err.msg, want));
    ls_error_clear(&err);
    ls_indexer_options rm = {.removing = 1};
    assert_int_equal(ls_indexer_open(set, &rm, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_remove(ix, "1/2020/NĐ-CP", NULL, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    char mark[32];
    read_mark(meta, mark, sizeof mark);
    assert_string_equal(mark, "2");
    ls_document_free(a);
    ts_rmtree(dir);
    free(dir);
}

/* the CLI: index refuses with the rebuild command, remove goes on */
static void test_cli_older_format(void **state)
{
    (void)state;
    char *dir = new_index();
    set_mark(dir, "2");
    char *errs = NULL;
    assert_int_equal(ts_cli(NULL, &errs, "index --quiet --db '%s' '%s'", dir,
                            ts_path("corpus/sample")), 1);
    assert_non_null(strstr(errs, "index format 2, older than"));
    assert_non_null(strstr(errs, "--overwrite"));
    free(errs);
    assert_int_equal(ts_cli(NULL, NULL, "remove --db '%s' 2/2021/NĐ-CP", dir), 0);
    char mark[32];
    read_mark(dir, mark, sizeof mark);
    assert_string_equal(mark, "2");
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_older_format_not_updated),
        cmocka_unit_test(test_newer_or_garbled_format_refused),
        cmocka_unit_test(test_shard_set_older_format),
        cmocka_unit_test(test_cli_older_format),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
