/* shard_set.h — the layout of a shard set: one index split over several Xapian
 * databases that search opens as one (Xapian's stub database).
 *
 *   DIR/XAPIANDB   stub file: "auto meta", "auto shard-0", ... "auto shard-(N-1)";
 *                  Xapian (and xapian-delve, quest, xapian-compact) open DIR
 *                  as one database whose first sub-database is meta
 *   DIR/meta       the small local database: index format, synonyms, the
 *                  document records (doc:, num:, law: metadata); no passages.
 *                  Remote shards serve no synonyms or metadata: a search
 *                  front end keeps this one locally.
 *   DIR/shard-K    the passages of the documents whose id hashes to K
 *   DIR/writer.lock  one writer for the whole set
 *
 * A set commits its shards, then meta, each in one transaction that also
 * writes the commit's number, the "set commit mark" (metadata
 * ls:set_commit): a writer killed between them leaves a shard ahead of
 * meta, which ls_shards_complete detects; indexing the same sources again
 * repairs it (its commit brings every part to one mark).
 *
 * The writer that creates a set is indexer/shards.h (ls_shards_create);
 * this file is the layout both the writer and the readers follow.
 *
 * A document lives in shard ls_shard_of(normalised id, N), so replacing or
 * removing it finds it again; N is fixed when the set is created.
 */
#ifndef LS_FORMAT_SHARD_SET_H
#define LS_FORMAT_SHARD_SET_H

#include <stddef.h>
#include "../common/ls_error.h"

#define LS_SHARDS_MAX 64
#define LS_SHARDS_STUB "XAPIANDB"
#define LS_SHARDS_META "meta"

/* Number of shards of the shard set at dir, or 0 when dir is not one (a
 * plain index, missing, or a stub file this module did not write). */
unsigned ls_shards_count(const char *dir);

#define LS_METADATA_SET_COMMIT "ls:set_commit"

/* Whether the shard set at dir is whole: every shard holds meta's commit
 * mark. *complete = 1 when so (or dir is no set); else 0 and why (cap
 * bytes) names the parts that are ahead. LS_ERR_INDEX when a part does not
 * open. */
ls_rc ls_shards_complete(const char *dir, int *complete, char *why, size_t cap, ls_error *err);

/* The shard (0..n-1) of a document by its normalised id: FNV-1a of the
 * bytes, stable across runs and machines. */
unsigned ls_shard_of(const char *id_norm, unsigned n);

/* "dir/shard-K", or "dir/meta" for k == LS_SHARD_META_INDEX, into out (cap
 * bytes). Returns LS_ERR_LIMIT when it does not fit. */
#define LS_SHARD_META_INDEX ((unsigned)-1)
ls_rc ls_shard_path(const char *dir, unsigned k, char *out, size_t cap, ls_error *err);

#endif
