/* remote.c — the local database plus remote shards, or a clear degraded
 * error naming the shards that do not answer (see remote.h). */
#include "remote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../format/open_error.h"
#include "../format/shard_set.h"

/* Split item "HOST:PORT" (len bytes) into host (cap bytes) and port. */
static int parse_item(const char *item, size_t len, char *host, size_t cap, unsigned *port)
{
    const char *colon = memrchr(item, ':', len);
    if (!colon || colon == item || (size_t)(colon - item) >= cap) return -1;
    size_t hlen = (size_t)(colon - item);
    unsigned long p = 0;
    const char *d = colon + 1, *end = item + len;
    if (d == end || end - d > 5) return -1;
    for (; d < end; d++) {
        if (*d < '0' || *d > '9') return -1;
        p = p * 10 + (unsigned long)(*d - '0');
    }
    if (p == 0 || p > 65535) return -1;
    memcpy(host, item, hlen);
    host[hlen] = '\0';
    *port = (unsigned)p;
    return 0;
}

typedef int (*item_fn)(void *ctx, const char *host, unsigned port, const char *item, size_t len);

/* Call fn for each item of list; stops at a malformed one (LS_ERR_ARG). */
static ls_rc each_item(const char *list, item_fn fn, void *ctx, ls_error *err)
{
    unsigned n = 0;
    for (const char *p = list;;) {
        size_t len = strcspn(p, ",");
        char host[256];
        unsigned port;
        if (parse_item(p, len, host, sizeof host, &port) != 0)
            return ls_error_set(err, LS_ERR_ARG, "remote shard '%.*s' is not HOST:PORT", (int)len,
                                p);
        if (++n > LS_SHARDS_MAX)
            return ls_error_set(err, LS_ERR_ARG, "more than %d remote shards", LS_SHARDS_MAX);
        if (fn) fn(ctx, host, port, p, len);
        if (!p[len]) break;
        p += len + 1;
    }
    return LS_OK;
}

ls_rc ls_remote_check_list(const char *list, ls_error *err)
{
    return each_item(list, NULL, NULL, err);
}

typedef struct open_ctx {
    xc_db *db;
    unsigned timeout_ms, total, down;
    ls_buf dead;              /* "HOST:PORT (why); ..." */
} open_ctx;

static int add_one(void *ctx, const char *host, unsigned port, const char *item, size_t len)
{
    open_ctx *oc = ctx;
    xc_err xe;
    oc->total++;
    if (xc_db_add_remote(oc->db, host, port, oc->timeout_ms, &xe) == XC_OK) return 0;
    oc->down++;
    ls_buf_printf(&oc->dead, "%s%.*s (%s)", oc->dead.len ? "; " : "", (int)len, item, xe.msg);
    return 0;
}

ls_rc ls_remote_open(const char *local, const char *list, unsigned timeout_ms, xc_db **out,
                     ls_error *err)
{
    *out = NULL;
    open_ctx oc = {.timeout_ms = timeout_ms, .dead = LS_BUF_INIT};
    xc_err xe;
    if (xc_db_open(local, &oc.db, &xe)) return ls_index_open_error(local, &xe, err);
    ls_rc rc = each_item(list, add_one, &oc, err);
    if (!rc && oc.down)
        rc = ls_error_set(err, LS_ERR_INDEX,
                          "degraded: %u of %u remote shards not answering: %s; no results "
                          "rather than partial ones", oc.down, oc.total,
                          oc.dead.data ? oc.dead.data : "");
    ls_buf_free(&oc.dead);
    if (rc) {
        xc_db_close(oc.db);
        return rc;
    }
    *out = oc.db;
    return LS_OK;
}
