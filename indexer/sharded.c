/* sharded.c — the parallel writer of a shard set: a queue and a worker
 * thread per shard, document records in meta (see sharded.h, shards.h). */
#include "sharded.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../corpus/document_copy.h"
#include "shards.h"
#include "termgen.h"
#include "../format/values.h"

#define QUEUE_CAP 32  /* documents waiting per worker: bounds memory */

typedef enum { JOB_ADD, JOB_REMOVE, JOB_RESTATE, JOB_COMMIT, JOB_STOP } job_kind;

typedef struct job {
    job_kind kind;
    ls_document *doc;         /* JOB_ADD: owned copy */
    char *id;                 /* JOB_REMOVE, JOB_RESTATE: owned */
    char *status;             /* JOB_RESTATE: owned, NULL for none */
    char gone[11];            /* JOB_RESTATE: out-of-force date, "" none */
    unsigned long mark;       /* JOB_COMMIT: the set's commit mark */
} job;

typedef struct worker {
    ls_indexer *ix;           /* used only by the thread once it runs */
    pthread_t thread;
    int started;
    pthread_mutex_t mu;
    pthread_cond_t cv;        /* queue changed (either side waits on it) */
    job queue[QUEUE_CAP];
    unsigned head, len;
    unsigned long pushed, done;
    ls_error err;             /* the worker's first failure (under mu) */
    unsigned removed;         /* result of the last JOB_REMOVE */
    ls_index_counts counts;   /* snapshot of ix's counts (under mu) */
} worker;

struct ls_sharded {
    unsigned n;
    ls_indexer *meta;         /* records, synonyms, format: this thread */
    worker *w;
    ls_index_counts *view;    /* what ls_sharded_counts shows */
    unsigned long mark;       /* the last commit mark (shards.h) */
    unsigned batch_size;      /* documents per commit of the whole set */
    unsigned in_batch;
};

static void run_job(worker *w, job *j)
{
    ls_error e = {0};
    ls_rc rc = LS_OK;
    unsigned removed = 0;
    switch (j->kind) {
    case JOB_ADD:
        rc = ls_indexer_add(w->ix, j->doc, &e);
        /* a bad document is skipped, as the single writer's caller does */
        if (ls_rc_is_bad_input(rc)) rc = LS_OK;
        break;
    case JOB_REMOVE:
        rc = ls_indexer_remove(w->ix, j->id, &removed, &e);
        if (rc == LS_ERR_NOTFOUND) rc = LS_OK;
        break;
    case JOB_RESTATE: rc = ls_indexer_restate(w->ix, j->id, j->status, j->gone, &e); break;
    case JOB_COMMIT: rc = ls_indexer_commit_marked(w->ix, j->mark, &e); break;
    case JOB_STOP: break;
    }
    ls_document_free(j->doc);
    free(j->id);
    free(j->status);
    pthread_mutex_lock(&w->mu);
    if (rc && !w->err.rc) w->err = e;
    if (j->kind == JOB_REMOVE) w->removed = removed;
    w->counts = *ls_indexer_counts(w->ix);
    w->done++;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    for (;;) {
        pthread_mutex_lock(&w->mu);
        while (w->len == 0) pthread_cond_wait(&w->cv, &w->mu);
        job j = w->queue[w->head];
        w->head = (w->head + 1) % QUEUE_CAP;
        w->len--;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
        int stop = j.kind == JOB_STOP;
        run_job(w, &j);
        if (stop) return NULL;
    }
}

/* Queue a job (blocking while the queue is full); the job's pointers pass
 * to the worker. Returns the worker's first error, if any, instead. */
static ls_rc push(worker *w, job j, ls_error *err)
{
    pthread_mutex_lock(&w->mu);
    while (w->len == QUEUE_CAP) pthread_cond_wait(&w->cv, &w->mu);
    if (w->err.rc && j.kind != JOB_STOP) {
        ls_rc rc = ls_error_set(err, w->err.rc, "%s", w->err.msg);
        pthread_mutex_unlock(&w->mu);
        ls_document_free(j.doc);
        free(j.id);
        free(j.status);
        return rc;
    }
    w->queue[(w->head + w->len) % QUEUE_CAP] = j;
    w->len++;
    w->pushed++;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    return LS_OK;
}

/* Wait until the worker has run everything queued; its first error, if any. */
static ls_rc drain(worker *w, ls_error *err)
{
    pthread_mutex_lock(&w->mu);
    while (w->done != w->pushed) pthread_cond_wait(&w->cv, &w->mu);
    ls_rc rc = w->err.rc ? ls_error_set(err, w->err.rc, "%s", w->err.msg) : LS_OK;
    pthread_mutex_unlock(&w->mu);
    return rc;
}

/* meta's restate hook: the passages of id_norm are in its shard, which
 * restates them after whatever it was given before (one queue each) */
static ls_rc restate_in_shard(void *ctx, const char *id_norm, const char *status,
                              const char *gone_since, ls_error *err)
{
    ls_sharded *sh = ctx;
    char *id = strdup(id_norm), *st = status ? strdup(status) : NULL;
    if (!id || (status && !st)) {
        free(id), free(st);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    job j = {.kind = JOB_RESTATE, .id = id, .status = st};
    snprintf(j.gone, sizeof j.gone, "%s", gone_since ? gone_since : "");
    return push(&sh->w[ls_shard_of(id_norm, sh->n)], j, err);
}

ls_rc ls_sharded_open(const char *dir, unsigned nshards, const ls_indexer_options *opts,
                      ls_sharded **out, ls_error *err)
{
    *out = NULL;
    unsigned have = ls_shards_count(dir);
    if (!nshards && !have) return ls_error_set(err, LS_ERR_NOTFOUND, "%s is not a shard set", dir);
    unsigned n = nshards ? nshards : have;
    ls_sharded *sh = calloc(1, sizeof *sh);
    ls_index_counts *view = calloc(1, sizeof *view);
    worker *w = calloc(n, sizeof *w);
    if (!sh || !view || !w) {
        free(sh), free(view), free(w);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    sh->n = n, sh->view = view, sh->w = w;
    for (unsigned k = 0; k < n; k++) {
        pthread_mutex_init(&w[k].mu, NULL);
        pthread_cond_init(&w[k].cv, NULL);
    }
    ls_indexer_options sub = opts ? *opts : (ls_indexer_options){0};
    sub.shards = 0;
    /* the parts never commit on their own: a batch is one commit of the
     * whole set, every part marked (ls_sharded_commit) */
    sh->batch_size = sub.batch_size ? sub.batch_size : 1000;
    sub.batch_size = UINT_MAX;
    char path[4096];
    /* meta first: its writer lock is the whole set's; it keeps the
     * relations and hands restated statuses to the shards */
    sub.part = LS_PART_RECORDS;
    sub.restate = (ls_restate_hook){restate_in_shard, sh};
    ls_rc rc = ls_shards_create(dir, n, err);
    if (!rc) rc = ls_shard_path(dir, LS_SHARD_META_INDEX, path, sizeof path, err);
    if (!rc) rc = ls_indexer_open(path, &sub, &sh->meta, err);
    /* past every part's mark: a shard may be ahead of meta (a cut commit) */
    if (!rc) sh->mark = ls_indexer_commit_mark(sh->meta);
    sub.part = LS_PART_PASSAGES;
    sub.restate = (ls_restate_hook){0};
    for (unsigned k = 0; k < n && !rc; k++) {
        rc = ls_shard_path(dir, k, path, sizeof path, err);
        if (!rc) rc = ls_indexer_open(path, &sub, &w[k].ix, err);
        if (!rc && ls_indexer_commit_mark(w[k].ix) > sh->mark)
            sh->mark = ls_indexer_commit_mark(w[k].ix);
        if (!rc && pthread_create(&w[k].thread, NULL, worker_main, &w[k]) != 0)
            rc = ls_error_set(err, LS_ERR_INTERNAL, "cannot start an indexing thread");
        if (!rc) w[k].started = 1;
    }
    if (rc) {
        ls_sharded_close(sh);
        return rc;
    }
    *out = sh;
    return LS_OK;
}

ls_rc ls_sharded_add(ls_sharded *sh, const ls_document *doc, ls_error *err)
{
    char id_norm[256];
    ls_rc rc = ls_indexer_document_key(doc, id_norm, sizeof id_norm, err);
    if (rc) return rc;
    ls_document *copy = ls_document_copy(doc);
    if (!copy) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    /* the passages first, with the status published: meta's add then
     * queues their restatement behind them when relations change it */
    rc = push(&sh->w[ls_shard_of(id_norm, sh->n)], (job){.kind = JOB_ADD, .doc = copy}, err);
    if (!rc) rc = ls_indexer_add(sh->meta, doc, err);
    if (!rc && ++sh->in_batch >= sh->batch_size) rc = ls_sharded_commit(sh, err);
    return rc;
}

ls_rc ls_sharded_remove(ls_sharded *sh, const char *doc_id, unsigned *removed, ls_error *err)
{
    char id_norm[256];
    ls_rc rc = ls_format_normalise_value(doc_id, 0, id_norm, sizeof id_norm, err);
    if (rc) return rc;
    worker *w = &sh->w[ls_shard_of(id_norm, sh->n)];
    char *id = strdup(doc_id);
    if (!id) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if ((rc = push(w, (job){.kind = JOB_REMOVE, .id = id}, err)) || (rc = drain(w, err))) return rc;
    pthread_mutex_lock(&w->mu);
    unsigned count = w->removed;
    pthread_mutex_unlock(&w->mu);
    /* meta holds no passages: its "not found" says nothing */
    ls_error quiet = {0};
    rc = ls_indexer_remove(sh->meta, doc_id, NULL, &quiet);
    if (rc && rc != LS_ERR_NOTFOUND) return ls_error_set(err, rc, "%s", quiet.msg);
    if (removed) *removed = count;
    if (!count) return ls_error_set(err, LS_ERR_NOTFOUND, "no document %s in the index", doc_id);
    return LS_OK;
}

ls_rc ls_sharded_commit(ls_sharded *sh, ls_error *err)
{
    ls_rc rc = LS_OK;
    unsigned long mark = ++sh->mark; /* every part, meta last (shards.h) */
    sh->in_batch = 0;
    for (unsigned k = 0; k < sh->n && !rc; k++)
        rc = push(&sh->w[k], (job){.kind = JOB_COMMIT, .mark = mark}, err);
    for (unsigned k = 0; k < sh->n; k++) {
        ls_rc r = drain(&sh->w[k], err);
        if (!rc) rc = r;
    }
    /* the records last: a reader never sees a record before its passages */
    if (!rc) rc = ls_indexer_commit_marked(sh->meta, mark, err);
    return rc;
}

const ls_index_counts *ls_sharded_counts(const ls_sharded *sh)
{
    ls_index_counts sum = {0};
    for (unsigned k = 0; k < sh->n; k++) {
        worker *w = &sh->w[k];
        pthread_mutex_lock(&w->mu);
        sum.passages_added += w->counts.passages_added;
        sum.passages_replaced += w->counts.passages_replaced;
        sum.passages_skipped += w->counts.passages_skipped;
        sum.bytes += w->counts.bytes;
        sum.passages_unchanged += w->counts.passages_unchanged;
        pthread_mutex_unlock(&w->mu);
    }
    if (sh->meta) { /* documents by their records (a changed passage under an
                       unchanged record counts as unchanged) */
        const ls_index_counts *m = ls_indexer_counts(sh->meta);
        sum.documents = m->documents;
        sum.documents_added = m->documents_added;
        sum.documents_replaced = m->documents_replaced;
        sum.documents_unchanged = m->documents_unchanged;
        sum.documents_restated = m->documents_restated;
    }
    *sh->view = sum;
    return sh->view;
}

void ls_sharded_close(ls_sharded *sh)
{
    if (!sh) return;
    for (unsigned k = 0; k < sh->n; k++) {
        worker *w = &sh->w[k];
        if (w->started) {
            /* STOP waits behind the queued work, which ls_indexer_close
             * then drops uncommitted */
            ls_error ignore = {0};
            push(w, (job){.kind = JOB_STOP}, &ignore);
            pthread_join(w->thread, NULL);
        }
        ls_indexer_close(w->ix);
        pthread_mutex_destroy(&w->mu);
        pthread_cond_destroy(&w->cv);
    }
    ls_indexer_close(sh->meta);
    free(sh->w);
    free(sh->view);
    free(sh);
}
