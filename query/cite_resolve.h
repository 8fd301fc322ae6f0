/* cite_resolve.h — short citations to documents: "nđ 13/2023" (number
 * without its issuer code), "Luật Đất đai 2024", "Bộ luật Dân sự" (a law by
 * name, with or without its year), through the keys the indexer stores
 * (format/cite_keys.h). */
#ifndef LS_CITE_RESOLVE_H
#define LS_CITE_RESOLVE_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../xapian/xc.h"
#include "plan.h"

/* When plan names no document, look for a short citation in the question
 * q[0..len) and its plan (a number head always; a law's name only when the
 * question also cites an article), and set plan->doc_id (malloc'ed, owned by the
 * plan) to the one document it names; an ambiguous or unknown citation
 * leaves the plan as it is. Errors only for a failing index. */
ls_rc ls_resolve_short_citation(xc_db *db, ls_plan *plan, const char *q, size_t len,
                                ls_error *err);

#endif
