/* cmd_serve.c — `luat-search serve`: the REST API and the web page
 * (api/server.h) until SIGTERM or SIGINT. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../api/rate_limit.h"
#include "../api/server.h"
#include "cli.h"

static const char help[] =
    "usage: luat-search serve --db DIR [OPTIONS]\n"
    "\n"
    "Serve the index at DIR over HTTP: GET/POST /v1/search, GET /v1/documents/{id}\n"
    "[/articles/{n}], /healthz, /metrics, /openapi.json, and a search page at /.\n"
    "New documents indexed into DIR are served after their commit, without a\n"
    "restart. Stops cleanly on SIGTERM or SIGINT. Prints the address it listens on.\n"
    "\n"
    "options:\n"
    "  --db DIR              the index directory (required)\n"
    "  --listen HOST:PORT    IPv4 address and port (default 127.0.0.1:8080; port 0\n"
    "                        picks a free one)\n"
    "  --threads N           worker threads, each with its own index handle (default 2)\n"
    "  --max-connections N   connections at once (default 256)\n"
    "  --timeout S           close a connection idle for S seconds (default 10)\n"
    "  --request-timeout S   cut a connection whose request is not read and answered\n"
    "                        within S seconds, however steadily it trickles (default 30)\n"
    "  --max-body BYTES      largest request body (default 65536)\n"
    "  --max-reply BYTES     largest reply body: a larger answer is a 400 saying so\n"
    "                        (default 16777216)\n"
    "  --rate-limit N/s      answer each client address at most N requests a second\n"
    "                        (also N/m), refusing the rest with 429 and Retry-After;\n"
    "                        /healthz and /metrics are never refused (default: none)\n"
    "  --burst N             requests a client may make at once under --rate-limit\n"
    "                        (default: the rate)\n"
    "  --time-budget MS      a search past MS milliseconds is cut short: its match ends\n"
    "                        (one index or local shard set), the second ranking\n"
    "                        stage, further hits and the suggestion are skipped,\n"
    "                        and it answers \"partial\": true (default: none)\n"
    "  --quiet               no access log on stderr\n"
    "  --remote H:P,...      search these remote shards (xapian-tcpsrv) as well, as\n"
    "                        search --remote; DIR gives synonyms and records\n"
    "  --remote-timeout MS   bound on each network wait (default 5000)\n"
    "  -h, --help            this help\n";

static int parse_listen(const char *s, char *host, size_t cap, unsigned *port)
{
    const char *colon = strrchr(s, ':');
    if (!colon || (size_t)(colon - s) >= cap || colon == s) return -1;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
    return cli_parse_uint(colon + 1, 0, 65535, port);
}

int cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},      {"listen", required_argument, 0, 'l'},
        {"threads", required_argument, 0, 't'}, {"max-connections", required_argument, 0, 'c'},
        {"timeout", required_argument, 0, 'T'}, {"max-body", required_argument, 0, 'b'},
        {"quiet", no_argument, 0, 'q'},         {"help", no_argument, 0, 'h'},
        {"request-timeout", required_argument, 0, 'R'},
        {"remote", required_argument, 0, 'r'}, {"remote-timeout", required_argument, 0, 'W'},
        {"rate-limit", required_argument, 0, 'L'}, {"burst", required_argument, 0, 'B'},
        {"time-budget", required_argument, 0, 'P'}, {"max-reply", required_argument, 0, 'M'},
        {0, 0, 0, 0},
    };
    char host[64] = "127.0.0.1";
    ls_server_config cfg = {.host = host, .port = 8080, .access_log = 1};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': cfg.db_path = optarg; break;
        case 'l':
            if (parse_listen(optarg, host, sizeof host, &cfg.port))
                return cli_usage_error("serve", "--listen wants HOST:PORT, e.g. 127.0.0.1:8080");
            break;
        case 't':
            if (cli_parse_uint(optarg, 1, 256, &cfg.threads))
                return cli_usage_error("serve", "--threads wants a number from 1 to 256");
            break;
        case 'c':
            if (cli_parse_uint(optarg, 1, 100000, &cfg.max_connections))
                return cli_usage_error("serve", "--max-connections wants a number from 1 to 100000");
            break;
        case 'T':
            if (cli_parse_uint(optarg, 1, 3600, &cfg.timeout_s))
                return cli_usage_error("serve", "--timeout wants seconds from 1 to 3600");
            break;
        case 'R': {
            unsigned s;
            if (cli_parse_uint(optarg, 1, 3600, &s))
                return cli_usage_error("serve", "--request-timeout wants seconds from 1 to 3600");
            cfg.request_timeout_ms = s * 1000;
            break;
        }
        case 'b':
            if (cli_parse_uint(optarg, 1, 64 * 1024 * 1024, &cfg.max_body))
                return cli_usage_error("serve", "--max-body wants bytes from 1 to 67108864");
            break;
        case 'L':
            if (ls_rate_limit_parse(optarg, &cfg.rate_limit) || cfg.rate_limit > 1e6)
                return cli_usage_error("serve", "--rate-limit wants requests a second, e.g. 10/s "
                                                "(or a minute: 120/m)");
            break;
        case 'B':
            if (cli_parse_uint(optarg, 1, 1000000, &cfg.rate_burst))
                return cli_usage_error("serve", "--burst wants a number from 1 to 1000000");
            break;
        case 'M': {
            unsigned bytes;
            if (cli_parse_uint(optarg, 4096, 1024u * 1024 * 1024, &bytes))
                return cli_usage_error("serve", "--max-reply wants bytes from 4096 to 1073741824");
            cfg.max_reply = bytes;
            break;
        }
        case 'P':
            if (cli_parse_uint(optarg, 1, 600000, &cfg.time_budget_ms))
                return cli_usage_error("serve", "--time-budget wants milliseconds, 1 to 600000");
            break;
        case 'q': cfg.access_log = 0; break;
        case 'r': cfg.remotes = optarg; break;
        case 'W':
            if (cli_parse_uint(optarg, 1, 600000, &cfg.remote_timeout_ms))
                return cli_usage_error("serve", "--remote-timeout wants milliseconds, 1 to 600000");
            break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("serve", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("serve", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!cfg.db_path) return cli_usage_error("serve", "--db DIR is required");
    if (optind < argc) return cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
    /* the workers inherit this mask: the signals reach sigwait below */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    ls_server *srv = NULL;
    ls_error err = {0};
    if (ls_server_start(&cfg, &srv, &err)) return cli_fail("serve", &err);
    printf("luat-search: serving %s on http://%s:%u/\n", cfg.db_path, host, ls_server_port(srv));
    fflush(stdout);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "luat-search serve: %s, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    ls_server_stop(srv);
    return CLI_OK;
}
