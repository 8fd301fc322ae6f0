/* alias_sources.h — the aliases mined from a document (aliases.h) follow
 * it: the synonym store keeps, per document, the entries it gave, and per
 * entry how many documents give it, so that replacing a document takes out
 * what it no longer gives and removing it takes out what it gave (what
 * another document also gives stays). Kept in an index built since this
 * (LS_METADATA_ALIAS_SOURCES set when it was created); an older index's
 * aliases are only added, as before: rebuild it (--overwrite) to have
 * them follow their documents.
 *
 * Metadata: "aliases:<id>" the entries document id gave ("term\0expansion\0"
 * each, sorted); "alias#<16 hex>" how many documents give one entry (its
 * hash, common/ls_hash.h). All written inside the writer's open batch.
 */
#ifndef LS_ALIAS_SOURCES_H
#define LS_ALIAS_SOURCES_H

#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../xapian/xc.h"

#define LS_METADATA_ALIAS_SOURCES "luat-search:alias-sources"
#define LS_METADATA_ALIASES_OF "aliases:"
#define LS_METADATA_ALIAS_COUNT "alias#"

/* Mark wdb, a new (empty) index, as keeping its aliases' sources. */
ls_rc ls_alias_sources_start(xc_wdb *wdb, ls_error *err);

/* Bring wdb's synonym store to the aliases document id_norm gives now: doc
 * (borrowed) as indexed, or NULL when it is removed. In an index that
 * keeps sources, the entries doc no longer gives lose it as a source and
 * leave the store when no document gives them; else (an older index)
 * doc's entries are added and nothing is taken out. */
ls_rc ls_alias_sources_update(xc_wdb *wdb, const char *id_norm, const ls_document *doc,
                              ls_error *err);

#endif
