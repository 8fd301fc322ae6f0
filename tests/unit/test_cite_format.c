/* test_cite_format.c — the one standard form (cite/format.c): the "is a
 * law" rule (Luật, Bộ luật, Pháp lệnh, Hiến pháp by name; anything else by
 * type), the same for search's hits (ls_citation_format) and review's
 * citations (ls_cite_format), which used to disagree on a Pháp lệnh; the
 * provision, "Điều này", an unresolved citation as the text cited it; and
 * the numbers' helpers (ls_cite_upper_number, ls_docnum_type). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../cite/cite.h"
#include "../../format/passage_data.h"
#include "../../query/search.h"

/* review's form of clause/article of a resolved document */
static char *review_form(const char *clause, const char *article, const char *type,
                         const char *title, const char *number)
{
    ls_cite c = {.clause = (char *)clause, .article = (char *)article};
    assert_int_equal(ls_cite_format(&c, type, title, number), LS_OK);
    return c.citation;   /* the only field c owns */
}

/* search's form of the same passage */
static char *search_form(const char *clause, const char *article, const char *type,
                         const char *title, const char *number)
{
    ls_passage p = {.doc_id = "x", .article = (char *)article, .doc_type = (char *)type,
                    .doc_title = (char *)title, .doc_number = (char *)number};
    char *s = ls_citation_format(&p, clause);
    assert_non_null(s);
    return s;
}

static void test_law_rule_is_one(void **state)
{
    (void)state;
    static const struct { const char *type, *title, *number, *want; } cases[] = {
        {"Pháp lệnh", "Pháp lệnh Chi phí tố tụng", "02/2012/UBTVQH13",
         "khoản 2 Điều 3 Pháp lệnh Chi phí tố tụng số 02/2012/UBTVQH13"},
        {"Hiến pháp", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "HP/2013",
         "khoản 2 Điều 3 Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam số HP/2013"},
        {"Luật", "Luật Cư trú", "68/2020/QH14", "khoản 2 Điều 3 Luật Cư trú số 68/2020/QH14"},
        {"Bộ luật", "Bộ luật Lao động", "45/2019/QH14",
         "khoản 2 Điều 3 Bộ luật Lao động số 45/2019/QH14"},
        {"Nghị định", "Quy định chi tiết một số điều của Luật Hộ tịch", "123/2015/NĐ-CP",
         "khoản 2 Điều 3 Nghị định số 123/2015/NĐ-CP"},
        {NULL, "Văn bản không rõ loại", "5/2020/XX", "khoản 2 Điều 3 văn bản số 5/2020/XX"},
        {"Luật", "Luật Cư trú", NULL, "khoản 2 Điều 3 Luật Cư trú"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *r = review_form("2", "3", cases[i].type, cases[i].title, cases[i].number);
        char *s = search_form("2", "3", cases[i].type, cases[i].title, cases[i].number);
        assert_string_equal(r, cases[i].want);
        assert_string_equal(s, r);
        free(r);
        free(s);
    }
    assert_true(ls_cite_type_is_law("Pháp lệnh"));
    assert_true(ls_cite_type_is_law("Hiến pháp"));
    assert_false(ls_cite_type_is_law("Nghị quyết"));
    assert_false(ls_cite_type_is_law(NULL));
}

static void test_search_fallbacks(void **state)
{
    (void)state;
    /* no number, no title: the id; no article: "?" */
    ls_passage p = {.doc_id = "luat-x"};
    char *s = ls_citation_format(&p, NULL);
    assert_string_equal(s, "Điều ? luat-x");
    free(s);
    p.doc_id = NULL;
    p.article = "7";
    s = ls_citation_format(&p, NULL);
    assert_string_equal(s, "Điều 7");
    free(s);
}

static void test_as_cited(void **state)
{
    (void)state;
    ls_cite c = {.point = "a", .clause = "1", .article = "72", .doc_number = "13/2023/nđ-cp",
                 .doc_type = "Nghị định"};
    assert_int_equal(ls_cite_format(&c, NULL, NULL, NULL), LS_OK);
    assert_string_equal(c.citation, "điểm a khoản 1 Điều 72 Nghị định số 13/2023/NĐ-CP");
    free(c.citation);
    ls_cite named = {.article = "5", .law_name = "Luật Thủy lợi", .doc_type = "Luật",
                     .doc_number = "08/2017/qh14"};
    assert_int_equal(ls_cite_format(&named, NULL, NULL, NULL), LS_OK);
    assert_string_equal(named.citation, "Điều 5 Luật Thủy lợi số 08/2017/QH14");
    free(named.citation);
    ls_cite year = {.clause = "2", .article = "5", .law_name = "Luật Đất đai", .year = "2024"};
    assert_int_equal(ls_cite_format(&year, NULL, NULL, NULL), LS_OK);
    assert_string_equal(year.citation, "khoản 2 Điều 5 Luật Đất đai năm 2024");
    free(year.citation);
    ls_cite here = {.clause = "1", .self_article = 1, .self = 1};
    assert_int_equal(ls_cite_format(&here, NULL, NULL, NULL), LS_OK);
    assert_string_equal(here.citation, "khoản 1 Điều này");
    free(here.citation);
    ls_cite whole = {.self = 1};
    assert_int_equal(ls_cite_format(&whole, NULL, NULL, NULL), LS_OK);
    assert_string_equal(whole.citation, "văn bản này");
    free(whole.citation);
    ls_cite bare = {.article = "9", .self = 1};
    assert_int_equal(ls_cite_format(&bare, NULL, NULL, NULL), LS_OK);
    assert_string_equal(bare.citation, "Điều 9");   /* no trailing space */
    free(bare.citation);
}

static void test_numbers(void **state)
{
    (void)state;
    char *u = ls_cite_upper_number("13/2023/nđ-cp");
    assert_string_equal(u, "13/2023/NĐ-CP");
    free(u);
    assert_string_equal(ls_docnum_type("13/2023/NĐ-CP"), "Nghị định");
    assert_string_equal(ls_docnum_type("13/2023/nđ-cp"), "Nghị định");
    assert_string_equal(ls_docnum_type("45/2019/QH14"), "Luật");
    assert_string_equal(ls_docnum_type("02/2012/PL-UBTVQH13"), "Pháp lệnh");
    assert_string_equal(ls_docnum_type("04/2020/TTLT-BCA"), "Thông tư liên tịch");
    assert_null(ls_docnum_type("hello"));
    assert_null(ls_docnum_type(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_law_rule_is_one),
        cmocka_unit_test(test_search_fallbacks),
        cmocka_unit_test(test_as_cited),
        cmocka_unit_test(test_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
