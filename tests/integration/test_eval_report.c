/* test_eval_report.c — `luat-search eval --report FILE.html` on the sample
 * corpus: one row per question, the rank of the right answer or a miss,
 * the first hit's citation, the figures on top, text HTML-escaped. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/test_support.h"

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

static void test_report_rows(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    char path[4096], cmd[8192], *out, *err;
    snprintf(path, sizeof path, "%s/q.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    /* found at rank 1; an article the sample does not have (a miss);
     * markup in a question, to be escaped */
    fputs("{\"id\":\"q-hotich\",\"question\":\"thủ tục đăng ký khai sinh\","
          "\"relevant\":[{\"doc\":\"60/2014/QH13\",\"article\":\"16\"}]}\n"
          "{\"id\":\"q-miss\",\"question\":\"nghỉ phép năm <script>\","
          "\"relevant\":[{\"doc\":\"45/2019/QH14\",\"article\":\"999\"}]}\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s/idx' '%s' && '%s' eval --db '%s/idx' "
             "--report '%s/r.html' '%s'", ts_bin(), dir, ts_path("corpus/sample"), ts_bin(),
             dir, dir, path);
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 0);
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "cat '%s/r.html'", dir);
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "<!DOCTYPE html>"));
    assert_int_equal(count(out, "<tr class="), 2);
    /* the first question: right at rank 1, first hit Điều 16 of Luật Hộ tịch */
    const char *top = strstr(out, "<tr class=\"top\">");
    assert_non_null(top);
    assert_non_null(strstr(top, "q-hotich"));
    assert_non_null(strstr(top, "<td class=\"rank\">1</td>"));
    assert_non_null(strstr(top, "Điều 16 Luật Hộ tịch"));
    /* the second: a miss, escaped */
    const char *miss = strstr(out, "<tr class=\"miss\">");
    assert_non_null(miss);
    assert_non_null(strstr(miss, "q-miss"));
    assert_non_null(strstr(miss, "<td class=\"rank\">miss</td>"));
    assert_non_null(strstr(out, "&lt;script&gt;"));
    assert_null(strstr(out, "<script>"));
    assert_non_null(strstr(out, "2 questions: R@1 0.500, R@10 0.500"));
    free(out);
    free(err);
    ts_rmtree(dir);
    free(dir);
}

static void test_report_unwritable(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    char cmd[8192], *out, *err;
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s/idx' '%s' && printf '%%s\\n' "
             "'{\"question\":\"khai sinh\",\"relevant\":[]}' > '%s/q.jsonl' && "
             "'%s' eval --db '%s/idx' --report '%s/no/such/dir/r.html' '%s/q.jsonl'",
             ts_bin(), dir, ts_path("corpus/sample"), dir, ts_bin(), dir, dir, dir);
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 1);
    assert_non_null(strstr(err, "cannot write the report"));
    free(out);
    free(err);
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_rows),
        cmocka_unit_test(test_report_unwritable),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
