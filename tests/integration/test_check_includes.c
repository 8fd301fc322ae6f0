/* test_check_includes.c — scripts/check-includes, the module boundaries
 * make test enforces: the real tree passes; in a small tree made for each
 * case (a mktemp directory) it fails on another module's private header, on
 * a stale allow-list line, on a cycle and on modules kept apart (even
 * through public headers), and lets through an allow-listed
 * pair and a module's own unit test; --matrix prints who includes whom, and
 * the README shows that matrix as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "../../common/ls_buf.h"
#include "../support/test_support.h"

/* Write text into root/rel, making its directories. */
static void put(const char *root, const char *rel, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(path, 0777);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Run the script on root with extra arguments; returns the exit status. */
static int check(const char *root, const char *args, char **out, char **err)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "'%s' %s '%s'", ts_path("scripts/check-includes"), args, root);
    return ts_run(cmd, NULL, out, err);
}

/* A three-layer tree: low/ (a private and a public header), mid/ on low/,
 * top/ on both, through public headers only. */
static char *small_tree(void)
{
    char *root = ts_mkdtemp();
    assert_non_null(root);
    put(root, "low/low.h", "int low(void);\n");
    put(root, "low/low_internal.h", "int low_secret(void);\n");
    put(root, "low/only.h", "int only(void);\n");
    put(root, "low/low.c", "#include \"low.h\"\n#include \"low_internal.h\"\n#include \"only.h\"\n");
    put(root, "mid/mid.h", "#include \"../low/low.h\"\n");
    put(root, "mid/mid.c", "#include \"mid.h\"\n");
    put(root, "top/top.c", "  #  include \"../mid/mid.h\"\n#include \"../low/low.h\"\n#include <stdio.h>\n");
    put(root, "tests/unit/test_low_low.c", "#include \"../../low/low_internal.h\"\n");
    put(root, "scripts/check-includes.allow", "# nothing allowed yet\n");
    return root;
}

static void done(char *root, char *out, char *err)
{
    free(out);
    free(err);
    ts_rmtree(root);
    free(root);
}

static void test_real_tree_passes(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    int rc = check(ts_root(), "", &out, &err);
    if (rc != 0) fprintf(stderr, "%s%s", out, err);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "0 violations"));
    free(out);
    free(err);
}

/* The README's layout section shows the matrix of the tree as it is. */
static void test_readme_matrix_current(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL, *readme = NULL;
    assert_int_equal(check(ts_root(), "--matrix", &out, &err), 0);
    char *end = strstr(out, "used only inside");
    if (!end) end = strstr(out, "check-includes:");
    assert_non_null(end);
    *end = '\0';                               /* the matrix rows */
    assert_int_equal(ls_read_file(ts_path("README.md"), &readme, NULL, NULL), LS_OK);
    const char *shown = strstr(readme, "```\nincludes  ");
    assert_non_null(shown);
    shown += 4;
    if (strncmp(shown, out, strlen(out)) != 0 || strncmp(shown + strlen(out), "```", 3) != 0) {
        fprintf(stderr, "README.md's include matrix is not the tree's: paste the rows of "
                        "`scripts/check-includes --matrix`:\n%s", out);
        fail();
    }
    free(readme);
    free(out);
    free(err);
}

static void test_clean_tree_and_matrix(void **state)
{
    (void)state;
    char *root = small_tree(), *out = NULL, *err = NULL;
    assert_int_equal(check(root, "--matrix", &out, &err), 0);
    /* lowest layer first; rows include columns */
    static const char *const rows[] = {
        "includes  low  mid  top\n",
        "low/      -    .    .\n",
        "mid/      x    -    .\n",
        "top/      x    x    -\n",
    };
    const char *at = out;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *hit = strstr(at, rows[i]);
        if (!hit) fprintf(stderr, "missing row %zu in:\n%s", i, out);
        assert_non_null(hit);
        at = hit + strlen(rows[i]);
    }
    /* only.h is private by use, not by name; mid.h is used by top/ */
    assert_non_null(strstr(out, "not named *_internal.h:\n  low/ only.h\n"));
    assert_null(strstr(out, "mid.h"));
    assert_non_null(strstr(out, "3 modules, 0 violations, 0 allowed"));
    done(root, out, err);
}

static void test_private_header_fails(void **state)
{
    (void)state;
    char *root = small_tree(), *out = NULL, *err = NULL;
    put(root, "top/peek.c", "#include \"../low/low_internal.h\"\n");
    assert_int_equal(check(root, "", &out, &err), 1);
    assert_non_null(strstr(err, "top/peek.c includes low/low_internal.h, private to low/"));
    assert_non_null(strstr(out, "1 violation,"));
    free(out);
    free(err);

    /* the same pair in the allow-list passes, and the matrix marks it */
    put(root, "scripts/check-includes.allow", "# why: a debt\ntop/peek.c   low/low_internal.h  # reason\n");
    assert_int_equal(check(root, "--matrix", &out, &err), 0);
    assert_non_null(strstr(out, "top/      !    x    -\n"));
    assert_non_null(strstr(out, "0 violations, 1 allowed"));
    free(out);
    free(err);

    /* another module's unit test may not peek either */
    put(root, "tests/unit/test_mid_x.c", "#include \"../../low/low_internal.h\"\n");
    assert_int_equal(check(root, "", &out, &err), 1);
    assert_non_null(strstr(err, "tests/unit/test_mid_x.c includes low/low_internal.h"));
    done(root, out, err);
}

static void test_stale_allow_line_fails(void **state)
{
    (void)state;
    char *root = small_tree(), *out = NULL, *err = NULL;
    put(root, "scripts/check-includes.allow", "top/gone.c low/low_internal.h\n");
    assert_int_equal(check(root, "", &out, &err), 1);
    assert_non_null(strstr(err, "\"top/gone.c low/low_internal.h\" matches no include any more"));
    done(root, out, err);
}

static void test_cycle_fails(void **state)
{
    (void)state;
    char *root = small_tree(), *out = NULL, *err = NULL;
    put(root, "low/up.c", "#include \"../top/top.h\"\n");
    put(root, "top/top.h", "int top(void);\n");
    assert_int_equal(check(root, "", &out, &err), 1);
    assert_non_null(strstr(err, "low/ includes itself through other modules (cycle: low mid top)"));
    done(root, out, err);
}

/* A pair in check-includes.apart fails even through public headers, and
 * names the include that joined them; a pair not included passes; a line
 * naming no module fails. */
static void test_apart_fails(void **state)
{
    (void)state;
    char *root = small_tree(), *out = NULL, *err = NULL;
    put(root, "scripts/check-includes.apart", "# the low layer never sees mid\nmid low  # why\n");
    assert_int_equal(check(root, "", &out, &err), 1);
    assert_non_null(strstr(err, "mid/mid.h includes low/low.h, but mid/ is kept apart from low/"));
    assert_non_null(strstr(out, "1 violation,"));
    free(out);
    free(err);

    put(root, "scripts/check-includes.apart", "low mid\n");
    assert_int_equal(check(root, "", &out, &err), 0);
    free(out);
    free(err);

    put(root, "scripts/check-includes.apart", "low nowhere\n");
    assert_int_equal(check(root, "", &out, &err), 1);
    assert_non_null(strstr(err, "\"low nowhere\" names no module of the tree"));
    done(root, out, err);
}

static void test_usage(void **state)
{
    (void)state;
    char *out = NULL, *err = NULL;
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "'%s' --frobnicate", ts_path("scripts/check-includes"));
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 2);
    assert_non_null(strstr(err, "unknown option '--frobnicate'"));
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "'%s' --help", ts_path("scripts/check-includes"));
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "--matrix"));
    assert_non_null(strstr(out, "_internal.h"));
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_tree_passes),
        cmocka_unit_test(test_readme_matrix_current),
        cmocka_unit_test(test_clean_tree_and_matrix),
        cmocka_unit_test(test_private_header_fails),
        cmocka_unit_test(test_stale_allow_line_fails),
        cmocka_unit_test(test_cycle_fails),
        cmocka_unit_test(test_apart_fails),
        cmocka_unit_test(test_usage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
