/* test_support.h — helpers shared by the tests: project paths from the
 * environment, temporary directories, running the CLI and capturing output.
 * (Not part of libluat; linked into every test binary.) */
#ifndef LS_TEST_SUPPORT_H
#define LS_TEST_SUPPORT_H

#include <stddef.h>
#include <stdint.h>
#include "../../xapian/xc.h"

/* Repository root (LS_ROOT, else the current directory). Static storage. */
const char *ts_root(void);
/* The CLI binary (LS_BIN, else <root>/bin/luat-search). Static storage. */
const char *ts_bin(void);
/* The shared data directory (LS_SHARED, else <root>/../shared). */
const char *ts_shared(void);

/* A path under the root / shared dir, in a static rotating buffer (valid
 * until 8 more calls). */
const char *ts_path(const char *relative);
const char *ts_shared_path(const char *relative);

/* Fail the current test with a clear message when a shared data file is
 * missing (these tests never skip). */
void ts_require_shared(const char *relative);

/* mkdtemp under $TMPDIR; returns a malloc'ed path (free it after
 * ts_rmtree). */
char *ts_mkdtemp(void);
/* rm -rf path. */
void ts_rmtree(const char *path);

/* Run a shell command line with optional stdin text; capture stdout and
 * stderr (malloc'ed, NUL-terminated; caller frees). Returns the exit status
 * (or 128+signal). */
int ts_run(const char *cmdline, const char *stdin_text, char **out, char **err);

/* A text to index beside corpus/sample: a name for messages, its bytes and
 * its format (an ls_format of corpus/reader.h). */
typedef struct ts_text {
    const char *name, *data;
    size_t len;
    int format;
} ts_text;

/* Index corpus/sample and then texts[0..n) into a new temporary directory
 * (*dir, malloc'ed) and open a searcher on it (*s). 0, or -1 with the
 * reason on stderr. ts_close_sample closes the searcher and removes and
 * frees the directory. */
struct ls_searcher;
int ts_open_sample(const ts_text *texts, size_t n, char **dir, struct ls_searcher **s);
void ts_close_sample(char *dir, struct ls_searcher *s);

/* A cmocka group fixture over ts_open_sample(NULL, 0, ...): ts_sample_setup
 * opens the sample corpus's searcher into ts_sample; ts_sample_teardown
 * closes it, removes its directory and shuts the analyser down. */
extern struct ls_searcher *ts_sample;
int ts_sample_setup(void **state);
int ts_sample_teardown(void **state);

/* A new Xapian database at dir/idx: fill(w, ctx) (may be NULL) writes into
 * it, then it is committed and opened for reading. Fails the test on any
 * error. The caller closes it (xc_db_close); removing dir removes it. */
xc_db *ts_xapian_db(const char *dir, void (*fill)(xc_wdb *w, void *ctx), void *ctx);

/* Add one document holding terms[0..n) (wdf 1 each, as given: prefixes
 * included) to w, for a fill function. Fails the test on any error. */
void ts_add_terms_doc(xc_wdb *w, const char *const *terms, size_t n);

/* A group fixture over such a database in its own mktemp directory: a
 * group setup sets *state = ts_index_new(fill, ctx); the tests read
 * ((ts_index *)*state)->db; ts_index_teardown (a group teardown) closes and
 * removes it and releases the analyser. */
typedef struct ts_index {
    char *dir;
    xc_db *db;
} ts_index;
ts_index *ts_index_new(void (*fill)(xc_wdb *w, void *ctx), void *ctx);
int ts_index_teardown(void **state);

/* The factor a second-stage heading rule (query/roles.h, answer_type.h)
 * gives heading h under question q: f is called with q's plan, h's cover
 * record and masks[w] = 1 when the question holds word w of h (as
 * rerank.c's word masks). Fails the test when q or h cannot be read. */
struct ls_plan;
struct ls_cover;
typedef double (*ts_heading_rule)(const struct ls_plan *plan, const struct ls_cover *rec,
                                  const uint64_t *masks);
double ts_heading_factor(const char *q, const char *h, ts_heading_rule f);

/* An article holding a copy of text, its clauses and points parsed
 * (corpus/structure.h); fails the test when they cannot be. Free with
 * ts_article_free. */
struct ls_article;
struct ls_article *ts_article_parse(const char *text);
void ts_article_free(struct ls_article *a);

/* Run the CLI (ts_bin) with printf-style, already shell-quoted arguments;
 * as ts_run: its exit status, stdout and stderr (malloc'ed; NULL out or
 * err: not kept). */
int ts_cli(char **out, char **err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Set metadata key to value in the Xapian database at dir, committed
 * ("" takes the key out). Fails the test on any error. */
void ts_set_metadata(const char *dir, const char *key, const char *value);

/* A document numbered number (its id too) of type and title, with one
 * article "1" of heading and text. Free with ls_document_free. */
struct ls_document;
struct ls_document *ts_doc_one_article(const char *number, const char *type, const char *title,
                                       const char *heading, const char *text);

/* cmocka group teardown: release the analyser's process-wide state so
 * leak checkers see nothing. */
int ts_shutdown_analyser(void **state);

#endif
