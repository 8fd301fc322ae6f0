/* review_index.c — the extractor and the document resolution run over every
 * passage of an index (ls_review_index, review.h): how many citations the
 * texts make and how many name a document the index holds. Each passage's
 * "Luật này" is its own document. Statuses are not computed (the measure is
 * of resolution), so the run stays a few seconds per ten thousand articles.
 */
#include <stdlib.h>
#include <string.h>

#include "../indexer/passage_data.h"
#include "resolve_internal.h"

static void count(ls_review_stats *st, const ls_cite *c)
{
    st->citations++;
    if (c->self) st->self++;
    else if (c->doc_number) st->by_number++;
    else st->by_name++;
    switch (c->resolution) {
    case LS_CITE_FOUND: st->found++, st->doc_found++; break;
    case LS_CITE_PART_MISSING: st->part_missing++, st->doc_found++; break;
    case LS_CITE_DOC_MISSING: st->doc_missing++; break;
    case LS_CITE_AMBIGUOUS: st->ambiguous++; break;
    case LS_CITE_SELF_UNKNOWN: st->self_unknown++; break;
    }
}

/* One line of the sample, tabs and newlines of the cited bytes flattened. */
static void sample_line(ls_buf *b, const ls_passage *p, const ls_cite *c)
{
    ls_buf_printf(b, "%s#%s\t%s\t", p->doc_id ? p->doc_id : "?", p->article ? p->article : "?",
                  ls_cite_resolution_name(c->resolution));
    for (size_t i = c->group_start; i < c->group_end && i < p->text_len; i++)
        ls_buf_putc(b, p->text[i] == '\t' || p->text[i] == '\n' ? ' ' : p->text[i]);
    ls_buf_printf(b, "\t%s\n", c->why ? c->why : "");
}

static ls_rc one_passage(resolve_ctx *ctx, const ls_passage *p, ls_review_stats *st,
                         ls_buf *sample, size_t nsample, size_t *nsampled, ls_error *err)
{
    if (!p->text || !p->doc_id) return LS_OK;
    ls_cite *cites = NULL;
    size_t n = 0;
    ls_error local = {0};
    if (ls_cite_extract(p->text, p->text_len, &cites, &n, &local)) return LS_OK;
    ls_rc rc = ls_resolve_set_self_passage(ctx, p->doc_id, p->article, err);
    for (size_t i = 0; !rc && i < n; i++) {
        rc = ls_resolve_cite(ctx, &cites[i], err);
        if (rc) break;
        count(st, &cites[i]);
        /* a sample spread over the index: every 7th miss */
        if (sample && cites[i].resolution != LS_CITE_FOUND && cites[i].resolution != LS_CITE_PART_MISSING &&
            *nsampled < nsample && (st->doc_missing + st->ambiguous + st->self_unknown) % 7 == 1) {
            sample_line(sample, p, &cites[i]);
            (*nsampled)++;
        }
    }
    ls_cites_free(cites, n);
    return rc;
}

ls_rc ls_review_index(ls_searcher *s, ls_review_stats *st, ls_buf *sample, size_t nsample,
                      ls_error *err)
{
    memset(st, 0, sizeof *st);
    resolve_ctx ctx;
    ls_rc rc = ls_resolve_init(&ctx, s, NULL, err);
    ctx.no_text = 1;
    ctx.no_status = 1;
    xc_err xe;
    unsigned total = 0;
    if (!rc && xc_db_doccount(ctx.db, &total, &xe))
        rc = ls_error_set(err, LS_ERR_INDEX, "counting passages: %s", xe.msg);
    size_t nsampled = 0;
    /* docids run from 1; deleted ones leave gaps, so go on until every
     * passage was seen (bounded, in case the count is off) */
    for (unsigned id = 1; !rc && st->passages < total && id <= 4u * total + 1000u; id++) {
        xc_doc *d = NULL;
        const char *data;
        size_t len;
        if (xc_db_get_document(ctx.db, id, &d, &xe)) {
            if (xe.rc != XC_ERR_NOTFOUND) rc = ls_error_set(err, LS_ERR_INDEX, "passage %u: %s", id, xe.msg);
            continue;
        }
        ls_passage *p = NULL;
        ls_error local = {0};
        if (!xc_doc_get_data(d, &data, &len, &xe) && !ls_passage_decode(data, len, &p, &local)) {
            st->passages++;
            rc = one_passage(&ctx, p, st, sample, nsample, &nsampled, err);
            ls_passage_free(p);
        }
        xc_doc_free(d);
    }
    ls_resolve_free(&ctx);
    return rc;
}
