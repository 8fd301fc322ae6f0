/* indexer.h — writing documents into a luat-search index.
 *
 * An ls_indexer holds the index's single writer lock for its lifetime. Each
 * document's passages (one per article) replace any earlier version by their
 * stable id Q<doc id>#<article>, so indexing the same input twice changes
 * nothing. Work is committed every `batch_size` documents and at
 * ls_indexer_commit; each commit is atomic (Xapian transactions), so a crash
 * loses at most the uncommitted batch and the next run redoes it.
 *
 * One index (not a shard set) is written by two threads unless
 * one_thread is set: ls_indexer_add analyses a document's text in the
 * calling thread and queues it, and a writer thread stores the queued
 * documents in order (the same index as one thread writes). The add that
 * ends a batch returns after its commit; a writer's failure is returned by
 * the next add or commit; every other call waits for the queue first.
 */
#ifndef LS_INDEXER_H
#define LS_INDEXER_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "relations.h"

typedef struct ls_indexer ls_indexer;

typedef struct ls_index_counts {
    unsigned long documents;        /* documents seen */
    unsigned long passages_added;   /* new passages */
    unsigned long passages_replaced;/* passages that replaced an older version */
    unsigned long passages_skipped; /* articles with no text, or bad data */
    unsigned long bytes;            /* article text bytes indexed */
    unsigned long passages_unchanged;  /* of the replaced: the same data as before */
    unsigned long documents_added;     /* no record of the id before */
    unsigned long documents_replaced;  /* a record before, something differs */
    unsigned long documents_unchanged; /* the same record and passages as before */
    unsigned long documents_restated;  /* other documents whose status changed
                                          (amended/repealed by these: relations.h) */
} ls_index_counts;

typedef struct ls_indexer_options {
    int overwrite;          /* start from an empty index */
    unsigned batch_size;    /* documents per commit; 0 = 1000 */
    unsigned shards;        /* a new index as a set of N shards (2..64, see
                               shards.h); 0 = as found (a shard set stays one) */
    int one_thread;         /* store in the calling thread: no writer thread */
    int part;               /* LS_PART_*: what this writer stores (the shard
                               set's writers split the work) */
    ls_restate_hook restate;/* LS_PART_RECORDS: where the passages of a
                               document whose status relations change are
                               (set: relations are kept and statuses
                               derived here, as in one index); unset: no
                               relations in this part */
    int removing;           /* the caller only removes documents: an index
                               of an older format is opened as it is and
                               keeps its format mark (ls_indexer_add
                               refuses); else one of another format than
                               this binary writes is refused */
} ls_indexer_options;

enum { LS_PART_ALL = 0, LS_PART_RECORDS = 1, LS_PART_PASSAGES = 2 };

/* Open (creating if needed) the index at dbpath for writing. Fails with
 * LS_ERR_LOCKED and a message naming the holder when another writer has it.
 * Free with ls_indexer_close. */
ls_rc ls_indexer_open(const char *dbpath, const ls_indexer_options *opts,
                      ls_indexer **out, ls_error *err);

/* Index one document (borrowed; not kept). A document without an id is
 * refused with LS_ERR_ARG; a bad article is skipped and counted. */
ls_rc ls_indexer_add(ls_indexer *ix, const ls_document *doc, ls_error *err);

/* Remove a document and all its passages (id as stored, normalised by the
 * caller's analyser rules). *removed (may be NULL) is 1 when the document was
 * there; LS_ERR_NOTFOUND when it was not. */
ls_rc ls_indexer_remove(ls_indexer *ix, const char *doc_id, unsigned *removed,
                        ls_error *err);

/* Give the passages of document id_norm the status (NULL: none) and the
 * out-of-force date gone_since, as relations restate them (LS_PART_PASSAGES:
 * a shard's worker, for the hook of ls_indexer_options.restate). Part of
 * the open batch. */
ls_rc ls_indexer_restate(ls_indexer *ix, const char *id_norm, const char *status,
                         const char *gone_since, ls_error *err);

/* Commit everything pending, atomically, writing mark as the shard set's
 * commit mark (shards.h) in the same transaction (a set's parts). */
ls_rc ls_indexer_commit_marked(ls_indexer *ix, unsigned long mark, ls_error *err);

/* The commit mark the index holds (0 when none). */
unsigned long ls_indexer_commit_mark(ls_indexer *ix);

/* Commit everything pending, atomically. */
ls_rc ls_indexer_commit(ls_indexer *ix, ls_error *err);

/* Counts so far (borrowed view, valid until the next call or close). With
 * the writer thread, those of the documents it has stored so far: exact
 * after ls_indexer_commit. */
const ls_index_counts *ls_indexer_counts(ls_indexer *ix);

/* Release the writer. Anything not committed is dropped. NULL allowed. */
void ls_indexer_close(ls_indexer *ix);

/* The index key of doc: its id normalised (lower case, NFC) into id_norm
 * (size cap). LS_ERR_ARG when the document has no id. */
ls_rc ls_indexer_document_key(const ls_document *doc, char *id_norm, size_t cap,
                              ls_error *err);

#endif
