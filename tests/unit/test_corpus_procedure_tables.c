/* test_corpus_procedure_tables.c — the procedure model and its readers: the portal's
 * flattened tables rebuilt (channels, dossier, legal bases, results) on
 * small fixtures written here and on real records of ../shared (hard ones
 * included), both record shapes, and bad input skipped with its reason. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../corpus/reader.h"
#include "../../corpus/procedure.h"
#include "../support/test_support.h"

static ls_procedure *new_proc(void)
{
    ls_procedure *p = calloc(1, sizeof *p);
    assert_non_null(p);
    return p;
}

static void test_channels(void **state)
{
    (void)state;
    ls_procedure *p = new_proc();
    assert_int_equal(ls_proc_parse_channels(p, "Hình thức nộpThời gianPhí, lệ phíMô tả"
        "Trực tiếp5 Ngày làm việc50,000 Việt Nam ĐồngLệ phí cấp lần đầu"
        "Trực tuyến3 NgàyMiễn phí(Không thu phí khi nộp trực tuyến)"
        "Dịch vụ bưu chính01 GiờKhông có thông tinMức thu do Hội đồng nhân dân tỉnh quy định"
        "Trực tiếp7Miễn phí"), 1);
    assert_int_equal(p->nchannels, 4);
    assert_string_equal(p->channels[0].channel, "Trực tiếp");
    assert_true(p->channels[0].time_value == 5);
    assert_string_equal(p->channels[0].time_unit, "ngày làm việc");
    assert_int_equal(p->channels[0].fee_kind, LS_FEE_AMOUNT);
    assert_true(p->channels[0].fee_amount == 50000);
    assert_string_equal(p->channels[0].description, "Lệ phí cấp lần đầu");
    assert_string_equal(p->channels[1].channel, "Trực tuyến");
    assert_string_equal(p->channels[1].time_unit, "ngày");
    assert_int_equal(p->channels[1].fee_kind, LS_FEE_FREE);
    assert_string_equal(p->channels[2].channel, "Dịch vụ bưu chính");
    assert_string_equal(p->channels[2].time_unit, "giờ");
    assert_int_equal(p->channels[2].fee_kind, LS_FEE_PROVINCE);
    assert_true(p->channels[3].time_value == 7);
    assert_null(p->channels[3].time_unit);
    /* prose instead of rows: not read, the caller keeps the text */
    assert_int_equal(ls_proc_parse_channels(p, "Nộp hồ sơ tại bộ phận một cửa"), 0);
    ls_procedure_free(p);
}

static void test_fees_and_times(void **state)
{
    (void)state;
    double v;
    const char *unit;
    assert_int_equal(ls_proc_parse_fee("Lệ phí : 200.000 Đồng", strlen("Lệ phí : 200.000 Đồng"), NULL, &v),
                     LS_FEE_AMOUNT);
    assert_true(v == 200000);
    assert_int_equal(ls_proc_parse_fee("Phí : 0 Đồng", strlen("Phí : 0 Đồng"), NULL, &v), LS_FEE_FREE);
    assert_int_equal(ls_proc_parse_fee("1,000,000 Việt Nam Đồng", strlen("1,000,000 Việt Nam Đồng"), NULL, &v), LS_FEE_AMOUNT);
    assert_true(v == 1000000);
    assert_int_equal(ls_proc_parse_fee("Mức thu bằng 50%", strlen("Mức thu bằng 50%"), NULL, &v), LS_FEE_OTHER);
    assert_int_equal(ls_proc_parse_fee("", 0, NULL, &v), LS_FEE_UNKNOWN);
    assert_int_equal(ls_proc_parse_time("15 Ngày làm việc", strlen("15 Ngày làm việc"), &v, &unit), 1);
    assert_true(v == 15);
    assert_string_equal(unit, "ngày làm việc");
    assert_int_equal(ls_proc_parse_time("Không quy định", strlen("Không quy định"), &v, &unit), 0);
    /* a decimal part reads as strtod reads it: 0.7, not 0.7000000000000001 */
    assert_int_equal(ls_proc_parse_time("0,7 Ngày", strlen("0,7 Ngày"), &v, &unit), 1);
    assert_true(v == 0.7);
    assert_int_equal(ls_proc_parse_time("1,25 Giờ", strlen("1,25 Giờ"), &v, &unit), 1);
    assert_true(v == 1.25);
    assert_int_equal(ls_proc_parse_fee("0,3 Đồng", strlen("0,3 Đồng"), NULL, &v), LS_FEE_AMOUNT);
    assert_true(v == 0.3);
}

static void test_dossier(void **state)
{
    (void)state;
    ls_procedure *p = new_proc();
    assert_int_equal(ls_proc_parse_dossier(p, "--Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "Tờ khai đăng ký khai sinh theo mẫuTK-khaisinh.docx1 bản chính"
        "Giấy chứng sinh0 bản chính,1 bản sao"
        "Trường hợp con nuôiTên giấy tờMẫu đơn, tờ khaiSố lượng"
        "Quyết định công nhận việc nuôi con nuôi1 bản sao"), 1);
    assert_int_equal(p->nitems, 3);
    assert_string_equal(p->items[0].name, "Tờ khai đăng ký khai sinh theo mẫu");
    assert_string_equal(p->items[0].form, "TK-khaisinh.docx");
    assert_int_equal(p->items[0].originals, 1);
    assert_null(p->items[0].group);
    assert_string_equal(p->items[1].name, "Giấy chứng sinh");
    assert_int_equal(p->items[1].originals, 0);
    assert_int_equal(p->items[1].copies, 1);
    assert_string_equal(p->items[2].group, "Trường hợp con nuôi");
    assert_int_equal(p->items[2].copies, 1);
    /* a row without its quantity */
    ls_procedure *q = new_proc();
    assert_int_equal(ls_proc_parse_dossier(q, "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn1 bản chínhẢnh"), 0);
    ls_procedure_free(q);
    ls_procedure_free(p);
}

static void test_bases(void **state)
{
    (void)state;
    ls_procedure *p = new_proc();
    /* names glued to numbers, a year glued to the next number, a law's
     * term digits glued to the next, a number repeated in its name */
    assert_int_equal(ls_proc_parse_bases(p, "Tên văn bản pháp lýMã văn bản"
        "Luật Khiếu nại  năm 201102/2011/QH13"
        "Luật 54/2014/QH1354/2014/QH13"
        "Nghị định 121/2021/NĐ-CP121/2021/NĐ-CP"
        "Quy định chi tiết, có hiệu lực từ ngày 01/7/2025598/QĐ-TTg"
        "Hướng dẫn xử lý khiếu nại68/2013/TT-BCA"), 1);
    assert_int_equal(p->nbases, 5);
    assert_string_equal(p->bases[0].number, "02/2011/QH13");
    assert_string_equal(p->bases[0].name, "Luật Khiếu nại  năm 2011");
    assert_string_equal(p->bases[0].type, "Luật");
    assert_string_equal(p->bases[1].number, "54/2014/QH13");
    assert_string_equal(p->bases[2].number, "121/2021/NĐ-CP");
    assert_string_equal(p->bases[2].name, "Nghị định 121/2021/NĐ-CP");
    assert_string_equal(p->bases[2].type, "Nghị định");
    assert_string_equal(p->bases[3].number, "598/QĐ-TTg");
    assert_string_equal(p->bases[3].type, "Quyết định");
    assert_string_equal(p->bases[4].number, "68/2013/TT-BCA");
    assert_string_equal(p->bases[4].type, "Thông tư");
    ls_procedure_free(p);
    char *r = ls_proc_parse_result("Thực hiện miễn thuếMã: KQ.G12.001222Thông báo lý doMã: "
                                   "G19-KQ0060102Từ khóaKhông có thông tin");
    assert_string_equal(r, "Thực hiện miễn thuế; Thông báo lý do");
    free(r);
}

/* ---- readers ---------------------------------------------------------- */

typedef struct seen {
    int docs, problems;
    char problem[8][400];
    ls_procedure *first;   /* a copy of the first procedure */
    char first_id[64], first_type[64];
    size_t narticles;
} seen;

static int on_doc(void *ctx, const ls_document *d)
{
    seen *s = ctx;
    assert_non_null(d->procedure);
    if (!s->first) {
        s->first = ls_procedure_copy(d->procedure);
        snprintf(s->first_id, sizeof s->first_id, "%s", d->id);
        snprintf(s->first_type, sizeof s->first_type, "%s", d->type ? d->type : "");
        s->narticles = d->narticles;
    }
    s->docs++;
    return 0;
}

static void on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    (void)path, (void)line;
    seen *s = ctx;
    if (s->problems < 8) snprintf(s->problem[s->problems], sizeof s->problem[0], "%s", msg);
    s->problems++;
}

static void read_buf(const char *name, const char *json, seen *s)
{
    memset(s, 0, sizeof *s);
    ls_reader_sink sink = {on_doc, on_problem, s};
    ls_error err = {0};
    assert_int_equal(ls_corpus_read_buffer(name, json, strlen(json), LS_FORMAT_AUTO, &sink, &err), LS_OK);
}

static void test_bad_input(void **state)
{
    (void)state;
    seen s;
    read_buf("x.json", "{\"ma_thu_tuc\": \"1.1\", \"ten_thu_tuc\": ", &s); /* detected, cut short */
    assert_int_equal(s.docs, 0);
    assert_int_equal(s.problems, 1);
    assert_non_null(strstr(s.problem[0], "not JSON"));
    read_buf("x.json", "[{\"ma_thu_tuc\": \"\", \"ten_thu_tuc\": \"Cấp hộ chiếu\"},"
                       " 7, {\"ma_thu_tuc\": \"1.2\", \"ten_thu_tuc\": \"Cấp thị thực\"}]", &s);
    assert_int_equal(s.docs, 1); /* nothing else is lost */
    assert_int_equal(s.problems, 2);
    assert_non_null(strstr(s.problem[0], "without a code"));
    assert_non_null(strstr(s.problem[1], "not a JSON object"));
    assert_string_equal(s.first_id, "tthc:1.2");
    assert_string_equal(s.first_type, LS_PROCEDURE_TYPE);
    assert_int_equal(s.narticles, 1);
    ls_procedure_free(s.first);
    /* an overlong field */
    size_t n = 300 * 1024;
    char *big = malloc(n + 200);
    assert_non_null(big);
    int k = snprintf(big, 200, "{\"ma_thu_tuc\": \"1.3\", \"ten_thu_tuc\": \"A\", \"trinh_tu_thuc_hien\": \"");
    memset(big + k, 'a', n);
    strcpy(big + k + n, "\"}");
    read_buf("big.json", big, &s);
    free(big);
    assert_int_equal(s.docs, 0);
    assert_non_null(strstr(s.problem[0], "trinh_tu_thuc_hien is over"));
    /* a duplicate code across files of one directory */
    char *dir = ts_mkdtemp();
    char path[600];
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%d.json", dir, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "{\"ma_thu_tuc\": \"2.000001\", \"ten_thu_tuc\": \"Bản %d\"}", i);
        fclose(f);
    }
    memset(&s, 0, sizeof s);
    ls_reader_sink sink = {on_doc, on_problem, &s};
    ls_error err = {0};
    assert_int_equal(ls_corpus_read_path(dir, LS_FORMAT_AUTO, &sink, &err), LS_OK);
    assert_int_equal(s.docs, 1);
    assert_int_equal(s.problems, 1);
    assert_non_null(strstr(s.problem[0], "duplicate procedure code 2.000001"));
    assert_string_equal(s.first->name, "Bản 0");
    ls_procedure_free(s.first);
    ts_rmtree(dir);
    free(dir);
}

static void read_shared(const char *rel, seen *s)
{
    ts_require_shared(rel);
    memset(s, 0, sizeof *s);
    ls_reader_sink sink = {on_doc, on_problem, s};
    ls_error err = {0};
    assert_int_equal(ls_corpus_read_path(ts_shared_path(rel), LS_FORMAT_AUTO, &sink, &err), LS_OK);
}

/* A page whose dossier has a case heading before its table, and whose
 * bases glue "Luật 54/2014/QH13" to its number. */
static void test_real_page(void **state)
{
    (void)state;
    seen s;
    read_shared("corpus/tthc/dichvucong/bo-tai-chinh/1.007664.json", &s);
    assert_int_equal(s.docs, 1);
    ls_procedure *p = s.first;
    assert_string_equal(p->code, "1.007664");
    assert_string_equal(p->field, "Hải quan");
    assert_string_equal(p->ministry, "bo-tai-chinh");
    assert_int_equal(p->nchannels, 2);
    assert_int_equal(p->channels[0].fee_kind, LS_FEE_FREE);
    assert_true(p->nitems >= 5);
    assert_non_null(p->items[0].group);
    assert_non_null(strstr(p->items[0].group, "Ngoài hồ sơ miễn thuế"));
    assert_int_equal(p->items[0].copies, 1);
    int found = 0;
    for (size_t i = 0; i < p->nbases; i++)
        found |= strcmp(p->bases[i].number, "54/2014/QH13") == 0;
    assert_true(found);
    assert_null(p->problems);
    json_t *card = ls_procedure_card(p);
    assert_non_null(card);
    assert_string_equal(json_string_value(json_object_get(card, "procedure_code")), "1.007664");
    assert_int_equal(json_array_size(json_object_get(card, "channels")), 2);
    json_decref(card);
    ls_procedure_free(p);
}

/* The .doc export shape: real tables, the basis number completed from its name. */
static void test_real_export(void **state)
{
    (void)state;
    seen s;
    read_shared("corpus/tthc/bqp-doc/1.013124.json", &s);
    assert_int_equal(s.docs, 1);
    ls_procedure *p = s.first;
    assert_string_equal(p->code, "1.013124");
    assert_string_equal(p->ministry, "bo-quoc-phong");
    assert_int_equal(p->nchannels, 3);
    assert_true(p->channels[0].time_value == 30);
    assert_string_equal(p->channels[0].time_unit, "ngày làm việc");
    assert_int_equal(p->channels[0].fee_kind, LS_FEE_FREE);
    assert_int_equal(p->nitems, 2);
    assert_int_equal(p->items[0].originals, 1);
    assert_int_equal(p->items[0].copies, 0);
    assert_int_equal(p->nbases, 1);
    assert_string_equal(p->bases[0].number, "12/2021/QĐ-TTg");
    assert_string_equal(p->bases[0].type, "Quyết định");
    ls_procedure_free(p);
}

/* The whole corpus: every record read, nearly every table rebuilt. */
static void test_real_corpus(void **state)
{
    (void)state;
    ls_table_counts tc;
    ls_tthc_table_counts(&tc, 1);
    seen s;
    read_shared("corpus/tthc", &s);
    ls_procedure_free(s.first);
    ls_tthc_table_counts(&tc, 1);
    printf("# tthc: %d procedures, %lu tables, %lu rebuilt, %lu kept as text\n", s.docs,
           tc.tables, tc.parsed, tc.failed);
    assert_int_equal(s.docs, 2642 + 207);
    assert_int_equal(tc.parsed + tc.failed, tc.tables);
    assert_true(tc.parsed * 100 >= tc.tables * 97);
    assert_int_equal((unsigned long)s.problems, tc.failed ? (unsigned long)s.problems : 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_channels),     cmocka_unit_test(test_fees_and_times),
        cmocka_unit_test(test_dossier),      cmocka_unit_test(test_bases),
        cmocka_unit_test(test_bad_input),    cmocka_unit_test(test_real_page),
        cmocka_unit_test(test_real_export),  cmocka_unit_test(test_real_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
