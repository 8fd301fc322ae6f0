/* test_corpus_structure.c — ls_structure_parse_body and ls_structure_parse_clauses
 * on excerpts of real published texts (Luật Hộ tịch 2014, Nghị định
 * 123/2015/NĐ-CP, Bộ luật Dân sự 2015). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../corpus/structure.h"

static const char BODY[] =
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;\n"
    "Chính phủ ban hành Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch.\n"
    "\n"
    "PHẦN THỨ NHẤT\n"
    "QUY ĐỊNH CHUNG\n"
    "\n"
    "Chương I\n"
    "NHỮNG QUY ĐỊNH CHUNG\n"
    "\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "Nghị định này quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch.\n"
    "Điều 2. Giấy tờ nộp và xuất trình khi đăng ký hộ tịch\n"
    "1. Người yêu cầu đăng ký hộ tịch, cấp bản sao trích lục hộ tịch xuất trình bản chính một trong các giấy tờ:\n"
    "a) Hộ chiếu;\n"
    "b) Chứng minh nhân dân;\n"
    "đ) Thẻ căn cước công dân.\n"
    "2. Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng thực "
    "các giấy tờ quy định tại khoản 1 Điều này.\n"
    "2a. Khoản được bổ sung.\n"
    "a1) Điểm được bổ sung.\n"
    "Chương II. ĐĂNG KÝ KHAI SINH\n"
    "Mục 1\n"
    "ĐĂNG KÝ KHAI SINH\n"
    "Điều 5a. Điều được bổ sung\n"
    "Việc đăng ký khai sinh thực hiện theo quy định tại Điều 16 của Luật Hộ tịch năm 2014.\n"
    "Mục 2. ĐĂNG KÝ KẾT HÔN\n"
    "Điều 40. Hiệu lực thi hành\n"
    "1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2016.\n"
    "2. Nghị định số 158/2005/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực.\n"
    "\n"
    "Nơi nhận:\n"
    "- Ban Bí thư Trung ương Đảng;\n"
    "Điều 99. Không phải điều\n";

static void test_body(void **state)
{
    (void)state;
    ls_document *doc = ls_document_new();
    assert_non_null(doc);
    ls_error err = {0};
    assert_int_equal(ls_structure_parse_body(doc, BODY, strlen(BODY), &err), LS_OK);

    /* preamble: three "Căn cứ" lines -> BASIS references */
    assert_int_equal(doc->nrefs, 3);
    assert_string_equal(doc->refs[0].law_name, "Hiến pháp");
    assert_string_equal(doc->refs[2].law_name, "Luật Hộ tịch");
    assert_string_equal(doc->refs[2].year, "2014");
    for (size_t i = 0; i < doc->nrefs; i++) assert_int_equal(doc->refs[i].relation, LS_REL_BASIS);

    /* articles: 1, 2, 5a, 40 — not 99 after "Nơi nhận" */
    static const struct { const char *num, *heading, *part, *chapter, *section; size_t ncl; } want[] = {
        {"1", "Phạm vi điều chỉnh", "PHẦN THỨ NHẤT. QUY ĐỊNH CHUNG", "Chương I. NHỮNG QUY ĐỊNH CHUNG", NULL, 0},
        {"2", "Giấy tờ nộp và xuất trình khi đăng ký hộ tịch", "PHẦN THỨ NHẤT. QUY ĐỊNH CHUNG",
         "Chương I. NHỮNG QUY ĐỊNH CHUNG", NULL, 3},
        {"5a", "Điều được bổ sung", "PHẦN THỨ NHẤT. QUY ĐỊNH CHUNG", "Chương II. ĐĂNG KÝ KHAI SINH",
         "Mục 1. ĐĂNG KÝ KHAI SINH", 0},
        {"40", "Hiệu lực thi hành", "PHẦN THỨ NHẤT. QUY ĐỊNH CHUNG", "Chương II. ĐĂNG KÝ KHAI SINH",
         "Mục 2. ĐĂNG KÝ KẾT HÔN", 2},
    };
    assert_int_equal(doc->narticles, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < doc->narticles; i++) {
        const ls_article *a = &doc->articles[i];
        assert_string_equal(a->number, want[i].num);
        assert_string_equal(a->heading, want[i].heading);
        assert_string_equal(a->part, want[i].part);
        assert_string_equal(a->chapter, want[i].chapter);
        if (want[i].section) assert_string_equal(a->section, want[i].section);
        else assert_null(a->section);
        assert_int_equal(a->nclauses, want[i].ncl);
        assert_int_equal(strlen(a->text), a->text_len);
    }
    const ls_article *a2 = &doc->articles[1];
    assert_true(strncmp(a2->text, "1. Người yêu cầu", strlen("1. Người yêu cầu")) == 0);
    assert_null(strstr(a2->text, "Chương II"));
    /* clause 1 has points a, b, đ; clause 2a has point a1 */
    assert_string_equal(a2->clauses[0].number, "1");
    assert_int_equal(a2->clauses[0].npoints, 3);
    assert_string_equal(a2->clauses[0].points[2].label, "đ");
    assert_true(strncmp(a2->text + a2->clauses[0].points[2].start, "đ) Thẻ", strlen("đ) Thẻ")) == 0);
    assert_int_equal(a2->clauses[1].npoints, 0);
    assert_string_equal(a2->clauses[2].number, "2a");
    assert_string_equal(a2->clauses[2].points[0].label, "a1");
    /* the "khoản 1 Điều này" reference inside article 2 */
    assert_int_equal(a2->nrefs, 1);
    assert_string_equal(a2->refs[0].clause, "1");
    assert_int_equal(a2->refs[0].self, 1);
    /* article 40 ends before the signature block; its clause 2 repeals */
    const ls_article *a40 = &doc->articles[3];
    assert_null(strstr(a40->text, "Nơi nhận"));
    assert_int_equal(a40->text[a40->text_len - 1], '.');
    assert_int_equal(a40->nrefs, 1);
    assert_string_equal(a40->refs[0].doc_number, "158/2005/nđ-cp");
    assert_int_equal(a40->refs[0].relation, LS_REL_REPEALS);
    ls_document_free(doc);
}

typedef struct {
    const char *text;
    size_t nclauses;
    const char *last_clause;   /* number of the last clause */
    size_t last_points;        /* points of the last clause */
    const char *last_clause_text;  /* text of the last clause span */
} clause_case;

static const clause_case clause_cases[] = {
    /* ALQAC style: paragraphs separated by blank lines, Windows line ends */
    {"Trong Luật này, các từ ngữ dưới đây được hiểu như sau:\r\n\r\n"
     "1. Chất ma túy là chất gây nghiện.\r\n\r\n2. Tiền chất là hóa chất.\r\n", 2, "2", 0,
     "2. Tiền chất là hóa chất."},
    {"1. Cá nhân có quyền:\na) Lập di chúc;\nb) Hưởng di sản.\n", 1, "1", 2,
     "1. Cá nhân có quyền:\na) Lập di chúc;\nb) Hưởng di sản."},
    /* money amounts and years are not clauses; points before any clause are ignored */
    {"a) Phạt tiền từ 1.000.000 đồng;\n2020. Năm.\n1.000 đồng\n", 0, NULL, 0, NULL},
    {"", 0, NULL, 0, NULL},
    {"12. Mười hai.\n   3b. Ba b.\nđ1) Điểm đ1.", 2, "3b", 1, "3b. Ba b.\nđ1) Điểm đ1."},
};

static void test_clause_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof clause_cases / sizeof clause_cases[0]; i++) {
        const clause_case *c = &clause_cases[i];
        ls_article a;
        memset(&a, 0, sizeof a);
        a.text = strdup(c->text);
        a.text_len = strlen(c->text);
        assert_int_equal(ls_structure_parse_clauses(&a, NULL), LS_OK);
        /* parsing twice replaces, never appends */
        assert_int_equal(ls_structure_parse_clauses(&a, NULL), LS_OK);
        assert_int_equal(a.nclauses, c->nclauses);
        if (c->nclauses) {
            const ls_clause *l = &a.clauses[a.nclauses - 1];
            assert_string_equal(l->number, c->last_clause);
            assert_int_equal(l->npoints, c->last_points);
            assert_int_equal(l->end - l->start, strlen(c->last_clause_text));
            assert_memory_equal(a.text + l->start, c->last_clause_text, l->end - l->start);
        }
        ls_document *holder = ls_document_new();   /* frees the article's fields */
        ls_article *slot = ls_document_add_article(holder);
        *slot = a;
        ls_document_free(holder);
    }
}

static void test_no_articles(void **state)
{
    (void)state;
    const char *body = "Căn cứ Luật Đất đai năm 2024;\nQuyết định này không có điều nào.\n";
    ls_document *doc = ls_document_new();
    assert_int_equal(ls_structure_parse_body(doc, body, strlen(body), NULL), LS_OK);
    assert_int_equal(doc->narticles, 0);
    assert_int_equal(doc->nrefs, 1);
    assert_string_equal(doc->refs[0].year, "2024");
    ls_document_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_body),
        cmocka_unit_test(test_clause_table),
        cmocka_unit_test(test_no_articles),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ls_cite_shutdown();
    return rc;
}
