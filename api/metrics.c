/* metrics.c — request counters and the latency histogram (metrics.h). */
#include "metrics.h"

#include <stdatomic.h>

static const char *const route_names[LS_ROUTE_COUNT] = {
    "search", "document", "article", "page", "healthz", "metrics", "openapi", "review",
    "procedures", "other",
};

/* status classes counted: 2xx, 3xx, 4xx, 5xx */
#define CLASSES 4
static const double bucket_ms[] = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500};
#define BUCKETS (sizeof bucket_ms / sizeof bucket_ms[0])

static atomic_ulong requests[LS_ROUTE_COUNT][CLASSES];
static atomic_ulong latency_bucket[BUCKETS + 1]; /* last: +Inf */
static atomic_ulong latency_count;
static atomic_ulong latency_sum_us;
static atomic_ulong connections_cut;
static atomic_ulong rate_limited;

const char *ls_route_name(ls_route r)
{
    return r < LS_ROUTE_COUNT ? route_names[r] : "other";
}

void ls_metrics_record(ls_route route, unsigned status, double ms)
{
    if (route >= LS_ROUTE_COUNT) route = LS_ROUTE_OTHER;
    unsigned cls = status >= 200 && status < 600 ? status / 100 - 2 : CLASSES - 1;
    atomic_fetch_add(&requests[route][cls], 1);
    size_t b = 0;
    while (b < BUCKETS && ms > bucket_ms[b]) b++;
    atomic_fetch_add(&latency_bucket[b], 1);
    atomic_fetch_add(&latency_count, 1);
    atomic_fetch_add(&latency_sum_us, (unsigned long)(ms * 1000.0));
}

void ls_metrics_connection_cut(void)
{
    atomic_fetch_add(&connections_cut, 1);
}

void ls_metrics_rate_limited(void)
{
    atomic_fetch_add(&rate_limited, 1);
}

ls_rc ls_metrics_write(ls_buf *out, unsigned long index_revision, unsigned long passages)
{
    static const char *const class_names[CLASSES] = {"2xx", "3xx", "4xx", "5xx"};
    ls_rc rc = ls_buf_puts(out, "# HELP luat_requests_total HTTP requests by route and status class.\n"
                                "# TYPE luat_requests_total counter\n");
    for (size_t r = 0; r < LS_ROUTE_COUNT && !rc; r++)
        for (size_t c = 0; c < CLASSES && !rc; c++)
            rc = ls_buf_printf(out, "luat_requests_total{route=\"%s\",status=\"%s\"} %lu\n",
                               route_names[r], class_names[c], atomic_load(&requests[r][c]));
    unsigned long errors = 0;
    for (size_t r = 0; r < LS_ROUTE_COUNT; r++)
        errors += atomic_load(&requests[r][2]) + atomic_load(&requests[r][3]);
    if (!rc) rc = ls_buf_printf(out, "# HELP luat_errors_total Requests answered 4xx or 5xx.\n"
                                     "# TYPE luat_errors_total counter\nluat_errors_total %lu\n",
                                errors);
    if (!rc)
        rc = ls_buf_printf(out, "# HELP luat_connections_cut_total Connections shut down because "
                                "a request ran past the deadline (slow clients).\n"
                                "# TYPE luat_connections_cut_total counter\n"
                                "luat_connections_cut_total %lu\n",
                           atomic_load(&connections_cut));
    if (!rc)
        rc = ls_buf_printf(out, "# HELP luat_rate_limited_total Requests refused with 429 by the "
                                "per-client rate limit (serve --rate-limit).\n"
                                "# TYPE luat_rate_limited_total counter\n"
                                "luat_rate_limited_total %lu\n",
                           atomic_load(&rate_limited));
    if (!rc) rc = ls_buf_puts(out, "# HELP luat_request_duration_seconds Request latency.\n"
                                   "# TYPE luat_request_duration_seconds histogram\n");
    unsigned long cumulative = 0;
    for (size_t b = 0; b <= BUCKETS && !rc; b++) {
        cumulative += atomic_load(&latency_bucket[b]);
        if (b < BUCKETS)
            rc = ls_buf_printf(out, "luat_request_duration_seconds_bucket{le=\"%g\"} %lu\n",
                               bucket_ms[b] / 1000.0, cumulative);
        else
            rc = ls_buf_printf(out, "luat_request_duration_seconds_bucket{le=\"+Inf\"} %lu\n",
                               cumulative);
    }
    if (!rc)
        rc = ls_buf_printf(out, "luat_request_duration_seconds_sum %.6f\n"
                                "luat_request_duration_seconds_count %lu\n",
                           atomic_load(&latency_sum_us) / 1e6, atomic_load(&latency_count));
    if (!rc)
        rc = ls_buf_printf(out, "# HELP luat_index_revision Revision of the index being served.\n"
                                "# TYPE luat_index_revision gauge\nluat_index_revision %lu\n"
                                "# HELP luat_index_passages Passages in the index.\n"
                                "# TYPE luat_index_passages gauge\nluat_index_passages %lu\n",
                           index_revision, passages);
    return rc;
}
