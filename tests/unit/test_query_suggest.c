/* test_query_suggest.c — query/suggest.c, "did you mean" for a question
 * typed without diacritics, over a small index written here (word terms and
 * the pair terms of schema.h): the accented forms the index holds are
 * found, d/đ included; a pair seen in the corpus outweighs a form that is
 * more frequent alone; alone, the more frequent form wins; forms
 * Vietnamese spelling rules out are not offered (ă, â, tones before p t c
 * ch); the rest of the question stays as typed; no suggestion for a
 * question with diacritics or when no word reads better. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/suggest.h"
#include "../support/test_support.h"

/* documents, each a list of terms ("" ends one); B: the pair prefix of the
 * index format (schema.h), written out so this test reads as the index does */
static const char *const corpus[] = {
    "thủ", "tục", "Bthủ_tục", "",
    "thủ", "tục", "Bthủ_tục", "",
    "thủ", "tục", "Bthủ_tục", "đăng", "ký", "Bđăng_ký", "",
    "thú", "", "thú", "", "thú", "", "thú", "", "thú", "",   /* "thú" alone: more frequent */
    "tuc", "",                                               /* an unaccented word as typed */
    "bắt", "", "lạc", "", "ăn", "", "cân", "", "ắp", "",
    /* misspellings Vietnamese rules out, commoner than the words above */
    "bàt", "", "bàt", "", "bă", "", "bă", "", "câ", "", "câ", "", "ằp", "", "ằp", "",
};

static void fill(xc_wdb *w, void *ctx)
{
    (void)ctx;
    xc_err xe;
    xc_doc *d = NULL;
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        if (!d) assert_int_equal(xc_doc_new(&d, &xe), XC_OK);
        if (*corpus[i]) {
            assert_int_equal(xc_doc_add_term(d, corpus[i], 1, &xe), XC_OK);
            continue;
        }
        unsigned id;
        assert_int_equal(xc_wdb_add_document(w, d, &id, &xe), XC_OK);
        xc_doc_free(d);
        d = NULL;
    }
    if (d) {
        unsigned id;
        assert_int_equal(xc_wdb_add_document(w, d, &id, &xe), XC_OK);
        xc_doc_free(d);
    }
}

static int setup(void **state)
{
    *state = ts_index_new(fill, NULL);
    return 0;
}

/* the suggestion for q, or NULL (the caller frees) */
static char *suggest(void **state, const char *q)
{
    ls_plan *p = NULL;
    ls_error err = {0};
    assert_int_equal(ls_plan_build(q, strlen(q), &p, &err), LS_OK);
    char *out = NULL;
    assert_int_equal(ls_suggest_accents(((ts_index *)*state)->db, p, q, strlen(q), &out, &err),
                     LS_OK);
    ls_plan_free(p);
    return out;
}

static void expect(void **state, const char *q, const char *want)
{
    char *s = suggest(state, q);
    if (!want) {
        if (s) fail_msg("'%s': no suggestion expected, got '%s'", q, s);
    } else {
        if (!s) fail_msg("'%s': expected '%s', got none", q, want);
        assert_string_equal(s, want);
    }
    free(s);
}

static void test_pairs_outweigh_frequency(void **state)
{
    expect(state, "thu tuc", "thủ tục");     /* the pair, though "thú" is commoner */
    expect(state, "thu", "thú");             /* alone: the commoner form */
    expect(state, "dang ky", "đăng ký");     /* d read as đ */
}

/* huyền, hỏi and ngã never end in p t c ch, ă stands before a final
 * consonant only, â never ends a syllable: such forms are not looked up */
static void test_spelling_rules(void **state)
{
    expect(state, "bat", "bắt");
    expect(state, "lac", "lạc");
    expect(state, "ap", "ắp");
    expect(state, "an", "ăn");
    expect(state, "can", "cân");
    expect(state, "ba", NULL);
    expect(state, "ca", NULL);
}

static void test_rest_as_typed(void **state)
{
    expect(state, "  thu   tuc!", "  thủ   tục!");
    expect(state, "THU TUC", "thủ tục");
}

static void test_no_suggestion(void **state)
{
    expect(state, "thủ tuc", NULL);          /* the question has diacritics */
    expect(state, "xyz qwv", NULL);          /* nothing in the index */
    expect(state, "", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairs_outweigh_frequency),
        cmocka_unit_test(test_spelling_rules),
        cmocka_unit_test(test_rest_as_typed),
        cmocka_unit_test(test_no_suggestion),
    };
    return cmocka_run_group_tests(tests, setup, ts_index_teardown);
}
