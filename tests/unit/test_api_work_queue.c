/* test_api_work_queue.c — the server's one FIFO of jobs (api/work_queue.h):
 * while one worker is held by a long job, every later job runs on the free
 * worker in the order it came (with a queue per thread, half of them would
 * wait for the held one); each job runs exactly once; stop runs what is
 * queued and then refuses; each worker's state is made and ended once. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../api/work_queue.h"

#define JOBS 200

typedef struct job {
    ls_work_item item; /* first: the queue hands back this pointer */
    int n;
    int runs;
    void *worker; /* the state of the worker that ran it */
    int hold;     /* wait for the test to let it go */
} job;

typedef struct shared {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int held;      /* a holding job is running */
    int release;   /* the test lets holding jobs end */
    int order[JOBS];
    int done;
    int inits, finis;
} shared;

static void *init(void *arg)
{
    shared *sh = arg;
    pthread_mutex_lock(&sh->lock);
    sh->inits++;
    pthread_mutex_unlock(&sh->lock);
    return malloc(1); /* a distinct state per worker */
}

static void fini(void *state, void *arg)
{
    shared *sh = arg;
    pthread_mutex_lock(&sh->lock);
    sh->finis++;
    pthread_mutex_unlock(&sh->lock);
    free(state);
}

static void run(void *state, ls_work_item *item, void *arg)
{
    shared *sh = arg;
    job *j = (job *)item;
    pthread_mutex_lock(&sh->lock);
    j->runs++;
    j->worker = state;
    if (j->hold) {
        sh->held = 1;
        pthread_cond_broadcast(&sh->cond);
        while (!sh->release) pthread_cond_wait(&sh->cond, &sh->lock);
    }
    sh->order[sh->done++] = j->n;
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->lock);
}

static ls_work_queue *start(shared *sh, unsigned threads)
{
    pthread_mutex_init(&sh->lock, NULL);
    pthread_cond_init(&sh->cond, NULL);
    ls_work_handlers h = {.init = init, .run = run, .fini = fini, .arg = sh};
    ls_work_queue *q = NULL;
    assert_int_equal(ls_work_queue_start(threads, &h, &q, NULL), LS_OK);
    assert_non_null(q);
    return q;
}

static void wait_done(shared *sh, int n)
{
    pthread_mutex_lock(&sh->lock);
    while (sh->done < n) pthread_cond_wait(&sh->cond, &sh->lock);
    pthread_mutex_unlock(&sh->lock);
}

/* Queue job 0, which holds its worker, then jobs 1.. JOBS-1; return once
 * job 0 is running (held_first: before queueing the others). */
static void queue_held_then_rest(ls_work_queue *q, shared *sh, job *jobs, int held_first)
{
    jobs[0] = (job){.n = 0, .hold = 1};
    assert_int_equal(ls_work_queue_push(q, &jobs[0].item), 0);
    for (int pass = 0; pass < 2; pass++) {
        if (pass == !held_first) {
            pthread_mutex_lock(&sh->lock);
            while (!sh->held) pthread_cond_wait(&sh->cond, &sh->lock);
            pthread_mutex_unlock(&sh->lock);
        } else {
            for (int i = 1; i < JOBS; i++) {
                jobs[i] = (job){.n = i};
                assert_int_equal(ls_work_queue_push(q, &jobs[i].item), 0);
            }
        }
    }
}

/* Let the holding job end. */
static void release_held(shared *sh)
{
    pthread_mutex_lock(&sh->lock);
    sh->release = 1;
    pthread_cond_broadcast(&sh->cond);
    pthread_mutex_unlock(&sh->lock);
}

static void test_free_worker_takes_the_rest_in_order(void **state)
{
    (void)state;
    static shared sh;
    static job jobs[JOBS];
    ls_work_queue *q = start(&sh, 2);
    queue_held_then_rest(q, &sh, jobs, 1);
    wait_done(&sh, JOBS - 1); /* all but the held one, on the other worker */
    for (int i = 0; i < JOBS - 1; i++) assert_int_equal(sh.order[i], i + 1);
    for (int i = 2; i < JOBS; i++) assert_ptr_equal(jobs[i].worker, jobs[1].worker);
    assert_ptr_not_equal(jobs[1].worker, jobs[0].worker);
    assert_int_equal(ls_work_queue_waiting(q), 0);
    release_held(&sh);
    wait_done(&sh, JOBS);
    assert_int_equal(sh.order[JOBS - 1], 0);
    for (int i = 0; i < JOBS; i++) assert_int_equal(jobs[i].runs, 1);
    ls_work_queue_free(q);
    assert_int_equal(sh.inits, 2);
    assert_int_equal(sh.finis, 2);
}

static void test_stop_runs_the_queued_then_refuses(void **state)
{
    (void)state;
    static shared sh;
    static job jobs[JOBS];
    ls_work_queue *q = start(&sh, 1);
    queue_held_then_rest(q, &sh, jobs, 0);
    assert_int_equal(ls_work_queue_waiting(q), JOBS - 1);
    release_held(&sh); /* stop below must still wait for all of them */
    ls_work_queue_stop(q);
    assert_int_equal(sh.done, JOBS);
    for (int i = 0; i < JOBS; i++) {
        assert_int_equal(sh.order[i], i); /* one worker: strictly first in, first out */
        assert_int_equal(jobs[i].runs, 1);
    }
    job late = {.n = -1};
    assert_int_equal(ls_work_queue_push(q, &late.item), -1);
    assert_int_equal(late.runs, 0);
    ls_work_queue_stop(q); /* a second stop does nothing */
    ls_work_queue_free(q);
    assert_int_equal(sh.finis, 1);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    ls_work_handlers none = {0};
    ls_work_queue *q = (ls_work_queue *)&none;
    ls_error err = {0};
    assert_int_equal(ls_work_queue_start(0, &none, &q, &err), LS_ERR_ARG);
    assert_null(q);
    ls_work_handlers h = {.run = run};
    assert_int_equal(ls_work_queue_start(0, &h, &q, &err), LS_ERR_ARG);
    assert_int_equal(ls_work_queue_start(1, &none, &q, &err), LS_ERR_ARG);
    ls_work_queue_free(NULL);
}

int main(void)
{
    alarm(60); /* a job stuck behind a held worker hangs: make that a failure */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_worker_takes_the_rest_in_order),
        cmocka_unit_test(test_stop_runs_the_queued_then_refuses),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
