/* server.c — libmicrohttpd lifecycle, per-request state, bodies, limits,
 * the access log, and the hand-off of each read request to the workers'
 * queue (work_queue.h), whose threads own the index handles (server.h). */
#include "server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include <microhttpd.h>

#include "../common/ls_buf.h"
#include "../query/search.h"
#include "conn_guard.h"
#include "rate_limit.h"
#include "routes.h"
#include "work_queue.h"

#define MAX_PAIRS 32          /* query-string parameters kept */
#define URL_LOG_MAX 160       /* bytes of a URL in the access log */

struct ls_server {
    struct MHD_Daemon *mhd;
    char *db_path;
    char remotes[4096];           /* "" = none */
    unsigned remote_timeout_ms;
    unsigned max_body;
    size_t max_reply;
    unsigned time_budget_ms;      /* each worker searcher's, 0 = none */
    double rate;                  /* the limit, for its message */
    unsigned burst;
    int access_log;
    ls_work_queue *queue;         /* the workers, each with its index handle */
    ls_conn_guard *guard;
    ls_rate_limit *limit;         /* NULL = no per-client limit */
};

typedef struct pairs {
    const char *keys[MAX_PAIRS];
    const char *values[MAX_PAIRS];
    size_t value_lens[MAX_PAIRS];
    size_t n;
    int overflow;
} pairs;

/* One request's state, from its first call to its completion. While a
 * worker answers it the connection is suspended: the I/O thread leaves it
 * (and the strings rq points into) alone until the worker resumes it. */
typedef struct request_ctx {
    ls_work_item item;            /* in the workers' queue */
    struct MHD_Connection *conn;
    ls_api_request rq;            /* what the worker answers */
    pairs args;                   /* rq's query-string pairs */
    ls_api_reply reply;
    int reply_ready;              /* reply is set: send it when resumed */
    ls_buf body;
    int body_too_large;
    unsigned retry_after;         /* > 0: refused by the rate limit */
    struct timespec t0;
    unsigned status;
    ls_route route;
    char method[8];
    char url[URL_LOG_MAX];
} request_ctx;

/* A worker's own index handle: opened on its first request, and again on
 * a later one while it cannot open (error says why). */
typedef struct worker_searcher {
    ls_searcher *s;
    char error[sizeof "index unavailable: " + sizeof ((ls_error *)0)->msg]; /* all of it */
} worker_searcher;

static void *worker_init(void *arg)
{
    (void)arg;
    return calloc(1, sizeof(worker_searcher));
}

static void worker_fini(void *state, void *arg)
{
    (void)arg;
    worker_searcher *w = state;
    if (w) ls_searcher_close(w->s);
    free(w);
}

/* A worker's job: answer the request, then hand the connection back to the
 * I/O thread, which sends the reply (on_request, reply_ready). */
static void worker_run(void *state, ls_work_item *job, void *arg)
{
    ls_server *srv = arg;
    worker_searcher *w = state;
    request_ctx *ctx = (request_ctx *)job; /* item is its first member */
    if (w && !w->s) {
        ls_error err = {0};
        if (ls_searcher_open_remote(srv->db_path, srv->remotes, srv->remote_timeout_ms, &w->s,
                                    &err))
            snprintf(w->error, sizeof w->error, "index unavailable: %s", err.msg);
        else ls_searcher_set_time_budget(w->s, srv->time_budget_ms);
    }
    ls_api_handle(w ? w->s : NULL, w ? w->error : "out of memory", &ctx->rq, &ctx->reply);
    ctx->reply_ready = 1;
    MHD_resume_connection(ctx->conn);
}

static double ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* Copy s into out for the log, control bytes and quotes as '?'. */
static void log_safe(char *out, size_t cap, const char *s)
{
    size_t i = 0;
    for (; s && s[i] && i + 1 < cap; i++)
        out[i] = ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == 0x7f) ? '?' : s[i];
    out[i] = '\0';
}

static enum MHD_Result collect_pair(void *cls, enum MHD_ValueKind kind, const char *key,
                                    size_t key_size, const char *value, size_t value_size)
{
    (void)kind;
    (void)key_size;
    pairs *p = cls;
    if (p->n == MAX_PAIRS) {
        p->overflow = 1;
        return MHD_NO;
    }
    p->keys[p->n] = key;
    p->values[p->n] = value;
    p->value_lens[p->n++] = value ? value_size : 0;
    return MHD_YES;
}

/* ls_api_request.header: a request header of the connection. */
static const char *request_header(const ls_api_request *rq, const char *name)
{
    return MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND, name);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, request_ctx *ctx,
                                  ls_api_reply *reply)
{
    if (reply->body.len == 0 && reply->status >= 400)
        ls_buf_puts(&reply->body, "{\"error\":{\"status\":500,\"code\":\"internal\","
                                  "\"message\":\"out of memory\"}}");
    /* HEAD gets GET's reply whole: libmicrohttpd sends its headers, the
     * Content-Length of its body included, and leaves the body out (RFC 9110 9.3.2) */
    struct MHD_Response *r = MHD_create_response_from_buffer(
        reply->body.len, reply->body.len ? reply->body.data : "", MHD_RESPMEM_MUST_COPY);
    if (!r) return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, reply->content_type);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    if (reply->header_name) MHD_add_response_header(r, reply->header_name, reply->header_value);
    if (reply->route == LS_ROUTE_PAGE)
        MHD_add_response_header(r, "Content-Security-Policy",
                                "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "script-src 'self' 'unsafe-inline'");
    ctx->status = reply->status;
    ctx->route = reply->route;
    enum MHD_Result ok = MHD_queue_response(c, reply->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* The rate limit's verdict on a new request: 0 to go on, else the seconds
 * its client should wait. */
static unsigned rate_limited(ls_server *srv, struct MHD_Connection *c, const char *url,
                             const struct timespec *now)
{
    if (!srv->limit || strcmp(url, "/healthz") == 0 || strcmp(url, "/metrics") == 0) return 0;
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr || ci->client_addr->sa_family != AF_INET) return 0;
    uint32_t addr = ntohl(((const struct sockaddr_in *)ci->client_addr)->sin_addr.s_addr);
    unsigned retry = 0;
    double t = (double)now->tv_sec + (double)now->tv_nsec / 1e9;
    return ls_rate_limit_take(srv->limit, addr, t, &retry) ? 0 : retry;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **con_cls)
{
    (void)version;
    ls_server *srv = cls;
    request_ctx *ctx = *con_cls;
    if (!ctx) { /* first call: headers only */
        ctx = calloc(1, sizeof *ctx);
        if (!ctx) return MHD_NO;
        clock_gettime(CLOCK_MONOTONIC, &ctx->t0);
        log_safe(ctx->method, sizeof ctx->method, method);
        log_safe(ctx->url, sizeof ctx->url, url);
        ctx->route = LS_ROUTE_OTHER;
        ctx->conn = c;
        *con_cls = ctx;
        ctx->retry_after = rate_limited(srv, c, url, &ctx->t0);
        /* a declared length over the limit is refused before any of it is read */
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!cl || strtoull(cl, NULL, 10) <= srv->max_body) return MHD_YES;
        ctx->body_too_large = 1;
    } else if (*upload_size) { /* a piece of the body */
        if (ctx->retry_after) { /* refused: the body is read and dropped */
        } else if (ctx->body.len + *upload_size > srv->max_body) ctx->body_too_large = 1;
        else if (ls_buf_append(&ctx->body, upload_data, *upload_size)) return MHD_NO;
        *upload_size = 0;
        return MHD_YES;
    }
    ls_api_reply *reply = &ctx->reply;
    if (ctx->reply_ready) { /* resumed: the worker's answer */
        enum MHD_Result ok = send_reply(c, ctx, reply);
        ls_buf_free(&reply->body);
        return ok;
    }
    reply->body.cap_limit = srv->max_reply;
    pairs *p = &ctx->args;
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, collect_pair, p);
    if (ctx->retry_after) {
        char msg[160];
        snprintf(msg, sizeof msg, "too many requests from your address (this server answers "
                 "each client %g a second, %u at once): retry after %u s",
                 srv->rate, srv->burst, ctx->retry_after);
        ls_api_error(reply, 429, msg);
        reply->header_name = "Retry-After";
        snprintf(reply->header_value, sizeof reply->header_value, "%u", ctx->retry_after);
        ls_metrics_rate_limited();
    } else if (ctx->body_too_large) {
        char msg[96];
        snprintf(msg, sizeof msg, "request body over %u bytes", srv->max_body);
        ls_api_error(reply, 413, msg);
    } else if (p->overflow) {
        ls_api_error(reply, 400, "too many query parameters");
    } else { /* to the workers; this thread goes on with other connections */
        ctx->rq = (ls_api_request){.method = method, .path = url, .keys = p->keys,
                                   .values = p->values, .value_lens = p->value_lens,
                                   .npairs = p->n, .body = ctx->body.data,
                                   .body_len = ctx->body.len,
                                   .origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                                         "Origin"),
                                   .header = request_header, .conn = c};
        MHD_suspend_connection(c);
        if (ls_work_queue_push(srv->queue, &ctx->item)) {
            ls_api_error(reply, 503, "the server is stopping");
            ctx->reply_ready = 1;
            MHD_resume_connection(c);
        }
        return MHD_YES;
    }
    enum MHD_Result ok = send_reply(c, ctx, reply);
    ls_buf_free(&reply->body);
    return ok;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode why)
{
    ls_server *srv = cls;
    const union MHD_ConnectionInfo *sc =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    if (sc) ls_conn_guard_request_done(srv->guard, sc->socket_context);
    request_ctx *ctx = *con_cls;
    if (!ctx) return;
    double ms = ms_since(&ctx->t0);
    unsigned status = ctx->status ? ctx->status : 499; /* ended before a reply */
    ls_metrics_record(ctx->route, status, ms);
    if (srv->access_log) {
        char addr[INET6_ADDRSTRLEN] = "-";
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, addr,
                      sizeof addr);
        fprintf(stderr, "%s \"%s %s\" %u %.2fms%s\n", addr, ctx->method, ctx->url, status, ms,
                why == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (cut off)");
    }
    ls_buf_free(&ctx->body);
    ls_buf_free(&ctx->reply.body); /* a reply the daemon's stop kept from being sent */
    free(ctx);
    *con_cls = NULL;
}

/* libmicrohttpd's own diagnostics (a client gone mid-request, a head over
 * the memory limit): with the access log, prefixed; silent with --quiet. */
static void on_mhd_message(void *cls, const char *fmt, va_list ap)
{
    const ls_server *srv = cls;
    if (!srv->access_log) return;
    fputs("libmicrohttpd: ", stderr);
    vfprintf(stderr, fmt, ap);
}

/* Connections in and out of the request-deadline guard. */
static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    ls_server *srv = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *fd =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        if (fd) ls_conn_guard_opened(srv->guard, fd->connect_fd, socket_context);
        else *socket_context = NULL;
        return;
    }
    if (ls_conn_guard_closed(srv->guard, socket_context)) {
        ls_metrics_connection_cut();
        if (srv->access_log)
            fprintf(stderr, "- connection cut off: its request ran past the deadline\n");
    }
}

/* Free srv and whatever of it was started (the daemon stopped already). */
static void free_server(ls_server *srv)
{
    ls_work_queue_free(srv->queue); /* closes the workers' index handles */
    ls_conn_guard_stop(srv->guard);
    ls_rate_limit_free(srv->limit);
    free(srv->db_path);
    free(srv);
}

ls_rc ls_server_start(const ls_server_config *cfg, ls_server **out, ls_error *err)
{
    *out = NULL;
    if (!cfg->db_path) return ls_error_set(err, LS_ERR_ARG, "no index directory given");
    /* fail now, not on the first request, when the index cannot open */
    ls_searcher *probe = NULL;
    if (cfg->remotes && strlen(cfg->remotes) >= sizeof ((ls_server *)0)->remotes)
        return ls_error_set(err, LS_ERR_LIMIT, "the list of remote shards is too long");
    ls_rc rc = ls_searcher_open_remote(cfg->db_path, cfg->remotes, cfg->remote_timeout_ms,
                                       &probe, err);
    ls_searcher_close(probe);
    if (rc) return rc;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port)};
    if (inet_pton(AF_INET, cfg->host ? cfg->host : "127.0.0.1", &sa.sin_addr) != 1)
        return ls_error_set(err, LS_ERR_ARG, "listen address '%s' is not an IPv4 address",
                            cfg->host);
    ls_server *srv = calloc(1, sizeof *srv);
    if (!srv || !(srv->db_path = strdup(cfg->db_path))) {
        free(srv);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    snprintf(srv->remotes, sizeof srv->remotes, "%s", cfg->remotes ? cfg->remotes : "");
    srv->remote_timeout_ms = cfg->remote_timeout_ms;
    srv->max_body = cfg->max_body ? cfg->max_body : 64 * 1024;
    srv->max_reply = cfg->max_reply ? cfg->max_reply : 16 * 1024 * 1024;
    srv->access_log = cfg->access_log;
    srv->time_budget_ms = cfg->time_budget_ms;
    if (cfg->rate_limit > 0) {
        srv->rate = cfg->rate_limit;
        if ((rc = ls_rate_limit_new(cfg->rate_limit, cfg->rate_burst, &srv->limit, err))) {
            free_server(srv);
            return rc;
        }
        srv->burst = ls_rate_limit_burst(srv->limit);
    }
    unsigned deadline = cfg->request_timeout_ms ? cfg->request_timeout_ms : 30000;
    if ((rc = ls_conn_guard_start(deadline, &srv->guard, err))) {
        free_server(srv);
        return rc;
    }
    ls_work_handlers workers = {.init = worker_init, .run = worker_run, .fini = worker_fini,
                                .arg = srv};
    if ((rc = ls_work_queue_start(cfg->threads ? cfg->threads : 2, &workers, &srv->queue, err))) {
        free_server(srv);
        return rc;
    }
    /* one I/O thread reads and writes every connection; the workers search */
    srv->mhd = MHD_start_daemon(
        MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG, 0, NULL,
        NULL, on_request, srv,
        MHD_OPTION_EXTERNAL_LOGGER, on_mhd_message, srv, /* first, or MHD warns */
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)(cfg->max_connections ? cfg->max_connections : 256),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)(cfg->timeout_s ? cfg->timeout_s : 10),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
        MHD_OPTION_END);
    if (!srv->mhd) {
        free_server(srv);
        return ls_error_set(err, LS_ERR_IO, "cannot listen on %s:%u (in use, or not allowed)",
                            cfg->host ? cfg->host : "127.0.0.1", cfg->port);
    }
    *out = srv;
    return LS_OK;
}

unsigned ls_server_port(const ls_server *srv)
{
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(srv->mhd, MHD_DAEMON_INFO_BIND_PORT);
    return di ? di->port : 0;
}

void ls_server_stop(ls_server *srv)
{
    if (!srv) return;
    /* the workers answer what is queued and resume those connections (a
     * request read from now on is answered 503), so none is suspended when
     * the daemon stops: libmicrohttpd forbids stopping with one suspended */
    ls_work_queue_stop(srv->queue);
    MHD_stop_daemon(srv->mhd);
    free_server(srv);
}
