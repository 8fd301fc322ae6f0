/* cmd_procedure.c — `luat-search procedure CODE`: an administrative
 * procedure's card (what to bring, where, how long, what it costs, on which
 * legal basis, and whether that basis is still in force). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "../review/procedure_bases.h"
#include "cli.h"
#include "procedure_print.h"

static const char help[] =
    "usage: luat-search procedure --db DIR [--json] [--as-of DATE] CODE\n"
    "\n"
    "Print the card of the administrative procedure CODE (\"1.001193\", as the\n"
    "national database numbers them; find codes with search --kind procedure):\n"
    "level, agency, channels with time limit and fee, the documents to submit,\n"
    "the result, and each legal basis with its status in the index as of DATE\n"
    "(default today) or \"not in the index\".\n"
    "\n"
    "options:\n"
    "  --db DIR       the index directory (required)\n"
    "  --json         print the card as one JSON object\n"
    "  --as-of DATE   the date of the legal bases' status (YYYY-MM-DD)\n"
    "  -h, --help     this help\n"
    "Exit status 1 when the index has no such procedure.\n";

int cmd_procedure(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'}, {"json", no_argument, 0, 'j'},
        {"as-of", required_argument, 0, 'a'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    const char *db = NULL, *as_of = NULL;
    int json = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'a': as_of = optarg; break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("procedure", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("procedure", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db) return cli_usage_error("procedure", "--db DIR is required");
    if (optind + 1 != argc) return cli_usage_error("procedure", "give one procedure CODE");
    ls_error err = {0};
    ls_searcher *s = NULL;
    if (ls_searcher_open(db, &s, &err)) return cli_fail("procedure", &err);
    char *card = NULL;
    int status = CLI_OK;
    if (ls_procedure_get(s, argv[optind], as_of, &card, &err)) status = cli_fail("procedure", &err);
    else if (json) printf("%s\n", card);
    else cli_print_procedure(stdout, card, 1, "");
    free(card);
    ls_searcher_close(s);
    return status;
}
