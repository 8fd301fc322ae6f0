/* test_query_defines.c — query/defines.c: a passage whose body, or one of
 * its clauses, opens with "X là" is raised when the question names X right
 * before or after a "là" (with and without diacritics), and not when X is
 * only part of what the question names, or the question has no "là". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_buf.h"
#include "../../query/defines.h"
#include "../../query/plan.h"
#include "../../query/word_stats.h"
#include "../support/test_support.h"

#define F 1.5

/* the factor of a passage with body `body` for question q */
static double factor(const char *q, const char *body)
{
    ls_plan *p = NULL;
    assert_int_equal(ls_plan_build(q, strlen(q), &p, NULL), LS_OK);
    size_t n = p->nterms < 64 ? p->nterms : 64;
    uint32_t keys[64];
    uint64_t content = 0;
    for (size_t i = 0; i < n; i++) {
        keys[i] = ls_plan_term_key(p, &p->terms[i]);
        if (!p->terms[i].filler && !p->terms[i].expansion) content |= UINT64_C(1) << i;
    }
    ls_buf buf = LS_BUF_INIT;
    ls_cover rec;
    assert_int_equal(ls_cover_encode_texts("Giải thích từ ngữ", NULL, body, strlen(body), &buf, NULL),
                     LS_OK);
    assert_int_equal(ls_cover_decode(buf.data, buf.len, &rec, NULL), LS_OK);
    uint64_t *masks = calloc(rec.nwords ? rec.nwords : 1, sizeof *masks);
    assert_non_null(masks);
    ls_word_masks(p, &rec, keys, n, masks);
    uint64_t before, after;
    ls_plan_defines_shape(p, &before, &after);
    double f = ls_defines_factor(before, after, content, &rec, masks, F);
    free(masks);
    ls_cover_free(&rec);
    ls_buf_free(&buf);
    ls_plan_free(p);
    return f;
}

static const char defs[] =
    "Trong Luật này, các từ ngữ dưới đây được hiểu như sau: 1. An ninh mạng là sự bảo đảm "
    "hoạt động trên không gian mạng. 2. Bảo vệ an ninh mạng là phòng ngừa, phát hiện.";

static void test_named_before_or_after_la(void **state)
{
    (void)state;
    assert_true(factor("“An ninh mạng” là gì?", defs) == F);
    assert_true(factor("Thế nào là an ninh mạng?", defs) == F);
    assert_true(factor("An ninh mang la gi", defs) == F);
    /* a statement to judge names the defined phrase the same way */
    assert_true(factor("Bảo vệ an ninh mạng là phòng ngừa hành vi xâm phạm, đúng hay sai?", defs) == F);
    /* "được hiểu", "khái niệm", "định nghĩa"; a body saying "X: là" or
     * "X được hiểu là" */
    assert_true(factor("Lưu học sinh hiệp định được hiểu như thế nào?",
                       "3. Lưu học sinh hiệp định: là người nước ngoài được tiếp nhận học tập.") == F);
    assert_true(factor("An ninh mạng được hiểu là gì?", "1. An ninh mạng được hiểu là sự bảo đảm.") == F);
    assert_true(factor("Khái niệm an ninh mạng", defs) == F);
    assert_true(factor("dinh nghia an ninh mang", defs) == F);
    /* the definition opening the body */
    assert_true(factor("Tấn công mạng là gì?", "Tấn công mạng là hành vi sử dụng không gian mạng.") == F);
}

static void test_not_raised(void **state)
{
    (void)state;
    /* no "là" in the question */
    assert_true(factor("Ai bảo vệ an ninh mạng?", defs) == 1);
    /* the phrase is in the question, but not next to its "là" */
    assert_true(factor("An ninh mạng của doanh nghiệp là gì?", defs) == 1);
    /* the defined phrase is not the one named */
    assert_true(factor("Không gian mạng là gì?", defs) == 1);
    /* the body opens with a longer phrase than the question names */
    assert_true(factor("Tấn công mạng là gì?", "Hành vi tấn công mạng là vi phạm.") == 1);
    /* "là" inside a sentence, not opening the body or a clause */
    assert_true(factor("Tấn công mạng là gì?", "Cấm mọi hành vi. Tấn công mạng là vi phạm.") == 1);
    /* only fillers before "là" */
    assert_true(factor("Đó là gì?", "Đó là quy định.") == 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_named_before_or_after_la),
        cmocka_unit_test(test_not_raised),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
