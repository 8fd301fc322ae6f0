/* expand.c — synonym expansion of a question's terms through the index's
 * Xapian synonym store (written by indexer/synonyms.h). */
#include "expand.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../xapian/xc_error.h"

#define EXPANSION_POSITION 10000  /* first position of appended expansions */
#define MAX_EXPANSIONS 8

typedef struct found {
    char *phrase[MAX_EXPANSIONS];
    size_t n;
} found;

static int on_synonym(void *ctx, const char *syn)
{
    found *f = ctx;
    if (f->n < MAX_EXPANSIONS) f->phrase[f->n++] = strdup(syn);
    return f->n >= MAX_EXPANSIONS;
}

typedef struct append_ctx {
    ls_plan *plan;
    unsigned base;
    ls_rc rc;
} append_ctx;

static int append_token(void *vctx, const ls_token *tok)
{
    append_ctx *a = vctx;
    ls_plan *plan = a->plan;
    ls_qterm *grown = realloc(plan->terms, (plan->nterms + 1) * sizeof *grown);
    if (!grown) {
        a->rc = LS_ERR_NOMEM;
        return 1;
    }
    plan->terms = grown;
    ls_qterm *qt = &plan->terms[plan->nterms];
    memset(qt, 0, sizeof *qt);
    qt->kind = tok->kind;
    qt->term = strndup(tok->term, tok->term_len);
    qt->folded = tok->folded ? strndup(tok->folded, tok->folded_len) : strndup(tok->term, tok->term_len);
    if (!qt->term || !qt->folded) {
        free(qt->term);
        free(qt->folded);
        a->rc = LS_ERR_NOMEM;
        return 1;
    }
    qt->has_marks = tok->has_marks;
    qt->position = a->base + tok->position;
    qt->expansion = 1;
    plan->nterms++;
    return 0;
}

static ls_rc lookup(ls_plan *plan, xc_db *db, const char *key, unsigned *next_base,
                    ls_error *err)
{
    found f = {0};
    xc_err xe;
    if (xc_db_synonyms(db, key, on_synonym, &f, &xe))
        return ls_xc_error(err, "reading synonyms", &xe);
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < f.n; i++) {
        if (!rc && f.phrase[i]) {
            append_ctx a = {.plan = plan, .base = *next_base};
            rc = ls_tokenize(f.phrase[i], strlen(f.phrase[i]), LS_TOKENIZE_QUERY, append_token, &a, err);
            if (!rc && a.rc) rc = ls_error_set(err, a.rc, "expanding synonyms: %s", ls_strerror(a.rc));
            *next_base += 100;
        }
        free(f.phrase[i]);
    }
    return rc;
}

ls_rc ls_plan_expand(ls_plan *plan, xc_db *db, ls_error *err)
{
    size_t original = plan->nterms;
    unsigned base = EXPANSION_POSITION;
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < original && !rc; i++) {
        ls_qterm *t = &plan->terms[i];
        if (t->filler || t->kind != LS_TOKEN_WORD) continue;
        const char *key = plan->any_marks ? t->term : t->folded;
        rc = lookup(plan, db, key, &base, err);
        if (rc || i + 1 >= original) continue;
        ls_qterm *u = &plan->terms[i + 1]; /* terms may have moved: re-read */
        t = &plan->terms[i];
        if (u->kind != LS_TOKEN_WORD || u->position != t->position + 1) continue;
        char pair[512];
        snprintf(pair, sizeof pair, "%s %s", plan->any_marks ? t->term : t->folded,
                 plan->any_marks ? u->term : u->folded);
        rc = lookup(plan, db, pair, &base, err);
    }
    return rc;
}
