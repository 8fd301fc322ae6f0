/* metrics.h — the server's counters, kept with C11 atomics (every worker
 * thread records; GET /metrics reads) and written in Prometheus' text
 * exposition format. */
#ifndef LS_METRICS_H
#define LS_METRICS_H

#include "../common/ls_buf.h"

/* The routes counted apart. */
typedef enum {
    LS_ROUTE_SEARCH, LS_ROUTE_DOCUMENT, LS_ROUTE_ARTICLE, LS_ROUTE_PAGE, LS_ROUTE_HEALTH,
    LS_ROUTE_METRICS, LS_ROUTE_OPENAPI, LS_ROUTE_REVIEW, LS_ROUTE_PROCEDURE, LS_ROUTE_OTHER,
    LS_ROUTE_COUNT
} ls_route;

/* Stable name of a route for labels and logs ("search", ...). */
const char *ls_route_name(ls_route r);

/* Record one finished request: its route, HTTP status and latency. */
void ls_metrics_record(ls_route route, unsigned status, double ms);

/* Count one connection cut off by the request deadline (conn_guard.h). */
void ls_metrics_connection_cut(void);

/* Count one request refused by the per-client rate limit (429). */
void ls_metrics_rate_limited(void);

/* Append the Prometheus text of every counter, plus the index revision
 * (a gauge) and the documents it holds. */
ls_rc ls_metrics_write(ls_buf *out, unsigned long index_revision, unsigned long passages);

#endif
