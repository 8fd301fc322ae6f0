/* test_index_nothing.c — `luat-search index` that can index nothing (an
 * empty directory, a missing source) fails and leaves DIR as it found it:
 * no new index where there was none, an empty directory still empty, and
 * an index (with or without --overwrite) unchanged, also when what it read
 * were only documents the index refuses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../support/test_support.h"

/* entries of dir, -1 when it does not exist */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* stats --json of db */
static char *stats(const char *db)
{
    char *out = NULL;
    assert_int_equal(ts_cli(&out, NULL, "stats --db '%s' --json", db), 0);
    return out;
}

static void test_nothing_leaves_dir_as_found(void **state)
{
    (void)state;
    char *tmp = ts_mkdtemp(), empty[4200], db[4200], made[4200], good[4200];
    snprintf(empty, sizeof empty, "%s/empty", tmp);
    snprintf(db, sizeof db, "%s/idx", tmp);
    snprintf(made, sizeof made, "%s/made", tmp);
    snprintf(good, sizeof good, "%s/good", tmp);
    assert_int_equal(mkdir(empty, 0755), 0);
    char *err = NULL;

    /* no index before: none after */
    assert_int_equal(ts_cli(NULL, &err, "index --quiet --db '%s' '%s'", db, empty), 1);
    assert_non_null(strstr(err, "no document could be indexed"));
    free(err);
    assert_int_equal(entries(db), -1);
    assert_int_equal(ts_cli(NULL, &err, "index --quiet --db '%s' '%s/missing.txt'", db, tmp), 1);
    free(err);
    assert_int_equal(entries(db), -1);

    /* an empty directory stays empty */
    assert_int_equal(mkdir(made, 0755), 0);
    assert_int_equal(ts_cli(NULL, &err, "index --quiet --db '%s' '%s'", made, empty), 1);
    free(err);
    assert_int_equal(entries(made), 0);

    /* an index stays as it was, --overwrite or not */
    assert_int_equal(ts_cli(NULL, &err, "index --quiet --db '%s' '%s'", good, ts_path("corpus/sample")),
                     0);
    free(err);
    char *was = stats(good);
    assert_non_null(strstr(was, "\"documents\":"));
    assert_null(strstr(was, "\"documents\":0"));
    for (int overwrite = 0; overwrite < 2; overwrite++) {
        assert_int_equal(ts_cli(NULL, &err, "index --quiet %s --db '%s' '%s'",
                                 overwrite ? "--overwrite" : "", good, empty), 1);
        free(err);
        char *now = stats(good);
        assert_string_equal(now, was);
        free(now);
    }
    /* ... and when every document read is one the index refuses (an id
     * too long to be a key): --overwrite emptied it before */
    char refused[4200];
    snprintf(refused, sizeof refused, "%s/refused.jsonl", tmp);
    FILE *f = fopen(refused, "w");
    assert_non_null(f);
    fputs("{\"id\":\"", f);
    for (int i = 0; i < 300; i++) fputc('x', f);
    fputs("\",\"title\":\"X\",\"articles\":[{\"number\":\"1\",\"text\":\"abc def\"}]}\n", f);
    fclose(f);
    for (int overwrite = 0; overwrite < 2; overwrite++) {
        assert_int_equal(ts_cli(NULL, &err, "index --quiet %s --db '%s' '%s'",
                                 overwrite ? "--overwrite" : "", good, refused), 1);
        assert_non_null(strstr(err, "value too long"));
        free(err);
        char *now = stats(good);
        assert_string_equal(now, was);
        free(now);
    }
    free(was);
    ts_rmtree(tmp);
    free(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nothing_leaves_dir_as_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
