/* as_of.c — statuses and the in-force filter as of a date (as_of.h). */
#include "as_of.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../format/relations.h"
#include "../format/doc_record.h"
#include "../format/schema.h"

static int valid_date(const char *d)
{
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9')) return 0;
    int m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
    return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

ls_rc ls_as_of_date(const char *as_of, char out[11], ls_error *err)
{
    if (as_of && *as_of) {
        if (!valid_date(as_of))
            return ls_error_set(err, LS_ERR_ARG, "the date '%s' is not YYYY-MM-DD", as_of);
        memcpy(out, as_of, 11);
        return LS_OK;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
    return LS_OK;
}

static xc_query *status_term(const char *code, xc_err *xe)
{
    char term[64];
    snprintf(term, sizeof term, "%s%s", LS_PREFIX_STATUS, code);
    return xc_query_term(term, 0, 0, xe);
}

xc_query *ls_as_of_excluded(const char *date, xc_err *xe)
{
    char day[9], after[10];
    ls_gone_value(date, day);
    snprintf(after, sizeof after, "%s0", day);   /* sorts after day, before day + 1 */
    xc_query *q[8] = {0};
    q[0] = xc_query_value_range(LS_SLOT_GONE, "0", day, xe);
    q[1] = xc_query_value_range(LS_SLOT_EFFECTIVE, after, "99999999", xe);
    q[2] = xc_query_value_range(LS_SLOT_ISSUED, after, "99999999", xe);
    /* an index without the slot: the stored status */
    q[3] = status_term("repealed", xe);
    q[4] = status_term("suspended", xe);
    q[5] = status_term("obsolete", xe);
    q[6] = xc_query_value_range(LS_SLOT_GONE, "0", "99999999", xe);
    xc_query *out = NULL;
    int ok = 1;
    for (int i = 0; i < 7; i++) ok &= q[i] != NULL;
    if (ok) {
        xc_query *stored = xc_query_combine(XC_OP_OR, q + 3, 3, 0, xe);
        xc_query *pair[2] = {stored, q[6]};
        xc_query *legacy = stored ? xc_query_combine(XC_OP_AND_NOT, pair, 2, 0, xe) : NULL;
        xc_query *all[4] = {q[0], q[1], q[2], legacy};
        if (legacy) out = xc_query_combine(XC_OP_OR, all, 4, 0, xe);
        xc_query_free(stored);
        xc_query_free(legacy);
    }
    for (int i = 0; i < 7; i++) xc_query_free(q[i]);
    return out;
}

ls_rc ls_as_of_state(xc_db *db, const char *id, const char *date, ls_doc_state *st, char **own,
                     ls_error *err)
{
    memset(st, 0, sizeof *st);
    if (own) *own = NULL;
    char key[400], *rec = NULL, *lines = NULL;
    xc_err xe;
    ls_doc_record_key(id, key, sizeof key);
    if (xc_db_get_metadata(db, key, &rec, NULL, &xe))
        return ls_error_set(err, LS_ERR_INDEX, "reading %s: %s", id, xe.msg);
    if (!rec[0]) {
        free(rec);
        return ls_error_set(err, LS_ERR_NOTFOUND, "no document %s in the index", id);
    }
    snprintf(key, sizeof key, "%s%s", LS_METADATA_RELATIONS, id);
    if (xc_db_get_metadata(db, key, &lines, NULL, &xe)) {
        free(rec);
        return ls_error_set(err, LS_ERR_INDEX, "reading the relations of %s: %s", id, xe.msg);
    }
    ls_doc_record r;
    ls_rc rc = ls_doc_record_decode(rec, strlen(rec), &r, NULL);
    free(rec);
    /* a record that is not JSON reads as one without fields */
    rc = rc == LS_ERR_NOMEM ? ls_error_set(err, rc, "out of memory") : LS_OK;
    /* the status as published: the stored one may be restated */
    const char *published = ls_doc_record_published_status(&r);
    if (!rc) rc = ls_relations_state(lines, published, r.issued, r.effective, date, st, err);
    free(lines);
    if (own && !rc && published && !(*own = strdup(published)))
        rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    ls_doc_record_free(&r);
    return rc;
}

/* The hit before i whose status was read from the same document's record
 * (set[j]), or NULL: it says what i's would. */
static const ls_passage *same_doc_before(const ls_results *r, const unsigned char *set, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (set[j] && strcmp(r->hits[j].passage->doc_id, r->hits[i].passage->doc_id) == 0)
            return r->hits[j].passage;
    return NULL;
}

ls_rc ls_as_of_restate(xc_db *db, const char *date, ls_results *r, ls_error *err)
{
    /* hits of one document read its record once (a record holds the
     * article list: decoding it is most of the cost) */
    unsigned char *set = calloc(r->nhits ? r->nhits : 1, 1);
    if (!set) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < r->nhits && !rc; i++) {
        ls_passage *p = r->hits[i].passage;
        if (!p || !p->doc_id) continue;
        const ls_passage *same = same_doc_before(r, set, i);
        if (same) {
            free(p->status);
            p->status = same->status ? strdup(same->status) : NULL;
            if (same->status && !p->status) rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
            set[i] = 1;
            continue;
        }
        char key[400], *lines = NULL;
        xc_err xe;
        snprintf(key, sizeof key, "%s%s", LS_METADATA_RELATIONS, p->doc_id);
        if (xc_db_get_metadata(db, key, &lines, NULL, &xe)) {
            rc = ls_error_set(err, LS_ERR_INDEX, "reading the relations of %s: %s", p->doc_id,
                              xe.msg);
            break;
        }
        ls_doc_state st;
        char *own = NULL;
        ls_error local = {0};
        int lines_read = lines[0] != '\0';
        if (!lines_read)   /* no relations: the passage holds its published status and dates */
            rc = ls_relations_state(NULL, p->status, p->issued, p->effective, date, &st, &local);
        else
            rc = ls_as_of_state(db, p->doc_id, date, &st, &own, &local);
        free(lines);
        if (rc == LS_ERR_NOTFOUND) {   /* a passage without a record */
            rc = LS_OK;
            continue;
        }
        if (rc) {
            rc = ls_error_set(err, rc, "%s", local.msg);
            break;
        }
        set[i] = lines_read;
        if (!st.text) {   /* as published (own; kept when read from the passage) */
            if (lines_read) {
                free(p->status);
                p->status = own;
            }
            continue;
        }
        free(own);
        free(p->status);
        p->status = st.text;
    }
    free(set);
    return rc;
}
