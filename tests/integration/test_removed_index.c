/* test_removed_index.c — bench/removed-index (the index without the
 * documents answering a third of the questions, for the confidence
 * figures) is rebuilt when what it is made of changes — the source index's
 * content, the removed set — and not merely because the binary is newer
 * (a copy of the pháp điển is 450 MB). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../support/test_support.h"

static char *tmp;
static char bin[4200], src[4200], dst[4200], questions[4200], marker[4300];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* run bench/removed-index; 1 when it (re)built DST */
static int removed_index(void)
{
    char cmd[20000], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "'%s' '%s' '%s' '%s' '%s'", ts_path("bench/removed-index"), bin, src,
             dst, questions);
    int st = ts_run(cmd, NULL, &out, &err);
    if (st != 0) fail_msg("removed-index exited %d: %s", st, err);
    int built = strstr(err, "copying") != NULL;
    free(out);
    free(err);
    return built;
}

/* seconds later than now, as a file's times */
static void touch_later(const char *path)
{
    struct timespec ts[2];
    clock_gettime(CLOCK_REALTIME, &ts[0]);
    ts[0].tv_sec += 5;
    ts[1] = ts[0];
    assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
}

static void test_rebuilt_on_what_it_depends_on(void **state)
{
    (void)state;
    tmp = ts_mkdtemp();
    snprintf(bin, sizeof bin, "%s/luat-search", tmp);
    snprintf(src, sizeof src, "%s/src", tmp);
    snprintf(dst, sizeof dst, "%s/dst", tmp);
    snprintf(questions, sizeof questions, "%s/q.jsonl", tmp);
    snprintf(marker, sizeof marker, "%s/marker", dst);
    char wrapper[4400];
    snprintf(wrapper, sizeof wrapper, "#!/bin/sh\nexec '%s' \"$@\"\n", ts_bin());
    write_file(bin, wrapper);
    assert_int_equal(chmod(bin, 0755), 0);
    char cmd[9000], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s' '%s' && touch '%s/.built'", ts_bin(),
             src, ts_path("corpus/sample"), src);
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 0);
    free(out), free(err);
    /* id 0x00000003: 0 mod 3, its document removed */
    write_file(questions, "{\"id\":\"00000003\",\"relevant\":[{\"doc\":\"60/2014/QH13\"}]}\n"
                          "{\"id\":\"00000004\",\"relevant\":[{\"doc\":\"45/2019/QH14\"}]}\n");

    assert_int_equal(removed_index(), 1);
    write_file(marker, "kept");
    assert_int_equal(removed_index(), 0);          /* nothing changed */
    touch_later(bin);
    assert_int_equal(removed_index(), 0);          /* a newer binary alone */
    assert_int_equal(access(marker, F_OK), 0);

    /* another removed set */
    write_file(questions, "{\"id\":\"00000006\",\"relevant\":[{\"doc\":\"45/2019/QH14\"}]}\n");
    assert_int_equal(removed_index(), 1);
    assert_int_equal(access(marker, F_OK), -1);
    write_file(marker, "kept");
    /* the source changed (a commit: here a document removed from it) */
    snprintf(cmd, sizeof cmd, "'%s' remove --db '%s' 60/2014/QH13", ts_bin(), src);
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 0);
    free(out), free(err);
    assert_int_equal(removed_index(), 1);
    assert_int_equal(access(marker, F_OK), -1);
    ts_rmtree(tmp);
    free(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rebuilt_on_what_it_depends_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
