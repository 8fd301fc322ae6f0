/* test_cite_classify_relations.c — ls_relation_act (cite/cite.h): what a sentence
 * does to the whole document it cites, on real sentences of corpus/sample and
 * of the shapes laws use; provision-level and partial repeals repeal a part
 * (LS_ACT_PARTLY); legal bases and "X đã được sửa đổi theo Y" act on no
 * whole document. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "../../cite/cite.h"
#include "../../indexer/relations.h"
#include "../support/test_support.h"

static const struct {
    const char *text;
    const char *target;   /* normalised number of the cited document */
    ls_act act;
} cases[] = {
    /* amending: any provision of the document */
    {"Sửa đổi, bổ sung một số điều của Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 "
     "của Chính phủ", "123/2015/nđ-cp", LS_ACT_AMENDS},
    {"1. Sửa đổi, bổ sung Điều 5 của Nghị định số 100/2019/NĐ-CP như sau:", "100/2019/nđ-cp",
     LS_ACT_AMENDS},
    {"Nghị định sửa đổi, bổ sung một số điều của Nghị định số 15/2020/NĐ-CP", "15/2020/nđ-cp",
     LS_ACT_AMENDS},
    /* replacing / repealing the whole document */
    {"2. Nghị định này thay thế Nghị định số 46/2016/NĐ-CP ngày 26 tháng 5 năm 2016 của Chính phủ.",
     "46/2016/nđ-cp", LS_ACT_REPLACES},
    {"2. Bãi bỏ Nghị định số 158/2005/NĐ-CP ngày 27 tháng 12 năm 2005 của Chính phủ về đăng ký "
     "và quản lý hộ tịch.", "158/2005/nđ-cp", LS_ACT_REPEALS},
    {"Bộ luật Lao động số 10/2012/QH13 và Luật số 92/2015/QH13 hết hiệu lực kể từ ngày Bộ luật "
     "này có hiệu lực thi hành.", "92/2015/qh13", LS_ACT_REPEALS},
    {"2. Luật Đất đai số 45/2013/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "35/2018/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.", "45/2013/qh13",
     LS_ACT_REPEALS},
    /* ... but the amending law named there is not acted on */
    {"2. Luật Đất đai số 45/2013/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "35/2018/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.", "35/2018/qh14",
     LS_ACT_NONE},
    /* a part only */
    {"3. Bãi bỏ Điều 5, Điều 6, Điều 21 của Nghị định số 100/2019/NĐ-CP ngày 30 tháng 12 năm 2019.",
     "100/2019/nđ-cp", LS_ACT_PARTLY},
    {"2. Nghị định này thay thế các quy định về lĩnh vực giao thông đường bộ tại Nghị định số "
     "100/2019/NĐ-CP ngày 30 tháng 12 năm 2019 của Chính phủ.", "100/2019/nđ-cp", LS_ACT_PARTLY},
    {"Nghị định số 43/2011/NĐ-CP hết hiệu lực kể từ ngày Nghị định này có hiệu lực, trừ các quy "
     "định về cổng thông tin.", "43/2011/nđ-cp", LS_ACT_PARTLY},
    /* a legal basis, a guided text, a plain mention */
    {"Căn cứ Luật Thuế thu nhập cá nhân số 04/2007/QH12 đã được sửa đổi, bổ sung một số điều theo "
     "Luật số 26/2012/QH13;", "04/2007/qh12", LS_ACT_NONE},
    {"Căn cứ Luật Thuế thu nhập cá nhân số 04/2007/QH12 đã được sửa đổi, bổ sung một số điều theo "
     "Luật số 26/2012/QH13;", "26/2012/qh13", LS_ACT_NONE},
    {"Thông tư này hướng dẫn Nghị định số 126/2020/NĐ-CP.", "126/2020/nđ-cp", LS_ACT_NONE},
    {"Điều chỉnh mức giảm trừ gia cảnh quy định tại khoản 1 Điều 19 của Luật Thuế thu nhập cá nhân "
     "số 04/2007/QH12 đã được sửa đổi, bổ sung một số điều theo Luật số 26/2012/QH13 như sau:",
     "04/2007/qh12", LS_ACT_NONE},
    {"Hồ sơ theo mẫu tại Nghị định số 01/2021/NĐ-CP.", "01/2021/nđ-cp", LS_ACT_NONE},
    /* real sentences of the pháp điển that once read as repeals of the whole */
    {"Nghị định này có hiệu lực thi hành từ ngày 13 tháng 3 năm 2023 đến khi Nghị quyết số "
     "54/2022/QH15 hết hiệu lực thi hành.", "54/2022/qh15", LS_ACT_NONE},
    {"Bãi bỏ Phụ lục I về Thực hành tốt thử thuốc trên lâm sàng (GCP) ban hành kèm theo Thông tư "
     "số 29/2018/TT-BYT, kể từ ngày Thông tư này có hiệu lực.", "29/2018/tt-byt", LS_ACT_PARTLY},
    /* Nghị quyết 41/2017/QH14: the resolutions go, not the codes their titles name */
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "109/2015/qh13", LS_ACT_REPEALS},
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "144/2016/qh13", LS_ACT_REPEALS},
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "100/2015/qh13", LS_ACT_NONE},
    {"2. Nghị quyết số 109/2015/QH13 ngày 27 tháng 11 năm 2015 của Quốc hội về việc thi hành Bộ luật "
     "Hình sự số 100/2015/QH13 và Nghị quyết số 144/2016/QH13 ngày 29 tháng 6 năm 2016 của Quốc "
     "hội về việc lùi hiệu lực thi hành của Bộ luật Hình sự số 100/2015/QH13, Bộ luật Tố tụng hình "
     "sự số 101/2015/QH13 hết hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.", "101/2015/qh13", LS_ACT_NONE},
};

static void test_relation_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_cite *refs = NULL;
        size_t n = 0;
        ls_error err = {0};
        const char *t = cases[i].text;
        assert_int_equal(ls_references_find(t, strlen(t), &refs, &n, &err), LS_OK);
        int seen = 0;
        for (size_t k = 0; k < n; k++) {
            if (!refs[k].doc_number || strcmp(refs[k].doc_number, cases[i].target) != 0) continue;
            seen = 1;
            ls_act act = ls_relation_act(t, strlen(t), &refs[k]);
            if (act != cases[i].act)
                fail_msg("case %zu (%s in \"%.60s...\"): act %d, want %d", i, cases[i].target, t,
                         (int)act, (int)cases[i].act);
        }
        ls_cites_free(refs, n);
        if (!seen) fail_msg("case %zu: no reference to %s found", i, cases[i].target);
    }
}

static int teardown(void **state)
{
    ls_cite_shutdown();
    return ts_shutdown_analyser(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_relation_table)};
    return cmocka_run_group_tests(tests, NULL, teardown);
}
