/* test_cite_model.c — the one citation model (cite/model.c, cite.h): a
 * phrase of ls_references_find and an item of ls_cite_extract are the same
 * ls_cite (a phrase's group is itself); ls_cite_copy copies every owned
 * string (the copy outlives the original, each freed once: run under ASan
 * and valgrind by make check-asan); ls_cite_clear zeroes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../cite/cite.h"

static void test_phrase_and_items(void **state)
{
    (void)state;
    const char *t = "theo khoản 4 và khoản 5 Điều 70 Luật Đất đai năm 2024";
    ls_cite *refs = NULL, *items = NULL;
    size_t nr = 0, ni = 0;
    assert_int_equal(ls_references_find(t, strlen(t), &refs, &nr, NULL), LS_OK);
    assert_int_equal(ls_cite_extract(t, strlen(t), &items, &ni, NULL), LS_OK);
    assert_int_equal(nr, 1);
    assert_int_equal(ni, 2);
    assert_int_equal(refs[0].group_start, refs[0].start);
    assert_int_equal(refs[0].group_end, refs[0].end);
    assert_null(refs[0].citation);
    assert_string_equal(refs[0].clause, "4");     /* a phrase keeps its first */
    for (size_t i = 0; i < ni; i++) {
        assert_int_equal(items[i].group_start, refs[0].start);
        assert_int_equal(items[i].group_end, refs[0].end);
        assert_string_equal(items[i].law_name, refs[0].law_name);
        assert_string_equal(items[i].year, "2024");
    }
    assert_string_equal(items[1].citation, "khoản 5 Điều 70 Luật Đất đai năm 2024");
    ls_cites_free(refs, nr);
    ls_cites_free(items, ni);
}

static void test_copy_and_clear(void **state)
{
    (void)state;
    const char *t = "điểm a khoản 1 Điều 72 Nghị định số 13/2023/NĐ-CP";
    ls_cite *c = NULL;
    size_t n = 0;
    assert_int_equal(ls_cite_extract(t, strlen(t), &c, &n, NULL), LS_OK);
    assert_int_equal(n, 1);
    c[0].why = strdup("because");
    c[0].candidates = calloc(2, sizeof *c[0].candidates);
    c[0].candidates[0] = strdup("13/2023/nđ-cp");
    c[0].candidates[1] = strdup("13/2023/nđ-cp-2");
    c[0].ncandidates = 2;
    ls_cite copy;
    assert_int_equal(ls_cite_copy(&copy, &c[0]), LS_OK);
    assert_ptr_not_equal(copy.doc_number, c[0].doc_number);
    assert_ptr_not_equal(copy.candidates, c[0].candidates);
    ls_cites_free(c, n);   /* the copy stands alone */
    assert_string_equal(copy.doc_number, "13/2023/nđ-cp");
    assert_string_equal(copy.point, "a");
    assert_string_equal(copy.citation, "điểm a khoản 1 Điều 72 Nghị định số 13/2023/NĐ-CP");
    assert_string_equal(copy.why, "because");
    assert_string_equal(copy.candidates[1], "13/2023/nđ-cp-2");
    ls_cite_clear(&copy);
    ls_cite zero;
    memset(&zero, 0, sizeof zero);
    assert_memory_equal(&copy, &zero, sizeof zero);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phrase_and_items),
        cmocka_unit_test(test_copy_and_clear),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ls_cite_shutdown();
    return rc;
}
