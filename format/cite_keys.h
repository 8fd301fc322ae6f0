/* cite_keys.h — the stored keys of how people cite a document without its full number, as
 * metadata of the index (schema.h), so the query side can turn "nđ
 * 13/2023" or "Luật Đất đai 2024" into the document:
 *
 *   "num:13/2023"            -> every document id numbered 13/2023/..., one a line
 *   "law:luat dat dai"       -> "<issued YYYY-MM-DD>\t<doc id>" of the newest
 *                               law of that name
 *   "law:luat dat dai@2024"  -> "<doc id>" of the one issued that year
 *
 * Names are the folded words of the title (ls_folded_words), for titles of
 * codified kinds: Luật, Bộ luật, Pháp lệnh, Hiến pháp.
 * The writer is indexer/cite_keys.h; the key layout and the reads are
 * here. */
#ifndef LS_FORMAT_CITE_KEYS_H
#define LS_FORMAT_CITE_KEYS_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../xapian/xc.h"

#define LS_METADATA_NUMBER "num:"
#define LS_METADATA_LAW "law:"

/* The value stored at key (malloc'ed, "" when unset; caller frees);
 * LS_ERR_INDEX naming the key when the index fails. */
ls_rc ls_cite_key_get(xc_db *db, const char *key, char **value, ls_error *err);

/* The document a law's name names (name[0..len): folded words as in the
 * keys): with year, the one issued that year; without, the newest. *id is
 * malloc'ed, or NULL when the keys hold none. When a year is given but
 * only other years are known, *other (may be NULL) receives the newest's
 * value "YYYY-MM-DD\t<doc id>" (malloc'ed), else NULL. */
ls_rc ls_cite_law_lookup(xc_db *db, const char *name, size_t len, const char *year, char **id,
                         char **other, ls_error *err);

/* The "N/YYYY" head of a normalised number ("13/2023/nđ-cp" -> "13/2023")
 * into out (size cap); 0 when id has no such head. */
int ls_cite_number_head(const char *id, char *out, size_t cap);

#endif
