/* telex.h — words typed for a Vietnamese input method while it was off:
 * Telex ("thur tucj ddawng kys" for "thủ tục đăng ký") and VNI ("vie6t5" for
 * "việt") leftovers, read back as the syllables they spell. The "did you
 * mean" (suggest.c) offers them. */
#ifndef LS_TELEX_H
#define LS_TELEX_H

#include <stddef.h>
#include "../xapian/xc.h"

#define LS_TELEX_SYLLABLE_MAX 64  /* bytes of one decoded syllable, NUL included */
#define LS_TELEX_READINGS_MAX 3   /* one per vowel that may carry the tone */

/* The syllables a lower-case ASCII word (letters, and digits 1-9 for VNI)
 * spells when read as Telex or VNI keystrokes: normalised (analyser.h), one
 * per vowel the tone may sit on, written into out[0..max). Returns how
 * many; 0 when the word holds no input-method keystroke (a tone key before
 * a vowel, as in "visa", is a letter) or is not ASCII. Pure: no index. */
size_t ls_telex_readings(const char *word, char out[][LS_TELEX_SYLLABLE_MAX], size_t max);

/* The reading of word that the index db holds as a term, the most frequent
 * one, into out (cap bytes); its frequency is returned, 0 when word is
 * itself an indexed term ("visa", "fax") or no reading is. */
unsigned ls_telex_decode(xc_db *db, const char *word, char *out, size_t cap);

#endif
