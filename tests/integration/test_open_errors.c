/* test_open_errors.c — an index that does not open says what is wrong and
 * what to do (format/open_error.h), not Xapian's "Couldn't detect type of
 * database": missing, a file, an empty directory, other files, a damaged
 * table, a missing version file, a shard set missing a part or with a
 * damaged one, a Xapian database that is not ours, one the user cannot
 * read, one of a format newer than this binary reads; through the library, the command line (search, mcp, serve, and index: the writer) and a
 * running server whose index broke (REST and /mcp). */
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

#include <jansson.h>

#include "../../format/schema.h"
#include "../../indexer/indexer.h"
#include "../../query/search.h"
#include "../../xapian/xc.h"
#include "../support/http_client.h"
#include "../support/test_support.h"

static char *tmp;
static char good[4200], set[4200];

static void sh(const char *fmt, const char *a, const char *b)
{
    char cmd[9000];
    snprintf(cmd, sizeof cmd, fmt, a, b);
    if (system(cmd) != 0) fail_msg("'%s' failed", cmd);
}

/* tmp/name, made by copying `from` (NULL: nothing) */
static const char *place(const char *name, const char *from)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    if (from) sh("cp -r '%s' '%s'", from, path);
    return path;
}

static int setup(void **state)
{
    (void)state;
    if (!(tmp = ts_mkdtemp())) return -1;
    chmod(tmp, 0711); /* another user may pass through, not list */
    snprintf(good, sizeof good, "%s/good", tmp);
    snprintf(set, sizeof set, "%s/set", tmp);
    char cmd[9000];
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s' '%s' && '%s' index --quiet --shards 2 "
             "--db '%s' '%s'", ts_bin(), good, ts_path("corpus/sample"), ts_bin(), set,
             ts_path("corpus/sample"));
    char *out = NULL, *err = NULL;
    int status = ts_run(cmd, NULL, &out, &err);
    if (status) fprintf(stderr, "indexing failed (%d): %s\n", status, err);
    free(out);
    free(err);
    return status ? -1 : 0;
}

static int teardown(void **state)
{
    ts_rmtree(tmp);
    free(tmp);
    return ts_shutdown_analyser(state);
}

/* got is rc and err's message holds every one of the NULL-ended strings
 * of ap, never Xapian's bare "Couldn't detect". */
static void expect_words(const char *db, ls_rc got, ls_rc rc, const ls_error *err, va_list ap)
{
    if (got != rc) fail_msg("%s: rc %d, want %d (%s)", db, got, rc, err->msg);
    for (const char *want; (want = va_arg(ap, const char *));)
        if (!strstr(err->msg, want)) fail_msg("%s: '%s' not in: %s", db, want, err->msg);
    if (strstr(err->msg, "Couldn't detect")) fail_msg("%s: Xapian's words only: %s", db, err->msg);
}

/* ls_searcher_open(db) fails as expect_words says. */
static void expect_open_error(const char *db, ls_rc rc, ...)
{
    ls_searcher *s = NULL;
    ls_error err = {0};
    ls_rc got = ls_searcher_open(db, &s, &err);
    if (got == LS_OK) {
        ls_searcher_close(s);
        fail_msg("%s opened", db);
    }
    va_list ap;
    va_start(ap, rc);
    expect_words(db, got, rc, &err, ap);
    va_end(ap);
    assert_null(s);
}

static void test_no_index(void **state)
{
    (void)state;
    expect_open_error(place("missing", NULL), LS_ERR_NOTFOUND, "no index at",
                      "luat-search index --db", NULL);
    const char *file = place("file", NULL);
    sh("echo x > '%s'%s", file, "");
    expect_open_error(file, LS_ERR_NOTFOUND, "it is a file", NULL);
    const char *empty = place("empty", NULL);
    assert_int_equal(mkdir(empty, 0755), 0);
    expect_open_error(empty, LS_ERR_NOTFOUND, "the directory is empty",
                      "build one: luat-search index --db", NULL);
    const char *other = place("other", NULL);
    assert_int_equal(mkdir(other, 0755), 0);
    sh("echo x > '%s/%s'", other, "notes.txt");
    expect_open_error(other, LS_ERR_NOTFOUND, "no Xapian database there", "point --db", NULL);
}

static void test_damaged(void **state)
{
    (void)state;
    const char *table = place("table", good);
    sh("echo garbage > '%s/%s'", table, "postlist.glass");
    expect_open_error(table, LS_ERR_INDEX, "it is damaged",
                      "luat-search index --overwrite --db", "xapian-check", "Xapian: ", NULL);
    const char *version = place("version", good);
    sh("rm '%s/%s'", version, "iamglass");
    expect_open_error(version, LS_ERR_INDEX, "version file iamglass is missing",
                      "--overwrite", NULL);
    /* the same index opens again once whole (the checks are about it) */
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(good, &s, &err), LS_OK);
    ls_searcher_close(s);
}

/* ls_indexer_open(db) (the writer: luat-search index) fails as
 * expect_words says. */
static void expect_write_error(const char *db, ls_rc rc, ...)
{
    ls_indexer *ix = NULL;
    ls_error err = {0};
    ls_rc got = ls_indexer_open(db, NULL, &ix, &err);
    if (got == LS_OK) {
        ls_indexer_close(ix);
        fail_msg("%s opened for writing", db);
    }
    va_list ap;
    va_start(ap, rc);
    expect_words(db, got, rc, &err, ap);
    va_end(ap);
    assert_null(ix);
}

/* The writer over a damaged index says what the readers say: what is
 * wrong, what to do, Xapian's words last */
static void test_damaged_writer(void **state)
{
    (void)state;
    char table[4200]; /* place's path is overwritten by the next call */
    snprintf(table, sizeof table, "%s", place("w-table", good));
    sh("truncate -s 100 '%s/%s'", table, "postlist.glass");
    expect_write_error(table, LS_ERR_INDEX, "cannot open index ", "it is damaged",
                       "luat-search index --overwrite --db", "or restore a copy", "xapian-check",
                       "(Xapian: ", NULL);
    const char *version = place("w-version", good);
    sh("rm '%s/%s'", version, "iamglass");
    expect_write_error(version, LS_ERR_INDEX, "version file iamglass is missing",
                       "luat-search index --overwrite --db", NULL);
    char cmd[9000];
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s' '%s'", ts_bin(), table,
             ts_path("corpus/sample"));
    char *out = NULL, *err = NULL;
    int status = ts_run(cmd, "", &out, &err);
    if (status != 1 || !strstr(err, "it is damaged; rebuild it (luat-search index --overwrite") ||
        strstr(err, "cannot open index for writing: DatabaseError"))
        fail_msg("%s: exit %d, stderr: %s", cmd, status, err);
    free(out);
    free(err);
}

static void test_shard_set(void **state)
{
    (void)state;
    const char *missing = place("set-missing", set);
    sh("rm -r '%s/%s'", missing, "shard-1");
    expect_open_error(missing, LS_ERR_INDEX, "a shard set and its part", "shard-1 is missing",
                      "--shards 2", NULL);
    const char *broken = place("set-broken", set);
    sh("echo junk > '%s/%s'", broken, "shard-0/termlist.glass");
    expect_open_error(broken, LS_ERR_INDEX, "shard-0 is damaged", "--shards 2", NULL);
}

static void test_not_ours(void **state)
{
    (void)state;
    const char *plain = place("plain", NULL);
    assert_int_equal(mkdir(plain, 0755), 0);
    xc_db_close(ts_xapian_db(plain, NULL, NULL)); /* plain/idx: Xapian, no format mark */
    char idx[4300];
    snprintf(idx, sizeof idx, "%s/idx", plain);
    expect_open_error(idx, LS_ERR_INDEX, "not a luat-search index", "luat-search index --db",
                      NULL);
}

/* Open db as another user (root drops to nobody; others meet mode 0) in a
 * child; returns the message. */
static char *open_as_other(const char *db)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fd[0]);
        if (geteuid() == 0 && (setgid(65534) || setuid(65534))) _exit(2);
        ls_searcher *s = NULL;
        ls_error err = {0};
        ls_rc rc = ls_searcher_open(db, &s, &err);
        if (write(fd[1], err.msg, strlen(err.msg)) < 0) _exit(3);
        _exit(rc == LS_ERR_INDEX ? 0 : 1);
    }
    close(fd[1]);
    static char msg[1024];
    ssize_t n = 0, r;
    while ((r = read(fd[0], msg + n, sizeof msg - 1 - (size_t)n)) > 0) n += r;
    msg[n] = '\0';
    close(fd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status))
        fail_msg("open as another user: status %d: %s", status, msg);
    return msg;
}

static void test_unreadable(void **state)
{
    (void)state;
    /* built under umask 027: the directory closed to others */
    const char *closed = place("closed", good);
    sh("chmod -R o-rwx '%s'%s", closed, "");
    if (geteuid() != 0) sh("chmod 0 '%s'%s", closed, "");
    char *msg = open_as_other(closed);
    if (!strstr(msg, "Permission denied") || !strstr(msg, "chmod -R a+rX"))
        fail_msg("closed directory: %s", msg);
    /* the directory open, its files not */
    const char *files = place("files", good);
    sh("chmod 0600 '%s'/*%s", files, "");
    if (geteuid() != 0) sh("chmod 0 '%s'/*%s", files, "");
    msg = open_as_other(files);
    if (!strstr(msg, "iamglass: Permission denied") && !strstr(msg, ".glass: Permission denied"))
        fail_msg("closed files: %s", msg);
    assert_non_null(strstr(msg, "readable by the user that searches"));
}

/* `luat-search ARGS` fails (exit 1) and says want on stderr */
static void expect_cli(const char *args, const char *want)
{
    char cmd[9000];
    snprintf(cmd, sizeof cmd, "'%s' %s", ts_bin(), args);
    char *out = NULL, *err = NULL;
    int status = ts_run(cmd, "", &out, &err);
    if (status != 1 || !strstr(err, want) || !strstr(err, "cannot open index"))
        fail_msg("%s: exit %d, stderr: %s", args, status, err);
    free(out);
    free(err);
}

static void test_command_line(void **state)
{
    (void)state;
    char args[9000];
    const char *empty = place("cli-empty", NULL);
    assert_int_equal(mkdir(empty, 0755), 0);
    snprintf(args, sizeof args, "search --db '%s' khai sinh", empty);
    expect_cli(args, "the directory is empty");
    const char *broken = place("cli-broken", good);
    sh("echo garbage > '%s/%s'", broken, "postlist.glass");
    snprintf(args, sizeof args, "mcp --db '%s'", broken);
    expect_cli(args, "it is damaged");
    snprintf(args, sizeof args, "serve --db '%s' --listen 127.0.0.1:0", broken);
    expect_cli(args, "it is damaged");
}

/* A copy of the sample index with its format mark set to mark. */
static const char *with_format(const char *name, const char *mark)
{
    const char *db = place(name, good);
    xc_wdb *w = NULL;
    xc_err xe;
    if (xc_wdb_open(db, XC_WDB_OPEN, &w, &xe)) fail_msg("%s: %s", db, xe.msg);
    if (xc_wdb_set_metadata(w, LS_METADATA_FORMAT, mark, strlen(mark), &xe) ||
        xc_wdb_commit(w, &xe))
        fail_msg("%s: %s", db, xe.msg);
    xc_wdb_close(w);
    return db;
}

static void test_newer_format(void **state)
{
    (void)state;
    const char *db = with_format("newer", "99");
    expect_open_error(db, LS_ERR_INDEX, "index format 99 is newer than this luat-search reads "
                      "(up to " LS_INDEX_FORMAT_VERSION "): upgrade luat-search, or rebuild the "
                      "index with luat-search index --overwrite --db", NULL);
    char args[9000];
    snprintf(args, sizeof args, "search --db '%s' khai sinh", db);
    expect_cli(args, "index format 99 is newer than this luat-search reads");
    expect_open_error(with_format("garbled", "2x"), LS_ERR_INDEX, "'2x' is not a format number",
                      "--overwrite", NULL);
    /* formats 1 and 3 (older) are still read */
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(with_format("older", "1"), &s, &err), LS_OK);
    ls_searcher_close(s);
    assert_int_equal(ls_searcher_open(with_format("format3", "3"), &s, &err), LS_OK);
    ls_searcher_close(s);
}

static pid_t server;

static int stop_server(void **state)
{
    (void)state;
    if (server) ts_server_stop(server);
    server = 0;
    return 0;
}

/* A server whose index breaks before its workers open it answers 503 with
 * what is wrong, on the REST routes and through /mcp. */
static void test_server_index_breaks(void **state)
{
    (void)state;
    const char *live = place("live", good);
    unsigned port = ts_server_start(live, "--quiet --threads 1", &server);
    assert_true(port > 0);
    sh("rm -r '%s' && mkdir '%s'", live, live); /* emptied under it */
    ts_reply r = ts_http_get(port, "/v1/search?q=khai+sinh");
    assert_int_equal(r.status, 503);
    json_error_t je;
    json_t *body = json_loadb(r.body, r.body_len, 0, &je);
    assert_non_null(body);
    const char *message =
        json_string_value(json_object_get(json_object_get(body, "error"), "message"));
    if (!message || !strstr(message, "the directory is empty") ||
        !strstr(message, "luat-search index --db"))
        fail_msg("REST: %s", r.body);
    json_decref(body);
    ts_reply_free(&r);
    const char *call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                       "{\"name\":\"search_legislation\",\"arguments\":{\"question\":\"a\"}}}";
    r = ts_http_post(port, "/mcp", call, strlen(call));
    if (!strstr(r.body, "the directory is empty")) fail_msg("/mcp: %d %s", r.status, r.body);
    ts_reply_free(&r);
    assert_int_equal(ts_server_stop(server), 0);
    server = 0;
}

/* The same with an index path long enough that the message passes 400
 * bytes and the error record (its Vietnamese letters multi-byte): REST
 * and MCP's resources/read give what is wrong and the advice at its end,
 * the path shortened in the middle ("…") on a character boundary, the
 * tail of the path kept. */
static void test_server_long_path(void **state)
{
    (void)state;
    char name[300] = "";
    while (strlen(tmp) + strlen(name) < 190) strcat(name, "chỉ-mục-");
    const char *live = place(name, good);
    unsigned port = ts_server_start(live, "--quiet --threads 1", &server);
    assert_true(port > 0);
    sh("rm -r '%s' && mkdir '%s'", live, live);
    ts_reply r = ts_http_get(port, "/v1/search?q=khai+sinh");
    assert_int_equal(r.status, 503);
    json_error_t je;
    json_t *body = json_loadb(r.body, r.body_len, 0, &je); /* fails on a split character */
    if (!body) fail_msg("REST body not JSON (%s): %s", je.text, r.body);
    const char *message =
        json_string_value(json_object_get(json_object_get(body, "error"), "message"));
    size_t len = message ? strlen(message) : 0;
    if (len <= 400 || !strstr(message, "the directory is empty") ||
        !strstr(message, "build one: luat-search index --db /") ||
        strcmp(message + len - 10, " SOURCE...") != 0 || !strstr(message, "chỉ-mục-: "))
        fail_msg("REST: %s", r.body);
    json_decref(body);
    ts_reply_free(&r);
    /* MCP's resources/read says all of it too (it cut its own message at
     * 400 bytes, or said only "the index is unavailable") */
    const char *read = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":"
                       "{\"uri\":\"luat://index\"}}";
    r = ts_http_post(port, "/mcp", read, strlen(read));
    body = json_loadb(r.body, r.body_len, 0, &je);
    if (!body) fail_msg("/mcp body not JSON (%s): %s", je.text, r.body);
    message = json_string_value(json_object_get(json_object_get(body, "error"), "message"));
    len = message ? strlen(message) : 0;
    if (len <= 400 || strncmp(message, "resources/read: ", 16) != 0 ||
        !strstr(message, "the directory is empty") ||
        strcmp(message + len - 10, " SOURCE...") != 0 || !strstr(message, "chỉ-mục-: "))
        fail_msg("/mcp resources/read: %s", r.body);
    json_decref(body);
    ts_reply_free(&r);
    assert_int_equal(ts_server_stop(server), 0);
    server = 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_index),
        cmocka_unit_test(test_damaged),
        cmocka_unit_test(test_damaged_writer),
        cmocka_unit_test(test_shard_set),
        cmocka_unit_test(test_not_ours),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_command_line),
        cmocka_unit_test(test_newer_format),
        cmocka_unit_test_teardown(test_server_index_breaks, stop_server),
        cmocka_unit_test_teardown(test_server_long_path, stop_server),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
