/* test_review_doc_relations.c — a document's relations both ways
 * (review/doc_relations.h) and the sentence rule under them
 * (ls_relation_active, cite/cite.h): every kind on real sentences,
 * the preamble's bases in both directions, the provisions an amending
 * decree touches, a decree taking effect next year that is not yet in
 * effect today; and search and review giving the same status to the texts
 * such a decree amends and replaces, today and next year; and the review
 * of the whole index flagging what rests on them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../corpus/reader.h"
#include "../../cite/cite.h"
#include "../../review/doc_relations.h"
#include "../../review/review.h"
#include "../../review/review_corpus.h"
#include "../support/test_support.h"

/* ---- 1. the sentence rule ------------------------------------------------ */

static const struct {
    const char *text;
    const char *target;   /* normalised number */
    int last;             /* check the last reference to it, else the first */
    ls_relation want;
} cases[] = {
    {"Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;", "57/2014/qh13", 0, LS_REL_BASIS},
    {"Thông tư này hướng dẫn Nghị định số 126/2020/NĐ-CP.", "126/2020/nđ-cp", 0, LS_REL_GUIDES},
    {"Nghị định này quy định chi tiết một số điều của Luật Cư trú số 68/2020/QH14.",
     "68/2020/qh14", 0, LS_REL_GUIDES},
    {"Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm "
     "2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch",
     "123/2015/nđ-cp", 0, LS_REL_AMENDS},
    {"2. Nghị định này thay thế Nghị định số 46/2016/NĐ-CP ngày 26 tháng 5 năm 2016 của Chính phủ "
     "quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt.",
     "46/2016/nđ-cp", 0, LS_REL_REPLACES},
    {"2. Bãi bỏ Nghị định số 158/2005/NĐ-CP ngày 27 tháng 12 năm 2005 của Chính phủ về đăng ký "
     "và quản lý hộ tịch.", "158/2005/nđ-cp", 0, LS_REL_REPEALS},
    {"2. Luật Đất đai số 45/2013/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "35/2018/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.", "45/2013/qh13", 0,
     LS_REL_REPEALS},
    /* Nghị quyết 96/2023/QH15, Điều 20 (as the pháp điển quotes it) */
    {"Ngưng hiệu lực thi hành Điều 12 và Điều 13 của Luật Tổ chức Quốc hội số 57/2014/QH13 đã được "
     "sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14; Điều 88 và Điều 89 của Luật Tổ chức "
     "chính quyền địa phương số 77/2015/QH13 kể từ ngày Nghị quyết này có hiệu lực thi hành cho "
     "đến khi Quốc hội có quy định khác.", "57/2014/qh13", 0, LS_REL_SUSPENDS},
    {"Ngưng hiệu lực thi hành Điều 12 và Điều 13 của Luật Tổ chức Quốc hội số 57/2014/QH13 đã được "
     "sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14; Điều 88 và Điều 89 của Luật Tổ chức "
     "chính quyền địa phương số 77/2015/QH13 kể từ ngày Nghị quyết này có hiệu lực thi hành cho "
     "đến khi Quốc hội có quy định khác.", "65/2020/qh14", 0, LS_REL_CITES},
    {"(Điều 18 Luật số 87/2015/QH13, có hiệu lực thi hành kể từ ngày 01/07/2016, bị ngưng hiệu lực "
     "theo quy định tại Điều 20 của Nghị quyết số 96/2023/QH15 có hiệu lực thi hành kể từ ngày "
     "01/07/2023)", "96/2023/qh15", 0, LS_REL_CITES},
    /* Quyết định 4930/QĐ-BYT's own words, then how another text describes it */
    {"Đính chính Thông tư số 17/2016/TT-BYT ngày 30 tháng 6 năm 2016 của Bộ trưởng Bộ Y tế quy định "
     "việc thu hồi và xử lý thực phẩm không bảo đảm an toàn như sau:", "17/2016/tt-byt", 0,
     LS_REL_CORRECTS},
    {"b) Quyết định số 4930/QĐ-BYT ngày 15 tháng 9 năm 2016 của Bộ trưởng Bộ Y tế về việc đính "
     "chính Thông tư số 17/2016/TT-BYT ngày 30 tháng 6 năm 2016 của Bộ trưởng Bộ Y tế quy định việc "
     "thu hồi và xử lý thực phẩm không bảo đảm an toàn.", "17/2016/tt-byt", 0, LS_REL_CITES},
    /* passive or descriptive: a fact about other texts, no act of this one */
    {"2. Luật Đất đai số 45/2013/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "35/2018/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.", "35/2018/qh14", 0,
     LS_REL_CITES},
    {"Căn cứ Luật Thuế thu nhập cá nhân số 04/2007/QH12 đã được sửa đổi, bổ sung một số điều theo "
     "Luật số 26/2012/QH13;", "26/2012/qh13", 0, LS_REL_CITES},
    {"2. Nghị định này thay thế Nghị định số 78/2015/NĐ-CP ngày 14 tháng 9 năm 2015 của Chính phủ "
     "về đăng ký doanh nghiệp và Nghị định số 108/2018/NĐ-CP ngày 23 tháng 8 năm 2018 của Chính "
     "phủ sửa đổi, bổ sung một số điều của Nghị định số 78/2015/NĐ-CP.", "78/2015/nđ-cp", 1,
     LS_REL_CITES},
    {"2. Nghị định này thay thế Nghị định số 78/2015/NĐ-CP ngày 14 tháng 9 năm 2015 của Chính phủ "
     "về đăng ký doanh nghiệp và Nghị định số 108/2018/NĐ-CP ngày 23 tháng 8 năm 2018 của Chính "
     "phủ sửa đổi, bổ sung một số điều của Nghị định số 78/2015/NĐ-CP.", "108/2018/nđ-cp", 0,
     LS_REL_REPLACES},
    {"Hồ sơ theo mẫu tại Nghị định số 01/2021/NĐ-CP.", "01/2021/nđ-cp", 0, LS_REL_CITES},
    /* real sentences of the pháp điển that once read as repeals */
    {"Nghị định này có hiệu lực thi hành từ ngày 13 tháng 3 năm 2023 đến khi Nghị quyết số "
     "54/2022/QH15 hết hiệu lực thi hành.", "54/2022/qh15", 0, LS_REL_CITES},
    {"(Điều 247 Luật số 36/2005/QH11, có hiệu lực thi hành kể từ ngày 01/01/2006, bị bãi bỏ bởi "
     "Điều 112 Luật số 05/2017/QH14 có hiệu lực thi hành kể từ ngày 01/01/2018)", "05/2017/qh14", 0,
     LS_REL_CITES},
    /* words replaced in a provision: amended (Luật 12/2017/QH14, as written) */
    {"b) Thay thế dấu “,” bằng từ “hoặc” trước cụm từ “người đủ 70 tuổi trở lên” tại điểm i khoản 1 "
     "Điều 52 Bộ luật Hình sự số 100/2015/QH13", "100/2015/qh13", 0, LS_REL_AMENDS},
    /* "thay thế" a technology, "theo quy định tại" a decree (Thông tư 67/2022/TT-BTC) */
    {"b) Mua máy móc, thiết bị có kèm theo các đối tượng chuyển giao công nghệ theo quy định tại "
     "Điều 7 Luật Chuyển giao công nghệ để thay thế một phần hay toàn bộ công nghệ đã, đang sử dụng "
     "bằng công nghệ khác tiên tiến hơn nhằm nâng cao năng suất, chất lượng sản phẩm hoặc cải tiến "
     "phát triển sản phẩm mới của doanh nghiệp theo quy định tại điểm c khoản 3 Điều 10 Nghị định số "
     "95/2014/NĐ-CP ngày 17/10/2014 của Chính phủ.", "95/2014/nđ-cp", 0, LS_REL_CITES},
    /* Nghị quyết 41/2017/QH14: the resolutions go, not the codes their titles name */
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "109/2015/qh13", 0, LS_REL_REPEALS},
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "144/2016/qh13", 0, LS_REL_REPEALS},
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "100/2015/qh13", 1, LS_REL_CITES},
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "101/2015/qh13", 0, LS_REL_CITES},
};

static void test_active_relation(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        ls_cite *refs = NULL;
        size_t n = 0;
        ls_error err = {0};
        assert_int_equal(ls_references_find(t, strlen(t), &refs, &n, &err), LS_OK);
        const ls_cite *r = NULL;
        for (size_t k = 0; k < n; k++)
            if (refs[k].doc_number && strcmp(refs[k].doc_number, cases[i].target) == 0 &&
                (!r || cases[i].last))
                r = &refs[k];
        if (!r) fail_msg("case %zu: no reference to %s", i, cases[i].target);
        ls_relation got = ls_relation_active(t, strlen(t), r->start, r->end);
        if (got != cases[i].want)
            fail_msg("case %zu (%s): relation %d, want %d", i, cases[i].target, (int)got,
                     (int)cases[i].want);
        ls_cites_free(refs, n);
    }
}

/* Luật 12/2017/QH14: a phrase replaced in Điều 398, not Điều 134 replaced */
static void test_quoted_words(void **state)
{
    (void)state;
    const char *t = "v) Thay thế cụm từ “Điều 135” bằng cụm từ “Điều 134” tại khoản 1 Điều 398;";
    ls_cite *refs = NULL;
    size_t n = 0;
    ls_error err = {0};
    assert_int_equal(ls_references_find(t, strlen(t), &refs, &n, &err), LS_OK);
    int seen = 0;
    for (size_t k = 0; k < n; k++) {
        if (!refs[k].article || strcmp(refs[k].article, "134") != 0) continue;
        seen = 1;
        assert_int_equal(ls_relation_active(t, strlen(t), refs[k].start, refs[k].end), LS_REL_CITES);
    }
    ls_cites_free(refs, n);
    assert_true(seen);
}

/* ---- 2. over an index ----------------------------------------------------- */

static char *db_dir;
static ls_searcher *searcher;
static int next_year;

/* A decree amending 123/2015/NĐ-CP, issued this year, effective on 1
 * January next year. */
static const char future_fmt[] =
    "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 98/%d/NĐ-CP\nHà Nội, ngày 02 tháng 01 năm %d\n\nNGHỊ ĐỊNH\n"
    "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 123/2015/NĐ-CP\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;\n\n"
    "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm "
    "2015 của Chính phủ\n1. Sửa đổi, bổ sung khoản 2 Điều 4 như sau:\n"
    "“2. Việc đăng ký hộ tịch được thực hiện trực tuyến.”\n\n"
    "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm %d.\n";

/* A decree amending 59/2022/NĐ-CP and replacing 42/2022/NĐ-CP, issued this
 * year, effective on 1 January next year. */
static const char next_fmt[] =
    "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 97/%d/NĐ-CP\nHà Nội, ngày 02 tháng 01 năm %d\n\nNGHỊ ĐỊNH\n"
    "VỀ DỊCH VỤ CÔNG TRỰC TUYẾN VÀ ĐỊNH DANH ĐIỆN TỬ\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n"
    "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 59/2022/NĐ-CP ngày 05 tháng 9 năm "
    "2022 của Chính phủ\n1. Sửa đổi, bổ sung khoản 1 Điều 12 như sau:\n"
    "“1. Tài khoản định danh điện tử có hai mức độ.”\n\n"
    "Điều 2. Hiệu lực thi hành\n1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 01 "
    "năm %d.\n2. Nghị định này thay thế Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 "
    "của Chính phủ.\n";

/* A circular resting on 42/2022/NĐ-CP (replaced next year), guiding a
 * clause 07/2025/NĐ-CP repealed and a decree the index lacks, and repealing
 * another it lacks (its own act: not flagged). */
static const char circular_text[] =
    "BỘ TƯ PHÁP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 12/2025/TT-BTP\nHà Nội, ngày 10 tháng 02 năm 2025\n\nTHÔNG TƯ\n"
    "HƯỚNG DẪN ĐĂNG KÝ HỘ TỊCH TRỰC TUYẾN\n\n"
    "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24 tháng 6 năm 2022 của Chính phủ quy định về việc "
    "cung cấp thông tin và dịch vụ công trực tuyến;\n\n"
    "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thực hiện khoản 3 Điều 2 Nghị định số "
    "123/2015/NĐ-CP và Điều 5 Nghị định số 999/2019/NĐ-CP.\n\n"
    "Điều 2. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm "
    "2025.\n2. Bãi bỏ Thông tư số 05/2015/TT-BTP ngày 12 tháng 5 năm 2015.\n";

/* A procedure resting on 42/2022/NĐ-CP (replaced next year) and on Luật Cư
 * trú, in the portal's shape. */
static const char procedure_json[] =
    "{\"ma_thu_tuc\": \"9.000099\", \"ten_thu_tuc\": \"Cấp bản sao điện tử (mẫu)\","
    " \"so_quyet_dinh\": \"MẪU/QĐ-LS\", \"cap_thuc_hien\": \"Cấp xã\","
    " \"linh_vuc\": \"Chứng thực\", \"co_quan_thuc_hien\": \"Ủy ban nhân dân cấp xã\","
    " \"trinh_tu_thuc_hien\": \"Bước 1: Nộp yêu cầu trực tuyến.\","
    " \"can_cu_phap_ly\": \"Tên văn bản pháp lýMã văn bảnNghị định 42/2022/NĐ-CP42/2022/NĐ-CP"
    "Luật Cư trú68/2020/QH14\"}";

/* A decision correcting 07/2025/NĐ-CP and suspending a provincial resolution. */
static const char correct_text[] =
    "THỦ TƯỚNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 77/QĐ-TTg\nHà Nội, ngày 10 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC ĐÍNH CHÍNH\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\n"
    "Điều 1. Đính chính\nĐính chính Nghị định số 07/2025/NĐ-CP ngày 09 tháng 01 năm 2025 của Chính phủ như "
    "sau: tại khoản 4 Điều 1, cụm từ “cấp xã” được sửa thành “cấp huyện”.\n\n"
    "Điều 2. Đình chỉ thi hành\nĐình chỉ việc thi hành Nghị quyết số 18/2007/NQ-HĐND ngày 20 tháng 7 năm 2007 của "
    "Hội đồng nhân dân tỉnh về mức thu phí.\n\n"
    "Điều 3. Hiệu lực\nQuyết định này có hiệu lực thi hành kể từ ngày 10 tháng 3 năm 2025.\n";

static int setup_index(void **state)
{
    (void)state;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    next_year = tm.tm_year + 1900 + 1;
    char future[4096];
    int n = snprintf(future, sizeof future, future_fmt, next_year - 1, next_year - 1, next_year);
    char next[4096];
    int m = snprintf(next, sizeof next, next_fmt, next_year - 1, next_year - 1, next_year);
    ts_text texts[] = {
        {"future.txt", future, (size_t)n, LS_FORMAT_TEXT},
        {"next.txt", next, (size_t)m, LS_FORMAT_TEXT},
        {"circular.txt", circular_text, sizeof circular_text - 1, LS_FORMAT_TEXT},
        {"correct.txt", correct_text, sizeof correct_text - 1, LS_FORMAT_TEXT},
        {"9.000099.json", procedure_json, sizeof procedure_json - 1, LS_FORMAT_TTHC},
    };
    return ts_open_sample(texts, sizeof texts / sizeof texts[0], &db_dir, &searcher);
}

static int teardown_index(void **state)
{
    ts_close_sample(db_dir, searcher);
    return ts_shutdown_analyser(state);
}

static int eq(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

/* The relation of r with these fields (NULL article = the whole document;
 * acting "" = any), or NULL. */
static const ls_doc_relation *find(const ls_doc_relations *r, int incoming, ls_relation kind,
                                   const char *other, const char *article, const char *clause,
                                   const char *acting)
{
    for (size_t i = 0; i < r->n; i++) {
        const ls_doc_relation *d = &r->v[i];
        if (d->incoming == incoming && d->kind == kind &&
            (eq(d->other_id, other) || (!d->other_id && d->other_citation &&
                                        strstr(d->other_citation, other))) &&
            eq(d->article, article) && eq(d->clause, clause) &&
            (eq(acting, "") || eq(d->acting_article, acting)))
            return d;
    }
    return NULL;
}

static ls_doc_relations *get(const char *id, const char *as_of)
{
    ls_doc_relations *r = NULL;
    ls_error err = {0};
    if (ls_doc_relations_get(searcher, id, as_of, &r, &err)) fail_msg("%s: %s", id, err.msg);
    return r;
}

static void test_decree_both_ways(void **state)
{
    (void)state;
    ls_doc_relations *r = get("123/2015/NĐ-CP", NULL);
    assert_string_equal(r->id, "123/2015/nđ-cp");
    /* its preamble and title */
    assert_non_null(find(r, 0, LS_REL_BASIS, "60/2014/qh13", NULL, NULL, NULL));
    assert_non_null(find(r, 0, LS_REL_BASIS, "52/2014/qh13", NULL, NULL, NULL));
    assert_non_null(find(r, 0, LS_REL_GUIDES, "60/2014/qh13", NULL, NULL, NULL));
    /* its articles: a repeal of a text the index lacks */
    const ls_doc_relation *d = find(r, 0, LS_REL_REPEALS, "158/2005/NĐ-CP", NULL, NULL, "");
    assert_non_null(d);
    assert_null(d->other_id);
    assert_non_null(d->acting_article);
    /* what 07/2025/NĐ-CP does to it, provision by provision, from its Điều 1 */
    d = find(r, 1, LS_REL_AMENDS, "07/2025/nđ-cp", "2", "1", "1");
    assert_non_null(d);
    assert_string_equal(d->effective, "2025-02-25");
    assert_true(d->in_effect);
    assert_non_null(find(r, 1, LS_REL_AMENDS, "07/2025/nđ-cp", "5a", NULL, "1"));
    assert_non_null(find(r, 1, LS_REL_REPEALS, "07/2025/nđ-cp", "2", "3", "1"));
    assert_non_null(find(r, 1, LS_REL_REPEALS, "07/2025/nđ-cp", "6", "2", "1"));
    /* "Bổ sung Điều 5a vào sau Điều 5": Điều 5 itself is not amended */
    assert_null(find(r, 1, LS_REL_AMENDS, "07/2025/nđ-cp", "5", NULL, ""));
    /* the decree of next year: listed, not yet in effect today */
    char future[32], next_jan[16];
    snprintf(future, sizeof future, "98/%d/nđ-cp", next_year - 1);
    snprintf(next_jan, sizeof next_jan, "%d-01-01", next_year);
    d = find(r, 1, LS_REL_AMENDS, future, "4", "2", "1");
    assert_non_null(d);
    assert_string_equal(d->effective, next_jan);
    assert_false(d->in_effect);
    ls_doc_relations_free(r);
    r = get("123/2015/nđ-cp", next_jan);
    d = find(r, 1, LS_REL_AMENDS, future, "4", "2", "1");
    assert_non_null(d);
    assert_true(d->in_effect);
    ls_doc_relations_free(r);
}

static void test_law_based_on(void **state)
{
    (void)state;
    /* the decrees whose preambles name "Luật Hộ tịch ngày 20 tháng 11 năm 2014" */
    ls_doc_relations *r = get("60/2014/QH13", NULL);
    assert_non_null(find(r, 1, LS_REL_BASIS, "123/2015/nđ-cp", NULL, NULL, NULL));
    assert_non_null(find(r, 1, LS_REL_BASIS, "07/2025/nđ-cp", NULL, NULL, NULL));
    assert_non_null(find(r, 1, LS_REL_GUIDES, "123/2015/nđ-cp", NULL, NULL, ""));
    ls_doc_relations_free(r);
}

static void test_replace_correct_suspend(void **state)
{
    (void)state;
    ls_doc_relations *r = get("01/2021/NĐ-CP", NULL);
    assert_non_null(find(r, 0, LS_REL_REPLACES, "78/2015/NĐ-CP", NULL, NULL, ""));
    assert_non_null(find(r, 0, LS_REL_REPLACES, "108/2018/NĐ-CP", NULL, NULL, ""));
    assert_null(find(r, 0, LS_REL_AMENDS, "78/2015/NĐ-CP", NULL, NULL, ""));
    ls_doc_relations_free(r);
    r = get("07/2025/NĐ-CP", NULL);
    assert_non_null(find(r, 1, LS_REL_CORRECTS, "77/qđ-ttg", NULL, NULL, "1"));
    assert_non_null(find(r, 0, LS_REL_AMENDS, "123/2015/nđ-cp", "2", "1", "1"));
    ls_doc_relations_free(r);
    r = get("77/QĐ-TTg", NULL);
    assert_non_null(find(r, 0, LS_REL_SUSPENDS, "18/2007/NQ-HĐND", NULL, NULL, "2"));
    assert_non_null(find(r, 0, LS_REL_CORRECTS, "07/2025/nđ-cp", NULL, NULL, "1"));
    ls_buf b = LS_BUF_INIT;
    ls_error err = {0};
    assert_int_equal(ls_doc_relations_json(r, &b, &err), LS_OK);
    assert_non_null(strstr(b.data, "\"kind\":\"suspends\""));
    assert_non_null(strstr(b.data, "\"label\":\"đình chỉ\""));
    ls_buf_free(&b);
    ls_doc_relations_free(r);
}

/* ---- 3. the same status from search and review, as of a date --------------- */

/* The status search shows for document `number` as of as_of (its code),
 * and how many of its articles --in-force keeps. */
static const char *search_code(const char *number, const char *as_of, size_t *in_force)
{
    static char code[32];
    char q[64];
    snprintf(q, sizeof q, "Nghị định %s", number);
    code[0] = '\0';
    for (int f = 0; f <= 1; f++) {
        ls_search_request req = {.query = q, .limit = 50, .as_of = as_of, .in_force = f};
        ls_results *r = NULL;
        ls_error err = {0};
        if (ls_search(searcher, &req, &r, &err)) fail_msg("search %s: %s", q, err.msg);
        size_t mine = 0;
        for (size_t i = 0; i < r->nhits; i++) {
            const ls_passage *p = r->hits[i].passage;
            if (!p->doc_number || strcmp(p->doc_number, number) != 0) continue;
            mine++;
            if (!f) snprintf(code, sizeof code, "%s", ls_status_code(p->status));
        }
        if (f) *in_force = mine;
        else if (!mine) fail_msg("search %s found none of its articles", q);
        ls_results_free(r);
    }
    return code;
}

static ls_force review_force(const char *number, const char *as_of)
{
    char text[96];
    snprintf(text, sizeof text, "Nghị định số %s", number);
    ls_review_opts o = {.as_of = as_of, .no_text = 1};
    ls_review_result *r = NULL;
    ls_error err = {0};
    if (ls_review(searcher, text, strlen(text), &o, &r, &err)) fail_msg("review: %s", err.msg);
    assert_int_equal(r->ncites, 1);
    ls_force f = r->cites[0].force;
    ls_review_result_free(r);
    return f;
}

/* Search's status code and review's force name the same state. */
static int agree(const char *code, ls_force f)
{
    if (strcmp(code, "unknown") == 0) return f == LS_FORCE_IN_FORCE || f == LS_FORCE_UNKNOWN;
    if (strcmp(code, "repealed") == 0) return f == LS_FORCE_REPEALED || f == LS_FORCE_REPLACED;
    return strcmp(code, ls_force_name(f)) == 0;
}

static void test_as_of_agrees(void **state)
{
    (void)state;
    char next_jan[16], decree[32];
    snprintf(next_jan, sizeof next_jan, "%d-01-02", next_year);
    snprintf(decree, sizeof decree, "97/%d/NĐ-CP", next_year - 1);
    const char *numbers[] = {"59/2022/NĐ-CP", "42/2022/NĐ-CP", "123/2015/NĐ-CP", decree};
    const char *dates[] = {NULL, next_jan};   /* today, and after the decree takes effect */
    for (size_t d = 0; d < 2; d++)
        for (size_t i = 0; i < 4; i++) {
            size_t kept = 0;
            const char *code = search_code(numbers[i], dates[d], &kept);
            ls_force f = review_force(numbers[i], dates[d]);
            if (!agree(code, f))
                fail_msg("%s as of %s: search says %s, review %s", numbers[i],
                         dates[d] ? dates[d] : "today", code, ls_force_name(f));
            int open = !ls_force_is_gone(f) && f != LS_FORCE_NOT_YET && f != LS_FORCE_SUSPENDED;
            if ((kept > 0) != open)
                fail_msg("%s as of %s: --in-force keeps %zu articles of a text %s", numbers[i],
                         dates[d] ? dates[d] : "today", kept, ls_force_name(f));
        }
    /* and what they agree on: today the decree is not yet in force and
     * changes nothing; from next year it amends one and replaces the other */
    size_t kept;
    assert_string_equal(search_code("59/2022/NĐ-CP", NULL, &kept), "unknown");
    assert_string_equal(search_code(decree, NULL, &kept), "not-yet");
    assert_int_equal(kept, 0);
    assert_int_equal(review_force("42/2022/NĐ-CP", NULL), LS_FORCE_IN_FORCE);
    assert_string_equal(search_code("59/2022/NĐ-CP", next_jan, &kept), "amended");
    assert_int_equal(review_force("42/2022/NĐ-CP", next_jan), LS_FORCE_REPLACED);
    assert_string_equal(search_code("42/2022/NĐ-CP", next_jan, &kept), "repealed");
    assert_int_equal(kept, 0);
}

/* ---- 4. the review of the whole index -------------------------------------- */

static const ls_corpus_item *item(const ls_corpus_report *r, const char *doc, const char *article,
                                  const char *cited, const char *status)
{
    for (size_t i = 0; i < r->ndocs; i++) {
        if (strcmp(r->docs[i].id, doc) != 0) continue;
        for (size_t k = 0; k < r->docs[i].nitems; k++) {
            const ls_corpus_item *it = &r->docs[i].items[k];
            if (eq(it->article, article) && strstr(it->citation, cited) &&
                strcmp(it->status, status) == 0)
                return it;
        }
    }
    return NULL;
}

static void test_review_corpus(void **state)
{
    (void)state;
    char next_jan[16], decree[32];
    snprintf(next_jan, sizeof next_jan, "%d-01-02", next_year);
    snprintf(decree, sizeof decree, "97/%d/nđ-cp", next_year - 1);
    ls_corpus_report *r = NULL;
    ls_error err = {0};
    assert_int_equal(ls_review_corpus(searcher, NULL, NULL, NULL, &r, &err), LS_OK);
    assert_int_equal(r->documents, 34);   /* the sample's 27 documents and 2 procedures, the 5 above */
    /* a procedure: its legal bases the index lacks, and (below) one that lapses */
    assert_non_null(item(r, "tthc:9.000001", NULL, "04/2020/TT-BTP", "document-missing"));
    assert_null(item(r, "tthc:9.000099", NULL, "42/2022/NĐ-CP", "replaced"));
    const ls_corpus_item *it = item(r, "12/2025/tt-btp", "1", "khoản 3 Điều 2", "repealed");
    assert_non_null(it);   /* a clause 07/2025/NĐ-CP repealed */
    assert_string_equal(it->by, "07/2025/nđ-cp");
    assert_non_null(item(r, "12/2025/tt-btp", "1", "999/2019/NĐ-CP", "document-missing"));
    assert_null(item(r, "12/2025/tt-btp", "2", "05/2015/TT-BTP", "document-missing"));
    assert_null(item(r, "12/2025/tt-btp", NULL, "42/2022/NĐ-CP", "replaced"));
    assert_true(r->docs_gone >= 1 && r->docs_doc_missing >= 1);
    /* CSV: a header and one line per item */
    char *buf = NULL;
    size_t len = 0, items = 0;
    for (size_t i = 0; i < r->ndocs; i++) items += r->docs[i].nitems;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(ls_corpus_report_csv(r, f), 0);
    fclose(f);
    size_t lines = 0;
    for (size_t i = 0; i < len; i++) lines += buf[i] == '\n';
    assert_int_equal(lines, items + 1);
    assert_non_null(strstr(buf, "12/2025/tt-btp,12/2025/TT-BTP,"));
    free(buf);
    ls_corpus_report_free(r);
    /* next year its basis is replaced */
    assert_int_equal(ls_review_corpus(searcher, next_jan, NULL, NULL, &r, &err), LS_OK);
    it = item(r, "12/2025/tt-btp", NULL, "42/2022/NĐ-CP", "replaced");
    assert_non_null(it);
    assert_string_equal(it->by, decree);
    it = item(r, "tthc:9.000099", NULL, "42/2022/NĐ-CP", "replaced");
    assert_non_null(it);
    assert_string_equal(it->by, decree);
    ls_corpus_report_free(r);
    assert_int_equal(ls_review_corpus(searcher, "2025-02-30x", NULL, NULL, &r, &err), LS_ERR_ARG);
}

static void test_errors(void **state)
{
    (void)state;
    ls_doc_relations *r = NULL;
    ls_error err = {0};
    assert_int_equal(ls_doc_relations_get(searcher, "999/2099/NĐ-CP", NULL, &r, &err),
                     LS_ERR_NOTFOUND);
    assert_null(r);
    assert_int_equal(ls_doc_relations_get(searcher, "123/2015/NĐ-CP", "2025-13-01", &r, &err),
                     LS_ERR_ARG);
    assert_null(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_active_relation),
        cmocka_unit_test(test_quoted_words),
        cmocka_unit_test(test_decree_both_ways),
        cmocka_unit_test(test_law_based_on),
        cmocka_unit_test(test_replace_correct_suspend),
        cmocka_unit_test(test_as_of_agrees),
        cmocka_unit_test(test_review_corpus),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup_index, teardown_index);
}
