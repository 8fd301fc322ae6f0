/* test_xapian_xc.c — the C API over Xapian (xapian/xc.h), from C, on real glass
 * databases in a temporary directory: documents and their caches,
 * replace/delete by unique term, commits and transactions, reopen, the
 * writer lock, missing and unreadable databases, every query operator with
 * the expected documents in the expected order, BM25 parameters, collapse,
 * synonyms, metadata, all-terms, matching terms, local and remote shards,
 * compaction, error messages, and NULL arguments answered with XC_ERR_ARG. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../xapian/xc.h"
#include "../support/test_support.h"

static char *dir;

/* dir/name in a rotating static buffer (valid for 4 calls) */
static const char *path(const char *name)
{
    static char buf[4][4096];
    static int k;
    char *b = buf[k++ % 4];
    snprintf(b, 4096, "%s/%s", dir, name);
    return b;
}

/* ---- building documents ------------------------------------------------ */

/* A passage as the indexer writes one: unique term "Q<id>", one posting per
 * space-separated word, data = id, value 0 = kind, value 1 = date. */
typedef struct {
    const char *id, *text, *kind, *date;
} passage;

static xc_doc *doc_of(const passage *p)
{
    xc_doc *d = NULL;
    xc_err e;
    assert_int_equal(xc_doc_new(&d, &e), XC_OK);
    char term[128];
    snprintf(term, sizeof term, "Q%s", p->id);
    assert_int_equal(xc_doc_add_term(d, term, 0, &e), XC_OK);
    unsigned pos = 1;
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", p->text);
    for (char *save, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        assert_int_equal(xc_doc_add_posting(d, w, pos++, 1, &e), XC_OK);
    assert_int_equal(xc_doc_set_data(d, p->id, strlen(p->id), &e), XC_OK);
    assert_int_equal(xc_doc_set_value(d, 0, p->kind, strlen(p->kind), &e), XC_OK);
    if (p->date) assert_int_equal(xc_doc_set_value(d, 1, p->date, strlen(p->date), &e), XC_OK);
    return d;
}

static unsigned put(xc_wdb *w, const passage *p)
{
    xc_doc *d = doc_of(p);
    char term[128];
    snprintf(term, sizeof term, "Q%s", p->id);
    xc_err e;
    unsigned docid = 0;
    assert_int_equal(xc_wdb_replace_by_term(w, term, d, &docid, &e), XC_OK);
    assert_true(docid > 0);
    xc_doc_free(d);
    return docid;
}

static void build(const char *name, const passage *ps, size_t n)
{
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path(name), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    for (size_t i = 0; i < n; i++) put(w, &ps[i]);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_wdb_close(w);
}

static xc_db *open_db(const char *name)
{
    xc_db *db = NULL;
    xc_err e;
    assert_int_equal(xc_db_open(path(name), &db, &e), XC_OK);
    assert_non_null(db);
    return db;
}

/* ---- reading results --------------------------------------------------- */

/* The data (ids) of an mset, space-separated. */
static void ids_of(const xc_mset *ms, char *out, size_t cap)
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

/* Run q over db (consumes q); the ids found, best first. */
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
    xc_query_free(q);
}

static xc_query *t(const char *term)
{
    xc_err e;
    xc_query *q = xc_query_term(term, 1, 0, &e);
    assert_non_null(q);
    return q;
}

/* op over two subqueries, both consumed */
static xc_query *two(xc_op op, xc_query *a, xc_query *b, unsigned param)
{
    xc_err e;
    xc_query *subs[2] = {a, b};
    xc_query *q = xc_query_combine(op, subs, 2, param, &e);
    assert_non_null(q);
    xc_query_free(a);
    xc_query_free(b);
    return q;
}

static xc_query *scaled(xc_query *q, double f)
{
    xc_err e;
    xc_query *s = xc_query_scale(q, f, &e);
    assert_non_null(s);
    xc_query_free(q);
    return s;
}

static xc_query *range(unsigned slot, const char *lo, const char *hi)
{
    xc_err e;
    xc_query *q = xc_query_value_range(slot, lo, hi, &e);
    assert_non_null(q);
    return q;
}

/* ---- fixtures ---------------------------------------------------------- */

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

/* ---- documents, replace, delete, commit, reopen ------------------------ */

static unsigned count_words(const char *s)
{
    unsigned n = 0;
    for (const char *p = s; *p; p++)
        if (*p != ' ' && (p == s || p[-1] == ' ')) n++;
    return n;
}

static const passage residence[] = {
    {"hp-23", "công dân có quyền tự do đi lại và cư trú ở trong nước", "hienphap", "20131128"},
    {"ct-4", "công dân có quyền và nghĩa vụ đăng ký thường trú tạm trú", "luat", "20200701"},
    {"ct-27", "người nước ngoài cư trú tại việt nam phải đăng ký tạm trú", "luat", "20140616"},
    {"nd-2", "quyền tự do đi lại và cư trú của công dân được bảo đảm", "nghidinh", "20210515"},
};

static void test_write_replace_delete_reopen(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("a"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    unsigned ids[4];
    for (size_t i = 0; i < 4; i++) ids[i] = put(w, &residence[i]);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);

    /* a reader opened now keeps seeing this revision until it reopens */
    xc_db *db = open_db("a");
    unsigned n = 0;
    unsigned long rev0 = 0, rev1 = 0;
    assert_int_equal(xc_db_revision(db, &rev0, &e), XC_OK);
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 4);
    assert_int_equal(xc_db_termfreq(db, "trú", &n, &e), XC_OK);
    assert_int_equal(n, 4);
    assert_int_equal(xc_db_termfreq(db, "nước", &n, &e), XC_OK);
    assert_int_equal(n, 2);
    assert_int_equal(xc_db_termfreq(db, "không-có", &n, &e), XC_OK);
    assert_int_equal(n, 0);
    double avlen = 0;
    assert_int_equal(xc_db_avlength(db, &avlen, &e), XC_OK);
    /* the words (the Q term has wdf 0 and does not count) */
    double words = 0;
    for (size_t i = 0; i < 4; i++) words += count_words(residence[i].text);
    assert_true(avlen > words / 4 - 1e-9 && avlen < words / 4 + 1e-9);
    xc_enquire *old_enq = NULL;
    assert_int_equal(xc_enquire_new(db, &old_enq, &e), XC_OK);

    /* replacing by the unique term keeps the document id; delete removes */
    passage amended = residence[1];
    amended.text = "công dân có quyền đăng ký thường trú tại chỗ ở hợp pháp";
    assert_int_equal(put(w, &amended), ids[1]);
    assert_int_equal(xc_wdb_delete_by_term(w, "Qct-27", &e), XC_OK);
    assert_int_equal(xc_wdb_doccount(w, &n, &e), XC_OK); /* the writer sees it at once */
    assert_int_equal(n, 3);
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK); /* the reader not yet */
    assert_int_equal(n, 4);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK); /* nor after the commit */
    assert_int_equal(n, 4);
    assert_int_equal(xc_db_termfreq(db, "trú", &n, &e), XC_OK); /* remembered, as read */
    assert_int_equal(n, 4);
    assert_int_equal(xc_db_termfreq_once(db, "trú", &n, &e), XC_OK);
    assert_int_equal(n, 4);

    int changed = -1;
    assert_int_equal(xc_db_reopen(db, &changed, &e), XC_OK);
    assert_int_equal(changed, 1);
    assert_int_equal(xc_db_reopen(db, &changed, &e), XC_OK);
    assert_int_equal(changed, 0);
    assert_int_equal(xc_db_revision(db, &rev1, &e), XC_OK);
    assert_true(rev1 > rev0);
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 3);
    /* reopening forgets the frequencies remembered: ct-27 is gone */
    assert_int_equal(xc_db_termfreq(db, "trú", &n, &e), XC_OK);
    assert_int_equal(n, 3);
    assert_int_equal(xc_db_termfreq_once(db, "trú", &n, &e), XC_OK);
    assert_int_equal(n, 3);
    assert_int_equal(xc_db_termfreq(db, "nước", &n, &e), XC_OK); /* 2 before */
    assert_int_equal(n, 1);
    unsigned docid = 0;
    assert_int_equal(xc_db_find_by_term(db, "Qct-27", &docid, &e), XC_ERR_NOTFOUND);
    assert_non_null(strstr(e.msg, "Qct-27"));
    assert_int_equal(xc_db_find_by_term(db, "Qct-4", &docid, &e), XC_OK);
    assert_int_equal(docid, ids[1]);
    assert_int_equal(xc_wdb_find_by_term(w, "Qct-4", &docid, &e), XC_OK);
    assert_int_equal(docid, ids[1]);

    /* the enquire made before reopen searches the new revision too */
    xc_mset *ms = NULL;
    xc_query *q = t("hợp");
    assert_int_equal(xc_enquire_set_query(old_enq, q, &e), XC_OK);
    xc_query_free(q);
    assert_int_equal(xc_enquire_get_mset(old_enq, 0, 10, 0, &ms, &e), XC_OK);
    assert_int_equal(xc_mset_size(ms), 1);
    assert_int_equal(xc_mset_docid(ms, 0), ids[1]);
    xc_mset_free(ms);
    xc_enquire_free(old_enq);

    /* the stored document: data, values, terms */
    xc_doc *d = NULL;
    assert_int_equal(xc_db_get_document(db, ids[1], &d, &e), XC_OK);
    const char *kind, *date, *data;
    size_t klen, dlen, len;
    assert_int_equal(xc_doc_get_value(d, 0, &kind, &klen, &e), XC_OK);
    assert_int_equal(xc_doc_get_value(d, 1, &date, &dlen, &e), XC_OK);
    assert_int_equal(xc_doc_get_value(d, 0, &kind, &klen, &e), XC_OK);
    /* both borrowed pointers are still good after reading another slot */
    assert_int_equal(klen, 4);
    assert_memory_equal(kind, "luat", 4);
    assert_int_equal(dlen, 8);
    assert_memory_equal(date, "20200701", 8);
    const char *unset;
    assert_int_equal(xc_doc_get_value(d, 7, &unset, &len, &e), XC_OK);
    assert_int_equal(len, 0);
    assert_int_equal(xc_doc_get_data(d, &data, &len, &e), XC_OK);
    const char *again;
    assert_int_equal(xc_doc_get_data(d, &again, &len, &e), XC_OK);
    assert_ptr_equal(data, again); /* read once, then cached */
    assert_int_equal(len, 4);
    assert_memory_equal(data, "ct-4", 4);
    xc_doc_free(d);
    assert_int_equal(xc_wdb_get_document(w, ids[1], &d, &e), XC_OK);
    xc_doc_free(d);

    d = NULL;
    assert_int_equal(xc_db_get_document(db, 9999, &d, &e), XC_ERR_NOTFOUND);
    assert_null(d);
    assert_non_null(strstr(e.msg, "DocNotFoundError"));
    assert_int_equal(xc_wdb_get_document(w, 9999, &d, &e), XC_ERR_NOTFOUND);
    xc_db_close(db);
    xc_wdb_close(w);
}

static int collect_term(void *ctx, const char *term, unsigned wdf)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s%s:%u", n ? " " : "", term, wdf);
    return 0;
}

static void test_document_terms_and_data(void **state)
{
    (void)state;
    xc_doc *d = NULL;
    xc_err e;
    assert_int_equal(xc_doc_new(&d, &e), XC_OK);
    assert_int_equal(xc_doc_add_term(d, "Qtt-01", 0, &e), XC_OK);
    assert_int_equal(xc_doc_add_posting(d, "Hthuế", 1, 1, &e), XC_OK);
    assert_int_equal(xc_doc_add_posting(d, "thuế", 1, 1, &e), XC_OK);
    assert_int_equal(xc_doc_add_posting(d, "thuế", 5, 2, &e), XC_OK);
    assert_int_equal(xc_doc_add_term(d, "Hgiá", 3, &e), XC_OK);
    char got[256] = "";
    assert_int_equal(xc_doc_terms(d, "H", collect_term, got, &e), XC_OK);
    assert_string_equal(got, "Hgiá:3 Hthuế:1"); /* sorted, only the prefix */
    got[0] = '\0';
    assert_int_equal(xc_doc_terms(d, NULL, collect_term, got, &e), XC_OK);
    assert_string_equal(got, "Hgiá:3 Hthuế:1 Qtt-01:0 thuế:3");

    /* data: set again replaces what get_data returned */
    const char *data;
    size_t len;
    assert_int_equal(xc_doc_get_data(d, &data, &len, &e), XC_OK);
    assert_int_equal(len, 0);
    const char blob[] = "Điều 5\0nhị phân";
    assert_int_equal(xc_doc_set_data(d, blob, sizeof blob, &e), XC_OK);
    assert_int_equal(xc_doc_get_data(d, &data, &len, &e), XC_OK);
    assert_int_equal(len, sizeof blob); /* embedded NUL kept */
    assert_memory_equal(data, blob, sizeof blob);
    assert_int_equal(xc_doc_set_value(d, 2, "x", 1, &e), XC_OK);
    assert_int_equal(xc_doc_get_value(d, 2, &data, &len, &e), XC_OK);
    assert_int_equal(xc_doc_set_value(d, 2, "yz", 2, &e), XC_OK);
    assert_int_equal(xc_doc_get_value(d, 2, &data, &len, &e), XC_OK);
    assert_int_equal(len, 2);
    assert_memory_equal(data, "yz", 2);
    xc_doc_free(d);
}

/* ---- transactions, lock, missing databases ----------------------------- */

static void test_transactions(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("t"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_db *db = open_db("t");

    const passage kept = {"kept", "quyết định này có hiệu lực kể từ ngày ký", "qd", NULL};
    const passage dropped = {"dropped", "bãi bỏ quyết định số 12", "qd", NULL};
    assert_int_equal(xc_wdb_begin_transaction(w, &e), XC_OK);
    put(w, &kept);
    assert_int_equal(xc_wdb_begin_transaction(w, &e), XC_ERR_ARG); /* no nesting */
    assert_int_equal(xc_wdb_commit_transaction(w, &e), XC_OK);
    assert_int_equal(xc_db_reopen(db, NULL, &e), XC_OK); /* committed: visible */
    unsigned n = 0;
    assert_int_equal(xc_db_termfreq(db, "Qkept", &n, &e), XC_OK);
    assert_int_equal(n, 1);

    assert_int_equal(xc_wdb_begin_transaction(w, &e), XC_OK);
    put(w, &dropped);
    assert_int_equal(xc_wdb_termfreq(w, "Qdropped", &n, &e), XC_OK);
    assert_int_equal(n, 1); /* the writer sees its own transaction */
    assert_int_equal(xc_wdb_cancel_transaction(w, &e), XC_OK);
    assert_int_equal(xc_wdb_cancel_transaction(w, &e), XC_ERR_ARG); /* none open */
    assert_int_equal(xc_wdb_commit_transaction(w, &e), XC_ERR_ARG);
    assert_int_equal(xc_wdb_doccount(w, &n, &e), XC_OK);
    assert_int_equal(n, 1);
    assert_int_equal(xc_wdb_termfreq(w, "Qdropped", &n, &e), XC_OK);
    assert_int_equal(n, 0);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_wdb_close(w);
    assert_int_equal(xc_db_reopen(db, NULL, &e), XC_OK);
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 1);
    assert_int_equal(xc_db_termfreq(db, "Qdropped", &n, &e), XC_OK);
    assert_int_equal(n, 0);
    xc_db_close(db);
}

/* Flushing every 2 documents inside a transaction still commits or cancels
 * the whole of it; the environment is put back after the open, and a value
 * the user set is left alone. */
static void test_flushing_transactions(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    unsetenv("XAPIAN_FLUSH_THRESHOLD");
    assert_int_equal(xc_wdb_open_flushing(path("f"), XC_WDB_CREATE_OR_OVERWRITE, 2, &w, &e),
                     XC_OK);
    assert_null(getenv("XAPIAN_FLUSH_THRESHOLD"));
    static const char *ids[] = {"a", "b", "c", "d", "e"};
    for (int round = 0; round < 2; round++) {
        assert_int_equal(xc_wdb_begin_transaction(w, &e), XC_OK);
        for (size_t i = 0; i < 5; i++) {
            const passage p = {ids[i], "thủ tục đăng ký thường trú tại công an xã", "ct", NULL};
            put(w, &p);
        }
        if (round == 0) assert_int_equal(xc_wdb_cancel_transaction(w, &e), XC_OK);
        else assert_int_equal(xc_wdb_commit_transaction(w, &e), XC_OK);
        xc_db *db = open_db("f");
        unsigned n = 99;
        assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
        assert_int_equal(n, round == 0 ? 0 : 5);
        assert_int_equal(xc_db_termfreq(db, "Qe", &n, &e), XC_OK);
        assert_int_equal(n, round == 0 ? 0 : 1);
        xc_db_close(db);
    }
    xc_wdb_close(w);
    setenv("XAPIAN_FLUSH_THRESHOLD", "7", 1);
    assert_int_equal(xc_wdb_open_flushing(path("f"), XC_WDB_OPEN, 2, &w, &e), XC_OK);
    assert_string_equal(getenv("XAPIAN_FLUSH_THRESHOLD"), "7");
    xc_wdb_close(w);
    unsetenv("XAPIAN_FLUSH_THRESHOLD");
}

static void test_lock(void **state)
{
    (void)state;
    xc_wdb *w = NULL, *w2 = (xc_wdb *)&w; /* must be reset to NULL */
    xc_err e;
    assert_int_equal(xc_wdb_open(path("l"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    for (int mode = XC_WDB_CREATE_OR_OPEN; mode <= XC_WDB_OPEN; mode++) {
        assert_int_equal(xc_wdb_open(path("l"), mode, &w2, &e), XC_ERR_LOCKED);
        assert_int_equal(e.rc, XC_ERR_LOCKED);
        assert_null(w2);
        assert_non_null(strstr(e.msg, "DatabaseLockError: "));
    }
    /* readers are not blocked by the writer */
    xc_db *db = open_db("l");
    xc_db_close(db);
    xc_wdb_close(w);
    /* the lock goes with the writer */
    assert_int_equal(xc_wdb_open(path("l"), XC_WDB_OPEN, &w2, &e), XC_OK);
    xc_wdb_close(w2);
    assert_int_equal(xc_wdb_open(path("l"), 42, &w2, &e), XC_ERR_ARG);
}

static void test_missing_and_bad_databases(void **state)
{
    (void)state;
    xc_db *db = (xc_db *)&db;
    xc_wdb *w = (xc_wdb *)&w;
    xc_err e;
    /* nothing there: NOTFOUND from reader, writer (must exist), compact, shard */
    assert_int_equal(xc_db_open(path("không-có"), &db, &e), XC_ERR_NOTFOUND);
    assert_null(db);
    assert_non_null(strstr(e.msg, "DatabaseNotFoundError: "));
    assert_non_null(strstr(e.msg, path("không-có")));
    assert_int_equal(xc_wdb_open(path("không-có"), XC_WDB_OPEN, &w, &e), XC_ERR_NOTFOUND);
    assert_null(w);
    assert_int_equal(xc_compact(path("không-có"), path("out"), &e), XC_ERR_NOTFOUND);
    /* an empty directory is no index either */
    assert_int_equal(xc_compact(dir, path("out"), &e), XC_ERR_NOTFOUND);
    assert_int_equal(xc_db_open(dir, &db, &e), XC_ERR_NOTFOUND);

    /* a file that is not a database cannot be opened */
    FILE *f = fopen(path("stub"), "w");
    assert_non_null(f);
    fputs("Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2021\n", f);
    fclose(f);
    assert_int_equal(xc_db_open(path("stub"), &db, &e), XC_ERR_OPENING);
    assert_non_null(strstr(e.msg, "DatabaseOpeningError: "));

    build("one", residence, 1);
    db = open_db("one");
    assert_int_equal(xc_db_add_shard(db, path("không-có"), &e), XC_ERR_NOTFOUND);
    unsigned n = 0;
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK); /* unchanged */
    assert_int_equal(n, 1);
    xc_db_close(db);
}

/* ---- queries ----------------------------------------------------------- */

typedef struct {
    const char *what;
    xc_query *(*make)(void);
    const char *want; /* ids, best first */
} query_case;

static xc_query *q_and(void) { return two(XC_OP_AND, t("cư"), t("nước"), 0); }
static xc_query *q_and_param_ignored(void) { return two(XC_OP_AND, t("cư"), t("nước"), 7); }
static xc_query *q_phrase(void) { return two(XC_OP_PHRASE, t("tạm"), t("trú"), 2); }
static xc_query *q_phrase_order(void) { return two(XC_OP_PHRASE, t("trú"), t("tạm"), 2); }
static xc_query *q_near_3(void) { return two(XC_OP_NEAR, t("đăng"), t("tạm"), 3); }
static xc_query *q_near_5(void) { return two(XC_OP_NEAR, t("đăng"), t("tạm"), 5); }
static xc_query *q_and_not(void) { return two(XC_OP_AND_NOT, t("cư"), t("nước"), 0); }
static xc_query *q_filter(void) { return two(XC_OP_FILTER, t("quyền"), range(0, "luat", "luat"), 0); }
/* the rare term wins on its own; scaled up, the common one wins */
static xc_query *q_or(void) { return two(XC_OP_OR, t("tự"), t("người"), 0); }
static xc_query *q_or_scaled(void) { return two(XC_OP_OR, scaled(t("tự"), 20), t("người"), 0); }
static xc_query *q_and_maybe(void) { return two(XC_OP_AND_MAYBE, t("trú"), t("người"), 0); }
/* weight 0 everywhere: document id order */
static xc_query *q_scale_zero(void) { return scaled(t("cư"), 0); }
static xc_query *q_range(void) { return range(1, "20140101", "20201231"); }
static xc_query *q_range_ge(void) { return range(1, "20200101", NULL); }
static xc_query *q_range_le(void) { return range(1, NULL, "20140101"); }
static xc_query *q_range_open(void) { return range(1, NULL, NULL); }
static xc_query *q_elite(void) { return two(XC_OP_ELITE_SET, t("tự"), t("người"), 1); }
static xc_query *q_synonym(void) { return two(XC_OP_SYNONYM, t("nghĩa"), t("người"), 0); }
static xc_query *q_all(void)
{
    xc_err e;
    return xc_query_match_all(&e);
}
static xc_query *q_skip_null(void)
{
    xc_err e;
    xc_query *a = t("người");
    xc_query *subs[3] = {NULL, a, NULL};
    xc_query *q = xc_query_combine(XC_OP_OR, subs, 3, 0, &e);
    xc_query_free(a);
    return q;
}

static const query_case query_cases[] = {
    {"AND", q_and, "ct-27 hp-23"}, /* same wdf: the shorter passage first */
    {"AND, parameter ignored", q_and_param_ignored, "ct-27 hp-23"},
    {"PHRASE", q_phrase, "ct-4 ct-27"},
    {"PHRASE keeps order", q_phrase_order, "ct-4"}, /* "thường trú tạm trú" */
    {"NEAR window 3", q_near_3, "ct-27"},
    {"NEAR window 5", q_near_5, "ct-4 ct-27"}, /* equal weights: id order */
    {"AND_NOT", q_and_not, "nd-2"},
    {"FILTER by value", q_filter, "ct-4"},
    {"OR", q_or, "ct-27 hp-23 nd-2"},
    {"OR with SCALE 20", q_or_scaled, "hp-23 nd-2 ct-27"},
    {"AND_MAYBE", q_and_maybe, "ct-27 ct-4 hp-23 nd-2"},
    {"SCALE 0 is boolean", q_scale_zero, "hp-23 ct-27 nd-2"},
    {"value range", q_range, "ct-4 ct-27"},
    {"value >=", q_range_ge, "ct-4 nd-2"},
    {"value <=", q_range_le, "hp-23"},
    {"value range open", q_range_open, "hp-23 ct-4 ct-27 nd-2"},
    {"ELITE_SET 1", q_elite, "ct-27"},
    {"SYNONYM", q_synonym, "ct-4 ct-27"}, /* one term to BM25: id order */
    {"match all", q_all, "hp-23 ct-4 ct-27 nd-2"},
    {"NULL subqueries skipped", q_skip_null, "ct-27"},
};

static void test_queries(void **state)
{
    (void)state;
    build("q", residence, 4);
    xc_db *db = open_db("q");
    for (size_t i = 0; i < sizeof query_cases / sizeof query_cases[0]; i++) {
        char got[256];
        run(db, query_cases[i].make(), got, sizeof got);
        if (strcmp(got, query_cases[i].want) != 0)
            fail_msg("%s: got \"%s\", want \"%s\"", query_cases[i].what, got, query_cases[i].want);
    }
    xc_db_close(db);
}

static void test_query_construction(void **state)
{
    (void)state;
    xc_err e;
    assert_null(xc_query_term("", 1, 0, &e)); /* not match-all */
    assert_int_equal(e.rc, XC_ERR_ARG);
    /* one past the last operator (a value C++ can still hold: 99 would be UB) */
    assert_null(xc_query_combine((xc_op)(XC_OP_MAX + 1), NULL, 0, 0, &e));
    assert_int_equal(e.rc, XC_ERR_ARG);
    xc_query *a = t("khiếu"), *b = t("nại");
    assert_null(xc_query_scale(a, -1, &e)); /* Xapian refuses a negative scale */
    assert_int_equal(e.rc, XC_ERR_ARG);
    xc_query *phrase = two(XC_OP_PHRASE, a, b, 2);
    char *desc = xc_query_describe(phrase);
    assert_non_null(desc);
    assert_non_null(strstr(desc, "khiếu PHRASE 2 nại"));
    free(desc);
    /* a copy outlives the handle it was made from, and describes the same */
    xc_query *copy = xc_query_copy(phrase, &e);
    assert_non_null(copy);
    char *want = xc_query_describe(phrase);
    xc_query_free(phrase);
    desc = xc_query_describe(copy);
    assert_string_equal(desc, want);
    free(desc);
    free(want);
    phrase = copy;
    assert_null(xc_query_describe(NULL));
    xc_query *none = xc_query_combine(XC_OP_AND, NULL, 0, 0, &e); /* matches nothing */
    assert_non_null(none);
    xc_query_free(none);
    xc_query_free(phrase);
}

/* ---- weighting, collapse, matching terms ------------------------------- */

static const passage lengths[] = {
    {"short", "luật đất đai", "luat", NULL},
    {"long",
     "luật này quy định về chế độ sở hữu đất đai quyền hạn và trách nhiệm của nhà nước "
     "theo luật và các luật khác có liên quan đến quản lý sử dụng đất",
     "luat", NULL},
};

typedef struct {
    double k1, b;
    const char *want;
} bm25_case;

static void test_bm25(void **state)
{
    (void)state;
    build("w", lengths, 2);
    xc_db *db = open_db("w");
    /* without length normalisation (b 0) three "luật" beat one; with full
     * normalisation (b 1) the short passage wins; k1 0 ignores wdf: a tie,
     * broken by document id */
    static const bm25_case cases[] = {
        {1.2, 0.0, "long short"}, {1.2, 1.0, "short long"}, {0.0, 0.75, "short long"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        xc_enquire *enq = NULL;
        xc_mset *ms = NULL;
        xc_err e;
        xc_query *q = t("luật");
        assert_int_equal(xc_enquire_new(db, &enq, &e), XC_OK);
        assert_int_equal(xc_enquire_set_query(enq, q, &e), XC_OK);
        assert_int_equal(xc_enquire_set_bm25(enq, cases[i].k1, 0, 1, cases[i].b, 0.5, &e), XC_OK);
        assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 0, &ms, &e), XC_OK);
        char got[64];
        ids_of(ms, got, sizeof got);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("k1 %g b %g: got \"%s\", want \"%s\"", cases[i].k1, cases[i].b, got,
                     cases[i].want);
        assert_true(xc_mset_weight(ms, 0) >= xc_mset_weight(ms, 1));
        if (cases[i].k1 == 0) assert_true(xc_mset_weight(ms, 0) == xc_mset_weight(ms, 1));
        else assert_true(xc_mset_weight(ms, 0) > xc_mset_weight(ms, 1));
        assert_int_equal(xc_mset_estimated(ms), 2);
        /* a weight cutoff between the two leaves the lighter one out */
        double top = xc_mset_weight(ms, 0), low = xc_mset_weight(ms, 1);
        xc_mset_free(ms);
        if (top > low) {
            assert_int_equal(xc_enquire_set_cutoff(enq, (top + low) / 2, &e), XC_OK);
            assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 0, &ms, &e), XC_OK);
            assert_int_equal(xc_mset_size(ms), 1);
            assert_true(xc_mset_weight(ms, 0) == top);
            xc_mset_free(ms);
            assert_int_equal(xc_enquire_set_cutoff(enq, 0, &e), XC_OK);
        }
        assert_int_equal(xc_enquire_set_cutoff(enq, -1, &e), XC_ERR_ARG);
        /* out of range parameters are refused */
        assert_int_equal(xc_enquire_set_bm25(enq, -1, 0, 1, 0.75, 0.5, &e), XC_ERR_ARG);
        assert_int_equal(xc_enquire_set_bm25(enq, 1.2, 0, 1, 1.5, 0.5, &e), XC_ERR_ARG);
        xc_enquire_free(enq);
        xc_query_free(q);
    }
    xc_db_close(db);
}

static int collect_name(void *ctx, const char *term)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s%s", n ? " " : "", term);
    return 0;
}

static void test_collapse_paging_matching_terms(void **state)
{
    (void)state;
    build("c", residence, 4);
    xc_db *db = open_db("c");
    xc_enquire *enq = NULL;
    xc_mset *ms = NULL;
    xc_err e;
    xc_query *q = two(XC_OP_OR, t("trú"), t("cư"), 0);
    assert_int_equal(xc_enquire_new(db, &enq, &e), XC_OK);
    assert_int_equal(xc_enquire_set_query(enq, q, &e), XC_OK);
    static const struct {
        unsigned max, size;
    } collapse[] = {{0, 4}, {1, 3}, {2, 4}}; /* kinds: hienphap, luat x2, nghidinh */
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(xc_enquire_set_collapse(enq, 0, collapse[i].max, &e), XC_OK);
        assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 10, &ms, &e), XC_OK);
        assert_int_equal(xc_mset_size(ms), collapse[i].size);
        xc_mset_free(ms);
    }
    assert_int_equal(xc_enquire_set_collapse(enq, 0, 0, &e), XC_OK);

    /* a page: results 2..3 of the full ranking */
    char all[128], page[128], tail[128];
    assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 0, &ms, &e), XC_OK);
    ids_of(ms, all, sizeof all);
    xc_mset_free(ms);
    assert_int_equal(xc_enquire_get_mset(enq, 1, 2, 0, &ms, &e), XC_OK);
    ids_of(ms, page, sizeof page);
    assert_int_equal(xc_mset_size(ms), 2);
    const char *second = strchr(all, ' ') + 1;
    snprintf(tail, sizeof tail, "%s", second);
    *strrchr(tail, ' ') = '\0'; /* drop the fourth */
    assert_string_equal(page, tail);
    xc_mset_free(ms);

    /* matching terms of each hit, in term order */
    assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 0, &ms, &e), XC_OK);
    for (size_t i = 0; i < xc_mset_size(ms); i++) {
        char terms[256] = "";
        assert_int_equal(xc_mset_matching_terms(enq, ms, i, collect_name, terms, &e), XC_OK);
        if (xc_mset_docid(ms, i) == 2) assert_string_equal(terms, "trú"); /* ct-4: no cư */
        else assert_string_equal(terms, "cư trú");
    }
    /* fetching is a hint: any range, then the documents read as before */
    xc_mset_fetch(ms, 0, 99);
    xc_mset_fetch(ms, 5, 2);
    xc_mset_fetch(NULL, 0, 1);
    for (size_t i = 0; i < xc_mset_size(ms); i++) {
        xc_doc *fetched = NULL;
        assert_int_equal(xc_mset_document(ms, i, &fetched, &e), XC_OK);
        xc_doc_free(fetched);
    }
    assert_int_equal(xc_mset_docid(ms, 99), 0);
    assert_true(xc_mset_weight(ms, 99) == 0);
    xc_doc *d = NULL;
    assert_int_equal(xc_mset_document(ms, 99, &d, &e), XC_ERR_ARG);
    assert_null(d);
    assert_int_equal(xc_mset_matching_terms(enq, ms, 99, collect_name, NULL, &e), XC_ERR_ARG);
    xc_mset_free(ms);
    xc_query_free(q);
    xc_enquire_free(enq);
    xc_db_close(db);
}

/* ---- synonyms, metadata, all-terms ------------------------------------- */

static int collect_syn(void *ctx, const char *syn)
{
    char *out = ctx;
    size_t n = strlen(out);
    snprintf(out + n, 256 - n, "%s%s", n ? "|" : "", syn);
    return 0;
}

static int first_only(void *ctx, const char *syn)
{
    snprintf(ctx, 64, "%s", syn);
    return 1;
}

static int collect_tf(void *ctx, const char *term, unsigned tf)
{
    return collect_term(ctx, term, tf);
}

static void test_synonyms_metadata_allterms(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("s"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    for (size_t i = 0; i < 4; i++) put(w, &residence[i]);
    assert_int_equal(xc_wdb_add_synonym(w, "bhxh", "bảo hiểm xã hội", &e), XC_OK);
    assert_int_equal(xc_wdb_add_synonym(w, "bhxh", "bảo hiểm", &e), XC_OK);
    assert_int_equal(xc_wdb_add_synonym(w, "ubnd", "ủy ban nhân dân", &e), XC_OK);
    assert_int_equal(xc_wdb_add_synonym(w, "ubnd", "uỷ ban nhân dân", &e), XC_OK);
    assert_int_equal(xc_wdb_clear_synonyms(w, "ubnd", &e), XC_OK);
    const char meta[] = "{\"title\":\"Luật Cư trú 2020\"}";
    assert_int_equal(xc_wdb_set_metadata(w, "doc:ct", meta, strlen(meta), &e), XC_OK);
    assert_int_equal(xc_wdb_set_metadata(w, "empty", NULL, 0, &e), XC_OK);
    char *got = NULL;
    size_t len = 0;
    assert_int_equal(xc_wdb_get_metadata(w, "doc:ct", &got, &len, &e), XC_OK);
    assert_int_equal(len, strlen(meta)); /* uncommitted, read through the writer */
    assert_string_equal(got, meta);
    free(got);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_wdb_close(w);

    xc_db *db = open_db("s");
    char syns[256] = "";
    assert_int_equal(xc_db_synonyms(db, "bhxh", collect_syn, syns, &e), XC_OK);
    assert_string_equal(syns, "bảo hiểm|bảo hiểm xã hội");
    char first[64] = "";
    assert_int_equal(xc_db_synonyms(db, "bhxh", first_only, first, &e), XC_OK);
    assert_string_equal(first, "bảo hiểm");
    syns[0] = '\0';
    assert_int_equal(xc_db_synonyms(db, "ubnd", collect_syn, syns, &e), XC_OK);
    assert_string_equal(syns, ""); /* cleared */

    assert_int_equal(xc_db_get_metadata(db, "doc:ct", &got, &len, &e), XC_OK);
    assert_string_equal(got, meta);
    free(got);
    assert_int_equal(xc_db_get_metadata(db, "không", &got, NULL, &e), XC_OK);
    assert_string_equal(got, "");
    free(got);

    char terms[256] = "";
    assert_int_equal(xc_db_allterms(db, "Qct", collect_tf, terms, &e), XC_OK);
    assert_string_equal(terms, "Qct-27:1 Qct-4:1");
    terms[0] = '\0';
    assert_int_equal(xc_db_allterms(db, "đ", collect_tf, terms, &e), XC_OK);
    /* in UTF-8 byte order: i (69) < ă (C4 83) < ư (C6 B0) < ả (E1 BA A3) */
    assert_string_equal(terms, "đi:2 đăng:2 được:1 đảm:1");
    xc_db_close(db);
}

/* ---- shards, remote, compaction ---------------------------------------- */

static const passage insurance1[] = {
    {"x", "người lao động tham gia bảo hiểm xã hội bắt buộc", "luat", NULL}};
static const passage insurance2[] = {
    {"y", "người tham gia bảo hiểm y tế được cấp thẻ", "luat", NULL},
    {"z", "mức đóng bảo hiểm y tế hằng tháng", "luat", NULL}};

static void test_local_shards(void **state)
{
    (void)state;
    build("s1", insurance1, 1);
    build("s2", insurance2, 2);
    xc_db *db = open_db("s1");
    xc_err e;
    unsigned long rev = 0, rev_alone = 0;
    assert_int_equal(xc_db_revision(db, &rev_alone, &e), XC_OK);
    unsigned n = 0, alone = 0;
    assert_int_equal(xc_db_termfreq(db, "bảo", &alone, &e), XC_OK);
    assert_int_equal(xc_db_add_shard(db, path("s2"), &e), XC_OK);
    /* a shard added: its passages count (nothing remembered from before) */
    assert_int_equal(xc_db_termfreq(db, "bảo", &n, &e), XC_OK);
    assert_int_equal(alone, 1);
    assert_int_equal(n, 3);
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 3);
    assert_int_equal(xc_db_revision(db, &rev, &e), XC_OK); /* still the first shard's */
    assert_int_equal(rev, rev_alone);
    char got[128];
    run(db, t("bảo"), got, sizeof got);
    assert_true(strlen(got) == strlen("x y z"));
    assert_non_null(strstr(got, "x"));
    assert_non_null(strstr(got, "y"));
    assert_non_null(strstr(got, "z"));
    run(db, two(XC_OP_PHRASE, t("người"), t("tham"), 2), got, sizeof got);
    assert_string_equal(got, "y");
    /* ids interleave: shard 1's doc 1 is 1, shard 2's docs 1, 2 are 2, 4 */
    unsigned id = 0;
    assert_int_equal(xc_db_find_by_term(db, "Qz", &id, &e), XC_OK);
    assert_int_equal(id, 4);
    char terms[256] = "";
    assert_int_equal(xc_db_allterms(db, "ng", collect_tf, terms, &e), XC_OK);
    assert_string_equal(terms, "người:2");
    xc_db_close(db);
}

/* A port nothing listens on: bound, never listening, so connects are
 * refused. *fd is closed by the caller. */
static unsigned refusing_port(int *fd)
{
    struct sockaddr_in a;
    socklen_t alen = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    *fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(*fd >= 0);
    assert_int_equal(bind(*fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(*fd, (struct sockaddr *)&a, &alen), 0);
    return ntohs(a.sin_port);
}

static void test_remote_shard(void **state)
{
    (void)state;
    build("r1", insurance1, 1);
    build("r2", insurance2, 2);
    xc_db *db = open_db("r1");
    xc_err e;

    int fd;
    unsigned port = refusing_port(&fd);
    assert_int_equal(xc_db_add_remote(db, "127.0.0.1", port, 1000, &e), XC_ERR_NETWORK);
    assert_non_null(strstr(e.msg, "NetworkError: "));

    /* serve r2 from xapian-tcpsrv on that port (freed first) */
    close(fd);
    char portarg[16];
    snprintf(portarg, sizeof portarg, "%u", port);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--one-shot", "--quiet", "--interface",
               "127.0.0.1", "--port", portarg, path("r2"), (char *)NULL);
        _exit(127);
    }
    xc_rc rc = XC_ERR_NETWORK;
    for (int tries = 0; tries < 200 && rc == XC_ERR_NETWORK; tries++) {
        rc = xc_db_add_remote(db, "127.0.0.1", port, 5000, &e);
        if (rc == XC_ERR_NETWORK) {
            int status;
            if (waitpid(pid, &status, WNOHANG) == pid)
                fail_msg("xapian-tcpsrv exited (status %d): is it installed?", status);
            nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
        }
    }
    if (rc != XC_OK) {
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
        fail_msg("remote shard: %s", e.msg);
    }
    unsigned n = 0;
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 3);
    char got[128];
    run(db, two(XC_OP_AND, t("bảo"), t("người"), 0), got, sizeof got);
    assert_true(strcmp(got, "x y") == 0 || strcmp(got, "y x") == 0);
    xc_db_close(db); /* ends the one connection: the server exits */
    int status = 0;
    pid_t done = 0;
    for (int tries = 0; tries < 200 && done == 0; tries++) {
        done = waitpid(pid, &status, WNOHANG);
        if (done == 0) nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
    }
    if (done != pid) {
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
        fail_msg("xapian-tcpsrv --one-shot did not exit after the connection closed");
    }
}

static void test_compact(void **state)
{
    (void)state;
    xc_wdb *w = NULL;
    xc_err e;
    assert_int_equal(xc_wdb_open(path("big"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    for (size_t i = 0; i < 4; i++) put(w, &residence[i]);
    assert_int_equal(xc_wdb_delete_by_term(w, "Qhp-23", &e), XC_OK); /* docid 1 gone */
    assert_int_equal(xc_wdb_set_metadata(w, "version", "3", 1, &e), XC_OK);
    assert_int_equal(xc_wdb_commit(w, &e), XC_OK);
    xc_wdb_close(w);

    assert_int_equal(xc_compact(path("big"), path("small"), &e), XC_OK);
    xc_db *db = open_db("small");
    unsigned n = 0, id = 0;
    assert_int_equal(xc_db_doccount(db, &n, &e), XC_OK);
    assert_int_equal(n, 3);
    assert_int_equal(xc_db_find_by_term(db, "Qnd-2", &id, &e), XC_OK);
    assert_int_equal(id, 4); /* document ids kept */
    char *v = NULL;
    assert_int_equal(xc_db_get_metadata(db, "version", &v, NULL, &e), XC_OK);
    assert_string_equal(v, "3");
    free(v);
    char got[128];
    run(db, t("tạm"), got, sizeof got);
    assert_int_equal(strlen(got), strlen("ct-4 ct-27"));
    xc_db_close(db);
}

/* ---- errors and NULL arguments ------------------------------------------ */

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : -1;
        if (n < 0) return 0;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80) return 0;
    }
    return 1;
}

static void test_long_message_truncated_on_character(void **state)
{
    (void)state;
    build("m", residence, 1);
    xc_db *db = open_db("m");
    static const char word[] = "điều"; /* đ 2 bytes, i, ề 3 bytes, u: 7 */
    for (size_t pad = 0; pad < strlen(word); pad++) { /* the cut lands on every byte */
        char term[600];
        size_t n = 0;
        for (; n < pad; n++) term[n] = 'x';
        while (n + strlen(word) < sizeof term) {
            memcpy(term + n, word, strlen(word));
            n += strlen(word);
        }
        term[n] = '\0';
        unsigned id;
        xc_err e;
        assert_int_equal(xc_db_find_by_term(db, term, &id, &e), XC_ERR_NOTFOUND);
        assert_true(strlen(e.msg) < sizeof e.msg);
        assert_true(strlen(e.msg) > sizeof e.msg - 6);
        assert_true(valid_utf8(e.msg));
    }
    xc_db_close(db);
}

static void expect_arg(const char *call, xc_rc rc, const xc_err *e)
{
    if (rc != XC_ERR_ARG || e->rc != XC_ERR_ARG ||
        strncmp(e->msg, "InvalidArgumentError: ", 22) != 0)
        fail_msg("%s: rc %d, err %d \"%s\"", call, rc, e->rc, e->msg);
}
#define EXPECT_ARG(call) expect_arg(#call, (call), &e)

static int no_syn(void *ctx, const char *s)
{
    (void)ctx;
    (void)s;
    return 0;
}
static int no_term(void *ctx, const char *s, unsigned n)
{
    (void)ctx;
    (void)s;
    (void)n;
    return 0;
}

static void test_null_arguments(void **state)
{
    (void)state;
    build("n", residence, 2);
    xc_db *db = open_db("n");
    xc_wdb *w = NULL;
    xc_doc *d = NULL;
    xc_enquire *enq = NULL;
    xc_mset *ms = NULL;
    xc_query *q = t("quyền");
    xc_err e;
    assert_int_equal(xc_wdb_open(path("nw"), XC_WDB_CREATE_OR_OVERWRITE, &w, &e), XC_OK);
    assert_int_equal(xc_doc_new(&d, &e), XC_OK);
    assert_int_equal(xc_enquire_new(db, &enq, &e), XC_OK);
    assert_int_equal(xc_enquire_set_query(enq, q, &e), XC_OK);
    assert_int_equal(xc_enquire_get_mset(enq, 0, 10, 0, &ms, &e), XC_OK);
    unsigned u;
    unsigned long ul;
    double dbl;
    char *s;
    size_t len;
    const char *cs;
    xc_db *db2;
    xc_wdb *w2;
    xc_doc *d2;
    xc_enquire *enq2;
    xc_mset *ms2;

    EXPECT_ARG(xc_db_open(NULL, &db2, &e));
    EXPECT_ARG(xc_db_open(path("n"), NULL, &e));
    EXPECT_ARG(xc_db_add_shard(NULL, path("n"), &e));
    EXPECT_ARG(xc_db_add_shard(db, NULL, &e));
    EXPECT_ARG(xc_db_add_remote(NULL, "127.0.0.1", 1, 10, &e));
    EXPECT_ARG(xc_db_add_remote(db, NULL, 1, 10, &e));
    EXPECT_ARG(xc_db_reopen(NULL, NULL, &e));
    EXPECT_ARG(xc_db_doccount(NULL, &u, &e));
    EXPECT_ARG(xc_db_doccount(db, NULL, &e));
    EXPECT_ARG(xc_db_termfreq(db, NULL, &u, &e));
    EXPECT_ARG(xc_db_termfreq_once(db, NULL, &u, &e));
    EXPECT_ARG(xc_db_avlength(db, NULL, &e));
    EXPECT_ARG(xc_db_avlength(NULL, &dbl, &e));
    EXPECT_ARG(xc_db_revision(NULL, &ul, &e));
    EXPECT_ARG(xc_db_find_by_term(db, NULL, &u, &e));
    EXPECT_ARG(xc_db_find_by_term(db, "Qct-4", NULL, &e));
    EXPECT_ARG(xc_db_get_document(NULL, 1, &d2, &e));
    EXPECT_ARG(xc_db_get_document(db, 1, NULL, &e));
    EXPECT_ARG(xc_db_get_metadata(db, NULL, &s, &len, &e));
    EXPECT_ARG(xc_db_get_metadata(db, "k", NULL, &len, &e));
    EXPECT_ARG(xc_db_synonyms(db, "x", NULL, NULL, &e));
    EXPECT_ARG(xc_db_synonyms(NULL, "x", no_syn, NULL, &e));
    EXPECT_ARG(xc_db_allterms(db, "", NULL, NULL, &e));
    EXPECT_ARG(xc_db_allterms(NULL, "", no_term, NULL, &e));
    EXPECT_ARG(xc_wdb_open(NULL, XC_WDB_OPEN, &w2, &e));
    EXPECT_ARG(xc_wdb_open(path("nw2"), XC_WDB_OPEN, NULL, &e));
    EXPECT_ARG(xc_wdb_begin_transaction(NULL, &e));
    EXPECT_ARG(xc_wdb_commit_transaction(NULL, &e));
    EXPECT_ARG(xc_wdb_cancel_transaction(NULL, &e));
    EXPECT_ARG(xc_wdb_commit(NULL, &e));
    EXPECT_ARG(xc_wdb_replace_by_term(NULL, "Qa", d, NULL, &e));
    EXPECT_ARG(xc_wdb_replace_by_term(w, NULL, d, NULL, &e));
    EXPECT_ARG(xc_wdb_replace_by_term(w, "Qa", NULL, NULL, &e));
    EXPECT_ARG(xc_wdb_replace_by_term(w, "", d, NULL, &e));
    EXPECT_ARG(xc_wdb_delete_by_term(w, NULL, &e));
    EXPECT_ARG(xc_wdb_add_synonym(w, "a", NULL, &e));
    EXPECT_ARG(xc_wdb_clear_synonyms(w, NULL, &e));
    EXPECT_ARG(xc_wdb_set_metadata(w, NULL, "v", 1, &e));
    EXPECT_ARG(xc_wdb_set_metadata(w, "k", NULL, 1, &e));
    EXPECT_ARG(xc_wdb_get_metadata(w, "k", NULL, NULL, &e));
    EXPECT_ARG(xc_wdb_doccount(NULL, &u, &e));
    EXPECT_ARG(xc_wdb_termfreq(w, NULL, &u, &e));
    EXPECT_ARG(xc_wdb_find_by_term(w, "Q", NULL, &e));
    EXPECT_ARG(xc_wdb_get_document(w, 1, NULL, &e));
    EXPECT_ARG(xc_compact(NULL, path("c"), &e));
    EXPECT_ARG(xc_compact(path("n"), NULL, &e));
    EXPECT_ARG(xc_doc_new(NULL, &e));
    EXPECT_ARG(xc_doc_add_posting(d, NULL, 1, 1, &e));
    EXPECT_ARG(xc_doc_add_posting(NULL, "a", 1, 1, &e));
    EXPECT_ARG(xc_doc_add_term(NULL, "a", 1, &e));
    EXPECT_ARG(xc_doc_set_data(d, NULL, 3, &e));
    EXPECT_ARG(xc_doc_get_data(d, NULL, &len, &e));
    EXPECT_ARG(xc_doc_get_data(d, &cs, NULL, &e));
    EXPECT_ARG(xc_doc_set_value(d, 0, NULL, 2, &e));
    EXPECT_ARG(xc_doc_get_value(NULL, 0, &cs, &len, &e));
    EXPECT_ARG(xc_doc_terms(d, "", NULL, NULL, &e));
    EXPECT_ARG(xc_enquire_new(NULL, &enq2, &e));
    EXPECT_ARG(xc_enquire_new(db, NULL, &e));
    EXPECT_ARG(xc_enquire_set_query(enq, NULL, &e));
    EXPECT_ARG(xc_enquire_set_query(NULL, q, &e));
    EXPECT_ARG(xc_enquire_set_bm25(NULL, 1.2, 0, 1, 0.75, 0.5, &e));
    EXPECT_ARG(xc_enquire_set_collapse(NULL, 0, 1, &e));
    EXPECT_ARG(xc_enquire_set_cutoff(NULL, 1, &e));
    EXPECT_ARG(xc_enquire_get_mset(NULL, 0, 10, 0, &ms2, &e));
    EXPECT_ARG(xc_enquire_get_mset(enq, 0, 10, 0, NULL, &e));
    EXPECT_ARG(xc_mset_document(NULL, 0, &d2, &e));
    EXPECT_ARG(xc_mset_document(ms, 0, NULL, &e));
    EXPECT_ARG(xc_mset_matching_terms(NULL, ms, 0, no_syn, NULL, &e));
    EXPECT_ARG(xc_mset_matching_terms(enq, NULL, 0, no_syn, NULL, &e));
    EXPECT_ARG(xc_mset_matching_terms(enq, ms, 0, NULL, NULL, &e));

    /* constructors answer NULL with the error filled */
    assert_null(xc_query_term(NULL, 1, 0, &e));
    assert_int_equal(e.rc, XC_ERR_ARG);
    assert_null(xc_query_scale(NULL, 2, &e));
    assert_int_equal(e.rc, XC_ERR_ARG);
    assert_null(xc_query_copy(NULL, &e));
    assert_int_equal(e.rc, XC_ERR_ARG);
    assert_null(xc_query_combine(XC_OP_AND, NULL, 2, 0, &e));
    assert_int_equal(e.rc, XC_ERR_ARG);
    /* a NULL err is allowed */
    assert_int_equal(xc_db_open(NULL, NULL, NULL), XC_ERR_ARG);
    assert_int_equal(xc_db_open(path("không-có"), &db2, NULL), XC_ERR_NOTFOUND);
    assert_null(xc_query_term(NULL, 1, 0, NULL));
    /* success clears err */
    assert_int_equal(xc_db_doccount(db, &u, &e), XC_OK);
    assert_int_equal(e.rc, XC_OK);
    assert_string_equal(e.msg, "");
    /* getters and frees take NULL */
    assert_int_equal(xc_mset_size(NULL), 0);
    assert_int_equal(xc_mset_estimated(NULL), 0);
    assert_int_equal(xc_mset_docid(NULL, 0), 0);
    assert_true(xc_mset_weight(NULL, 0) == 0);
    xc_db_close(NULL);
    xc_wdb_close(NULL);
    xc_doc_free(NULL);
    xc_query_free(NULL);
    xc_enquire_free(NULL);
    xc_mset_free(NULL);

    xc_mset_free(ms);
    xc_enquire_free(enq);
    xc_query_free(q);
    xc_doc_free(d);
    xc_wdb_close(w);
    xc_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_replace_delete_reopen),
        cmocka_unit_test(test_document_terms_and_data),
        cmocka_unit_test(test_transactions),
        cmocka_unit_test(test_flushing_transactions),
        cmocka_unit_test(test_lock),
        cmocka_unit_test(test_missing_and_bad_databases),
        cmocka_unit_test(test_queries),
        cmocka_unit_test(test_query_construction),
        cmocka_unit_test(test_bm25),
        cmocka_unit_test(test_collapse_paging_matching_terms),
        cmocka_unit_test(test_synonyms_metadata_allterms),
        cmocka_unit_test(test_local_shards),
        cmocka_unit_test(test_remote_shard),
        cmocka_unit_test(test_compact),
        cmocka_unit_test(test_long_message_truncated_on_character),
        cmocka_unit_test(test_null_arguments),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
