/* searcher_internal.h — the Xapian handle under an ls_searcher, declared
 * once for the files of query/ that read the index beside search.c
 * (stats.c, index_reads.c). Private to query/, the one reader of the index:
 * review/ and api/ ask index_reads.h for what they need. */
#ifndef LS_SEARCHER_INTERNAL_H
#define LS_SEARCHER_INTERNAL_H

#include "../xapian/xc.h"
#include "search.h"

/* The database s reads; owned by s, valid until s is closed. */
xc_db *ls_searcher_db(ls_searcher *s);

/* The index directory s was opened on (a shard set's directory for a set);
 * owned by s, valid until s is closed. */
const char *ls_searcher_path(const ls_searcher *s);

#endif
