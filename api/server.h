/* server.h — the REST server: one libmicrohttpd thread on epoll reads and
 * writes every connection and hands each whole request to one queue, first
 * in, first out (work_queue.h), served by `threads` workers; each worker
 * owns its own ls_searcher (Xapian handles are not shared between threads),
 * opened on its first request, and each search reopens the index when a
 * writer has committed, so new decrees show up without a restart. Under
 * load a request waits only for those that came before it. Routes:
 * routes.h. */
#ifndef LS_SERVER_H
#define LS_SERVER_H

#include "../common/ls_error.h"

typedef struct ls_server_config {
    const char *db_path;        /* index directory (required) */
    const char *host;           /* listen address, "127.0.0.1" */
    unsigned port;              /* 0 = any free port (see ls_server_port) */
    unsigned threads;           /* worker threads; 0 = 2 */
    unsigned max_connections;   /* 0 = 256 */
    unsigned timeout_s;         /* idle connection timeout; 0 = 10 s */
    unsigned request_timeout_ms;/* a request's time to be read and answered,
                                   however steadily its client trickles
                                   (conn_guard.h); 0 = 30 s */
    unsigned max_body;          /* request body bytes; 0 = 64 KiB */
    size_t max_reply;           /* reply body bytes (a larger answer is a 400
                                   saying so); 0 = 16 MiB */
    int access_log;             /* one line per request on stderr */
    const char *remotes;        /* remote shards "HOST:PORT,..." searched with
                                   db_path's synonyms and records, or NULL
                                   (ls_searcher_open_remote) */
    unsigned remote_timeout_ms; /* bound on each network wait; 0 = 5 s */
    double rate_limit;          /* requests a second per client address
                                   (rate_limit.h); 0 = no limit. Refusals
                                   are 429 with Retry-After; /healthz and
                                   /metrics are never refused */
    unsigned rate_burst;        /* requests at once; 0 = the rate */
    unsigned time_budget_ms;    /* a search's time budget (ls_searcher_set_
                                   time_budget); 0 = none */
} ls_server_config;

typedef struct ls_server ls_server;

/* Start serving. The index must open (a missing index is LS_ERR_NOTFOUND,
 * naming the path) so a misconfigured server fails at once. Free with
 * ls_server_stop. */
ls_rc ls_server_start(const ls_server_config *cfg, ls_server **out, ls_error *err);

/* The port actually bound. */
unsigned ls_server_port(const ls_server *srv);

/* Stop accepting, finish the requests in flight, close every worker's
 * index handle, free srv. NULL is allowed. */
void ls_server_stop(ls_server *srv);

#endif
