/* test_query_snippet.c — query/snippet.c, the answering part of a passage
 * (analysing the text; the same from a cover record is
 * test_indexer_cover_record's): the clause with the most distinct question
 * words is chosen and named, the words marked are exactly the question's
 * (folded when the question has no diacritics, never its fillers), a long
 * clause is cut to a window around the best matches at spaces with "…" on
 * each cut side, newlines become spaces, and a passage that matches nothing
 * still gives its beginning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/utf8.h"
#include "../../query/search.h"
#include "../../query/snippet.h"
#include "../support/test_support.h"

static const char *BODY =
    "1. Cơ quan đăng ký hộ tịch lưu giữ sổ.\n"
    "2. Người đi đăng ký khai sinh nộp tờ khai và giấy chứng sinh.\n"
    "3. Giấy chứng sinh do cơ sở y tế cấp.";

static ls_passage passage(ls_clause_span *clauses)
{
    const char *c2 = strstr(BODY, "2."), *c3 = strstr(BODY, "3.");
    clauses[0] = (ls_clause_span){"1", 0, (size_t)(c2 - BODY) - 1};
    clauses[1] = (ls_clause_span){"2", (size_t)(c2 - BODY), (size_t)(c3 - BODY) - 1};
    clauses[2] = (ls_clause_span){"3", (size_t)(c3 - BODY), strlen(BODY)};
    return (ls_passage){.text = (char *)BODY, .text_len = strlen(BODY), .clauses = clauses,
                        .nclauses = 3};
}

/* The snippet of p for q with marks as [ ], and its clause ("" for none). */
static char *snippet(const ls_passage *p, const char *q, size_t max, char *clause, size_t cap)
{
    ls_plan *plan = NULL;
    ls_error err = {0};
    assert_int_equal(ls_plan_build(q, strlen(q), &plan, &err), LS_OK);
    char *s = NULL, *k = NULL;
    assert_int_equal(ls_snippet_make(plan, p, NULL, max, &s, &k, &err), LS_OK);
    ls_plan_free(plan);
    snprintf(clause, cap, "%s", k ? k : "");
    free(k);
    for (char *c = s; *c; c++) {
        if (*c == LS_MARK_OPEN[0]) *c = '[';
        if (*c == LS_MARK_CLOSE[0]) *c = ']';
    }
    return s;
}

/* Which clause, and what of it, for each question over BODY. */
static void test_clause_and_marks(void **state)
{
    (void)state;
    static const struct { const char *q, *clause, *want; } cases[] = {
        {"đăng ký khai sinh cần giấy tờ gì", "2",
         "… 2. Người đi [đăng] [ký] [khai] [sinh] nộp tờ [khai] và giấy chứng [sinh]. …"},
        /* the last clause: no "…" after it */
        {"cơ sở y tế", "3", "… 3. Giấy chứng sinh do [cơ] [sở] [y] [tế] cấp."},
        /* no diacritics: the folded words match */
        {"co so y te", "3", "… 3. Giấy chứng sinh do [cơ] [sở] [y] [tế] cấp."},
        /* with diacritics, other marks are other words */
        {"cô sợ y tế", "3", "… 3. Giấy chứng sinh do cơ sở [y] [tế] cấp."},
    };
    ls_clause_span cl[3];
    ls_passage p = passage(cl);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char clause[16];
        char *s = snippet(&p, cases[i].q, 400, clause, sizeof clause);
        assert_string_equal(clause, cases[i].clause);
        assert_string_equal(s, cases[i].want);
        free(s);
    }
}

static void test_window(void **state)
{
    (void)state;
    /* one long clause, the question's words near its end */
    char body[2048] = "";
    for (int i = 0; i < 30; i++) strcat(body, "Điều khoản chung áp dụng. ");
    strcat(body, "Hồ sơ đăng ký khai sinh gồm tờ khai.\nKết thúc ở đây.");
    ls_passage p = {.text = body, .text_len = strlen(body)};
    char clause[16];
    char *s = snippet(&p, "hồ sơ đăng ký khai sinh", 80, clause, sizeof clause);
    assert_string_equal(clause, "");
    assert_true(strncmp(s, "… ", strlen("… ")) == 0);      /* cut at the start */
    assert_non_null(strstr(s, "[Hồ] [sơ] [đăng] [ký] [khai] [sinh]"));
    assert_null(strchr(s, '\n'));                           /* newlines: spaces */
    /* the window: max bytes, the marks and the two "…" aside */
    size_t n = strlen(s), marks = 0;
    for (const char *c = s; *c; c++) marks += *c == '[' || *c == ']';
    assert_true(n - marks <= 80 + 2 * strlen(" …"));
    /* cut at spaces: a whole word after "… ", whole characters throughout */
    assert_true(s[strlen("… ")] != ' ');
    uint32_t cp;
    for (size_t i = 0, k; i < n; i += k) assert_true((k = ls_utf8_decode(s, n, i, &cp)) > 0);
    free(s);
}

static void test_no_match(void **state)
{
    (void)state;
    ls_passage p = {.text = "Văn bản ngắn.\nDòng hai.", .text_len = strlen("Văn bản ngắn.\nDòng hai.")};
    char clause[16];
    char *s = snippet(&p, "thuế thu nhập", 400, clause, sizeof clause);
    assert_string_equal(s, "Văn bản ngắn. Dòng hai.");
    assert_string_equal(clause, "");
    free(s);
    /* a filler alone marks nothing */
    s = snippet(&p, "là gì", 400, clause, sizeof clause);
    assert_null(strchr(s, '['));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clause_and_marks),
        cmocka_unit_test(test_window),
        cmocka_unit_test(test_no_match),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
