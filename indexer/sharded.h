/* sharded.h — the writer of a shard set (layout in shards.h): documents go
 * to shard ls_shard_of(id) and are indexed there by one worker thread per
 * shard, each owning its shard's Xapian WritableDatabase (Xapian objects are
 * never shared between threads); the calling thread reads the sources and
 * writes the document records into DIR/meta.
 *
 * ls_indexer_open hands a shard set to this module, so callers use the
 * ls_indexer API (indexer.h) and need not include this header.
 *
 * Atomicity is per database: each shard and meta commit their own batches,
 * and a crash may leave one shard a batch ahead of another; indexing is
 * idempotent, so the next run of the same input completes the set.
 */
#ifndef LS_SHARDED_H
#define LS_SHARDED_H

#include "indexer.h"

typedef struct ls_sharded ls_sharded;

/* Open the shard set at dir for writing, making it a set of nshards when it
 * is new (nshards 0: the set must exist). Takes dir's writer lock
 * (LS_ERR_LOCKED naming the holder). Free with ls_sharded_close. */
ls_rc ls_sharded_open(const char *dir, unsigned nshards, const ls_indexer_options *opts,
                      ls_sharded **out, ls_error *err);

/* Queue a copy of doc (borrowed) for its shard's worker and write its record
 * into meta. A worker's failure is reported by the next call. */
ls_rc ls_sharded_add(ls_sharded *sh, const ls_document *doc, ls_error *err);

/* Remove a document from its shard and its record from meta (as
 * ls_indexer_remove). */
ls_rc ls_sharded_remove(ls_sharded *sh, const char *doc_id, unsigned *removed,
                        ls_error *err);

/* Wait for every queued document, then commit each shard and meta. */
ls_rc ls_sharded_commit(ls_sharded *sh, ls_error *err);

/* Counts over all shards so far (documents from meta, passages and bytes
 * summed over the shards): a view owned by sh, refreshed by each call. */
const ls_index_counts *ls_sharded_counts(const ls_sharded *sh);

/* Stop the workers (dropping what is uncommitted) and release everything.
 * NULL allowed. */
void ls_sharded_close(ls_sharded *sh);

#endif
