/* compact.h — compacting an index in place: Xapian writes a compacted copy
 * to DIR.compact (a shard set is merged into one index), then the copy and
 * DIR swap places in one step (renameat2 RENAME_EXCHANGE) and the old index
 * moves to DIR.old. DIR holds a whole index at every moment, however the
 * run is killed; a DIR.compact a killed run left is removed and the work
 * done again. Run it when no indexer is writing. */
#ifndef LS_COMPACT_H
#define LS_COMPACT_H

#include "../common/ls_error.h"

typedef struct ls_compact_result {
    char old[4096];         /* where the previous index was kept: DIR.old */
    int removed_leftover;   /* a DIR.compact left by an interrupted run was
                               removed first */
} ls_compact_result;

/* Compact the index at db in place (above); *res (the caller's) says what
 * was done. LS_ERR_ARG when db is too long or DIR.old exists (the caller
 * removes it first), LS_ERR_NOTFOUND when db is not an index, LS_ERR_IO when
 * the leftover cannot be removed or the swap fails, else Xapian's error. */
ls_rc ls_index_compact(const char *db, ls_compact_result *res, ls_error *err);

/* Remove the directory tree at path (the DIR.old a compaction kept, once
 * its caller has no use for it). LS_ERR_IO when it cannot. */
ls_rc ls_index_remove_tree(const char *path, ls_error *err);

#endif
