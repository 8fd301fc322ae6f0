/* normalize.c — one word to its term and folded twin (normalize_internal.h), and the
 * public ls_normalize_term.
 *
 * Steps: NFC and full case folding, then the tone-placement rule (old
 * "hoà, thuỷ, khoẻ" and new "hòa, thủy, khỏe" both become the new style:
 * the tone goes on the first vowel of an oa/oe/uy ending the syllable, never
 * after q), then the twin drops every mark and maps đ -> d.
 *
 * Speed: ASCII-only words are lowered byte by byte; words of precomposed
 * Latin/Vietnamese letters use the letter table (letters_internal.h); ICU is called
 * only for combining marks (input not NFC), letters past the table and the
 * few letters whose full case folding is not one code point. */
#include "normalize_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "analyser.h"
#include "letters_internal.h"
#include "../common/utf8.h"

/* Make *p hold at least `want` elements of `elem` bytes. */
static int grow(void **p, size_t *cap, size_t want, size_t elem)
{
    if (want <= *cap) return 0;
    size_t n = *cap ? *cap : 64;
    while (n < want) {
        if (n > ((size_t)-1) / 4 / elem) return -1;
        n *= 2;
    }
    void *q = realloc(*p, n * elem);
    if (!q) return -1;
    *p = q;
    *cap = n;
    return 0;
}

static int reserve_out(ls_norm_scratch *sc, size_t bytes)
{
    return grow((void **)&sc->term, &sc->term_cap, bytes + 1, 1) ||
           grow((void **)&sc->folded, &sc->folded_cap, bytes + 1, 1);
}

/* One ICU step from sc->u16[0..*len) into sc->u16b, which then become
 * swapped: NFC (fold = 0) or full case folding (fold = 1). Grows the output
 * and retries when ICU says it did not fit. */
static ls_rc icu_step(ls_norm_scratch *sc, int fold, int32_t *len)
{
    for (;;) {
        UErrorCode st = U_ZERO_ERROR;
        const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
        if (U_FAILURE(st)) return LS_ERR_INTERNAL;
        if (!fold && unorm2_isNormalized(nfc, (UChar *)sc->u16, *len, &st)) return LS_OK;
        int32_t cap = sc->u16b_cap > INT32_MAX ? INT32_MAX : (int32_t)sc->u16b_cap;
        int32_t m = fold ? u_strFoldCase((UChar *)sc->u16b, cap, (UChar *)sc->u16, *len,
                                         U_FOLD_CASE_DEFAULT, &st)
                         : unorm2_normalize(nfc, (UChar *)sc->u16, *len, (UChar *)sc->u16b, cap, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR && m > cap) {
            if (grow((void **)&sc->u16b, &sc->u16b_cap, (size_t)m + 1, sizeof *sc->u16b))
                return LS_ERR_NOMEM;
            continue;
        }
        if (U_FAILURE(st)) return LS_ERR_INTERNAL;
        uint16_t *t = sc->u16;
        size_t c = sc->u16_cap;
        sc->u16 = sc->u16b;
        sc->u16_cap = sc->u16b_cap;
        sc->u16b = t;
        sc->u16b_cap = c;
        *len = m;
        return LS_OK;
    }
}

/* The ICU path: sc->cps[0..*n) to NFC, full case folding, NFC again (a fold
 * may leave a sequence that composes). */
static ls_rc icu_fold(ls_norm_scratch *sc, size_t *n)
{
    size_t units = *n * 2 + 1;
    if (units > INT32_MAX / 4) return LS_ERR_LIMIT;
    if (grow((void **)&sc->u16, &sc->u16_cap, units, sizeof *sc->u16) ||
        grow((void **)&sc->u16b, &sc->u16b_cap, units * 2, sizeof *sc->u16b))
        return LS_ERR_NOMEM;
    int32_t len = 0;
    for (size_t i = 0; i < *n; i++) U16_APPEND_UNSAFE(sc->u16, len, sc->cps[i]);
    ls_rc rc = icu_step(sc, 0, &len);
    if (!rc) rc = icu_step(sc, 1, &len);
    if (!rc) rc = icu_step(sc, 0, &len);
    if (rc) return rc;
    /* the fold may be longer than the input: make room for the code points */
    if (grow((void **)&sc->cps, &sc->cps_cap, (size_t)len + 1, sizeof *sc->cps)) return LS_ERR_NOMEM;
    size_t k = 0;
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U16_NEXT_UNSAFE(sc->u16, i, c);
        sc->cps[k++] = (uint32_t)c;
    }
    *n = k;
    return LS_OK;
}

static int is_letter(const ls_letter *tab, uint32_t cp)
{
    if (cp < LS_LETTERS_LIMIT) return (tab[cp].flags & LS_LETTER_ALPHA) != 0;
    return u_isalpha((UChar32)cp);
}

/* Move the tone of a syllable-final oa/oe/uy to its first vowel (cps are
 * already case-folded). */
static void place_tones(const ls_letter *tab, uint32_t *cps, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t v1 = cps[i - 1], v2 = cps[i];
        if (v1 >= LS_LETTERS_LIMIT || v2 >= LS_LETTERS_LIMIT) continue;
        int t2 = tab[v2].tone;
        if (!t2 || tab[v1].tone) continue;
        if (i + 1 < n && is_letter(tab, cps[i + 1])) continue; /* not syllable-final */
        uint32_t u1 = tab[v1].untoned, u2 = tab[v2].untoned;
        int pattern = (u1 == 'o' && (u2 == 'a' || u2 == 'e')) || (u1 == 'u' && u2 == 'y');
        if (!pattern) continue;
        if (u1 == 'u' && i >= 2 && cps[i - 2] == 'q') continue; /* "quý": u belongs to qu */
        uint32_t moved = ls_letter_with_tone(u1, t2);
        if (!moved) continue;
        cps[i - 1] = moved;
        cps[i] = u2;
    }
}

/* ASCII-only word: lower it; the twin is the same. */
static ls_rc run_ascii(ls_norm_scratch *sc, const char *s, size_t len)
{
    if (reserve_out(sc, len)) return LS_ERR_NOMEM;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        sc->term[i] = (char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
    }
    sc->term[len] = '\0';
    sc->term_len = len;
    memcpy(sc->folded, sc->term, len + 1);
    sc->folded_len = len;
    sc->same = 1;
    return LS_OK;
}

/* Write the code points as the term and the twin (marks dropped, đ -> d). */
static ls_rc encode(ls_norm_scratch *sc, const ls_letter *tab, size_t n)
{
    if (reserve_out(sc, n * 4)) return LS_ERR_NOMEM;
    char *t = sc->term, *f = sc->folded;
    int same = 1;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = sc->cps[i];
        t += ls_utf8_encode(cp, t);
        if (cp < LS_LETTERS_LIMIT) {
            const ls_letter *l = &tab[cp];
            if (l->flags & LS_LETTER_COMBINING) {
                same = 0;
                continue;
            }
            if (l->base != cp) same = 0;
            cp = l->base;
        }
        f += ls_utf8_encode(cp, f);
    }
    *t = '\0';
    *f = '\0';
    sc->term_len = (size_t)(t - sc->term);
    sc->folded_len = (size_t)(f - sc->folded);
    sc->same = same;
    return LS_OK;
}

ls_rc ls_norm_run(ls_norm_scratch *sc, const char *s, size_t len, int *has_marks)
{
    unsigned char any = 0;
    for (size_t i = 0; i < len; i++) any |= (unsigned char)s[i];
    *has_marks = 0;
    if (any < 0x80) return run_ascii(sc, s, len);

    const ls_letter *tab = ls_letters();
    if (grow((void **)&sc->cps, &sc->cps_cap, len + 1, sizeof *sc->cps)) return LS_ERR_NOMEM;
    size_t n = 0;
    int icu = 0, marks = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = ls_utf8_decode(s, len, i, &cp);
        if (!k) return LS_ERR_UTF8;
        i += k;
        if (cp >= 0x80) {
            if (cp < LS_LETTERS_LIMIT) {
                unsigned f = tab[cp].flags;
                marks |= f & (LS_LETTER_MARKED | LS_LETTER_COMBINING);
                icu |= f & (LS_LETTER_COMBINING | LS_LETTER_SLOW);
            } else {
                icu = 1;
                if (u_getCombiningClass((UChar32)cp) > 0) marks = 1;
            }
        }
        sc->cps[n++] = cp;
    }
    *has_marks = marks != 0;
    if (icu) {
        ls_rc rc = icu_fold(sc, &n);
        if (rc) return rc;
    } else {
        for (size_t i = 0; i < n; i++) sc->cps[i] = tab[sc->cps[i]].lower;
    }
    place_tones(tab, sc->cps, n);
    return encode(sc, tab, n);
}

int ls_norm_has_marks(const char *s, size_t len)
{
    const ls_letter *tab = NULL;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = ls_utf8_decode(s, len, i, &cp);
        if (!k) return 0;
        i += k;
        if (cp >= LS_LETTERS_LIMIT) {
            if (u_getCombiningClass((UChar32)cp) > 0) return 1;
            continue;
        }
        if (!tab) tab = ls_letters();
        if (tab[cp].flags & (LS_LETTER_MARKED | LS_LETTER_COMBINING)) return 1;
    }
    return 0;
}

void ls_norm_scratch_free(ls_norm_scratch *sc)
{
    free(sc->cps);
    free(sc->u16);
    free(sc->u16b);
    free(sc->term);
    free(sc->folded);
    memset(sc, 0, sizeof *sc);
}

ls_rc ls_normalize_term(const char *s, size_t len, char **out, char **folded_out, ls_error *err)
{
    if (out) *out = NULL;
    if (folded_out) *folded_out = NULL;
    if (!out || (!s && len)) return ls_error_set(err, LS_ERR_ARG, "NULL argument");
    ls_norm_scratch sc = {0};
    int marks;
    ls_rc rc = ls_norm_run(&sc, len ? s : "", len, &marks);
    if (rc == LS_ERR_UTF8) {
        size_t bad = 0;
        ls_utf8_valid(s, len, &bad);
        ls_error_set(err, rc, "invalid UTF-8 at byte %zu", bad);
    } else if (rc) {
        ls_error_set(err, rc, "normalising: %s", ls_strerror(rc));
    } else {
        *out = strdup(sc.term);
        if (folded_out) *folded_out = strdup(sc.folded);
        if (!*out || (folded_out && !*folded_out)) {
            free(*out);
            *out = NULL;
            if (folded_out) {
                free(*folded_out);
                *folded_out = NULL;
            }
            rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        }
    }
    ls_norm_scratch_free(&sc);
    return rc;
}
