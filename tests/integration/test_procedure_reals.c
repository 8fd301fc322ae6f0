/* test_procedure_reals.c — a procedure card's fractional numbers end to
 * end: a card with a time limit of "0,7 Ngày" and a fee of
 * "12.345.678.901,5 Đồng" indexed beside corpus/sample, then its card (what
 * `procedure --json`, REST /procedures/CODE and MCP get_procedure give) and
 * its search hit (search --json, REST, MCP search_procedures) show 0.7 and
 * 12345678901.5, the shortest text that reads back to the stored double
 * (not jansson's 0.69999999999999996, nor 1.23456789e10 at 10 digits), and
 * read back exactly; the plain-text card (`procedure CODE`) shows the fee
 * as "12.345.678.901,5 đồng". */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../common/ls_buf.h"
#include "../../corpus/reader.h"
#include "../../query/results_json.h"
#include "../../query/search.h"
#include "../../review/procedure_bases.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

static const char card[] =
    "{\"ma_thu_tuc\": \"9.000101\", \"ten_thu_tuc\": \"Thủ tục cấp giấy xác nhận phân số lẻ\","
    " \"so_quyet_dinh\": \"MẪU/QĐ-LS\", \"cap_thuc_hien\": \"Cấp xã\","
    " \"linh_vuc\": \"Hộ tịch\", \"co_quan_thuc_hien\": \"Ủy ban nhân dân cấp xã\","
    " \"trinh_tu_thuc_hien\": \"Bước 1: Nộp tờ khai xác nhận phân số lẻ.\","
    " \"cach_thuc_thuc_hien\": \"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp0,7 Ngày"
    "12.345.678.901,5 ĐồngNộp tại Bộ phận một cửa\", \"can_cu_phap_ly\": \"\", \"raw_text\": \"\"}";

static char *dir;
static ls_searcher *s;

static int setup(void **state)
{
    (void)state;
    ts_text t = {"9.000101.json", card, sizeof card - 1, LS_FORMAT_TTHC};
    return ts_open_sample(&t, 1, &dir, &s);
}

static int teardown(void **state)
{
    ts_close_sample(dir, s);
    return ts_shutdown_analyser(state);
}

/* The first channel of a card object: its time value and fee amount read
 * back exactly. */
static void assert_exact(json_t *c)
{
    json_t *ch = json_array_get(json_object_get(c, "channels"), 0);
    json_t *value = json_object_get(json_object_get(ch, "time_limit"), "value");
    json_t *amount = json_object_get(json_object_get(ch, "fee"), "amount");
    assert_true(json_is_real(value) && json_real_value(value) == 0.7);
    assert_true(json_is_real(amount) && json_real_value(amount) == 12345678901.5);
}

static void test_card_shows_short_reals(void **state)
{
    (void)state;
    char *text = NULL;
    ls_error err = {0};
    assert_int_equal(ls_procedure_get(s, "9.000101", NULL, &text, &err), LS_OK);
    assert_non_null(strstr(text, "\"time_limit\":{\"value\":0.7,"));
    assert_non_null(strstr(text, "\"amount\":12345678901.5,"));
    assert_null(strstr(text, "99999"));
    json_t *c = json_loads(text, 0, NULL);
    assert_non_null(c);
    assert_exact(c);
    json_decref(c);
    free(text);
}

static void test_search_hit_shows_short_reals(void **state)
{
    (void)state;
    const char *q = "xác nhận phân số lẻ";
    ls_search_request req = {.query = q, .limit = 5, .kind = LS_KIND_PROCEDURE};
    ls_results *r = NULL;
    ls_error err = {0};
    assert_int_equal(ls_search(s, &req, &r, &err), LS_OK);
    assert_true(r->nhits >= 1);
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_results_json(r, q, strlen(q), 0, &b), LS_OK);
    ls_results_free(r);
    assert_non_null(strstr(b.data, "\"procedure_code\":\"9.000101\""));
    assert_non_null(strstr(b.data, "\"time_limit\":{\"value\":0.7,"));
    assert_non_null(strstr(b.data, "\"amount\":12345678901.5,"));
    json_t *o = json_loads(b.data, 0, NULL);
    assert_exact(json_array_get(json_object_get(o, "hits"), 0));
    json_decref(o);
    ls_buf_free(&b);
}

/* `luat-search procedure CODE` (the plain-text card): the fractional fee
 * as Vietnamese writes it, not rounded to "12345678902"; a whole fee (the
 * sample's 9.000001, "8000 Đồng") as it always printed. */
static void expect_card_fee(const char *code, const char *want)
{
    char cmd[9000];
    snprintf(cmd, sizeof cmd, "'%s' procedure --db '%s' %s", ts_bin(), dir, code);
    char *out = NULL, *err = NULL;
    int status = ts_run(cmd, "", &out, &err);
    if (status != 0 || !strstr(out, want))
        fail_msg("%s: exit %d, '%s' not in: %s%s", code, status, want, out, err);
    free(out);
    free(err);
}

static void test_card_text_fee(void **state)
{
    (void)state;
    expect_card_fee("9.000101", "; phí, lệ phí 12.345.678.901,5 đồng\n");
    expect_card_fee("9.000001", "; phí, lệ phí 8000 đồng\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_card_shows_short_reals),
        cmocka_unit_test(test_search_hit_shows_short_reals),
        cmocka_unit_test(test_card_text_fee),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
