/* aliases.c — the other names and acronyms an article gives (mined from
 * its text: ls_aliases_each), written into the synonym store
 * (ls_alias_entries, ls_aliases_install; aliases.h). */
#include "aliases.h"

#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "../xapian/xc_error.h"
#include "definitions.h"
#include "synonyms.h"

#define ACRONYM_MIN 3 /* letters: "CA", "TT", "BT" name different things in different texts */
#define ACRONYM_MAX 8

typedef struct alias_ctx {
    ls_alias_fn fn;
    void *ctx;
    int stop; /* fn's non-zero result */
} alias_ctx;

/* The alternatives of an other name: "chất dẫn, chất mang", "dị tật bẩm
 * sinh hay bất thường bẩm sinh". Returns the length of the first one in
 * s[0..len) and *next the offset of the rest (len when none). */
static size_t first_alternative(const char *s, size_t len, size_t *next)
{
    static const char *const seps[] = {", ", " hay ", " hoặc "};
    size_t best = len, skip = 0;
    for (size_t m = 0; m < sizeof seps / sizeof *seps; m++) {
        size_t k = strlen(seps[m]);
        for (size_t i = 0; i + k <= len && i < best; i++)
            if (memcmp(s + i, seps[m], k) == 0) {
                best = i;
                skip = k;
                break;
            }
    }
    *next = best < len ? best + skip : len;
    return best;
}

static int on_other_name(void *vctx, const char *phrase, size_t len, const char *other,
                         size_t other_len)
{
    alias_ctx *c = vctx;
    size_t next = 0;
    while (!c->stop && other_len > 0) {
        size_t n = first_alternative(other, other_len, &next);
        if (n > 0) {
            c->stop = c->fn(c->ctx, phrase, len, other, n);
            if (!c->stop) c->stop = c->fn(c->ctx, other, n, phrase, len);
        }
        other += next;
        other_len -= next;
    }
    return c->stop;
}

/* Letters of an acronym at s[0..len) up to ')': ACRONYM_MIN..ACRONYM_MAX
 * capitals (A-Z, Đ) closing the parenthesis; 0 otherwise. */
static size_t acronym_letters(const char *s, size_t len, size_t *bytes)
{
    size_t i = 0, letters = 0;
    while (i < len && s[i] != ')') {
        if (s[i] >= 'A' && s[i] <= 'Z') i++;
        else if (i + 1 < len && (unsigned char)s[i] == 0xC4 && (unsigned char)s[i + 1] == 0x90)
            i += 2; /* Đ */
        else return 0;
        if (++letters > ACRONYM_MAX) return 0;
    }
    *bytes = i;
    return i < len && letters >= ACRONYM_MIN ? letters : 0;
}

/* 1 when folded (lower-case a-z) could be a Vietnamese syllable: onset,
 * one to three vowels, coda ("tan", "hoa", "nghiêng" folded). Such a key
 * would expand the everyday word a question types. */
static int syllable_like(const char *folded)
{
    static const char *const onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph",
                                         "qu", "th", "tr"};
    static const char *const codas[] = {"ng", "nh", "ch"};
    const char *p = folded;
    for (size_t k = 0; k < sizeof onsets / sizeof *onsets; k++)
        if (strncmp(p, onsets[k], strlen(onsets[k])) == 0) {
            p += strlen(onsets[k]);
            break;
        }
    if (p == folded && *p && !strchr("aeiouy", *p)) p++; /* one consonant */
    size_t vowels = 0;
    while (*p && strchr("aeiouy", *p)) p++, vowels++;
    if (vowels < 1 || vowels > 3) return 0;
    for (size_t k = 0; k < sizeof codas / sizeof *codas; k++)
        if (strcmp(p, codas[k]) == 0) return 1;
    return *p == '\0' || (p[1] == '\0' && strchr("cmnptiouy", *p));
}

/* 1 when the folded words of phrase are `letters` words of a-z whose
 * initials are the folded acronym. */
static int spells(const char *folded_phrase, const char *folded_acronym, size_t letters)
{
    size_t words = 0;
    for (const char *p = folded_phrase; *p;) {
        if (*p < 'a' || *p > 'z' || words >= letters || *p != folded_acronym[words]) return 0;
        words++;
        while (*p >= 'a' && *p <= 'z') p++;
        if (*p == ' ') p++;
        else if (*p) return 0;
    }
    return words == letters;
}

/* "words (ACR)" or "words (sau đây gọi tắt là ACR)" at text[open] == '(':
 * ACR -> the words, when their initials spell it. */
static int acronym_at(alias_ctx *c, const char *text, size_t len, size_t open)
{
    static const char *const intros[] = {"sau đây gọi tắt là ", "sau đây viết tắt là ",
                                          "sau đây gọi là ", "gọi tắt là ", "viết tắt là "};
    size_t at = open + 1;
    for (size_t m = 0; m < sizeof intros / sizeof *intros; m++) {
        size_t k = strlen(intros[m]);
        if (at + k <= len && memcmp(text + at, intros[m], k) == 0) {
            at += k;
            break;
        }
    }
    size_t bytes = 0, letters = acronym_letters(text + at, len - at, &bytes);
    if (!letters || open < 2 || text[open - 1] != ' ') return 0;
    /* the `letters` words before " (" */
    size_t end = open - 1, start = end, words = 0;
    while (start > 0 && words < letters) {
        size_t w = start;
        while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') w--;
        if (w == start) break;
        words++;
        start = w;
        if (words < letters) {
            if (start == 0 || text[start - 1] != ' ') break;
            start--;
        }
    }
    if (words != letters) return 0;
    char *norm = NULL, *folded = NULL, *acr = NULL, *acr_folded = NULL;
    ls_error ignored = {0}; /* a span that does not normalise is no alias */
    int ok = ls_normalize_term(text + start, end - start, &norm, &folded, &ignored) == LS_OK &&
             ls_normalize_term(text + at, bytes, &acr, &acr_folded, &ignored) == LS_OK &&
             spells(folded, acr_folded, letters) && !syllable_like(acr_folded);
    free(norm);
    free(folded);
    free(acr);
    free(acr_folded);
    return ok ? c->fn(c->ctx, text + at, bytes, text + start, end - start) : 0;
}

int ls_aliases_each(const ls_article *a, ls_alias_fn fn, void *ctx)
{
    alias_ctx c = {.fn = fn, .ctx = ctx};
    ls_definitions_other_names(a, on_other_name, &c);
    if (c.stop || !a->text) return c.stop;
    const char *p = a->text, *end = a->text + a->text_len;
    while (!c.stop && (p = memchr(p, '(', (size_t)(end - p)))) {
        c.stop = acronym_at(&c, a->text, a->text_len, (size_t)(p - a->text));
        p++;
    }
    return c.stop;
}

typedef struct entries_ctx {
    ls_synonym_entry_fn fn;
    void *ctx;
    ls_error *err;
    ls_rc rc;
} entries_ctx;

static int on_alias(void *vctx, const char *key, size_t key_len, const char *expansion,
                    size_t expansion_len)
{
    entries_ctx *c = vctx;
    ls_error one = {0};
    c->rc = ls_synonym_entries(key, key_len, expansion, expansion_len, 1, c->fn, c->ctx, &one);
    if (ls_rc_is_bad_input(c->rc)) c->rc = LS_OK; /* a span that does not normalise: none */
    if (c->rc) ls_error_set(c->err, c->rc, "%s", one.msg);
    return c->rc != LS_OK;
}

ls_rc ls_alias_entries(const ls_article *a, ls_synonym_entry_fn fn, void *ctx, ls_error *err)
{
    entries_ctx c = {.fn = fn, .ctx = ctx, .err = err};
    ls_aliases_each(a, on_alias, &c);
    return c.rc;
}

static ls_rc add_entry(void *wdb, const char *term, const char *expansion, ls_error *err)
{
    xc_err xe;
    if (xc_wdb_add_synonym(wdb, term, expansion, &xe))
        return ls_error_set(err, ls_rc_of_xc(xe.rc), "writing synonym %s: %s", term, xe.msg);
    return LS_OK;
}

ls_rc ls_aliases_install(xc_wdb *wdb, const ls_article *a, ls_error *err)
{
    return ls_alias_entries(a, add_entry, wdb, err);
}
