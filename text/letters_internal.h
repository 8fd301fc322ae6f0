/* letters_internal.h — per-code-point facts the analyser needs, precomputed once from
 * ICU for U+0000..U+1FFF (Latin, Vietnamese, Greek, Cyrillic...): the case
 * fold, the folded base letter (marks dropped, đ -> d), the letter without its
 * tone mark, and which tone it carries. Private to text/.
 * The table lets the analyser lower and fold Vietnamese without calling ICU
 * per character; code points with LS_LETTER_SLOW or COMBINING, and those past
 * the table, go through ICU instead. */
#ifndef LS_LETTERS_H
#define LS_LETTERS_H

#include <stdint.h>

#define LS_LETTERS_LIMIT 0x2000

enum { LS_TONE_NONE = 0, LS_TONE_GRAVE, LS_TONE_ACUTE, LS_TONE_HOOK, LS_TONE_TILDE, LS_TONE_DOT };

#define LS_LETTER_MARKED    0x01  /* carries a diacritic (or is đ) */
#define LS_LETTER_COMBINING 0x02  /* a combining mark: input needs NFC */
#define LS_LETTER_ALPHA     0x04  /* u_isalpha */
#define LS_LETTER_SLOW      0x08  /* full case folding differs from `lower`
                                     ("ß" -> "ss", "İ"): ask ICU */

typedef struct ls_letter {
    uint16_t lower;     /* simple case fold */
    uint16_t base;      /* folded: lower without any mark; đ -> d */
    uint16_t untoned;   /* lower without its tone mark (vowel marks kept) */
    uint8_t tone;       /* LS_TONE_* of lower */
    uint8_t flags;      /* LS_LETTER_* */
} ls_letter;

/* The table (built on first use, thread-safe). Index by code point <
 * LS_LETTERS_LIMIT. */
const ls_letter *ls_letters(void);

/* The lower-case vowel v (untoned) with tone t, or 0 if no such letter. */
uint32_t ls_letter_with_tone(uint32_t untoned, int tone);

#endif
