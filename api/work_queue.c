/* work_queue.c — a FIFO of intrusive jobs and its worker threads
 * (work_queue.h). */
#include "work_queue.h"

#include <pthread.h>
#include <stdlib.h>

struct ls_work_queue {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    ls_work_item *head, *tail;
    unsigned waiting;
    int stopping;                 /* push refuses */
    int joined;                   /* a stop has joined (or is joining) the workers */
    ls_work_handlers h;
    unsigned nthreads;
    pthread_t threads[];
};

static void *worker(void *p)
{
    ls_work_queue *q = p;
    void *state = q->h.init ? q->h.init(q->h.arg) : NULL;
    pthread_mutex_lock(&q->lock);
    for (;;) {
        while (!q->head && !q->stopping) pthread_cond_wait(&q->wake, &q->lock);
        ls_work_item *job = q->head;
        if (!job) break; /* stopping, and nothing left */
        q->head = job->next;
        if (!q->head) q->tail = NULL;
        q->waiting--;
        pthread_mutex_unlock(&q->lock);
        job->next = NULL;
        q->h.run(state, job, q->h.arg);
        pthread_mutex_lock(&q->lock);
    }
    pthread_mutex_unlock(&q->lock);
    if (q->h.fini) q->h.fini(state, q->h.arg);
    return NULL;
}

/* Refuse new jobs, wake and join the first n workers (once). */
static void join(ls_work_queue *q, unsigned n)
{
    pthread_mutex_lock(&q->lock);
    int joined = q->joined;
    q->stopping = q->joined = 1;
    pthread_cond_broadcast(&q->wake);
    pthread_mutex_unlock(&q->lock);
    if (!joined)
        for (unsigned i = 0; i < n; i++) pthread_join(q->threads[i], NULL);
}

static void destroy(ls_work_queue *q)
{
    pthread_cond_destroy(&q->wake);
    pthread_mutex_destroy(&q->lock);
    free(q);
}

ls_rc ls_work_queue_start(unsigned threads, const ls_work_handlers *h, ls_work_queue **out,
                          ls_error *err)
{
    *out = NULL;
    if (threads == 0 || !h || !h->run)
        return ls_error_set(err, LS_ERR_ARG, "a work queue needs at least one thread and a job");
    ls_work_queue *q = calloc(1, sizeof *q + threads * sizeof q->threads[0]);
    if (!q) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    q->h = *h;
    if (pthread_mutex_init(&q->lock, NULL)) {
        free(q);
        return ls_error_set(err, LS_ERR_INTERNAL, "cannot create a lock");
    }
    if (pthread_cond_init(&q->wake, NULL)) {
        pthread_mutex_destroy(&q->lock);
        free(q);
        return ls_error_set(err, LS_ERR_INTERNAL, "cannot create a condition variable");
    }
    for (; q->nthreads < threads; q->nthreads++)
        if (pthread_create(&q->threads[q->nthreads], NULL, worker, q)) {
            unsigned started = q->nthreads;
            join(q, started);
            destroy(q);
            return ls_error_set(err, LS_ERR_INTERNAL, "cannot start worker thread %u of %u",
                                started + 1, threads);
        }
    *out = q;
    return LS_OK;
}

int ls_work_queue_push(ls_work_queue *q, ls_work_item *job)
{
    pthread_mutex_lock(&q->lock);
    if (q->stopping) {
        pthread_mutex_unlock(&q->lock);
        return -1;
    }
    job->next = NULL;
    if (q->tail) q->tail->next = job;
    else q->head = job;
    q->tail = job;
    q->waiting++;
    pthread_cond_signal(&q->wake);
    pthread_mutex_unlock(&q->lock);
    return 0;
}

unsigned ls_work_queue_waiting(ls_work_queue *q)
{
    pthread_mutex_lock(&q->lock);
    unsigned n = q->waiting;
    pthread_mutex_unlock(&q->lock);
    return n;
}

void ls_work_queue_stop(ls_work_queue *q)
{
    if (q) join(q, q->nthreads);
}

void ls_work_queue_free(ls_work_queue *q)
{
    if (!q) return;
    join(q, q->nthreads);
    destroy(q);
}
