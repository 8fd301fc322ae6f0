/* index_reads.h — what review/ and api/ read of the index, asked of the
 * searcher: the one reader of the index (query/) runs every Xapian query
 * and fetch, the callers name what they need. Each call reads the
 * revision s has open (no reopen: a review sees one revision throughout).
 * Xapian failures are LS_ERR_INDEX-like codes through xapian/xc_error.h.
 * Thread-safety: as the searcher (one thread at a time per ls_searcher). */
#ifndef LS_INDEX_READS_H
#define LS_INDEX_READS_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../format/passage_data.h"
#include "as_of.h"
#include "plan.h"
#include "search.h"

/* Called once per passage, p borrowed for the call; a non-OK return stops
 * the walk and is returned. */
typedef ls_rc (*ls_passage_each)(void *cb_ctx, const ls_passage *p);

/* Call each on the passages of document doc_id (a normalised id), up to
 * max, in the index's order; unreadable records are skipped. *matched (may
 * be NULL) gets how many there are (an estimate beyond max). */
ls_rc ls_searcher_each_passage_of(ls_searcher *s, const char *doc_id, unsigned max,
                                  ls_passage_each each, void *cb_ctx, size_t *matched,
                                  ls_error *err);

/* The same for the passages of other documents that name doc_id (the
 * normalised number is an indexed term). acts_first: the ones that also say
 * "sửa đổi", "bổ sung", "thay thế", "bãi bỏ" or "hết hiệu (lực)" come first
 * (a document's amenders and repealers among the first max). */
ls_rc ls_searcher_each_passage_naming(ls_searcher *s, const char *doc_id, int acts_first,
                                      unsigned max, ls_passage_each each, void *cb_ctx,
                                      size_t *matched, ls_error *err);

/* Call each on every passage of the index, in storage order; *seen (may be
 * NULL) gets how many were read. */
ls_rc ls_searcher_each_stored_passage(ls_searcher *s, ls_passage_each each, void *cb_ctx,
                                      size_t *seen, ls_error *err);

/* The normalised ids of every document holding passages, sorted; *ids and
 * each id malloc'ed (free each, then the array). */
ls_rc ls_searcher_doc_ids(ls_searcher *s, char ***ids, size_t *n, ls_error *err);

/* The value stored under metadata key prefix + name ("" when unset;
 * malloc'ed, caller frees): for the keyed records other modules define
 * (format/doc_links.h's "links:", "linksto:"; format/cite_keys.h's). */
ls_rc ls_searcher_metadata(ls_searcher *s, const char *prefix, const char *name, char **value,
                           ls_error *err);

/* ls_cite_law_lookup (format/cite_keys.h) on the index s reads. */
ls_rc ls_searcher_law_lookup(ls_searcher *s, const char *name, size_t len, const char *year,
                             char **id, char **other, ls_error *err);

/* ls_as_of_state (as_of.h) on the index s reads. */
ls_rc ls_searcher_as_of_state(ls_searcher *s, const char *id, const char *date,
                              ls_doc_state *st, char **own, ls_error *err);

/* ls_notice_document_name (notice.h) on the index s reads: malloc'ed, NULL
 * when doc_id is unknown. */
char *ls_searcher_document_name(ls_searcher *s, const char *doc_id);

/* ls_resolve_short_citation (cite_resolve.h) on the index s reads. */
ls_rc ls_searcher_resolve_short_citation(ls_searcher *s, ls_plan *plan, const char *q,
                                         size_t len, ls_error *err);

#endif
