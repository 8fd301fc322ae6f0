/* test_soak.c — the 30-second soak in make test: tests/soak/run-soak (serve
 * under wrk load on loopback while a second process keeps indexing decrees
 * into the live index) must report every reply 2xx, no socket errors, RSS
 * flat, and the last decree found. The long soak is `make soak`. Needs wrk
 * (scripts/install-deps installs it). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/test_support.h"

static void test_soak_30s(void **state)
{
    (void)state;
    /* under ASan a freed block waits in quarantine (256 MB by default):
     * RSS would grow with the requests served, not with a leak */
    if (!getenv("ASAN_OPTIONS")) setenv("ASAN_OPTIONS", "quarantine_size_mb=4", 1);
    char cmd[8192], *out = NULL, *err = NULL;
    snprintf(cmd, sizeof cmd, "'%s' '%s' 30", ts_path("tests/soak/run-soak"), ts_bin());
    int status = ts_run(cmd, NULL, &out, &err);
    fprintf(stderr, "%s%s", out ? out : "", err ? err : "");
    if (status != 0 || !strstr(out, "soak: passed")) fail_msg("the soak failed (status %d)", status);
    assert_non_null(strstr(out, "ok: RSS flat"));
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_soak_30s)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
