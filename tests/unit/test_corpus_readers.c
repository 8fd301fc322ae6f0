/* test_corpus_readers.c — the JSONL, ALQAC and pháp điển readers on real excerpts,
 * bad records reported with their line and skipped, and every input the
 * fuzzer once crashed on (tests/fuzz/seeds/readers/regression-*) read
 * safely. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/ls_buf.h"
#include "../../corpus/reader.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

typedef struct seen {
    int docs, problems;
    size_t articles;
    char ids[8][128];
    char first_title[256], first_heading[256], first_number[64], first_type[64];
    char first_issuer[128], first_issued[16], first_label[64];
    size_t first_clauses;
    size_t problem_line;
} seen;

static void copy(char *dst, size_t cap, const char *s) { snprintf(dst, cap, "%s", s ? s : ""); }

static int on_doc(void *ctx, const ls_document *d)
{
    seen *s = ctx;
    if (s->docs < 8) copy(s->ids[s->docs], sizeof s->ids[0], d->id);
    if (s->docs == 0) {
        copy(s->first_title, sizeof s->first_title, d->title);
        copy(s->first_type, sizeof s->first_type, d->type);
        copy(s->first_issuer, sizeof s->first_issuer, d->issuer);
        copy(s->first_issued, sizeof s->first_issued, d->issued);
        if (d->narticles) {
            copy(s->first_heading, sizeof s->first_heading, d->articles[0].heading);
            copy(s->first_number, sizeof s->first_number, d->articles[0].number);
            copy(s->first_label, sizeof s->first_label, d->articles[0].pd_label);
            s->first_clauses = d->articles[0].nclauses;
        }
    }
    s->docs++;
    s->articles += d->narticles;
    return 0;
}

static void on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    (void)path;
    size_t bad;
    if (!ls_utf8_valid(msg, strlen(msg), &bad)) /* problems reach JSON reports */
        fail_msg("problem message is not UTF-8 at byte %zu: %.200s", bad, msg);
    seen *s = ctx;
    if (!s->problems) s->problem_line = line;
    s->problems++;
}

static void test_jsonl(void **state)
{
    (void)state;
    const char *data =
        "{\"number\":\"13/2023/NĐ-CP\",\"type\":\"Nghị định\",\"issuer\":\"Chính phủ\",\"issued\":\"2023-04-17\","
        "\"title\":\"Nghị định về bảo vệ dữ liệu cá nhân\",\"articles\":[{\"number\":\"2\",\"heading\":\"Giải thích từ ngữ\","
        "\"text\":\"1. Dữ liệu cá nhân là thông tin.\\n2. Thông tin gắn liền với một con người.\"}]}\n"
        "{\"number\": \"45/2019/QH14\", \"articles\": 7}\n"   /* articles not an array */
        "not json at all\n"
        "\n"
        "{\"id\":\"Luật Cư trú\",\"articles\":[{\"number\":9,\"text\":\"Công dân có quyền tự do cư trú.\"}]}\n";
    seen s = {0};
    ls_reader_sink sink = {on_doc, on_problem, &s};
    assert_int_equal(ls_read_jsonl("t.jsonl", data, strlen(data), &sink, NULL), LS_OK);
    assert_int_equal(s.docs, 2);
    assert_string_equal(s.ids[0], "13/2023/nđ-cp");
    assert_string_equal(s.ids[1], "Luật Cư trú");
    assert_string_equal(s.first_heading, "Giải thích từ ngữ");
    assert_int_equal(s.first_clauses, 2);
    assert_int_equal(s.problems, 2);
    assert_int_equal(s.problem_line, 2);
}

static void test_alqac(void **state)
{
    (void)state;
    const char *data =
        "[{\"id\": \"Luật Phòng, chống ma túy\", \"articles\": [{\"id\": \"32\", \"text\": "
        "\"Đối tượng bị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc\\n\\n1. Người nghiện ma túy từ đủ 18 tuổi trở lên.\\n2. Trường hợp khác.\"}]},"
        " {\"id\": \"91/2015/QH13\", \"articles\": [{\"id\": \"1\", \"text\": \"Phạm vi điều chỉnh\\n\\nBộ luật này quy định.\"}]},"
        " {\"articles\": []},"
        " {\"id\": \"\", \"articles\": [{\"id\": \"5\", \"text\": \"Văn bản.\"}]}]";
    seen s = {0};
    ls_reader_sink sink = {on_doc, on_problem, &s};
    assert_int_equal(ls_read_alqac("laws.json", data, strlen(data), &sink, NULL), LS_OK);
    assert_int_equal(s.docs, 2);
    assert_string_equal(s.ids[0], "Luật Phòng, chống ma túy");
    assert_string_equal(s.first_type, "Luật");
    assert_string_equal(s.first_heading, "Đối tượng bị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc");
    assert_string_equal(s.first_number, "32");
    assert_int_equal(s.first_clauses, 2);
    assert_string_equal(s.ids[1], "91/2015/qh13");
    assert_int_equal(s.problems, 2); /* the laws without an id, and with an empty one */
    memset(&s, 0, sizeof s);
    assert_int_equal(ls_read_alqac("bad.json", "[{", 2, &sink, NULL), LS_OK);
    assert_int_equal(s.docs, 0);
    assert_int_equal(s.problems, 1);
}

/* Read one pháp điển page into *s (zeroed first). */
static void read_phapdien_page(const char *name, const char *html, seen *s)
{
    memset(s, 0, sizeof *s);
    ls_reader_sink sink = {on_doc, on_problem, s};
    assert_int_equal(ls_read_phapdien(name, html, strlen(html), &sink, NULL), LS_OK);
}

static void test_phapdien_excerpt(void **state)
{
    (void)state;
    const char *data =
        "\xef\xbb\xbf<h3 style='x'>\n    Đề mục 36.3\n    <br />\n    Thanh niên\n</h3>"
        "<div class='_content'><p class='pChuong'><a name='1'></a>Chương I</p><p class='pChuong'>NHỮNG QUY ĐỊNH CHUNG</p>"
        "<p class='pDieu'><a name='2'></a>Điều 36.3.LQ.1. Thanh niên</p><p class='pGhiChu'>"
        "<a href='http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=142850#Chuong_I_Dieu_1' target='_blank'>"
        "(Điều 1 Luật số 57/2020/QH14 Luật Thanh niên ngày 16/06/2020 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2021)</a></p>"
        "<p class='pNoiDung'><p>\n\tThanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.</p></p>"
        "<p class='pDieu'><a name='3'></a>Điều 36.3.NĐ.1.1. Phạm vi điều chỉnh</p><p class='pGhiChu'><a href='x'>"
        "(Điều 1 Nghị định số 12/2011/NĐ-CP Về tổ chức và chính sách đối với thanh niên xung phong ngày 30/01/2011 của Chính phủ, "
        "có hiệu lực thi hành kể từ ngày 26/03/2011)</a></p><p class='pNoiDung'><p>1. Khoản một&nbsp;&amp; hai.</p><p>2. Khoản hai.</p></p>"
        "<p class='pChiDan'>(Điều này có nội dung liên quan đến ...)</p>"
        "<p class='pDieu'><a name='4'></a>Điều 36.3.LQ.2. Phạm vi điều chỉnh</p><p class='pGhiChu'><a href='y'>"
        "(Điều 2 Luật số 57/2020/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)</a></p>"
        "<p class='pNoiDung'><p>Luật này quy định về quyền, nghĩa vụ của thanh niên.</p></p></div>";
    seen s;
    read_phapdien_page("p.html", data, &s);
    assert_int_equal(s.docs, 2);               /* grouped by source document */
    assert_string_equal(s.ids[0], "57/2020/qh14");
    assert_string_equal(s.ids[1], "12/2011/nđ-cp");
    assert_int_equal(s.articles, 3);
    assert_string_equal(s.first_title, "Luật Thanh niên");
    assert_string_equal(s.first_type, "Luật");
    assert_string_equal(s.first_issuer, "Quốc hội");
    assert_string_equal(s.first_issued, "2020-06-16");
    assert_string_equal(s.first_number, "1");   /* the source's article, not the pháp điển label */
    assert_string_equal(s.first_label, "Điều 36.3.LQ.1");
    assert_string_equal(s.first_heading, "Thanh niên");
    assert_int_equal(s.problems, 0);

    /* a title naming its type in another case is not prefixed again */
    const char *labour =
        "<div class='_content'><p class='pDieu'><a name='2'></a>Điều 12.1.LQ.1. Phạm vi</p>"
        "<p class='pGhiChu'><a href='z'>(Điều 1 Bộ luật số 45/2019/QH14 Bộ Luật lao động ngày "
        "20/11/2019 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2021)</a></p>"
        "<p class='pNoiDung'><p>Bộ luật này quy định tiêu chuẩn lao động.</p></p></div>";
    read_phapdien_page("l.html", labour, &s);
    assert_int_equal(s.docs, 1);
    assert_string_equal(s.first_title, "Bộ Luật lao động");

    /* a title with commas runs to its date; the issuer follows it */
    const char *commas =
        "<div class='_content'><p class='pDieu'><a name='2'></a>Điều 9.1.TT.1.5. Mật độ</p>"
        "<p class='pGhiChu'><a href='z'>(Điều 5 Thông tư số 27/2018/TT-BVHTTDL Thông tư quy định về "
        "cơ sở vật chất, trang thiết bị và tập huấn nhân viên chuyên môn đối với môn Bóng ném ngày "
        "19/09/2018 của Bộ Văn hóa, Thể thao và Du lịch, có hiệu lực thi hành kể từ ngày 30/10/2018)"
        "</a></p><p class='pNoiDung'><p>Mật độ tập luyện.</p></p>"
        "<p class='pDieu'><a name='3'></a>Điều 9.2.PL.1.2. Hàm</p><p class='pGhiChu'>"
        "(Điều 2 Pháp lệnh Về Hàm, cấp ngoại giao, có hiệu lực thi hành kể từ ngày 31/05/1995)</p>"
        "<p class='pNoiDung'><p>Hàm ngoại giao.</p></p></div>";
    read_phapdien_page("c.html", commas, &s);
    assert_int_equal(s.docs, 2);
    assert_string_equal(s.first_title, "Thông tư quy định về cơ sở vật chất, trang thiết bị và tập "
                                       "huấn nhân viên chuyên môn đối với môn Bóng ném");
    assert_string_equal(s.first_issuer, "Bộ Văn hóa, Thể thao và Du lịch");
    assert_string_equal(s.first_issued, "2018-09-19");
    assert_string_equal(s.ids[1], "về hàm, cấp ngoại giao");

    /* a title citing another text with its date: the issue date is the last */
    const char *cites =
        "<div class='_content'><p class='pDieu'><a name='2'></a>Điều 9.1.TT.2.1. Phạm vi</p>"
        "<p class='pGhiChu'>(Điều 1 Thông tư số 02/2018/TT-BKHĐT Hướng dẫn thực hiện một số nội dung "
        "của Quyết định số 38/2016/QĐ-TTg ngày 14/9/2016 của Thủ tướng Chính phủ về việc ban hành một "
        "số chính sách đối với các công ty nông, lâm nghiệp ngày 14/05/2018 của Bộ Kế hoạch và Đầu tư, "
        "có hiệu lực thi hành kể từ ngày 29/06/2018 )</p><p class='pNoiDung'><p>Phạm vi.</p></p></div>";
    read_phapdien_page("q.html", cites, &s);
    assert_string_equal(s.first_title, "Thông tư Hướng dẫn thực hiện một số nội dung của Quyết định "
                                       "số 38/2016/QĐ-TTg ngày 14/9/2016 của Thủ tướng Chính phủ về "
                                       "việc ban hành một số chính sách đối với các công ty nông, lâm "
                                       "nghiệp");
    assert_string_equal(s.first_issued, "2018-05-14");
    assert_string_equal(s.first_issuer, "Bộ Kế hoạch và Đầu tư");

    /* notes that never give the title: the scope article names the document */
    const char *untitled =
        "<div class='_content'><p class='pDieu'><a name='2'></a>Điều 12.1.NĐ.7.1. Phạm vi điều chỉnh</p>"
        "<p class='pGhiChu'>(<a href='z'>Điều 1</a> Nghị định số 20/2020/NĐ-CP, có hiệu lực thi hành "
        "kể từ ngày 01/04/2020)</p><p class='pNoiDung'><p>Nghị định này quy định việc thực hiện thí "
        "điểm về quản lý lao động, xây dựng thang lương; tiền lương của người lao động.</p></p></div>";
    read_phapdien_page("u.html", untitled, &s);
    assert_int_equal(s.docs, 1);
    assert_string_equal(s.first_title, "Nghị định quy định việc thực hiện thí điểm về quản lý lao "
                                       "động, xây dựng thang lương");

    /* a repealed article kept only as its note: the note is its text */
    const char *repealed =
        "<div class='_content'><p class='pDieu'><a name='2'></a>Điều 14.3.LQ.7. (được bãi bỏ)</p>"
        "<p class='pGhiChu'>(<a href='u'>Điều 7</a> Luật số 23/2004/QH11, có hiệu lực thi hành kể từ "
        "ngày 01/01/2005, bị bãi bỏ bởi <a href='v'>Điều 2</a> Luật số 48/2014/QH13)</p>"
        "<p class='pNoiDung'></p></div>";
    read_phapdien_page("r.html", repealed, &s);
    assert_int_equal(s.articles, 1);
    assert_int_equal(s.problems, 0);
    assert_string_equal(s.first_number, "7");
    assert_string_equal(s.first_heading, "(được bãi bỏ)");
}

static void test_fuzzer_regressions(void **state)
{
    (void)state;
    const char *dir = ts_path("tests/fuzz/seeds/readers");
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    int n = 0;
    while ((de = readdir(d))) {
        if (strncmp(de->d_name, "regression-", 11) != 0) continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        char *data = NULL;
        size_t len = 0;
        assert_int_equal(ls_read_file(path, &data, &len, NULL), LS_OK);
        seen s = {0};
        ls_reader_sink sink = {on_doc, on_problem, &s};
        ls_read_jsonl(path, data, len, &sink, NULL);
        ls_read_alqac(path, data, len, &sink, NULL);
        ls_read_phapdien(path, data, len, &sink, NULL);
        for (int k = 0; k < s.docs && k < 8; k++) assert_true(strlen(s.ids[k]) > 0);
        free(data);
        n++;
    }
    closedir(d);
    assert_true(n >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_alqac),
        cmocka_unit_test(test_phapdien_excerpt),
        cmocka_unit_test(test_fuzzer_regressions),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
