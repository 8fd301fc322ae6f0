/* analyser.h — the one analyser shared by the indexer and the query side.
 *
 * Turns Vietnamese legal text into terms, in the shape of SQLite FTS5's
 * xTokenize: the caller hands over text, a flag saying whether it is a
 * document or a query, and a callback that receives each token with its byte
 * offsets into the ORIGINAL input (so highlighting needs no second pass).
 *
 * What a token's term is (both sides get exactly the same):
 *   - NFC (decomposed input, as macOS produces, meets composed text);
 *   - case-folded (ICU full case folding);
 *   - one tone-mark placement: the old style "hoà", "thuỷ", "khoẻ" and the new
 *     style "hòa", "thủy", "khỏe" both become the new style, in open
 *     syllables only, never after "q" ("quý" stays);
 *   - an accent-folded twin (`folded`): marks dropped and đ -> d
 *     ("thủ" -> "thu"); NULL when it would equal `term`.
 *
 * Word breaks come from ICU (one token per syllable). Before the word breaker
 * runs, PCRE2 rules find legal identifiers and emit each as ONE token whose
 * term is normalised (see LS_TOKEN_* kinds); the words inside an identifier
 * are not emitted separately.
 */
#ifndef LS_ANALYSER_H
#define LS_ANALYSER_H

#include <stddef.h>
#include "../common/ls_error.h"

/* flags for ls_tokenize */
#define LS_TOKENIZE_DOCUMENT 0x0   /* text being indexed */
#define LS_TOKENIZE_QUERY    0x1   /* text typed by a user */

typedef enum {
    LS_TOKEN_WORD = 0,   /* a syllable or other word: "thủ", "covid", "iso" */
    LS_TOKEN_NUMBER,     /* digits, possibly with . or , inside: "2023", "1.000" */
    LS_TOKEN_DOCNUM,     /* document number, normalised by ls_docnum_normalize:
                            "13/2023/nđ-cp", "598/qđ-ttg", "57-nq/tw",
                            "45/2019/qh14", "01/vbhn-vpqh" */
    LS_TOKEN_DATE,       /* a date "17/4/2023" or "ngày 17 tháng 4 năm 2023":
                            term is "20230417" */
    LS_TOKEN_ARTICLE,    /* "Điều 5", "Điều 5a": term "điều 5a" */
    LS_TOKEN_CLAUSE,     /* "khoản 2": term "khoản 2" */
    LS_TOKEN_POINT       /* "điểm a", "điểm đ": term "điểm đ" */
} ls_token_kind;

typedef struct ls_token {
    ls_token_kind kind;
    const char *term;      /* normalised term, NUL-terminated; valid only
                              during the callback */
    size_t term_len;
    const char *folded;    /* accent-folded twin, or NULL if equal to term */
    size_t folded_len;
    size_t start, end;     /* byte offsets [start, end) into the input */
    unsigned position;     /* 0-based token position; twin shares it */
    int has_marks;         /* 1 if the original token carried any
                              diacritic (tone or vowel mark, or đ) */
} ls_token;

/* Return 0 to continue, non-zero to stop tokenizing (ls_tokenize then returns
 * LS_OK; the callback's own state says why it stopped). */
typedef int (*ls_token_cb)(void *ctx, const ls_token *tok);

/* Tokenize `len` bytes of `text` (need not be NUL-terminated).
 * Invalid UTF-8 returns LS_ERR_UTF8 with the byte offset in err->msg, before
 * any token is emitted. Empty input emits nothing and returns LS_OK.
 * Thread-safe: may be called concurrently from several threads. */
ls_rc ls_tokenize(const char *text, size_t len, int flags,
                  ls_token_cb cb, void *ctx, ls_error *err);

/* Normalise one word or phrase the way ls_tokenize normalises terms (NFC,
 * case fold, tone placement), without splitting. Writes a malloc'ed
 * NUL-terminated string to *out; the caller frees it. If `folded_out` is not
 * NULL it receives the folded form likewise (always non-NULL on success). */
ls_rc ls_normalize_term(const char *s, size_t len, char **out, char **folded_out,
                        ls_error *err);

/* Vowel marks for ls_vowel_utf8 (a tone is a separate mark). */
enum { LS_VOWEL_PLAIN = 0, LS_VOWEL_BREVE, LS_VOWEL_CIRCUMFLEX, LS_VOWEL_HORN };

/* The lower-case Vietnamese vowel v ('a' 'e' 'i' 'o' 'u' 'y') with vowel
 * mark `mark` (LS_VOWEL_*: ă; â ê ô; ơ ư) and tone `tone` (0 none, 1
 * huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng), as one precomposed (NFC) letter in
 * UTF-8 into out (room for 4 bytes). Returns the bytes written, 0 when there
 * is no such letter (a breve on e, an unknown vowel or tone). Pure;
 * thread-safe. */
size_t ls_vowel_utf8(char v, int mark, int tone, char *out);

/* The accent-folded words of text[0..len), joined by single spaces, into
 * out (size cap, NUL-terminated): "Luật Phòng, chống ma túy" -> "luat phong
 * chong ma tuy". LS_ERR_LIMIT when they do not fit; LS_ERR_UTF8 as
 * ls_tokenize. */
ls_rc ls_folded_words(const char *text, size_t len, char *out, size_t cap, ls_error *err);

/* Normalise a document number as found in text or typed by a user:
 * "13/2023/NĐ-CP", "13/2023/ND-CP", "13_2023_NĐ_CP", "Nghị_định_47-2021-NĐ-CP"
 * -> "13/2023/nđ-cp"; "57- NQ/TW" -> "57-nq/tw". ASCII type/issuer codes get
 * their đ back (ND->nđ, QD->qđ, HDND->hđnd, BGDDT->bgdđt ...).
 * Writes a malloc'ed string to *out (caller frees). LS_ERR_FORMAT if `s` does
 * not look like a document number. */
ls_rc ls_docnum_normalize(const char *s, size_t len, char **out, ls_error *err);

/* Where the document number that ls_docnum_normalize would read in
 * s[0..len) ends (a byte offset), or 0 when there is none (or s is not
 * UTF-8): "60/2014/QH13/x" -> 12, so a caller can refuse what follows. */
size_t ls_docnum_end(const char *s, size_t len);

/* Validate UTF-8. Returns 1 if valid; else 0 and, if bad_offset is not NULL,
 * the offset of the first bad byte. Rejects overlongs, surrogates, > U+10FFFF. */
int ls_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Release process-wide analyser state (ICU/PCRE2 objects compiled once).
 * Optional; call at exit to keep leak checkers quiet. */
void ls_analyser_shutdown(void);

#endif
