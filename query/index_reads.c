/* index_reads.c — the searcher's narrow reads for review/ and api/
 * (index_reads.h): the queries and fetches they used to run themselves. */
#include "index_reads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../format/schema.h"
#include "../format/cite_keys.h"
#include "../xapian/xc_error.h"
#include "cite_resolve.h"
#include "notice.h"
#include "searcher_internal.h"

/* Run q (borrowed) and call each on the passages it matches, up to max. */
static ls_rc each_match(ls_searcher *s, const xc_query *q, unsigned max, ls_passage_each each,
                        void *cb_ctx, size_t *matched, ls_error *err)
{
    xc_err xe;
    xc_enquire *enq = NULL;
    xc_mset *ms = NULL;
    ls_rc rc = LS_OK;
    if (xc_enquire_new(ls_searcher_db(s), &enq, &xe) || xc_enquire_set_query(enq, q, &xe) ||
        xc_enquire_get_mset(enq, 0, max, 0, &ms, &xe))
        rc = ls_xc_error(err, "reading passages", &xe);
    if (!rc && matched) *matched = xc_mset_estimated(ms);
    for (size_t i = 0; !rc && ms && i < xc_mset_size(ms); i++) {
        xc_doc *d = NULL;
        const char *data;
        size_t len;
        ls_passage *p = NULL;
        ls_error local = {0};
        if (xc_mset_document(ms, i, &d, &xe) || xc_doc_get_data(d, &data, &len, &xe))
            rc = ls_xc_error(err, "reading passages", &xe);
        else if (!ls_passage_decode(data, len, &p, &local))
            rc = each(cb_ctx, p);
        ls_passage_free(p);
        xc_doc_free(d);
    }
    xc_mset_free(ms);
    xc_enquire_free(enq);
    return rc;
}

static xc_query *own_term(const char *doc_id, xc_err *xe)
{
    char own[400];
    snprintf(own, sizeof own, "%s%s", LS_PREFIX_DOC, doc_id);
    return xc_query_term(own, 1, 0, xe);
}

ls_rc ls_searcher_each_passage_of(ls_searcher *s, const char *doc_id, unsigned max,
                                  ls_passage_each each, void *cb_ctx, size_t *matched,
                                  ls_error *err)
{
    xc_err xe;
    xc_query *q = own_term(doc_id, &xe);
    if (!q) return ls_xc_error(err, "passages of a document", &xe);
    ls_rc rc = each_match(s, q, max, each, cb_ctx, matched, err);
    xc_query_free(q);
    return rc;
}

/* (naming AND_NOT own) AND_MAYBE (one of the act pairs) */
static xc_query *acts_first_query(xc_query *base, xc_err *xe)
{
    static const char *const pairs[] = {LS_PREFIX_PAIR "sửa_đổi", LS_PREFIX_PAIR "bổ_sung",
                                        LS_PREFIX_PAIR "thay_thế", LS_PREFIX_PAIR "bãi_bỏ",
                                        LS_PREFIX_PAIR "hết_hiệu"};
    enum { NPAIRS = sizeof pairs / sizeof pairs[0] };
    xc_query *words[NPAIRS] = {0};
    for (size_t i = 0; i < NPAIRS; i++) words[i] = xc_query_term(pairs[i], 1, 0, xe);
    xc_query *rel = xc_query_combine(XC_OP_OR, words, NPAIRS, 0, xe);
    xc_query *both[2] = {base, rel};
    xc_query *q = rel ? xc_query_combine(XC_OP_AND_MAYBE, both, 2, 0, xe) : NULL;
    for (size_t i = 0; i < NPAIRS; i++) xc_query_free(words[i]);
    xc_query_free(rel);
    return q;
}

ls_rc ls_searcher_each_passage_naming(ls_searcher *s, const char *doc_id, int acts_first,
                                      unsigned max, ls_passage_each each, void *cb_ctx,
                                      size_t *matched, ls_error *err)
{
    xc_err xe;
    xc_query *t = xc_query_term(doc_id, 1, 0, &xe);
    xc_query *o = t ? own_term(doc_id, &xe) : NULL;
    xc_query *pair[2] = {t, o};
    xc_query *base = o ? xc_query_combine(XC_OP_AND_NOT, pair, 2, 0, &xe) : NULL;
    xc_query *q = base && acts_first ? acts_first_query(base, &xe) : base;
    ls_rc rc = q ? each_match(s, q, max, each, cb_ctx, matched, err)
                 : ls_xc_error(err, "passages naming a document", &xe);
    if (q != base) xc_query_free(q);
    xc_query_free(base);
    xc_query_free(o);
    xc_query_free(t);
    return rc;
}

ls_rc ls_searcher_each_stored_passage(ls_searcher *s, ls_passage_each each, void *cb_ctx,
                                      size_t *seen, ls_error *err)
{
    xc_db *db = ls_searcher_db(s);
    xc_err xe;
    unsigned total = 0;
    size_t n = 0;
    ls_rc rc = LS_OK;
    if (xc_db_doccount(db, &total, &xe)) rc = ls_xc_error(err, "counting passages", &xe);
    /* docids run from 1; deleted ones leave gaps, so go on until every
     * passage was seen (bounded, in case the count is off) */
    for (unsigned id = 1; !rc && n < total && id <= 4u * total + 1000u; id++) {
        xc_doc *d = NULL;
        const char *data;
        size_t len;
        if (xc_db_get_document(db, id, &d, &xe)) {
            if (xe.rc != XC_ERR_NOTFOUND)
                rc = ls_error_set(err, ls_rc_of_xc(xe.rc), "passage %u: %s", id, xe.msg);
            continue;
        }
        ls_passage *p = NULL;
        ls_error local = {0};
        if (!xc_doc_get_data(d, &data, &len, &xe) && !ls_passage_decode(data, len, &p, &local)) {
            n++;
            rc = each(cb_ctx, p);
            ls_passage_free(p);
        }
        xc_doc_free(d);
    }
    if (seen) *seen = n;
    return rc;
}

typedef struct id_list {
    char **v;
    size_t n, cap;
    int failed;
} id_list;

static int collect_id(void *ctx, const char *term, unsigned freq)
{
    (void)freq;
    id_list *l = ctx;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 256;
        char **g = realloc(l->v, nc * sizeof *g);
        if (!g) return l->failed = 1;
        l->v = g;
        l->cap = nc;
    }
    if (!(l->v[l->n] = strdup(term + strlen(LS_PREFIX_DOC)))) return l->failed = 1;
    l->n++;
    return 0;
}

ls_rc ls_searcher_doc_ids(ls_searcher *s, char ***ids, size_t *n, ls_error *err)
{
    *ids = NULL;
    *n = 0;
    id_list l = {0};
    xc_err xe;
    ls_rc rc = LS_OK;
    if (xc_db_allterms(ls_searcher_db(s), LS_PREFIX_DOC, collect_id, &l, &xe))
        rc = ls_xc_error(err, "listing documents", &xe);
    else if (l.failed) rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if (rc) {
        for (size_t i = 0; i < l.n; i++) free(l.v[i]);
        free(l.v);
        return rc;
    }
    *ids = l.v;
    *n = l.n;
    return LS_OK;
}

ls_rc ls_searcher_metadata(ls_searcher *s, const char *prefix, const char *name, char **value,
                           ls_error *err)
{
    char key[1000];
    snprintf(key, sizeof key, "%s%s", prefix, name);
    return ls_cite_key_get(ls_searcher_db(s), key, value, err);
}

ls_rc ls_searcher_law_lookup(ls_searcher *s, const char *name, size_t len, const char *year,
                             char **id, char **other, ls_error *err)
{
    return ls_cite_law_lookup(ls_searcher_db(s), name, len, year, id, other, err);
}

ls_rc ls_searcher_as_of_state(ls_searcher *s, const char *id, const char *date,
                              ls_doc_state *st, char **own, ls_error *err)
{
    return ls_as_of_state(ls_searcher_db(s), id, date, st, own, err);
}

char *ls_searcher_document_name(ls_searcher *s, const char *doc_id)
{
    return ls_notice_document_name(ls_searcher_db(s), doc_id);
}

ls_rc ls_searcher_resolve_short_citation(ls_searcher *s, ls_plan *plan, const char *q,
                                         size_t len, ls_error *err)
{
    return ls_resolve_short_citation(ls_searcher_db(s), plan, q, len, err);
}
