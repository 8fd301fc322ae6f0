/* cli.h — the `luat-search` command line: one file per subcommand, each
 * exporting `int cmd_<name>(int argc, char **argv)` that returns the exit
 * status (0 ok, 1 failure, 2 usage error). */
#ifndef LS_CLI_H
#define LS_CLI_H

#include "../common/ls_error.h"

int cmd_index(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_remove(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_compact(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_review(int argc, char **argv);
int cmd_relations(int argc, char **argv);
int cmd_mcp(int argc, char **argv);
int cmd_procedure(int argc, char **argv);

/* Exit statuses */
#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

/* Print "luat-search <cmd>: <message>" to stderr; returns CLI_FAIL. */
int cli_fail(const char *cmd, const ls_error *err);

/* Print "luat-search <cmd>: <usage problem>" and a hint to run --help;
 * returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A boolean flag of a command: --name sets *set to 1. */
typedef struct cli_flag {
    const char *name;
    int *set;
} cli_flag;

/* Parse the options of a command that takes --db DIR, -h/--help and the
 * boolean flags in `flags` (terminated by {NULL, NULL}; may be NULL).
 * Returns -1 when the command should go on (*db set, optind at the first
 * operand), else the exit status to return (help printed: 0; usage error: 2). */
int cli_parse_db_flags(const char *cmd, const char *help, int argc, char **argv,
                       const char **db, const cli_flag *flags);

/* Parse a decimal unsigned in [min, max]; returns 0 and sets *out, or -1. */
int cli_parse_uint(const char *s, unsigned min, unsigned max, unsigned *out);

#endif
