/* folded_words.c — a text as its accent-folded words joined by single
 * spaces ("Luật Phòng, chống ma túy" -> "luat phong chong ma tuy"): the key
 * under which a name is stored and looked up, whatever the punctuation,
 * case and diacritics it was written or typed with. */
#include "analyser.h"

#include <string.h>

typedef struct words_ctx {
    char *out;
    size_t cap, len;
    int overflow;
} words_ctx;

static int append_word(void *ctx, const ls_token *tok)
{
    words_ctx *w = ctx;
    if (tok->kind != LS_TOKEN_WORD) return 0;
    const char *f = tok->folded ? tok->folded : tok->term;
    size_t n = tok->folded ? tok->folded_len : tok->term_len;
    size_t need = n + (w->len ? 1 : 0);
    if (w->len + need + 1 > w->cap) {
        w->overflow = 1;
        return 1;
    }
    if (w->len) w->out[w->len++] = ' ';
    memcpy(w->out + w->len, f, n);
    w->len += n;
    w->out[w->len] = '\0';
    return 0;
}

ls_rc ls_folded_words(const char *text, size_t len, char *out, size_t cap, ls_error *err)
{
    if (cap == 0) return ls_error_set(err, LS_ERR_ARG, "ls_folded_words: no room");
    out[0] = '\0';
    words_ctx w = {.out = out, .cap = cap};
    ls_rc rc = ls_tokenize(text, len, LS_TOKENIZE_DOCUMENT, append_word, &w, err);
    if (rc) return rc;
    if (w.overflow) return ls_error_set(err, LS_ERR_LIMIT, "name too long: %.40s", text);
    return LS_OK;
}
