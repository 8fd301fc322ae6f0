/* test_format_doc_links.c — the "links:" line (format/doc_links.h): what
 * the one encoder writes the one decoder reads back, field for field, with
 * a tab or newline inside a field written as a space; a plain citation, an
 * unknown kind or a line naming no document is not a link; the stored bytes
 * keep their layout (the index format is unchanged). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../format/doc_links.h"
#include "../support/test_support.h"

static void test_round_trip(void **state)
{
    (void)state;
    ls_cite in = {.relation = LS_REL_GUIDES, .doc_number = "68/2020/QH14",
                  .law_name = "Luật Cư\ttrú", .year = "2020", .doc_type = "Luật",
                  .article = "5", .clause = "2", .point = "a\nb"};
    ls_cite base = {.relation = LS_REL_BASIS, .law_name = "Luật Hộ tịch"};
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_doc_links_encode(&b, &in), 0);
    assert_int_equal(ls_doc_links_encode(&b, &base), 0);
    assert_string_equal(b.data, "2\t68/2020/QH14\tLuật Cư trú\t2020\tLuật\t5\t2\ta b\n"
                                "1\t\tLuật Hộ tịch\t\t\t\t\t");
    const char *nl = strchr(b.data, '\n');
    ls_cite c;
    ls_relation k = LS_REL_CITES;
    assert_int_equal(ls_doc_links_decode(b.data, nl, &c, &k), 1);
    assert_int_equal(k, LS_REL_GUIDES);
    assert_int_equal(c.relation, LS_REL_GUIDES);
    assert_string_equal(c.doc_number, "68/2020/QH14");
    assert_string_equal(c.law_name, "Luật Cư trú");
    assert_string_equal(c.year, "2020");
    assert_string_equal(c.doc_type, "Luật");
    assert_string_equal(c.article, "5");
    assert_string_equal(c.clause, "2");
    assert_string_equal(c.point, "a b");
    ls_cite_clear(&c);
    assert_int_equal(ls_doc_links_decode(nl + 1, b.data + b.len, &c, &k), 1);
    assert_int_equal(k, LS_REL_BASIS);
    assert_null(c.doc_number);   /* empty fields read as absent */
    assert_string_equal(c.law_name, "Luật Hộ tịch");
    assert_null(c.article);
    ls_cite_clear(&c);
    ls_buf_free(&b);
}

static void test_not_links(void **state)
{
    (void)state;
    static const char *const lines[] = {
        "0\t13/2023/NĐ-CP\t\t\t\t\t\t",   /* a plain citation */
        "9\t13/2023/NĐ-CP\t\t\t\t\t\t",   /* no such kind */
        "x\t13/2023/NĐ-CP",               /* not a number */
        "3\t\t\t2020\tLuật\t5\t\t",       /* neither number nor name */
        "",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        ls_cite c;
        ls_relation k;
        if (ls_doc_links_decode(lines[i], lines[i] + strlen(lines[i]), &c, &k))
            fail_msg("'%s' read as a link", lines[i]);
        ls_cite_clear(&c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_not_links),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
