/* filters.c — the boolean part of a search: document type, issuing body,
 * issued-date range and in-force status as of a date, from the request's
 * fields. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../format/schema.h"
#include "../format/values.h"
#include "../xapian/xc_error.h"
#include "as_of.h"
#include "build.h"

/* Abbreviations people type for types, folded -> folded type name. */
static const struct { const char *abbr, *type; } type_abbr[] = {
    {"nd", "nghi dinh"}, {"tt", "thong tu"}, {"qd", "quyet dinh"}, {"nq", "nghi quyet"},
    {"ttlt", "thong tu lien tich"}, {"ct", "chi thi"}, {"pl", "phap lenh"},
    {"l", "luat"}, {"bl", "bo luat"}, {"vbhn", "van ban hop nhat"},
};

/* Folded type names a filter may ask for (corpus/document.h's types). */
static const char *const known_types[] = {
    "luat", "bo luat", "nghi dinh", "thong tu", "thong tu lien tich", "quyet dinh",
    "nghi quyet", "nghi quyet lien tich", "phap lenh", "chi thi", "thong bao", "hien phap",
    "van ban hop nhat", "lenh", "cong van", "ke hoach", "sac lenh", "sac luat",
};

static xc_query *boolean_term(const char *prefix, const char *value, xc_err *xe)
{
    char term[300];
    snprintf(term, sizeof term, "%s%s", prefix, value);
    return xc_query_term(term, 0, 0, xe);
}

/* "2023" -> "20230000", "2023-04" -> "20230400", "2023-04-17" -> "20230417";
 * hi fills missing parts with 9s. Returns 0 on a malformed date. */
static int date_bound(const char *s, int hi, char out[9])
{
    size_t n = strlen(s);
    if (!(n == 4 || n == 7 || n == 10)) return 0;
    for (size_t i = 0; i < n; i++) {
        int dash = (i == 4 || i == 7);
        if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i])) return 0;
    }
    snprintf(out, 9, "%.4s%.2s%.2s", s, n >= 7 ? s + 5 : (hi ? "99" : "00"),
             n == 10 ? s + 8 : (hi ? "99" : "00"));
    return 1;
}

typedef struct filter_list {
    xc_query *q[8];
    size_t n;
    xc_err xe;
    int failed;
} filter_list;

static void add_filter(filter_list *f, xc_query *q)
{
    if (!q) f->failed = 1;
    else f->q[f->n++] = q;
}

static ls_rc type_filter(filter_list *f, const char *type, ls_error *err)
{
    char folded[200];
    ls_rc rc = ls_format_normalise_value(type, 1, folded, sizeof folded, err);
    if (rc) return rc;
    for (size_t i = 0; i < sizeof type_abbr / sizeof type_abbr[0]; i++)
        if (strcmp(folded, type_abbr[i].abbr) == 0) {
            snprintf(folded, sizeof folded, "%s", type_abbr[i].type);
            break;
        }
    size_t k = 0;
    while (k < sizeof known_types / sizeof known_types[0] && strcmp(known_types[k], folded) != 0)
        k++;
    if (k == sizeof known_types / sizeof known_types[0])
        return ls_error_set(err, LS_ERR_ARG, "type: unknown document type '%.60s' (Luật, Bộ luật, "
                            "Nghị định, Thông tư, Quyết định, Nghị quyết, Pháp lệnh, Chỉ thị, "
                            "Hiến pháp, ... or NĐ, TT, QĐ, NQ)", type);
    add_filter(f, boolean_term(LS_PREFIX_TYPE, folded, &f->xe));
    return LS_OK;
}

/* "cấp xã", "xã", "Cấp tỉnh" -> the folded XLEVEL value "cap xa"... */
static ls_rc procedure_filters(filter_list *f, const ls_search_request *req, ls_error *err)
{
    ls_rc rc = LS_OK;
    char folded[200];
    if (req->kind == LS_KIND_PROCEDURE) add_filter(f, xc_query_term(LS_KIND_PROCEDURE_TERM, 0, 0, &f->xe));
    if (req->level && *req->level) {
        char level[210];
        rc = ls_format_normalise_value(req->level, 1, folded, sizeof folded, err);
        if (!rc) snprintf(level, sizeof level, "%s%s", strncmp(folded, "cap ", 4) ? "cap " : "", folded);
        if (!rc) add_filter(f, boolean_term(LS_PREFIX_LEVEL, level, &f->xe));
    }
    if (!rc && req->field && *req->field) {
        rc = ls_format_normalise_value(req->field, 1, folded, sizeof folded, err);
        if (!rc) add_filter(f, boolean_term(LS_PREFIX_FIELD, folded, &f->xe));
    }
    return rc;
}

static ls_rc date_filter(filter_list *f, const char *from, const char *to, ls_error *err)
{
    char lo[9], hi[9];
    if (from && !date_bound(from, 0, lo))
        return ls_error_set(err, LS_ERR_ARG, "from: '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", from);
    if (to && !date_bound(to, 1, hi))
        return ls_error_set(err, LS_ERR_ARG, "to: '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", to);
    add_filter(f, xc_query_value_range(LS_SLOT_ISSUED, from ? lo : NULL, to ? hi : NULL, &f->xe));
    return LS_OK;
}

ls_rc ls_query_filter(const ls_search_request *req, xc_query **out, ls_error *err)
{
    *out = NULL;
    filter_list f = {0};
    ls_rc rc = LS_OK;
    if (req->type && *req->type) rc = type_filter(&f, req->type, err);
    if (!rc && req->issuer && *req->issuer) {
        char folded[200];
        rc = ls_format_normalise_value(req->issuer, 1, folded, sizeof folded, err);
        if (!rc) add_filter(&f, boolean_term(LS_PREFIX_ISSUER, folded, &f.xe));
    }
    if (!rc && ((req->from && *req->from) || (req->to && *req->to)))
        rc = date_filter(&f, req->from && *req->from ? req->from : NULL,
                         req->to && *req->to ? req->to : NULL, err);
    if (!rc) rc = procedure_filters(&f, req, err);
    xc_query *excluded = NULL;
    xc_query *gone[2];
    size_t ngone = 0;
    char day[11];
    if (!rc && req->in_force && !(rc = ls_as_of_date(req->as_of, day, err)))
        gone[ngone++] = ls_as_of_excluded(day, &f.xe);   /* as of the date (as_of.h) */
    /* articles only: procedures carry XKINDprocedure, articles nothing */
    if (!rc && (req->kind == LS_KIND_DEFAULT || req->kind == LS_KIND_ARTICLE))
        gone[ngone++] = xc_query_term(LS_KIND_PROCEDURE_TERM, 0, 0, &f.xe);
    for (size_t i = 0; i < ngone; i++)
        if (!gone[i]) f.failed = 1;
    if (ngone && !f.failed) {
        excluded = ngone == 1 ? gone[0] : xc_query_combine(XC_OP_OR, gone, ngone, 0, &f.xe);
        if (!excluded) f.failed = 1;
    }
    if (ngone > 1 || f.failed)
        for (size_t i = 0; i < ngone; i++) xc_query_free(gone[i]);
    if (!rc && !f.failed && (f.n || excluded)) {
        xc_query *all = f.n ? xc_query_combine(XC_OP_AND, f.q, f.n, 0, &f.xe)
                            : xc_query_match_all(&f.xe);
        if (all && excluded) {
            xc_query *pair[2] = {all, excluded};
            *out = xc_query_combine(XC_OP_AND_NOT, pair, 2, 0, &f.xe);
            xc_query_free(all);
        } else {
            *out = all;
        }
        if (!*out) f.failed = 1;
    }
    xc_query_free(excluded);
    for (size_t i = 0; i < f.n; i++) xc_query_free(f.q[i]);
    if (!rc && f.failed) rc = ls_xc_error(err, "building the filter", &f.xe);
    return rc;
}
