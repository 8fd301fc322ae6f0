/* normalize_internal.h — one word or phrase to its term and its folded twin: NFC,
 * case fold, one tone-mark placement, marks dropped for the twin. Private to
 * text/ (the public entry is ls_normalize_term in analyser.h). */
#ifndef LS_NORMALIZE_H
#define LS_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>
#include "../common/ls_error.h"

/* Reusable buffers; zero-initialise, free with ls_norm_scratch_free. One
 * scratch per thread of work; after a warm-up no call allocates. */
typedef struct ls_norm_scratch {
    uint32_t *cps;       /* code points of the word being normalised */
    size_t cps_cap;
    uint16_t *u16, *u16b; /* UTF-16 for the ICU slow path (two, swapped) */
    size_t u16_cap, u16b_cap;
    char *term;          /* result: normalised term, NUL-terminated */
    size_t term_len, term_cap;
    char *folded;        /* result: folded twin, NUL-terminated */
    size_t folded_len, folded_cap;
    int same;            /* result: 1 if folded equals term */
} ls_norm_scratch;

/* Normalise s[0..len) (valid UTF-8 expected; invalid -> LS_ERR_UTF8) into
 * sc->term and sc->folded (both owned by sc, valid until the next call).
 * *has_marks = 1 when the input carried a mark (or đ).
 * Fast paths: ASCII-only input touches no table; precomposed Latin and
 * Vietnamese letters are lowered and folded from the letter table; only
 * input that is not NFC, or has letters the table does not cover or whose
 * full case folding is special, goes through ICU. */
ls_rc ls_norm_run(ls_norm_scratch *sc, const char *s, size_t len, int *has_marks);

/* 1 if s[0..len) (valid UTF-8) carries a diacritic or đ. */
int ls_norm_has_marks(const char *s, size_t len);

void ls_norm_scratch_free(ls_norm_scratch *sc);

#endif
