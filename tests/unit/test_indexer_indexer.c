/* test_indexer_indexer.c — the indexer and the stored passage records: writer lock
 * naming the holder's pid, replace-by-id (idempotent re-indexing), removal,
 * uncommitted work dropped on close, passage JSON round trip. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../indexer/indexer.h"
#include "../../format/passage_data.h"
#include "../../query/search.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

static ls_document *make_doc(const char *number, const char *id, int narticles, const char *word)
{
    ls_document *d = ls_document_new();
    assert_non_null(d);
    ls_strset(&d->number, number, strlen(number));
    ls_strset(&d->id, id, strlen(id));
    ls_strset(&d->type, "Nghị định", strlen("Nghị định"));
    ls_strset(&d->issuer, "Chính phủ", strlen("Chính phủ"));
    ls_strset(&d->issued, "2023-04-17", 10);
    ls_strset(&d->title, "Nghị định về bảo vệ dữ liệu cá nhân", strlen("Nghị định về bảo vệ dữ liệu cá nhân"));
    for (int i = 1; i <= narticles; i++) {
        ls_article *a = ls_document_add_article(d);
        char num[16], text[256];
        snprintf(num, sizeof num, "%d", i);
        int n = snprintf(text, sizeof text,
                         "1. Dữ liệu cá nhân được bảo vệ theo quy định của pháp luật %s.\n"
                         "2. Chủ thể dữ liệu có quyền được biết.", word);
        ls_strset(&a->number, num, strlen(num));
        ls_strset(&a->heading, "Quyền của chủ thể dữ liệu", strlen("Quyền của chủ thể dữ liệu"));
        ls_strset(&a->text, text, (size_t)n);
        a->text_len = (size_t)n;
    }
    return d;
}

static unsigned count_hits(const char *db, const char *q)
{
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db, &s, &err), LS_OK);
    ls_search_request req = {.query = q, .limit = 100, .per_document = ~0u};
    ls_results *r = NULL;
    assert_int_equal(ls_search(s, &req, &r, &err), LS_OK);
    unsigned n = (unsigned)r->nhits;
    ls_results_free(r);
    ls_searcher_close(s);
    return n;
}

static void test_lock_names_holder(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    ls_indexer *a = NULL, *b = NULL;
    ls_error err = {0};
    assert_int_equal(ls_indexer_open(dir, NULL, &a, &err), LS_OK);
    assert_int_equal(ls_indexer_open(dir, NULL, &b, &err), LS_ERR_LOCKED);
    assert_null(b);
    char want[64];
    snprintf(want, sizeof want, "locked by pid %ld", (long)getpid());
    assert_non_null(strstr(err.msg, want));
    ls_indexer_close(a);
    ls_error_clear(&err);
    assert_int_equal(ls_indexer_open(dir, NULL, &b, &err), LS_OK); /* released */
    ls_indexer_close(b);
    ts_rmtree(dir);
    free(dir);
}

static void test_replace_remove_and_drop(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    ls_error err = {0};
    ls_indexer *ix = NULL;
    ls_document *d = make_doc("13/2023/NĐ-CP", "13/2023/nđ-cp", 3, "hiện hành");
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_add(ix, d, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    assert_int_equal(ls_indexer_counts(ix)->passages_added, 3);
    /* same document again: every passage replaced, none added */
    assert_int_equal(ls_indexer_add(ix, d, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    assert_int_equal(ls_indexer_counts(ix)->passages_added, 3);
    assert_int_equal(ls_indexer_counts(ix)->passages_replaced, 3);
    ls_indexer_close(ix);
    assert_int_equal(count_hits(dir, "dữ liệu cá nhân"), 3);

    /* work not committed before close is dropped */
    ls_document *other = make_doc("01/2021/TT-BTP", "01/2021/tt-btp", 2, "xuất bản");
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_add(ix, other, &err), LS_OK);
    ls_indexer_close(ix);
    assert_int_equal(count_hits(dir, "xuất bản"), 0);

    /* removal takes every passage of the document */
    unsigned removed = 0;
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_remove(ix, "13/2023/nđ-cp", &removed, &err), LS_OK);
    assert_int_equal(removed, 1);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    assert_int_equal(ls_indexer_remove(ix, "13/2023/nđ-cp", &removed, &err), LS_ERR_NOTFOUND);
    ls_indexer_close(ix);
    assert_int_equal(count_hits(dir, "dữ liệu cá nhân"), 0);
    ls_document_free(d);
    ls_document_free(other);
    ts_rmtree(dir);
    free(dir);
}

static void test_document_without_id_refused(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    ls_error err = {0};
    ls_indexer *ix = NULL;
    ls_document *d = ls_document_new();
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_add(ix, d, &err), LS_ERR_ARG);
    assert_non_null(strstr(err.msg, "no number"));
    ls_indexer_close(ix);
    ls_document_free(d);
    ts_rmtree(dir);
    free(dir);
}

/* an id too long for Xapian's terms is refused as a limit (the document
 * is skipped), not a failure of the index that ends the run */
static void test_overlong_id_refused(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    char id[400];
    memset(id, 'a', sizeof id - 1);
    id[sizeof id - 1] = '\0';
    ls_error err = {0};
    ls_indexer *ix = NULL;
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    ls_document *d = make_doc(id, id, 1, "dài");
    assert_int_equal(ls_indexer_add(ix, d, &err), LS_ERR_LIMIT);
    ls_document_free(d);
    d = make_doc("13/2023/NĐ-CP", "13/2023/NĐ-CP", 1, "ngắn");
    assert_int_equal(ls_indexer_add(ix, d, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_document_free(d);
    ls_indexer_close(ix);
    assert_int_equal(count_hits(dir, "ngắn"), 1);
    ts_rmtree(dir);
    free(dir);
}

static void test_passage_round_trip(void **state)
{
    (void)state;
    ls_document *d = make_doc("45/2019/QH14", "45/2019/qh14", 1, "lao động");
    ls_article *a = &d->articles[0];
    a->clauses = calloc(1, sizeof *a->clauses);
    a->nclauses = 1;
    ls_strset(&a->clauses[0].number, "2", 1);
    a->clauses[0].start = 5;
    a->clauses[0].end = 20;
    ls_buf b = LS_BUF_INIT;
    ls_error err = {0};
    assert_int_equal(ls_passage_encode(d, a, &b, &err), LS_OK);
    ls_passage *p = NULL;
    assert_int_equal(ls_passage_decode(b.data, b.len, &p, &err), LS_OK);
    assert_string_equal(p->doc_number, "45/2019/QH14");
    assert_string_equal(p->issuer, "Chính phủ");
    assert_string_equal(p->heading, "Quyền của chủ thể dữ liệu");
    assert_int_equal(p->text_len, a->text_len);
    assert_memory_equal(p->text, a->text, a->text_len);
    assert_int_equal(p->nclauses, 1);
    assert_string_equal(p->clauses[0].number, "2");
    assert_int_equal(p->clauses[0].end, 20);
    char *cite = ls_citation_format(p, "2");
    assert_string_equal(cite, "khoản 2 Điều 1 Nghị định số 45/2019/QH14");
    free(cite);
    ls_passage_free(p);
    assert_int_equal(ls_passage_decode("not json", 8, &p, &err), LS_ERR_FORMAT);
    ls_buf_free(&b);
    ls_document_free(d);
    assert_string_equal(ls_status_code("Còn hiệu lực"), "in-force");
    assert_string_equal(ls_status_code("hết hiệu lực một phần"), "partly-repealed");
    assert_string_equal(ls_status_code("hết hiệu lực"), "repealed");
    assert_string_equal(ls_status_code(NULL), "unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lock_names_holder),
        cmocka_unit_test(test_replace_remove_and_drop),
        cmocka_unit_test(test_document_without_id_refused),
        cmocka_unit_test(test_overlong_id_refused),
        cmocka_unit_test(test_passage_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
