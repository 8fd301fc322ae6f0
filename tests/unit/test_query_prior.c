/* test_query_prior.c — the document prior (query/prior.h): a law's article
 * before a decree's before a circular's when the ranking finds them about
 * as good; a clear gap is kept; candidates that cannot reach the kept
 * places are not looked up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/prior.h"

static void test_factor(void **state)
{
    (void)state;
    assert_true(ls_prior_factor("91/2015/qh13") > ls_prior_factor("123/2015/nđ-cp"));
    assert_true(ls_prior_factor("123/2015/nđ-cp") > ls_prior_factor("01/2019/tt-bkhđt"));
    assert_true(ls_prior_factor("luật phòng, chống ma túy") == ls_prior_factor("45/2019/QH14"));
    assert_true(ls_prior_factor("hiến pháp") == ls_prior_factor("45/2019/qh14"));
    assert_true(ls_prior_factor("01/2019/tt-bkhđt") == 1);
    assert_true(ls_prior_factor(NULL) == 1);
}

static const char *const ids[] = {"01/2019/tt-bkhđt", "123/2015/nđ-cp", "91/2015/qh13",
                                  "02/2020/tt-bca"};
static int lookups;

static int id_of(void *ctx, const ls_candidate *c, char *buf, size_t cap)
{
    (void)ctx;
    lookups++;
    snprintf(buf, cap, "%s", ids[c->docid]);
    return 1;
}

static void test_apply(void **state)
{
    (void)state;
    /* a circular, a decree and a law about as good; a far fourth */
    ls_candidate c[4] = {{.docid = 0, .score = 10.0}, {.docid = 1, .score = 9.8},
                         {.docid = 2, .score = 9.6}, {.docid = 3, .score = 2.0}};
    lookups = 0;
    ls_prior_apply(c, 4, 4, 3, id_of, NULL);
    assert_int_equal(c[0].docid, 2); /* 9.6 x 1.10 = 10.56 */
    assert_int_equal(c[1].docid, 1); /* 9.8 x 1.075 = 10.535 */
    assert_int_equal(c[2].docid, 0);
    assert_int_equal(c[3].docid, 3);
    assert_int_equal(lookups, 3); /* the fourth cannot reach the third place */
    /* a clear lead stays */
    ls_candidate d[2] = {{.docid = 0, .score = 20.0}, {.docid = 2, .score = 10.0}};
    ls_prior_apply(d, 2, 2, 2, id_of, NULL);
    assert_int_equal(d[0].docid, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_factor),
        cmocka_unit_test(test_apply),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
