/* test_format_cover_record.c — the second stage's cover record: what the indexer's
 * single analysis pass stores equals a record made from the texts, it
 * decodes back to the words in order (numbers break adjacency) and the
 * body's spans whatever their gaps, a cut or
 * foreign record is refused, a record of version 3 (both keys of every
 * token, index format 3) decodes to the same as version 4 (a folded key only
 * where it differs), which is the shorter, the second stage ranks by it (the passage
 * holding all of the question, with or without diacritics, rises) and the
 * snippet read from it equals the one made by analysing the text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_hash.h"
#include "../../common/ls_varint.h"
#include "../../format/cover_record.h"
#include "../../indexer/termgen.h"
#include "../../query/rerank.h"
#include "../../query/search.h"
#include "../../query/snippet.h"
#include "../support/test_support.h"

static const char *HEADING = "Thủ tục đăng ký khai sinh";
static const char *TITLE = "Luật Hộ tịch";
static const char *BODY = "1. Người đi đăng ký khai sinh nộp tờ khai theo mẫu quy định "
                          "tại Điều 5 và giấy chứng sinh cho cơ quan đăng ký hộ tịch.";

static void encode(const char *h, const char *t, const char *b, ls_buf *out)
{
    ls_error err = {0};
    assert_int_equal(ls_cover_encode_texts(h, t, b, b ? strlen(b) : 0, out, &err), LS_OK);
}

static uint32_t key(const char *s) { return ls_hash32(s, strlen(s)); }

/* the index of the word whose term key is k, or -1 */
static long word_of(const ls_cover *c, uint32_t k)
{
    for (size_t w = 0; w < c->nwords; w++)
        if (c->keys[2 * w] == k) return (long)w;
    return -1;
}

static void test_round_trip(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    encode(HEADING, TITLE, BODY, &b);
    ls_cover c;
    ls_error err = {0};
    assert_int_equal(ls_cover_decode(b.data, b.len, &c, &err), LS_OK);
    /* heading: six syllables, "đăng ký" twice the same words as in the body */
    assert_int_equal(c.ntokens[LS_COVER_HEADING], 6);
    assert_int_equal(c.ntokens[LS_COVER_TITLE], 3);
    long dang = word_of(&c, key("đăng")), thu = word_of(&c, key("thủ"));
    assert_true(dang >= 0 && thu >= 0);
    assert_int_equal(c.tokens[LS_COVER_HEADING][0], (uint32_t)thu + 1);
    assert_int_equal(c.tokens[LS_COVER_HEADING][2], (uint32_t)dang + 1);
    assert_int_equal(c.keys[2 * thu + 1], key("thu"));   /* the folded twin's key */
    assert_int_equal(c.keys[2 * dang + 1], key("dang"));
    long khai = word_of(&c, key("khai"));
    assert_int_equal(c.keys[2 * khai + 1], key("khai")); /* no marks: the same key */
    /* the body starts with a number, and "Điều 5" is one reference: not
     * words, and their spans are where they stand in the body */
    size_t nonwords = 0;
    for (size_t i = 0; i < c.ntokens[LS_COVER_BODY]; i++)
        nonwords += c.nonword[c.tokens[LS_COVER_BODY][i] - 1];
    assert_int_equal(nonwords, 2);
    assert_true(c.nonword[c.tokens[LS_COVER_BODY][0] - 1]);
    assert_false(c.nonword[dang]);
    long ref = word_of(&c, key("điều 5"));
    assert_true(ref >= 0 && c.nonword[ref]);
    for (size_t i = 0; i < c.ntokens[LS_COVER_BODY]; i++)
        if (c.tokens[LS_COVER_BODY][i] == (uint32_t)ref + 1)
            assert_memory_equal(BODY + c.spans[2 * i], "Điều 5", strlen("Điều 5"));
    ls_cover_free(&c);
    ls_buf_free(&b);
}

/* every body token's span comes back as the analyser gave it, whatever the
 * gap before it (one space, ", ", a paragraph break and an indent: the gap
 * then follows its packed length) and however long the token */
static int collect_span(void *ctx, const ls_token *tok)
{
    ls_buf *spans = ctx;
    uint32_t two[2] = {(uint32_t)tok->start, (uint32_t)tok->end};
    return ls_buf_append(spans, (const char *)two, sizeof two) != LS_OK;
}

static void test_spans_any_gap(void **state)
{
    (void)state;
    static const char *body = "Người nộp, cơ quan.\n\n      Khoản 2 Điều 15 "
                              "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015\t\t\t\t\t"
                              "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx cuối";
    ls_buf b = LS_BUF_INIT, want = LS_BUF_INIT;
    encode(NULL, NULL, body, &b);
    assert_int_equal(ls_tokenize(body, strlen(body), LS_TOKENIZE_DOCUMENT, collect_span, &want,
                                 NULL), LS_OK);
    ls_cover c;
    assert_int_equal(ls_cover_decode(b.data, b.len, &c, NULL), LS_OK);
    size_t n = want.len / (2 * sizeof(uint32_t));
    assert_true(n > 10);
    assert_int_equal(c.ntokens[LS_COVER_BODY], n);
    const uint32_t *w = (const uint32_t *)(const void *)want.data;
    int wide_gap = 0, long_token = 0;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(c.spans[2 * i], w[2 * i]);
        assert_int_equal(c.spans[2 * i + 1], w[2 * i + 1]);
        if (i && w[2 * i] - w[2 * i - 1] >= 3) wide_gap = 1;
        if (w[2 * i + 1] - w[2 * i] >= 32) long_token = 1;
    }
    assert_true(wide_gap && long_token); /* the cases this test is about */
    ls_cover_free(&c);
    ls_buf_free(&b);
    ls_buf_free(&want);
}

/* what the builder holds is the record of these texts */
static void expect_record(ls_cover_builder *cb, const char *h, const char *t, const char *b)
{
    ls_buf one = LS_BUF_INIT, texts = LS_BUF_INIT;
    assert_int_equal(ls_cover_builder_finish(cb, &one, NULL), LS_OK);
    encode(h, t, b, &texts);
    assert_int_equal(one.len, texts.len);
    assert_memory_equal(one.data, texts.data, one.len);
    ls_buf_free(&one);
    ls_buf_free(&texts);
}

/* The indexer's one pass (termgen feeding the builder) stores what a record
 * made from the texts holds. */
static void test_termgen_pass_equals_texts(void **state)
{
    (void)state;
    xc_doc *d = NULL;
    xc_err xe;
    assert_int_equal(xc_doc_new(&d, &xe), XC_OK);
    ls_cover_builder cb = {0};
    ls_cover_builder_reset(&cb);
    ls_termgen tg = {.doc = d, .next_pos = 1, .cover = &cb};
    ls_error err = {0};
    ls_cover_builder_field(&cb, LS_COVER_HEADING);
    assert_int_equal(ls_termgen_index_text(&tg, HEADING, strlen(HEADING), 3, &err), LS_OK);
    ls_cover_builder_field(&cb, LS_COVER_TITLE);
    assert_int_equal(ls_termgen_index_text(&tg, TITLE, strlen(TITLE), 1, &err), LS_OK);
    ls_cover_builder_field(&cb, LS_COVER_BODY);
    assert_int_equal(ls_termgen_index_text(&tg, BODY, strlen(BODY), 0, &err), LS_OK);
    /* a definition is not part of the body */
    assert_int_equal(ls_termgen_index_definition(&tg, "tờ khai", strlen("tờ khai"), &err), LS_OK);
    expect_record(&cb, HEADING, TITLE, BODY);
    /* reset: the builder serves the next passage from scratch */
    ls_cover_builder_reset(&cb);
    ls_cover_builder_field(&cb, LS_COVER_BODY);
    assert_int_equal(ls_termgen_index_text(&tg, TITLE, strlen(TITLE), 0, &err), LS_OK);
    expect_record(&cb, NULL, NULL, TITLE);
    ls_cover_builder_free(&cb);
    xc_doc_free(d);
}

static void test_refuses_bad_records(void **state)
{
    (void)state;
    ls_buf b = LS_BUF_INIT;
    encode(HEADING, TITLE, BODY, &b);
    ls_cover c;
    for (size_t n = 0; n < b.len; n++) { /* every cut is refused, nothing leaks */
        ls_error err = {0};
        assert_int_equal(ls_cover_decode(b.data, n, &c, &err), LS_ERR_FORMAT);
        assert_null(c.keys);
    }
    ls_error err = {0};
    assert_int_equal(ls_cover_decode("{\"doc_id\":1}", 12, &c, &err), LS_ERR_FORMAT);
    assert_non_null(strstr(err.msg, "version"));
    b.data[0] = LS_COVER_VERSION + 1;
    assert_int_equal(ls_cover_decode(b.data, b.len, &c, NULL), LS_ERR_FORMAT);
    b.data[0] = LS_COVER_VERSION;
    ls_buf_putc(&b, 0); /* trailing bytes */
    assert_int_equal(ls_cover_decode(b.data, b.len, &c, NULL), LS_ERR_FORMAT);
    /* a token index past the token list */
    ls_buf bad = LS_BUF_INIT;
    /* version 4, one token (no bits set, its key), a heading of one token: the second */
    ls_buf_append(&bad, "\x04\x01\x00\x00\x01\x02\x03\x04\x01\x02\x00\x00", 12);
    assert_int_equal(ls_cover_decode(bad.data, bad.len, &c, NULL), LS_ERR_FORMAT);
    bad.data[9] = 1; /* the first token: a record */
    assert_int_equal(ls_cover_decode(bad.data, bad.len, &c, NULL), LS_OK);
    ls_cover_free(&c);
    ls_buf_free(&bad);
    ls_buf_free(&b);
}

/* The record rec4 (version 4) written as version 3 wrote it: both keys of
 * every token, then the nonword bits; the fields and spans as they are. */
static void to_paired(const ls_buf *rec4, ls_buf *out)
{
    ls_cover c;
    assert_int_equal(ls_cover_decode(rec4->data, rec4->len, &c, NULL), LS_OK);
    assert_int_equal((unsigned char)rec4->data[0], LS_COVER_VERSION);
    const unsigned char *p = (const unsigned char *)rec4->data + 1;
    int bad = 0;
    assert_int_equal(ls_varint_get(&p, p + 10, &bad), c.nwords);
    size_t nbits = (c.nwords + 7) / 8, ndiffer = 0;
    for (size_t w = 0; w < c.nwords; w++) ndiffer += c.keys[2 * w] != c.keys[2 * w + 1];
    p += 2 * nbits + 4 * (c.nwords + ndiffer); /* the fields start here */
    ls_buf_putc(out, LS_COVER_VERSION_PAIRED);
    ls_varint_put(out, c.nwords);
    for (size_t i = 0; i < 2 * c.nwords; i++) {
        uint32_t k = c.keys[i];
        char le[4] = {(char)(k & 0xff), (char)(k >> 8 & 0xff), (char)(k >> 16 & 0xff), (char)(k >> 24)};
        ls_buf_append(out, le, 4);
    }
    for (size_t i = 0; i < c.nwords; i += 8) {
        unsigned char bits = 0;
        for (size_t j = 0; j < 8 && i + j < c.nwords; j++) bits |= (unsigned char)(c.nonword[i + j] << j);
        ls_buf_putc(out, (char)bits);
    }
    ls_buf_append(out, (const char *)p, (size_t)(rec4->data + rec4->len - (const char *)p));
    ls_cover_free(&c);
}

static void assert_same_cover(const ls_cover *a, const ls_cover *b)
{
    assert_int_equal(a->nwords, b->nwords);
    assert_memory_equal(a->keys, b->keys, 2 * a->nwords * sizeof *a->keys);
    assert_memory_equal(a->nonword, b->nonword, a->nwords);
    for (int f = 0; f < LS_COVER_NFIELDS; f++) {
        assert_int_equal(a->ntokens[f], b->ntokens[f]);
        assert_memory_equal(a->tokens[f], b->tokens[f], a->ntokens[f] * sizeof *a->tokens[f]);
    }
    assert_true((a->spans == NULL) == (b->spans == NULL));
    if (a->spans)
        assert_memory_equal(a->spans, b->spans,
                            2 * a->ntokens[LS_COVER_BODY] * sizeof *a->spans);
}

/* an index of format 3 holds records of version 3: they read as the same
 * record, with or without spans; the version 4 record is shorter by 4 bytes
 * a token without marks, less its second bit set; every cut is refused */
static void test_reads_version_3(void **state)
{
    (void)state;
    static const char *body = "Điều 5. Người đi đăng ký khai sinh nộp tờ khai theo mẫu và giấy "
                              "chứng sinh cho cơ quan đăng ký hộ tịch; 123/2015/NĐ-CP, 10 ngày.";
    ls_buf b4 = LS_BUF_INIT, b3 = LS_BUF_INIT;
    encode(HEADING, TITLE, body, &b4);
    to_paired(&b4, &b3);
    ls_cover c4, c3;
    assert_int_equal(ls_cover_decode(b4.data, b4.len, &c4, NULL), LS_OK);
    assert_int_equal(ls_cover_decode(b3.data, b3.len, &c3, NULL), LS_OK);
    assert_same_cover(&c4, &c3);
    size_t same = 0;
    for (size_t w = 0; w < c4.nwords; w++) same += c4.keys[2 * w] == c4.keys[2 * w + 1];
    assert_true(same > 0 && same < c4.nwords); /* both kinds of token */
    assert_int_equal(b3.len - b4.len, 4 * same - (c4.nwords + 7) / 8);
    long khai = word_of(&c3, key("khai")), dang = word_of(&c3, key("đăng"));
    assert_true(khai >= 0 && dang >= 0);
    assert_int_equal(c3.keys[2 * khai + 1], key("khai"));
    assert_int_equal(c3.keys[2 * dang + 1], key("dang"));
    ls_cover_free(&c4);
    ls_cover_free(&c3);
    assert_int_equal(ls_cover_decode_tokens(b4.data, b4.len, &c4, NULL), LS_OK);
    assert_int_equal(ls_cover_decode_tokens(b3.data, b3.len, &c3, NULL), LS_OK);
    assert_same_cover(&c4, &c3);
    ls_cover_free(&c4);
    ls_cover_free(&c3);
    for (size_t n = 0; n < b3.len; n++) {
        assert_int_equal(ls_cover_decode(b3.data, n, &c3, NULL), LS_ERR_FORMAT);
        assert_null(c3.keys);
    }
    ls_buf_free(&b4);
    ls_buf_free(&b3);
}

/* ---- the second stage over records ------------------------------------ */

typedef struct texts {
    const char *heading, *body;
} texts;

static ls_rc load(void *ctx, size_t i, ls_candidate *c, ls_cover *rec)
{
    (void)c;
    const texts *t = (const texts *)ctx + i;
    ls_buf b = LS_BUF_INIT;
    encode(t->heading, "Luật Hộ tịch", t->body, &b);
    ls_rc rc = ls_cover_decode(b.data, b.len, rec, NULL);
    ls_buf_free(&b);
    return rc;
}

static void rank(const char *question, unsigned *order)
{
    static const texts passages[] = {
        /* repeats two of the question's words: first for BM25 */
        {"Đăng ký", "Đăng ký đăng ký đăng ký hộ tịch, đăng ký lại."},
        /* holds the whole question, its pairs in the heading too */
        {"Thủ tục đăng ký khai sinh", "Người đi đăng ký khai sinh nộp tờ khai."},
    };
    ls_plan *plan = NULL;
    ls_error err = {0};
    assert_int_equal(ls_plan_build(question, strlen(question), &plan, &err), LS_OK);
    ls_weights w = ls_weights_default();
    ls_candidate cands[2] = {{.docid = 1, .score = 10}, {.docid = 2, .score = 9}};
    ls_rerank_by_coverage(plan, &w, NULL, 2, 0, cands, 2, load, (void *)passages);
    order[0] = cands[0].docid;
    order[1] = cands[1].docid;
    assert_true(cands[0].coverage > cands[1].coverage);
    ls_plan_free(plan);
}

static void test_rerank_by_record(void **state)
{
    (void)state;
    unsigned order[2];
    rank("Thủ tục đăng ký khai sinh", order);
    assert_int_equal(order[0], 2);
    rank("thu tuc dang ky khai sinh", order); /* folded keys without diacritics */
    assert_int_equal(order[0], 2);
    /* with diacritics, other marks are other words: "thú tục" is not "thủ tục" */
    ls_plan *plan = NULL;
    assert_int_equal(ls_plan_build("thú túc", strlen("thú túc"), &plan, NULL), LS_OK);
    static const texts one[] = {{"Thủ tục", "thủ tục"}};
    ls_weights w = ls_weights_default();
    ls_candidate c = {.docid = 1, .score = 10};
    ls_rerank_by_coverage(plan, &w, NULL, 1, 0, &c, 1, load, (void *)one);
    assert_true(c.coverage == 0 && c.score == 10);
    ls_plan_free(plan);
}

/* The snippet from the record's word spans equals the one from analysing
 * the text: same window, same marks, same clause. */
static void test_snippet_from_record(void **state)
{
    (void)state;
    static const char *body =
        "1. Hồ sơ đăng ký khai sinh gồm tờ khai theo mẫu và giấy chứng sinh.\n"
        "2. Trường hợp không có giấy chứng sinh thì nộp văn bản của người làm chứng "
        "xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan "
        "về việc sinh. Thủ tục đăng ký khai sinh cho trẻ em bị bỏ rơi theo Điều 14 "
        "Nghị định số 123/2015/NĐ-CP được thực hiện như sau: đăng ký khai sinh, "
        "đăng ký hộ tịch, đăng ký lại khai sinh, khai sinh, khai sinh, khai sinh.\n"
        "3. Thu tuc (viết không dấu) và thú túc không phải thủ tục.";
    ls_passage p = {.text = (char *)body, .text_len = strlen(body)};
    ls_clause_span clauses[3];
    const char *c2 = strstr(body, "2."), *c3 = strstr(body, "3.");
    clauses[0] = (ls_clause_span){"1", 0, (size_t)(c2 - body)};
    clauses[1] = (ls_clause_span){"2", (size_t)(c2 - body), (size_t)(c3 - body)};
    clauses[2] = (ls_clause_span){"3", (size_t)(c3 - body), strlen(body)};
    p.clauses = clauses;
    p.nclauses = 3;
    ls_buf b = LS_BUF_INIT;
    encode(NULL, NULL, body, &b);
    ls_cover rec;
    assert_int_equal(ls_cover_decode(b.data, b.len, &rec, NULL), LS_OK);
    const char *questions[] = {"thủ tục đăng ký khai sinh là gì", "thu tuc dang ky khai sinh",
                               "giấy chứng sinh", "người làm chứng xác nhận việc sinh",
                               "Nghị định 123/2015/NĐ-CP điều 14"};
    for (size_t q = 0; q < sizeof questions / sizeof questions[0]; q++) {
        ls_plan *plan = NULL;
        assert_int_equal(ls_plan_build(questions[q], strlen(questions[q]), &plan, NULL), LS_OK);
        for (size_t bytes = 60; bytes <= 400; bytes += 170) {
            char *s1 = NULL, *s2 = NULL, *k1 = NULL, *k2 = NULL;
            assert_int_equal(ls_snippet_make(plan, &p, NULL, bytes, &s1, &k1, NULL), LS_OK);
            assert_int_equal(ls_snippet_make(plan, &p, &rec, bytes, &s2, &k2, NULL), LS_OK);
            assert_string_equal(s1, s2);
            assert_non_null(strstr(s1, LS_MARK_OPEN));
            if (k1 || k2) assert_string_equal(k1 ? k1 : "", k2 ? k2 : "");
            free(s1);
            free(s2);
            free(k1);
            free(k2);
        }
        ls_plan_free(plan);
    }
    ls_cover_free(&rec);
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_spans_any_gap),
        cmocka_unit_test(test_termgen_pass_equals_texts),
        cmocka_unit_test(test_refuses_bad_records),
        cmocka_unit_test(test_reads_version_3),
        cmocka_unit_test(test_rerank_by_record),
        cmocka_unit_test(test_snippet_from_record),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
