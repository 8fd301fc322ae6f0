/* cmd_remove.c — `luat-search remove`: take documents and all their
 * passages out of an index, atomically. */
#include <stdio.h>
#include <unistd.h>

#include "../indexer/indexer.h"
#include "cli.h"

static const char help[] =
    "usage: luat-search remove --db DIR ID...\n"
    "\n"
    "Remove each document (by its number, e.g. 13/2023/NĐ-CP, or a law's name\n"
    "when it has no number) and all its passages. All removals are committed\n"
    "together, or none is if one fails.\n"
    "\n"
    "options:\n"
    "  --db DIR    the index directory (required)\n"
    "  -h, --help  this help\n";

int cmd_remove(int argc, char **argv)
{
    const char *db;
    int status = cli_parse_db_flags("remove", help, argc, argv, &db, NULL);
    if (status >= 0) return status;
    if (optind >= argc) return cli_usage_error("remove", "no document ID given");
    ls_error err = {0};
    ls_indexer *ix = NULL;
    ls_indexer_options io = {.removing = 1}; /* an older format is kept as it is */
    if (ls_indexer_open(db, &io, &ix, &err)) return cli_fail("remove", &err);
    for (int i = optind; i < argc; i++) {
        if (ls_indexer_remove(ix, argv[i], NULL, &err)) {
            ls_indexer_close(ix); /* drops the uncommitted removals */
            return cli_fail("remove", &err);
        }
    }
    if (ls_indexer_commit(ix, &err)) {
        ls_indexer_close(ix);
        return cli_fail("remove", &err);
    }
    ls_indexer_close(ix);
    printf("removed %d document(s)\n", argc - optind);
    return CLI_OK;
}
