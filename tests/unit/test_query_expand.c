/* test_query_expand.c — query/expand.c: a question's words and adjacent
 * pairs looked up in an index's synonym store (written here, so the cases
 * do not depend on the built-in table): the exact key when the question has
 * diacritics, the folded one when it has none; fillers never expanded;
 * expansions appended after the question at positions of their own; at most
 * eight expansions of one key; keys of up to four words; the paper word
 * "đơn" dropped before a legal act ("rút đơn tố cáo" -> "rút tố cáo"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/expand.h"
#include "../support/test_support.h"


static void write_store(xc_wdb *w, void *ctx)
{
    (void)ctx;
    static const struct { const char *key, *syn; } store[] = {
        {"bhxh", "bảo hiểm xã hội"},
        {"cccd", "căn cước công dân"},
        {"sổ đỏ", "giấy chứng nhận"},      /* a pair, exact */
        {"so do", "giấy chứng nhận"},      /* the same, folded */
        {"ho khau", "thường trú"},         /* folded only */
        {"là", "định nghĩa"},              /* a filler's word: never looked up */
        {"gì", "cái"},
        {"ủy ban xã", "ủy ban nhân dân cấp xã"},        /* three words */
        {"uy ban xa", "ủy ban nhân dân cấp xã"},
        {"sàng lọc trước sinh", "tầm soát trước sinh"}, /* four words */
        {"một hai ba bốn năm", "sáu"},                  /* five: too long */
        /* more than the eight expansions kept */
        {"xe", "một"}, {"xe", "hai"}, {"xe", "ba"}, {"xe", "bốn"}, {"xe", "năm"},
        {"xe", "sáu"}, {"xe", "bảy"}, {"xe", "tám"}, {"xe", "chín"}, {"xe", "mười"},
    };
    xc_err xe;
    for (size_t i = 0; i < sizeof store / sizeof store[0]; i++)
        assert_int_equal(xc_wdb_add_synonym(w, store[i].key, store[i].syn, &xe), XC_OK);
}

static int setup(void **state)
{
    *state = ts_index_new(write_store, NULL);
    return 0;
}

/* The question's plan after expansion in the group's index; *original =
 * its terms before. */
static ls_plan *expanded(void **state, const char *q, size_t *original)
{
    ls_plan *p = NULL;
    ls_error err = {0};
    assert_int_equal(ls_plan_build(q, strlen(q), &p, &err), LS_OK);
    *original = p->nterms;
    assert_int_equal(ls_plan_expand(p, ((ts_index *)*state)->db, &err), LS_OK);
    return p;
}

/* The appended terms as "term@position term@position ...". */
static void appended(const ls_plan *p, size_t from, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = from; i < p->nterms; i++) {
        char one[128];
        assert_true(p->terms[i].expansion);
        snprintf(one, sizeof one, "%s%s@%u", i > from ? " " : "", p->terms[i].term,
                 p->terms[i].position);
        strncat(out, one, cap - strlen(out) - 1);
    }
}

static void test_expansions(void **state)
{
    static const struct { const char *q, *want; } cases[] = {
        {"mức đóng BHXH", "bảo@10000 hiểm@10001 xã@10002 hội@10003"},
        {"muc dong bhxh", "bảo@10000 hiểm@10001 xã@10002 hội@10003"},
        /* one phrase after another, 100 positions apart: no pair across */
        {"BHXH và CCCD", "bảo@10000 hiểm@10001 xã@10002 hội@10003 "
                         "căn@10100 cước@10101 công@10102 dân@10103"},
        /* an adjacent pair, exact or folded */
        {"cấp sổ đỏ", "giấy@10000 chứng@10001 nhận@10002"},
        {"cap so do", "giấy@10000 chứng@10001 nhận@10002"},
        /* with diacritics the folded key is not looked up */
        {"đăng ký hộ khẩu", ""},
        {"dang ky ho khau", "thường@10000 trú@10001"},
        /* "là gì" is a filler phrase: its words are not expanded */
        {"sổ đỏ là gì", "giấy@10000 chứng@10001 nhận@10002"},
        {"thủ tục ly hôn", ""},
        /* keys of three and four words, and never longer */
        {"Ủy ban xã có thẩm quyền", "ủy@10000 ban@10001 nhân@10002 dân@10003 cấp@10004 xã@10005"},
        {"uy ban xa", "ủy@10000 ban@10001 nhân@10002 dân@10003 cấp@10004 xã@10005"},
        {"quy định sàng lọc trước sinh", "tầm@10000 soát@10001 trước@10002 sinh@10003"},
        {"một hai ba bốn năm", ""},
        /* "đơn" between a word and a legal act: the phrase without it */
        {"rút đơn tố cáo", "rút@10000 tố@10001 cáo@10002"},
        {"rut don khieu nai", "rut@10000 khieu@10001 nai@10002"},
        {"Việc rút đơn khởi kiện", "rút@10000 khởi@10001 kiện@10002"},
        /* not before another noun, nor in a word of its own */
        {"rút đơn xin việc", ""},
        {"nguyên đơn khởi kiện", ""},
        {"đơn tố cáo", ""},
    };
    char got[1024];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        ls_plan *p = expanded(state, cases[i].q, &n);
        appended(p, n, got, sizeof got);
        if (strcmp(got, cases[i].want) != 0) fprintf(stderr, "%s\n", cases[i].q);
        assert_string_equal(got, cases[i].want);
        for (size_t k = 0; k < n; k++) assert_false(p->terms[k].expansion);
        ls_plan_free(p);
    }
}

static void test_at_most_eight(void **state)
{
    size_t n;
    ls_plan *p = expanded(state, "xe", &n);
    assert_int_equal(n, 1);
    assert_int_equal(p->nterms - n, 8);   /* one word each, 8 of the 10 */
    for (size_t i = n; i < p->nterms; i++) {
        assert_int_equal(p->terms[i].position, 10000 + 100 * (i - n));
        assert_non_null(p->terms[i].folded);
    }
    ls_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expansions),
        cmocka_unit_test(test_at_most_eight),
    };
    return cmocka_run_group_tests(tests, setup, ts_index_teardown);
}
