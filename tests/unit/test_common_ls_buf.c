/* test_common_ls_buf.c — common/ls_buf.c: appends of every kind, growth,
 * the size cap, the first error sticking until reset,
 * detach, cutting at a UTF-8 boundary and whole-file reading. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_buf.h"
#include "../support/test_support.h"

static void test_appends_and_growth(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_buf_puts(&b, "Điều "), LS_OK);
    assert_int_equal(ls_buf_printf(&b, "%d%c", 5, 'a'), LS_OK);
    assert_int_equal(ls_buf_putc(&b, ' '), LS_OK);
    assert_int_equal(ls_buf_append(&b, "khoản 2xyz", strlen("khoản 2")), LS_OK);
    assert_int_equal(ls_buf_append(&b, NULL, 0), LS_OK);
    assert_string_equal(b.data, "Điều 5a khoản 2");
    assert_int_equal(b.len, strlen("Điều 5a khoản 2"));
    /* many appends cross several reallocations; every byte lands in order */
    ls_buf_reset(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    for (int i = 0; i < 5000; i++) assert_int_equal(ls_buf_putc(&b, (char)('a' + i % 26)), LS_OK);
    assert_int_equal(b.len, 5000);
    assert_true(b.cap > b.len);
    for (int i = 0; i < 5000; i++) assert_int_equal(b.data[i], 'a' + i % 26);
    assert_int_equal(b.data[5000], '\0');
    assert_int_equal(ls_buf_error(&b), LS_OK);
    ls_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
}

static void test_cap_limit(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    b.cap_limit = 8;
    assert_int_equal(ls_buf_puts(&b, "12345678"), LS_OK);  /* exactly the cap */
    assert_int_equal(ls_buf_putc(&b, '9'), LS_ERR_LIMIT);
    assert_string_equal(b.data, "12345678");
    ls_buf_free(&b);

    ls_buf c = LS_BUF_INIT;
    c.cap_limit = 4;
    assert_int_equal(ls_buf_printf(&c, "%s", "abcdef"), LS_ERR_LIMIT);
    assert_int_equal(c.len, 0);
    assert_int_equal(ls_buf_puts(&c, "ab"), LS_ERR_LIMIT);  /* sticky */
    assert_int_equal(c.len, 0);
    assert_int_equal(ls_buf_append(&c, "x", (size_t)-1), LS_ERR_LIMIT);
    ls_buf_free(&c);

    ls_buf d = LS_BUF_INIT;  /* a size that cannot exist is refused, not wrapped */
    assert_int_equal(ls_buf_append(&d, "x", (size_t)-1), LS_ERR_NOMEM);
    assert_int_equal(ls_buf_error(&d), LS_ERR_NOMEM);
    ls_buf_free(&d);
}

/* Once an append failed, every later append is a no-op returning the first
 * error, whatever its kind, so a writer checks once at the end. */
static void test_first_error_sticks(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    b.cap_limit = 10;
    assert_int_equal(ls_buf_puts(&b, "{\"a\":"), LS_OK);
    assert_int_equal(ls_buf_puts(&b, "\"a long value\""), LS_ERR_LIMIT);
    /* each of these would fit by itself: none may land after the failure */
    assert_int_equal(ls_buf_putc(&b, '}'), LS_ERR_LIMIT);
    assert_int_equal(ls_buf_puts(&b, "1"), LS_ERR_LIMIT);
    assert_int_equal(ls_buf_append(&b, "2", 1), LS_ERR_LIMIT);
    assert_int_equal(ls_buf_printf(&b, "%d", 3), LS_ERR_LIMIT);
    assert_string_equal(b.data, "{\"a\":");
    assert_int_equal(ls_buf_error(&b), LS_ERR_LIMIT);

    /* reset forgets the error with the contents */
    ls_buf_reset(&b);
    assert_int_equal(ls_buf_error(&b), LS_OK);
    assert_int_equal(ls_buf_puts(&b, "ok"), LS_OK);
    assert_string_equal(b.data, "ok");

    /* so does detach (the buffer starts over) */
    assert_int_equal(ls_buf_puts(&b, "123456789"), LS_ERR_LIMIT);
    char *s = ls_buf_detach(&b);
    assert_string_equal(s, "ok");
    free(s);
    assert_int_equal(ls_buf_error(&b), LS_OK);
    assert_int_equal(ls_buf_puts(&b, "again"), LS_OK);
    ls_buf_free(&b);

    /* and free */
    ls_buf c = LS_BUF_INIT;
    c.cap_limit = 1;
    assert_int_equal(ls_buf_puts(&c, "ab"), LS_ERR_LIMIT);
    ls_buf_free(&c);
    assert_int_equal(ls_buf_error(&c), LS_OK);
}

static void test_detach(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    char *s = ls_buf_detach(&b);  /* never appended: "" not NULL */
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    assert_int_equal(ls_buf_puts(&b, "hộ tịch"), LS_OK);
    s = ls_buf_detach(&b);
    assert_string_equal(s, "hộ tịch");
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    free(s);
}

static void test_utf8_truncate(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        {"", ""},
        {"abc", "abc"},
        {"vi\xe1\xbb\x87t", "vi\xe1\xbb\x87t"},   /* việt whole */
        {"vi\xe1\xbb", "vi"},                     /* 2 of 3 bytes of ệ */
        {"vi\xe1", "vi"},                         /* its lead byte alone */
        {"\xc4\x91", "\xc4\x91"},                 /* đ whole */
        {"a\xc4", "a"},
        {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"}, /* 4 bytes whole */
        {"x\xf0\x9f\x98", "x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char s[32];
        strcpy(s, cases[i].in);
        size_t n = ls_utf8_truncate(s);
        assert_string_equal(s, cases[i].out);
        assert_int_equal(n, strlen(cases[i].out));
    }
}

static void test_read_file(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    char path[4096];
    snprintf(path, sizeof path, "%s/f.txt", dir);
    /* bigger than one 64 KiB read, with a NUL inside */
    size_t n = 200000;
    char *want = malloc(n);
    assert_non_null(want);
    for (size_t i = 0; i < n; i++) want[i] = (char)(i % 251);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(want, 1, n, f), n);
    fclose(f);

    char *got = NULL;
    size_t len = 0;
    ls_error err = {0};
    assert_int_equal(ls_read_file(path, &got, &len, &err), LS_OK);
    assert_int_equal(len, n);
    assert_memory_equal(got, want, n);
    assert_int_equal(got[n], '\0');
    free(got);

    snprintf(path, sizeof path, "%s/missing.txt", dir);
    assert_int_equal(ls_read_file(path, &got, &len, &err), LS_ERR_IO);
    assert_null(got);
    assert_int_equal(len, 0);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "cannot open"));

    free(want);
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appends_and_growth),
            cmocka_unit_test(test_cap_limit),
        cmocka_unit_test(test_first_error_sticks),
        cmocka_unit_test(test_detach),
        cmocka_unit_test(test_utf8_truncate),
        cmocka_unit_test(test_read_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
