/* test_mcp_sdk.c — the MCP server as an assistant sees it: the official
 * TypeScript SDK client (tests/mcp/sdk-client.mjs, @modelcontextprotocol/sdk
 * installed from tests/mcp/package-lock.json by tests/mcp/run-mcp-tests)
 * drives `luat-search mcp` over stdio and `luat-search serve` over
 * Streamable HTTP on an index of corpus/sample: initialize, tools, resources,
 * prompts, logging, sessions, errors. Run by `make test` (after the cmocka
 * suite) and `make test-mcp-sdk` through run-mcp-tests, which installs the
 * SDK first; fails, saying so, when tests/mcp/node_modules is not there. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/test_support.h"

static char *db_dir;

static int run_ok(const char *what, const char *cmd)
{
    char *out = NULL, *err = NULL;
    int status = ts_run(cmd, NULL, &out, &err);
    if (status) fprintf(stderr, "test_mcp_sdk: %s failed (%d):\n%s%s\n", what, status,
                        out ? out : "", err ? err : "");
    free(out);
    free(err);
    return status == 0;
}

static int setup(void **state)
{
    (void)state;
    char cmd[4096];
    if (!run_ok("node and npm", "command -v node && command -v npm")) {
        fprintf(stderr, "test_mcp_sdk: node and npm are needed (scripts/install-deps)\n");
        return -1;
    }
    snprintf(cmd, sizeof cmd, "test -f '%s/node_modules/@modelcontextprotocol/sdk/package.json'",
             ts_path("tests/mcp"));
    if (!run_ok("the MCP SDK in tests/mcp/node_modules (tests/mcp/run-mcp-tests installs it)",
                cmd))
        return -1;
    db_dir = ts_mkdtemp();
    if (!db_dir) return -1;
    snprintf(cmd, sizeof cmd, "'%s' index --db '%s' '%s'", ts_bin(), db_dir,
             ts_path("corpus/sample"));
    return run_ok("indexing corpus/sample", cmd) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (db_dir) ts_rmtree(db_dir);
    free(db_dir);
    return 0;
}

static void test_sdk_client(void **state)
{
    (void)state;
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "cd '%s' && timeout 120 node sdk-client.mjs '%s' '%s'",
             ts_path("tests/mcp"), ts_bin(), db_dir);
    char *out = NULL, *err = NULL;
    int status = ts_run(cmd, NULL, &out, &err);
    if (status) fail_msg("sdk-client.mjs exited %d:\n%s%s", status, out, err);
    assert_non_null(strstr(out, "checks passed (stdio and Streamable HTTP)"));
    printf("%s", out); /* the number of checks */
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_sdk_client)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
