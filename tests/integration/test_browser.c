/* test_browser.c — the web page in headless Chromium against a live server:
 * runs tests/browser/run-browser-test with the CLI under test (it indexes
 * corpus/sample, serves it on a free loopback port and checks the DOM the
 * page renders) and fails with the script's output when a check fails.
 * Under VALGRIND=1 only this small binary runs under valgrind: valgrind does
 * not follow the children, so Chromium and the server run natively. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "../support/test_support.h"

static void test_page_in_chromium(void **state)
{
    (void)state;
    char cmd[8192], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "'%s' '%s'", ts_path("tests/browser/run-browser-test"), ts_bin());
    int status = ts_run(cmd, NULL, &out, &err);
    if (status) {
        /* whole, on stderr: cmocka's print_error cuts a long text short,
         * and the FAILED lines come last */
        fprintf(stderr, "%s%s", out, err);
        free(out);
        free(err);
        fail_msg("tests/browser/run-browser-test exited with %d (FAILED lines above)", status);
    }
    printf("%s", out);
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_page_in_chromium)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
