/* termgen.c — field text to postings: term + folded twin at the same
 * position, adjacent pairs and their folded form (written for every pair,
 * so a question without diacritics reads one posting list per pair), and
 * the prefixed terms and pairs of the heading and definition fields
 * (schema.h). */
#include "termgen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "../format/schema.h"
#include "../format/values.h"

#define TERM_MAX 240 /* Xapian's term limit is 245 bytes */

typedef struct gen_state {
    ls_termgen *tg;
    int body;                     /* add the positional body postings */
    const ls_field_prefixes *field;  /* extra prefixed terms, or NULL */
    unsigned field_wdf;
    char prev[TERM_MAX];        /* previous word term, "" if none */
    char prev_folded[TERM_MAX]; /* its folded form */
    unsigned last_position;
    ls_error *err;
    ls_rc rc;
} gen_state;

/* Post prefix + a + (when b) "_" + b: the term at pos (0: positionless),
 * wdf. A term too long for Xapian is skipped. Built with memcpy: this runs
 * about four times per token. */
static int add_parts(gen_state *st, const char *prefix, const char *a, size_t alen,
                     const char *b, size_t blen, unsigned pos, unsigned wdf)
{
    char buf[TERM_MAX + 8];
    size_t plen = strlen(prefix), body = alen + (b ? 1 + blen : 0), n = plen + body;
    if (alen == 0 || n >= sizeof buf || (b && body >= TERM_MAX))
        return 0; /* too long for Xapian: skip */
    memcpy(buf, prefix, plen);
    memcpy(buf + plen, a, alen);
    if (b) {
        buf[plen + alen] = '_';
        memcpy(buf + plen + alen + 1, b, blen);
    }
    buf[n] = '\0';
    xc_err xe;
    xc_rc rc = pos ? xc_doc_add_posting(st->tg->doc, buf, pos, wdf, &xe)
                   : xc_doc_add_term(st->tg->doc, buf, wdf, &xe);
    if (rc) {
        st->rc = ls_error_set(st->err, LS_ERR_INDEX, "indexing term: %s", xe.msg);
        return 1;
    }
    return 0;
}

static int add(gen_state *st, const char *prefix, const char *term, size_t len,
               unsigned pos, unsigned wdf)
{
    return add_parts(st, prefix, term, len, NULL, 0, pos, wdf);
}

/* The pair a_b (a NUL-terminated, the previous word). */
static int add_pair(gen_state *st, const char *prefix, const char *a, const char *b,
                    size_t blen, unsigned wdf)
{
    return add_parts(st, prefix, a, strlen(a), b, blen, 0, wdf);
}

/* A term and its pair with the previous word, under the prefixes of a
 * field (positionless, wdf each): the kinds the field indexes; the wdf of
 * the others is counted in unstored_wdf (schema.h XLEN). */
static int add_field_terms(gen_state *st, const ls_field_prefixes *f, unsigned wdf,
                           const ls_token *tok, const char *folded, size_t folded_len,
                           int pair_with_prev)
{
    unsigned skipped = 0;
    if (!(f->indexed & LS_INDEXED_TERM)) skipped += wdf;
    else if (add(st, f->term, tok->term, tok->term_len, 0, wdf)) return 1;
    if (tok->folded) {
        if (!(f->indexed & LS_INDEXED_FOLDED)) skipped += wdf;
        else if (add(st, f->folded, tok->folded, tok->folded_len, 0, wdf)) return 1;
    }
    if (pair_with_prev) {
        if (!(f->indexed & LS_INDEXED_PAIR)) skipped += wdf;
        else if (add_pair(st, f->pair, st->prev, tok->term, tok->term_len, wdf)) return 1;
        if (!(f->indexed & LS_INDEXED_FOLDED_PAIR)) skipped += wdf;
        else if (add_pair(st, f->folded_pair, st->prev_folded, folded, folded_len, wdf))
            return 1;
    }
    st->tg->unstored_wdf += skipped;
    return 0;
}

static int on_token(void *ctx, const ls_token *tok)
{
    gen_state *st = ctx;
    unsigned pos = LS_STORE_POSITIONS ? st->tg->next_pos + tok->position : 0;
    st->last_position = tok->position;
    const char *folded = tok->folded ? tok->folded : tok->term;
    size_t folded_len = tok->folded ? tok->folded_len : tok->term_len;
    int is_word = tok->kind == LS_TOKEN_WORD;
    int pair_with_prev = is_word && st->prev[0];
    if (st->body && st->tg->cover) ls_cover_builder_add(st->tg->cover, tok);
    if (st->body) {
        if (add(st, "", tok->term, tok->term_len, pos, 1)) return 1;
        if (tok->folded && add(st, LS_PREFIX_FOLDED, tok->folded, tok->folded_len, pos, 1))
            return 1;
        if (pair_with_prev) {
            if (add_pair(st, LS_PREFIX_PAIR, st->prev, tok->term, tok->term_len, 1)) return 1;
            if (add_pair(st, LS_PREFIX_PAIR_FOLDED, st->prev_folded, folded, folded_len, 1))
                return 1;
        }
    }
    if (st->field && add_field_terms(st, st->field, st->field_wdf, tok, folded, folded_len,
                                     pair_with_prev))
        return 1;
    if (is_word && tok->term_len < TERM_MAX && folded_len < TERM_MAX) {
        memcpy(st->prev, tok->term, tok->term_len + 1);
        memcpy(st->prev_folded, folded, folded_len);
        st->prev_folded[folded_len] = '\0';
    } else {
        st->prev[0] = '\0';
    }
    return 0;
}

static ls_rc index_field(ls_termgen *tg, const char *text, size_t len, int body,
                         const ls_field_prefixes *field, unsigned field_wdf, ls_error *err)
{
    if (!text || !len) return LS_OK;
    gen_state st = {.tg = tg, .body = body, .field = field, .field_wdf = field_wdf, .err = err};
    ls_rc rc = ls_tokenize(text, len, LS_TOKENIZE_DOCUMENT, on_token, &st, err);
    if (rc) return rc;
    if (st.rc) return st.rc;
    if (body) tg->next_pos += st.last_position + 1 + LS_FIELD_POSITION_GAP;
    return LS_OK;
}

ls_rc ls_termgen_index_text(ls_termgen *tg, const char *text, size_t len,
                            unsigned heading, ls_error *err)
{
    return index_field(tg, text, len, 1, heading ? &ls_heading_field : NULL, heading, err);
}

ls_rc ls_termgen_index_definition(ls_termgen *tg, const char *term, size_t len, ls_error *err)
{
    return index_field(tg, term, len, 0, &ls_definition_field, 1, err);
}

ls_rc ls_termgen_add_length(ls_termgen *tg, ls_error *err)
{
    xc_err xe;
    if (tg->unstored_wdf && xc_doc_add_term(tg->doc, LS_PREFIX_LENGTH, tg->unstored_wdf, &xe))
        return ls_error_set(err, LS_ERR_INDEX, "indexing %s: %s", LS_PREFIX_LENGTH, xe.msg);
    tg->unstored_wdf = 0;
    return LS_OK;
}

ls_rc ls_termgen_add_boolean(xc_doc *doc, const char *prefix, const char *value, int fold,
                             ls_error *err)
{
    char norm[TERM_MAX], term[TERM_MAX + 16];
    ls_rc rc = ls_format_normalise_value(value, fold, norm, sizeof norm, err);
    if (rc) return rc;
    snprintf(term, sizeof term, "%s%s", prefix, norm);
    xc_err xe;
    if (xc_doc_add_term(doc, term, 0, &xe))
        return ls_error_set(err, LS_ERR_INDEX, "indexing %s: %s", prefix, xe.msg);
    return LS_OK;
}
