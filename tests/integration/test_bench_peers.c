/* test_bench_peers.c — bench/bench_peers (make bench's peers: SQLite FTS5
 * and stock Xapian) refuses a questions file it cannot use before its long
 * indexing, with a clear message and exit 1: an empty file (it crashed
 * there, reading the latency of question n/2 of none), a line that is not
 * a JSON object with a "question", a file that does not open. Built here
 * as bench/run-bench builds it, against this build's libluat. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../support/test_support.h"

static char *dir;
static char peers[PATH_MAX];

static int setup(void **state)
{
    (void)state;
    dir = ts_mkdtemp();
    /* this binary is BUILD/tests/integration/test_bench_peers: the library
     * it was linked with is BUILD/libluat.a */
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return -1;
    self[n] = '\0';
    for (int up = 0; up < 3; up++) *strrchr(self, '/') = '\0';
#if defined(__SANITIZE_ADDRESS__)
    const char *san = "-fsanitize=address,undefined";
#else
    const char *san = "";
#endif
    snprintf(peers, sizeof peers, "%s/bench_peers", dir);
    char cmd[4 * PATH_MAX];
    snprintf(cmd, sizeof cmd,
             "cc -std=c11 -D_GNU_SOURCE -O1 %s -o '%s' '%s/bench/bench_peers.c' '%s/libluat.a' "
             "$(pkg-config --cflags --libs xapian-core icu-uc icu-i18n libpcre2-8 "
             "libmicrohttpd jansson) -lsqlite3 -lstdc++ -lpthread -lm",
             san, peers, ts_root(), self);
    char *out = NULL, *err = NULL;
    int rc = ts_run(cmd, NULL, &out, &err);
    if (rc) fprintf(stderr, "building bench_peers failed (%d): %s\n", rc, err);
    free(out);
    free(err);
    return rc ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    ts_rmtree(dir);
    free(dir);
    return 0;
}

/* bench_peers on a questions file holding text: exit status, stderr */
static int run_on(const char *name, const char *text, char **err)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (text) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
    }
    char cmd[3 * PATH_MAX];
    /* no corpus: the questions are checked before it is read */
    snprintf(cmd, sizeof cmd, "'%s' '%s' '%s/no-corpus' '%s'", peers, dir, dir, path);
    char *out = NULL;
    int rc = ts_run(cmd, NULL, &out, err);
    free(out);
    return rc;
}

static void test_empty_questions(void **state)
{
    (void)state;
    char *err = NULL;
    assert_int_equal(run_on("empty.jsonl", "", &err), 1);
    assert_non_null(strstr(err, "empty.jsonl: holds no questions"));
    free(err);
    assert_int_equal(run_on("blank.jsonl", "\n\n", &err), 1);
    assert_non_null(strstr(err, "blank.jsonl: holds no questions"));
    free(err);
}

static void test_bad_questions(void **state)
{
    (void)state;
    char *err = NULL;
    assert_int_equal(run_on("bad.jsonl", "{\"question\": \"Thủ tục?\"}\nnot json\n", &err), 1);
    assert_non_null(strstr(err, "bad.jsonl: line 2 is not a JSON object with a \"question\""));
    free(err);
    assert_int_equal(run_on("noq.jsonl", "{\"q\": \"Thủ tục?\"}\n", &err), 1);
    assert_non_null(strstr(err, "noq.jsonl: line 1 is not"));
    free(err);
    assert_int_equal(run_on("missing.jsonl", NULL, &err), 1);
    assert_non_null(strstr(err, "missing.jsonl: cannot open"));
    free(err);
}

/* good questions get past the check: the corpus is what fails then */
static void test_good_questions_reach_the_corpus(void **state)
{
    (void)state;
    char *err = NULL;
    assert_int_equal(run_on("good.jsonl", "{\"question\": \"Thủ tục?\", \"relevant\": []}\n", &err),
                     1);
    assert_null(strstr(err, "good.jsonl"));
    assert_non_null(strstr(err, "no-corpus"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_questions),
        cmocka_unit_test(test_bad_questions),
        cmocka_unit_test(test_good_questions_reach_the_corpus),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
