/* synonyms.h — the built-in synonym tables: abbreviations and everyday
 * words citizens use for legal terms (CCCD, BHXH, sổ đỏ, bằng lái ...) and
 * what the law says instead. Language data, read by both sides: the indexer
 * writes them into an index's Xapian synonym store (indexer/synonyms.h),
 * where query/expand.c finds them (operators can extend them per index); the
 * question analyser reads an unaccented key back accented
 * (ls_synonym_accented, for query/suggest.c). */
#ifndef LS_TEXT_SYNONYMS_H
#define LS_TEXT_SYNONYMS_H

#include <stddef.h>

/* One entry of a built-in table: a citizen's word (one word or two adjacent
 * ones) and what the index says instead. */
typedef struct ls_synonym_entry {
    const char *key, *expansion;
} ls_synonym_entry;

/* Built-in table k (0: the general one, 1: procedures, 2: everyday words),
 * *n entries, static; NULL (*n = 0) past the last. Every reader walks the
 * tables through this, so a new table is added here only. */
const ls_synonym_entry *ls_synonym_table(size_t k, size_t *n);

/* The built-in key (normalised: "sổ đỏ") whose folded form is `folded`
 * ("so do"), for reading a question typed without diacritics; NULL when no
 * key folds to it. Static storage, built on first use (thread-safe). */
const char *ls_synonym_accented(const char *folded);

/* 1 when a built-in key (any table) folds to `folded` ("hdtv": HĐTV),
 * else 0; thread-safe (the keys are built on first use, as above). */
int ls_synonym_builtin(const char *folded);

/* The procedures' table (synonyms_procedure.c): *n entries, static. */
const ls_synonym_entry *ls_synonyms_procedure(size_t *n);

/* Everyday words for the law's notions (synonyms_everyday.c): *n entries,
 * static. */
const ls_synonym_entry *ls_synonyms_everyday(size_t *n);

#endif
