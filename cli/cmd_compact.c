/* cmd_compact.c — `luat-search compact`: the options of ls_index_compact
 * (indexer/compact.h), which compacts an index in place by swapping
 * directories, so DIR always holds a whole index, however the run is
 * killed. */
#include <stdio.h>
#include <unistd.h>

#include "../indexer/compact.h"
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

int cmd_compact(int argc, char **argv)
{
    const char *db;
    int status = cli_parse_db_flags("compact", help, argc, argv, &db, NULL);
    if (status >= 0) return status;
    if (optind < argc) return cli_usage_error("compact", "unexpected argument '%s'", argv[optind]);
    ls_compact_result res;
    ls_error err = {0};
    ls_rc rc = ls_index_compact(db, &res, &err);
    if (res.removed_leftover)
        fprintf(stderr, "luat-search compact: removed %s.compact, left by an interrupted run\n", db);
    if (rc) return cli_fail("compact", &err);
    printf("compacted %s (previous index kept in %s)\n", db, res.old);
    return CLI_OK;
}
