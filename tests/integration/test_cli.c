/* test_cli.c — the `luat-search` command line as a user meets it: help,
 * usage errors, a missing index, index + search (human, --json, --batch),
 * stats and remove, compact (and a full build compacted), on the bundled
 * sample corpus in a temporary index. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../support/test_support.h"

static char *db_dir;

/* Run the CLI with args (already shell-quoted); under valgrind when the
 * suite runs with LS_VALGRIND=1. */
static int cli(const char *args, const char *in, char **out, char **err)
{
    char cmd[8192];
    const char *vg = getenv("LS_VALGRIND") ? "valgrind -q --leak-check=full "
                                              "--errors-for-leak-kinds=definite "
                                              "--error-exitcode=99 " : "";
    snprintf(cmd, sizeof cmd, "%s'%s' %s", vg, ts_bin(), args);
    return ts_run(cmd, in, out, err);
}

static int setup(void **state)
{
    (void)state;
    db_dir = ts_mkdtemp();
    char args[4096], *out, *err;
    snprintf(args, sizeof args, "index --db '%s' --json '%s'", db_dir, ts_path("corpus/sample"));
    int status = cli(args, NULL, &out, &err);
    if (status != 0) fprintf(stderr, "index failed (%d): %s\n", status, err);
    free(out);
    free(err);
    return status == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ts_rmtree(db_dir);
    free(db_dir);
    return 0;
}

static void test_help_everywhere(void **state)
{
    (void)state;
    const char *cmds[] = {"--help", "index --help", "search --help", "stats --help",
                          "remove --help", "eval --help", "compact --help",
                          "relations --help", "review --help"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *out, *err;
        assert_int_equal(cli(cmds[i], NULL, &out, &err), 0);
        assert_non_null(strstr(out, "usage: luat-search"));
        free(out);
        free(err);
    }
}

static void test_usage_errors(void **state)
{
    (void)state;
    const struct { const char *args, *says; } cases[] = {
        {"", "usage"},
        {"frobnicate", "unknown command"},
        {"search --db x --bogus q", "unknown option '--bogus'"},
        {"search --db x", "no QUESTION"},
        {"search khai sinh", "--db DIR is required"},
        {"search --db x --limit 0 q", "--limit"},
        {"search --db x --limit abc q", "--limit"},
        {"index --db x", "no SOURCE"},
        {"index --db x --format pdf y", "unknown format 'pdf'"},
        {"search --db x --limit", "needs a value"},
        {"relations --db x", "give one document ID"},
        {"relations 123/2015/NĐ-CP", "--db DIR is required"},
        {"review --db x --corpus --csv --json", "not both"},
        {"review --db x --csv -", "--csv goes with --corpus"},
        {"review --db x --corpus f.txt", "--corpus takes no file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out, *err;
        int status = cli(cases[i].args, NULL, &out, &err);
        if (status != 2 || !strstr(err, cases[i].says))
            fail_msg("'%s': status %d, stderr: %s", cases[i].args, status, err);
        free(out);
        free(err);
    }
}

static void test_missing_index(void **state)
{
    (void)state;
    char *out, *err;
    assert_int_equal(cli("search --db /nonexistent/idx 'khai sinh'", NULL, &out, &err), 1);
    assert_non_null(strstr(err, "no index at /nonexistent/idx"));
    free(out);
    free(err);
    assert_int_equal(cli("stats --db /nonexistent/idx", NULL, &out, &err), 1);
    free(out);
    free(err);
}

static void test_search_json(void **state)
{
    (void)state;
    char args[4096], *out, *err;
    snprintf(args, sizeof args, "search --db '%s' --json --limit 3 'thu tuc dang ky khai sinh'",
             db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    json_error_t jerr;
    json_t *o = json_loads(out, 0, &jerr);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "query")),
                        "thu tuc dang ky khai sinh");
    json_t *hits = json_object_get(o, "hits");
    assert_true(json_array_size(hits) >= 1 && json_array_size(hits) <= 3);
    json_t *h = json_array_get(hits, 0);
    const char *keys[] = {"doc_number", "doc_title", "article", "score", "snippet", "citation"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!json_object_get(h, keys[i])) fail_msg("hit lacks \"%s\": %s", keys[i], out);
    assert_non_null(strstr(json_string_value(json_object_get(h, "snippet")), "<mark>"));
    json_decref(o);
    free(out);
    free(err);
}

static void test_search_human(void **state)
{
    (void)state;
    char args[4096], *out, *err;
    snprintf(args, sizeof args,
             "search --db '%s' --limit 2 'Thủ tục đăng ký khai sinh cho con cần nộp giấy gì'",
             db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "Độ tin cậy: "));
    assert_non_null(strstr(out, "1. "));
    assert_non_null(strstr(out, "Điều "));
    free(out);
    free(err);
}

/* Below --min-confidence the CLI says there is no answer instead of weak
 * hits (--all still shows them); a cited article the index lacks is named. */
static void test_search_no_answer(void **state)
{
    (void)state;
    char args[4096], *out, *err;
    snprintf(args, sizeof args, "search --db '%s' --min-confidence 1 'nghỉ phép năm'", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "Không tìm thấy văn bản phù hợp trong chỉ mục"));
    assert_null(strstr(out, "1. "));
    free(out);
    free(err);
    snprintf(args, sizeof args, "search --db '%s' --min-confidence 1 --all 'nghỉ phép năm'",
             db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "1. "));
    free(out);
    free(err);
    snprintf(args, sizeof args, "search --db '%s' --json 'Điều 99 Nghị định 123/2015/NĐ-CP'",
             db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    json_t *o = json_loads(out, 0, NULL);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "notice")),
                        "Điều 99 không có trong Nghị định 123/2015/NĐ-CP");
    assert_true(json_is_true(json_object_get(o, "no_answer")));
    assert_true(json_real_value(json_object_get(o, "confidence")) < 0.05);
    json_decref(o);
    free(out);
    free(err);
    snprintf(args, sizeof args, "search --db '%s' --min-confidence 2 'khai sinh'", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 2);
    free(out);
    free(err);
}

static void test_batch(void **state)
{
    (void)state;
    char args[4096], *out, *err;
    snprintf(args, sizeof args, "search --db '%s' --batch --limit 2", db_dir);
    const char *in = "đăng ký thường trú\n\nthu\xff tuc\ngiay phep lai xe\n";
    assert_int_equal(cli(args, in, &out, &err), 0);
    /* three non-empty lines in, three JSON objects out, in order */
    char *save = NULL, *line = strtok_r(out, "\n", &save);
    int n = 0;
    for (; line; line = strtok_r(NULL, "\n", &save), n++) {
        json_t *o = json_loads(line, 0, NULL);
        if (!o) fail_msg("line %d is not JSON: %s", n + 1, line);
        json_t *hits = json_object_get(o, "hits");
        assert_true(json_is_array(hits));
        if (n == 1) {
            assert_non_null(strstr(json_string_value(json_object_get(o, "error")), "UTF-8"));
            assert_int_equal(json_array_size(hits), 0);
        } else {
            assert_true(json_array_size(hits) >= 1);
        }
        json_decref(o);
    }
    assert_int_equal(n, 3);
    free(out);
    free(err);
}

/* relations and the review of the whole index, from the command line */
static void test_relations_and_corpus(void **state)
{
    (void)state;
    char args[4096], *out, *err;
    snprintf(args, sizeof args, "relations --db '%s' 123/2015/NĐ-CP", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "được sửa đổi, bổ sung bởi Nghị định số 07/2025/NĐ-CP"));
    assert_non_null(strstr(out, "căn cứ Luật Hộ tịch số 60/2014/QH13"));
    free(out), free(err);
    snprintf(args, sizeof args, "relations --db '%s' --json --as-of 2024-01-01 123/2015/NĐ-CP", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "\"as_of\":\"2024-01-01\""));
    assert_non_null(strstr(out, "\"in_effect\":false"));   /* 07/2025/NĐ-CP not yet */
    free(out), free(err);
    snprintf(args, sizeof args, "relations --db '%s' 1/2099/NĐ-CP", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 1);
    assert_non_null(strstr(err, "no document 1/2099/NĐ-CP in the index"));
    free(out), free(err);
    snprintf(args, sizeof args, "relations --db '%s' --as-of 2024-02-30x 123/2015/NĐ-CP", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 2);
    free(out), free(err);
    snprintf(args, sizeof args, "review --db '%s' --corpus --as-of 2025-08-01", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "29 documents ("));   /* 27 texts and 2 procedures */
    assert_non_null(strstr(out, "căn cứ: Hiến pháp — document-missing"));
    free(out), free(err);
    snprintf(args, sizeof args, "review --db '%s' --corpus --json", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "\"summary\":{\"documents\":29,"));
    free(out), free(err);
}

static void test_stats_and_remove(void **state)
{
    (void)state;
    char args[4096], *out, *err;
    snprintf(args, sizeof args, "stats --db '%s' --json", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    json_t *o = json_loads(out, 0, NULL);
    assert_non_null(o);
    json_int_t docs = json_integer_value(json_object_get(o, "documents"));
    json_int_t passages = json_integer_value(json_object_get(o, "passages"));
    assert_true(docs >= 20);
    assert_true(passages > docs);
    assert_true(json_is_object(json_object_get(o, "by_type")));
    json_decref(o);
    free(out);
    free(err);

    /* remove one document: its passages go, the rest stay */
    snprintf(args, sizeof args, "search --db '%s' --json --limit 1 'khai sinh'", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    o = json_loads(out, 0, NULL);
    char number[256];
    snprintf(number, sizeof number, "%s",
             json_string_value(json_object_get(json_array_get(json_object_get(o, "hits"), 0),
                                               "doc_number")));
    json_decref(o);
    free(out);
    free(err);
    snprintf(args, sizeof args, "remove --db '%s' '%s'", db_dir, number);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    free(out);
    free(err);
    snprintf(args, sizeof args, "stats --db '%s' --json", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    o = json_loads(out, 0, NULL);
    assert_int_equal(json_integer_value(json_object_get(o, "documents")), docs - 1);
    assert_true(json_integer_value(json_object_get(o, "passages")) < passages);
    json_decref(o);
    free(out);
    free(err);
    snprintf(args, sizeof args, "remove --db '%s' '%s'", db_dir, number);
    assert_int_equal(cli(args, NULL, &out, &err), 1); /* already gone */
    assert_non_null(strstr(err, "no document"));
    free(out);
    free(err);
}

static void test_compact_keeps_everything(void **state)
{
    (void)state;
    char args[4096], *out, *err, *before, *after;
    snprintf(args, sizeof args, "stats --db '%s' --json", db_dir);
    assert_int_equal(cli(args, NULL, &before, &err), 0);
    free(err);
    snprintf(args, sizeof args, "compact --db '%s'", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    free(out);
    free(err);
    snprintf(args, sizeof args, "stats --db '%s' --json", db_dir);
    assert_int_equal(cli(args, NULL, &after, &err), 0);
    assert_string_equal(after, before);
    free(err);
    free(before);
    free(after);
    snprintf(args, sizeof args, "compact --db '%s'", db_dir); /* DIR.old left behind */
    assert_int_equal(cli(args, NULL, &out, &err), 1);
    assert_non_null(strstr(err, ".old"));
    free(out);
    free(err);
    char old[4200];
    snprintf(old, sizeof old, "%s.old", db_dir);
    ts_rmtree(old);
}

/* Bytes the files directly in dir hold. */
static long long dir_bytes(const char *dir)
{
    char cmd[4200], *out = NULL;
    snprintf(cmd, sizeof cmd, "du -sb --apparent-size '%s' | cut -f1", dir);
    assert_int_equal(ts_run(cmd, NULL, &out, NULL), 0);
    long long n = atoll(out);
    free(out);
    return n;
}

/* A full build (--overwrite) is compacted in place: the same documents,
 * passages and answers as the build left as written (--no-compact), in
 * fewer bytes, and nothing left beside it. */
static void test_overwrite_compacts(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp(), full[2048], raw[2048], left[2100], args[4096];
    snprintf(full, sizeof full, "%s/full", dir);
    snprintf(raw, sizeof raw, "%s/raw", dir);
    const char *paths[2] = {full, raw}, *extra[2] = {"", "--no-compact"};
    char *stats[2], *hits[2], *err;
    for (int i = 0; i < 2; i++) {
        char *out;
        snprintf(args, sizeof args, "index --quiet --overwrite %s --db '%s' '%s'", extra[i],
                 paths[i], ts_path("corpus/sample"));
        assert_int_equal(cli(args, NULL, &out, &err), 0);
        free(out);
        free(err);
        snprintf(args, sizeof args, "stats --db '%s' --json", paths[i]);
        assert_int_equal(cli(args, NULL, &stats[i], &err), 0);
        free(err);
        snprintf(args, sizeof args, "search --db '%s' --json 'thủ tục đăng ký khai sinh'",
                 paths[i]);
        assert_int_equal(cli(args, NULL, &hits[i], &err), 0);
        free(err);
    }
    assert_string_equal(stats[0], stats[1]);
    assert_string_equal(hits[0], hits[1]);
    assert_non_null(strstr(hits[0], "\"hits\":[{")); /* it answers at all */
    assert_true(dir_bytes(full) < dir_bytes(raw)); /* the sample: 1.5 vs 2.3 MB */
    snprintf(left, sizeof left, "%s.old", full);
    assert_int_equal(access(left, F_OK), -1); /* the index as written is gone */
    for (int i = 0; i < 2; i++) {
        free(stats[i]);
        free(hits[i]);
    }
    ts_rmtree(dir);
    free(dir);
}

/* Whether files a and b hold the same bytes. */
static int same_bytes(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    int same = fa && fb;
    while (same) {
        int ca = fgetc(fa), cb = fgetc(fb);
        if (ca != cb) same = 0;
        if (ca == EOF) break;
    }
    if (fa) fclose(fa);
    if (fb) fclose(fb);
    return same;
}

/* The writer thread (the default) writes the very index one thread writes:
 * the same tables byte for byte, with a batch of 3 documents so that the
 * writer commits often and the add ending a batch waits for it. */
static void test_writer_thread_same_index(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp(), db[2][2048], args[4096], a[2100], b[2100];
    const char *extra[2] = {"", "--one-thread"};
    char *summary[2];
    for (int i = 0; i < 2; i++) {
        char *err;
        snprintf(db[i], sizeof db[i], "%s/db%d", dir, i);
        snprintf(args, sizeof args, "index --quiet --json --overwrite --batch-size 3 %s --db '%s' '%s'",
                 extra[i], db[i], ts_path("corpus/sample"));
        assert_int_equal(cli(args, NULL, &summary[i], &err), 0);
        free(err);
        char *t = strstr(summary[i], "\"seconds\""); /* the one field that differs */
        assert_non_null(t);
        *t = '\0';
    }
    assert_string_equal(summary[0], summary[1]);
    assert_non_null(strstr(summary[0], "\"passages_added\":"));
    static const char *const tables[] = {"postlist.glass", "termlist.glass", "docdata.glass"};
    for (size_t k = 0; k < 3; k++) {
        snprintf(a, sizeof a, "%s/%s", db[0], tables[k]);
        snprintf(b, sizeof b, "%s/%s", db[1], tables[k]);
        if (!same_bytes(a, b)) fail_msg("%s differs between the two builds", tables[k]);
    }
    for (int i = 0; i < 2; i++) free(summary[i]);
    ts_rmtree(dir);
    free(dir);
}

/* Hostile input over the CLI: a 1 MB and a 10,000-word question, invalid
 * UTF-8 and a NUL byte in --batch input, traversal in an id, a missing
 * source: each gets a clear error or a bounded answer, and the good line
 * after them is still answered. */
static void test_hostile_input(void **state)
{
    (void)state;
    char path[2048];
    snprintf(path, sizeof path, "%s/hostile.txt", db_dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < (1 << 20); i++) fputc('a', f);
    fputc('\n', f);
    for (int i = 0; i < 10000; i++) fputs("ab ", f);
    fputc('\n', f);
    fputs("\xff\xfe khai\n", f);
    fwrite("khai\0sinh\n", 1, 10, f);
    fputs("khai sinh\n", f);
    fclose(f);
    char args[6000], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "search --db '%s' --batch --limit 1 < '%s'", db_dir, path);
    assert_int_equal(cli(args, NULL, &out, &err), 0);
    static const char *const expect[] = {"the limit is 8192", "the limit is 8192",
                                         "not valid UTF-8", "\"hits\":[{", "\"hits\":[{"};
    size_t line = 0;
    for (char *save = NULL, *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        assert_true(line < 5);
        if (!strstr(l, expect[line])) fail_msg("line %zu: %.200s", line + 1, l);
        line++;
    }
    assert_int_equal(line, 5);
    free(out);
    free(err);
    snprintf(args, sizeof args, "remove --db '%s' '../../etc/passwd'", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 1);
    assert_non_null(strstr(err, "no document ../../etc/passwd"));
    free(out);
    free(err);
    snprintf(args, sizeof args, "index --db '%s' /nonexistent/source.txt", db_dir);
    assert_int_equal(cli(args, NULL, &out, &err), 1);
    assert_non_null(strstr(err, "No such file"));
    free(out);
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_everywhere), cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_missing_index),   cmocka_unit_test(test_search_json),
        cmocka_unit_test(test_search_human),
        cmocka_unit_test(test_search_no_answer),    cmocka_unit_test(test_batch),
        cmocka_unit_test(test_relations_and_corpus),
        cmocka_unit_test(test_stats_and_remove),
        cmocka_unit_test(test_hostile_input),
        cmocka_unit_test(test_compact_keeps_everything),
        cmocka_unit_test(test_overwrite_compacts),
        cmocka_unit_test(test_writer_thread_same_index),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
