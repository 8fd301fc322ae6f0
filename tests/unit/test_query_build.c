/* test_query_build.c — query/build.c, a plan to the ranking query, read
 * through Xapian's description of it: weights parsed by name (unknown names
 * and bad numbers refused, naming the item); a question with diacritics
 * asks for its exact words and pairs, one without for each with its folded
 * twin as one synonym; heading and definition parts follow their weights,
 * definition pairs folded (the form the index holds), heading words never;
 * fillers weigh w.filler (out at 0) unless the question has nothing else;
 * without statistics the body words go to Xapian's ELITE_SET, with an
 * index's statistics a common word whose pair is asked for is left to the
 * pair, and a body word or pair held by more than w.maybe of the passages
 * only adds to what the rarer ones match (AND_MAYBE), as do the heading and
 * definition parts (ORed with the rest when w.maybe is 0). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../query/build.h"
#include "../support/test_support.h"

static void test_weights_parse(void **state)
{
    (void)state;
    ls_weights w = ls_weights_default(), d = ls_weights_default();
    ls_error err = {0};
    assert_int_equal(ls_weights_parse("pair=2.5,hpair=0,k1=1.2,elite=0", &w, &err), LS_OK);
    assert_float_equal(w.pair, 2.5, 0);
    assert_float_equal(w.heading_pair, 0, 0);
    assert_float_equal(w.bm25_k1, 1.2, 0);
    assert_float_equal(w.elite, 0, 0);
    assert_float_equal(w.cover, d.cover, 0);   /* the rest untouched */
    assert_float_equal(w.bm25_b, d.bm25_b, 0);
    static const char *const bad[] = {"nosuch=1", "pair", "pair=x", "pair=-1", "pair=1x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ls_error e = {0};
        assert_int_equal(ls_weights_parse(bad[i], &w, &e), LS_ERR_ARG);
        char item[32];
        snprintf(item, sizeof item, "%.*s", (int)strcspn(bad[i], "="), bad[i]);
        assert_non_null(strstr(e.msg, item));
    }
    /* the prior is a weight like the others (on by default; 0 for an
     * ablation), and an unknown name's message lists every name, from the
     * one table */
    assert_float_equal(d.prior, 1, 0);
    assert_int_equal(ls_weights_parse("prior=0", &w, &err), LS_OK);
    assert_float_equal(w.prior, 0, 0);
    ls_error e = {0};
    assert_int_equal(ls_weights_parse("nosuch=1", &w, &e), LS_ERR_ARG);
    assert_non_null(strstr(e.msg, "(filler, pair, "));
    assert_non_null(strstr(e.msg, ", defines, prior, k1, b)"));
}

/* The description of q's ranking query under w (db may be NULL). */
static char *describe(const char *q, const ls_weights *w, xc_db *db)
{
    ls_plan *p = NULL;
    ls_error err = {0};
    assert_int_equal(ls_plan_build(q, strlen(q), &p, &err), LS_OK);
    xc_query *x = NULL;
    assert_int_equal(ls_query_rank(p, w, db, &x, &err), LS_OK);
    ls_plan_free(p);
    char *d = x ? xc_query_describe(x) : NULL;
    xc_query_free(x);
    return d;
}

/* 1 when desc holds term as a whole term (not inside a prefixed one) */
static int has(const char *desc, const char *term)
{
    size_t n = strlen(term);
    for (const char *p = strstr(desc, term); p; p = strstr(p + 1, term))
        if ((p == desc || p[-1] == '(' || p[-1] == ' ') && (p[n] == ' ' || p[n] == ')'))
            return 1;
    return 0;
}

static void test_marks_and_twins(void **state)
{
    (void)state;
    ls_weights w = ls_weights_default();
    char *d = describe("đăng ký", &w, NULL);
    assert_true(has(d, "đăng") && has(d, "ký") && has(d, "Bđăng_ký"));
    /* definition pairs: their folded form, the one the index holds
     * (schema.h), with diacritics too */
    assert_true(has(d, "SBđăng_ký") && has(d, "Dđăng") && has(d, "DABdang_ky"));
    assert_false(has(d, "SABdang_ky") || has(d, "DBđăng_ký"));
    assert_null(strstr(d, "SYNONYM"));           /* diacritics: exact words only */
    assert_non_null(strstr(d, "ELITE_SET 24"));  /* no statistics: Xapian's elite */
    assert_false(has(d, "Sđăng"));               /* heading words weigh 0 by default */
    free(d);
    d = describe("dang ky", &w, NULL);
    assert_non_null(strstr(d, "(dang SYNONYM Adang)"));
    /* a pair without diacritics: its folded form alone, one posting list */
    assert_true(has(d, "ABdang_ky") && has(d, "SABdang_ky"));
    assert_false(has(d, "Bdang_ky") || has(d, "SBdang_ky"));
    free(d);
}

static void test_weights_shape_the_query(void **state)
{
    (void)state;
    ls_weights w = ls_weights_default();
    w.heading = 1;
    w.heading_pair = 0;
    w.elite = 0;
    char *d = describe("đăng ký", &w, NULL);
    /* heading words are not indexed (schema.h): not asked for at any weight */
    assert_false(has(d, "Sđăng") || has(d, "Ský"));
    assert_false(has(d, "SBđăng_ký"));
    assert_null(strstr(d, "ELITE_SET"));
    assert_true(has(d, "đăng") && has(d, "Bđăng_ký"));
    free(d);
    /* defined phrases: weight defother, or defined when it asks what X is */
    w = ls_weights_default();
    d = describe("đăng ký", &w, NULL);
    assert_non_null(strstr(d, "* Dđăng"));
    free(d);
    d = describe("đăng ký là gì", &w, NULL);
    assert_true(has(d, "Dđăng"));
    assert_null(strstr(d, "* Dđăng"));           /* weight 1: not scaled */
    /* the fillers weigh w.filler = 0: out */
    assert_false(has(d, "là") || has(d, "gì"));
    free(d);
    d = describe("là gì", &w, NULL);               /* nothing else to ask for */
    assert_true(has(d, "là") && has(d, "gì"));
    free(d);
}

/* ten passages hold "đăng", one "ký": "đăng" is common */
static void common_fill(xc_wdb *wdb, void *ctx)
{
    (void)ctx;
    static const char *const terms[] = {"đăng", "ký"};
    for (int i = 0; i < 10; i++) ts_add_terms_doc(wdb, terms, i == 0 ? 2 : 1);
}

/* a common word left to its pair, or (maybe) only adding to the rarer parts */
static void test_common_word_left_to_its_pair(void **state)
{
    (void)state;
    ts_index *ix = ts_index_new(common_fill, NULL);
    ls_weights w = ls_weights_default();
    char *d = describe("đăng ký", &w, ix->db);
    assert_null(strstr(d, "ELITE_SET"));         /* chosen on the index's statistics */
    assert_false(has(d, "đăng"));
    assert_true(has(d, "ký") && has(d, "Bđăng_ký"));
    free(d);
    w.common = 0;                                  /* off: every word kept */
    w.maybe = 0;
    d = describe("đăng ký", &w, ix->db);
    assert_true(has(d, "đăng") && has(d, "ký"));
    assert_null(strstr(d, "AND_MAYBE"));
    free(d);
    /* maybe 0.2: "ký" (1 in 10) is rarer, "đăng" (10 in 10) and the pair
     * no passage holds only add to what it matches */
    w.maybe = 0.2;
    d = describe("đăng ký", &w, ix->db);
    const char *maybe = strstr(d, " AND_MAYBE ");
    assert_non_null(maybe);
    const char *ky = strstr(d, "ký");
    assert_true(ky && ky < maybe);
    assert_true(has(maybe, "đăng") && has(maybe, "Bđăng_ký"));
    assert_false(has(maybe, "ký"));
    /* the heading and definition parts only add too; with maybe 0 they
     * are ORed with the rest */
    assert_true(has(maybe, "SBđăng_ký") && has(maybe, "Dđăng") && has(maybe, "DABdang_ky"));
    free(d);
    w.maybe = 0;
    d = describe("đăng ký", &w, ix->db);
    assert_null(strstr(d, "AND_MAYBE"));
    assert_true(has(d, "SBđăng_ký") && has(d, "Dđăng") && has(d, "DABdang_ky"));
    free(d);
    w.maybe = 0.05;               /* every body part common: the body parts ORed */
    d = describe("đăng ký", &w, ix->db);
    maybe = strstr(d, " AND_MAYBE ");
    assert_non_null(maybe);
    char *left = strndup(d, (size_t)(maybe - d));
    assert_true(has(left, "đăng") && has(left, "ký"));
    assert_false(has(left, "SBđăng_ký") || has(left, "Dđăng") || has(left, "DABdang_ky"));
    free(left);
    assert_false(has(maybe, "đăng") || has(maybe, "ký") || has(maybe, "Bđăng_ký"));
    assert_true(has(maybe, "SBđăng_ký") && has(maybe, "Dđăng"));
    free(d);
    void *st = ix;
    ts_index_teardown(&st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weights_parse),
        cmocka_unit_test(test_marks_and_twins),
        cmocka_unit_test(test_weights_shape_the_query),
        cmocka_unit_test(test_common_word_left_to_its_pair),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
