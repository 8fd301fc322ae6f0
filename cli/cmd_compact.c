/* cmd_compact.c — `luat-search compact`: write a compacted copy of an index
 * (Xapian's Compactor) beside it, then swap it in by an atomic exchange of
 * the two directories (renameat2 RENAME_EXCHANGE), so DIR always holds a
 * whole index, however the run is killed. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../xapian/xc.h"
#include "cli.h"

static const char help[] =
    "usage: luat-search compact --db DIR\n"
    "\n"
    "Compact the index at DIR: Xapian writes a compacted copy to DIR.compact, then\n"
    "the copy and the old index swap places in one step and the old one moves to\n"
    "DIR.old; remove DIR.old when satisfied. A DIR.compact left by a run that was\n"
    "killed is removed and the work done again. Run it when no indexer is writing.\n"
    "\n"
    "options:\n"
    "  --db DIR    the index directory (required)\n"
    "  -h, --help  this help\n";

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

int cli_remove_tree(const char *path)
{
    return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int cli_compact_swap(const char *cmd, const char *db)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.compact", db);
    /* left by a killed run: a part-written copy, or (killed between the
     * exchange and the last rename) the old index; DIR is whole either way */
    if (access(tmp, F_OK) == 0 && access(db, F_OK) == 0) {
        fprintf(stderr, "luat-search %s: removing %s, left by an interrupted run\n", cmd, tmp);
        if (cli_remove_tree(tmp) != 0) {
            fprintf(stderr, "luat-search %s: removing %s: %s\n", cmd, tmp, strerror(errno));
            return -1;
        }
    }
    xc_err xe;
    if (xc_compact(db, tmp, &xe)) {
        fprintf(stderr, "luat-search %s: compacting %s: %s\n", cmd, db, xe.msg);
        return -1;
    }
    /* keep the writer lock file with the index */
    char lock_from[4200], lock_to[4200];
    snprintf(lock_from, sizeof lock_from, "%s/writer.lock", db);
    snprintf(lock_to, sizeof lock_to, "%s/writer.lock", tmp);
    if (access(lock_from, F_OK) == 0) {
        FILE *f = fopen(lock_to, "w");
        if (f) fclose(f);
    }
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, db, RENAME_EXCHANGE) != 0) {
        fprintf(stderr, "luat-search %s: swapping the compacted index in: %s\n", cmd,
                strerror(errno));
        return -1;
    }
    return 0;
}

int cmd_compact(int argc, char **argv)
{
    const char *db;
    int status = cli_parse_db_flags("compact", help, argc, argv, &db, NULL);
    if (status >= 0) return status;
    if (optind < argc) return cli_usage_error("compact", "unexpected argument '%s'", argv[optind]);
    char tmp[4096], old[4096];
    snprintf(tmp, sizeof tmp, "%s.compact", db);
    snprintf(old, sizeof old, "%s.old", db);
    if (access(old, F_OK) == 0) {
        fprintf(stderr, "luat-search compact: %s exists; remove it first\n", old);
        return CLI_FAIL;
    }
    if (cli_compact_swap("compact", db) != 0) return CLI_FAIL;
    if (rename(tmp, old) != 0) {
        perror("luat-search compact: swapping the compacted index in");
        return CLI_FAIL;
    }
    printf("compacted %s (previous index kept in %s)\n", db, old);
    return CLI_OK;
}
