/* cmd_stats.c — `luat-search stats`: documents, passages and documents by
 * type in an index, and its index format (and whether `index` may add to
 * it). */
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>

#include "../common/ls_json.h"
#include "../indexer/shards.h"
#include "../query/search.h"
#include "cli.h"

static const char help[] =
    "usage: luat-search stats --db DIR [--json]\n"
    "\n"
    "Print how many documents and passages (articles) the index holds, the\n"
    "documents by type and the index format (an index of an older format is\n"
    "still searched, but `index` adds nothing to it before it is rebuilt with\n"
    "--overwrite). A shard set whose last commit was cut short (a killed\n"
    "indexer) is reported as incomplete (\"complete\": false and \"problem\" in\n"
    "JSON) with exit status 1; indexing the same sources again repairs it.\n"
    "\n"
    "options:\n"
    "  --db DIR    the index directory (required)\n"
    "  --json      print {\"documents\": N, \"passages\": M, \"by_type\": {...},\n"
    "              \"format\": \"4\", \"writable\": true}: the index format, and\n"
    "              whether `index` may add to it (an older format must be\n"
    "              rebuilt first; \"not_writable\" then says how)\n"
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
    printf("index format: %s\n", json_string_value(json_object_get(o, "format")));
    const char *why = json_string_value(json_object_get(o, "not_writable"));
    if (why) printf("  (not added to: %s)\n", why);
    json_decref(o);
}

int cmd_stats(int argc, char **argv)
{
    const char *db;
    int json = 0;
    const cli_flag flags[] = {{"json", &json}, {NULL, NULL}};
    int status = cli_parse_db_flags("stats", help, argc, argv, &db, flags);
    if (status >= 0) return status;
    if (optind < argc) return cli_usage_error("stats", "unexpected argument '%s'", argv[optind]);
    ls_error err = {0};
    ls_searcher *s = NULL;
    char *out = NULL;
    if (ls_searcher_open(db, &s, &err) || ls_searcher_stats_json(s, &out, &err)) {
        ls_searcher_close(s);
        return cli_fail("stats", &err);
    }
    /* a shard set whose last commit was cut short says so, and fails */
    int complete = 1;
    char why[1024];
    if (ls_shards_complete(db, &complete, why, sizeof why, &err)) {
        free(out);
        ls_searcher_close(s);
        return cli_fail("stats", &err);
    }
    if (json && !complete) {
        json_t *o = json_loads(out, 0, NULL);
        json_object_set_new(o, "complete", json_false());
        json_object_set_new(o, "problem", json_string(why));
        char *more = ls_json_text(o);
        if (more) free(out), out = more;
    }
    if (json) printf("%s\n", out);
    else print_human(out);
    if (!complete) fprintf(stderr, "luat-search stats: INCOMPLETE: %s\n", why);
    free(out);
    ls_searcher_close(s);
    return complete ? CLI_OK : CLI_FAIL;
}
