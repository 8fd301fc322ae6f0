/* fuzz_analyser.c — libFuzzer target: the shared analyser on arbitrary
 * bytes. Valid UTF-8 must tokenize with every token's span inside the input,
 * spans in order, positions increasing, terms non-empty; invalid UTF-8 must
 * be refused with LS_ERR_UTF8 before any token. A word's span normalised
 * alone (ls_normalize_term) must give the token's term and twin. The
 * document-number normaliser and ls_normalize_term run on the same bytes;
 * what they return and every error message is valid UTF-8
 * (fuzz_invariants.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../text/analyser.h"
#include "fuzz_invariants.h"

typedef struct check {
    const char *text;
    size_t len, last_start;
    unsigned next_position;
    size_t n;
} check;

static int on_token(void *ctx, const ls_token *t)
{
    check *c = ctx;
    if (t->start >= t->end || t->end > c->len) abort();
    if (c->n && t->start < c->last_start) abort();
    if (t->position != c->next_position) abort();
    if (!t->term || t->term_len == 0 || strlen(t->term) != t->term_len) abort();
    if (t->folded && strlen(t->folded) != t->folded_len) abort();
    if (t->kind == LS_TOKEN_WORD || t->kind == LS_TOKEN_NUMBER) {
        char *term = NULL, *folded = NULL;
        if (ls_normalize_term(c->text + t->start, t->end - t->start, &term, &folded, NULL)) abort();
        if (strcmp(term, t->term) != 0) abort();
        if (strcmp(folded, t->folded ? t->folded : t->term) != 0) abort();
        free(term);
        free(folded);
    }
    c->last_start = t->start;
    c->next_position++;
    c->n++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    check c = {.text = s, .len = size};
    int valid = ls_utf8_valid(s, size, NULL);
    ls_error err = {0};
    ls_rc rc = ls_tokenize(s, size, LS_TOKENIZE_QUERY, on_token, &c, &err);
    if (valid ? rc != LS_OK : (rc != LS_ERR_UTF8 || c.n != 0)) abort();
    inv_utf8_str(err.msg);
    char *out = NULL, *folded = NULL;
    ls_error_clear(&err);
    if (ls_normalize_term(s, size, &out, &folded, &err) == LS_OK) {
        if (!ls_utf8_valid(out, strlen(out), NULL) || !ls_utf8_valid(folded, strlen(folded), NULL))
            abort();
    }
    free(out);
    free(folded);
    out = NULL;
    inv_utf8_str(err.msg);
    ls_error_clear(&err);
    if (ls_docnum_normalize(s, size, &out, &err) == LS_OK && !ls_utf8_valid(out, strlen(out), NULL))
        abort();
    inv_utf8_str(err.msg);
    free(out);
    return 0;
}
