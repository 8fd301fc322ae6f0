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

/* Append the terms of phrase (one expansion) to plan at *next_base, then
 * move *next_base past them. */
static ls_rc append_phrase(ls_plan *plan, const char *phrase, unsigned *next_base, ls_error *err)
{
    append_ctx a = {.plan = plan, .base = *next_base};
    ls_rc rc = ls_tokenize(phrase, strlen(phrase), LS_TOKENIZE_QUERY, append_token, &a, err);
    if (!rc && a.rc) rc = ls_error_set(err, a.rc, "expanding synonyms: %s", ls_strerror(a.rc));
    *next_base += 100;
    return rc;
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
        if (!rc && f.phrase[i]) rc = append_phrase(plan, f.phrase[i], next_base, err);
        free(f.phrase[i]);
    }
    return rc;
}

/* The key of term i as the synonym store is looked up: the exact form when
 * the question has diacritics, the folded one otherwise. */
static const char *key_of(const ls_plan *plan, size_t i)
{
    return plan->any_marks ? plan->terms[i].term : plan->terms[i].folded;
}

/* 1 when terms i .. i+n-1 (all within the question's own `original`
 * terms) are words at consecutive positions. */
static int adjacent_words(const ls_plan *plan, size_t original, size_t i, size_t n)
{
    if (i + n > original) return 0;
    for (size_t k = i; k < i + n; k++) {
        if (plan->terms[k].kind != LS_TOKEN_WORD) return 0;
        if (k > i && plan->terms[k].position != plan->terms[k - 1].position + 1) return 0;
    }
    return 1;
}

/* "rút đơn tố cáo" -> "rút tố cáo": a citizen names the paper ("đơn"), the
 * law the act (Rút tố cáo, rút khiếu nại, rút kháng cáo, rút yêu cầu).
 * When "đơn" stands between a content word and one of these act nouns,
 * the phrase without it is appended, so its pair ("rút_tố") is searched
 * too. Folded forms, so questions without diacritics read the same;
 * "nguyên đơn", "bị đơn", "hóa đơn", "thực đơn" are words of their own. */
static const char *const act_nouns[] = {
    "to cao", "khieu nai", "khang cao", "khang nghi", "khoi kien", "kien nghi",
    "yeu cau", "de nghi", "to giac",
};
static const char *const own_words_before_don[] = {"nguyen", "bi", "hoa", "thuc"};

static int folded_is(const ls_plan *plan, size_t i, const char *folded)
{
    return strcmp(plan->terms[i].folded, folded) == 0;
}

static ls_rc drop_paper_word(ls_plan *plan, size_t original, size_t i, unsigned *base,
                             ls_error *err)
{
    if (i == 0 || !adjacent_words(plan, original, i - 1, 4) || !folded_is(plan, i, "don") ||
        plan->terms[i - 1].filler)
        return LS_OK;
    for (size_t k = 0; k < sizeof own_words_before_don / sizeof *own_words_before_don; k++)
        if (folded_is(plan, i - 1, own_words_before_don[k])) return LS_OK;
    char act[256];
    snprintf(act, sizeof act, "%s %s", plan->terms[i + 1].folded, plan->terms[i + 2].folded);
    for (size_t k = 0; k < sizeof act_nouns / sizeof *act_nouns; k++) {
        if (strcmp(act, act_nouns[k]) != 0) continue;
        char phrase[768];
        snprintf(phrase, sizeof phrase, "%s %s %s", key_of(plan, i - 1), key_of(plan, i + 1),
                 key_of(plan, i + 2));
        return append_phrase(plan, phrase, base, err);
    }
    return LS_OK;
}

ls_rc ls_plan_expand(ls_plan *plan, xc_db *db, ls_error *err)
{
    size_t original = plan->nterms;
    unsigned base = EXPANSION_POSITION;
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < original && !rc; i++) {
        if (plan->terms[i].filler || plan->terms[i].kind != LS_TOKEN_WORD) continue;
        /* the term alone, then with the next one, two, three words (terms
         * may move as expansions are appended: keys are re-read each time) */
        char key[1024] = "";
        for (size_t n = 1; n <= LS_EXPAND_MAX_KEY_WORDS && !rc; n++) {
            if (!adjacent_words(plan, original, i, n)) break;
            size_t used = strlen(key);
            snprintf(key + used, sizeof key - used, "%s%s", n > 1 ? " " : "",
                     key_of(plan, i + n - 1));
            rc = lookup(plan, db, key, &base, err);
        }
        if (!rc) rc = drop_paper_word(plan, original, i, &base, err);
    }
    return rc;
}
