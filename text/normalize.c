/* normalize.c — NFC (through ICU, only when the input has combining marks),
 * case folding and folding from the letter table, and the tone-placement rule:
 * old "hoà, thuỷ, khoẻ" and new "hòa, thủy, khỏe" both become the new style
 * (tone on the first vowel of oa/oe/uy ending a syllable, never after q). */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "analyser.h"
#include "letters.h"
#include "utf8.h"

static int grow(void **p, size_t *cap, size_t want, size_t elem)
{
    if (want <= *cap) return 0;
    size_t n = *cap ? *cap : 64;
    while (n < want) n *= 2;
    void *q = realloc(*p, n * elem);
    if (!q) return -1;
    *p = q;
    *cap = n;
    return 0;
}

static uint32_t fold_case(const ls_letter *tab, uint32_t cp)
{
    if (cp < LS_LETTERS_LIMIT) return tab[cp].lower;
    UChar32 l = u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
    return l < 0 ? cp : (uint32_t)l;
}

/* Decomposed input: recompose the code points with ICU's NFC. */
static ls_rc to_nfc(ls_norm_scratch *sc, size_t *n)
{
    size_t need = *n * 2 + 1;
    if (grow((void **)&sc->u16, &sc->u16_cap, need * 2, sizeof *sc->u16)) return LS_ERR_NOMEM;
    int32_t len16 = 0;
    UErrorCode st = U_ZERO_ERROR;
    UChar *src = (UChar *)sc->u16, *dst = src + need;
    for (size_t i = 0; i < *n; i++) U16_APPEND_UNSAFE(src, len16, sc->cps[i]);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t m = U_SUCCESS(st) ? unorm2_normalize(nfc, src, len16, dst, (int32_t)need, &st) : 0;
    if (U_FAILURE(st)) return LS_ERR_INTERNAL;
    size_t k = 0;
    for (int32_t i = 0; i < m;) {
        UChar32 c;
        U16_NEXT_UNSAFE(dst, i, c);
        sc->cps[k++] = (uint32_t)c;
    }
    *n = k;
    return LS_OK;
}

static int is_letter(const ls_letter *tab, uint32_t cp)
{
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp < LS_LETTERS_LIMIT && (tab[cp].flags & LS_LETTER_MARKED)) return 1;
    return u_isalpha((UChar32)cp);
}

/* Move the tone of a syllable-final oa/oe/uy to its first vowel. */
static void place_tones(const ls_letter *tab, uint32_t *cps, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint32_t v1 = cps[i - 1], v2 = cps[i];
        if (v1 >= LS_LETTERS_LIMIT || v2 >= LS_LETTERS_LIMIT) continue;
        if (i + 1 < n && is_letter(tab, cps[i + 1])) continue; /* not syllable-final */
        int t2 = tab[v2].tone;
        if (!t2 || tab[v1].tone) continue;
        uint32_t u1 = tab[v1].untoned, u2 = tab[v2].untoned;
        int pattern = (u1 == 'o' && (u2 == 'a' || u2 == 'e')) || (u1 == 'u' && u2 == 'y');
        if (!pattern) continue;
        if (u1 == 'u' && i >= 2 && tab[cps[i - 2] < LS_LETTERS_LIMIT ? cps[i - 2] : 0].base == 'q')
            continue; /* "quý": u belongs to the consonant */
        uint32_t moved = ls_letter_with_tone(u1, t2);
        if (!moved) continue;
        cps[i - 1] = moved;
        cps[i] = u2;
    }
}

static ls_rc encode(ls_buf *b, const uint32_t *cps, size_t n, const ls_letter *tab, int fold)
{
    ls_buf_reset(b);
    char tmp[4];
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = cps[i];
        if (fold && cp < LS_LETTERS_LIMIT) cp = tab[cp].base;
        if (fold && cp < LS_LETTERS_LIMIT && (tab[cp].flags & LS_LETTER_COMBINING)) continue;
        ls_rc rc = cp < 0x80 ? ls_buf_putc(b, (char)cp) : ls_buf_append(b, tmp, ls_utf8_encode(cp, tmp));
        if (rc) return rc;
    }
    if (!b->data) return ls_buf_append(b, "", 0);
    return LS_OK;
}

ls_rc ls_norm_run(ls_norm_scratch *sc, const char *s, size_t len, int *has_marks)
{
    const ls_letter *tab = ls_letters();
    if (grow((void **)&sc->cps, &sc->cps_cap, len + 1, sizeof *sc->cps)) return LS_ERR_NOMEM;
    size_t n = 0;
    int combining = 0;
    *has_marks = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = ls_utf8_decode(s, len, i, &cp);
        if (!k) return LS_ERR_UTF8;
        i += k;
        if (cp >= 0x80) {
            if (cp < LS_LETTERS_LIMIT) {
                combining |= tab[cp].flags & LS_LETTER_COMBINING;
                *has_marks |= (tab[cp].flags & (LS_LETTER_MARKED | LS_LETTER_COMBINING)) != 0;
            } else if (u_getCombiningClass((UChar32)cp) > 0) {
                combining = 1;
            }
        }
        sc->cps[n++] = cp;
    }
    if (combining) {
        ls_rc rc = to_nfc(sc, &n);
        if (rc) return rc;
    }
    for (size_t i = 0; i < n; i++) sc->cps[i] = fold_case(tab, sc->cps[i]);
    place_tones(tab, sc->cps, n);
    ls_rc rc = encode(&sc->term, sc->cps, n, tab, 0);
    if (!rc) rc = encode(&sc->folded, sc->cps, n, tab, 1);
    return rc;
}

void ls_norm_scratch_free(ls_norm_scratch *sc)
{
    free(sc->cps);
    free(sc->u16);
    ls_buf_free(&sc->term);
    ls_buf_free(&sc->folded);
    memset(sc, 0, sizeof *sc);
}

ls_rc ls_normalize_term(const char *s, size_t len, char **out, char **folded_out, ls_error *err)
{
    *out = NULL;
    if (folded_out) *folded_out = NULL;
    ls_norm_scratch sc = {0};
    int marks;
    ls_rc rc = ls_norm_run(&sc, s, len, &marks);
    if (rc == LS_ERR_UTF8) {
        size_t bad = 0;
        ls_utf8_valid(s, len, &bad);
        ls_error_set(err, rc, "invalid UTF-8 at byte %zu", bad);
    } else if (rc) {
        ls_error_set(err, rc, "normalising: %s", ls_strerror(rc));
    } else {
        *out = ls_buf_detach(&sc.term);
        if (folded_out) *folded_out = ls_buf_detach(&sc.folded);
        if (!*out || (folded_out && !*folded_out)) {
            free(*out);
            *out = NULL;
            rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        }
    }
    ls_norm_scratch_free(&sc);
    return rc;
}
