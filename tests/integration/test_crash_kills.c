/* test_crash_kills.c — random kills (SIGKILL) of `index`, `compact` and
 * `remove` while they work on real pháp điển pages from ../shared:
 *   - index: the first LS_CRASH_PAGES pages (default 3), --batch-size 20,
 *     killed LS_CRASH_KILLS times (default 2) at a random moment of a run;
 *     after each kill the index opens, its (documents, passages) are those
 *     after some whole batch of an uninterrupted run (the table is made by
 *     indexing in-process and reading stats after every batch's commit), a
 *     rerun reaches the uninterrupted run's counts, and the rankings of 50
 *     questions (zalo-phapdien-dev) are identical by checksum;
 *   - index --shards 2, killed the same way: the set is whole at a whole
 *     batch or says it is incomplete (a kill between its shards' commit
 *     and meta's), and a rerun makes it whole with one index's counts and
 *     rankings;
 *   - compact: a copy of the finished index, killed at random; it opens
 *     with the same counts and checksum, and compact run again completes;
 *   - remove of 10 documents, killed at random: counts are all-or-none,
 *     and a rerun reaches the uninterrupted removal's counts.
 * Every kill must land: a run that ends before its kill does not count and
 * is started again, the moment drawn from what it took (kill_landing).
 * make test runs the short version; `make crash-loop` (tests/crash-loop)
 * the long one (50 kills of each). LS_CRASH_SEED repeats a run (the seed
 * is printed). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "../../corpus/reader.h"
#include "../../indexer/indexer.h"
#include "../../indexer/shards.h"
#include "../../query/search.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

#define BATCH 20
#define QUESTIONS 50
#define MAX_STATES 4096
#define REMOVE_IDS 10

typedef struct counts {
    long documents, passages;
} counts;

static char *dir, pages[4096], ref_db[4096], cli_db[4096];
static counts states[MAX_STATES]; /* after each whole batch, in order */
static size_t nstates;
static counts final;
static uint64_t final_sum;
static char *questions[QUESTIONS];
static size_t nquestions;
static char remove_ids[REMOVE_IDS][256];
static size_t nremove;
static double index_ms;           /* an uninterrupted CLI run */
static unsigned kills, seed;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* (documents, passages) of the index at db; 0 when it opens */
static int read_counts(const char *db, counts *c)
{
    ls_searcher *s = NULL;
    if (ls_searcher_open(db, &s, NULL)) return -1;
    char *json = NULL;
    int rc = ls_searcher_stats_json(s, &json, NULL) ? -1 : 0;
    ls_searcher_close(s);
    json_t *o = rc ? NULL : json_loads(json, 0, NULL);
    free(json);
    if (!o) return -1;
    c->documents = (long)json_integer_value(json_object_get(o, "documents"));
    c->passages = (long)json_integer_value(json_object_get(o, "passages"));
    json_decref(o);
    return 0;
}

/* Hits of equal score in id order: their order among themselves is the
 * first stage's docid order, which a shard set numbers differently from
 * one index (a tie is no ranking), so the sum reads them in id order. */
static int by_score_then_id(const void *a, const void *b)
{
    const ls_hit *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return strcmp(x->passage_id, y->passage_id);
}

/* FNV-1a over the passage ids of the top 10 of every question, in order
 * (ties in id order) */
static uint64_t ranking_sum(const char *db)
{
    ls_searcher *s = NULL;
    if (ls_searcher_open(db, &s, NULL)) return 0;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < nquestions; i++) {
        ls_search_request rq = {.query = questions[i], .limit = 10};
        ls_results *r = NULL;
        if (ls_search(s, &rq, &r, NULL)) continue;
        qsort(r->hits, r->nhits, sizeof *r->hits, by_score_then_id);
        for (size_t k = 0; k < r->nhits; k++) {
            for (const char *p = r->hits[k].passage_id; *p; p++)
                h = (h ^ (unsigned char)*p) * 1099511628211ull;
            h = (h ^ '\n') * 1099511628211ull;
        }
        h = (h ^ '|') * 1099511628211ull;
        ls_results_free(r);
    }
    ls_searcher_close(s);
    return h;
}

typedef struct ref_run {
    ls_indexer *ix;
    const char *db;
    unsigned adds;
} ref_run;

/* the CLI's sink (cli/cmd_index.c): add, and a document that fails is
 * skipped; after every BATCH-th add a batch was committed: read it */
static int ref_on_document(void *ctx, const ls_document *doc)
{
    ref_run *r = ctx;
    ls_error err = {0};
    ls_indexer_add(r->ix, doc, &err);
    if (++r->adds % BATCH == 0 && nstates < MAX_STATES) {
        if (read_counts(r->db, &states[nstates])) fail_msg("reference index does not open");
        nstates++;
    }
    return 0;
}

static void ref_on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    (void)ctx, (void)path, (void)line, (void)msg;
}

static void load_questions(void)
{
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(ls_read_file(ts_shared_path("eval/dev/zalo-phapdien-dev.jsonl"), &data, &len,
                                  NULL), LS_OK);
    for (char *line = data, *nl; nquestions < QUESTIONS && (nl = strchr(line, '\n'));
         line = nl + 1) {
        json_t *o = json_loadb(line, (size_t)(nl - line), 0, NULL);
        const char *q = json_string_value(json_object_get(o, "question"));
        if (q) questions[nquestions++] = strdup(q);
        json_decref(o);
    }
    free(data);
    assert_int_equal(nquestions, QUESTIONS);
}

/* argv for the CLI: "index"/"compact"/"remove" and its arguments */
static pid_t spawn(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) dup2(null, 1), dup2(null, 2);
        execv(ts_bin(), argv);
        _exit(127);
    }
    return pid;
}

/* run to the end; the exit status */
static int run(char *const argv[])
{
    int st = 0;
    pid_t pid = spawn(argv);
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

#define MAX_TRIES 40 /* runs started per kill that must land */

/* start argv, SIGKILL it after a random delay in [min_ms, max_ms); 1 when
 * the kill came before it ended, else 0 with *ended_ms what the run took
 * (it is watched every millisecond) */
static int run_and_kill(char *const argv[], double min_ms, double max_ms, double *ended_ms)
{
    double delay = min_ms + (max_ms - min_ms) * (double)rand() / ((double)RAND_MAX + 1.0);
    double t0 = now_ms();
    pid_t pid = spawn(argv);
    int st = 0;
    for (;;) {
        double left = t0 + delay - now_ms();
        if (left <= 0) break;
        if (waitpid(pid, &st, WNOHANG) == pid) { /* it ended first */
            *ended_ms = now_ms() - t0;
            return 0;
        }
        struct timespec ts = {0, (long)((left < 1 ? left : 1) * 1e6)};
        nanosleep(&ts, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    *ended_ms = now_ms() - t0;
    return WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
}

/* A kill that lands: prepare(ctx) (the work as it was), then argv killed
 * at a random moment in [lo, hi) x *est_ms (what a run takes); a run that
 * ends before its kill does not count: it is prepared and run again with
 * *est_ms lowered to what that run took (the machine got quicker or the
 * timing was off), up to MAX_TRIES runs. 1 when a kill landed; *tries
 * counts the runs started. */
static int kill_landing(char *const argv[], void (*prepare)(void *), void *ctx, double lo,
                        double hi, double *est_ms, unsigned *tries)
{
    for (int t = 0; t < MAX_TRIES; t++) {
        prepare(ctx);
        double took = 0;
        ++*tries;
        if (run_and_kill(argv, *est_ms * lo, *est_ms * hi, &took)) return 1;
        if (took < *est_ms) *est_ms = took;
    }
    return 0;
}

static int setup(void **state)
{
    (void)state;
    ts_require_shared("corpus/phapdien/html");
    ts_require_shared("eval/dev/zalo-phapdien-dev.jsonl");
    const char *k = getenv("LS_CRASH_KILLS"), *np = getenv("LS_CRASH_PAGES"),
               *sd = getenv("LS_CRASH_SEED");
    kills = k ? (unsigned)atoi(k) : getenv("LS_VALGRIND") ? 1 : 2; /* valgrind: the searches */
    unsigned npages = np ? (unsigned)atoi(np) : 3;
    seed = sd ? (unsigned)strtoul(sd, NULL, 10) : (unsigned)time(NULL);
    srand(seed);
    fprintf(stderr, "crash kills: %u of each, %u pages, seed %u (LS_CRASH_SEED)\n", kills,
            npages, seed);
    dir = ts_mkdtemp();
    snprintf(pages, sizeof pages, "%s/pages", dir);
    snprintf(ref_db, sizeof ref_db, "%s/ref", dir);
    snprintf(cli_db, sizeof cli_db, "%s/cli", dir);
    mkdir(pages, 0755);
    /* the first pages in name order, linked, not copied */
    const char *html = ts_shared_path("corpus/phapdien/html");
    struct dirent **names = NULL;
    int n = scandir(html, &names, NULL, alphasort), linked = 0;
    for (int i = 0; i < n; i++) {
        if (linked < (int)npages && strstr(names[i]->d_name, ".html")) {
            char from[8192], to[8192];
            snprintf(from, sizeof from, "%s/%s", html, names[i]->d_name);
            snprintf(to, sizeof to, "%s/%s", pages, names[i]->d_name);
            if (symlink(from, to) == 0) linked++;
        }
        free(names[i]);
    }
    free(names);
    if (linked != (int)npages) return -1;
    load_questions();
    /* the reference, in-process: the state after every batch */
    ls_indexer_options opts = {.batch_size = BATCH, .overwrite = 1};
    ref_run r = {.db = ref_db};
    ls_error err = {0};
    if (ls_indexer_open(ref_db, &opts, &r.ix, &err)) return -1;
    ls_reader_sink sink = {ref_on_document, ref_on_problem, &r};
    ls_corpus_read_path(pages, LS_FORMAT_AUTO, &sink, &err);
    if (ls_indexer_commit(r.ix, &err)) return -1;
    ls_indexer_close(r.ix);
    if (read_counts(ref_db, &final)) return -1;
    states[nstates++] = final;
    final_sum = ranking_sum(ref_db);
    /* the CLI, uninterrupted: the same counts and rankings */
    char batch[16];
    snprintf(batch, sizeof batch, "%d", BATCH);
    char *argv[] = {"luat-search", "index", "--quiet", "--batch-size", batch, "--db", cli_db,
                    pages, NULL};
    double t0 = now_ms();
    if (run(argv) != 0) return -1;
    index_ms = now_ms() - t0;
    fprintf(stderr, "reference: %ld documents, %ld passages, %zu batches; CLI run %.0f ms\n",
            final.documents, final.passages, nstates, index_ms);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < nquestions; i++) free(questions[i]);
    if (dir) ts_rmtree(dir);
    free(dir);
    return ts_shutdown_analyser(state);
}

static int whole_batch(const counts *c)
{
    if (c->documents == 0 && c->passages == 0) return 1; /* before the first batch */
    for (size_t i = 0; i < nstates; i++)
        if (states[i].documents == c->documents && states[i].passages == c->passages) return 1;
    return 0;
}

static void test_uninterrupted_cli_matches_reference(void **state)
{
    (void)state;
    counts c;
    assert_int_equal(read_counts(cli_db, &c), 0);
    assert_int_equal(c.documents, final.documents);
    assert_int_equal(c.passages, final.passages);
    assert_true(final_sum == ranking_sum(cli_db));
    assert_true(nstates >= 3); /* several batches, or the kills prove little */
}

static void remove_work(void *work)
{
    ts_rmtree(work);
}

/* an index run into `work`, from nothing, killed past its start-up and
 * before its end (among the batches), as kill_landing */
static int kill_among_batches(char *const argv[], char *work, double *run_ms, unsigned *tries)
{
    return kill_landing(argv, remove_work, work, 0.3, 0.95, run_ms, tries);
}

/* after a rerun: the uninterrupted run's counts and rankings */
static void expect_final(const char *what, unsigned i, const char *db)
{
    counts c;
    if (read_counts(db, &c) || c.documents != final.documents || c.passages != final.passages)
        fail_msg("%s kill %u: rerun reached %ld documents, %ld passages (want %ld, %ld)", what,
                 i, c.documents, c.passages, final.documents, final.passages);
    if (ranking_sum(db) != final_sum) fail_msg("%s kill %u: rankings differ after rerun", what, i);
}

static void test_index_kills(void **state)
{
    (void)state;
    char work[4096], batch[16];
    snprintf(work, sizeof work, "%s/work", dir);
    snprintf(batch, sizeof batch, "%d", BATCH);
    char *argv[] = {"luat-search", "index", "--quiet", "--batch-size", batch, "--db", work,
                    pages, NULL};
    unsigned killed = 0, mid = 0, tries = 0;
    for (unsigned i = 0; i < kills; i++) {
        double est = index_ms;
        if (!kill_among_batches(argv, work, &est, &tries))
            fail_msg("kill %u: %d runs ended before their kill", i, MAX_TRIES);
        killed++;
        struct stat st;
        counts c = {0, 0};
        if (stat(work, &st) == 0 && read_counts(work, &c))
            fail_msg("kill %u: the index does not open", i);
        if (!whole_batch(&c))
            fail_msg("kill %u: %ld documents, %ld passages: not the state after a whole batch",
                     i, c.documents, c.passages);
        if (c.passages > 0 && c.passages < final.passages) mid++;
        if (run(argv) != 0) fail_msg("kill %u: the rerun failed", i);
        expect_final("index", i, work);
    }
    fprintf(stderr, "index: %u of %u kills landed (%u runs started; %u mid-way), each recovered\n",
            killed, kills, tries, mid);
    assert_int_equal(killed, kills);
}

/* `index --shards 2` killed at random: the set is either whole at a whole
 * batch, or says it is incomplete (ls_shards_complete; a kill between the
 * shards' commit and meta's); a rerun makes it whole with the counts and
 * rankings of one index. */
static void test_set_kills(void **state)
{
    (void)state;
    char work[4096], batch[16], why[1024];
    snprintf(work, sizeof work, "%s/set", dir);
    snprintf(batch, sizeof batch, "%d", BATCH);
    char *first[] = {"luat-search", "index", "--quiet", "--shards", "2", "--batch-size", batch,
                     "--db", work, pages, NULL};
    char *again[] = {"luat-search", "index", "--quiet", "--batch-size", batch, "--db", work,
                     pages, NULL};
    ts_rmtree(work);
    double t0 = now_ms(); /* its threads make it quicker than one index */
    assert_int_equal(run(first), 0);
    double set_ms = now_ms() - t0;
    expect_final("set (uninterrupted)", 0, work);
    unsigned killed = 0, incomplete = 0, tries = 0;
    for (unsigned i = 0; i < kills; i++) {
        double est = set_ms;
        if (!kill_among_batches(first, work, &est, &tries))
            fail_msg("set kill %u: %d runs ended before their kill", i, MAX_TRIES);
        killed++;
        int complete = 1;
        counts c = {0, 0};
        struct stat st;
        char stub[4200];
        snprintf(stub, sizeof stub, "%s/XAPIANDB", work);
        if (stat(stub, &st) != 0) continue; /* killed before the set was laid out */
        if (ls_shards_complete(work, &complete, why, sizeof why, NULL))
            fail_msg("set kill %u: a part does not open", i);
        if (!complete) incomplete++;
        else if (read_counts(work, &c) || !whole_batch(&c))
            fail_msg("set kill %u: whole, but %ld documents, %ld passages: no batch's state", i,
                     c.documents, c.passages);
        if (run(again) != 0) fail_msg("set kill %u: the rerun failed", i);
        if (ls_shards_complete(work, &complete, why, sizeof why, NULL) || !complete)
            fail_msg("set kill %u: incomplete after the rerun: %s", i, why);
        expect_final("set", i, work); /* one index's counts and rankings */
    }
    fprintf(stderr,
            "set: %u of %u kills landed (%u runs started; %u left detectably incomplete), each "
            "repaired\n",
            killed, kills, tries, incomplete);
    assert_int_equal(killed, kills);
}

static void copy_index(const char *from, const char *to)
{
    char cmd[5 * 4096 + 100];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s.old' '%s.compact' && cp -a '%s' '%s'", to, to, to,
             from, to);
    assert_int_equal(system(cmd), 0);
}

/* kill_landing's prepare: a fresh copy of the uninterrupted index */
static void fresh_copy(void *work)
{
    copy_index(cli_db, work);
}

static void test_compact_kills(void **state)
{
    (void)state;
    char work[4096], old[4200];
    snprintf(work, sizeof work, "%s/compact", dir);
    snprintf(old, sizeof old, "%s.old", work);
    char *argv[] = {"luat-search", "compact", "--db", work, NULL};
    double compact_ms = 1e9;
    for (int i = 0; i < 2; i++) { /* the faster of two: the file cache warm */
        copy_index(cli_db, work);
        double t0 = now_ms();
        assert_int_equal(run(argv), 0);
        if (now_ms() - t0 < compact_ms) compact_ms = now_ms() - t0;
    }
    unsigned killed = 0, tries = 0;
    for (unsigned i = 0; i < kills; i++) {
        double est = compact_ms;
        if (!kill_landing(argv, fresh_copy, work, 0.1, 0.95, &est, &tries))
            fail_msg("compact kill %u: %d runs ended before their kill", i, MAX_TRIES);
        killed++;
        counts c;
        if (read_counts(work, &c)) fail_msg("compact kill %u: the index does not open", i);
        if (c.documents != final.documents || c.passages != final.passages)
            fail_msg("compact kill %u: %ld documents, %ld passages", i, c.documents, c.passages);
        if (ranking_sum(work) != final_sum) fail_msg("compact kill %u: rankings differ", i);
        ts_rmtree(old); /* as its message says: remove DIR.old when satisfied */
        if (run(argv) != 0) fail_msg("compact kill %u: compact again failed", i);
        if (read_counts(work, &c) || c.passages != final.passages)
            fail_msg("compact kill %u: after compacting again, %ld passages", i, c.passages);
    }
    fprintf(stderr, "compact: %u of %u kills landed (%u runs started; a run takes %.0f ms)\n",
            killed, kills, tries, compact_ms);
    assert_int_equal(killed, kills);
}

/* the documents of the first hits, to remove */
static void pick_remove_ids(void)
{
    ls_searcher *s = NULL;
    assert_int_equal(ls_searcher_open(cli_db, &s, NULL), LS_OK);
    for (size_t i = 0; i < nquestions && nremove < REMOVE_IDS; i++) {
        ls_search_request rq = {.query = questions[i], .limit = 1};
        ls_results *r = NULL;
        if (ls_search(s, &rq, &r, NULL) || !r->nhits) {
            ls_results_free(r);
            continue;
        }
        const char *id = r->hits[0].passage->doc_id;
        int seen = 0;
        for (size_t k = 0; k < nremove; k++) seen |= strcmp(remove_ids[k], id) == 0;
        if (!seen) snprintf(remove_ids[nremove++], sizeof remove_ids[0], "%s", id);
        ls_results_free(r);
    }
    ls_searcher_close(s);
    assert_int_equal(nremove, REMOVE_IDS);
}

static void test_remove_kills(void **state)
{
    (void)state;
    pick_remove_ids();
    char work[4096];
    snprintf(work, sizeof work, "%s/remove", dir);
    char *argv[4 + REMOVE_IDS + 1] = {"luat-search", "remove", "--db", work};
    for (size_t i = 0; i < nremove; i++) argv[4 + i] = remove_ids[i];
    argv[4 + nremove] = NULL;
    copy_index(cli_db, work);
    double t0 = now_ms();
    assert_int_equal(run(argv), 0);
    double remove_ms = now_ms() - t0;
    counts after;
    assert_int_equal(read_counts(work, &after), 0);
    assert_true(after.passages < final.passages);
    uint64_t after_sum = ranking_sum(work);
    unsigned killed = 0, tries = 0;
    for (unsigned i = 0; i < kills; i++) {
        double est = remove_ms;
        if (!kill_landing(argv, fresh_copy, work, 0.1, 0.95, &est, &tries))
            fail_msg("remove kill %u: %d runs ended before their kill", i, MAX_TRIES);
        killed++;
        counts c;
        if (read_counts(work, &c)) fail_msg("remove kill %u: the index does not open", i);
        int none = c.documents == final.documents && c.passages == final.passages;
        int all = c.documents == after.documents && c.passages == after.passages;
        if (!none && !all)
            fail_msg("remove kill %u: %ld documents, %ld passages: neither before nor after", i,
                     c.documents, c.passages);
        if (none && run(argv) != 0) fail_msg("remove kill %u: the rerun failed", i);
        if (read_counts(work, &c) || c.documents != after.documents ||
            c.passages != after.passages || ranking_sum(work) != after_sum)
            fail_msg("remove kill %u: the rerun did not reach the removal's state", i);
    }
    fprintf(stderr, "remove: %u of %u kills landed (%u runs started; a run takes %.0f ms)\n",
            killed, kills, tries, remove_ms);
    assert_int_equal(killed, kills);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uninterrupted_cli_matches_reference),
        cmocka_unit_test(test_index_kills),
        cmocka_unit_test(test_set_kills),
        cmocka_unit_test(test_compact_kills),
        cmocka_unit_test(test_remove_kills),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
