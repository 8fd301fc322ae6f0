/* legal_ids.h — legal identifiers found by PCRE2 before the word breaker
 * runs: document numbers, dates, and article/clause/point references, each
 * kept whole as one token. Private to text/. */
#ifndef LS_LEGAL_IDS_H
#define LS_LEGAL_IDS_H

#include <stddef.h>
#include "../common/ls_buf.h"
#include "analyser.h"

typedef struct ls_legal_id {
    ls_token_kind kind;    /* DOCNUM, DATE, ARTICLE, CLAUSE or POINT */
    size_t start, end;     /* byte span in the text */
    char term[96];         /* normalised term */
} ls_legal_id;

/* Find the next identifier in text[from..len); returns 1 and fills *id, or 0
 * when there is none. Thread-safe. */
int ls_legal_id_next(const char *text, size_t len, size_t from, ls_legal_id *id);

/* Release the compiled patterns. */
void ls_legal_ids_shutdown(void);

#endif
