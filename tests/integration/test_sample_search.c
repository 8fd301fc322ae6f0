/* test_sample_search.c — end to end through the library: index the bundled
 * sample corpus into a temporary directory, then ask the questions of
 * tests/integration/sample-questions.tsv (with and without diacritics, with
 * abbreviations, as citations) and check the right article comes back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../corpus/reader.h"
#include "../../indexer/indexer.h"
#include "../../query/results_json.h"
#include "../../query/search.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

static char *db_dir;
static ls_index_counts first_counts;

static int on_doc(void *ctx, const ls_document *doc)
{
    ls_error err = {0};
    ls_rc rc = ls_indexer_add(ctx, doc, &err);
    if (rc) fprintf(stderr, "indexing %s: %s\n", doc->source, err.msg);
    return rc != LS_OK;
}

static void on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "problem in sample corpus: %s:%zu: %s\n", path, line, msg);
    fail_msg("the sample corpus must read without problems");
}

static ls_index_counts index_sample(int overwrite)
{
    ls_error err = {0};
    ls_indexer *ix = NULL;
    ls_indexer_options opts = {.overwrite = overwrite};
    assert_int_equal(ls_indexer_open(db_dir, &opts, &ix, &err), LS_OK);
    ls_reader_sink sink = {on_doc, on_problem, ix};
    assert_int_equal(ls_corpus_read_path(ts_path("corpus/sample"), LS_FORMAT_AUTO, &sink, &err),
                     LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_index_counts counts = *ls_indexer_counts(ix);
    ls_indexer_close(ix);
    return counts;
}

static int setup(void **state)
{
    (void)state;
    db_dir = ts_mkdtemp();
    if (!db_dir) return -1;
    first_counts = index_sample(1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ts_rmtree(db_dir);
    free(db_dir);
    ls_analyser_shutdown();
    return 0;
}

static ls_results *ask(ls_searcher *s, const char *q, unsigned limit)
{
    ls_search_request req = {.query = q, .limit = limit};
    ls_results *r = NULL;
    ls_error err = {0};
    ls_rc rc = ls_search(s, &req, &r, &err);
    if (rc) fail_msg("search '%s' failed: %s", q, err.msg);
    return r;
}

/* 1-based rank of (doc_number, article) in r, 0 if absent */
static unsigned rank_of(const ls_results *r, const char *doc_number, const char *article)
{
    for (size_t i = 0; i < r->nhits; i++) {
        const ls_passage *p = r->hits[i].passage;
        if (p->doc_number && strcmp(p->doc_number, doc_number) == 0 && p->article &&
            strcmp(p->article, article) == 0)
            return r->hits[i].rank;
    }
    return 0;
}

static void test_sample_corpus_indexed(void **state)
{
    (void)state;
    assert_true(first_counts.documents >= 20);
    assert_true(first_counts.passages_added >= 150);
    assert_int_equal(first_counts.passages_replaced, 0);
}

/* Every question of the table finds its article in the top 5, and at least
 * 80% put it first. */
static void test_sample_questions(void **state)
{
    (void)state;
    FILE *f = fopen(ts_path("tests/integration/sample-questions.tsv"), "r");
    assert_non_null(f);
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    char line[2048];
    unsigned asked = 0, first = 0, missed = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *q = strtok(line, "\t"), *doc = strtok(NULL, "\t"), *art = strtok(NULL, "\t");
        assert_non_null(art);
        ls_results *r = ask(s, q, 5);
        unsigned rank = rank_of(r, doc, art);
        asked++;
        if (rank == 1) first++;
        if (rank == 0) {
            missed++;
            fprintf(stderr, "MISS: %s -> want Điều %s %s; got %s\n", q, art, doc,
                    r->nhits ? r->hits[0].citation : "nothing");
        } else if (rank > 1) {
            fprintf(stderr, "rank %u: %s -> Điều %s %s (first: %s)\n", rank, q, art, doc,
                    r->hits[0].citation);
        }
        ls_results_free(r);
    }
    fclose(f);
    ls_searcher_close(s);
    fprintf(stderr, "sample questions: %u asked, %u first, %u missed from top 5\n", asked, first,
            missed);
    assert_true(asked >= 30);
    assert_int_equal(missed, 0);
    assert_true(first * 10 >= asked * 8);
}

/* Decomposed (NFD) input, old tone placement and no diacritics find what the
 * composed, new-style question finds. */
static void test_question_forms_agree(void **state)
{
    (void)state;
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    const char *composed = "đăng ký khai sinh";
    const char *decomposed = "đa\xcc\x86\xcc\x80ng ky\xcc\x81 khai sinh"; /* ă + grave, y + acute */
    const char *bare = "dang ky khai sinh";
    ls_results *a = ask(s, composed, 3), *b = ask(s, decomposed, 3), *c = ask(s, bare, 3);
    assert_true(a->nhits > 0);
    assert_int_equal(b->nhits, a->nhits);
    assert_string_equal(b->hits[0].passage_id, a->hits[0].passage_id);
    assert_true(c->nhits > 0);
    assert_string_equal(c->hits[0].passage_id, a->hits[0].passage_id);
    ls_results_free(a);
    ls_results_free(b);
    ls_results_free(c);
    ls_searcher_close(s);
}

/* Citations people type short: a number without its issuer code, a law by
 * name (with or without year) and article; every hit of a resolved number
 * belongs to that document. */
static void test_short_citations(void **state)
{
    (void)state;
    static const struct { const char *q, *doc, *article; } cases[] = {
        {"Điều 5 NĐ 123/2015", "123/2015/NĐ-CP", "5"},
        {"dieu 5 nd 123/2015", "123/2015/NĐ-CP", "5"},
        {"Luật Đất đai 2024 điều 3", "31/2024/QH15", "3"},
        {"luat dat dai dieu 3", "31/2024/QH15", "3"},
        {"Điều 16 Luật Hộ tịch", "60/2014/QH13", "16"},
        {"điều 21 của luật cư trú năm 2020", "68/2020/QH14", "21"},
    };
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_results *r = ask(s, cases[i].q, 3);
        if (rank_of(r, cases[i].doc, cases[i].article) != 1)
            fail_msg("'%s': first is %s", cases[i].q, r->nhits ? r->hits[0].citation : "nothing");
        ls_results_free(r);
    }
    ls_results *r = ask(s, "nđ 123/2015 đăng ký khai sinh", 10);
    assert_true(r->nhits > 0);
    for (size_t i = 0; i < r->nhits; i++)
        assert_string_equal(r->hits[i].passage->doc_number, "123/2015/NĐ-CP");
    ls_results_free(r);
    /* a bare N/YYYY may be a month: without a type beside it, no pin */
    r = ask(s, "đăng ký khai sinh 123/2015", 10);
    assert_null(strstr(r->understood, "citation"));
    ls_results_free(r);
    /* a law of that name exists, but not of that year: no guess, no pin */
    r = ask(s, "Luật Đất đai 2013 điều 3", 10);
    assert_null(strstr(r->understood, "citation"));
    ls_results_free(r);
    ls_searcher_close(s);
}

/* A common word only adds to the rarer parts' matches (build.h, maybe):
 * when those are fewer than the candidates wanted (here a cited document
 * and "luật", in most of the sample's passages), the match is asked again
 * with every part ORed, so the hits are those of maybe=0. */
static void test_narrowed_match_asked_again(void **state)
{
    (void)state;
    static const char *const qs[] = {"Luật 68/2020/QH14", "luật cư trú", "quy định của luật"};
    ls_searcher *s = NULL, *plain = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    assert_int_equal(ls_searcher_open(db_dir, &plain, &err), LS_OK);
    assert_int_equal(ls_searcher_set_weights(plain, "maybe=0", &err), LS_OK);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        ls_results *a = ask(s, qs[i], 10), *b = ask(plain, qs[i], 10);
        if (a->nhits != b->nhits || a->nhits == 0)
            fail_msg("'%s': %zu hits, %zu with every part ORed", qs[i], a->nhits, b->nhits);
        for (size_t k = 0; k < a->nhits; k++)
            assert_string_equal(a->hits[k].passage_id, b->hits[k].passage_id);
        ls_results_free(a);
        ls_results_free(b);
    }
    ls_searcher_close(plain);
    ls_searcher_close(s);
}

/* "Did you mean": the accented reading the corpus supports, only for
 * questions typed without diacritics; words stay in place. */
static void test_suggestion(void **state)
{
    (void)state;
    static const struct { const char *q, *want; } cases[] = {
        {"thu tuc dang ky khai sinh", "thủ tục đăng ký khai sinh"},
        {"Thoi han dang ky khai sinh la bao nhieu ngay?", "thời hạn đăng ký khai sinh là bao nhiêu ngày?"},
        {"dang ky tam tru o dau", "đăng ký tạm trú ở đâu"},
        /* Telex and VNI typed with the input method off */
        {"thur tucj ddawng kys khai sinh", "thủ tục đăng ký khai sinh"},
        {"d9a8ng ky1 ta5m tru1 o73 d9a6u", "đăng ký tạm trú ở đâu"},
        /* a citizen's word of the synonym store, not the corpus's letters */
        {"so do", "sổ đỏ"},
        {"Thủ tục đăng ký khai sinh", NULL},
        {"khai sinh", NULL}, /* already reads right */
    };
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_results *r = ask(s, cases[i].q, 3);
        if (!cases[i].want) {
            if (r->suggestion) fail_msg("'%s': unexpected suggestion '%s'", cases[i].q, r->suggestion);
        } else if (!r->suggestion || strcmp(r->suggestion, cases[i].want) != 0) {
            fail_msg("'%s': suggested '%s'", cases[i].q, r->suggestion ? r->suggestion : "(none)");
        }
        ls_results_free(r);
    }
    ls_searcher_close(s);
}

/* A citation to what the index does not hold gets a notice naming it and a
 * confidence near 0 (no_answer); what it holds gets neither; every
 * confidence is in [0, 1]. */
static void test_notice_and_confidence(void **state)
{
    (void)state;
    static const struct { const char *q, *notice; } cases[] = {
        {"Điều 5 Luật Đất đai 2013", "Luật Đất đai năm 2013 không có trong chỉ mục"},
        {"khoản 2 Điều 5 NĐ 100/2020", "Nghị định 100/2020 không có trong chỉ mục"},
        {"Điều 5 Nghị định 999/2019/NĐ-CP", "Nghị định 999/2019/NĐ-CP không có trong chỉ mục"},
        {"Điều 999 Luật Cư trú", "Điều 999 không có trong Luật Cư trú 68/2020/QH14"},
        {"Điều 60 Luật Bảo vệ môi trường", "Luật Bảo vệ môi trường không có trong chỉ mục"},
        {"Điều 9 Luật Cư trú", NULL},
        {"khoản 2 Điều 5 NĐ 100/2019", NULL},
        {"thủ tục đăng ký khai sinh", NULL},
        {"Điều 5 luật sư", NULL},
    };
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ls_results *r = ask(s, cases[i].q, 3);
        if (r->confidence < 0 || r->confidence > 1)
            fail_msg("'%s': confidence %f", cases[i].q, r->confidence);
        if (!cases[i].notice) {
            if (r->notice) fail_msg("'%s': unexpected notice '%s'", cases[i].q, r->notice);
        } else if (!r->notice || strcmp(r->notice, cases[i].notice) != 0) {
            fail_msg("'%s': notice '%s'", cases[i].q, r->notice ? r->notice : "(none)");
        } else if (r->confidence > 0.05 || !r->no_answer) {
            fail_msg("'%s': confidence %f with a notice", cases[i].q, r->confidence);
        }
        ls_results_free(r);
    }
    /* the threshold is the request's: negative never says no_answer */
    ls_search_request req = {.query = "Điều 999 Luật Cư trú", .min_confidence = -1};
    ls_results *r = NULL;
    assert_int_equal(ls_search(s, &req, &r, &err), LS_OK);
    assert_false(r->no_answer);
    ls_results_free(r);
    ls_searcher_close(s);
}

/* A time budget the search cannot meet (a nanosecond): cut after the
 * match, so partial, one hit, no suggestion, and the JSON says so; the same
 * searcher without a budget answers whole again. */
static void test_time_budget_cuts(void **state)
{
    (void)state;
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    const char *q = "thu tuc dang ky khai sinh";
    ls_results *whole = ask(s, q, 5);
    assert_false(whole->partial);
    assert_int_equal(whole->nhits, 5);
    assert_non_null(whole->suggestion);
    ls_searcher_set_time_budget(s, 1e-6);
    ls_results *cut = ask(s, q, 5);
    assert_true(cut->partial);
    assert_int_equal(cut->nhits, 1);
    assert_null(cut->suggestion);
    ls_buf json = LS_BUF_INIT;
    assert_int_equal(ls_results_json(cut, q, strlen(q), 0, &json), LS_OK);
    assert_non_null(strstr(json.data, ",\"partial\":true,"));
    ls_buf_reset(&json);
    assert_int_equal(ls_results_json(whole, q, strlen(q), 0, &json), LS_OK);
    assert_null(strstr(json.data, "partial"));
    ls_buf_free(&json);
    ls_results_free(cut);
    ls_searcher_set_time_budget(s, 0);
    ls_results *again = ask(s, q, 5);
    assert_false(again->partial);
    assert_int_equal(again->nhits, 5);
    ls_results_free(again);
    ls_results_free(whole);
    ls_searcher_close(s);
}

/* The budget ends the match itself (xc_enquire_set_deadline), not only
 * what follows it: past the deadline at once, the match stops at its
 * first candidate (the estimate counts the candidates weighed), and its
 * hit is that candidate; a budget that is not reached changes nothing —
 * the same hits with the same scores as no budget. */
static void test_time_budget_ends_match(void **state)
{
    (void)state;
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    const char *q = "đăng ký thường trú tạm trú hộ tịch khai sinh";
    ls_results *whole = ask(s, q, 10);
    assert_true(whole->estimated > 10);
    ls_searcher_set_time_budget(s, 1e-6);
    ls_results *cut = ask(s, q, 10);
    assert_true(cut->partial);
    assert_int_equal(cut->estimated, 1); /* ended at the first candidate */
    assert_int_equal(cut->nhits, 1);
    ls_searcher_set_time_budget(s, 60000);
    ls_results *roomy = ask(s, q, 10);
    assert_false(roomy->partial);
    assert_int_equal(roomy->estimated, whole->estimated);
    assert_int_equal(roomy->nhits, whole->nhits);
    for (size_t i = 0; i < whole->nhits; i++) {
        assert_string_equal(roomy->hits[i].passage_id, whole->hits[i].passage_id);
        assert_true(roomy->hits[i].score == whole->hits[i].score);
    }
    ls_results_free(roomy);
    ls_results_free(cut);
    ls_results_free(whole);
    ls_searcher_close(s);
}

/* Pages cut one ordering: the second stage reorders the first candidates,
 * and every page (inside or past them) agrees with one long page. */
static void test_pages_agree(void **state)
{
    (void)state;
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    const char *q = "quyền và nghĩa vụ của công dân về đăng ký cư trú";
    ls_search_request all = {.query = q, .limit = 30};
    ls_results *whole = NULL;
    assert_int_equal(ls_search(s, &all, &whole, &err), LS_OK);
    assert_true(whole->nhits >= 25);
    for (unsigned offset = 0; offset < 25; offset += 7) {
        ls_search_request page = {.query = q, .limit = 7, .offset = offset};
        ls_results *r = NULL;
        assert_int_equal(ls_search(s, &page, &r, &err), LS_OK);
        for (size_t i = 0; i < r->nhits && offset + i < whole->nhits; i++) {
            assert_string_equal(r->hits[i].passage_id, whole->hits[offset + i].passage_id);
            assert_int_equal(r->hits[i].rank, offset + i + 1);
        }
        ls_results_free(r);
    }
    ls_results_free(whole);
    ls_searcher_close(s);
}

/* The confidence rates the first hit of one ranking: the page asked for
 * (its size, its offset) does not change it, nor the features it reads. */
static void test_confidence_whatever_the_page(void **state)
{
    (void)state;
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    static const char *const qs[] = {"quyền và nghĩa vụ của công dân về đăng ký cư trú",
                                     "thủ tục đăng ký tạm trú", "xử phạt vi phạm hành chính"};
    static const unsigned pages[][2] = {{1, 0}, {3, 0}, {7, 7}, {2, 12}}; /* limit, offset */
    for (size_t k = 0; k < sizeof qs / sizeof *qs; k++) {
        ls_results *ten = ask(s, qs[k], 10);
        assert_true(ten->nhits == 10);
        for (size_t p = 0; p < sizeof pages / sizeof *pages; p++) {
            ls_search_request req = {.query = qs[k], .limit = pages[p][0], .offset = pages[p][1]};
            ls_results *r = NULL;
            assert_int_equal(ls_search(s, &req, &r, &err), LS_OK);
            for (size_t i = 0; i < LS_CF_N; i++)
                if (r->features.x[i] != ten->features.x[i])
                    fail_msg("'%s' limit %u offset %u: %s %f, on a first page of 10 %f", qs[k],
                             pages[p][0], pages[p][1], ls_confidence_feature_names[i],
                             r->features.x[i], ten->features.x[i]);
            assert_true(r->confidence == ten->confidence);
            ls_results_free(r);
        }
        ls_results_free(ten);
    }
    ls_searcher_close(s);
}

static void test_reindex_is_idempotent(void **state)
{
    (void)state;
    ls_index_counts again = index_sample(0);
    assert_int_equal(again.passages_added, 0);
    assert_int_equal(again.passages_replaced, first_counts.passages_added);
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    char *json = NULL;
    assert_int_equal(ls_searcher_stats_json(s, &json, &err), LS_OK);
    char want[64];
    snprintf(want, sizeof want, "\"passages\":%lu", first_counts.passages_added);
    assert_non_null(strstr(json, want));
    free(json);
    ls_searcher_close(s);
}

static void test_fetch_passage_and_document(void **state)
{
    (void)state;
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    ls_results *r = ask(s, "khai sinh", 1);
    assert_int_equal(r->nhits, 1);
    const ls_passage *hit = r->hits[0].passage;
    ls_passage *p = NULL;
    /* by the number as people write it, ASCII "ND" included */
    assert_int_equal(ls_searcher_get_passage(s, hit->doc_number, hit->article, &p, &err), LS_OK);
    assert_string_equal(p->text, hit->text);
    ls_passage_free(p);
    char *json = NULL;
    assert_int_equal(ls_searcher_get_document(s, hit->doc_number, &json, &err), LS_OK);
    assert_non_null(strstr(json, "\"articles\""));
    free(json);
    ls_error_clear(&err);
    assert_int_equal(ls_searcher_get_passage(s, hit->doc_number, "9999", &p, &err),
                     LS_ERR_NOTFOUND);
    ls_results_free(r);
    ls_searcher_close(s);
}

static void test_bad_questions(void **state)
{
    (void)state;
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db_dir, &s, &err), LS_OK);
    ls_results *r = NULL;
    ls_search_request bad_utf8 = {.query = "thu\xc3 tuc"};
    assert_int_equal(ls_search(s, &bad_utf8, &r, &err), LS_ERR_UTF8);
    assert_null(r);
    ls_error_clear(&err);
    ls_search_request empty = {.query = "  ,. "};
    assert_int_equal(ls_search(s, &empty, &r, &err), LS_ERR_ARG);
    ls_error_clear(&err);
    ls_search_request bad_date = {.query = "khai sinh", .from = "17/4/2023"};
    assert_int_equal(ls_search(s, &bad_date, &r, &err), LS_ERR_ARG);
    assert_non_null(strstr(err.msg, "from"));
    ls_searcher_close(s);
    ls_error_clear(&err);
    assert_int_equal(ls_searcher_open("/nonexistent/luat-index", &s, &err), LS_ERR_NOTFOUND);
    assert_non_null(strstr(err.msg, "/nonexistent/luat-index"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_corpus_indexed),
        cmocka_unit_test(test_sample_questions),
        cmocka_unit_test(test_question_forms_agree),
        cmocka_unit_test(test_fetch_passage_and_document),
        cmocka_unit_test(test_bad_questions),
        cmocka_unit_test(test_reindex_is_idempotent),
        cmocka_unit_test(test_pages_agree),
        cmocka_unit_test(test_confidence_whatever_the_page),
        cmocka_unit_test(test_short_citations),
        cmocka_unit_test(test_narrowed_match_asked_again),
        cmocka_unit_test(test_suggestion),
        cmocka_unit_test(test_notice_and_confidence),
        cmocka_unit_test(test_time_budget_cuts),
        cmocka_unit_test(test_time_budget_ends_match),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
