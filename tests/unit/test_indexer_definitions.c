/* test_indexer_definitions.c — ls_definitions_each on articles written like real
 * "Giải thích từ ngữ" articles (Nghị định 54/2019/NĐ-CP, 06/2019/NĐ-CP,
 * 102/2020/NĐ-CP), with clause numbers, point labels, curly quotes, and
 * clauses that define nothing; and a table of single phrases at the edges
 * (labels, quotes, markers, the word limit, sentence breaks). */
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
    ls_article *a = ts_article_parse(text);
    memset(f, 0, sizeof *f);
    assert_int_equal(ls_definitions_each(a, collect, f), 0);
    ts_article_free(a);
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

/* "X (sau đây gọi là Y) là ...": X and the short name Y, both defined
 * (435 such clauses in the pháp điển were not indexed before). */
static void test_short_names(void **state)
{
    (void)state;
    static const struct { const char *text, *phrase, *alias; } cases[] = {
        {"1. Luồng chạy tàu thuyền (sau đây gọi là luồng) là phần giới hạn.",
         "Luồng chạy tàu thuyền", "luồng"},
        {"4. Dược chất (còn gọi là hoạt chất) là chất dùng để sản xuất thuốc.",
         "Dược chất", "hoạt chất"},
        {"9. Dịch vụ trò chơi điện tử trên mạng (gọi tắt là dịch vụ trò chơi điện tử) là việc.",
         "Dịch vụ trò chơi điện tử trên mạng", "dịch vụ trò chơi điện tử"},
        {"1. Giới hạn tối đa dư lượng (Maximum Residue Level - viết tắt là MRL) là mức.",
         "Giới hạn tối đa dư lượng", "MRL"},
        {"a) “Áo phao cứu sinh” (sau đây gọi tắt là “áo phao”) được hiểu là áo.",
         "Áo phao cứu sinh", "áo phao"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        found f;
        definitions_of(cases[i].text, &f);
        if (f.n != 2) fprintf(stderr, "%s: %zu phrases\n", cases[i].text, f.n);
        assert_int_equal(f.n, 2);
        assert_string_equal(f.phrases[0], cases[i].phrase);
        assert_string_equal(f.phrases[1], cases[i].alias);
    }
}

/* One text (no clauses) at a time: what is defined, or nothing. */
static void test_phrase_table(void **state)
{
    (void)state;
    static const struct { const char *text, *phrase; } cases[] = {
        {"Trẻ em là người dưới 16 tuổi.", "Trẻ em"},
        {"1. Người lao động là người làm việc cho người sử dụng lao động.", "Người lao động"},
        {"2a. Hộ kinh doanh là hộ gia đình đăng ký kinh doanh.", "Hộ kinh doanh"},
        {"c) 'Tổ chức' là cơ quan, đơn vị.", "Tổ chức"},
        {"“Cơ sở dữ liệu” được hiểu là tập hợp dữ liệu.", "Cơ sở dữ liệu"},
        {"Bên thuê được gọi là bên B.", "Bên thuê"},
        /* the first marker wins: "được hiểu là" is not cut at its "là" */
        {"Dữ liệu cá nhân được hiểu là thông tin.", "Dữ liệu cá nhân"},
        /* 14 words is the most a phrase may have */
        {"a b c d e f g h i j k l m n là x.", "a b c d e f g h i j k l m n"},
        {"a b c d e f g h i j k l m n o là x.", NULL},
        /* a parenthesis that names nothing: the phrase before it */
        {"Thực phẩm bảo vệ sức khỏe (Health Supplement) là thực phẩm.",
         "Thực phẩm bảo vệ sức khỏe"},
        /* a second parenthesis, words between it and the marker, an open
         * one; a colon, semicolon or full stop before the marker */
        {"Cá nhân (A) (B) là người.", NULL},
        {"Cá nhân (A) nộp thuế là người.", NULL},
        {"Cá nhân (sau đây gọi là người nộp là người.", NULL},
        {"Người nộp thuế: là tổ chức.", NULL},
        {"Hồ sơ; đơn là bản chính.", NULL},
        {"là gì", NULL},
        {"Hiệu lực thi hành", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_article a = {0};
        a.text = (char *)cases[i].text;
        a.text_len = strlen(cases[i].text);
        found f;
        memset(&f, 0, sizeof f);
        assert_int_equal(ls_definitions_each(&a, collect, &f), 0);
        if (f.n != (cases[i].phrase ? 1u : 0u)) fprintf(stderr, "%s\n", cases[i].text);
        assert_int_equal(f.n, cases[i].phrase ? 1 : 0);
        if (cases[i].phrase) assert_string_equal(f.phrases[0], cases[i].phrase);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbered_clauses),
        cmocka_unit_test(test_points_and_unnumbered),
        cmocka_unit_test(test_not_definitions),
        cmocka_unit_test(test_callback_stops_walk),
        cmocka_unit_test(test_phrase_table),
        cmocka_unit_test(test_short_names),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
