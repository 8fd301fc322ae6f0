/* synonyms.h — abbreviations and everyday words citizens use for legal terms
 * (CCCD, BHXH, sổ đỏ, bằng lái ...), written into the index's Xapian synonym
 * store so the query side (query/expand.c) finds them there, and operators
 * can extend them per index. */
#ifndef LS_SYNONYMS_H
#define LS_SYNONYMS_H

#include "../common/ls_error.h"
#include "../xapian/xc.h"

/* Write the built-in table into wdb: each key under its normalised form and
 * its folded form (so "BHXH", "sổ đỏ" and "so do" all expand), mapping to the
 * normalised expansion. Replaces earlier entries of the same keys. */
ls_rc ls_synonyms_install(xc_wdb *wdb, ls_error *err);

/* One entry of a built-in table: a citizen's word (one word or two adjacent
 * ones) and what the index says instead. */
typedef struct ls_synonym_entry {
    const char *key, *expansion;
} ls_synonym_entry;

/* The built-in key (normalised: "sổ đỏ") whose folded form is `folded`
 * ("so do"), for reading a question typed without diacritics; NULL when no
 * key folds to it. Static storage, built on first use (thread-safe). */
const char *ls_synonym_accented(const char *folded);

/* The procedures' table (synonyms_procedure.c): *n entries, static. */
const ls_synonym_entry *ls_synonyms_procedure(size_t *n);

/* Everyday words for the law's notions (synonyms_everyday.c): *n entries,
 * static. */
const ls_synonym_entry *ls_synonyms_everyday(size_t *n);

#endif
