/* test_indexer_termgen.c — indexer/termgen.c, a field's text to postings
 * (schema.h's layout, its prefixes written out: "", A, B, AB, S.., D..,
 * X..), read back from the document: each word with its
 * folded twin only when it has marks, adjacent pairs (folded pairs when
 * either word has marks), numbers breaking pairs, repeats raising wdf,
 * heading pairs under SB/SAB only with the heading's wdf, definitions under
 * D/DA/DAB only, the wdf of the kinds a field leaves out (S, SA, DB)
 * under XLEN, so the passage's length is unchanged; positions advancing by the field and
 * the gap, boolean values normalised (folded on request) and a value too
 * long for its buffer refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../indexer/termgen.h"
#include "../../format/values.h"
#include "../support/test_support.h"

typedef struct terms {
    char text[4096]; /* " term:wdf" each, in Xapian's (sorted) order */
} terms;

static int collect(void *ctx, const char *term, unsigned wdf)
{
    terms *t = ctx;
    size_t n = strlen(t->text);
    snprintf(t->text + n, sizeof t->text - n, " %s:%u", term, wdf);
    return 0;
}

/* the terms of doc with prefix (all when ""), as " term:wdf ..." */
static void read_terms(xc_doc *doc, const char *prefix, terms *t)
{
    xc_err xe;
    t->text[0] = '\0';
    assert_int_equal(xc_doc_terms(doc, prefix, collect, t, &xe), XC_OK);
}

static xc_doc *new_doc(void)
{
    xc_doc *doc = NULL;
    xc_err xe;
    assert_int_equal(xc_doc_new(&doc, &xe), XC_OK);
    return doc;
}

static xc_doc *index_text(const char *text, unsigned heading, unsigned *next_pos)
{
    xc_doc *doc = new_doc();
    ls_termgen tg = {.doc = doc, .next_pos = 1};
    ls_error err = {0};
    assert_int_equal(ls_termgen_index_text(&tg, text, strlen(text), heading, &err), LS_OK);
    assert_int_equal(ls_termgen_add_length(&tg, &err), LS_OK);
    assert_int_equal(tg.unstored_wdf, 0);
    if (next_pos) *next_pos = tg.next_pos;
    return doc;
}

/* the sum of the wdf of doc's terms: the length Xapian gives it */
static unsigned doc_length(xc_doc *doc)
{
    terms t;
    read_terms(doc, "", &t);
    unsigned sum = 0;
    for (const char *c = strchr(t.text, ':'); c; c = strchr(c + 1, ':')) sum += (unsigned)atoi(c + 1);
    return sum;
}

static void test_body(void **state)
{
    (void)state;
    unsigned next = 0;
    xc_doc *doc = index_text("Đăng ký khai sinh", 0, &next);
    terms t;
    read_terms(doc, "", &t);
    /* words; folded twins of marked words only; pairs; the folded form of
     * every pair, "khai sinh" (no marks) too: one list per folded pair */
    assert_string_equal(t.text, " ABdang_ky:1 ABkhai_sinh:1 ABky_khai:1 Adang:1 Aky:1 Bkhai_sinh:1"
                                " Bký_khai:1 Bđăng_ký:1 khai:1 ký:1 sinh:1 đăng:1");
    /* the next field starts after the four words and a gap, the same gap
     * after every field */
    unsigned gap = next - 1 - 4;
    assert_true(gap > 0);
    xc_doc_free(doc);
    unsigned next2 = 0;
    doc = index_text("Hộ tịch", 0, &next2);
    assert_int_equal(next2, 1 + 2 + gap);
    xc_doc_free(doc);

    /* a number is a term but breaks the pairs (no sinh_15, 15_sinh); a
     * repeat raises wdf */
    doc = index_text("sinh 15 sinh con", 0, NULL);
    read_terms(doc, "B", &t);
    assert_string_equal(t.text, " Bsinh_con:1");
    read_terms(doc, "", &t);
    assert_string_equal(t.text, " 15:1 ABsinh_con:1 Bsinh_con:1 con:1 sinh:2");
    xc_doc_free(doc);
}

static void test_heading(void **state)
{
    (void)state;
    xc_doc *doc = index_text("Khai sinh", 3, NULL);
    terms t;
    read_terms(doc, "S", &t);
    assert_string_equal(t.text, " SABkhai_sinh:3 SBkhai_sinh:3");
    /* Skhai, Ssinh at 3 each are not stored: XLEN holds 6 */
    read_terms(doc, "XLEN", &t);
    assert_string_equal(t.text, " XLEN:6");
    read_terms(doc, "", &t);
    assert_non_null(strstr(t.text, " khai:1"));   /* the body postings as well */
    /* body: khai, sinh, Bkhai_sinh, ABkhai_sinh; heading: 4 kinds x 3 */
    assert_int_equal(doc_length(doc), 4 + 4 * 3);
    xc_doc_free(doc);
    doc = index_text("Hộ tịch", 1, NULL);
    read_terms(doc, "S", &t);
    assert_string_equal(t.text, " SABho_tich:1 SBhộ_tịch:1");
    read_terms(doc, "XLEN", &t);
    assert_string_equal(t.text, " XLEN:4"); /* Shộ Stịch SAho SAtich */
    xc_doc_free(doc);
    /* a body field leaves nothing out: no XLEN */
    doc = index_text("Hộ tịch", 0, NULL);
    read_terms(doc, "XLEN", &t);
    assert_string_equal(t.text, "");
    xc_doc_free(doc);
}

static void test_definition(void **state)
{
    (void)state;
    xc_doc *doc = new_doc();
    ls_termgen tg = {.doc = doc, .next_pos = 7};
    const char *term = "dịch vụ karaoke";
    assert_int_equal(ls_termgen_index_definition(&tg, term, strlen(term), NULL), LS_OK);
    assert_int_equal(tg.next_pos, 7);              /* no body positions used */
    assert_int_equal(ls_termgen_add_length(&tg, NULL), LS_OK);
    terms t;
    read_terms(doc, "", &t);
    /* DBdịch_vụ, DBvụ_karaoke not stored: XLEN 2 */
    assert_string_equal(t.text, " DABdich_vu:1 DABvu_karaoke:1 DAdich:1 DAvu:1"
                                " Ddịch:1 Dkaraoke:1 Dvụ:1 XLEN:2");
    xc_doc_free(doc);
}

static void test_boolean_values(void **state)
{
    (void)state;
    xc_doc *doc = new_doc();
    assert_int_equal(ls_termgen_add_boolean(doc, "XTYPE", "Nghị Định", 1, NULL), LS_OK);
    assert_int_equal(ls_termgen_add_boolean(doc, "XORG", "Chính phủ", 0, NULL), LS_OK);
    terms t;
    read_terms(doc, "X", &t);
    assert_string_equal(t.text, " XORGchính phủ:0 XTYPEnghi dinh:0");
    xc_doc_free(doc);
    char out[8];
    ls_error err = {0};
    assert_int_equal(ls_format_normalise_value("Đăng", 1, out, sizeof out, &err), LS_OK);
    assert_string_equal(out, "dang");
    assert_int_equal(ls_format_normalise_value("Thành phố Hà Nội", 0, out, sizeof out, &err),
                     LS_ERR_LIMIT);
    assert_non_null(strstr(err.msg, "too long"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_body),
        cmocka_unit_test(test_heading),
        cmocka_unit_test(test_definition),
        cmocka_unit_test(test_boolean_values),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
