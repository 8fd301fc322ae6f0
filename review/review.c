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
    free(r);
}

ls_rc ls_review(ls_searcher *s, const char *text, size_t len, const ls_review_opts *opts,
                ls_review_result **out, ls_error *err)
{
    *out = NULL;
    static const ls_review_opts none = {0};
    if (!opts) opts = &none;
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
    if (!rc && !(r->as_of = strdup(ctx.as_of))) rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if (!rc && ctx.self_id && !(r->self_id = strdup(ctx.self_id)))
        rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    ls_resolve_free(&ctx);
    if (rc) {
        ls_review_result_free(r);
        return rc;
    }
    *out = r;
    return LS_OK;
}
