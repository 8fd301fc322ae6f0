/* test_common_ls_json.c — common/ls_json.c, the one JSON writer's helpers:
 * how strings are escaped (jansson's rules, every byte accounted for),
 * bytes that are not UTF-8 made '?' instead of failing the reply, fixed
 * decimals, keys in insertion order, and a buffer's cap and first error
 * reaching the caller; reals as the shortest text that reads back exactly,
 * shown and stored alike. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_json.h"

static void test_strings(void **state)
{
    (void)state;
#define LIT(s) s, sizeof s - 1
    static const struct { const char *in; size_t n; const char *out; } cases[] = {
        {LIT(""), "\"\""},
        {LIT("khai sinh"), "\"khai sinh\""},
        {LIT("a\"b\\c"), "\"a\\\"b\\\\c\""},
        {LIT("1\n2\r3\t4"), "\"1\\n2\\r3\\t4\""},
        {LIT("\x01\x1f"), "\"\\u0001\\u001F\""},
        {LIT("x\0y"), "\"x\\u0000y\""},  /* n, not the NUL, ends it */
        {LIT("Nghị định số 13/2023/NĐ-CP"), "\"Nghị định số 13/2023/NĐ-CP\""}, /* UTF-8 as is */
        {LIT("\x7f/"), "\"\x7f/\""},
        /* not UTF-8: each bad byte becomes '?', the rest kept */
        {LIT("a\xff" "b"), "\"a?b\""},
        {LIT("Đi\xe1\xbb"), "\"Đi??\""},       /* a character cut at the end */
        {LIT("\xc3\x28" "x"), "\"?(x\""},        /* a lead byte without its tail */
        {LIT("\xed\xa0\x80"), "\"???\""},        /* a surrogate */
    };
#undef LIT
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_buf b = LS_BUF_INIT;
        assert_int_equal(ls_json_put(&b, ls_json_stringn(cases[i].in, cases[i].n)), LS_OK);
        assert_string_equal(b.data, cases[i].out);
        /* and jansson reads back what was meant (the scrubbed text) */
        json_t *back = json_loads(b.data, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
        assert_non_null(back);
        json_decref(back);
        ls_buf_free(&b);
    }
    json_t *n = ls_json_str_or_null(NULL);
    assert_true(json_is_null(n));
    json_decref(n);
}

static void test_object_order_and_optional(void **state)
{
    (void)state;
    json_t *o = json_object();
    assert_int_equal(ls_json_set_str(o, "z", "1"), 0);
    assert_int_equal(ls_json_set_str(o, "absent", NULL), 0);  /* left out */
    assert_int_equal(ls_json_set_str(o, "a", "2"), 0);
    json_object_set_new(o, "n", ls_json_str_or_null(NULL));
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_json_put(&b, o), LS_OK);
    assert_string_equal(b.data, "{\"z\":\"1\",\"a\":\"2\",\"n\":null}");
    ls_buf_free(&b);
}

static void test_fixed(void **state)
{
    (void)state;
    static const struct { double v; int d; const char *out; } cases[] = {
        {0.123456, 3, "0.123"}, {202.34084, 4, "202.3408"}, {150.10099, 4, "150.101"},
        {0.5, 3, "0.5"},        {12.0, 4, "12.0"},          {-1.23456, 2, "-1.23"},
        {0.0004, 3, "0.0"},     {1234567.891, 4, "1234567.891"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_buf b = LS_BUF_INIT;
        assert_int_equal(ls_json_put(&b, ls_json_fixed(cases[i].v, cases[i].d)), LS_OK);
        assert_string_equal(b.data, cases[i].out);
        ls_buf_free(&b);
    }
}

static void test_errors_reach_the_caller(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_json_put(&b, NULL), LS_ERR_NOMEM);  /* a build that failed */
    b.cap_limit = 8;
    assert_int_equal(ls_json_put(&b, json_pack("{s:s}", "key", "a long value")), LS_ERR_LIMIT);
    assert_int_equal(ls_buf_error(&b), LS_ERR_LIMIT);
    /* the buffer's first error sticks: a small value after it fails too */
    assert_int_equal(ls_json_put(&b, json_integer(1)), LS_ERR_LIMIT);
    ls_buf_free(&b);
    /* appended, not replaced */
    ls_buf c = LS_BUF_INIT;
    assert_int_equal(ls_buf_puts(&c, "x="), LS_OK);
    assert_int_equal(ls_json_put(&c, json_pack("[i,b,n]", 1, 1)), LS_OK);
    assert_string_equal(c.data, "x=[1,true,null]");
    ls_buf_free(&c);
}

/* The significant digits of a real's text ("0.00120e5" has 3; a ".0"
 * added to say it is a real does not count). */
static int significant_digits(const char *t)
{
    size_t end = strcspn(t, "eE");
    if (end >= 2 && t[end - 2] == '.' && t[end - 1] == '0') end -= 2;
    int n = 0, lead = 1, zeros = 0;
    for (size_t i = 0; i < end; i++) {
        if (t[i] < '0' || t[i] > '9') continue;
        if (t[i] == '0' && lead) continue;
        lead = 0;
        if (t[i] == '0') zeros++;
        else n += zeros + 1, zeros = 0;
    }
    return n;
}

/* A real prints as the shortest text that reads back to the same double
 * (first of %.15g, %.16g, %.17g), written as jansson writes a real; shown
 * and stored alike. */
static void test_reals_short_and_exact(void **state)
{
    (void)state;
    static const struct { double v; const char *out; } cases[] = {
        {0.1, "0.1"},                            /* jansson: 0.10000000000000001 */
        {1e-7, "1e-7"},                          /* exponent as jansson writes it */
        {12345678901.5, "12345678901.5"},        /* 10 digits would lose it */
        {1.0 / 3, "0.3333333333333333"},         /* 16 digits */
        {2.0 / 3, "0.6666666666666666"},
        {0.1 + 0.2, "0.30000000000000004"},      /* needs all 17 */
        {100.0, "100.0"},                        /* still reads as a real */
        {-2.5, "-2.5"},
        {1e21, "1e21"},
        {-1.5e-300, "-1.5e-300"},
        {0.0, "0.0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ls_buf b = LS_BUF_INIT;
        assert_int_equal(ls_json_put(&b, json_real(cases[i].v)), LS_OK);
        assert_string_equal(b.data, cases[i].out);
        json_t *back = json_loads(b.data, JSON_DECODE_ANY, NULL);
        assert_true(json_is_real(back));
        assert_true(json_real_value(back) == cases[i].v);
        json_decref(back);
        ls_buf_free(&b);
    }
    /* many doubles: each reads back exactly, is never longer in digits than
     * jansson's 17, and is jansson's text when it needs all 17 */
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double v;
        memcpy(&v, &x, sizeof v);
        if (!isfinite(v)) continue;
        if (i % 2) v = (double)(x % 1000000000) / 1000.0;   /* fee-like: 123456.789 */
        ls_buf b = LS_BUF_INIT;
        assert_int_equal(ls_json_put(&b, json_real(v)), LS_OK);
        json_t *back = json_loads(b.data, JSON_DECODE_ANY, NULL);
        assert_true(json_real_value(back) == v);
        json_decref(back);
        char g16[32];
        snprintf(g16, sizeof g16, "%.16g", v);
        if (strtod(g16, NULL) != v) {   /* needs all 17: jansson's own text */
            json_t *r = json_real(v);
            char *full = json_dumps(r, JSON_ENCODE_ANY);
            assert_string_equal(b.data, full);
            free(full);
            json_decref(r);
        } else {
            assert_in_range(significant_digits(b.data), 1, 16);
        }
        ls_buf_free(&b);
    }
}

/* Numbers inside strings and keys are text, kept as they are; integers
 * as jansson writes them; only reals change. */
static void test_reals_only(void **state)
{
    (void)state;
    json_t *o = json_pack("{s:s,s:I,s:[f,s,i,b,b,n],s:s}", "0.10000000000000001", "1e-07 and 0.30000000000000004",
                          "n", (json_int_t)-9007199254740993LL, "a", 0.1, "\"2.50\"", -3, 1, 0, "esc",
                          "\\\"0.10000000000000001");
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_json_put(&b, o), LS_OK);
    assert_string_equal(b.data,
                        "{\"0.10000000000000001\":\"1e-07 and 0.30000000000000004\","
                        "\"n\":-9007199254740993,\"a\":[0.1,\"\\\"2.50\\\"\",-3,true,false,null],"
                        "\"esc\":\"\\\\\\\"0.10000000000000001\"}");
    ls_buf_free(&b);
}

/* A stored record reads back exactly and shows what a reply shows;
 * errors reach err. */
static void test_stored_reals_exact(void **state)
{
    (void)state;
    ls_buf shown = LS_BUF_INIT, stored = LS_BUF_INIT;
    ls_error err = {0};
    const char *shape = "{s:f,s:f,s:s}";
    assert_int_equal(ls_json_put(&shown, json_pack(shape, "fee", 0.1, "big", 12345678901.5, "k",
                                                   "v")), LS_OK);
    assert_int_equal(ls_json_put_stored(&stored, json_pack(shape, "fee", 0.1, "big",
                                                           12345678901.5, "k", "v"), &err),
                     LS_OK);
    assert_string_equal(shown.data, "{\"fee\":0.1,\"big\":12345678901.5,\"k\":\"v\"}");
    assert_string_equal(stored.data, shown.data);
    json_t *back = json_loads(stored.data, 0, NULL);
    assert_true(json_real_value(json_object_get(back, "fee")) == 0.1);
    assert_true(json_real_value(json_object_get(back, "big")) == 12345678901.5);
    json_decref(back);
    /* errors: the buffer's, said in err */
    stored.cap_limit = stored.len + 2;
    assert_int_equal(ls_json_put_stored(&stored, json_pack("[s]", "too long"), &err), LS_ERR_LIMIT);
    assert_non_null(strstr(err.msg, "cannot encode record"));
    assert_int_equal(ls_json_put_stored(&shown, NULL, NULL), LS_ERR_NOMEM);
    ls_buf_free(&shown);
    ls_buf_free(&stored);
}

/* ls_json_text: the same text as ls_json_put, in a string of its own. */
static void test_text(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_json_put(&b, json_pack("{s:[i,f],s:n}", "a", 1, 0.25, "z")), LS_OK);
    char *t = ls_json_text(json_pack("{s:[i,f],s:n}", "a", 1, 0.25, "z"));
    assert_non_null(t);
    assert_string_equal(t, b.data);
    assert_string_equal(t, "{\"a\":[1,0.25],\"z\":null}");
    free(t);
    ls_buf_free(&b);
    assert_null(ls_json_text(NULL));   /* a build that failed */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_object_order_and_optional),
        cmocka_unit_test(test_fixed),
        cmocka_unit_test(test_errors_reach_the_caller),
        cmocka_unit_test(test_reals_short_and_exact),
        cmocka_unit_test(test_reals_only),
        cmocka_unit_test(test_stored_reals_exact),
        cmocka_unit_test(test_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
