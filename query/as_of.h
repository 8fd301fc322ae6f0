/* as_of.h — a search as of a date (point in time): the statuses its hits
 * show and what --in-force keeps, from the same rule review uses
 * (ls_relations_state, format/relations.h). A relation takes effect on
 * its acting text's effective date; a text issued or effective after the
 * date is not yet in force. Private to query/ and review/.
 */
#ifndef LS_AS_OF_H
#define LS_AS_OF_H

#include "../common/ls_error.h"
#include "../xapian/xc.h"
#include "../format/relations.h"
#include "search.h"

/* The date as_of names ("YYYY-MM-DD"), or today (local time) when NULL or
 * "", into out. LS_ERR_ARG (err says why) for anything else. */
ls_rc ls_as_of_date(const char *as_of, char out[11], ls_error *err);

/* The passages not in force on `date` ("YYYY-MM-DD"): repealed or replaced
 * by then (LS_SLOT_GONE), issued or taking effect after it, or, in an index
 * written before that slot existed, stored as repealed, suspended or
 * obsolete. A new query (caller frees), NULL with xe set on failure. */
xc_query *ls_as_of_excluded(const char *date, xc_err *xe);

/* Rewrite the status of every hit of r as of `date`, from its document's
 * published status, dates and stored relations (one read of each document's
 * record and relations). */
ls_rc ls_as_of_restate(xc_db *db, const char *date, ls_results *r, ls_error *err);

/* The status document `id` shows as of `date`, as ls_relations_state gives
 * it from the index's record and relation lines: *st filled (free with
 * ls_doc_state_free); *own (may be NULL) receives the published status
 * (malloc'ed, NULL when none). LS_ERR_NOTFOUND when there is no record. */
ls_rc ls_as_of_state(xc_db *db, const char *id, const char *date, ls_doc_state *st,
                     char **own, ls_error *err);

#endif
