/* cmd_mcp.c — `luat-search mcp`: the MCP server (api/mcp.h) over stdio for
 * desktop assistants: one JSON-RPC message per line on standard input, one
 * reply per line on standard output, logs on standard error. Ends at the
 * end of its input. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/mcp.h"
#include "../api/mcp_codes.h"
#include "../common/ls_json.h"
#include "cli.h"

#define MAX_MESSAGE (4u << 20) /* bytes of one line */

static const char help[] =
    "usage: luat-search mcp --db DIR\n"
    "\n"
    "Speak the Model Context Protocol (revision " LS_MCP_PROTOCOL_VERSION ") over stdio:\n"
    "newline-delimited JSON-RPC on standard input and output, logs on standard error.\n"
    "Tools: search_legislation, get_provision, validate_citation, format_citation;\n"
    "resources luat://index, luat://document/{id}[/article/{n}]; prompts\n"
    "answer_legal_question, check_citations.\n"
    "For an assistant's configuration (Claude Desktop and the like):\n"
    "  {\"mcpServers\": {\"luat-search\": {\"command\": \"/path/to/luat-search\",\n"
    "                                   \"args\": [\"mcp\", \"--db\", \"/path/to/index\"]}}}\n"
    "\n"
    "options:\n"
    "  --db DIR     the index directory (required)\n"
    "  -h, --help   this help\n";

int cmd_mcp(int argc, char **argv)
{
    const char *db = NULL;
    int status = cli_parse_db_flags("mcp", help, argc, argv, &db, NULL);
    if (status >= 0) return status;
    if (optind < argc) return cli_usage_error("mcp", "unexpected argument '%s'", argv[optind]);
    ls_error err = {0};
    ls_searcher *s = NULL;
    if (ls_searcher_open(db, &s, &err)) return cli_fail("mcp", &err);
    signal(SIGPIPE, SIG_IGN);
    fprintf(stderr, "luat-search mcp: serving %s over stdio\n", db);

    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    ls_buf reply = LS_BUF_INIT;
    ls_mcp_state state = LS_MCP_STATE_INIT; /* one session: this connection */
    ls_buf notes = LS_BUF_INIT;             /* notifications/message, before the reply */
    state.log = &notes;
    int failed = 0;
    while (!failed && (n = getline(&line, &cap, stdin)) != -1) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (!n) continue;
        ls_buf_reset(&reply);
        ls_buf_reset(&notes);
        ls_rc rc;
        if ((size_t)n > MAX_MESSAGE)
            rc = ls_json_put(&reply, json_pack("{s:s, s:n, s:{s:i, s:s}}", "jsonrpc", "2.0",
                                               "id", "error", "code", LS_RPC_INVALID,
                                               "message", "message over 4 MB"));
        else
            rc = ls_mcp_handle(s, &state, line, (size_t)n, &reply);
        if (rc == LS_ERR_NOMEM) {
            fprintf(stderr, "luat-search mcp: out of memory\n");
            failed = 1;
        } else if (rc == LS_ERR_FORMAT) {
            fprintf(stderr, "luat-search mcp: refused a message: %.300s\n", reply.data);
        }
        if (notes.len && fwrite(notes.data, 1, notes.len, stdout) != notes.len) failed = 1;
        if (reply.len && (fwrite(reply.data, 1, reply.len, stdout) != reply.len ||
                          putchar('\n') == EOF || fflush(stdout) == EOF)) {
            fprintf(stderr, "luat-search mcp: standard output closed\n");
            failed = 1;
        }
    }
    free(line);
    ls_buf_free(&reply);
    ls_buf_free(&notes);
    ls_searcher_close(s);
    return failed ? CLI_FAIL : CLI_OK;
}
