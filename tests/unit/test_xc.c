/* test_xc.c — the C API over Xapian, from C, on real glass databases in a
 * temporary directory: documents, replace/delete by unique term, commits and
 * transactions, reopen, the writer lock, missing databases, queries and their
 * operators, BM25 and collapse, synonyms, metadata, all-terms, shards, and
 * NULL arguments answered with XC_ERR_ARG. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../xapian/xc.h"
#include "../support/test_support.h"

static char *dir;

static const char *path(const char *name)
{
    static char buf[2][4096];
    static int k;
    char *b = buf[k++ % 2];
    snprintf(b, 4096, "%s/%s", dir, name);
    return b;
}

static xc_doc *doc_with(const char *id, const char *words, const char *group)
{
    xc_doc *d = NULL;
    xc_err e;
    assert_int_equal(xc_doc_new(&d, &e), XC_OK);
    char term[128];
    snprintf(term, sizeof term, "Q%s", id);
    assert_int_equal(xc_doc_add_term(d, term, 0, &e), XC_OK);
    unsigned pos = 1;
    char copy[512];
    snprintf(copy, sizeof copy, "%s", words);
    for (char *save, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        assert_int_equal(xc_doc_add_posting(d, w, pos++, 1, &e), XC_OK);
    assert_int_equal(xc_doc_set_data(d, id, strlen(id), &e), XC_OK);
    assert_int_equal(xc_doc_set_value(d, 0, group, strlen(group), &e), XC_OK);
    return d;
}

static void put(xc_wdb *w, const char *id, const char *words, const char *group)
{
    xc_doc *d = doc_with(id, words, group);
    char term[128];
    snprintf(term, sizeof term, "Q%s", id);
    xc_err e;
    assert_int_equal(xc_wdb_replace_by_term(w, term, d, NULL, &e), XC_OK);
    xc_doc_free(d);
}

static int setup(void **state)
{
    (void)state;
    dir = ts_mkdtemp();
    return dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ts_rmtree(dir);
    free(dir);
    return 0;
}

/* ids of an mset, space-separated */
static void ids_of(xc_mset *ms, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < xc_mset_size(ms); i++) {
        xc_doc *d = NULL;
        xc_err e;
        assert_int_equal(xc_mset_document(ms, i, &d, &e), XC_OK);
        const char *data;
        size_t len;
        assert_int_equal(xc_doc_get_data(d, &data, &len, &e), XC_OK);
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%.*s", n ? " " : "", (int)len, data);
        xc_doc_free(d);
    }
}

static void run(xc_db *db, xc_query *q, char *out, size_t cap)
{
    xc_enquire *enq = NULL;
    xc_mset *ms = NULL;
    xc_err e;
    assert_non_null(q);
    assert_int_equal(xc_enquire_new(db, &enq, &e), XC_OK);
    assert_int_equal(xc_enquire_set_query(enq, q, &e), XC_OK);
    assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 10, &ms, &e), XC_OK);
    ids_of(ms, out, cap);
    xc_mset_free(ms);
    xc_enquire_free(enq);
}

static void test_write_read_replace_delete(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("a"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    put(w, "d1", "thủ tục đăng ký khai sinh", "g1");
    put(w, "d2", "đăng ký thường trú", "g1");
    put(w, "d3", "giấy phép lái xe", "g2");
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);

    xc_db *db = NULL;
    assert_int_equal(xc_db_open(path("a"), &db, &e), XC_OK);
    unsigned n = 0;
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 3);
    assert_int_equal(xc_db_termfreq(db, "đăng", &n, &e), XC_OK);
    assert_int_equal(n, 2);

    /* replacing by the unique term keeps one document; delete removes it */
    put(w, "d1", "khai sinh cho trẻ em", "g1");
    assert_int_equal(xc_wdb_delete_by_term(w, "Qd3", &e), XC_OK);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    int changed = 0;
    assert_int_equal(xc_db_reopen(db, &changed, &e), XC_OK);
    assert_int_equal(changed, 1);
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 2);
    unsigned docid = 0;
    assert_int_equal(xc_db_find_by_term(db, "Qd3", &docid, &e), XC_ERR_NOTFOUND);
    assert_int_equal(xc_db_find_by_term(db, "Qd1", &docid, &e), XC_OK);
    xc_doc *d = NULL;
    assert_int_equal(xc_db_get_document(db, docid, &d, &e), XC_OK);
    const char *val;
    size_t len;
    assert_int_equal(xc_doc_get_value(d, 0, &val, &len, &e), XC_OK);
    assert_int_equal(len, 2);
    assert_memory_equal(val, "g1", 2);
    xc_doc_free(d);
    assert_int_equal(xc_db_get_document(db, 9999, &d, &e), XC_ERR_NOTFOUND);
    xc_db_close(db);
    xc_wdb_close(w);
}

static void test_transactions_and_lock(void **state)
{
    (void)state;
    xc_wdb *w = NULL, *w2 = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("t"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    assert_int_equal(xc_wdb_open(path("t"), XC_WDB_CREATE_OR_OPEN, &w2, &e), XC_ERR_LOCKED);
    assert_null(w2);
    assert_true(strlen(e.msg) > 0);
    assert_int_equal(xc_wdb_begin_transaction(w, &e), XC_OK);
    put(w, "kept", "được giữ", "g");
    assert_int_equal(xc_wdb_commit_transaction(w, &e), XC_OK);
    assert_int_equal(xc_wdb_begin_transaction(w, &e), XC_OK);
    put(w, "dropped", "bị bỏ", "g");
    assert_int_equal(xc_wdb_cancel_transaction(w, &e), XC_OK);
    unsigned n = 0;
    assert_int_equal(xc_wdb_doccount(w, &n, &e), XC_OK);
    assert_int_equal(n, 1);
    assert_int_equal(xc_wdb_termfreq(w, "Qdropped", &n, &e), XC_OK);
    assert_int_equal(n, 0);
    xc_wdb_close(w);
}

static void test_missing_database(void **state)
{
    (void)state;
    xc_db *db = NULL;
    xc_err e;
    assert_int_equal(xc_db_open(path("does-not-exist"), &db, &e), XC_ERR_NOTFOUND);
    assert_null(db);
    assert_true(strlen(e.msg) > 0);
}

static int count_matching(void *ctx, const char *term)
{
    (void)term;
    ++*(int *)ctx;
    return 0;
}

static void test_queries(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("q"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    put(w, "a", "hành chính công", "g1");
    put(w, "b", "hành vi chính đáng", "g1");
    put(w, "c", "chính sách hành chính hành chính", "g2");
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_wdb_close(w);
    xc_db *db = NULL;
    assert_int_equal(xc_db_open(path("q"), &db, &e), XC_OK);
    char got[256];
    xc_query *hanh = xc_query_term("hành", 1, 0, &e), *chinh = xc_query_term("chính", 1, 0, &e);
    xc_query *two[2] = {hanh, chinh};
    xc_query *phrase = xc_query_combine(XC_OP_PHRASE, two, 2, 2, &e);
    run(db, phrase, got, sizeof got);
    assert_string_equal(got, "c a"); /* "hành chính" adjacent: c twice, a once; never b */
    xc_query *and = xc_query_combine(XC_OP_AND, two, 2, 0, &e);
    run(db, and, got, sizeof got);
    assert_int_equal(strlen(got), strlen("c a b"));
    xc_query *cong = xc_query_term("công", 1, 0, &e);
    xc_query *boosted = xc_query_scale(cong, 50, &e);
    xc_query *mix[2] = {and, boosted};
    xc_query *or = xc_query_combine(XC_OP_OR, mix, 2, 0, &e);
    run(db, or, got, sizeof got);
    assert_true(strncmp(got, "a ", 2) == 0); /* the scaled term decides */
    xc_query *g2 = xc_query_value_range(0, "g2", "g2", &e);
    xc_query *f[2] = {and, g2};
    xc_query *filtered = xc_query_combine(XC_OP_FILTER, f, 2, 0, &e);
    run(db, filtered, got, sizeof got);
    assert_string_equal(got, "c");
    char *desc = xc_query_describe(filtered);
    assert_non_null(strstr(desc, "FILTER"));
    free(desc);

    /* collapse: at most one per group value */
    xc_enquire *enq = NULL;
    xc_mset *ms = NULL;
    assert_int_equal(xc_enquire_new(db, &enq, &e), XC_OK);
    assert_int_equal(xc_enquire_set_query(enq, and, &e), XC_OK);
    assert_int_equal(xc_enquire_set_bm25(enq, 1.2, 0, 1, 0.75, 0.5, &e), XC_OK);
    assert_int_equal(xc_enquire_set_collapse(enq, 0, 1, &e), XC_OK);
    assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 10, &ms, &e), XC_OK);
    assert_int_equal(xc_mset_size(ms), 2);
    assert_true(xc_mset_weight(ms, 0) >= xc_mset_weight(ms, 1));
    int matched = 0;
    assert_int_equal(xc_mset_matching_terms(enq, ms, 0, count_matching, &matched, &e), XC_OK);
    assert_int_equal(matched, 2); /* hành and chính */
    assert_int_equal(xc_mset_matching_terms(enq, ms, 0, NULL, NULL, &e), XC_ERR_ARG);
    xc_mset_free(ms);
    xc_enquire_free(enq);
    xc_query *all[] = {hanh, chinh, phrase, and, cong, boosted, or, g2, filtered};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) xc_query_free(all[i]);
    xc_db_close(db);
}

static int count_cb(void *ctx, const char *term, unsigned tf)
{
    (void)term;
    (void)tf;
    ++*(int *)ctx;
    return 0;
}

static int first_syn(void *ctx, const char *syn)
{
    snprintf(ctx, 64, "%s", syn);
    return 1;
}

static void test_synonyms_metadata_allterms_shards(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("s1"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    put(w, "x", "bảo hiểm xã hội", "g");
    assert_int_equal(xc_wdb_add_synonym(w, "bhxh", "bảo hiểm xã hội", &e), XC_OK);
    assert_int_equal(xc_wdb_set_metadata(w, "doc:x", "{\"t\":1}", 7, &e), XC_OK);
    char *meta = NULL;
    size_t len = 0;
    assert_int_equal(xc_wdb_get_metadata(w, "doc:x", &meta, &len, &e), XC_OK);
    assert_int_equal(len, 7);
    free(meta);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_wdb_close(w);
    assert_int_equal(xc_wdb_open(path("s2"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    put(w, "y", "bảo hiểm y tế", "g");
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_wdb_close(w);

    xc_db *db = NULL;
    assert_int_equal(xc_db_open(path("s1"), &db, &e), XC_OK);
    char syn[64] = "";
    assert_int_equal(xc_db_synonyms(db, "bhxh", first_syn, syn, &e), XC_OK);
    assert_string_equal(syn, "bảo hiểm xã hội");
    assert_int_equal(xc_db_get_metadata(db, "doc:x", &meta, &len, &e), XC_OK);
    assert_string_equal(meta, "{\"t\":1}");
    free(meta);
    assert_int_equal(xc_db_get_metadata(db, "nope", &meta, &len, &e), XC_OK);
    assert_int_equal(len, 0);
    free(meta);
    int nq = 0;
    assert_int_equal(xc_db_allterms(db, "Q", count_cb, &nq, &e), XC_OK);
    assert_int_equal(nq, 1);
    /* a second shard: searched as one database */
    assert_int_equal(xc_db_add_shard(db, path("s2"), &e), XC_OK);
    char got[128];
    xc_query *q = xc_query_term("hiểm", 1, 0, &e);
    run(db, q, got, sizeof got);
    assert_int_equal(strlen(got), 3); /* "x y" in some order */
    xc_query_free(q);
    xc_db_close(db);

    /* compaction gives an openable copy with the same documents */
    assert_int_equal(xc_compact(path("s1"), path("s1c"), &e), XC_OK);
    assert_int_equal(xc_db_open(path("s1c"), &db, &e), XC_OK);
    unsigned n = 0;
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 1);
    xc_db_close(db);
}

static void test_null_arguments(void **state)
{
    (void)state;
    xc_err e;
    unsigned n;
    assert_int_equal(xc_db_open(NULL, NULL, &e), XC_ERR_ARG);
    assert_int_equal(xc_db_doccount(NULL, &n, &e), XC_ERR_ARG);
    assert_int_equal(xc_wdb_commit(NULL, &e), XC_ERR_ARG);
    assert_int_equal(xc_doc_add_term(NULL, "x", 1, &e), XC_ERR_ARG);
    assert_null(xc_query_term(NULL, 1, 0, &e));
    assert_int_equal(e.rc, XC_ERR_ARG);
    assert_null(xc_query_scale(NULL, 2, &e));
    assert_int_equal(xc_enquire_new(NULL, NULL, &e), XC_ERR_ARG);
    xc_db_close(NULL);
    xc_wdb_close(NULL);
    xc_doc_free(NULL);
    xc_query_free(NULL);
    xc_mset_free(NULL);
    assert_int_equal(xc_mset_size(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_read_replace_delete),
        cmocka_unit_test(test_transactions_and_lock),
        cmocka_unit_test(test_missing_database),
        cmocka_unit_test(test_queries),
        cmocka_unit_test(test_synonyms_metadata_allterms_shards),
        cmocka_unit_test(test_null_arguments),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
