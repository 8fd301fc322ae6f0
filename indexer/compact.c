/* compact.c — compacting an index in place, swapping directories
 * (compact.h). */
#include "compact.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../xapian/xc.h"
#include "../xapian/xc_error.h"

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* keep the writer lock file with the index */
static void copy_lock_file(const char *db, const char *tmp)
{
    char lock_from[4200], lock_to[4200];
    snprintf(lock_from, sizeof lock_from, "%s/writer.lock", db);
    snprintf(lock_to, sizeof lock_to, "%s/writer.lock", tmp);
    if (access(lock_from, F_OK) == 0) {
        FILE *f = fopen(lock_to, "w");
        if (f) fclose(f);
    }
}

ls_rc ls_index_remove_tree(const char *path, ls_error *err)
{
    if (nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
        return ls_error_set(err, LS_ERR_IO, "removing %s: %s", path, strerror(errno));
    return LS_OK;
}

ls_rc ls_index_compact(const char *db, ls_compact_result *res, ls_error *err)
{
    memset(res, 0, sizeof *res);
    char tmp[4096];
    if (strlen(db) + sizeof ".compact" > sizeof tmp)
        return ls_error_set(err, LS_ERR_ARG, "%.100s...: path too long", db);
    snprintf(tmp, sizeof tmp, "%s.compact", db);
    snprintf(res->old, sizeof res->old, "%s.old", db);
    if (access(res->old, F_OK) == 0)
        return ls_error_set(err, LS_ERR_ARG, "%s exists; remove it first", res->old);
    /* left by a killed run: a part-written copy, or (killed between the
     * exchange and the last rename) the old index; DIR is whole either way */
    if (access(tmp, F_OK) == 0 && access(db, F_OK) == 0) {
        if (nftw(tmp, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
            return ls_error_set(err, LS_ERR_IO, "removing %s, left by an interrupted run: %s", tmp,
                                strerror(errno));
        res->removed_leftover = 1;
    }
    xc_err xe;
    if (xc_compact(db, tmp, &xe)) return ls_xc_error(err, db, &xe);
    copy_lock_file(db, tmp);
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, db, RENAME_EXCHANGE) != 0 || rename(tmp, res->old) != 0)
        return ls_error_set(err, LS_ERR_IO, "swapping the compacted index in: %s",
                            strerror(errno));
    return LS_OK;
}
