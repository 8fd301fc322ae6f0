/* cmd_search.c — `luat-search search`: one question from the arguments, or
 * one per line from stdin with --batch; human, --json or JSON-lines output. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/ls_buf.h"
#include "../common/ls_json.h"
#include "../query/results_json.h"
#include "../query/search.h"
#include "cli.h"
#include "procedure_print.h"

static const char help[] =
    "usage: luat-search search --db DIR [OPTIONS] QUESTION...\n"
    "       luat-search search --db DIR --batch [OPTIONS] < questions.txt\n"
    "\n"
    "Ask a question, with or without diacritics, in plain words or as a citation\n"
    "(\"khoản 2 Điều 5 Nghị định 13/2023/NĐ-CP\"). Prints ranked articles, each\n"
    "with its citation, the document's title and a snippet of the clause that\n"
    "matched. Each answer carries the engine's confidence that its first hit\n"
    "answers; a citation to what the index does not hold is said plainly\n"
    "(\"Luật Bảo hiểm xã hội không có trong chỉ mục\").\n"
    "\n"
    "options:\n"
    "  --db DIR          the index directory (required)\n"
    "  --limit N         number of results (default 10, at most 1000)\n"
    "  --offset N        skip the first N results\n"
    "  --type T          only documents of this type (\"Nghị định\", \"nghi dinh\", NĐ)\n"
    "  --issuer I        only documents from this body (\"Chính phủ\")\n"
    "  --from DATE       only documents issued on/after DATE (YYYY[-MM[-DD]])\n"
    "  --to DATE         only documents issued on/before DATE\n"
    "  --in-force        leave out documents not in force on the --as-of date\n"
    "  --as-of DATE      statuses as of DATE (YYYY-MM-DD; default today): a text\n"
    "                    amended, replaced or repealed by one taking effect later\n"
    "                    shows as it stood then\n"
    "  --per-document N  at most N results of one document (default: no limit)\n"
    "  --kind K          article: articles only; procedure: administrative\n"
    "                    procedures only; all: both, ranked together. Default:\n"
    "                    articles, plus up to 3 procedures that match well\n"
    "                    (\"procedures\" in --json)\n"
    "  --level L         only procedures of this level (\"cấp xã\", \"tỉnh\")\n"
    "  --field F         only procedures of this field (\"Hộ tịch\")\n"
    "  --min-confidence X  below this confidence (0 to 1, default 0.25) the answer\n"
    "                    is \"Không tìm thấy văn bản phù hợp trong chỉ mục\" and the\n"
    "                    JSON says \"no_answer\": true; 0 never says so\n"
    "  --all             print the hits even when there is no answer\n"
    "  --json            print the results as one JSON object (always with its\n"
    "                    hits, \"confidence\", \"no_answer\" and \"notice\")\n"
    "  --batch           read one question a line from stdin; write one JSON object\n"
    "                    a line: {\"query\": ..., \"hits\": [...]}\n"
    "  --remote H:P,...  search these remote shards (xapian-tcpsrv) as well; DIR\n"
    "                    (or DIR/meta of a shard set) gives synonyms and records\n"
    "  --remote-timeout MS  bound on each network wait (default 5000)\n"
    "  -h, --help        this help\n";

typedef struct search_cli {
    ls_searcher *searcher;
    ls_search_request req;
    int json, batch;
    int color;
    int all;                 /* print hits even with no_answer */
} search_cli;

static void print_human(const search_cli *cli, const ls_results *r)
{
    const char *open = cli->color ? "\x1b[1;33m" : "[";
    const char *close = cli->color ? "\x1b[0m" : "]";
    for (size_t i = 0; i < r->nprocedures; i++) { /* the card first */
        cli_print_procedure(stdout, r->procedures[i].passage->procedure, 0, i ? "   " : "");
        if (i == 0 && r->nprocedures > 1) puts("Cũng có thể là:");
        putchar('\n');
    }
    if (r->notice) printf("%s.\n", r->notice);
    if (r->nhits == 0) {
        printf("No results for: %s\n", r->understood ? r->understood : "");
        return;
    }
    if (r->suggestion) printf("Did you mean: %s\n", r->suggestion);
    if (r->no_answer && !cli->all) {
        printf("Không tìm thấy văn bản phù hợp trong chỉ mục (độ tin cậy %.2f; --all cho "
               "xem các kết quả yếu).\n", r->confidence);
        return;
    }
    printf("Độ tin cậy: %.2f%s\n\n", r->confidence,
           r->no_answer ? " (thấp: có thể không có câu trả lời trong chỉ mục)" : "");
    for (size_t i = 0; i < r->nhits; i++) {
        const ls_hit *h = &r->hits[i];
        const ls_passage *p = h->passage;
        printf("%u. %s%s%s%s  (score %.2f)\n", h->rank, cli->color ? "\x1b[1m" : "",
               h->citation, p->heading ? " — " : "", p->heading ? p->heading : "", h->score);
        if (cli->color) fputs("\x1b[0m", stdout);
        if (p->procedure) {
            cli_print_procedure(stdout, p->procedure, 0, "   ");
            putchar('\n');
            continue;
        }
        if (p->doc_title) printf("   %s\n", p->doc_title);
        /* a text no longer (or not wholly) as published: say so */
        if (p->status && strcmp(ls_status_code(p->status), "in-force") != 0)
            printf("   Tình trạng: %s\n", p->status);
        ls_buf snip = LS_BUF_INIT;
        if (h->snippet && ls_snippet_render(h->snippet, open, close, 0, &snip) == LS_OK)
            printf("   %s\n", snip.data ? snip.data : "");
        ls_buf_free(&snip);
        putchar('\n');
    }
    printf("About %u results.\n", r->estimated);
}

/* Run one question; returns 0 on success, else fills err. */
static ls_rc ask(search_cli *cli, const char *q, size_t len, ls_error *err)
{
    cli->req.query = q;
    cli->req.query_len = len;
    ls_results *r = NULL;
    ls_rc rc = ls_search(cli->searcher, &cli->req, &r, err);
    if (rc) return rc;
    if (cli->json || cli->batch) {
        ls_buf out = LS_BUF_INIT;
        rc = ls_results_json(r, q, len, 0, &out);
        if (!rc) printf("%s\n", out.data);
        ls_buf_free(&out);
        if (rc) ls_error_set(err, rc, "writing results: %s", ls_strerror(rc));
    } else {
        print_human(cli, r);
    }
    ls_results_free(r);
    return rc;
}

/* --batch: a question per line; a bad line gets {"query", "error"} and the
 * run goes on. Returns the exit status. */
static int run_batch(search_cli *cli)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int status = CLI_OK;
    while ((n = getline(&line, &cap, stdin)) != -1) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n == 0) continue;
        ls_error err = {0};
        if (ask(cli, line, (size_t)n, &err)) {
            ls_buf out = LS_BUF_INIT;
            json_t *query = err.rc == LS_ERR_UTF8 ? json_null() : ls_json_stringn(line, (size_t)n);
            if (ls_json_put(&out, json_pack("{s:o, s:o, s:[]}", "query", query, "error",
                                            ls_json_str_or_null(err.msg), "hits")) == LS_OK)
                printf("%s\n", out.data);
            else status = CLI_FAIL;
            ls_buf_free(&out);
            if (!ls_rc_is_bad_input(err.rc))
                status = CLI_FAIL;
        }
        fflush(stdout);
    }
    free(line);
    return status;
}

int cmd_search(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},   {"limit", required_argument, 0, 'l'},
        {"offset", required_argument, 0, 'o'}, {"type", required_argument, 0, 't'},
        {"issuer", required_argument, 0, 'i'}, {"from", required_argument, 0, 'F'},
        {"to", required_argument, 0, 'T'},   {"in-force", no_argument, 0, 'n'},
        {"as-of", required_argument, 0, 'A'},
        {"per-document", required_argument, 0, 'p'},        {"json", no_argument, 0, 'j'},
        {"batch", no_argument, 0, 'b'},      {"help", no_argument, 0, 'h'},
        {"remote", required_argument, 0, 'R'}, {"remote-timeout", required_argument, 0, 'W'},
        {"kind", required_argument, 0, 'k'}, {"level", required_argument, 0, 'L'},
        {"field", required_argument, 0, 'f'},
        {"min-confidence", required_argument, 0, 'M'}, {"all", no_argument, 0, 'a'},
        {0, 0, 0, 0}};
    search_cli cli = {0};
    const char *db = NULL, *remotes = NULL;
    unsigned timeout_ms = 0;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'l':
            if (cli_parse_uint(optarg, 1, 1000, &cli.req.limit))
                return cli_usage_error("search", "--limit wants a number from 1 to 1000");
            break;
        case 'o':
            if (cli_parse_uint(optarg, 0, 100000, &cli.req.offset))
                return cli_usage_error("search", "--offset wants a number from 0 to 100000");
            break;
        case 't': cli.req.type = optarg; break;
        case 'i': cli.req.issuer = optarg; break;
        case 'F': cli.req.from = optarg; break;
        case 'T': cli.req.to = optarg; break;
        case 'n': cli.req.in_force = 1; break;
        case 'A': cli.req.as_of = optarg; break;
        case 'p':
            if (cli_parse_uint(optarg, 1, 1000, &cli.req.per_document))
                return cli_usage_error("search", "--per-document wants a number from 1 to 1000");
            break;
        case 'k':
            if ((cli.req.kind = ls_kind_parse(optarg)) < 0)
                return cli_usage_error("search", "--kind is article, procedure or all");
            break;
        case 'L': cli.req.level = optarg; break;
        case 'f': cli.req.field = optarg; break;
        case 'M': {
            char *end;
            double x = strtod(optarg, &end);
            if (!*optarg || *end || !(x >= 0 && x <= 1))
                return cli_usage_error("search", "--min-confidence wants a number from 0 to 1");
            cli.req.min_confidence = x > 0 ? x : -1; /* 0: never no_answer */
            break;
        }
        case 'a': cli.all = 1; break;
        case 'j': cli.json = 1; break;
        case 'b': cli.batch = 1; break;
        case 'R': remotes = optarg; break;
        case 'W':
            if (cli_parse_uint(optarg, 1, 600000, &timeout_ms))
                return cli_usage_error("search", "--remote-timeout wants milliseconds, 1 to 600000");
            break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("search", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("search", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db) return cli_usage_error("search", "--db DIR is required");
    if (!cli.batch && optind >= argc) return cli_usage_error("search", "no QUESTION given");
    if (cli.batch && optind < argc)
        return cli_usage_error("search", "--batch reads questions from stdin; give none as arguments");
    cli.color = !cli.json && isatty(STDOUT_FILENO);

    ls_error err = {0};
    if (ls_searcher_open_remote(db, remotes, timeout_ms, &cli.searcher, &err))
        return cli_fail("search", &err);
    int status = CLI_OK;
    if (cli.batch) {
        status = run_batch(&cli);
    } else {
        ls_buf q = LS_BUF_INIT;
        for (int i = optind; i < argc; i++) {
            if (i > optind) ls_buf_putc(&q, ' ');
            ls_buf_puts(&q, argv[i]);
        }
        if (ask(&cli, q.data, q.len, &err)) status = cli_fail("search", &err);
        ls_buf_free(&q);
    }
    ls_searcher_close(cli.searcher);
    return status;
}
