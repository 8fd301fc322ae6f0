/* cmd_compact.c — `luat-search compact`: write a compacted copy of an index
 * (Xapian's Compactor) beside it, then swap it in by rename. */
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
    "the old index moves to DIR.old and the copy takes its place; remove DIR.old\n"
    "when satisfied. Run it when no indexer is writing.\n"
    "\n"
    "options:\n"
    "  --db DIR    the index directory (required)\n"
    "  -h, --help  this help\n";

int cmd_compact(int argc, char **argv)
{
    const char *db;
    int status = cli_parse_db_flags("compact", help, argc, argv, &db, NULL);
    if (status >= 0) return status;
    if (optind < argc) return cli_usage_error("compact", "unexpected argument '%s'", argv[optind]);
    char tmp[4096], old[4096];
    snprintf(tmp, sizeof tmp, "%s.compact", db);
    snprintf(old, sizeof old, "%s.old", db);
    if (access(tmp, F_OK) == 0 || access(old, F_OK) == 0) {
        fprintf(stderr, "luat-search compact: %s or %s exists; remove it first\n", tmp, old);
        return CLI_FAIL;
    }
    xc_err xe;
    if (xc_compact(db, tmp, &xe)) {
        fprintf(stderr, "luat-search compact: %s: %s\n", db, xe.msg);
        return CLI_FAIL;
    }
    /* keep the writer lock file with the index */
    char lock_from[4200], lock_to[4200];
    snprintf(lock_from, sizeof lock_from, "%s/writer.lock", db);
    snprintf(lock_to, sizeof lock_to, "%s/writer.lock", tmp);
    if (access(lock_from, F_OK) == 0) {
        FILE *f = fopen(lock_to, "w");
        if (f) fclose(f);
    }
    if (rename(db, old) != 0 || rename(tmp, db) != 0) {
        perror("luat-search compact: swapping the compacted index in");
        return CLI_FAIL;
    }
    printf("compacted %s (previous index kept in %s)\n", db, old);
    return CLI_OK;
}
