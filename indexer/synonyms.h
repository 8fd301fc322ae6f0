/* synonyms.h — the built-in synonym tables (text/synonyms.h: CCCD, BHXH,
 * sổ đỏ, bằng lái ...) written into the index's Xapian synonym store, so
 * the query side (query/expand.c) finds them there, and operators can
 * extend them per index. */
#ifndef LS_SYNONYMS_H
#define LS_SYNONYMS_H

#include "../common/ls_error.h"
#include "../text/synonyms.h"
#include "../xapian/xc.h"

/* The metadata key holding the hash of the built-in tables an index holds. */
#define LS_METADATA_SYNONYMS "luat-search:synonyms"

/* Write every built-in table into wdb: each key under its normalised form
 * and its folded form (so "BHXH", "sổ đỏ" and "so do" all expand), mapping
 * to the normalised expansion. Replaces earlier entries of the same keys —
 * only when the tables differ from those the index holds (a new binary):
 * an index that holds these tables already is left as it is, so aliases
 * mined into shared keys (ls_synonym_add) are kept. */
ls_rc ls_synonyms_install(xc_wdb *wdb, ls_error *err);

/* Add one synonym to wdb's store: key[0..klen) (normalised, and folded
 * too) -> expansion[0..elen) (normalised), beside what the key holds
 * already (the built-in entry, other texts' names). Both spans are
 * borrowed; invalid UTF-8 is an error. */
ls_rc ls_synonym_add(xc_wdb *wdb, const char *key, size_t klen, const char *expansion,
                     size_t elen, ls_error *err);

#endif
