/* test_confidence_evidence.c — the confidence feature read from the index
 * beside the ranking (query/confidence.h): `unheld`, hit 1's document
 * details a document, cited by number in its title, that the index does
 * not hold. Over corpus/sample and three texts made here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../corpus/reader.h"
#include "../../query/confidence.h"
#include "../../query/search.h"
#include "../support/test_support.h"

/* A circular detailing a decree the index lacks (999/2011/NĐ-CP), one on
 * the same topic detailing a decree it holds, and that decree. */
static const char texts_jsonl[] =
    "{\"number\": \"31/2012/TT-BNNPTNT\", \"type\": \"Thông tư\", \"issuer\": \"Bộ Nông nghiệp\","
    " \"issued\": \"2012-02-10\", \"effective\": \"2012-03-01\","
    " \"title\": \"Thông tư quy định chi tiết Nghị định số 999/2011/NĐ-CP về nuôi chim yến\","
    " \"articles\": [{\"number\": \"1\", \"heading\": \"Điều kiện nhà nuôi chim yến\","
    " \"text\": \"Nhà nuôi chim yến phải cách khu dân cư tập trung ít nhất 300 mét.\"}]}\n"
    "{\"number\": \"88/2020/NĐ-CP\", \"type\": \"Nghị định\", \"issuer\": \"Chính phủ\","
    " \"issued\": \"2020-05-04\", \"effective\": \"2020-07-01\","
    " \"title\": \"Nghị định về quản lý nuôi chim yến\","
    " \"articles\": [{\"number\": \"1\", \"heading\": \"Phạm vi điều chỉnh\","
    " \"text\": \"Nghị định này quy định về quản lý hoạt động nuôi chim yến và khai thác tổ yến.\"}]}\n"
    "{\"number\": \"12/2021/TT-BNNPTNT\", \"type\": \"Thông tư\", \"issuer\": \"Bộ Nông nghiệp\","
    " \"issued\": \"2021-06-01\", \"effective\": \"2021-08-01\","
    " \"title\": \"Thông tư quy định chi tiết Nghị định số 88/2020/NĐ-CP về nuôi chim yến\","
    " \"articles\": [{\"number\": \"1\", \"heading\": \"Khai thác tổ yến\","
    " \"text\": \"Việc khai thác tổ yến trong nhà nuôi chim yến được thực hiện theo mùa sinh sản.\"}]}\n";

static char *dir;
static ls_searcher *s;

static int setup(void **state)
{
    (void)state;
    ts_text t = {"yen.jsonl", texts_jsonl, sizeof texts_jsonl - 1, LS_FORMAT_JSONL};
    return ts_open_sample(&t, 1, &dir, &s);
}

static int teardown(void **state)
{
    ts_close_sample(dir, s);
    return ts_shutdown_analyser(state);
}

static ls_results *ask(const char *q)
{
    ls_search_request req = {.query = q, .limit = 10};
    ls_results *r = NULL;
    ls_error err = {0};
    assert_int_equal(ls_search(s, &req, &r, &err), LS_OK);
    assert_non_null(r);
    assert_true(r->nhits > 0);
    return r;
}

/* hit 1 details 999/2011/NĐ-CP, which is not indexed: unheld; hit 1
 * details 88/2020/NĐ-CP, which is: not */
static void test_unheld(void **state)
{
    (void)state;
    ls_results *r = ask("điều kiện nhà nuôi chim yến cách khu dân cư");
    assert_string_equal(r->hits[0].passage->doc_id, "31/2012/tt-bnnptnt");
    assert_true(r->features.x[LS_CF_UNHELD] == 1);
    ls_results_free(r);
    r = ask("khai thác tổ yến theo mùa sinh sản");
    assert_string_equal(r->hits[0].passage->doc_id, "12/2021/tt-bnnptnt");
    assert_true(r->features.x[LS_CF_UNHELD] == 0);
    ls_results_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unheld),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
