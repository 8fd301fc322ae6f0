/* searcher_internal.h — the Xapian handle under an ls_searcher, declared
 * once for the files of query/ that read the index beside search.c
 * (stats.c). Outside query/ it is a back door into the index (review/,
 * api/mcp_tools.c: listed in scripts/check-includes.allow) that the one
 * reader of the index is to close. */
#ifndef LS_SEARCHER_INTERNAL_H
#define LS_SEARCHER_INTERNAL_H

#include "../xapian/xc.h"
#include "search.h"

/* The database s reads; owned by s, valid until s is closed. */
xc_db *ls_searcher_db(ls_searcher *s);

#endif
