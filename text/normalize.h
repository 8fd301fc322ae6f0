/* normalize.h — one word or phrase to its term and its folded twin: NFC,
 * case fold, one tone-mark placement, marks dropped for the twin. Private to
 * text/ (the public entry is ls_normalize_term in analyser.h). */
#ifndef LS_NORMALIZE_H
#define LS_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>
#include "../common/ls_buf.h"

/* Reusable buffers; zero-initialise, free with ls_norm_scratch_free. One
 * scratch per thread of work. */
typedef struct ls_norm_scratch {
    uint32_t *cps;
    size_t cps_cap;
    uint16_t *u16;
    size_t u16_cap;
    ls_buf term;      /* result: normalised term, NUL-terminated */
    ls_buf folded;    /* result: folded twin, NUL-terminated */
} ls_norm_scratch;

/* Normalise s[0..len) (valid UTF-8 expected; invalid -> LS_ERR_UTF8) into
 * sc->term and sc->folded. *has_marks = 1 when the input carried a mark. */
ls_rc ls_norm_run(ls_norm_scratch *sc, const char *s, size_t len, int *has_marks);

void ls_norm_scratch_free(ls_norm_scratch *sc);

#endif
