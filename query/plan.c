/* plan.c — a question through the shared analyser into an ls_plan: terms,
 * diacritics, fillers and the cited document/article/clause/point. */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_hash.h"

typedef struct plan_ctx {
    ls_plan *plan;
    size_t cap;
    ls_rc rc;
} plan_ctx;

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* "điều 5a" -> "5a": the part after the first space of a reference term */
static char *ref_number(const ls_token *tok)
{
    const char *sp = memchr(tok->term, ' ', tok->term_len);
    if (!sp) return NULL;
    return dupn(sp + 1, tok->term_len - (size_t)(sp + 1 - tok->term));
}

static void remember_citation(ls_plan *plan, const ls_token *tok)
{
    char **slot = NULL;
    switch (tok->kind) {
    case LS_TOKEN_DOCNUM:
        if (!plan->doc_id) plan->doc_id = dupn(tok->term, tok->term_len);
        return;
    case LS_TOKEN_ARTICLE: slot = &plan->article; break;
    case LS_TOKEN_CLAUSE: slot = &plan->clause; break;
    case LS_TOKEN_POINT: slot = &plan->point; break;
    default: return;
    }
    if (!*slot) *slot = ref_number(tok);
}

static int on_token(void *vctx, const ls_token *tok)
{
    plan_ctx *ctx = vctx;
    ls_plan *plan = ctx->plan;
    if (plan->nterms == ctx->cap) {
        size_t cap = ctx->cap ? ctx->cap * 2 : 16;
        ls_qterm *grown = realloc(plan->terms, cap * sizeof *grown);
        if (!grown) {
            ctx->rc = LS_ERR_NOMEM;
            return 1;
        }
        plan->terms = grown;
        ctx->cap = cap;
    }
    ls_qterm *qt = &plan->terms[plan->nterms];
    memset(qt, 0, sizeof *qt);
    qt->kind = tok->kind;
    qt->term = dupn(tok->term, tok->term_len);
    qt->folded = tok->folded ? dupn(tok->folded, tok->folded_len)
                             : dupn(tok->term, tok->term_len);
    if (!qt->term || !qt->folded) {
        free(qt->term);
        free(qt->folded);
        ctx->rc = LS_ERR_NOMEM;
        return 1;
    }
    qt->has_marks = tok->has_marks;
    qt->position = tok->position;
    qt->start = tok->start;
    qt->end = tok->end;
    plan->nterms++;
    if (tok->has_marks) plan->any_marks = 1;
    remember_citation(plan, tok);
    return 0;
}

ls_rc ls_plan_build(const char *q, size_t len, ls_plan **out, ls_error *err)
{
    *out = NULL;
    ls_plan *plan = calloc(1, sizeof *plan);
    if (!plan) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    plan_ctx ctx = {.plan = plan};
    ls_rc rc = ls_tokenize(q, len, LS_TOKENIZE_QUERY, on_token, &ctx, err);
    if (!rc && ctx.rc) rc = ls_error_set(err, ctx.rc, "analysing the question: %s",
                                         ls_strerror(ctx.rc));
    if (rc) {
        ls_plan_free(plan);
        return rc;
    }
    ls_plan_mark_fillers(plan);
    ls_plan_detect_definition(plan);
    ls_plan_detect_scope(plan);
    *out = plan;
    return LS_OK;
}

void ls_plan_free(ls_plan *plan)
{
    if (!plan) return;
    for (size_t i = 0; i < plan->nterms; i++) {
        free(plan->terms[i].term);
        free(plan->terms[i].folded);
    }
    free(plan->terms);
    free(plan->doc_id);
    free(plan->article);
    free(plan->clause);
    free(plan->point);
    free(plan->missing);
    free(plan);
}

int ls_plan_term_matches(const ls_plan *plan, const ls_qterm *t, const ls_token *tok)
{
    if (plan->any_marks) return strcmp(t->term, tok->term) == 0;
    return strcmp(t->folded, tok->folded ? tok->folded : tok->term) == 0;
}

uint32_t ls_plan_term_key(const ls_plan *plan, const ls_qterm *t)
{
    const char *s = plan->any_marks ? t->term : t->folded;
    return ls_hash32(s, strlen(s));
}

uint32_t ls_plan_word_key(const ls_plan *plan, const uint32_t keys[2])
{
    return keys[plan->any_marks ? 0 : 1];
}

int ls_plan_is_pair(const ls_plan *plan, size_t i)
{
    if (i + 1 >= plan->nterms) return 0;
    const ls_qterm *t = &plan->terms[i], *next = &plan->terms[i + 1];
    return !t->filler && !next->filler && t->kind == LS_TOKEN_WORD &&
           next->kind == LS_TOKEN_WORD && next->position == t->position + 1;
}
