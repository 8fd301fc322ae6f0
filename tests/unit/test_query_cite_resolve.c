/* test_query_cite_resolve.c — query/cite_resolve.c: short citations in a
 * question resolved through the citation keys of an index (written here in
 * the format cite_keys.h documents): a number head with a type beside it
 * (not a month), the one document of that type; a law by name, with or
 * without its year, only when the question cites an article; no guess when
 * the citation is ambiguous or unknown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/cite_keys.h"
#include "../../query/cite_resolve.h"
#include "../support/test_support.h"


static void write_keys(xc_wdb *w, void *ctx)
{
    (void)ctx;
    static const struct { const char *key, *value; } keys[] = {
        {LS_METADATA_NUMBER "13/2023", "13/2023/nđ-cp\n13/2023/tt-bct"},
        {LS_METADATA_NUMBER "7/2020", "7/2020/nđ-cp"},
        {LS_METADATA_NUMBER "5/2021", "5/2021/nq-hđnd\n5/2021/nq-cp"},
        {LS_METADATA_LAW "luat dat dai", "2024-01-18\t31/2024/qh15"},
        {LS_METADATA_LAW "luat dat dai@2013", "45/2013/qh13"},
        {LS_METADATA_LAW "luat dat dai@2024", "31/2024/qh15"},
        {LS_METADATA_LAW "bo luat dan su", "2015-11-24\t91/2015/qh13"},
        {LS_METADATA_LAW "bo luat dan su@2015", "91/2015/qh13"},
    };
    xc_err xe;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        assert_int_equal(xc_wdb_set_metadata(w, keys[i].key, keys[i].value, strlen(keys[i].value), &xe),
                         XC_OK);
}

static int setup(void **state)
{
    *state = ts_index_new(write_keys, NULL);
    return 0;
}

static void test_short_citations(void **state)
{
    xc_db *db = ((ts_index *)*state)->db;
    static const struct { const char *q, *doc; } cases[] = {
        /* a number head with the type beside it */
        {"nđ 13/2023 quy định gì", "13/2023/nđ-cp"},
        {"nd 13/2023", "13/2023/nđ-cp"},
        {"Nghị định 13/2023 về dữ liệu cá nhân", "13/2023/nđ-cp"},
        {"thông tư 13/2023 về an toàn điện", "13/2023/tt-bct"},
        {"Nghị định 7/2020", "7/2020/nđ-cp"},
        /* no type: "13/2023" alone is no citation */
        {"13/2023 về dữ liệu", NULL},
        /* a month, not a number */
        {"nghị định áp dụng từ tháng 7/2020", NULL},
        /* a type no document of that head has */
        {"quyết định 13/2023", NULL},
        /* two of that type: ambiguous, no guess */
        {"nghị quyết 5/2021", NULL},
        /* not in the index */
        {"nghị định 99/2023", NULL},
        /* a law by name, with an article */
        {"Điều 5 Luật Đất đai 2013", "45/2013/qh13"},
        {"Điều 5 Luật Đất đai", "31/2024/qh15"},
        {"dieu 5 luat dat dai", "31/2024/qh15"},
        {"Điều 5 Luật Đất đai sửa đổi bổ sung", "31/2024/qh15"},   /* the longest known name */
        {"Điều 3 Bộ luật Dân sự", "91/2015/qh13"},
        /* the name known in other years only: no guess */
        {"Điều 5 Luật Đất đai 2020", NULL},
        /* named in passing, no article: context, not a citation */
        {"Luật Đất đai quy định gì về thu hồi đất", NULL},
        {"Điều 5 Luật Hôn nhân", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *q = cases[i].q;
        ls_plan *p = NULL;
        ls_error err = {0};
        assert_int_equal(ls_plan_build(q, strlen(q), &p, &err), LS_OK);
        assert_null(p->doc_id);  /* no full number in these questions */
        assert_int_equal(ls_resolve_short_citation(db, p, q, strlen(q), &err), LS_OK);
        if (cases[i].doc ? !p->doc_id || strcmp(p->doc_id, cases[i].doc) != 0 : p->doc_id != NULL)
            fprintf(stderr, "%s -> %s\n", q, p->doc_id ? p->doc_id : "(none)");
        if (cases[i].doc) assert_string_equal(p->doc_id, cases[i].doc);
        else assert_null(p->doc_id);
        ls_plan_free(p);
    }
}

/* A full number in the question is the plan's: left as it is. */
static void test_full_number_kept(void **state)
{
    xc_db *db = ((ts_index *)*state)->db;
    const char *q = "Điều 5 Nghị định 13/2023/NĐ-CP";
    ls_plan *p = NULL;
    ls_error err = {0};
    assert_int_equal(ls_plan_build(q, strlen(q), &p, &err), LS_OK);
    assert_non_null(p->doc_id);
    char *before = strdup(p->doc_id);
    assert_int_equal(ls_resolve_short_citation(db, p, q, strlen(q), &err), LS_OK);
    assert_string_equal(p->doc_id, before);
    free(before);
    ls_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_citations),
        cmocka_unit_test(test_full_number_kept),
    };
    return cmocka_run_group_tests(tests, setup, ts_index_teardown);
}
