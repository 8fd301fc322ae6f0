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

/* One entry of the synonym store: term -> expansion (both normalised,
 * NUL-ended, borrowed for the call). Non-zero (an error set in err) stops. */
typedef ls_rc (*ls_synonym_entry_fn)(void *ctx, const char *term, const char *expansion,
                                     ls_error *err);

/* The entries key[0..klen) -> expansion[0..elen) makes in the store, as
 * ls_synonym_add writes them: fn for the key's normalised form and for its
 * folded one when that differs. mined (an alias a text gives, aliases.h):
 * none when the key is a built-in one (ls_synonym_builtin, by its folded
 * form), whose built-in meaning stays its only one ("HĐTV" is "hội đồng
 * thành viên" even where a text spells it "hội đồng tư vấn"). Returns
 * fn's error, or the normalisation's (invalid UTF-8: LS_ERR_ARG). */
ls_rc ls_synonym_entries(const char *key, size_t klen, const char *expansion, size_t elen,
                         int mined, ls_synonym_entry_fn fn, void *ctx, ls_error *err);

#endif
