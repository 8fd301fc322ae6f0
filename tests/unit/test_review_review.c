/* test_review_review.c — the review of legal texts (review/review.h).
 *
 * 1. The extractor, no index: a table of real citation sentences (from
 *    corpus/sample and the pháp điển) and hand-written drafts, each with the
 *    items expected, their provisions, their document and the bytes their
 *    offsets cover.
 * 2. The resolution, on an index of corpus/sample plus a few documents
 *    written here (two provincial decisions sharing one number, a decree
 *    stored as repealed, the 2014 social insurance law that the sample's
 *    2024 law repeals, a decree not yet in force): found / missing /
 *    ambiguous / repealed / amended / not yet, each as of a date.
 * 3. The JSON and the containing document ("Luật này", "Điều này").
 * 4. `luat-search review` (the binary of LS_BIN): marks, summary, --json,
 *    exit statuses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../corpus/reader.h"
#include "../../review/review.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

/* ---- 1. extraction ------------------------------------------------------ */

typedef struct want_item {
    const char *span;       /* the bytes text[start..end) must hold */
    const char *article, *clause, *point;
    const char *doc_number; /* normalised; NULL = none */
    const char *law_name, *year;
    int self;
    const char *citation;   /* standard form; NULL = not checked */
} want_item;

typedef struct extract_case {
    const char *text;
    size_t nitems;
    want_item items[6];
    const char *group;      /* the first phrase's bytes; NULL = not checked */
    ls_relation relation;   /* of the first item */
} extract_case;

static const extract_case extract_cases[] = {
    /* hand-written, the forms of the issue */
    {"Theo khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP thì", 1,
     {{"khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP", "5", "2", NULL, "13/2023/nđ-cp", NULL, NULL, 0,
       "khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP"}},
     NULL, LS_REL_CITES},
    {"theo điểm a khoản 1 và khoản 2 Điều 72 của Luật này.", 2,
     {{"điểm a", "72", "1", "a", NULL, NULL, NULL, 1, "điểm a khoản 1 Điều 72"},
      {"khoản 2", "72", "2", NULL, NULL, NULL, NULL, 1, "khoản 2 Điều 72"}},
     "điểm a khoản 1 và khoản 2 Điều 72 của Luật này", LS_REL_CITES},
    {"quy định tại khoản 4 và khoản 5 Điều 70 thì", 2,
     {{"khoản 4", "70", "4", NULL, NULL, NULL, NULL, 1, NULL},
      {"khoản 5", "70", "5", NULL, NULL, NULL, NULL, 1, NULL}},
     "khoản 4 và khoản 5 Điều 70", LS_REL_CITES},
    {"các trường hợp tại Điều 3, 4 và 5 Luật Đất đai năm 2024.", 3,
     {{"Điều 3", "3", NULL, NULL, NULL, "Luật Đất đai", "2024", 0, "Điều 3 Luật Đất đai năm 2024"},
      {"4", "4", NULL, NULL, NULL, "Luật Đất đai", "2024", 0, "Điều 4 Luật Đất đai năm 2024"},
      {"5", "5", NULL, NULL, NULL, "Luật Đất đai", "2024", 0, NULL}},
     "Điều 3, 4 và 5 Luật Đất đai năm 2024", LS_REL_CITES},
    {"Căn cứ Nghị định 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;", 1,
     {{"Nghị định 30/2020/NĐ-CP", NULL, NULL, NULL, "30/2020/nđ-cp", NULL, NULL, 0,
       "Nghị định số 30/2020/NĐ-CP"}},
     NULL, LS_REL_BASIS},
    /* dirty numbers: ASCII ND, "_" and "-" for "/" (offsets of the original) */
    {"Căn cứ Nghị định 123_2015_ND-CP và Nghị định số 47-2021-NĐ-CP;", 2,
     {{"Nghị định 123_2015_ND-CP", NULL, NULL, NULL, "123/2015/nđ-cp", NULL, NULL, 0,
       "Nghị định số 123/2015/NĐ-CP"},
      {"Nghị định số 47-2021-NĐ-CP", NULL, NULL, NULL, "47/2021/nđ-cp", NULL, NULL, 0, NULL}},
     NULL, LS_REL_BASIS},
    /* a number glued to the next word (real, pháp điển) */
    {"Điều 3 Thông tư số 36/2016/TT-BTCngày 01/3/2016 của Bộ trưởng", 1,
     {{NULL, "3", NULL, NULL, "36/2016/tt-btc", NULL, NULL, 0, "Điều 3 Thông tư số 36/2016/TT-BTC"}},
     NULL, LS_REL_CITES},
    /* overlapping lists: points of the first clause, clauses of the first article */
    {"trừ điểm a, b khoản 1 Điều 3 Nghị định số 01/2021/NĐ-CP.", 2,
     {{"điểm a", "3", "1", "a", "01/2021/nđ-cp", NULL, NULL, 0, "điểm a khoản 1 Điều 3 Nghị định số 01/2021/NĐ-CP"},
      {"b", "3", "1", "b", "01/2021/nđ-cp", NULL, NULL, 0, NULL}},
     "điểm a, b khoản 1 Điều 3 Nghị định số 01/2021/NĐ-CP", LS_REL_CITES},
    /* a phrase without document takes the next one's: "..., khoản 3 Điều 5 Nghị định X" */
    {"theo khoản 1 Điều 2, khoản 3 Điều 5 Nghị định số 13/2023/NĐ-CP", 2,
     {{"khoản 1 Điều 2", "2", "1", NULL, "13/2023/nđ-cp", NULL, NULL, 0, NULL},
      {"khoản 3 Điều 5 Nghị định số 13/2023/NĐ-CP", "5", "3", NULL, "13/2023/nđ-cp", NULL, NULL, 0, NULL}},
     "khoản 1 Điều 2", LS_REL_CITES},
    /* but not across "Luật này" */
    {"khoản 1 Điều 2 Luật này và Điều 5 Nghị định số 13/2023/NĐ-CP", 2,
     {{"khoản 1 Điều 2 Luật này", "2", "1", NULL, NULL, NULL, NULL, 1, NULL},
      {"Điều 5 Nghị định số 13/2023/NĐ-CP", "5", NULL, NULL, "13/2023/nđ-cp", NULL, NULL, 0, NULL}},
     NULL, LS_REL_CITES},
    /* "Điều này": the article the citation sits in (resolved later) */
    {"quy định tại khoản 1 Điều này", 1,
     {{"khoản 1 Điều này", NULL, "1", NULL, NULL, NULL, NULL, 1, "khoản 1 Điều này"}},
     NULL, LS_REL_CITES},
    /* real sentences of corpus/sample */
    {"3. Bãi bỏ Điều 5, Điều 6, Điều 21 của Nghị định số 100/2019/NĐ-CP ngày 30 tháng 12 năm 2019 của Chính phủ", 3,
     {{"Điều 5", "5", NULL, NULL, "100/2019/nđ-cp", NULL, NULL, 0, NULL},
      {"Điều 6", "6", NULL, NULL, "100/2019/nđ-cp", NULL, NULL, 0, NULL},
      {"Điều 21", "21", NULL, NULL, "100/2019/nđ-cp", NULL, NULL, 0, "Điều 21 Nghị định số 100/2019/NĐ-CP"}},
     "Điều 5, Điều 6, Điều 21 của Nghị định số 100/2019/NĐ-CP", LS_REL_REPEALS},
    {"2. Luật Căn cước công dân số 59/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "68/2020/QH14 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.", 2,
     {{"Luật Căn cước công dân số 59/2014/QH13", NULL, NULL, NULL, "59/2014/qh13", "Luật Căn cước công dân", NULL, 0,
       "Luật Căn cước công dân số 59/2014/QH13"},
      {"Luật số 68/2020/QH14", NULL, NULL, NULL, "68/2020/qh14", NULL, NULL, 0, NULL}},
     NULL, LS_REL_AMENDS},
    {"Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;", 1,
     {{"Luật Hộ tịch ngày 20 tháng 11 năm 2014", NULL, NULL, NULL, NULL, "Luật Hộ tịch", "2014", 0,
       "Luật Hộ tịch năm 2014"}},
     NULL, LS_REL_BASIS},
    /* real sentences of the pháp điển (../shared/corpus/phapdien) */
    {"Sửa đổi, bổ sung khoản 1, khoản 2 Điều 10 Luật Thuế sử dụng đất phi nông nghiệp như sau:", 2,
     {{"khoản 1", "10", "1", NULL, NULL, "Luật Thuế sử dụng đất phi nông nghiệp", NULL, 0, NULL},
      {"khoản 2", "10", "2", NULL, NULL, "Luật Thuế sử dụng đất phi nông nghiệp", NULL, 0,
       "khoản 2 Điều 10 Luật Thuế sử dụng đất phi nông nghiệp"}},
     NULL, LS_REL_AMENDS},
    {"được thực hiện theo quy định tại khoản 13 Điều 89 Nghị định số 35/2021/NĐ-CP.", 1,
     {{"khoản 13 Điều 89 Nghị định số 35/2021/NĐ-CP", "89", "13", NULL, "35/2021/nđ-cp", NULL, NULL, 0, NULL}},
     NULL, LS_REL_CITES},
    /* an article's own heading line is no citation */
    {"Điều 5. Thủ tục\n1. Theo Điều 7 Luật Cư trú.", 1,
     {{"Điều 7 Luật Cư trú", "7", NULL, NULL, NULL, "Luật Cư trú", NULL, 0, NULL}},
     NULL, LS_REL_CITES},
    {"Không có trích dẫn nào ở đây, chỉ có năm 2024 và 30/4.", 0, {{0}}, NULL, LS_REL_CITES},
};

static void check_str(const char *what, const char *got, const char *want, const char *text)
{
    if (!want && !got) return;
    if (!want || !got || strcmp(got, want) != 0)
        fail_msg("%s: %s is '%s', want '%s'", text, what, got ? got : "(null)", want ? want : "(null)");
}

static void test_extract_table(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof extract_cases / sizeof extract_cases[0]; k++) {
        const extract_case *tc = &extract_cases[k];
        ls_cite *c = NULL;
        size_t n = 0;
        ls_error err = {0};
        if (ls_cite_extract(tc->text, strlen(tc->text), &c, &n, &err)) fail_msg("%s: %s", tc->text, err.msg);
        if (n != tc->nitems) fail_msg("%s: %zu citations, want %zu", tc->text, n, tc->nitems);
        for (size_t i = 0; i < n; i++) {
            const want_item *w = &tc->items[i];
            char span[300];
            assert_true(c[i].start < c[i].end && c[i].end <= strlen(tc->text));
            snprintf(span, sizeof span, "%.*s", (int)(c[i].end - c[i].start), tc->text + c[i].start);
            if (w->span) check_str("span", span, w->span, tc->text);
            check_str("article", c[i].article, w->article, tc->text);
            check_str("clause", c[i].clause, w->clause, tc->text);
            check_str("point", c[i].point, w->point, tc->text);
            check_str("doc_number", c[i].doc_number, w->doc_number, tc->text);
            check_str("law_name", c[i].law_name, w->law_name, tc->text);
            check_str("year", c[i].year, w->year, tc->text);
            if (c[i].self != w->self) fail_msg("%s: item %zu self %d", tc->text, i, c[i].self);
            if (w->citation) check_str("citation", c[i].citation, w->citation, tc->text);
            /* the item lies inside its phrase */
            assert_true(c[i].group_start <= c[i].start && c[i].end <= c[i].group_end);
        }
        if (n && tc->group) {
            char g[300];
            snprintf(g, sizeof g, "%.*s", (int)(c[0].group_end - c[0].group_start), tc->text + c[0].group_start);
            check_str("phrase", g, tc->group, tc->text);
            for (size_t i = 1; i < n; i++) {   /* items of one phrase share its number */
                if (c[i].group_start == c[0].group_start) assert_int_equal(c[i].group, c[0].group);
                else assert_true(c[i].group > c[0].group && c[i].group_start >= c[0].group_end);
            }
        }
        if (n && c[0].relation != tc->relation)
            fail_msg("%s: relation %s, want %s", tc->text, ls_relation_name(c[0].relation),
                     ls_relation_name(tc->relation));
        ls_cites_free(c, n);
    }
}

static void test_extract_bad_utf8(void **state)
{
    (void)state;
    ls_cite *c = NULL;
    size_t n = 7;
    ls_error err = {0};
    assert_int_equal(ls_cite_extract("Điều 5 \xff", strlen("Điều 5 \xff"), &c, &n, &err), LS_ERR_UTF8);
    assert_null(c);
    assert_int_equal(n, 0);
    assert_int_equal(ls_cite_extract("", 0, &c, &n, &err), LS_OK);
    assert_int_equal(n, 0);
}

/* ---- 2. resolution -------------------------------------------------------- */

static char *db_dir;
static ls_searcher *searcher;

/* Documents the sample lacks, in the JSONL interchange format. */
static const char extra_jsonl[] =
    "{\"id\": \"12/2020/qđ-ubnd-hn\", \"number\": \"12/2020/QĐ-UBND\", \"type\": \"Quyết định\","
    " \"issuer\": \"Ủy ban nhân dân thành phố Hà Nội\", \"issued\": \"2020-06-01\", \"effective\": \"2020-06-15\","
    " \"title\": \"Quyết định ban hành quy định về quản lý chợ\","
    " \"articles\": [{\"number\": \"1\", \"text\": \"1. Phạm vi.\"}]}\n"
    "{\"id\": \"12/2020/qđ-ubnd-hcm\", \"number\": \"12/2020/QĐ-UBND\", \"type\": \"Quyết định\","
    " \"issuer\": \"Ủy ban nhân dân Thành phố Hồ Chí Minh\", \"issued\": \"2020-05-02\", \"effective\": \"2020-05-20\","
    " \"title\": \"Quyết định về giá đất\", \"articles\": [{\"number\": \"1\", \"text\": \"1. Bảng giá.\"}]}\n"
    "{\"number\": \"158/2005/NĐ-CP\", \"type\": \"Nghị định\", \"issuer\": \"Chính phủ\","
    " \"issued\": \"2005-12-27\", \"effective\": \"2006-04-01\", \"status\": \"Hết hiệu lực toàn bộ\","
    " \"title\": \"Nghị định về đăng ký và quản lý hộ tịch\","
    " \"articles\": [{\"number\": \"1\", \"heading\": \"Phạm vi\", \"text\": \"Nghị định này quy định về đăng ký hộ tịch.\"}]}\n"
    "{\"number\": \"58/2014/QH13\", \"type\": \"Luật\", \"issuer\": \"Quốc hội\","
    " \"issued\": \"2014-11-20\", \"effective\": \"2016-01-01\", \"title\": \"Luật Bảo hiểm xã hội\","
    " \"articles\": [{\"number\": \"60\", \"heading\": \"Bảo hiểm xã hội một lần\", \"text\": \"1. Người lao động ...\"}]}\n"
    "{\"number\": \"99/2025/NĐ-CP\", \"type\": \"Nghị định\", \"issuer\": \"Chính phủ\","
    " \"issued\": \"2025-05-01\", \"effective\": \"2026-01-01\", \"title\": \"Nghị định thử nghiệm\","
    " \"articles\": [{\"number\": \"1\", \"text\": \"1. Thử nghiệm.\"}]}\n";

static int setup_index(void **state)
{
    (void)state;
    ts_text extra = {"extra.jsonl", extra_jsonl, sizeof extra_jsonl - 1, LS_FORMAT_JSONL};
    return ts_open_sample(&extra, 1, &db_dir, &searcher);
}

static int teardown_index(void **state)
{
    ts_close_sample(db_dir, searcher);
    return ts_shutdown_analyser(state);
}

typedef struct resolve_case {
    const char *text, *as_of;
    size_t item;                 /* which citation of the text */
    ls_cite_resolution resolution;
    ls_force force;              /* checked when the resolution is FOUND */
    const char *doc_id, *by;     /* NULL = must be NULL */
    const char *heading;         /* NULL = not checked */
    size_t ncandidates;
} resolve_case;

static const resolve_case resolve_cases[] = {
    /* found, with the heading of the article */
    {"Điều 114 Bộ luật Lao động", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_IN_FORCE, "45/2019/qh14", NULL,
     "Ngày nghỉ hằng năm tăng thêm theo thâm niên làm việc", 0},
    {"Điều 3 Luật Đất đai năm 2024", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_IN_FORCE, "31/2024/qh15", NULL,
     "Giải thích từ ngữ", 0},
    /* not in the index: invented number, law of another year */
    {"khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP", "2025-08-01", 0, LS_CITE_DOC_MISSING, 0, NULL, NULL, NULL, 0},
    {"Luật Đất đai năm 2013", "2025-08-01", 0, LS_CITE_DOC_MISSING, 0, NULL, NULL, NULL, 0},
    /* document found, provision missing */
    {"Điều 99 Nghị định số 123/2015/NĐ-CP", "2025-08-01", 0, LS_CITE_PART_MISSING, 0, "123/2015/nđ-cp", NULL, NULL, 0},
    {"khoản 9 Điều 2 Nghị định số 123/2015/NĐ-CP", "2025-08-01", 0, LS_CITE_PART_MISSING, 0, "123/2015/nđ-cp", NULL, NULL, 0},
    {"điểm k khoản 1 Điều 113 Bộ luật Lao động số 45/2019/QH14", "2025-08-01", 0, LS_CITE_PART_MISSING, 0,
     "45/2019/qh14", NULL, NULL, 0},
    /* ambiguous: one number, two provinces */
    {"Quyết định số 12/2020/QĐ-UBND", "2025-08-01", 0, LS_CITE_AMBIGUOUS, 0, NULL, NULL, NULL, 2},
    /* repealed: stored status, and the repealing decree read from the index */
    {"Nghị định số 158/2005/NĐ-CP", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_REPEALED, "158/2005/nđ-cp",
     "123/2015/nđ-cp", NULL, 0},
    /* repealed by a later law, as of after its effective date; in force before */
    {"Điều 60 Luật Bảo hiểm xã hội năm 2014", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_REPEALED, "58/2014/qh13",
     "41/2024/qh15", "Bảo hiểm xã hội một lần", 0},
    {"Điều 60 Luật Bảo hiểm xã hội năm 2014", "2024-01-01", 0, LS_CITE_FOUND, LS_FORCE_IN_FORCE, "58/2014/qh13",
     NULL, NULL, 0},
    /* a law by name alone: the newest of that name */
    {"Luật Bảo hiểm xã hội", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_IN_FORCE, "41/2024/qh15", NULL, NULL, 0},
    /* replaced in part: the document partly, the repealed articles wholly */
    {"Nghị định số 100/2019/NĐ-CP", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_PARTLY_REPEALED, "100/2019/nđ-cp",
     "168/2024/nđ-cp", NULL, 0},
    {"Điều 4 và Điều 6 Nghị định số 100/2019/NĐ-CP", "2025-08-01", 1, LS_CITE_FOUND, LS_FORCE_REPEALED,
     "100/2019/nđ-cp", "168/2024/nđ-cp", NULL, 0},
    {"Điều 6 Nghị định số 100/2019/NĐ-CP", "2024-06-01", 0, LS_CITE_FOUND, LS_FORCE_IN_FORCE, "100/2019/nđ-cp",
     NULL, NULL, 0},
    /* amended: a clause an amending decree rewrote; a clause it repealed */
    {"khoản 1 Điều 2 Nghị định số 123/2015/NĐ-CP", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_AMENDED,
     "123/2015/nđ-cp", "07/2025/nđ-cp", NULL, 0},
    {"khoản 3 Điều 2 Nghị định số 123/2015/NĐ-CP", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_REPEALED,
     "123/2015/nđ-cp", "07/2025/nđ-cp", NULL, 0},
    {"khoản 3 Điều 2 Nghị định số 123/2015/NĐ-CP", "2024-12-31", 0, LS_CITE_FOUND, LS_FORCE_IN_FORCE,
     "123/2015/nđ-cp", NULL, NULL, 0},
    /* not yet in force on the date */
    {"Nghị định số 99/2025/NĐ-CP", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_NOT_YET, "99/2025/nđ-cp", NULL, NULL, 0},
    {"Luật Đất đai năm 2024", "2024-03-01", 0, LS_CITE_FOUND, LS_FORCE_NOT_YET, "31/2024/qh15", NULL, NULL, 0},
    /* a dirty number resolves like the clean one */
    {"Nghị định 123_2015_ND-CP", "2025-08-01", 0, LS_CITE_FOUND, LS_FORCE_PARTLY_REPEALED, "123/2015/nđ-cp",
     "07/2025/nđ-cp", NULL, 0},
    /* "Luật này" in a text with no header and no --doc */
    {"Theo khoản 2 Điều 72 của Luật này.", "2025-08-01", 0, LS_CITE_SELF_UNKNOWN, 0, NULL, NULL, NULL, 0},
};

static void test_resolve_table(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof resolve_cases / sizeof resolve_cases[0]; k++) {
        const resolve_case *tc = &resolve_cases[k];
        ls_review_opts o = {.as_of = tc->as_of};
        ls_review_result *r = NULL;
        ls_error err = {0};
        if (ls_review(searcher, tc->text, strlen(tc->text), &o, &r, &err))
            fail_msg("%s: %s", tc->text, err.msg);
        if (tc->item >= r->ncites) fail_msg("%s: only %zu citations", tc->text, r->ncites);
        const ls_cite *c = &r->cites[tc->item];
        if (c->resolution != tc->resolution)
            fail_msg("%s (as of %s): %s, want %s (%s)", tc->text, tc->as_of, ls_cite_resolution_name(c->resolution),
                     ls_cite_resolution_name(tc->resolution), c->why ? c->why : "");
        if (tc->resolution == LS_CITE_FOUND && c->force != tc->force)
            fail_msg("%s (as of %s): %s, want %s", tc->text, tc->as_of, ls_force_name(c->force),
                     ls_force_name(tc->force));
        check_str("doc_id", c->doc_id, tc->doc_id, tc->text);
        if (tc->resolution == LS_CITE_FOUND) check_str("force_by", c->force_by, tc->by, tc->text);
        if (tc->heading) check_str("heading", c->heading, tc->heading, tc->text);
        assert_int_equal(c->ncandidates, tc->ncandidates);
        if (tc->resolution != LS_CITE_FOUND) assert_non_null(c->why);
        ls_review_result_free(r);
    }
}

static void test_candidates_and_summary(void **state)
{
    (void)state;
    static const char text[] =
        "Căn cứ Quyết định số 12/2020/QĐ-UBND; khoản 3 và khoản 4 Điều 2 Nghị định số "
        "123/2015/NĐ-CP; Điều 999 Bộ luật Lao động.";
    ls_review_opts o = {.as_of = "2025-08-01"};
    ls_review_result *r = NULL;
    ls_error err = {0};
    assert_int_equal(ls_review(searcher, text, sizeof text - 1, &o, &r, &err), LS_OK);
    assert_int_equal(r->ncites, 4);
    assert_int_equal(r->ngroups, 3);
    assert_int_equal(r->unresolved, 2);     /* the ambiguous decision, Điều 999 */
    assert_int_equal(r->not_in_force, 1);   /* khoản 3 Điều 2, repealed */
    const ls_cite *amb = &r->cites[0];
    assert_int_equal(amb->ncandidates, 2);
    int hn = strcmp(amb->candidates[0], "12/2020/qđ-ubnd-hn") == 0 || strcmp(amb->candidates[1], "12/2020/qđ-ubnd-hn") == 0;
    int hcm = strcmp(amb->candidates[0], "12/2020/qđ-ubnd-hcm") == 0 || strcmp(amb->candidates[1], "12/2020/qđ-ubnd-hcm") == 0;
    assert_true(hn && hcm);
    /* the found clause carries its own text, not the whole article's */
    const ls_cite *k4 = &r->cites[2];
    assert_int_equal(k4->resolution, LS_CITE_FOUND);
    assert_non_null(k4->text);
    assert_true(strncmp(k4->text, "4.", 2) == 0);
    assert_string_equal(k4->citation, "khoản 4 Điều 2 Nghị định số 123/2015/NĐ-CP");

    /* JSON: parses, summary agrees, offsets cover the cited bytes */
    ls_buf out = LS_BUF_INIT;
    assert_int_equal(ls_review_json(r, text, sizeof text - 1, &out, &err), LS_OK);
    json_t *j = json_loads(out.data, 0, NULL);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"), "citations")), 4);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"), "not_in_force")), 1);
    json_t *c2 = json_array_get(json_object_get(j, "citations"), 2);
    size_t s = (size_t)json_integer_value(json_object_get(c2, "start"));
    size_t e = (size_t)json_integer_value(json_object_get(c2, "end"));
    assert_int_equal(e - s, strlen("khoản 4"));
    assert_memory_equal(text + s, "khoản 4", e - s);
    assert_string_equal(json_string_value(json_object_get(c2, "text")), "khoản 4");
    assert_string_equal(json_string_value(json_object_get(c2, "resolution")), "found");
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "citations"), 1), "force")),
                        "repealed");
    json_decref(j);
    ls_buf_free(&out);
    ls_review_result_free(r);
}

/* ---- 3. the containing document ------------------------------------------- */

static void test_self_given_and_detected(void **state)
{
    (void)state;
    ls_review_opts o = {.as_of = "2025-08-01", .doc_id = "123/2015/NĐ-CP"};
    ls_review_result *r = NULL;
    ls_error err = {0};
    static const char draft[] = "trừ trường hợp quy định tại khoản 2 Điều 5 của Nghị định này";
    assert_int_equal(ls_review(searcher, draft, sizeof draft - 1, &o, &r, &err), LS_OK);
    assert_int_equal(r->ncites, 1);
    assert_int_equal(r->cites[0].resolution, LS_CITE_FOUND);
    assert_string_equal(r->cites[0].doc_id, "123/2015/nđ-cp");
    assert_string_equal(r->self_id, "123/2015/nđ-cp");
    ls_review_result_free(r);

    o.doc_id = "404/2099/NĐ-CP";
    assert_int_equal(ls_review(searcher, draft, sizeof draft - 1, &o, &r, &err), LS_ERR_NOTFOUND);
    assert_null(r);

    /* a whole sample document: its header names it; "khoản 1 Điều này" in
     * Điều 2 is khoản 1 of Điều 2 */
    char *text = NULL;
    size_t len = 0;
    ls_error e2 = {0};
    assert_int_equal(ls_read_file(ts_path("corpus/sample/nghi-dinh-123_2015_ND-CP.txt"), &text, &len, &e2), LS_OK);
    o.doc_id = NULL;
    assert_int_equal(ls_review(searcher, text, len, &o, &r, &e2), LS_OK);
    assert_non_null(r->self_id);
    assert_string_equal(r->self_id, "123/2015/nđ-cp");
    int seen = 0;
    for (size_t i = 0; i < r->ncites; i++) {
        const ls_cite *c = &r->cites[i];
        if (strncmp(text + c->start, "khoản 1 Điều này", strlen("khoản 1 Điều này")) != 0) continue;
        assert_int_equal(c->resolution, LS_CITE_FOUND);
        assert_string_equal(c->article, "2");
        assert_string_equal(c->clause, "1");
        seen = 1;
    }
    assert_true(seen);
    ls_review_result_free(r);
    free(text);
}

static void test_self_draft_articles(void **state)
{
    (void)state;
    static const char draft[] =
        "Điều 1. Phạm vi điều chỉnh\n"
        "Các trường hợp tại khoản 2 Điều 2 Luật này và khoản 5 Điều 2 Luật này.\n"
        "\n"
        "Điều 2. Đối tượng áp dụng\n"
        "1. Cơ quan nhà nước.\n"
        "2. Tổ chức, cá nhân:\n"
        "a) Công dân;\n"
        "b) Người nước ngoài.\n"
        "3. Theo điểm b khoản 2 Điều này.\n";
    ls_review_result *r = NULL;
    ls_error err = {0};
    ls_review_opts o = {.as_of = "2025-08-01"};
    assert_int_equal(ls_review(searcher, draft, sizeof draft - 1, &o, &r, &err), LS_OK);
    assert_int_equal(r->ncites, 3);
    assert_int_equal(r->cites[0].resolution, LS_CITE_FOUND);
    assert_string_equal(r->cites[0].heading, "Đối tượng áp dụng");
    assert_int_equal(r->cites[1].resolution, LS_CITE_PART_MISSING);
    assert_int_equal(r->cites[2].resolution, LS_CITE_FOUND);
    assert_string_equal(r->cites[2].article, "2");
    assert_string_equal(r->cites[2].text, "b) Người nước ngoài.");
    ls_review_result_free(r);
}

static void test_bad_date(void **state)
{
    (void)state;
    ls_review_opts o = {.as_of = "2025-13-01"};
    ls_review_result *r = NULL;
    ls_error err = {0};
    assert_int_equal(ls_review(searcher, "Điều 5", 8, &o, &r, &err), LS_ERR_ARG);
    assert_null(r);
}

/* ---- 4. the command ---------------------------------------------------------- */

static void test_cli(void **state)
{
    (void)state;
    char cmd[1200];
    char *out = NULL, *errs = NULL;
    static const char draft[] =
        "Căn cứ Nghị định số 158/2005/NĐ-CP;\nTheo khoản 4 và khoản 5 Điều 2 Nghị định số 123/2015/NĐ-CP "
        "và Nghị định số 13/2023/NĐ-CP.\n";
    snprintf(cmd, sizeof cmd, "'%s' review --db '%s' --as-of 2025-08-01 -", ts_bin(), db_dir);
    int st = ts_run(cmd, draft, &out, &errs);
    if (st != 0) fail_msg("exit %d: %s", st, errs);
    /* not a terminal: phrases marked «...»[n], no ANSI escapes */
    assert_non_null(strstr(out, "«khoản 4 và khoản 5 Điều 2 Nghị định số 123/2015/NĐ-CP»[2]"));
    assert_null(strchr(out, '\x1b'));
    assert_non_null(strstr(out, "4 citations, 2 unresolved, 1 pointing at texts no longer in force (as of 2025-08-01)"));
    free(out);
    free(errs);

    snprintf(cmd, sizeof cmd, "'%s' review --db '%s' --as-of 2025-08-01 --json -", ts_bin(), db_dir);
    assert_int_equal(ts_run(cmd, draft, &out, &errs), 0);
    json_t *j = json_loads(out, 0, NULL);
    assert_non_null(j);
    assert_int_equal(json_array_size(json_object_get(j, "citations")), 4);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "summary"), "unresolved")), 2);
    json_decref(j);
    free(out);
    free(errs);

    snprintf(cmd, sizeof cmd, "'%s' review --db '%s' --as-of 2025-02-30x -", ts_bin(), db_dir);
    assert_int_equal(ts_run(cmd, draft, &out, &errs), 2);
    free(out);
    free(errs);
    snprintf(cmd, sizeof cmd, "'%s' review --db '%s' /nonexistent/draft.txt", ts_bin(), db_dir);
    assert_int_equal(ts_run(cmd, NULL, &out, &errs), 1);
    assert_non_null(strstr(errs, "/nonexistent/draft.txt"));
    free(out);
    free(errs);
}

int main(void)
{
    const struct CMUnitTest extract[] = {
        cmocka_unit_test(test_extract_table),
        cmocka_unit_test(test_extract_bad_utf8),
    };
    const struct CMUnitTest resolve[] = {
        cmocka_unit_test(test_resolve_table),
        cmocka_unit_test(test_candidates_and_summary),
        cmocka_unit_test(test_self_given_and_detected),
        cmocka_unit_test(test_self_draft_articles),
        cmocka_unit_test(test_bad_date),
        cmocka_unit_test(test_cli),
    };
    int failed = cmocka_run_group_tests_name("review extraction", extract, NULL, NULL);
    failed += cmocka_run_group_tests_name("review resolution", resolve, setup_index, teardown_index);
    return failed;
}
