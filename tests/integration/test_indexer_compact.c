/* test_indexer_compact.c — ls_index_compact (indexer/compact.h), the
 * library call under `luat-search compact`: the compacted index answers as
 * before and the old one is kept in DIR.old; a second run refuses while
 * DIR.old exists; a DIR.compact left by a killed run is removed and the
 * work done again; a directory that is not an index is an error and is
 * left as it was. (Kills mid-run: test_crash_kills.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../indexer/compact.h"
#include "../../query/search.h"
#include "../support/test_support.h"

/* the index's statistics (documents, passages, by type) as JSON */
static char *stats_of(const char *dir)
{
    ls_searcher *s = NULL;
    ls_error err = {0};
    char *json = NULL;
    if (ls_searcher_open(dir, &s, &err)) fail_msg("open %s: %s", dir, err.msg);
    if (ls_searcher_stats_json(s, &json, &err)) fail_msg("stats %s: %s", dir, err.msg);
    ls_searcher_close(s);
    return json;
}

static void test_compact_in_place(void **state)
{
    (void)state;
    char *dir = NULL;
    ls_searcher *s = NULL;
    assert_int_equal(ts_open_sample(NULL, 0, &dir, &s), 0);
    ls_searcher_close(s);
    char *before = stats_of(dir);
    assert_non_null(strstr(before, "\"passages\""));

    ls_compact_result res;
    ls_error err = {0};
    assert_int_equal(ls_index_compact(dir, &res, &err), LS_OK);
    assert_false(res.removed_leftover);
    char old[4200], tmp[4200];
    snprintf(old, sizeof old, "%s.old", dir);
    snprintf(tmp, sizeof tmp, "%s.compact", dir);
    assert_string_equal(res.old, old);
    assert_int_equal(access(tmp, F_OK), -1);
    char *after = stats_of(dir), *kept = stats_of(old);
    assert_string_equal(after, before);   /* the same documents and passages */
    assert_string_equal(kept, before);    /* the old index, whole */
    free(after);
    free(kept);

    /* DIR.old is the caller's to remove first */
    ls_error again = {0};
    assert_int_equal(ls_index_compact(dir, &res, &again), LS_ERR_ARG);
    assert_non_null(strstr(again.msg, "remove it first"));
    ts_rmtree(old);

    /* a leftover of a killed run: removed, and the work done */
    assert_int_equal(mkdir(tmp, 0700), 0);
    char part[4300];
    snprintf(part, sizeof part, "%s/part", tmp);
    FILE *f = fopen(part, "w");
    assert_non_null(f);
    fclose(f);
    ls_error third = {0};
    assert_int_equal(ls_index_compact(dir, &res, &third), LS_OK);
    assert_true(res.removed_leftover);
    after = stats_of(dir);
    assert_string_equal(after, before);
    free(after);
    ts_rmtree(old);
    free(before);
    ts_close_sample(dir, NULL);
}

static void test_not_an_index(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    assert_non_null(dir);
    char sub[4200], old[4300];
    snprintf(sub, sizeof sub, "%s/empty", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    ls_compact_result res;
    ls_error err = {0};
    ls_rc rc = ls_index_compact(sub, &res, &err);
    assert_int_not_equal(rc, LS_OK);
    assert_true(err.msg[0] != '\0');
    snprintf(old, sizeof old, "%s.old", sub);
    assert_int_equal(access(old, F_OK), -1);   /* nothing swapped */
    assert_int_equal(access(sub, F_OK), 0);
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compact_in_place),
        cmocka_unit_test(test_not_an_index),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
