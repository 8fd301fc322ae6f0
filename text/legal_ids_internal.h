/* legal_ids_internal.h — legal identifiers found by PCRE2 before the word breaker
 * runs: document numbers, dates, and article/clause/point references, each
 * kept whole as one token. Private to text/. */
#ifndef LS_LEGAL_IDS_H
#define LS_LEGAL_IDS_H

#include <stddef.h>
#include "analyser.h"

typedef struct ls_legal_id {
    ls_token_kind kind;    /* DOCNUM, DATE, ARTICLE, CLAUSE or POINT */
    size_t start, end;     /* byte span in the text */
    char term[256];        /* normalised term, NUL-terminated */
} ls_legal_id;

/* Per-thread matching state (PCRE2 match data); zero-initialise, release
 * with ls_legal_scratch_free. */
typedef struct ls_legal_scratch {
    void *md;
} ls_legal_scratch;

/* Find the next identifier in text[from..len) (valid UTF-8); returns 1 and
 * fills *id, 0 when there is none, -1 when memory ran out. Thread-safe with
 * one scratch per thread. */
int ls_legal_id_next(const char *text, size_t len, size_t from, ls_legal_id *id,
                     ls_legal_scratch *sc);

void ls_legal_scratch_free(ls_legal_scratch *sc);

/* Write the normal form of the document number s[0..n) (as matched by the
 * rules) into out (cap bytes, NUL-terminated); party = the "57-NQ/TW" form.
 * Defined in docnum.c. */
void ls_docnum_term(const char *s, size_t n, int party, char *out, size_t cap);

/* Release the compiled pattern (ls_analyser_shutdown). */
void ls_legal_ids_shutdown(void);

#endif
