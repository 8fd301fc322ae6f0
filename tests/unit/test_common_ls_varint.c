/* test_common_ls_varint.c — common/ls_varint.c: LEB128 bytes as the stored
 * records have them (7 bits a byte, low first), round trips at every width
 * up to SIZE_MAX, several in a row, and a cut or over-long varint refused
 * (bad set, 0 returned) rather than read past the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_varint.h"

static void test_bytes(void **state)
{
    (void)state;
    static const struct { size_t v; const char *bytes; size_t n; } cases[] = {
        {0, "\x00", 1}, {1, "\x01", 1}, {127, "\x7f", 1}, {128, "\x80\x01", 2},
        {300, "\xac\x02", 2}, {16384, "\x80\x80\x01", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_buf b = LS_BUF_INIT;
        assert_int_equal(ls_varint_put(&b, cases[i].v), LS_OK);
        assert_int_equal(b.len, cases[i].n);
        assert_memory_equal(b.data, cases[i].bytes, cases[i].n);
        ls_buf_free(&b);
    }
}

static void test_round_trips(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    size_t values[70];
    size_t n = 0;
    for (unsigned bits = 0; bits < 64; bits++) values[n++] = ((size_t)1 << bits) - 1;
    values[n++] = SIZE_MAX;
    values[n++] = 0;
    for (size_t i = 0; i < n; i++) assert_int_equal(ls_varint_put(&b, values[i]), LS_OK);
    const unsigned char *p = (const unsigned char *)b.data, *end = p + b.len;
    for (size_t i = 0; i < n; i++) {
        int bad = 0;
        assert_true(ls_varint_get(&p, end, &bad) == values[i]);
        assert_int_equal(bad, 0);
    }
    assert_ptr_equal(p, end);
    ls_buf_free(&b);
}

static void test_refused(void **state)
{
    (void)state;
    /* cut: the last byte still says "more" */
    const unsigned char cut[] = {0x80, 0x80};
    const unsigned char *p = cut;
    int bad = 0;
    assert_true(ls_varint_get(&p, cut + sizeof cut, &bad) == 0);
    assert_int_equal(bad, 1);
    assert_true(p <= cut + sizeof cut);
    /* nothing to read */
    p = cut;
    bad = 0;
    assert_true(ls_varint_get(&p, cut, &bad) == 0);
    assert_int_equal(bad, 1);
    /* over-long: ten continuation bytes and more */
    unsigned char longer[12];
    memset(longer, 0xff, sizeof longer);
    p = longer;
    bad = 0;
    assert_true(ls_varint_get(&p, longer + sizeof longer, &bad) == 0);
    assert_int_equal(bad, 1);
    /* a full buffer refuses the bytes */
    ls_buf b = LS_BUF_INIT;
    b.cap_limit = 1;
    assert_int_equal(ls_varint_put(&b, 300), LS_ERR_LIMIT);
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bytes),
        cmocka_unit_test(test_round_trips),
        cmocka_unit_test(test_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
