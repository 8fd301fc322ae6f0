/* xc.h — the C API over libxapian 1.4 (implemented in xc.cc).
 *
 * Opaque handles; every call that can fail returns an xc_rc and fills the
 * caller's xc_err; no C++ exception crosses this boundary. Who frees what is
 * written on each function. Handles must not be shared between threads
 * (Xapian objects are not thread-safe): one xc_db per thread.
 */
#ifndef XC_H
#define XC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    XC_OK = 0,
    XC_ERR_NOMEM,        /* std::bad_alloc */
    XC_ERR_NOTFOUND,     /* DatabaseNotFoundError, DocNotFoundError */
    XC_ERR_OPENING,      /* DatabaseOpeningError (not a database, version) */
    XC_ERR_LOCKED,       /* DatabaseLockError: another writer holds it */
    XC_ERR_MODIFIED,     /* DatabaseModifiedError: call xc_db_reopen */
    XC_ERR_CORRUPT,      /* DatabaseCorruptError */
    XC_ERR_ARG,          /* InvalidArgumentError, bad handle, NULL */
    XC_ERR_NETWORK,      /* NetworkError / NetworkTimeoutError (remote) */
    XC_ERR_OTHER         /* any other Xapian::Error or std::exception */
} xc_rc;

typedef struct xc_err {
    xc_rc rc;
    char msg[384];       /* "<Xapian error type>: <message>" */
} xc_err;

typedef struct xc_db xc_db;         /* read-only database, maybe several shards */
typedef struct xc_wdb xc_wdb;       /* writable database */
typedef struct xc_doc xc_doc;       /* a document being built or read */
typedef struct xc_query xc_query;   /* immutable query tree node */
typedef struct xc_enquire xc_enquire;
typedef struct xc_mset xc_mset;     /* one page of results */

/* ---- read-only databases ---------------------------------------------- */

/* Open the database at `path`. *out is freed with xc_db_close.
 * XC_ERR_NOTFOUND when there is no database at path (missing or not one). */
xc_rc xc_db_open(const char *path, xc_db **out, xc_err *err);
/* Add another shard (local path) to an open database: searches then span all
 * (enquires made before this call do not see it). */
xc_rc xc_db_add_shard(xc_db *db, const char *path, xc_err *err);
/* Add a remote shard served by xapian-tcpsrv at host:port; timeout_ms bounds
 * every network wait. */
xc_rc xc_db_add_remote(xc_db *db, const char *host, unsigned port,
                       unsigned timeout_ms, xc_err *err);
/* Pick up the latest committed revision. *changed (may be NULL) = 1 if it moved.
 * Forgets the term frequencies remembered since the last call (below). */
xc_rc xc_db_reopen(xc_db *db, int *changed, xc_err *err);
/* Close and free. NULL is allowed. */
void xc_db_close(xc_db *db);
xc_rc xc_db_doccount(xc_db *db, unsigned *out, xc_err *err);
/* Number of documents indexed by `term` (0 if none). Remembered until the
 * next xc_db_reopen (a searcher reopens before each search): a term asked
 * again is not read again. */
xc_rc xc_db_termfreq(xc_db *db, const char *term, unsigned *out, xc_err *err);
/* The same, read from the index and not remembered: for the many terms a
 * search asks once (the accented forms "did you mean" tries). */
xc_rc xc_db_termfreq_once(xc_db *db, const char *term, unsigned *out, xc_err *err);
/* Average document length (in wdf units). */
xc_rc xc_db_avlength(xc_db *db, double *out, xc_err *err);
/* Revision of the database opened (for a stub database, a shard set, the
 * sum over its local parts), for change detection. */
xc_rc xc_db_revision(xc_db *db, unsigned long *out, xc_err *err);
/* First document indexed by `term` (for unique id terms); XC_ERR_NOTFOUND
 * when none. */
xc_rc xc_db_find_by_term(xc_db *db, const char *term, unsigned *docid, xc_err *err);
/* Fetch a stored document. *out is freed with xc_doc_free. */
xc_rc xc_db_get_document(xc_db *db, unsigned docid, xc_doc **out, xc_err *err);
/* Metadata value for key (of the first shard): *out malloc'ed, NUL-terminated
 * (caller frees), "" if unset. *len may be NULL. */
xc_rc xc_db_get_metadata(xc_db *db, const char *key, char **out, size_t *len,
                         xc_err *err);
/* Call cb for each synonym of `term` (stops when cb returns non-zero). */
xc_rc xc_db_synonyms(xc_db *db, const char *term,
                     int (*cb)(void *ctx, const char *syn), void *ctx, xc_err *err);
/* Call cb(term, termfreq) for each term starting with `prefix`, in order. */
xc_rc xc_db_allterms(xc_db *db, const char *prefix,
                     int (*cb)(void *ctx, const char *term, unsigned termfreq),
                     void *ctx, xc_err *err);

/* ---- writable databases ------------------------------------------------ */

#define XC_WDB_CREATE_OR_OPEN 0
#define XC_WDB_CREATE_OR_OVERWRITE 1
#define XC_WDB_OPEN 2          /* must exist */

/* Open for writing (takes Xapian's lock: XC_ERR_LOCKED if another writer
 * has it; XC_ERR_NOTFOUND for XC_WDB_OPEN on a missing database; XC_ERR_ARG
 * for an unknown mode). Free with xc_wdb_close: it cancels an open
 * transaction, and (Xapian's rule) commits changes made outside one, but
 * cannot report a failure: call xc_wdb_commit first. NULL is allowed. */
xc_rc xc_wdb_open(const char *path, int mode, xc_wdb **out, xc_err *err);
/* xc_wdb_open, with Xapian writing its buffered postings to the tables
 * every flush_docs added or replaced documents, inside a transaction too
 * (0: Xapian's default, 10000). Xapian 1.4 takes this only from the
 * environment (XAPIAN_FLUSH_THRESHOLD) when the database is opened, so it is
 * set for the open under a lock and put back; a value the user set wins. */
xc_rc xc_wdb_open_flushing(const char *path, int mode, unsigned flush_docs, xc_wdb **out,
                           xc_err *err);
void xc_wdb_close(xc_wdb *wdb);
/* Begin a transaction: nothing is visible or durable until
 * xc_wdb_commit_transaction; xc_wdb_cancel_transaction drops it. */
xc_rc xc_wdb_begin_transaction(xc_wdb *wdb, xc_err *err);
xc_rc xc_wdb_commit_transaction(xc_wdb *wdb, xc_err *err);
xc_rc xc_wdb_cancel_transaction(xc_wdb *wdb, xc_err *err);
/* Commit pending changes outside a transaction. */
xc_rc xc_wdb_commit(xc_wdb *wdb, xc_err *err);
/* Replace the document indexed by unique_term (or add it); the document
 * keeps its docid. The caller adds unique_term to doc itself. *docid may be
 * NULL. An empty unique_term is XC_ERR_ARG. */
xc_rc xc_wdb_replace_by_term(xc_wdb *wdb, const char *unique_term, const xc_doc *doc,
                             unsigned *docid, xc_err *err);
/* Add doc as a new document (the caller knows no document holds its unique
 * term: cheaper than xc_wdb_replace_by_term). *docid may be NULL. */
xc_rc xc_wdb_add_document(xc_wdb *wdb, const xc_doc *doc, unsigned *docid, xc_err *err);
/* Replace document docid with doc. */
xc_rc xc_wdb_replace_document(xc_wdb *wdb, unsigned docid, const xc_doc *doc, xc_err *err);
/* Delete every document indexed by term. */
xc_rc xc_wdb_delete_by_term(xc_wdb *wdb, const char *term, xc_err *err);
xc_rc xc_wdb_add_synonym(xc_wdb *wdb, const char *term, const char *synonym, xc_err *err);
xc_rc xc_wdb_clear_synonyms(xc_wdb *wdb, const char *term, xc_err *err);
/* Take synonym out of term's synonyms (nothing when it is not one). */
xc_rc xc_wdb_remove_synonym(xc_wdb *wdb, const char *term, const char *synonym, xc_err *err);
xc_rc xc_wdb_set_metadata(xc_wdb *wdb, const char *key, const char *value, size_t len,
                          xc_err *err);
/* Read back through the writer (sees uncommitted changes). */
xc_rc xc_wdb_get_metadata(xc_wdb *wdb, const char *key, char **out, size_t *len,
                          xc_err *err);
xc_rc xc_wdb_doccount(xc_wdb *wdb, unsigned *out, xc_err *err);
/* Number of documents indexed by term, uncommitted changes included. */
xc_rc xc_wdb_termfreq(xc_wdb *wdb, const char *term, unsigned *out, xc_err *err);
xc_rc xc_wdb_find_by_term(xc_wdb *wdb, const char *term, unsigned *docid, xc_err *err);
xc_rc xc_wdb_get_document(xc_wdb *wdb, unsigned docid, xc_doc **out, xc_err *err);
/* The ids of every document indexed by term, through the writer (uncommitted
 * changes included), ascending: *docids is malloc'ed (caller frees; NULL when
 * *n is 0). */
xc_rc xc_wdb_postlist(xc_wdb *wdb, const char *term, unsigned **docids, size_t *n,
                      xc_err *err);
/* Compact the database at src into a new one at dst (Database::compact),
 * keeping document ids; a stub database of several shards is merged into
 * one, renumbered. XC_ERR_NOTFOUND when src is not a database. */
xc_rc xc_compact(const char *src, const char *dst, xc_err *err);

/* ---- documents --------------------------------------------------------- */

/* New empty document; free with xc_doc_free. */
xc_rc xc_doc_new(xc_doc **out, xc_err *err);
void xc_doc_free(xc_doc *doc);
/* Add `term` at position `pos` (1-based, as Xapian), raising wdf by wdfinc. */
xc_rc xc_doc_add_posting(xc_doc *doc, const char *term, unsigned pos, unsigned wdfinc,
                         xc_err *err);
/* Add `term` without position, raising wdf by wdfinc (0 = boolean term). */
xc_rc xc_doc_add_term(xc_doc *doc, const char *term, unsigned wdfinc, xc_err *err);
/* Remove `term` and its positions from the document (XC_ERR_ARG when the
 * document does not hold it). */
xc_rc xc_doc_remove_term(xc_doc *doc, const char *term, xc_err *err);
/* Set the opaque data blob (copied). */
xc_rc xc_doc_set_data(xc_doc *doc, const char *data, size_t len, xc_err *err);
/* Borrow the data blob: valid until the document is freed or its data set
 * again (read once, then cached in the handle). */
xc_rc xc_doc_get_data(xc_doc *doc, const char **data, size_t *len, xc_err *err);
/* Value slots (copied in; borrowed out, valid until the doc is freed or
 * that slot is set again). An unset slot reads as "" (len 0). */
xc_rc xc_doc_set_value(xc_doc *doc, unsigned slot, const char *val, size_t len,
                       xc_err *err);
xc_rc xc_doc_get_value(xc_doc *doc, unsigned slot, const char **val, size_t *len,
                       xc_err *err);
/* Call cb for each term of the document starting with prefix. */
xc_rc xc_doc_terms(xc_doc *doc, const char *prefix,
                   int (*cb)(void *ctx, const char *term, unsigned wdf), void *ctx,
                   xc_err *err);

/* ---- queries ----------------------------------------------------------- */

typedef enum {
    XC_OP_AND, XC_OP_OR, XC_OP_AND_NOT, XC_OP_AND_MAYBE, XC_OP_FILTER,
    XC_OP_PHRASE, XC_OP_NEAR, XC_OP_SYNONYM, XC_OP_ELITE_SET, XC_OP_MAX
} xc_op;

/* Query nodes are reference-counted values: every constructor returns a new
 * node the caller owns and frees with xc_query_free; combining copies what it
 * needs, so subqueries may be freed right after. Constructors return NULL on
 * error (and fill err). */
/* A term; wqf 0 is taken as 1; pos 0 = no position. An empty term is
 * XC_ERR_ARG (Xapian would read it as match-all). */
xc_query *xc_query_term(const char *term, unsigned wqf, unsigned pos, xc_err *err);
/* Combine n subqueries with op. `param` is the window for PHRASE/NEAR, the
 * set size for ELITE_SET, ignored otherwise. NULL entries are skipped. */
xc_query *xc_query_combine(xc_op op, xc_query *const *subs, size_t n, unsigned param,
                           xc_err *err);
/* Multiply the weight of q by factor (OP_SCALE_WEIGHT); factor 0 makes it boolean. */
xc_query *xc_query_scale(const xc_query *q, double factor, xc_err *err);
/* Documents whose value in slot lies in [lo, hi] (string compare; NULL = open;
 * both NULL = match all). */
xc_query *xc_query_value_range(unsigned slot, const char *lo, const char *hi, xc_err *err);
/* Match every document (Xapian::Query::MatchAll). */
xc_query *xc_query_match_all(xc_err *err);
/* Another handle on q (the same tree, not copied), freed on its own. */
xc_query *xc_query_copy(const xc_query *q, xc_err *err);
void xc_query_free(xc_query *q);
/* Human-readable description, malloc'ed (caller frees). */
char *xc_query_describe(const xc_query *q);

/* ---- searching --------------------------------------------------------- */

/* Enquire over db and the shards it has now (db must outlive it; reopening
 * db is seen). Free with xc_enquire_free. */
xc_rc xc_enquire_new(xc_db *db, xc_enquire **out, xc_err *err);
void xc_enquire_free(xc_enquire *enq);
xc_rc xc_enquire_set_query(xc_enquire *enq, const xc_query *q, xc_err *err);
/* BM25 parameters (Xapian::BM25Weight k1, k2, k3, b, min_normlen). A negative
 * or NaN parameter, or b outside [0, 1], is XC_ERR_ARG (Xapian would clamp). */
xc_rc xc_enquire_set_bm25(xc_enquire *enq, double k1, double k2, double k3, double b,
                          double min_normlen, xc_err *err);
/* Keep at most `max` results per distinct value of slot (0 = off). */
xc_rc xc_enquire_set_collapse(xc_enquire *enq, unsigned slot, unsigned max, xc_err *err);
/* Leave out of the match every document weighing less than `weight`
 * (Enquire::set_cutoff; 0 = none): the matcher then skips what cannot
 * reach it. XC_ERR_ARG for a negative or NaN weight. */
xc_rc xc_enquire_set_cutoff(xc_enquire *enq, double weight, xc_err *err);
/* End the next match (xc_enquire_get_mset) once CLOCK_MONOTONIC passes
 * deadline_ms (milliseconds; 0 = no deadline). Enquire::set_time_limit
 * cannot end a match; this does, with the best `keep` of the candidates
 * weighed so far as its results (0: as many as get_mset asks for; fewer
 * cost less to keep), xc_mset_cut says so. Over one database, or a
 * shard set opened from its stub with every part local: there key_slot
 * names a value a document shares only with documents of its own part
 * (it places each candidate in its part). Remote parts or collapsing: the
 * match runs to its end. */
xc_rc xc_enquire_set_deadline(xc_enquire *enq, double deadline_ms, unsigned keep,
                              unsigned key_slot, xc_err *err);
/* Run the query: results first..first+max-1. Free *out with xc_mset_free.
 * `check_at_least` asks Xapian to count at least that many for the estimate. */
xc_rc xc_enquire_get_mset(xc_enquire *enq, unsigned first, unsigned max,
                          unsigned check_at_least, xc_mset **out, xc_err *err);
void xc_mset_free(xc_mset *ms);
size_t xc_mset_size(const xc_mset *ms);
unsigned xc_mset_estimated(const xc_mset *ms);
unsigned xc_mset_docid(const xc_mset *ms, size_t i);
double xc_mset_weight(const xc_mset *ms, size_t i);
/* Ask for the documents of entries [first, last) at once (Xapian's
 * MSet::fetch: one batch through a remote backend instead of one round
 * trip each); a hint, errors are reported by the later reads. */
void xc_mset_fetch(const xc_mset *ms, size_t first, size_t last);
/* The i-th document; *out freed with xc_doc_free. */
xc_rc xc_mset_document(const xc_mset *ms, size_t i, xc_doc **out, xc_err *err);
/* 1 when the match that made ms was ended at its deadline: its results are
 * the best of the candidates weighed by then, its estimate how many. */
int xc_mset_cut(const xc_mset *ms);
/* Terms of the query that matched document i, via cb (for highlighting). */
xc_rc xc_mset_matching_terms(xc_enquire *enq, const xc_mset *ms, size_t i,
                             int (*cb)(void *ctx, const char *term), void *ctx,
                             xc_err *err);

/* ---- the stock pipeline, as a peer for benchmarks ---------------------- */

/* Index text with Xapian's own TermGenerator (no stemmer, positions) as a
 * new document whose data is `data`. Only for measuring ourselves against
 * what a team would deploy without our analyser (bench/). */
xc_rc xc_stock_add(xc_wdb *wdb, const char *text, size_t len, const char *data,
                   xc_err *err);
/* Parse query with Xapian's own QueryParser (default OR, default flags) and
 * call cb with the data of each of the top k documents, best first. */
xc_rc xc_stock_search(xc_db *db, const char *query, unsigned k,
                      int (*cb)(void *ctx, const char *data, size_t len), void *ctx,
                      xc_err *err);

#ifdef __cplusplus
}
#endif
#endif
