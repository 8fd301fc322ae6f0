/* test_text_analyser.c — the shared analyser, table-driven with real Vietnamese
 * legal sentences: syllables and offsets, NFC/NFD, case (full folding),
 * tone placement both ways, accent folding with đ, token kinds, legal
 * identifiers kept whole (clean, dirty, unaccented, decomposed forms),
 * document-number normalisation, invalid UTF-8, empty and long input, early
 * stop, concurrent use from several threads, and the ALQAC laws (needs
 * LS_SHARED): decomposed text gives the very same terms as composed text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "../../common/ls_buf.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

typedef struct collected {
    char terms[4096];      /* "term|folded term|folded ..." */
    size_t n;
    ls_token first[64];    /* copies (pointers invalid after the callback) */
    char kinds[64];
    int stop_after;
} collected;

static int collect(void *ctx, const ls_token *t)
{
    collected *c = ctx;
    size_t len = strlen(c->terms);
    snprintf(c->terms + len, sizeof c->terms - len, "%s%.*s%s%.*s", c->n ? " " : "",
             (int)t->term_len, t->term, t->folded ? "|" : "", (int)t->folded_len,
             t->folded ? t->folded : "");
    if (c->n < 64) {
        c->first[c->n] = *t;
        c->kinds[c->n] = (char)('0' + t->kind);
    }
    c->n++;
    return c->stop_after && c->n >= (size_t)c->stop_after;
}

static void tokenize_ok(const char *text, collected *c)
{
    memset(c, 0, sizeof *c);
    ls_error err = {0};
    ls_rc rc = ls_tokenize(text, strlen(text), LS_TOKENIZE_DOCUMENT, collect, c, &err);
    if (rc) fail_msg("tokenize '%s': %s", text, err.msg);
}

static void test_syllables_terms_and_twins(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"Thủ tục hành chính", "thủ|thu tục|tuc hành|hanh chính|chinh"},
        {"ĐĂNG KÝ KHAI SINH", "đăng|dang ký|ky khai sinh"},
        {"Người lao động được nghỉ phép năm", "người|nguoi lao động|dong được|duoc nghỉ|nghi phép|phep năm|nam"},
        /* decomposed input (NFD, as macOS writes it) meets composed text */
        {"Vie\xcc\xa3\xcc\x82t Nam", "việt|viet nam"},
        {"thu\xcc\x89 tu\xcc\xa3" "c", "thủ|thu tục|tuc"},
        /* old and new tone placement are one term, both directions */
        {"hoà giải", "hòa|hoa giải|giai"},
        {"hòa giải", "hòa|hoa giải|giai"},
        {"thuỷ sản", "thủy|thuy sản|san"},
        {"khoẻ mạnh", "khỏe|khoe mạnh|manh"},
        {"Uỷ ban nhân dân", "ủy|uy ban nhân|nhan dân|dan"},
        {"UỶ BAN", "ủy|uy ban"},
        {"tuỳ theo", "tùy|tuy theo"},
        /* closed syllables and "qu" keep their marks where they are */
        {"hoàn thành", "hoàn|hoan thành|thanh"},
        {"quý vị", "quý|quy vị|vi"},
        {"thuyết phục", "thuyết|thuyet phục|phuc"},
        {"số tiền 1.000.000 đồng", "số|so tiền|tien 1.000.000 đồng|dong"},
        /* upper case meets both placements */
        {"HOÀ GIẢI THÀNH", "hòa|hoa giải|giai thành|thanh"},
        {"THUỶ SẢN, KHOẺ MẠNH", "thủy|thuy sản|san khỏe|khoe mạnh|manh"},
        {"Hoạ sĩ", "họa|hoa sĩ|si"},
        {"QUÝ IV", "quý|quy iv"},
        {"khuỷu tay", "khuỷu|khuyu tay"},
        /* đ has no decomposition: folded by hand, upper case too */
        {"ĐỒNG ĐỘI đ", "đồng|dong đội|doi đ|d"},
        /* decomposed tone after a decomposed vowel mark, old placement */
        {"ho\xcc\x80" "a gia\xcc\x89i", "hòa|hoa giải|giai"},
        /* ICU full case folding */
        {"Straße", "strasse"},
        {"ＣＯＶＩＤ", "ｃｏｖｉｄ"},
        /* words with digits */
        {"covid-19 lây lan", "covid 19 lây|lay lan"},
        {"diện tích 30 m2", "diện|dien tích|tich 30 m2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collected c;
        tokenize_ok(cases[i].in, &c);
        if (strcmp(c.terms, cases[i].want) != 0)
            fail_msg("'%s': got '%s', want '%s'", cases[i].in, c.terms, cases[i].want);
    }
}

static void test_offsets_point_into_original(void **state)
{
    (void)state;
    const char *text = "Điều 5. Hồ sơ  đăng ký\ttạm trú"; /* identifier, double space, tab */
    collected c;
    tokenize_ok(text, &c);
    const char *want[] = {"Điều 5", "Hồ", "sơ", "đăng", "ký", "tạm", "trú"};
    assert_int_equal(c.n, 7);
    for (size_t i = 0; i < 7; i++) {
        size_t len = c.first[i].end - c.first[i].start;
        if (len != strlen(want[i]) || memcmp(text + c.first[i].start, want[i], len) != 0)
            fail_msg("token %zu spans '%.*s', want '%s'", i, (int)len, text + c.first[i].start, want[i]);
        assert_int_equal(c.first[i].position, i);
    }
    assert_int_equal(c.first[0].kind, LS_TOKEN_ARTICLE);
    assert_int_equal(c.first[0].has_marks, 1);
    assert_int_equal(c.first[1].has_marks, 1);
}

static void test_legal_identifiers(void **state)
{
    (void)state;
    static const struct { const char *in; ls_token_kind kind; const char *term; } cases[] = {
        {"theo Nghị định số 13/2023/NĐ-CP của Chính phủ", LS_TOKEN_DOCNUM, "13/2023/nđ-cp"},
        {"Quyết định 598/QĐ-TTg", LS_TOKEN_DOCNUM, "598/qđ-ttg"},
        {"Nghị quyết số 57-NQ/TW", LS_TOKEN_DOCNUM, "57-nq/tw"},
        {"Nghị quyết số 57- NQ/TW", LS_TOKEN_DOCNUM, "57-nq/tw"},
        {"Bộ luật Lao động số 45/2019/QH14", LS_TOKEN_DOCNUM, "45/2019/qh14"},
        {"Văn bản hợp nhất 01/VBHN-VPQH", LS_TOKEN_DOCNUM, "01/vbhn-vpqh"},
        {"Thông báo số 171/TB-VPCP", LS_TOKEN_DOCNUM, "171/tb-vpcp"},
        {"Thông tư liên tịch 02/2018/TTLT-VKSTC-TATC-BCA", LS_TOKEN_DOCNUM, "02/2018/ttlt-vkstc-tatc-bca"},
        {"Nghị quyết 1211/2016/UBTVQH13", LS_TOKEN_DOCNUM, "1211/2016/ubtvqh13"},
        {"nd 13/2023/ND-CP", LS_TOKEN_DOCNUM, "13/2023/nđ-cp"},
        {"Nghị_định_47-2021-NĐ-CP", LS_TOKEN_DOCNUM, "47/2021/nđ-cp"},
        {"file 13_2023_NĐ_CP.pdf", LS_TOKEN_DOCNUM, "13/2023/nđ-cp"},
        {"Nghị quyết 09/2026NQ-HĐND", LS_TOKEN_DOCNUM, "09/2026/nq-hđnd"},
        {"ngày 17/4/2023", LS_TOKEN_DATE, "20230417"},
        {"Hà Nội, ngày 15 tháng 11 năm 2015", LS_TOKEN_DATE, "20151115"},
        {"ngay 1 thang 7 nam 2021", LS_TOKEN_DATE, "20210701"},
        {"quy định tại Điều 5a", LS_TOKEN_ARTICLE, "điều 5a"},
        {"ĐIỀU 12. Hiệu lực", LS_TOKEN_ARTICLE, "điều 12"},
        {"dieu 9 luat cu tru", LS_TOKEN_ARTICLE, "điều 9"},
        {"theo khoản 2", LS_TOKEN_CLAUSE, "khoản 2"},
        {"điểm đ khoản 1", LS_TOKEN_POINT, "điểm đ"},
        {"ĐIỂM Đ KHOẢN 3", LS_TOKEN_POINT, "điểm đ"},
        {"KHOẢN 3 ĐIỀU 7", LS_TOKEN_CLAUSE, "khoản 3"},
        {"khoan 4 dieu 8", LS_TOKEN_CLAUSE, "khoản 4"},
        {"diem b khoan 4", LS_TOKEN_POINT, "điểm b"},
        /* partly decomposed, as found in the ALQAC laws: ê + U+0300 */
        {"\xc4\x90i\xc3\xaa\xcc\x80u 64. Quản lý", LS_TOKEN_ARTICLE, "điều 64"},
        /* fully decomposed */
        {"kho\x61\xcc\x89n 2 \xc4\x91ie\xcc\x82\xcc\x89m c", LS_TOKEN_POINT, "điểm c"},
        {"Quyết định số 1234/QĐ-BYT ngày 5/3/2020", LS_TOKEN_DOCNUM, "1234/qđ-byt"},
        {"Quyết định số 1234/QĐ-BYT ngày 5/3/2020", LS_TOKEN_DATE, "20200305"},
        {"(Thông tư 01/2021/TT-BGDĐT)", LS_TOKEN_DOCNUM, "01/2021/tt-bgdđt"},
        {"Thông tư 01/2021/TT-BGDDT", LS_TOKEN_DOCNUM, "01/2021/tt-bgdđt"},
        {"Quyết định 15/2019/QĐ-UBND", LS_TOKEN_DOCNUM, "15/2019/qđ-ubnd"},
        {"Hiến pháp năm 2013, Luật số 80/2015/QH13.", LS_TOKEN_DOCNUM, "80/2015/qh13"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collected c;
        tokenize_ok(cases[i].in, &c);
        int found = 0;
        for (size_t k = 0; k < c.n && k < 64; k++)
            if (c.first[k].kind == cases[i].kind) found = 1;
        if (!found || !strstr(c.terms, cases[i].term))
            fail_msg("'%s': want kind %d term '%s'; got '%s' (kinds %s)", cases[i].in,
                     cases[i].kind, cases[i].term, c.terms, c.kinds);
    }
}

static void test_not_identifiers(void **state)
{
    (void)state;
    /* a score or a fraction is not a document number; "điểm", "Điều" and
     * "khoản" before a word are words; an impossible date is not a date */
    static const char *cases[] = {"tỷ lệ 1/2 số phiếu", "điểm thi của học sinh", "ngày 45/13/2023",
                                  "thắng với tỷ số 3/1", "trang 12/345", "Điều lệ công ty",
                                  "khoản tiền 2 triệu", "phiên bản 1.2/2023"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collected c;
        tokenize_ok(cases[i], &c);
        for (size_t k = 0; k < c.n && k < 64; k++)
            if (c.first[k].kind != LS_TOKEN_WORD && c.first[k].kind != LS_TOKEN_NUMBER)
                fail_msg("'%s': token %zu is an identifier (%s)", cases[i], k, c.terms);
    }
}

static void test_docnum_normalize(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"13/2023/NĐ-CP", "13/2023/nđ-cp"}, {"13/2023/nd-cp", "13/2023/nđ-cp"},
        {"13_2023_NĐ_CP", "13/2023/nđ-cp"}, {"Nghị_định_47-2021-NĐ-CP", "47/2021/nđ-cp"},
        {"57- NQ/TW", "57-nq/tw"}, {"01/2019/TT-BKHĐT", "01/2019/tt-bkhđt"},
        {"01/2019/TT-BKHDT", "01/2019/tt-bkhđt"}, {"598/QD-TTg", "598/qđ-ttg"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        ls_error err = {0};
        assert_int_equal(ls_docnum_normalize(cases[i].in, strlen(cases[i].in), &out, &err), LS_OK);
        if (strcmp(out, cases[i].want)) fail_msg("'%s' -> '%s', want '%s'", cases[i].in, out, cases[i].want);
        free(out);
    }
    char *out = NULL;
    ls_error err = {0};
    assert_int_equal(ls_docnum_normalize("Luật Cư trú", strlen("Luật Cư trú"), &out, &err), LS_ERR_FORMAT);
    assert_null(out);
}

static void test_normalize_term(void **state)
{
    (void)state;
    char *t = NULL, *f = NULL;
    assert_int_equal(ls_normalize_term("Luật Hôn nhân và Gia đình", strlen("Luật Hôn nhân và Gia đình"), &t, &f, NULL), LS_OK);
    assert_string_equal(t, "luật hôn nhân và gia đình");
    assert_string_equal(f, "luat hon nhan va gia dinh");
    free(t);
    free(f);
    assert_int_equal(ls_normalize_term("HOÀ GIẢI", 11, &t, NULL, NULL), LS_OK);
    assert_string_equal(t, "hòa giải");
    free(t);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    static const struct { const char *in; size_t bad; } cases[] = {
        {"thủ tục \xc3", 12},            /* truncated sequence at the end */
        {"ab\xc0\xaf", 2},                 /* overlong '/' */
        {"x\xed\xa0\x80y", 1},             /* UTF-16 surrogate */
        {"\xf4\x90\x80\x80", 0},           /* past U+10FFFF */
        {"khai \xff sinh", 5},
        {"c\xe1\xba \xa1p", 1},          /* truncated in the middle */
        {"\xe0\x80\xaf", 0},              /* overlong in three bytes */
        {"Lu\xed\xbf\xbf", 2},            /* low surrogate */
        {"\xf0\x9f\x98", 0},              /* truncated four-byte */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collected c = {0};
        ls_error err = {0};
        assert_int_equal(ls_tokenize(cases[i].in, strlen(cases[i].in), 0, collect, &c, &err), LS_ERR_UTF8);
        assert_int_equal(c.n, 0);
        char want[32];
        snprintf(want, sizeof want, "byte %zu", cases[i].bad);
        if (!strstr(err.msg, want)) fail_msg("case %zu: message '%s' lacks '%s'", i, err.msg, want);
    }
}

static void test_empty_long_and_stop(void **state)
{
    (void)state;
    collected c = {0};
    ls_error err = {0};
    assert_int_equal(ls_tokenize("", 0, 0, collect, &c, &err), LS_OK);
    assert_int_equal(c.n, 0);
    assert_int_equal(ls_tokenize("  ,.; \n", 7, 0, collect, &c, &err), LS_OK);
    assert_int_equal(c.n, 0);

    /* 2 MB of real sentences: every syllable counted, positions increase */
    const char *sentence = "Người lao động được nghỉ hằng năm theo quy định tại khoản 1 Điều 113. ";
    ls_buf big = LS_BUF_INIT;
    while (big.len < 2u << 20) ls_buf_puts(&big, sentence);
    size_t copies = big.len / strlen(sentence);
    memset(&c, 0, sizeof c);
    c.terms[0] = '\0';
    assert_int_equal(ls_tokenize(big.data, big.len, 0, collect, &c, &err), LS_OK);
    assert_int_equal(c.n, copies * 13); /* 11 words + "khoản 1" + "Điều 113" */
    ls_buf_free(&big);

    /* one 100 KB "word" */
    char *word = malloc(100001);
    memset(word, 'a', 100000);
    word[100000] = '\0';
    memset(&c, 0, sizeof c);
    assert_int_equal(ls_tokenize(word, 100000, 0, collect, &c, &err), LS_OK);
    assert_int_equal(c.n, 1);
    free(word);

    /* the callback stops after two tokens */
    memset(&c, 0, sizeof c);
    c.stop_after = 2;
    assert_int_equal(ls_tokenize("một hai ba bốn", strlen("một hai ba bốn"), 0, collect, &c, &err), LS_OK);
    assert_int_equal(c.n, 2);
}

/* NFD of a UTF-8 string through ICU; malloc'ed, NUL-terminated. */
static char *to_nfd(const char *s, size_t len, size_t *out_len)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, s, (int32_t)len, &st);
    st = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)n16 + 1) * sizeof *u), *d = malloc(((size_t)n16 * 4 + 1) * sizeof *d);
    u_strFromUTF8(u, n16 + 1, NULL, s, (int32_t)len, &st);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    int32_t nd = unorm2_normalize(nfd, u, n16, d, n16 * 4 + 1, &st);
    int32_t n8 = 0;
    char *out = malloc((size_t)nd * 3 + 1);
    u_strToUTF8(out, nd * 3 + 1, &n8, d, nd, &st);
    if (U_FAILURE(st)) fail_msg("NFD conversion: %s", u_errorName(st));
    free(u);
    free(d);
    *out_len = (size_t)n8;
    return out;
}

/* Every token as "kind term folded\n"; spans checked against the text. */
typedef struct listing {
    ls_buf out;
    const char *text;
    size_t len, last_end;
    unsigned next_pos;
} listing;

static int list_token(void *ctx, const ls_token *t)
{
    listing *l = ctx;
    if (t->start >= t->end || t->end > l->len || t->start < l->last_end)
        fail_msg("span [%zu,%zu) after %zu in %zu bytes", t->start, t->end, l->last_end, l->len);
    if (t->position != l->next_pos) fail_msg("position %u, want %u", t->position, l->next_pos);
    if (t->folded && t->folded_len == t->term_len && !memcmp(t->folded, t->term, t->term_len))
        fail_msg("twin '%s' equals its term", t->folded);
    l->last_end = t->end;
    l->next_pos++;
    ls_buf_printf(&l->out, "%d %s %s\n", t->kind, t->term, t->folded ? t->folded : "-");
    return 0;
}

static void list_tokens(const char *text, size_t len, listing *l)
{
    memset(l, 0, sizeof *l);
    l->text = text;
    l->len = len;
    ls_error err = {0};
    if (ls_tokenize(text, len, LS_TOKENIZE_DOCUMENT, list_token, l, &err)) fail_msg("%s", err.msg);
}

static void test_kinds_positions_marks(void **state)
{
    (void)state;
    const char *text = "Theo điểm a khoản 2 Điều 5 Nghị định 13/2023/NĐ-CP ngày 17/4/2023, phạt 1.000.000 đồng.";
    static const struct { ls_token_kind kind; const char *span, *term; int marks; } want[] = {
        {LS_TOKEN_WORD, "Theo", "theo", 0},
        {LS_TOKEN_POINT, "điểm a", "điểm a", 1},
        {LS_TOKEN_CLAUSE, "khoản 2", "khoản 2", 1},
        {LS_TOKEN_ARTICLE, "Điều 5", "điều 5", 1},
        {LS_TOKEN_WORD, "Nghị", "nghị", 1},
        {LS_TOKEN_WORD, "định", "định", 1},
        {LS_TOKEN_DOCNUM, "13/2023/NĐ-CP", "13/2023/nđ-cp", 1},
        {LS_TOKEN_WORD, "ngày", "ngày", 1},
        {LS_TOKEN_DATE, "17/4/2023", "20230417", 0},
        {LS_TOKEN_WORD, "phạt", "phạt", 1},
        {LS_TOKEN_NUMBER, "1.000.000", "1.000.000", 0},
        {LS_TOKEN_WORD, "đồng", "đồng", 1},
    };
    collected c;
    tokenize_ok(text, &c);
    assert_int_equal(c.n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < c.n; i++) {
        const ls_token *t = &c.first[i];
        size_t len = t->end - t->start;
        if (t->kind != want[i].kind || len != strlen(want[i].span) ||
            memcmp(text + t->start, want[i].span, len) != 0 || t->has_marks != want[i].marks ||
            t->position != i)
            fail_msg("token %zu: kind %d span '%.*s' marks %d position %u; want kind %d '%s' marks %d",
                     i, t->kind, (int)len, text + t->start, t->has_marks, t->position, want[i].kind,
                     want[i].span, want[i].marks);
    }
    const char *terms = "theo điểm a|diem a khoản 2|khoan 2 điều 5|dieu 5 nghị|nghi định|dinh "
                        "13/2023/nđ-cp|13/2023/nd-cp ngày|ngay 20230417 phạt|phat 1.000.000 đồng|dong";
    assert_string_equal(c.terms, terms);
}

static void test_decomposed_offsets(void **state)
{
    (void)state;
    const char *nfc = "Uỷ ban nhân dân tỉnh quyết định theo Điều 12.";
    size_t len;
    char *nfd = to_nfd(nfc, strlen(nfc), &len);
    assert_true(len > strlen(nfc));
    listing a, b;
    list_tokens(nfc, strlen(nfc), &a);
    list_tokens(nfd, len, &b);
    assert_string_equal(a.out.data, b.out.data);
    assert_memory_equal(b.out.data, "0 ủy uy\n0 ban -\n", strlen("0 ủy uy\n0 ban -\n"));
    /* the spans cover the decomposed bytes: "Uỷ" is U, y, U+0309 */
    collected c = {0};
    ls_error err = {0};
    assert_int_equal(ls_tokenize(nfd, len, 0, collect, &c, &err), LS_OK);
    assert_int_equal(c.first[0].start, 0);
    assert_int_equal(c.first[0].end, 4);
    const ls_token *last = &c.first[c.n - 1];
    assert_int_equal(last->kind, LS_TOKEN_ARTICLE);
    assert_int_equal(last->end, len - 1); /* before the final "." */
    assert_memory_equal(nfd + last->end - 2, "12", 2);
    free(nfd);
    ls_buf_free(&a.out);
    ls_buf_free(&b.out);
}

static void test_stop_inside_identifiers(void **state)
{
    (void)state;
    const char *text = "khoản 2 Điều 5 Luật 45/2019/QH14";
    for (int stop = 1; stop <= 4; stop++) {
        collected c = {0};
        c.stop_after = stop;
        ls_error err = {0};
        assert_int_equal(ls_tokenize(text, strlen(text), LS_TOKENIZE_QUERY, collect, &c, &err), LS_OK);
        assert_int_equal(c.n, (size_t)stop);
    }
}

/* Real laws: decomposed text must give the same terms as the composed text,
 * and every WORD's span normalises to its term. */
static void test_alqac_nfd_equals_nfc(void **state)
{
    (void)state;
    const char *rel = "corpus/alqac/alqac2023-laws.json";
    ts_require_shared(rel);
    char *json = NULL;
    size_t jlen = 0;
    ls_error err = {0};
    if (ls_read_file(ts_shared_path(rel), &json, &jlen, &err)) fail_msg("%s", err.msg);
    /* the first ~300 KB of article texts, JSON escapes and all: good enough
     * as Vietnamese legal prose for the analyser */
    size_t len = jlen < 300000 ? jlen : 300000;
    while (len > 0 && ((unsigned char)json[len] & 0xC0) == 0x80) len--;
    size_t nlen;
    char *nfd = to_nfd(json, len, &nlen);
    listing a, b;
    list_tokens(json, len, &a);
    list_tokens(nfd, nlen, &b);
    assert_true(a.next_pos > 40000);
    if (strcmp(a.out.data, b.out.data) != 0) {
        size_t i = 0;
        while (a.out.data[i] == b.out.data[i]) i++;
        fail_msg("NFD differs near: '%.60s' vs '%.60s'", a.out.data + (i > 30 ? i - 30 : 0),
                 b.out.data + (i > 30 ? i - 30 : 0));
    }
    free(nfd);
    free(json);
    ls_buf_free(&a.out);
    ls_buf_free(&b.out);
}

static void *worker(void *arg)
{
    const char *text = arg;
    collected *c = malloc(sizeof *c);
    for (int i = 0; i < 200; i++) tokenize_ok(text, c);
    return c;
}

static void test_threads_agree(void **state)
{
    (void)state;
    const char *text = "Chủ tịch Uỷ ban nhân dân cấp xã cấp Giấy khai sinh theo Nghị định 123/2015/NĐ-CP.";
    collected want;
    tokenize_ok(text, &want);
    pthread_t th[4];
    for (int i = 0; i < 4; i++) pthread_create(&th[i], NULL, worker, (void *)text);
    for (int i = 0; i < 4; i++) {
        collected *got;
        pthread_join(th[i], (void **)&got);
        assert_string_equal(got->terms, want.terms);
        free(got);
    }
}

/* Names as keys: punctuation, case, diacritics and numbers drop out. */
/* one precomposed letter per vowel, mark and tone; none for what Vietnamese
 * lacks; each the NFC form ICU gives for the letter plus combining marks */
static void test_vowel_utf8(void **state)
{
    (void)state;
    static const struct { char v; int mark, tone; const char *want; } cases[] = {
        {'a', LS_VOWEL_PLAIN, 0, "a"}, {'a', LS_VOWEL_BREVE, 5, "ặ"},
        {'a', LS_VOWEL_CIRCUMFLEX, 2, "ấ"}, {'e', LS_VOWEL_CIRCUMFLEX, 3, "ể"},
        {'o', LS_VOWEL_HORN, 1, "ờ"}, {'o', LS_VOWEL_CIRCUMFLEX, 4, "ỗ"},
        {'u', LS_VOWEL_HORN, 0, "ư"}, {'i', LS_VOWEL_PLAIN, 2, "í"}, {'y', LS_VOWEL_PLAIN, 4, "ỹ"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[8] = {0};
        size_t n = ls_vowel_utf8(cases[i].v, cases[i].mark, cases[i].tone, out);
        assert_int_equal(n, strlen(cases[i].want));
        assert_memory_equal(out, cases[i].want, n);
        char *norm = NULL;   /* what the normaliser makes of it: itself */
        assert_int_equal(ls_normalize_term(out, n, &norm, NULL, NULL), LS_OK);
        assert_string_equal(norm, cases[i].want);
        free(norm);
    }
    char out[8];
    assert_int_equal(ls_vowel_utf8('e', LS_VOWEL_BREVE, 0, out), 0);
    assert_int_equal(ls_vowel_utf8('i', LS_VOWEL_HORN, 0, out), 0);
    assert_int_equal(ls_vowel_utf8('b', LS_VOWEL_PLAIN, 0, out), 0);
    assert_int_equal(ls_vowel_utf8('a', LS_VOWEL_PLAIN, 6, out), 0);
    assert_int_equal(ls_vowel_utf8('a', 7, 0, out), 0);
}

static void test_folded_words(void **state)
{
    (void)state;
    char out[64];
    ls_error err = {0};
    const char *law = "Luật Phòng, chống ma túy";
    assert_int_equal(ls_folded_words(law, strlen(law), out, sizeof out, &err), LS_OK);
    assert_string_equal(out, "luat phong chong ma tuy");
    const char *s = "BỘ LUẬT  Dân sự năm 2015";
    assert_int_equal(ls_folded_words(s, strlen(s), out, sizeof out, &err), LS_OK);
    assert_string_equal(out, "bo luat dan su nam");
    assert_int_equal(ls_folded_words("", 0, out, sizeof out, &err), LS_OK);
    assert_string_equal(out, "");
    char small[8];
    const char *land = "Luật Đất đai";
    assert_int_equal(ls_folded_words(land, strlen(land), small, sizeof small, &err), LS_ERR_LIMIT);
    assert_int_equal(ls_folded_words("\xff", 1, out, sizeof out, &err), LS_ERR_UTF8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_syllables_terms_and_twins),
        cmocka_unit_test(test_offsets_point_into_original),
        cmocka_unit_test(test_kinds_positions_marks),
        cmocka_unit_test(test_decomposed_offsets),
        cmocka_unit_test(test_legal_identifiers),
        cmocka_unit_test(test_not_identifiers),
        cmocka_unit_test(test_docnum_normalize),
        cmocka_unit_test(test_normalize_term),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_empty_long_and_stop),
        cmocka_unit_test(test_stop_inside_identifiers),
        cmocka_unit_test(test_alqac_nfd_equals_nfc),
        cmocka_unit_test(test_threads_agree),
        cmocka_unit_test(test_folded_words),
        cmocka_unit_test(test_vowel_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
