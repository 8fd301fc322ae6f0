/* letters.c — builds the letter table of letters_internal.h from ICU's case folding
 * and canonical decompositions, once per process; spells a Vietnamese vowel
 * with its marks from it (ls_vowel_utf8, analyser.h). */
#include "letters_internal.h"
#include "analyser.h"
#include "../common/utf8.h"

#include <pthread.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static ls_letter table[LS_LETTERS_LIMIT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Vietnamese vowels (lower, untoned) for tone composition */
static const uint16_t vowels[] = {'a', 0x103, 0xE2, 'e', 0xEA, 'i', 'o', 0xF4, 0x1A1, 'u', 0x1B0, 'y'};
#define NVOWELS (sizeof vowels / sizeof vowels[0])
static uint16_t toned[NVOWELS][6];

static int tone_of_mark(UChar m)
{
    switch (m) {
    case 0x300: return LS_TONE_GRAVE;
    case 0x301: return LS_TONE_ACUTE;
    case 0x309: return LS_TONE_HOOK;
    case 0x303: return LS_TONE_TILDE;
    case 0x323: return LS_TONE_DOT;
    default: return LS_TONE_NONE;
    }
}

static const UChar tone_marks[6] = {0, 0x300, 0x301, 0x309, 0x303, 0x323};

/* NFC of a short UTF-16 string; returns its single code unit or 0. */
static uint16_t compose(const UNormalizer2 *nfc, const UChar *s, int32_t n)
{
    UChar out[8];
    UErrorCode st = U_ZERO_ERROR;
    int32_t m = unorm2_normalize(nfc, s, n, out, 8, &st);
    return U_SUCCESS(st) && m == 1 ? out[0] : 0;
}

/* Does ICU's full case folding of cp differ from the one code point lower? */
static int full_fold_differs(uint32_t cp, UChar32 lower)
{
    UChar src[1] = {(UChar)cp}, out[8];
    UErrorCode st = U_ZERO_ERROR;
    int32_t n = u_strFoldCase(out, 8, src, 1, U_FOLD_CASE_DEFAULT, &st);
    return U_FAILURE(st) || n != 1 || out[0] != lower || (UChar32)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT) != lower;
}

static void build(void)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    for (uint32_t cp = 0; cp < LS_LETTERS_LIMIT; cp++) {
        ls_letter *l = &table[cp];
        UChar32 lower = u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
        if (lower >= LS_LETTERS_LIMIT || lower < 0) lower = (UChar32)cp;
        l->lower = l->base = l->untoned = (uint16_t)lower;
        if (u_getCombiningClass((UChar32)cp) > 0 || (cp >= 0x300 && cp < 0x370))
            l->flags |= LS_LETTER_COMBINING;
        if (u_isalpha((UChar32)cp)) l->flags |= LS_LETTER_ALPHA;
        if (full_fold_differs(cp, lower)) l->flags |= LS_LETTER_SLOW;
        if (lower == 0x111) { /* đ: no decomposition; fold by hand */
            l->base = 'd';
            l->flags |= LS_LETTER_MARKED;
            continue;
        }
        if (!nfd || !nfc) continue;
        UChar dec[16], src[2] = {(UChar)lower, 0};
        st = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfd, src, 1, dec, 16, &st);
        if (U_FAILURE(st) || n <= 1) continue;
        l->base = dec[0];
        l->flags |= LS_LETTER_MARKED;
        UChar keep[16];
        int32_t k = 0;
        for (int32_t i = 0; i < n; i++) {
            int t = i ? tone_of_mark(dec[i]) : 0;
            if (t) l->tone = (uint8_t)t;
            else keep[k++] = dec[i];
        }
        uint16_t u = compose(nfc, keep, k);
        if (u) l->untoned = u;
    }
    for (size_t v = 0; v < NVOWELS; v++) {
        toned[v][0] = vowels[v];
        for (int t = 1; t < 6; t++) {
            UChar s[4];
            int32_t n = 0;
            UChar dec[8], src[1] = {vowels[v]};
            st = U_ZERO_ERROR;
            int32_t m = unorm2_normalize(nfd, src, 1, dec, 8, &st);
            for (int32_t i = 0; i < m && n < 3; i++) s[n++] = dec[i];
            s[n++] = tone_marks[t];
            toned[v][t] = compose(nfc, s, n);
        }
    }
}

const ls_letter *ls_letters(void)
{
    pthread_once(&once, build);
    return table;
}

uint32_t ls_letter_with_tone(uint32_t untoned, int tone)
{
    pthread_once(&once, build);
    if (tone < 0 || tone > 5) return 0;
    for (size_t v = 0; v < NVOWELS; v++)
        if (vowels[v] == untoned) return toned[v][tone];
    return 0;
}

size_t ls_vowel_utf8(char v, int mark, int tone, char *out)
{
    uint32_t untoned = 0;
    switch (mark) {
    case LS_VOWEL_PLAIN:
        if (v && strchr("aeiouy", v)) untoned = (unsigned char)v;
        break;
    case LS_VOWEL_BREVE: untoned = v == 'a' ? 0x103 : 0; break;
    case LS_VOWEL_CIRCUMFLEX: untoned = v == 'a' ? 0xE2 : v == 'e' ? 0xEA : v == 'o' ? 0xF4 : 0; break;
    case LS_VOWEL_HORN: untoned = v == 'o' ? 0x1A1 : v == 'u' ? 0x1B0 : 0; break;
    default: break;
    }
    uint32_t cp = untoned ? ls_letter_with_tone(untoned, tone) : 0;
    return cp ? ls_utf8_encode(cp, out) : 0;
}
