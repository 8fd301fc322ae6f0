/* cmd_stats.c — `luat-search stats`: documents, passages and documents by
 * type in an index. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "../query/search.h"
#include "cli.h"

static const char help[] =
    "usage: luat-search stats --db DIR [--json]\n"
    "\n"
    "Print how many documents and passages (articles) the index holds, and the\n"
    "documents by type.\n"
    "\n"
    "options:\n"
    "  --db DIR    the index directory (required)\n"
    "  --json      print {\"documents\": N, \"passages\": M, \"by_type\": {...}}\n"
    "  -h, --help  this help\n";

static void print_human(const char *json)
{
    json_t *o = json_loads(json, 0, NULL);
    printf("documents: %lld\npassages:  %lld\n",
           (long long)json_integer_value(json_object_get(o, "documents")),
           (long long)json_integer_value(json_object_get(o, "passages")));
    const char *type;
    json_t *n;
    json_object_foreach(json_object_get(o, "by_type"), type, n)
        printf("  %-24s %lld\n", type, (long long)json_integer_value(n));
    json_decref(o);
}

int cmd_stats(int argc, char **argv)
{
    static const struct option opts[] = {{"db", required_argument, 0, 'd'},
                                         {"json", no_argument, 0, 'j'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *db = NULL;
    int json = 0, c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'j': json = 1; break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("stats", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("stats", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db) return cli_usage_error("stats", "--db DIR is required");
    if (optind < argc) return cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
    ls_error err = {0};
    ls_searcher *s = NULL;
    char *out = NULL;
    if (ls_searcher_open(db, &s, &err) || ls_searcher_stats_json(s, &out, &err)) {
        ls_searcher_close(s);
        return cli_fail("stats", &err);
    }
    if (json) printf("%s\n", out);
    else print_human(out);
    free(out);
    ls_searcher_close(s);
    return CLI_OK;
}
