/* bench_peers.c — the peers of issue 7, measured on the same corpus and
 * questions as luat-search: SQLite FTS5 (unicode61, bm25, OR of the
 * question's words; a second table with remove_diacritics 2 for questions
 * typed without marks) and Xapian's stock TermGenerator/QueryParser.
 * Passages are read with our own readers, so every engine indexes the same
 * article texts (heading + body). Prints, per engine: indexing seconds,
 * MB/s, size on disk as a multiple of the text; per engine and questions
 * file: MRR@10, R@10 and latency p50/p95/p99 and mean (top 10, warm, one
 * thread). The time our readers take to read the corpus is printed on its
 * own line: the peers' indexing times exclude it, luat-search's includes it,
 * so bench/targets adds it to stock Xapian's for a like-for-like ratio.
 * Each question's latency, sorted, one a line in ms, goes to
 * OUT_DIR/lat-ENGINE-FILE.txt (FILE without .jsonl) for bench/plot-latency.
 *
 *   bench_peers OUT_DIR CORPUS_PATH QUESTIONS.jsonl...
 *
 * Every questions file is checked first (one JSON object a line with a
 * "question" string, at least one): a bad one ends it, exit 1, before the
 * long indexing.
 * A standalone main linked with libluat, libsqlite3 and libxapian. */
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/ls_buf.h"
#include "../corpus/reader.h"
#include "../text/analyser.h"
#include "../xapian/xc.h"

typedef struct passage {
    char *id;   /* "<doc id>#<article>", normalised */
    char *text; /* heading + "\n" + body */
} passage;

typedef struct corpus {
    passage *p;
    size_t n, cap, bytes;
} corpus;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *norm(const char *s)
{
    char *out = NULL;
    if (ls_normalize_term(s, strlen(s), &out, NULL, NULL)) return strdup(s);
    return out;
}

static int on_document(void *ctx, const ls_document *doc)
{
    corpus *c = ctx;
    for (size_t i = 0; i < doc->narticles; i++) {
        const ls_article *a = &doc->articles[i];
        if (!a->text || !a->number) continue;
        if (c->n == c->cap) {
            c->cap = c->cap ? c->cap * 2 : 1024;
            c->p = realloc(c->p, c->cap * sizeof *c->p);
        }
        ls_buf id = {0}, text = {0};
        ls_buf_printf(&id, "%s#%s", doc->id, a->number);
        ls_buf_printf(&text, "%s\n%.*s", a->heading ? a->heading : "", (int)a->text_len, a->text);
        char *raw = ls_buf_detach(&id);
        c->p[c->n].id = norm(raw);
        free(raw);
        c->p[c->n].text = ls_buf_detach(&text);
        c->bytes += a->text_len;
        c->n++;
    }
    return 0;
}

static long dir_bytes(const char *path)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "du -sb '%s'", path);
    FILE *f = popen(cmd, "r");
    long n = 0;
    if (f && fscanf(f, "%ld", &n) != 1) n = 0;
    if (f) pclose(f);
    return n;
}

/* ---- the engines ------------------------------------------------------- */

typedef struct engine {
    const char *name;
    const char *slug;         /* in file names */
    sqlite3 *sql;             /* FTS5 */
    sqlite3_stmt *stmt;
    xc_db *xdb;               /* stock Xapian */
    char path[4096];
} engine;

static void die(const char *what, const char *msg)
{
    fprintf(stderr, "bench_peers: %s: %s\n", what, msg);
    exit(1);
}

static void fts5_build(engine *e, const corpus *c, int folded)
{
    remove(e->path);
    if (sqlite3_open(e->path, &e->sql)) die(e->path, sqlite3_errmsg(e->sql));
    char ddl[256];
    snprintf(ddl, sizeof ddl, "CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, body, "
                              "tokenize = 'unicode61%s')", folded ? " remove_diacritics 2" : "");
    char *msg = NULL;
    if (sqlite3_exec(e->sql, ddl, NULL, NULL, &msg) ||
        sqlite3_exec(e->sql, "BEGIN", NULL, NULL, &msg))
        die("fts5", msg);
    sqlite3_stmt *ins;
    sqlite3_prepare_v2(e->sql, "INSERT INTO p(id, body) VALUES (?, ?)", -1, &ins, NULL);
    for (size_t i = 0; i < c->n; i++) {
        sqlite3_bind_text(ins, 1, c->p[i].id, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, c->p[i].text, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) die("fts5 insert", sqlite3_errmsg(e->sql));
        sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    if (sqlite3_exec(e->sql, "COMMIT", NULL, NULL, &msg)) die("fts5", msg);
    sqlite3_prepare_v2(e->sql, "SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 10", -1,
                       &e->stmt, NULL);
}

static void stock_build(engine *e, const corpus *c)
{
    xc_wdb *w = NULL;
    xc_err xe;
    if (xc_wdb_open(e->path, XC_WDB_CREATE_OR_OVERWRITE, &w, &xe)) die(e->path, xe.msg);
    for (size_t i = 0; i < c->n; i++)
        if (xc_stock_add(w, c->p[i].text, strlen(c->p[i].text), c->p[i].id, &xe))
            die("stock add", xe.msg);
    if (xc_wdb_commit(w, &xe)) die("stock commit", xe.msg);
    xc_wdb_close(w);
    if (xc_db_open(e->path, &e->xdb, &xe)) die(e->path, xe.msg);
}

/* ---- questions ---------------------------------------------------------- */

typedef struct hits {
    char *ids[10];
    size_t n;
} hits;

static int collect(void *ctx, const char *data, size_t len)
{
    hits *h = ctx;
    if (h->n < 10) {
        h->ids[h->n] = malloc(len + 1);
        memcpy(h->ids[h->n], data, len);
        h->ids[h->n++][len] = '\0';
    }
    return 0;
}

/* The question's words as an FTS5 OR query: "w1" OR "w2" ... */
static int add_word(void *ctx, const ls_token *t)
{
    ls_buf *b = ctx;
    if (t->kind != LS_TOKEN_WORD && t->kind != LS_TOKEN_NUMBER) return 0;
    if (b->len) ls_buf_puts(b, " OR ");
    ls_buf_putc(b, '"');
    for (size_t i = 0; i < t->term_len; i++)
        if (t->term[i] != '"') ls_buf_putc(b, t->term[i]);
    ls_buf_putc(b, '"');
    return 0;
}

static void ask(engine *e, const char *q, hits *h)
{
    h->n = 0;
    if (e->sql) {
        ls_buf fq = {0};
        ls_tokenize(q, strlen(q), LS_TOKENIZE_QUERY, add_word, &fq, NULL);
        if (!fq.len) return;
        sqlite3_bind_text(e->stmt, 1, fq.data, (int)fq.len, SQLITE_TRANSIENT);
        while (sqlite3_step(e->stmt) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(e->stmt, 0);
            collect(h, id, strlen(id));
        }
        sqlite3_reset(e->stmt);
        ls_buf_free(&fq);
    } else {
        xc_err xe;
        xc_stock_search(e->xdb, q, 10, collect, h, &xe);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Write the sorted latencies lat[0..n) to OUT_DIR/lat-SLUG-BASE.txt. */
static void write_latencies(const char *out_dir, const engine *e, const char *base,
                            const double *lat, size_t n)
{
    char name[4096];
    int stem = (int)(strstr(base, ".jsonl") ? (size_t)(strstr(base, ".jsonl") - base) : strlen(base));
    snprintf(name, sizeof name, "%s/lat-%s-%.*s.txt", out_dir, e->slug, stem, base);
    FILE *f = fopen(name, "w");
    if (!f) die(name, "cannot write");
    for (size_t i = 0; i < n; i++) fprintf(f, "%.3f\n", lat[i]);
    if (fclose(f)) die(name, "writing failed");
}

/* Check a questions file before the long indexing: it opens, and every
 * line is a JSON object with a "question" string; at least one. */
static void check_questions(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) die(path, "cannot open");
    char *line = NULL;
    size_t cap = 0, n = 0, lineno = 0;
    while (getline(&line, &cap, f) > 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == strlen(line)) continue; /* a blank line */
        json_t *o = json_loads(line, 0, NULL);
        int ok = json_is_string(json_object_get(o, "question"));
        json_decref(o);
        if (!ok) {
            char msg[128];
            snprintf(msg, sizeof msg, "line %zu is not a JSON object with a \"question\" string",
                     lineno);
            free(line);
            fclose(f);
            die(path, msg);
        }
        n++;
    }
    free(line);
    fclose(f);
    if (n == 0) die(path, "holds no questions (one JSON object a line, with a \"question\")");
}

static void run_questions(engine *e, const char *path, const char *out_dir)
{
    FILE *f = fopen(path, "r");
    if (!f) die(path, "cannot open");
    char *line = NULL;
    size_t cap = 0, n = 0;
    double mrr = 0, r10 = 0, *lat = NULL;
    for (int pass = 0; pass < 2; pass++) { /* pass 0 warms the cache */
        rewind(f);
        n = 0;
        mrr = r10 = 0;
        while (getline(&line, &cap, f) > 0) {
            json_t *o = json_loads(line, 0, NULL);
            const char *q = json_string_value(json_object_get(o, "question"));
            if (!q) {
                json_decref(o);
                continue;
            }
            hits h;
            double t0 = now_s();
            ask(e, q, &h);
            double ms = (now_s() - t0) * 1e3;
            if (pass) {
                lat = realloc(lat, (n + 1) * sizeof *lat);
                lat[n] = ms;
            }
            size_t i;
            json_t *rel;
            double rr = 0;
            json_array_foreach(json_object_get(o, "relevant"), i, rel) {
                char want[512];
                snprintf(want, sizeof want, "%s#%s",
                         json_string_value(json_object_get(rel, "doc")),
                         json_string_value(json_object_get(rel, "article")));
                char *w = norm(want);
                for (size_t k = 0; k < h.n; k++)
                    if (strcmp(h.ids[k], w) == 0 && 1.0 / (double)(k + 1) > rr) rr = 1.0 / (double)(k + 1);
                free(w);
            }
            mrr += rr;
            r10 += rr > 0;
            for (size_t k = 0; k < h.n; k++) free(h.ids[k]);
            json_decref(o);
            n++;
        }
    }
    fclose(f);
    free(line);
    qsort(lat, n, sizeof *lat, cmp_double);
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += lat[i];
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    printf("  %-26s %-38s n %3zu  MRR@10 %.3f  R@10 %.3f  p50 %6.2f  p95 %6.2f  p99 %6.2f  "
           "mean %6.2f ms\n",
           e->name, base, n, mrr / (double)n, r10 / (double)n, lat[n / 2],
           lat[(size_t)((double)n * 0.95)], lat[(size_t)((double)n * 0.99)], sum / (double)n);
    write_latencies(out_dir, e, base, lat, n);
    free(lat);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_peers OUT_DIR CORPUS_PATH QUESTIONS.jsonl...\n");
        return 2;
    }
    for (int i = 3; i < argc; i++) check_questions(argv[i]);
    corpus c = {0};
    ls_reader_sink sink = {.on_document = on_document, .ctx = &c};
    ls_error err = {0};
    double read_t0 = now_s();
    if (ls_corpus_read_path(argv[2], LS_FORMAT_AUTO, &sink, &err)) die(argv[2], err.msg);
    printf("  %zu passages, %.1f MB of article text\n", c.n, (double)c.bytes / 1e6);
    printf("  reading the corpus (our readers) %.1f s\n", now_s() - read_t0);
    engine engines[3] = {{.name = "sqlite-fts5", .slug = "fts5"},
                         {.name = "sqlite-fts5 (folded)", .slug = "fts5-folded"},
                         {.name = "xapian stock", .slug = "xapian-stock"}};
    snprintf(engines[0].path, sizeof engines[0].path, "%s/fts5.db", argv[1]);
    snprintf(engines[1].path, sizeof engines[1].path, "%s/fts5-folded.db", argv[1]);
    snprintf(engines[2].path, sizeof engines[2].path, "%s/xapian-stock", argv[1]);
    for (int k = 0; k < 3; k++) {
        double t0 = now_s();
        if (k < 2) fts5_build(&engines[k], &c, k == 1);
        else stock_build(&engines[k], &c);
        double s = now_s() - t0;
        long size = dir_bytes(engines[k].path);
        printf("  %-26s indexing %6.1f s  %5.2f MB/s  index %6.1f MB = %.2f x the text\n",
               engines[k].name, s, (double)c.bytes / 1e6 / s, (double)size / 1e6,
               (double)size / (double)c.bytes);
        fflush(stdout);
    }
    for (int i = 3; i < argc; i++) {
        int unaccented = strstr(argv[i], "nodiacritics") != NULL;
        for (int k = 0; k < 3; k++) {
            if (k == 1 && !unaccented) continue; /* the folded table is for unmarked questions */
            run_questions(&engines[k], argv[i], argv[1]);
            fflush(stdout);
        }
    }
    for (int k = 0; k < 3; k++) {
        sqlite3_finalize(engines[k].stmt);
        sqlite3_close(engines[k].sql);
        xc_db_close(engines[k].xdb);
    }
    for (size_t i = 0; i < c.n; i++) {
        free(c.p[i].id);
        free(c.p[i].text);
    }
    free(c.p);
    ls_analyser_shutdown();
    return 0;
}
