/* test_support.c — paths, temp dirs and command running for the tests. */
#include "test_support.h"

#include "../../corpus/reader.h"
#include "../../corpus/structure.h"
#include "../../indexer/indexer.h"
#include "../../query/search.h"
#include "../../query/plan.h"
#include "../../format/cover_record.h"
#include "../../common/ls_buf.h"
#include "../../text/analyser.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

const char *ts_root(void)
{
    const char *r = getenv("LS_ROOT");
    return r && *r ? r : ".";
}

const char *ts_bin(void)
{
    static char buf[4096];
    const char *b = getenv("LS_BIN");
    if (b && *b) return b;
    snprintf(buf, sizeof buf, "%s/bin/luat-search", ts_root());
    return buf;
}

const char *ts_shared(void)
{
    static char buf[4096];
    const char *s = getenv("LS_SHARED");
    if (s && *s) return s;
    snprintf(buf, sizeof buf, "%s/../shared", ts_root());
    return buf;
}

static char *rotate(void)
{
    static char bufs[8][8192];
    static int next;
    return bufs[next++ % 8];
}

const char *ts_path(const char *relative)
{
    char *b = rotate();
    snprintf(b, 8192, "%s/%s", ts_root(), relative);
    return b;
}

const char *ts_shared_path(const char *relative)
{
    char *b = rotate();
    snprintf(b, 8192, "%s/%s", ts_shared(), relative);
    return b;
}

void ts_require_shared(const char *relative)
{
    struct stat st;
    const char *p = ts_shared_path(relative);
    if (stat(p, &st) != 0)
        fail_msg("shared data missing: %s (set LS_SHARED to the shared/ directory)", p);
}

char *ts_mkdtemp(void)
{
    const char *tmp = getenv("TMPDIR");
    char buf[4096];
    snprintf(buf, sizeof buf, "%s/luat-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(buf)) return NULL;
    return strdup(buf);
}

void ts_rmtree(const char *path)
{
    if (!path || !*path || strcmp(path, "/") == 0) return;
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0) fprintf(stderr, "warning: could not remove %s\n", path);
}

static char *slurp(FILE *f)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) break;
            buf = grown;
            cap *= 2;
        }
    }
    if (buf) buf[len] = '\0';
    return buf;
}

int ts_run(const char *cmdline, const char *stdin_text, char **out, char **err)
{
    char in_path[] = "/tmp/luat-in-XXXXXX", out_path[] = "/tmp/luat-out-XXXXXX",
         err_path[] = "/tmp/luat-err-XXXXXX";
    int fi = mkstemp(in_path), fo = mkstemp(out_path), fe = mkstemp(err_path);
    if (fi < 0 || fo < 0 || fe < 0) return -1;
    if (stdin_text && write(fi, stdin_text, strlen(stdin_text)) < 0) return -1;
    close(fi);
    close(fo);
    close(fe);
    size_t n = strlen(cmdline) + 200;
    char *full = malloc(n);
    snprintf(full, n, "( %s ) <%s >%s 2>%s", cmdline, in_path, out_path, err_path);
    int status = system(full);
    free(full);
    FILE *f = fopen(out_path, "rb");
    char *o = f ? slurp(f) : strdup("");
    if (f) fclose(f);
    f = fopen(err_path, "rb");
    char *e = f ? slurp(f) : strdup("");
    if (f) fclose(f);
    unlink(in_path);
    unlink(out_path);
    unlink(err_path);
    if (out) *out = o; else free(o);
    if (err) *err = e; else free(e);
    if (status == -1) return -1;
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

xc_db *ts_xapian_db(const char *dir, void (*fill)(xc_wdb *w, void *ctx), void *ctx)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/idx", dir);
    xc_wdb *w = NULL;
    xc_err xe;
    assert_int_equal(xc_wdb_open(path, XC_WDB_CREATE_OR_OVERWRITE, &w, &xe), XC_OK);
    if (fill) fill(w, ctx);
    assert_int_equal(xc_wdb_commit(w, &xe), XC_OK);
    xc_wdb_close(w);
    xc_db *db = NULL;
    assert_int_equal(xc_db_open(path, &db, &xe), XC_OK);
    return db;
}

void ts_add_terms_doc(xc_wdb *w, const char *const *terms, size_t n)
{
    xc_err xe;
    xc_doc *d = NULL;
    assert_int_equal(xc_doc_new(&d, &xe), XC_OK);
    for (size_t i = 0; i < n; i++) assert_int_equal(xc_doc_add_term(d, terms[i], 1, &xe), XC_OK);
    unsigned id;
    assert_int_equal(xc_wdb_add_document(w, d, &id, &xe), XC_OK);
    xc_doc_free(d);
}

ts_index *ts_index_new(void (*fill)(xc_wdb *w, void *ctx), void *ctx)
{
    ts_index *ix = calloc(1, sizeof *ix);
    assert_non_null(ix);
    ix->dir = ts_mkdtemp();
    assert_non_null(ix->dir);
    ix->db = ts_xapian_db(ix->dir, fill, ctx);
    return ix;
}

int ts_index_teardown(void **state)
{
    ts_index *ix = *state;
    if (ix) {
        xc_db_close(ix->db);
        ts_rmtree(ix->dir);
        free(ix->dir);
        free(ix);
        *state = NULL;
    }
    return ts_shutdown_analyser(state);
}

int ts_shutdown_analyser(void **state)
{
    (void)state;
    ls_analyser_shutdown();
    return 0;
}

static int index_one(void *ctx, const ls_document *doc)
{
    ls_error err = {0};
    ls_rc rc = ls_indexer_add(ctx, doc, &err);
    if (rc) fprintf(stderr, "indexing %s: %s\n", doc->source, err.msg);
    return rc != LS_OK;
}

int ts_open_sample(const ts_text *texts, size_t n, char **dir, ls_searcher **s)
{
    *s = NULL;
    if (!(*dir = ts_mkdtemp())) return -1;
    ls_error err = {0};
    ls_indexer *ix = NULL;
    ls_indexer_options opts = {.overwrite = 1};
    if (ls_indexer_open(*dir, &opts, &ix, &err)) {
        fprintf(stderr, "test index: %s\n", err.msg);
        return -1;
    }
    ls_reader_sink sink = {index_one, NULL, ix};
    ls_rc rc = ls_corpus_read_path(ts_path("corpus/sample"), LS_FORMAT_AUTO, &sink, &err);
    for (size_t i = 0; !rc && i < n; i++)
        rc = ls_corpus_read_buffer(texts[i].name, texts[i].data, texts[i].len,
                                   (ls_format)texts[i].format, &sink, &err);
    if (!rc) rc = ls_indexer_commit(ix, &err);
    ls_indexer_close(ix);
    if (!rc) rc = ls_searcher_open(*dir, s, &err);
    if (rc) fprintf(stderr, "test index: %s\n", err.msg);
    return rc ? -1 : 0;
}

void ts_close_sample(char *dir, ls_searcher *s)
{
    ls_searcher_close(s);
    if (dir) ts_rmtree(dir);
    free(dir);
}

ls_searcher *ts_sample;
static char *ts_sample_dir;

int ts_sample_setup(void **state)
{
    (void)state;
    return ts_open_sample(NULL, 0, &ts_sample_dir, &ts_sample);
}

int ts_sample_teardown(void **state)
{
    (void)state;
    ts_close_sample(ts_sample_dir, ts_sample);
    ts_sample_dir = NULL;
    ts_sample = NULL;
    ls_analyser_shutdown();
    return 0;
}

double ts_heading_factor(const char *q, const char *h, ts_heading_rule f)
{
    ls_plan *p = NULL;
    assert_int_equal(ls_plan_build(q, strlen(q), &p, NULL), LS_OK);
    ls_buf buf = LS_BUF_INIT;
    ls_cover rec;
    assert_int_equal(ls_cover_encode_texts(h, NULL, "Nội dung.", 9, &buf, NULL), LS_OK);
    assert_int_equal(ls_cover_decode(buf.data, buf.len, &rec, NULL), LS_OK);
    uint64_t *masks = calloc(rec.nwords ? rec.nwords : 1, sizeof *masks);
    assert_non_null(masks);
    for (size_t w = 0; w < rec.nwords; w++)
        for (size_t i = 0; i < p->nterms; i++)
            if (ls_plan_term_key(p, &p->terms[i]) == ls_plan_word_key(p, &rec.keys[2 * w]))
                masks[w] = 1;
    double factor = f(p, &rec, masks);
    free(masks);
    ls_cover_free(&rec);
    ls_buf_free(&buf);
    ls_plan_free(p);
    return factor;
}

ls_article *ts_article_parse(const char *text)
{
    ls_article *a = calloc(1, sizeof *a);
    assert_non_null(a);
    a->text = strdup(text);
    a->text_len = strlen(text);
    ls_error err = {0};
    assert_int_equal(ls_structure_parse_clauses(a, &err), LS_OK);
    return a;
}

void ts_article_free(ls_article *a)
{
    if (!a) return;
    for (size_t c = 0; c < a->nclauses; c++) {
        free(a->clauses[c].number);
        for (size_t p = 0; p < a->clauses[c].npoints; p++) free(a->clauses[c].points[p].label);
        free(a->clauses[c].points);
    }
    free(a->clauses);
    free(a->text);
    free(a);
}

int ts_cli(char **out, char **err, const char *fmt, ...)
{
    char args[8192], cmd[8400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof cmd, "'%s' %s", ts_bin(), args);
    char *o = NULL, *e = NULL;
    int st = ts_run(cmd, NULL, &o, &e);
    if (out) *out = o;
    else free(o);
    if (err) *err = e;
    else free(e);
    return st;
}

void ts_set_metadata(const char *dir, const char *key, const char *value)
{
    xc_wdb *w = NULL;
    xc_err xe;
    if (xc_wdb_open(dir, XC_WDB_OPEN, &w, &xe)) fail_msg("%s: %s", dir, xe.msg);
    if (xc_wdb_set_metadata(w, key, value, strlen(value), &xe) || xc_wdb_commit(w, &xe))
        fail_msg("%s: %s", dir, xe.msg);
    xc_wdb_close(w);
}

ls_document *ts_doc_one_article(const char *number, const char *type, const char *title,
                                const char *heading, const char *text)
{
    ls_document *d = ls_document_new();
    if (!d) fail_msg("out of memory");
    ls_strset(&d->number, number, strlen(number));
    ls_strset(&d->id, number, strlen(number));
    ls_strset(&d->type, type, strlen(type));
    ls_strset(&d->title, title, strlen(title));
    ls_article *a = ls_document_add_article(d);
    if (!a) fail_msg("out of memory");
    ls_strset(&a->number, "1", 1);
    ls_strset(&a->heading, heading, strlen(heading));
    ls_strset(&a->text, text, strlen(text));
    a->text_len = strlen(text);
    return d;
}
