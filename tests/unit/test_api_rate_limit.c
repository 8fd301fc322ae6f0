/* test_api_rate_limit.c — the per-client token buckets (api/rate_limit.h) on a
 * clock the test sets: the burst, the refill, Retry-After, addresses kept
 * apart, a table that stays bounded under many addresses, the N/s spec. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>

#include "../../api/rate_limit.h"

static void test_burst_then_refill(void **state)
{
    (void)state;
    ls_rate_limit *rl = NULL;
    assert_int_equal(ls_rate_limit_new(2.0, 4, &rl, NULL), LS_OK);
    assert_int_equal(ls_rate_limit_burst(rl), 4);
    uint32_t a = 0x7f000001;
    for (int i = 0; i < 4; i++) assert_true(ls_rate_limit_take(rl, a, 100.0, NULL));
    unsigned retry = 0;
    assert_false(ls_rate_limit_take(rl, a, 100.0, &retry));
    assert_int_equal(retry, 1); /* one token back in 0.5 s: whole seconds, at least 1 */
    assert_true(ls_rate_limit_take(rl, a, 100.5, NULL));   /* refilled at 2 a second */
    assert_false(ls_rate_limit_take(rl, a, 100.5, &retry));
    assert_true(ls_rate_limit_take(rl, a, 1000.0, NULL));  /* a long pause: the burst back, */
    for (int i = 0; i < 3; i++) assert_true(ls_rate_limit_take(rl, a, 1000.0, NULL));
    assert_false(ls_rate_limit_take(rl, a, 1000.0, NULL)); /* never more than it */
    ls_rate_limit_free(rl);
}

static void test_slow_rate_retry_after(void **state)
{
    (void)state;
    ls_rate_limit *rl = NULL;
    assert_int_equal(ls_rate_limit_new(0.1, 0, &rl, NULL), LS_OK); /* 6 a minute */
    assert_int_equal(ls_rate_limit_burst(rl), 1);
    assert_true(ls_rate_limit_take(rl, 1, 5.0, NULL));
    unsigned retry = 0;
    assert_false(ls_rate_limit_take(rl, 1, 5.0, &retry));
    assert_int_equal(retry, 10);
    assert_false(ls_rate_limit_take(rl, 1, 11.0, &retry));
    assert_int_equal(retry, 4);
    assert_true(ls_rate_limit_take(rl, 1, 15.0, NULL));
    ls_rate_limit_free(rl);
}

static void test_addresses_apart_and_bounded(void **state)
{
    (void)state;
    ls_rate_limit *rl = NULL;
    assert_int_equal(ls_rate_limit_new(1.0, 1, &rl, NULL), LS_OK);
    assert_true(ls_rate_limit_take(rl, 10, 0.0, NULL));
    assert_false(ls_rate_limit_take(rl, 10, 0.0, NULL));
    assert_true(ls_rate_limit_take(rl, 11, 0.0, NULL)); /* another client: its own bucket */
    /* a million addresses: each its first request, the table stays its size */
    for (uint32_t a = 100; a < 1000100; a++)
        if (!ls_rate_limit_take(rl, a, 1.0, NULL)) fail_msg("address %u refused at once", a);
    ls_rate_limit_free(rl);
}

static void test_parse(void **state)
{
    (void)state;
    double r = 0;
    assert_int_equal(ls_rate_limit_parse("10/s", &r), 0);
    assert_true(r == 10.0);
    assert_int_equal(ls_rate_limit_parse("120/m", &r), 0);
    assert_true(r == 2.0);
    assert_int_equal(ls_rate_limit_parse("0.5", &r), 0);
    assert_true(r == 0.5);
    const char *bad[] = {"", "x", "0/s", "-1/s", "10/h", "10/s ", "nan", "inf"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (ls_rate_limit_parse(bad[i], &r) == 0) fail_msg("'%s' accepted", bad[i]);
    ls_rate_limit *rl = NULL;
    ls_error err = {0};
    assert_int_equal(ls_rate_limit_new(0, 1, &rl, &err), LS_ERR_ARG);
    assert_null(rl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_burst_then_refill),
        cmocka_unit_test(test_slow_rate_retry_after),
        cmocka_unit_test(test_addresses_apart_and_bounded),
        cmocka_unit_test(test_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
