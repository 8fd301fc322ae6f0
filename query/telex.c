/* telex.c — Telex and VNI keystrokes left in a word, read back as the
 * Vietnamese syllable they spell (telex.h).
 *
 * Telex: dd = đ, aa/ee/oo = â/ê/ô, aw/ow/uw (and uow) = ă/ơ/ư, a lone w = ư;
 * the tone keys s f r x j (sắc huyền hỏi ngã nặng) count only after a vowel
 * and before nothing but final consonants, where Vietnamese spelling never
 * puts those letters. VNI: digits after the letters, 1-5 the tones, 6 = â ê
 * ô, 7 = ơ ư, 8 = ă, 9 = đ. The tone goes on each vowel in turn (the
 * analyser's normalisation does not move it out of "iê", "uô"...), and the
 * index decides which spelling exists. */
#include "telex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"

#define LETTERS_MAX 12

#define BREVE "\xcc\x86"
#define CIRCUMFLEX "\xcc\x82"
#define HORN "\xcc\x9b"
/* combining tone marks: none, sắc, huyền, hỏi, ngã, nặng */
static const char *const tone_marks[] = {"", "\xcc\x81", "\xcc\x80", "\xcc\x89", "\xcc\x83",
                                         "\xcc\xa3"};

typedef struct spelled {
    char letter[LETTERS_MAX];
    const char *quality[LETTERS_MAX]; /* a vowel's mark, or NULL */
    size_t n;
    int stroked_d;                    /* the first letter is đ */
    int tone;                         /* index into tone_marks */
    int keys;                         /* keystrokes read (0: a plain word) */
} spelled;

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static int is_final_consonant(char c)
{
    return c == 'c' || c == 'h' || c == 'm' || c == 'n' || c == 'g' || c == 'p' || c == 't';
}

static int telex_tone(char c)
{
    switch (c) {
    case 's': return 1;
    case 'f': return 2;
    case 'r': return 3;
    case 'x': return 4;
    case 'j': return 5;
    default: return 0;
    }
}

static int push(spelled *s, char c)
{
    if (s->n == LETTERS_MAX) return 0;
    s->letter[s->n] = c;
    s->quality[s->n] = NULL;
    s->n++;
    return 1;
}

/* The last vowel among s's letters, or -1. */
static int last_vowel(const spelled *s)
{
    for (size_t i = s->n; i-- > 0;)
        if (is_vowel(s->letter[i])) return (int)i;
    return -1;
}

/* w, 7: the horn on u/o (both of "uo"), the breve on a (Telex), on the
 * last vowel that takes one ("nguoi7" = ngươi). */
static int hook(spelled *s, int telex)
{
    int v = last_vowel(s);
    while (v > 0 && is_vowel(s->letter[v]) && s->letter[v] != 'o' && s->letter[v] != 'u' &&
           s->letter[v] != 'a')
        v--;
    if (v < 0) return 0;
    char c = s->letter[v];
    if (c == 'o' && v > 0 && s->letter[v - 1] == 'u') {
        s->quality[v] = s->quality[v - 1] = HORN;
    } else if (c == 'o' || c == 'u') {
        s->quality[v] = HORN;
    } else if (c == 'a' && telex) {
        s->quality[v] = BREVE;
    } else {
        return 0;
    }
    return 1;
}

static int read_telex(const char *w, spelled *s)
{
    size_t len = strlen(w);
    size_t i = 0;
    if (len >= 2 && w[0] == 'd' && w[1] == 'd') {
        push(s, 'd');
        s->stroked_d = 1;
        s->keys++;
        i = 2;
    }
    for (; i < len; i++) {
        char c = w[i];
        int tone = telex_tone(c);
        if (tone && last_vowel(s) >= 0) {
            /* a tone key only before final consonants (or at the end) */
            for (size_t k = i + 1; k < len; k++)
                if (!is_final_consonant(w[k])) return 0;
            if (s->tone) return 0;
            s->tone = tone;
            s->keys++;
            continue;
        }
        if (c == 'w') {
            if (s->n && is_vowel(s->letter[s->n - 1])) {
                if (!hook(s, 1)) return 0;
            } else { /* a lone w is ư */
                if (!push(s, 'u')) return 0;
                s->quality[s->n - 1] = HORN;
            }
            s->keys++;
            continue;
        }
        if (s->n && s->letter[s->n - 1] == c && !s->quality[s->n - 1] &&
            (c == 'a' || c == 'e' || c == 'o')) {
            s->quality[s->n - 1] = CIRCUMFLEX;
            s->keys++;
            continue;
        }
        if (c < 'a' || c > 'z' || !push(s, c)) return 0;
    }
    return 1;
}

static int read_vni(const char *w, spelled *s)
{
    for (const char *p = w; *p; p++) {
        char c = *p;
        if (c >= 'a' && c <= 'z') {
            if (!push(s, c)) return 0;
            continue;
        }
        if (c < '1' || c > '9' || s->n == 0) return 0;
        s->keys++;
        if (c <= '5') {
            if (s->tone || last_vowel(s) < 0) return 0;
            s->tone = c - '0';
        } else if (c == '6') { /* the last a/e/o */
            size_t v = s->n;
            while (v-- > 0 && s->letter[v] != 'a' && s->letter[v] != 'e' && s->letter[v] != 'o') {}
            if (v == (size_t)-1) return 0;
            s->quality[v] = CIRCUMFLEX;
        } else if (c == '7') {
            if (!hook(s, 0)) return 0;
        } else if (c == '8') {
            int v = last_vowel(s);
            if (v < 0 || s->letter[v] != 'a') return 0;
            s->quality[v] = BREVE;
        } else { /* 9 */
            if (s->letter[0] != 'd') return 0;
            s->stroked_d = 1;
        }
    }
    return 1;
}

/* s spelled with the tone on vowel `at`, normalised, into out. */
static int write_reading(const spelled *s, size_t at, char *out, size_t cap)
{
    char raw[LETTERS_MAX * 8 + 8];
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (i == 0 && s->stroked_d) {
            memcpy(raw + n, "\xc4\x91", 2); /* đ */
            n += 2;
        } else {
            raw[n++] = s->letter[i];
        }
        if (s->quality[i]) {
            memcpy(raw + n, s->quality[i], 2);
            n += 2;
        }
        if (i == at && s->tone) {
            memcpy(raw + n, tone_marks[s->tone], 2);
            n += 2;
        }
    }
    char *norm = NULL;
    if (ls_normalize_term(raw, n, &norm, NULL, NULL) != LS_OK) return 0;
    int ok = strlen(norm) < cap;
    if (ok) memcpy(out, norm, strlen(norm) + 1);
    free(norm);
    return ok;
}

size_t ls_telex_readings(const char *word, char out[][LS_TELEX_SYLLABLE_MAX], size_t max)
{
    spelled s = {0};
    int digits = strpbrk(word, "0123456789") != NULL;
    if (!word[0] || !(digits ? read_vni(word, &s) : read_telex(word, &s)) || !s.keys ||
        last_vowel(&s) < 0)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < s.n && n < max; i++) {
        if (!is_vowel(s.letter[i])) continue;
        if (!s.tone && n) break; /* no tone: one reading */
        if (write_reading(&s, s.tone ? i : (size_t)-1, out[n], LS_TELEX_SYLLABLE_MAX)) n++;
    }
    return n;
}

static unsigned termfreq(xc_db *db, const char *term)
{
    unsigned n = 0;
    xc_err xe;
    return xc_db_termfreq(db, term, &n, &xe) ? 0 : n;
}

unsigned ls_telex_decode(xc_db *db, const char *word, char *out, size_t cap)
{
    char readings[LS_TELEX_READINGS_MAX][LS_TELEX_SYLLABLE_MAX];
    size_t n = ls_telex_readings(word, readings, LS_TELEX_READINGS_MAX);
    if (n == 0 || termfreq(db, word)) return 0;
    unsigned best = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned f = termfreq(db, readings[i]);
        if (f > best && strlen(readings[i]) < cap) {
            best = f;
            memcpy(out, readings[i], strlen(readings[i]) + 1);
        }
    }
    return best;
}
