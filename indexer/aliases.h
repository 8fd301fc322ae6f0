/* aliases.h — synonyms the law's own text gives, mined while indexing and
 * written into the index's synonym store beside the built-in tables
 * (synonyms.h), where query/expand.c finds them: a defined phrase's other
 * name ("Dược chất (còn gọi là hoạt chất) là ...": both ways) and an
 * acronym spelled out by the words before it ("Kho bạc Nhà nước (KBNN)",
 * "... (sau đây gọi tắt là KBNN)": KBNN -> kho bạc nhà nước). */
#ifndef LS_ALIASES_H
#define LS_ALIASES_H

#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../xapian/xc.h"
#include "synonyms.h"

/* One alias: key[0..key_len) -> expansion[0..expansion_len), both spans of
 * the article's text (borrowed; not NUL-ended). Non-zero stops the walk. */
typedef int (*ls_alias_fn)(void *ctx, const char *key, size_t key_len, const char *expansion,
                           size_t expansion_len);

/* Call fn for every alias article a gives (a is borrowed): a defined
 * phrase's other name, both ways, and an acronym -> its words. An acronym
 * counts only when the initials of as many words just before the
 * parenthesis spell it (folded: Đ = D), so "Quy chuẩn kỹ thuật quốc gia
 * (QCVN)" gives nothing, when it has three to eight letters ("CA", "TT"
 * stand for different things in different texts) and does not read as a
 * Vietnamese syllable. Returns 0, or fn's non-zero result. */
int ls_aliases_each(const ls_article *a, ls_alias_fn fn, void *ctx);

/* Call fn for every entry of the synonym store the aliases of
 * ls_aliases_each make (a borrowed): each key normalised and folded, its
 * expansion normalised (ls_synonym_entries); none for an alias whose key
 * is a built-in key (its built-in meaning stays the only one) or whose
 * text does not normalise. Returns fn's error (set in err), else LS_OK. */
ls_rc ls_alias_entries(const ls_article *a, ls_synonym_entry_fn fn, void *ctx, ls_error *err);

/* Write every entry of ls_alias_entries into wdb's synonym store (added
 * to what the keys hold). Which document gave them is not kept: the
 * indexer uses alias_sources.h. */
ls_rc ls_aliases_install(xc_wdb *wdb, const ls_article *a, ls_error *err);

#endif
