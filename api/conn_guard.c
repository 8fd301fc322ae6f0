/* conn_guard.c — per-request deadline and the watcher thread that enforces
 * it (conn_guard.h). */
#include "conn_guard.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

typedef struct entry {
    struct entry *prev, *next;
    int fd;
    int cut;        /* shut down already */
    long since_ms;  /* when the current request's time began */
} entry;

struct ls_conn_guard {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t watcher;
    entry *head;
    long deadline_ms;
    long tick_ms;
    int stopping;
};

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Shut down every connection past its deadline; the lock is held, so each
 * entry's descriptor is still its connection's. */
static void cut_late(ls_conn_guard *g, long now)
{
    for (entry *e = g->head; e; e = e->next)
        if (!e->cut && now - e->since_ms > g->deadline_ms) {
            shutdown(e->fd, SHUT_RDWR);
            e->cut = 1;
        }
}

static void *watch(void *arg)
{
    ls_conn_guard *g = arg;
    pthread_mutex_lock(&g->lock);
    while (!g->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += g->tick_ms * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&g->wake, &g->lock, &until);
        if (!g->stopping) cut_late(g, now_ms());
    }
    pthread_mutex_unlock(&g->lock);
    return NULL;
}

ls_rc ls_conn_guard_start(unsigned deadline_ms, ls_conn_guard **out, ls_error *err)
{
    *out = NULL;
    if (deadline_ms == 0) return ls_error_set(err, LS_ERR_ARG, "request deadline must be positive");
    ls_conn_guard *g = calloc(1, sizeof *g);
    if (!g) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    g->deadline_ms = deadline_ms;
    g->tick_ms = deadline_ms / 4 > 250 ? 250 : deadline_ms / 4 < 10 ? 10 : deadline_ms / 4;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    int bad = pthread_mutex_init(&g->lock, NULL) || pthread_cond_init(&g->wake, &ca);
    pthread_condattr_destroy(&ca);
    if (bad || pthread_create(&g->watcher, NULL, watch, g)) {
        free(g);
        return ls_error_set(err, LS_ERR_INTERNAL, "cannot start the connection watcher");
    }
    *out = g;
    return LS_OK;
}

void ls_conn_guard_opened(ls_conn_guard *g, int fd, void **slot)
{
    entry *e = calloc(1, sizeof *e);
    *slot = e;
    if (!e) return;
    e->fd = fd;
    e->since_ms = now_ms();
    pthread_mutex_lock(&g->lock);
    e->next = g->head;
    if (g->head) g->head->prev = e;
    g->head = e;
    pthread_mutex_unlock(&g->lock);
}

void ls_conn_guard_request_done(ls_conn_guard *g, void *slot)
{
    entry *e = slot;
    if (!e) return;
    pthread_mutex_lock(&g->lock);
    e->since_ms = now_ms();
    pthread_mutex_unlock(&g->lock);
}

int ls_conn_guard_closed(ls_conn_guard *g, void **slot)
{
    entry *e = *slot;
    if (!e) return 0;
    pthread_mutex_lock(&g->lock);
    if (e->prev) e->prev->next = e->next;
    else g->head = e->next;
    if (e->next) e->next->prev = e->prev;
    int cut = e->cut;
    pthread_mutex_unlock(&g->lock);
    free(e);
    *slot = NULL;
    return cut;
}

void ls_conn_guard_stop(ls_conn_guard *g)
{
    if (!g) return;
    pthread_mutex_lock(&g->lock);
    g->stopping = 1;
    pthread_cond_signal(&g->wake);
    pthread_mutex_unlock(&g->lock);
    pthread_join(g->watcher, NULL);
    while (g->head) {
        entry *e = g->head;
        g->head = e->next;
        free(e);
    }
    pthread_cond_destroy(&g->wake);
    pthread_mutex_destroy(&g->lock);
    free(g);
}
