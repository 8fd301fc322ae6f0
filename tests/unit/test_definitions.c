/* test_definitions.c — ls_definitions_each on articles written like real
 * "Giải thích từ ngữ" articles (Nghị định 54/2019/NĐ-CP, 06/2019/NĐ-CP,
 * 102/2020/NĐ-CP), with clause numbers, point labels, curly quotes, and
 * clauses that define nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../corpus/structure.h"
#include "../../indexer/definitions.h"
#include "../support/test_support.h"

typedef struct found {
    char phrases[8][128];
    size_t n;
} found;

static int collect(void *ctx, const char *phrase, size_t len)
{
    found *f = ctx;
    assert_true(f->n < 8);
    snprintf(f->phrases[f->n++], 128, "%.*s", (int)len, phrase);
    return 0;
}

/* Parse text into one article's clauses and collect its definitions. */
static void definitions_of(const char *text, found *f)
{
    ls_article a = {0};
    a.text = strdup(text);
    a.text_len = strlen(text);
    ls_error err = {0};
    assert_int_equal(ls_structure_parse_clauses(&a, &err), LS_OK);
    memset(f, 0, sizeof *f);
    assert_int_equal(ls_definitions_each(&a, collect, f), 0);
    for (size_t c = 0; c < a.nclauses; c++) {
        free(a.clauses[c].number);
        for (size_t p = 0; p < a.clauses[c].npoints; p++) free(a.clauses[c].points[p].label);
        free(a.clauses[c].points);
    }
    free(a.clauses);
    free(a.text);
}

static void test_numbered_clauses(void **state)
{
    (void)state;
    found f;
    definitions_of("Trong Nghị định này, các từ ngữ dưới đây được hiểu như sau:\n"
                   "1. Kinh doanh dịch vụ karaoke là việc cung cấp dịch vụ ca hát.\n"
                   "2. “Phòng hát” là phòng có trang thiết bị để hát.\n"
                   "3. Dịch vụ vũ trường được hiểu là dịch vụ khiêu vũ, nhảy.\n"
                   "4. Cơ quan cấp phép có trách nhiệm kiểm tra định kỳ.\n",
                   &f);
    assert_int_equal(f.n, 3);
    assert_string_equal(f.phrases[0], "Kinh doanh dịch vụ karaoke");
    assert_string_equal(f.phrases[1], "Phòng hát");
    assert_string_equal(f.phrases[2], "Dịch vụ vũ trường");
}

static void test_points_and_unnumbered(void **state)
{
    (void)state;
    found f;
    definitions_of("1. Gỗ hợp pháp gồm:\n"
                   "a) \"Gỗ nhập khẩu hợp pháp\" là gỗ được nhập khẩu theo quy định;\n"
                   "đ) Gỗ khai thác trong nước được gọi là gỗ nội.\n",
                   &f);
    assert_int_equal(f.n, 2);
    assert_string_equal(f.phrases[0], "Gỗ nhập khẩu hợp pháp");
    assert_string_equal(f.phrases[1], "Gỗ khai thác trong nước");

    definitions_of("Động vật rừng thông thường là loài động vật rừng không thuộc danh mục.", &f);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.phrases[0], "Động vật rừng thông thường");
}

static void test_not_definitions(void **state)
{
    (void)state;
    found f;
    /* the marker after a sentence break, too many words, "là" inside a word */
    definitions_of("1. Nghị định này có hiệu lực. Người nộp là chủ hộ.\n"
                   "2. Trường hợp người đề nghị cấp giấy phép đã nộp hồ sơ đầy đủ theo quy định "
                   "của pháp luật hiện hành về thủ tục hành chính thì là hợp lệ.\n"
                   "3. Việc làm là trách nhiệm của xã hội.\n"
                   "4. Hồ sơ gồm: đơn là bản chính.\n",
                   &f);
    assert_int_equal(f.n, 1);
    assert_string_equal(f.phrases[0], "Việc làm");
}

static int stop_at_first(void *ctx, const char *phrase, size_t len)
{
    (void)phrase;
    (void)len;
    ++*(int *)ctx;
    return 7;
}

static void test_callback_stops_walk(void **state)
{
    (void)state;
    ls_article a = {0};
    a.text = "Phòng hát là phòng có trang thiết bị.";
    a.text_len = strlen(a.text);
    int calls = 0;
    assert_int_equal(ls_definitions_each(&a, stop_at_first, &calls), 7);
    assert_int_equal(calls, 1);
    ls_article empty = {0};
    assert_int_equal(ls_definitions_each(&empty, stop_at_first, &calls), 0);
    assert_int_equal(calls, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbered_clauses),
        cmocka_unit_test(test_points_and_unnumbered),
        cmocka_unit_test(test_not_definitions),
        cmocka_unit_test(test_callback_stops_walk),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
