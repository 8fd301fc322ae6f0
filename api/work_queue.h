/* work_queue.h — one first-in, first-out queue of jobs served by a fixed
 * set of worker threads, each with state of its own (the server's: an
 * index handle). The server's I/O thread reads requests and hands each to
 * the queue, so a request waits only for those that came before it, on
 * whichever worker frees first: with one queue per thread (libmicrohttpd's
 * thread pool binds a connection to the thread that accepted it) a request
 * waited behind its own thread's backlog while the other thread idled.
 *
 * Jobs are intrusive (an ls_work_item inside the caller's struct): the
 * queue never allocates per job and never frees one. Thread-safe. */
#ifndef LS_WORK_QUEUE_H
#define LS_WORK_QUEUE_H

#include "../common/ls_error.h"

typedef struct ls_work_item {
    struct ls_work_item *next;  /* the queue's; callers leave it alone */
} ls_work_item;

typedef struct ls_work_queue ls_work_queue;

typedef struct ls_work_handlers {
    /* Called once in each worker thread before its first job: the
     * worker's state (NULL allowed). */
    void *(*init)(void *arg);
    /* Run one job in a worker thread with that worker's state. The job
     * belongs to the caller again once run returns (run may hand it on). */
    void (*run)(void *state, ls_work_item *job, void *arg);
    /* Called once in each worker thread as it ends, with its state. */
    void (*fini)(void *state, void *arg);
    void *arg;                  /* passed to each of the three */
} ls_work_handlers;

/* Start `threads` (>= 1) workers. The handlers are copied. Free with
 * ls_work_queue_stop. */
ls_rc ls_work_queue_start(unsigned threads, const ls_work_handlers *h, ls_work_queue **out,
                          ls_error *err);

/* Queue a job behind those already queued: 0, or -1 when the queue is
 * stopping (the job is not queued and stays the caller's). */
int ls_work_queue_push(ls_work_queue *q, ls_work_item *job);

/* Jobs queued and not yet taken by a worker (a gauge for metrics/tests). */
unsigned ls_work_queue_waiting(ls_work_queue *q);

/* Refuse new jobs (ls_work_queue_push then returns -1), run every job
 * already queued, join the workers (each runs fini). q stays valid for
 * push until ls_work_queue_free; a second stop does nothing. */
void ls_work_queue_stop(ls_work_queue *q);

/* Stop q if it is not stopped, and free it. NULL is allowed. */
void ls_work_queue_free(ls_work_queue *q);

#endif
