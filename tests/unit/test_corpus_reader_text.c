/* test_corpus_reader_text.c — the plain-text decree reader, format detection and
 * the reader dispatcher (buffers, files, directories in name order). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../corpus/reader.h"
#include "../../corpus/structure.h"

/* Collects copies of what the reader delivers. */
typedef struct {
    char ids[8][64];
    char title[256], issuer[64], type[32], issued[16], effective[16], number[32];
    size_t narticles, ndocs, nproblems, problem_line, stop_after;
    char problem[256];
} sink_log;

static void copy(char *dst, size_t cap, const char *src) { snprintf(dst, cap, "%s", src ? src : "(null)"); }

static int on_doc(void *ctx, const ls_document *d)
{
    sink_log *l = ctx;
    if (l->ndocs < 8) copy(l->ids[l->ndocs], sizeof l->ids[0], d->id);
    copy(l->title, sizeof l->title, d->title);
    copy(l->issuer, sizeof l->issuer, d->issuer);
    copy(l->type, sizeof l->type, d->type);
    copy(l->issued, sizeof l->issued, d->issued);
    copy(l->effective, sizeof l->effective, d->effective);
    copy(l->number, sizeof l->number, d->number);
    l->narticles = d->narticles;
    l->ndocs++;
    return l->stop_after && l->ndocs >= l->stop_after;
}

static void on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    sink_log *l = ctx;
    l->nproblems++;
    l->problem_line = line;
    snprintf(l->problem, sizeof l->problem, "%s: %s", path, msg);
}

static const char DECREE[] =
    "\xEF\xBB\xBF" "CHÍNH PHỦ\n"
    "-------\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "---------------\n\n"
    "Số: 123/2015/NĐ-CP\n"
    "Hà Nội, ngày 15 tháng 11 năm 2015\n\n"
    "NGHỊ ĐỊNH\n"
    "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU VÀ BIỆN PHÁP\n"
    "THI HÀNH LUẬT HỘ TỊCH\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;\n"
    "Chính phủ ban hành Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch.\n\n"
    "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "Nghị định này quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch.\n"
    "Điều 40. Hiệu lực thi hành\n"
    "1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2016.\n";

static const char LAW[] =
    "QUỐC HỘI\r\n--------\r\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\nĐộc lập - Tự do - Hạnh phúc\r\n---------------\r\n"
    "Luật số: 68/2020/QH14\r\n\r\n"
    "LUẬT\r\nCƯ TRÚ\r\n\r\n"
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\r\n"
    "Quốc hội ban hành Luật Cư trú.\r\n\r\n"
    "Chương I\r\nNHỮNG QUY ĐỊNH CHUNG\r\n"
    "Điều 1. Phạm vi điều chỉnh\r\n"
    "Luật này quy định về việc thực hiện quyền tự do cư trú của công dân Việt Nam.\r\n"
    "Điều 38. Hiệu lực thi hành\r\n"
    "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2021.\r\n\r\n"
    "Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XIV, kỳ họp thứ 10 "
    "thông qua ngày 13 tháng 11 năm 2020.\r\n";

static const char CIRCULAR[] =
    "BỘ CÔNG AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
    "Số: 55/2021/TT-BCA\nHà Nội, ngày 15 tháng 5 năm 2021\n\n"
    "THÔNG TƯ\nQUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU VÀ BIỆN PHÁP THI HÀNH LUẬT CƯ TRÚ\n\n"
    "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết.\n"
    "Điều 27. Hiệu lực thi hành\nThông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2021.\n";

/* a title citing another text by its number: the number keeps its capitals
 * (else the title's citation is not read as one) */
static const char AMENDING[] =
    "CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
    "Số: 10/2023/NĐ-CP\nHà Nội, ngày 03 tháng 4 năm 2023\n\n"
    "NGHỊ ĐỊNH\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 43/2014/NĐ-CP\n"
    "HƯỚNG DẪN THI HÀNH LUẬT ĐẤT ĐAI\n\n"
    "Điều 1. Sửa đổi, bổ sung\nSửa đổi khoản 1 Điều 5.\n"
    "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 20 tháng 5 năm 2023.\n";

typedef struct {
    const char *text;
    const char *id, *number, *type, *issuer, *issued, *effective, *title;
    size_t narticles;
} text_case;

static const text_case text_cases[] = {
    {DECREE, "123/2015/nđ-cp", "123/2015/NĐ-CP", "Nghị định", "Chính phủ", "2015-11-15", "2016-01-01",
     "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch", 2},
    {LAW, "68/2020/qh14", "68/2020/QH14", "Luật", "Quốc hội", "2020-11-13", "2021-07-01", "Luật Cư trú", 2},
    {CIRCULAR, "55/2021/tt-bca", "55/2021/TT-BCA", "Thông tư", "Bộ Công an", "2021-05-15", "2021-07-01",
     "Thông tư quy định chi tiết một số điều và biện pháp thi hành Luật Cư trú", 2},
    {AMENDING, "10/2023/nđ-cp", "10/2023/NĐ-CP", "Nghị định", "Chính phủ", "2023-04-03", "2023-05-20",
     "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 43/2014/NĐ-CP hướng dẫn thi hành "
     "Luật Đất đai", 2},
};

static void test_text_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
        const text_case *c = &text_cases[i];
        sink_log log;
        memset(&log, 0, sizeof log);
        ls_reader_sink sink = {on_doc, on_problem, &log};
        ls_error err = {0};
        assert_int_equal(ls_read_text("case.txt", c->text, strlen(c->text), &sink, &err), LS_OK);
        assert_int_equal(log.nproblems, 0);
        assert_int_equal(log.ndocs, 1);
        assert_string_equal(log.ids[0], c->id);
        assert_string_equal(log.number, c->number);
        assert_string_equal(log.type, c->type);
        assert_string_equal(log.issuer, c->issuer);
        assert_string_equal(log.issued, c->issued);
        assert_string_equal(log.effective, c->effective);
        assert_string_equal(log.title, c->title);
        assert_int_equal(log.narticles, c->narticles);
    }
}

static void test_problems(void **state)
{
    (void)state;
    sink_log log;
    memset(&log, 0, sizeof log);
    ls_reader_sink sink = {on_doc, on_problem, &log};
    /* no number: skipped with a problem naming the type line */
    const char *nonum = "CHÍNH PHỦ\n-------\n\nNGHỊ ĐỊNH\nVỀ VIỆC GÌ ĐÓ\n\nĐiều 1. Một\nMột.\n";
    assert_int_equal(ls_read_text("nonum.txt", nonum, strlen(nonum), &sink, NULL), LS_OK);
    assert_int_equal(log.ndocs, 0);
    assert_int_equal(log.nproblems, 1);
    assert_int_equal(log.problem_line, 4);
    assert_non_null(strstr(log.problem, "nonum.txt"));
    assert_non_null(strstr(log.problem, "number"));
    /* invalid UTF-8 on line 3, byte 28 (14 + 8 + 6 bytes of "Số: 1") */
    const char bad[] = "CHÍNH PHỦ\n-------\nSố: 1\xC3\x28/2015/NĐ-CP\n";
    memset(&log, 0, sizeof log);
    assert_int_equal(ls_read_text("bad.txt", bad, sizeof bad - 1, &sink, NULL), LS_OK);
    assert_int_equal(log.ndocs, 0);
    assert_int_equal(log.nproblems, 1);
    assert_int_equal(log.problem_line, 3);
    assert_non_null(strstr(log.problem, "byte 28"));
}

static void test_format_names_and_detect(void **state)
{
    (void)state;
    assert_int_equal(ls_format_parse("text"), LS_FORMAT_TEXT);
    assert_int_equal(ls_format_parse("JSONL"), LS_FORMAT_JSONL);
    assert_int_equal(ls_format_parse("phapdien"), LS_FORMAT_PHAPDIEN);
    assert_int_equal(ls_format_parse("alqac"), LS_FORMAT_ALQAC);
    assert_int_equal(ls_format_parse("auto"), LS_FORMAT_AUTO);
    assert_int_equal(ls_format_parse("pdf"), -1);
    assert_string_equal(ls_format_name(LS_FORMAT_PHAPDIEN), "phapdien");
    static const struct { const char *name, *data; ls_format want; } det[] = {
        {"a.txt", "anything", LS_FORMAT_TEXT},
        {"a.jsonl", "{\"id\":1}", LS_FORMAT_JSONL},
        {"t.html", "\xEF\xBB\xBF<html><p class='pDieu'>Điều 1.1.LQ.1.</p>", LS_FORMAT_PHAPDIEN},
        {"index.html", "<html><body>Bộ pháp điển</body></html>", LS_FORMAT_AUTO},
        {"laws.json", "  [{\"id\": \"Luật Cư trú\"}]", LS_FORMAT_ALQAC},
        {"x.json", "{}", LS_FORMAT_AUTO},
        {"decree", "CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", LS_FORMAT_TEXT},
        {"decree2", "\n CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", LS_FORMAT_TEXT},
        {"notes", "Ghi chú của tôi về luật\n", LS_FORMAT_AUTO},
        {"stdin", "[{\"id\":\"91/2015/QH13\"}]", LS_FORMAT_ALQAC},
    };
    for (size_t i = 0; i < sizeof det / sizeof det[0]; i++) {
        ls_format got = ls_format_detect(det[i].name, det[i].data, strlen(det[i].data));
        if (got != det[i].want) {
            print_error("%s: want %d got %d\n", det[i].name, det[i].want, got);
            fail();
        }
    }
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
}

static void test_read_path_directory(void **state)
{
    (void)state;
    char dir[] = "/tmp/ls_reader_text_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char sub[600];
    snprintf(sub, sizeof sub, "%s/b-sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_file(dir, "c-law.txt", LAW);
    write_file(sub, "decree.txt", DECREE);
    write_file(dir, "a-circular.txt", CIRCULAR);
    write_file(dir, ".hidden.txt", DECREE);
    write_file(dir, "d-notes.md", "Ghi chú\n");
    write_file(dir, "e-data.bin", "\x01\x02 không phải văn bản\n");

    sink_log log;
    memset(&log, 0, sizeof log);
    ls_reader_sink sink = {on_doc, on_problem, &log};
    ls_error err = {0};
    assert_int_equal(ls_corpus_read_path(dir, LS_FORMAT_AUTO, &sink, &err), LS_OK);
    assert_int_equal(log.ndocs, 3);
    assert_string_equal(log.ids[0], "55/2021/tt-bca");    /* a-circular.txt */
    assert_string_equal(log.ids[1], "123/2015/nđ-cp");    /* b-sub/decree.txt */
    assert_string_equal(log.ids[2], "68/2020/qh14");      /* c-law.txt */
    assert_int_equal(log.nproblems, 1);    /* e-data.bin: unknown format; d-notes.md passed over */
    assert_non_null(strstr(log.problem, "e-data.bin"));

    /* the sink asks to stop after the second document */
    memset(&log, 0, sizeof log);
    log.stop_after = 2;
    assert_int_equal(ls_corpus_read_path(dir, LS_FORMAT_AUTO, &sink, &err), LS_OK);
    assert_int_equal(log.ndocs, 2);

    /* one file, format forced */
    char one[600];
    snprintf(one, sizeof one, "%s/c-law.txt", dir);
    memset(&log, 0, sizeof log);
    assert_int_equal(ls_corpus_read_path(one, LS_FORMAT_TEXT, &sink, &err), LS_OK);
    assert_int_equal(log.ndocs, 1);
    assert_string_equal(log.title, "Luật Cư trú");

    /* a missing path is an I/O error naming it */
    char missing[600];
    snprintf(missing, sizeof missing, "%s/nope", dir);
    ls_error_clear(&err);
    assert_int_equal(ls_corpus_read_path(missing, LS_FORMAT_AUTO, &sink, &err), LS_ERR_IO);
    assert_non_null(strstr(err.msg, "nope"));

    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_read_buffer_dispatch(void **state)
{
    (void)state;
    sink_log log;
    memset(&log, 0, sizeof log);
    ls_reader_sink sink = {on_doc, on_problem, &log};
    assert_int_equal(ls_corpus_read_buffer("stdin", DECREE, strlen(DECREE), LS_FORMAT_AUTO, &sink, NULL), LS_OK);
    assert_int_equal(log.ndocs, 1);
    assert_string_equal(log.ids[0], "123/2015/nđ-cp");
    ls_reader_sink nosink = {NULL, NULL, NULL};
    assert_int_equal(ls_corpus_read_buffer("x", "", 0, LS_FORMAT_TEXT, &nosink, NULL), LS_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_table),
        cmocka_unit_test(test_problems),
        cmocka_unit_test(test_format_names_and_detect),
        cmocka_unit_test(test_read_path_directory),
        cmocka_unit_test(test_read_buffer_dispatch),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    ls_cite_shutdown();
    return rc;
}
