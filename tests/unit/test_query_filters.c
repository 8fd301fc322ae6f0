/* test_query_filters.c — query/filters.c: a request's type, issuer, date
 * range and in-force fields into the boolean Xapian query (read back with
 * xc_query_describe), the abbreviations people type for types, and the
 * errors for an unknown type or a malformed date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../format/schema.h"
#include "../../query/build.h"
#include "../support/test_support.h"

#define SLOT_ISSUED_STR "2" /* LS_SLOT_ISSUED, as the description writes it */
/* not in force on 2025-06-30 (query/as_of.h): gone by then (slot 5), issued
 * or effective after it, or, in an index without slot 5, stored as gone */
#define GONE "(VALUE_RANGE 5 0 20250630 OR VALUE_RANGE 3 202506300 99999999 OR " \
             "VALUE_RANGE " SLOT_ISSUED_STR " 202506300 99999999 OR ((" LS_PREFIX_STATUS \
             "repealed OR " LS_PREFIX_STATUS "suspended OR " LS_PREFIX_STATUS "obsolete) " \
             "AND_NOT VALUE_RANGE 5 0 99999999))"

typedef struct filter_case {
    const char *type, *issuer, *from, *to;
    int in_force;
    int kind;           /* LS_KIND_*; 0 here means LS_KIND_ALL (no kind filter) */
    const char *level, *field;
    const char *want;   /* the query's description; NULL: no filter */
} filter_case;

static void expect(const filter_case *c)
{
    ls_search_request req = {.query = "x", .type = c->type, .issuer = c->issuer,
                             .from = c->from, .to = c->to, .in_force = c->in_force,
                             .level = c->level, .field = c->field,
                             .as_of = "2025-06-30", .kind = c->kind ? c->kind : LS_KIND_ALL};
    xc_query *q = (xc_query *)&req; /* must be reset */
    ls_error err = {0};
    ls_rc rc = ls_query_filter(&req, &q, &err);
    if (rc) fprintf(stderr, "case type=%s: %s\n", c->type ? c->type : "-", err.msg);
    assert_int_equal(rc, LS_OK);
    if (!c->want) {
        assert_null(q);
        return;
    }
    assert_non_null(q);
    char *d = xc_query_describe(q);
    assert_non_null(d);
    if (strcmp(d, c->want) != 0) fprintf(stderr, "want %s\n got %s\n", c->want, d);
    assert_string_equal(d, c->want);
    free(d);
    xc_query_free(q);
}

static void test_types(void **state)
{
    (void)state;
    static const filter_case cases[] = {
        {.want = NULL},
        {.type = "", .issuer = "", .from = "", .to = "", .want = NULL},  /* empty = unset */
        {.type = "Nghị định", .want = "Query(" LS_PREFIX_TYPE "nghi dinh)"},
        {.type = "nghi dinh", .want = "Query(" LS_PREFIX_TYPE "nghi dinh)"},
        {.type = "NĐ", .want = "Query(" LS_PREFIX_TYPE "nghi dinh)"},
        {.type = "nd", .want = "Query(" LS_PREFIX_TYPE "nghi dinh)"},
        {.type = "TT", .want = "Query(" LS_PREFIX_TYPE "thong tu)"},
        {.type = "TTLT", .want = "Query(" LS_PREFIX_TYPE "thong tu lien tich)"},
        {.type = "QĐ", .want = "Query(" LS_PREFIX_TYPE "quyet dinh)"},
        {.type = "Bộ luật", .want = "Query(" LS_PREFIX_TYPE "bo luat)"},
        {.type = "LUẬT", .want = "Query(" LS_PREFIX_TYPE "luat)"},
        {.type = "Pháp lệnh", .want = "Query(" LS_PREFIX_TYPE "phap lenh)"},
        {.type = "Hiến pháp", .want = "Query(" LS_PREFIX_TYPE "hien phap)"},
        {.type = "vbhn", .want = "Query(" LS_PREFIX_TYPE "van ban hop nhat)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) expect(&cases[i]);
}

static void test_issuer_dates_and_force(void **state)
{
    (void)state;
    static const filter_case cases[] = {
        {.issuer = "Chính phủ", .want = "Query(" LS_PREFIX_ISSUER "chinh phu)"},
        {.issuer = "BỘ TÀI CHÍNH", .want = "Query(" LS_PREFIX_ISSUER "bo tai chinh)"},
        /* a bound fills its missing month and day: low with 0s, high with 9s */
        {.from = "2023", .to = "2024-04",
         .want = "Query(VALUE_RANGE " SLOT_ISSUED_STR " 20230000 20240499)"},
        {.from = "2023-04-17", .want = "Query(VALUE_GE " SLOT_ISSUED_STR " 20230417)"},
        {.to = "2015", .want = "Query(VALUE_LE " SLOT_ISSUED_STR " 20159999)"},
        {.in_force = 1, .want = "Query((<alldocuments> AND_NOT " GONE "))"},
        {.type = "Luật", .issuer = "Quốc hội", .from = "2020-01-02", .in_force = 1,
         .want = "Query(((" LS_PREFIX_TYPE "luat AND " LS_PREFIX_ISSUER "quoc hoi AND VALUE_GE "
                 SLOT_ISSUED_STR " 20200102) AND_NOT " GONE "))"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) expect(&cases[i]);
}

/* What the hits are: articles only (the default) leave procedures out,
 * procedures only keep them; level and field are procedure filters. */
static void test_kinds(void **state)
{
    (void)state;
    static const filter_case cases[] = {
        {.kind = LS_KIND_ARTICLE,
         .want = "Query((<alldocuments> AND_NOT " LS_KIND_PROCEDURE_TERM "))"},
        {.kind = LS_KIND_PROCEDURE, .want = "Query(" LS_KIND_PROCEDURE_TERM ")"},
        {.kind = LS_KIND_PROCEDURE, .level = "Cấp xã", .field = "Hộ tịch",
         .want = "Query((" LS_KIND_PROCEDURE_TERM " AND " LS_PREFIX_LEVEL "cap xa AND "
                 LS_PREFIX_FIELD "ho tich))"},
        {.kind = LS_KIND_ARTICLE, .in_force = 1,
         .want = "Query((<alldocuments> AND_NOT (" GONE " OR " LS_KIND_PROCEDURE_TERM ")))"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) expect(&cases[i]);
}

static void test_bad_values(void **state)
{
    (void)state;
    static const struct { filter_case c; const char *msg; } cases[] = {
        {{.type = "Luật lệ"}, "type: unknown document type 'Luật lệ'"},
        {{.type = "Nghị"}, "type: unknown document type"},
        {{.from = "2023-4"}, "from: '2023-4' is not a date"},
        {{.from = "23"}, "from: '23' is not a date"},
        {{.to = "2023/04/17"}, "to: '2023/04/17' is not a date"},
        {{.to = "2023-04-1x"}, "to: '2023-04-1x' is not a date"},
        {{.from = "abcd"}, "from: 'abcd' is not a date"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const filter_case *c = &cases[i].c;
        ls_search_request req = {.query = "x", .type = c->type, .from = c->from, .to = c->to};
        xc_query *q = NULL;
        ls_error err = {0};
        assert_int_equal(ls_query_filter(&req, &q, &err), LS_ERR_ARG);
        assert_null(q);
        if (!strstr(err.msg, cases[i].msg)) fprintf(stderr, "got: %s\n", err.msg);
        assert_non_null(strstr(err.msg, cases[i].msg));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_types),
        cmocka_unit_test(test_issuer_dates_and_force),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_bad_values),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
