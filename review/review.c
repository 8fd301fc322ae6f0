/* review.c — ls_review (review.h): extract every citation of a text, then
 * resolve each against the index as of a date (resolve.c, doc_status.c). */
#include "review.h"

#include <stdlib.h>
#include <string.h>

#include "resolve_internal.h"

void ls_review_result_free(ls_review_result *r)
{
    if (!r) return;
    ls_cites_free(r->cites, r->ncites);
    free(r->as_of);
    free(r->self_id);
    free(r->missing);
    free(r);
}

/* "dieu 5 nd 13/2023/nd-cp" reads as a provision of the containing text:
 * unread, so the question analyser's reading is tried. */
int ls_review_unread(const ls_review_result *r)
{
    if (!r->ncites) return 1;
    for (size_t i = 0; i < r->ncites; i++)
        if (r->cites[i].resolution == LS_CITE_SELF_UNKNOWN) return 1;
    return 0;
}

/* A citation typed alone (one line, short, no containing document given)
 * rather than a document: the texts the fallback is for. */
static int lone_citation(const char *text, size_t len, const ls_review_opts *opts)
{
    return !opts->doc_id && len <= LS_REVIEW_CITATION_MAX && !memchr(text, '\n', len);
}

static ls_rc review_once(ls_searcher *s, const char *text, size_t len, const ls_review_opts *opts,
                         int fallback, char **canon, ls_review_result **out, ls_error *err)
{
    *out = NULL;
    resolve_ctx ctx;
    ls_rc rc = ls_resolve_init(&ctx, s, opts->as_of, err);
    if (rc) {
        ls_resolve_free(&ctx);
        return rc;
    }
    ctx.no_text = opts->no_text;
    ls_review_result *r = calloc(1, sizeof *r);
    if (!r) rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if (!rc) rc = ls_cite_extract(text, len, &r->cites, &r->ncites, err);
    if (!rc) rc = ls_resolve_set_self(&ctx, opts->doc_id, text, len, err);
    for (size_t i = 0; !rc && i < r->ncites; i++) {
        ls_cite *c = &r->cites[i];
        rc = ls_resolve_cite(&ctx, c, err);
        if (c->group + 1 > r->ngroups) r->ngroups = c->group + 1;
        if (c->resolution != LS_CITE_FOUND) r->unresolved++;
        if (ls_force_is_gone(c->force)) r->not_in_force++;
    }
    if (!rc && fallback && ls_review_unread(r))
        rc = ls_resolve_short_text(&ctx, text, len, canon, &r->missing, err);
    if (!rc && !(r->as_of = strdup(ctx.as_of))) rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if (!rc && ctx.self_id && !(r->self_id = strdup(ctx.self_id)))
        rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    ls_resolve_free(&ctx);
    if (rc) {
        ls_review_result_free(r);
        if (canon) {
            free(*canon);
            *canon = NULL;
        }
        return rc;
    }
    *out = r;
    return LS_OK;
}

ls_rc ls_review(ls_searcher *s, const char *text, size_t len, const ls_review_opts *opts,
                ls_review_result **out, ls_error *err)
{
    static const ls_review_opts none = {0};
    if (!opts) opts = &none;
    char *canon = NULL;
    ls_rc rc = review_once(s, text, len, opts, lone_citation(text, len, opts), &canon, out, err);
    if (rc || !canon) return rc;
    /* the citation in standard form, read again: kept when it resolves */
    ls_review_result *again = NULL;
    rc = review_once(s, canon, strlen(canon), opts, 0, NULL, &again, err);
    free(canon);
    if (!rc && !ls_review_unread(again)) {
        /* its offsets are into the standard form: the citation read is
         * the whole text as typed */
        for (size_t i = 0; i < again->ncites; i++) {
            ls_cite *c = &again->cites[i];
            c->start = c->group_start = 0;
            c->end = c->group_end = len;
        }
        ls_review_result_free(*out);
        *out = again;
    } else {
        ls_review_result_free(again);
    }
    if (rc) {
        ls_review_result_free(*out);
        *out = NULL;
    }
    return rc;
}
