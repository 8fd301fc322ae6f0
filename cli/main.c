/* main.c — `luat-search` entry point: dispatches to a subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <getopt.h>

#include "../common/version.h"
#include "../text/analyser.h"
#include "cli.h"

static const char usage[] =
    "usage: luat-search COMMAND [OPTIONS] ...\n"
    "\n"
    "Search engine for Vietnamese legal texts.\n"
    "\n"
    "commands:\n"
    "  index    add documents to an index (creates it if needed)\n"
    "  search   ask a question; prints ranked articles with citations\n"
    "  stats    counts of documents and passages in an index\n"
    "  remove   remove documents from an index by number\n"
    "  compact  rewrite an index compactly (Xapian's Compactor)\n"
    "  serve    the REST API and a search page over HTTP\n"
    "  procedure  an administrative procedure's card by its code\n"
    "  eval     relevance figures (R@1, R@10, MRR@10, nDCG@10) on a questions file\n"
    "  review   find, resolve and check every citation of a legal text\n"
    "  relations  a document's relations both ways (căn cứ, sửa đổi, thay thế...)\n"
    "  mcp      the MCP server for LLM assistants over stdio (also at /mcp of serve)\n"
    "\n"
    "Run 'luat-search COMMAND --help' for a command's options, 'luat-search --version'\n"
    "for the version, 'man luat-search' for the manual.\n";

int cli_fail(const char *cmd, const ls_error *err)
{
    fprintf(stderr, "luat-search %s: %s\n", cmd,
            err && err->msg[0] ? err->msg : ls_strerror(err ? err->rc : LS_ERR_INTERNAL));
    return CLI_FAIL;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    fprintf(stderr, "luat-search %s: ", cmd);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'luat-search %s --help'.\n", cmd);
    return CLI_USAGE;
}

int cli_parse_db_flags(const char *cmd, const char *help, int argc, char **argv,
                       const char **db, const cli_flag *flags)
{
    struct option opts[16] = {{"db", required_argument, 0, 'd'}, {"help", no_argument, 0, 'h'}};
    size_t n = 2;
    for (size_t i = 0; flags && flags[i].name && n < 15; i++, n++)
        opts[n] = (struct option){flags[i].name, no_argument, flags[i].set, 1};
    opts[n] = (struct option){0, 0, 0, 0};
    *db = NULL;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 0: break; /* a flag, stored by getopt */
        case 'd': *db = optarg; break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error(cmd, "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!*db) return cli_usage_error(cmd, "--db DIR is required");
    return -1;
}

int cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out)
{
    if (!s || !*s) return -1;
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || s[0] == '-' || v < min || v > max) return -1;
    *out = (unsigned)v;
    return 0;
}

int main(int argc, char **argv)
{
    static const struct { const char *name; int (*fn)(int, char **); } commands[] = {
        {"index", cmd_index}, {"search", cmd_search}, {"stats", cmd_stats},
        {"remove", cmd_remove}, {"eval", cmd_eval}, {"compact", cmd_compact},
        {"serve", cmd_serve}, {"review", cmd_review}, {"relations", cmd_relations},
        {"mcp", cmd_mcp}, {"procedure", cmd_procedure},
    };
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? CLI_USAGE : CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("luat-search %s\n", ls_version());
        return CLI_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            int status = commands[i].fn(argc - 1, argv + 1);
            ls_analyser_shutdown();
            return status;
        }
    }
    fprintf(stderr, "luat-search: unknown command '%s'\n\n%s", argv[1], usage);
    return CLI_USAGE;
}
