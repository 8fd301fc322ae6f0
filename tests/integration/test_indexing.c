/* test_indexing.c — indexing into a live index, as an operator meets it
 * (issue 6) and as it fails (issue 8, crash safety), through the CLI:
 *  - a decree added to a live index is found by a searcher opened before;
 *  - an amended article replaced by its new text; re-indexing is a no-op;
 *  - the status of an amended / replaced document follows, in either
 *    indexing order, and is undone when the amending text is removed;
 *    a provision-level repeal makes it "hết hiệu lực một phần";
 *  - an indexer killed (SIGKILL) mid-run leaves whole committed batches,
 *    and the next run completes the work;
 *  - a second indexer is refused with the holder's pid, while search and
 *    stats answer from the last commit;
 *  - a read-only index (a bind mount remounted read-only, in a private
 *    mount namespace, so it holds for root too; and the --db path being a
 *    regular file) and a full disk (a 1 MB tmpfs) fail with a clear error,
 *    the index still opening with its last committed state.
 * The namespace tests need `unshare` (util-linux) with user namespaces, or
 * root: they fail saying so when neither is there.
 * Synthetic decrees are generated into temporary directories. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../query/search.h"
#include "../../xapian/xc.h"
#include "../support/test_support.h"

#define GEN_DOCS 3000            /* synthetic decrees, 2 articles each */
#define KILL_BATCH 100           /* documents per commit in the kill test */

static char *gen_dir;            /* GEN_DOCS synthetic decrees */

/* ---- helpers ------------------------------------------------------------ */

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* `index --json` and its summary (must succeed); caller json_decref's. */
static json_t *index_json(const char *db, const char *sources)
{
    char *out, *err;
    int st = ts_cli(&out, &err, "index --db '%s' --json %s", db, sources);
    if (st != 0) fail_msg("index %s: exit %d: %s", sources, st, err);
    json_t *o = json_loads(out, 0, NULL);
    if (!json_is_object(o)) fail_msg("index --json printed no JSON object: %s", out);
    free(out);
    free(err);
    return o;
}

static long jint(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v)) fail_msg("summary has no integer '%s'", key);
    return (long)json_integer_value(v);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A decree in the sample corpus's layout: number, title line, articles
 * ("Điều N. Heading\ntext\n\n"...). */
static void write_decree(const char *dir, const char *name, const char *number,
                         const char *title, const char *articles)
{
    char text[8192];
    snprintf(text, sizeof text,
             "CHÍNH PHỦ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: %s\n"
             "Hà Nội, ngày 01 tháng 02 năm 2030\n\nNGHỊ ĐỊNH\n%s\n\n"
             "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
             "Chính phủ ban hành Nghị định.\n\n%s",
             number, title, articles);
    write_file(dir, name, text);
}

/* Passages in the index at db, or -1 when it does not open. */
static long doccount(const char *db)
{
    xc_db *x = NULL;
    xc_err xe;
    unsigned n = 0;
    if (xc_db_open(db, &x, &xe)) return -1;
    long r = xc_db_doccount(x, &n, &xe) ? -1 : (long)n;
    xc_db_close(x);
    return r;
}

/* Start `index --db db --batch-size batch --quiet src` in the background. */
static pid_t spawn_index(const char *db, unsigned batch, const char *src)
{
    char b[16];
    snprintf(b, sizeof b, "%u", batch);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(ts_bin(), "luat-search", "index", "--db", db, "--batch-size", b, "--quiet", src,
              (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* Wait (at most 20 s) until the index at db holds a committed passage. */
static long wait_first_commit(const char *db, pid_t pid)
{
    for (int i = 0; i < 10000; i++) {
        long n = doccount(db);
        if (n > 0) return n;
        if (waitpid(pid, NULL, WNOHANG) == pid) fail_msg("the indexer ended before committing");
        usleep(2000);
    }
    fail_msg("no commit within 20 s");
    return -1;
}

static const char *const gen_articles =
    "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chỉ tiêu thử nghiệm mã t%dx cho cơ "
    "quan nhà nước.\n\nĐiều 2. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành kể từ "
    "ngày 01 tháng 3 năm 2030.\n";

static int group_setup(void **state)
{
    (void)state;
    gen_dir = ts_mkdtemp();
    for (int i = 1; i <= GEN_DOCS; i++) {
        char name[64], number[64], title[96], arts[512];
        snprintf(name, sizeof name, "nd-%04d.txt", i);
        snprintf(number, sizeof number, "%d/2030/NĐ-CP", i);
        snprintf(title, sizeof title, "VỀ THỬ NGHIỆM CHỈ TIÊU SỐ %d", i);
        snprintf(arts, sizeof arts, gen_articles, i);
        write_decree(gen_dir, name, number, title, arts);
    }
    return 0;
}

static int group_teardown(void **state)
{
    ts_rmtree(gen_dir);
    free(gen_dir);
    return ts_shutdown_analyser(state);
}

/* ---- a live index --------------------------------------------------------- */

static size_t hits_of(ls_searcher *s, const char *q, int in_force, const char *doc_number,
                      ls_results **keep)
{
    /* as of a date after the 2030 decrees below take effect */
    ls_search_request req = {.query = q, .limit = 50, .in_force = in_force, .as_of = "2031-01-01"};
    ls_results *r = NULL;
    ls_error err = {0};
    if (ls_search(s, &req, &r, &err)) fail_msg("search '%s': %s", q, err.msg);
    size_t n = 0;
    for (size_t i = 0; i < r->nhits; i++)
        n += !doc_number || (r->hits[i].passage->doc_number &&
                             strcmp(r->hits[i].passage->doc_number, doc_number) == 0);
    if (keep) *keep = r;
    else ls_results_free(r);
    return n;
}

static void test_live_add_found_by_open_reader(void **state)
{
    (void)state;
    char *db = ts_mkdtemp(), *src = ts_mkdtemp();
    json_decref(index_json(db, ts_path("corpus/sample/luat-60_2014_QH13.txt")));
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db, &s, &err), LS_OK);
    assert_int_equal(hits_of(s, "thủ tục cấp phép khinh khí cầu quokkaxyz", 0, "777/2030/NĐ-CP", NULL), 0);

    write_decree(src, "nd-777.txt", "777/2030/NĐ-CP", "VỀ KHINH KHÍ CẦU",
                 "Điều 1. Cấp phép bay khinh khí cầu\nThủ tục cấp phép bay khinh khí cầu "
                 "quokkaxyz gồm đơn đề nghị và bản sao giấy chứng nhận.\n");
    json_t *o = index_json(db, src);
    assert_int_equal(jint(o, "added"), 1);
    assert_int_equal(jint(o, "errors"), 0);
    json_decref(o);

    /* the searcher opened before the commit sees it: it reopens by itself */
    ls_results *r = NULL;
    assert_int_equal(hits_of(s, "thủ tục cấp phép khinh khí cầu quokkaxyz", 0, "777/2030/NĐ-CP", &r), 1);
    assert_string_equal(r->hits[0].passage->doc_number, "777/2030/NĐ-CP");
    assert_string_equal(r->hits[0].passage->article, "1");
    ls_results_free(r);
    ls_searcher_close(s);
    ts_rmtree(db);
    ts_rmtree(src);
    free(db);
    free(src);
}

static void test_replace_amended_article(void **state)
{
    (void)state;
    char *db = ts_mkdtemp(), *v1 = ts_mkdtemp(), *v2 = ts_mkdtemp();
    const char *art1 = "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định phí tham quan vườn thú.\n\n";
    char arts[2048];
    snprintf(arts, sizeof arts, "%sĐiều 3. Mức phí\nMức phí tham quan chuồng ngựa vằn là "
             "100.000 đồng một lượt.\n", art1);
    write_decree(v1, "nd-778.txt", "778/2030/NĐ-CP", "VỀ PHÍ THAM QUAN VƯỜN THÚ", arts);
    snprintf(arts, sizeof arts, "%sĐiều 3. Mức phí\nMức phí tham quan chuồng hươu cao cổ là "
             "50.000 đồng một lượt.\n", art1);
    write_decree(v2, "nd-778.txt", "778/2030/NĐ-CP", "VỀ PHÍ THAM QUAN VƯỜN THÚ", arts);

    json_decref(index_json(db, v1));
    long before = doccount(db);
    json_t *o = index_json(db, v2);
    assert_int_equal(jint(o, "added"), 0);
    assert_int_equal(jint(o, "replaced"), 1);
    assert_int_equal(jint(o, "passages_replaced"), 2);
    assert_int_equal(jint(o, "passages_unchanged"), 1);   /* Điều 1 is the same */
    json_decref(o);
    assert_int_equal(doccount(db), before);                /* replaced, not added */

    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db, &s, &err), LS_OK);
    ls_results *r = NULL;
    assert_int_equal(hits_of(s, "hươu cao cổ", 0, "778/2030/NĐ-CP", &r), 1);
    assert_string_equal(r->hits[0].passage->article, "3");
    assert_non_null(strstr(r->hits[0].passage->text, "50.000 đồng"));
    assert_null(strstr(r->hits[0].passage->text, "100.000"));
    ls_results_free(r);
    assert_int_equal(hits_of(s, "ngựa vằn", 0, "778/2030/NĐ-CP", NULL), 0);
    ls_searcher_close(s);

    /* the same input again changes nothing */
    o = index_json(db, v2);
    assert_int_equal(jint(o, "unchanged"), 1);
    assert_int_equal(jint(o, "replaced") + jint(o, "added"), 0);
    assert_int_equal(jint(o, "passages_unchanged"), 2);
    json_decref(o);
    ts_rmtree(db);
    ts_rmtree(v1);
    ts_rmtree(v2);
    free(db);
    free(v1);
    free(v2);
}

static size_t count_of(const char *text, const char *what)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, what)); p += strlen(what)) n++;
    return n;
}

/* On a terminal (script(1) gives it one) a progress line redrawn in place
 * at most 4 times a second; none when stderr is a file. */
static void test_progress_only_on_a_terminal(void **state)
{
    (void)state;
    char *db = ts_mkdtemp(), cmd[8192], *out, *err;
    snprintf(cmd, sizeof cmd, "script -qec \"'%s' index --db '%s' '%s'\" /dev/null", ts_bin(),
             db, gen_dir);
    double t0 = now_ms();
    assert_int_equal(ts_run(cmd, NULL, &out, &err), 0);
    double secs = (now_ms() - t0) / 1e3;
    size_t draws = count_of(out, "MB/s, ETA ");
    fprintf(stderr, "%zu progress lines in %.2f s\n", draws, secs);
    assert_true(draws >= 1);
    assert_true(draws <= 4 * secs + 1);
    assert_non_null(strstr(out, "\r\x1b[K"));
    assert_non_null(strstr(out, " documents, "));
    assert_non_null(strstr(out, "indexed 3000 documents (3000 added, 0 replaced, 0 unchanged"));
    free(out);
    free(err);
    assert_int_equal(ts_cli(&out, &err, "index --db '%s' '%s/nd-0001.txt'", db, gen_dir), 0);
    assert_null(strchr(err, '\r'));
    assert_null(strstr(err, "ETA"));
    assert_non_null(strstr(err, "indexed 1 documents"));
    free(out);
    free(err);
    ts_rmtree(db);
    free(db);
}

/* ---- status propagation --------------------------------------------------- */

static void write_relation_texts(const char *old_dir, const char *new_dir)
{
    static const struct { const char *name, *number, *word; } olds[] = {
        {"nd-901.txt", "901/2029/NĐ-CP", "lạc đà"},  {"nd-902.txt", "902/2029/NĐ-CP", "đà điểu"},
        {"nd-903.txt", "903/2029/NĐ-CP", "chim cánh cụt"}, {"nd-904.txt", "904/2029/NĐ-CP", "hải cẩu"}};
    for (size_t i = 0; i < 4; i++) {
        char arts[1024];
        snprintf(arts, sizeof arts, "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc nuôi "
                 "%s.\n\nĐiều 2. Điều kiện nuôi\nCơ sở nuôi %s phải có chuồng trại.\n",
                 olds[i].word, olds[i].word);
        write_decree(old_dir, olds[i].name, olds[i].number, "VỀ NUÔI ĐỘNG VẬT", arts);
    }
    write_decree(new_dir, "nd-905.txt", "905/2030/NĐ-CP", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU",
                 "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 901/2029/NĐ-CP ngày 01 "
                 "tháng 02 năm 2029 của Chính phủ\n1. Sửa đổi, bổ sung khoản 1 Điều 2 như sau:\n"
                 "“1. Cơ sở nuôi lạc đà phải có giấy phép.”\n\n"
                 "Điều 2. Hiệu lực thi hành\nNghị định này có hiệu lực từ ngày 01 tháng 3 năm 2030.\n");
    write_decree(new_dir, "nd-906.txt", "906/2030/NĐ-CP", "VỀ NUÔI ĐÀ ĐIỂU",
                 "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc nuôi đà điểu nhà.\n\n"
                 "Điều 9. Hiệu lực thi hành\n1. Nghị định này có hiệu lực từ ngày 01 tháng 3 năm 2030.\n"
                 "2. Nghị định này thay thế Nghị định số 902/2029/NĐ-CP ngày 01 tháng 02 năm 2029 "
                 "của Chính phủ.\n");
    write_decree(new_dir, "nd-907.txt", "907/2030/NĐ-CP", "VỀ NUÔI ĐỘNG VẬT BIỂN",
                 "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc nuôi động vật biển.\n\n"
                 "Điều 9. Hiệu lực thi hành\n1. Bãi bỏ Điều 2 của Nghị định số 903/2029/NĐ-CP.\n"
                 "2. Nghị định này thay thế các quy định về nuôi hải cẩu tại Nghị định số "
                 "904/2029/NĐ-CP.\n");
}

/* The stored status of a document (its record), "" when none. */
static void doc_status(ls_searcher *s, const char *id, char *out, size_t cap)
{
    char *json = NULL;
    ls_error err = {0};
    if (ls_searcher_get_document(s, id, &json, &err)) fail_msg("document %s: %s", id, err.msg);
    json_t *o = json_loads(json, 0, NULL);
    const char *st = json_string_value(json_object_get(o, "status"));
    snprintf(out, cap, "%s", st ? st : "");
    json_decref(o);
    free(json);
}

static void check_statuses(const char *db)
{
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(db, &s, &err), LS_OK);
    char st[512];
    doc_status(s, "901/2029/NĐ-CP", st, sizeof st);
    assert_string_equal(st, "bị sửa đổi, bổ sung bởi 905/2030/NĐ-CP");
    doc_status(s, "902/2029/NĐ-CP", st, sizeof st);
    assert_string_equal(st, "hết hiệu lực, bị thay thế bởi 906/2030/NĐ-CP");
    doc_status(s, "903/2029/NĐ-CP", st, sizeof st);   /* one article repealed */
    assert_string_equal(st, "hết hiệu lực một phần do 907/2030/NĐ-CP");
    doc_status(s, "904/2029/NĐ-CP", st, sizeof st);   /* some provisions replaced */
    assert_string_equal(st, "hết hiệu lực một phần do 907/2030/NĐ-CP");
    /* every passage carries it, and --in-force leaves the replaced one out */
    ls_results *r = NULL;
    assert_int_equal(hits_of(s, "cơ sở nuôi lạc đà", 0, "901/2029/NĐ-CP", &r), 2);
    for (size_t i = 0; i < r->nhits; i++)
        if (strcmp(r->hits[i].passage->doc_number, "901/2029/NĐ-CP") == 0)
            assert_string_equal(r->hits[i].passage->status, "bị sửa đổi, bổ sung bởi 905/2030/NĐ-CP");
    ls_results_free(r);
    assert_int_equal(hits_of(s, "nuôi đà điểu", 0, "902/2029/NĐ-CP", NULL), 2);
    assert_int_equal(hits_of(s, "nuôi đà điểu", 1, "902/2029/NĐ-CP", NULL), 0);
    assert_int_equal(hits_of(s, "nuôi đà điểu", 1, "906/2030/NĐ-CP", NULL), 2); /* title in both */
    assert_int_equal(hits_of(s, "nuôi lạc đà", 1, "901/2029/NĐ-CP", NULL), 2); /* amended: in force */
    ls_searcher_close(s);
}

static void test_status_follows_relations_in_both_orders(void **state)
{
    (void)state;
    char *olds = ts_mkdtemp(), *news = ts_mkdtemp(), *db1 = ts_mkdtemp(), *db2 = ts_mkdtemp();
    write_relation_texts(olds, news);

    /* the old texts first, then the amending / replacing ones */
    json_decref(index_json(db1, olds));
    json_t *o = index_json(db1, news);
    assert_int_equal(jint(o, "status_updated"), 4);
    json_decref(o);
    check_statuses(db1);

    /* the new ones first: their relations wait for the old texts */
    json_decref(index_json(db2, news));
    json_decref(index_json(db2, olds));
    check_statuses(db2);

    /* idempotent: everything again changes nothing */
    char both[8400];
    snprintf(both, sizeof both, "'%s' '%s'", olds, news);
    o = index_json(db1, both);
    assert_int_equal(jint(o, "unchanged"), 7);
    assert_int_equal(jint(o, "status_updated"), 0);
    json_decref(o);
    check_statuses(db1);

    /* the replacing decree removed: the old one is as published again */
    char *out, *err;
    assert_int_equal(ts_cli(&out, &err, "remove --db '%s' 906/2030/NĐ-CP", db1), 0);
    free(out);
    free(err);
    ls_searcher *s = NULL;
    ls_error e = {0};
    assert_int_equal(ls_searcher_open(db1, &s, &e), LS_OK);
    char st[512];
    doc_status(s, "902/2029/NĐ-CP", st, sizeof st);
    assert_string_equal(st, "");
    assert_int_equal(hits_of(s, "nuôi đà điểu", 1, "902/2029/NĐ-CP", NULL), 2);
    ls_searcher_close(s);

    const char *dirs[] = {olds, news, db1, db2};
    for (size_t i = 0; i < 4; i++) {
        ts_rmtree(dirs[i]);
        free((char *)dirs[i]);
    }
}

static void test_sample_amended_status_shown(void **state)
{
    (void)state;
    char *db = ts_mkdtemp();
    char src[8400];
    snprintf(src, sizeof src, "'%s' ", ts_path("corpus/sample/nghi-dinh-123_2015_ND-CP.txt"));
    snprintf(src + strlen(src), sizeof src - strlen(src), "'%s'",
             ts_path("corpus/sample/nghi-dinh-07_2025_ND-CP.txt"));
    json_decref(index_json(db, src));
    char *out, *err;
    assert_int_equal(ts_cli(&out, &err, "search --db '%s' --limit 3 'đăng ký khai sinh'", db), 0);
    assert_non_null(strstr(out, "Nghị định số 123/2015/NĐ-CP"));
    /* 07/2025/NĐ-CP amends it and repeals khoản 3 Điều 2: repealed in part */
    assert_non_null(strstr(out, "Tình trạng: hết hiệu lực một phần do 07/2025/NĐ-CP"));
    free(out);
    free(err);
    ts_rmtree(db);
    free(db);
}

/* ---- crash safety ----------------------------------------------------------- */

static void test_kill_mid_run_keeps_whole_batches(void **state)
{
    (void)state;
    char *db = ts_mkdtemp();
    double t0 = now_ms();
    pid_t pid = spawn_index(db, KILL_BATCH, gen_dir);
    wait_first_commit(db, pid);
    kill(pid, SIGKILL);
    int ws = 0;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    double killed_at = now_ms() - t0;
    if (!WIFSIGNALED(ws))
        fail_msg("the indexer finished before it was killed: raise GEN_DOCS");

    long n = doccount(db);   /* the index opens */
    fprintf(stderr, "killed after %.0f ms: %ld passages committed of %d\n", killed_at, n,
            2 * GEN_DOCS);
    assert_true(n > 0 && n < 2 * GEN_DOCS);
    assert_int_equal(n % (2 * KILL_BATCH), 0);     /* whole batches of 2-article decrees */
    char *out, *err;
    assert_int_equal(ts_cli(&out, &err, "stats --db '%s' --json", db), 0);
    json_t *o = json_loads(out, 0, NULL);
    assert_int_equal(jint(o, "documents"), n / 2); /* records went with their passages */
    json_decref(o);
    free(out);
    free(err);

    /* the next run completes the work */
    double t1 = now_ms();
    o = index_json(db, gen_dir);
    fprintf(stderr, "rerun completed in %.0f ms\n", now_ms() - t1);
    assert_int_equal(jint(o, "added"), GEN_DOCS - n / 2);
    assert_int_equal(jint(o, "unchanged"), n / 2);
    json_decref(o);
    assert_int_equal(doccount(db), 2 * GEN_DOCS);
    ts_rmtree(db);
    free(db);
}

static void test_second_indexer_refused_readers_answer(void **state)
{
    (void)state;
    char *db = ts_mkdtemp(), *one = ts_mkdtemp();
    write_decree(one, "nd-1.txt", "1/2031/NĐ-CP", "VỀ THỬ", "Điều 1. Thử\nNội dung thử.\n");
    pid_t pid = spawn_index(db, 20, gen_dir);   /* small batches: a longer run */
    wait_first_commit(db, pid);

    char *out, *err;
    assert_int_equal(ts_cli(&out, &err, "index --db '%s' '%s'", db, one), 1);
    char want[64];
    snprintf(want, sizeof want, "index is locked by pid %ld", (long)pid);
    if (!strstr(err, want)) fail_msg("second indexer: want '%s', got: %s", want, err);
    free(out);
    free(err);

    /* readers answer from the last commit while the run goes on */
    assert_int_equal(ts_cli(&out, &err, "search --db '%s' --json 'chỉ tiêu thử nghiệm'", db), 0);
    json_t *o = json_loads(out, 0, NULL);
    assert_true(json_array_size(json_object_get(o, "hits")) > 0);
    json_decref(o);
    free(out);
    free(err);
    assert_int_equal(ts_cli(&out, &err, "stats --db '%s' --json", db), 0);
    o = json_loads(out, 0, NULL);
    long docs = jint(o, "documents");
    json_decref(o);
    free(out);
    free(err);
    int still_running = waitpid(pid, NULL, WNOHANG) == 0;
    fprintf(stderr, "during the run: %ld documents committed, indexer %s\n", docs,
            still_running ? "still running" : "already done");
    if (docs <= 0 || docs % 20 != 0) fail_msg("stats during the run: %ld documents", docs);
    assert_true(still_running);

    int ws = 0;
    assert_int_equal(waitpid(pid, &ws, 0), pid);
    assert_true(WIFEXITED(ws) && WEXITSTATUS(ws) == 0);
    assert_int_equal(doccount(db), 2 * GEN_DOCS);
    ts_rmtree(db);
    ts_rmtree(one);
    free(db);
    free(one);
}

static void test_index_path_is_a_file(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    write_file(dir, "not-a-dir", "x");
    char *out, *err;
    assert_int_equal(ts_cli(&out, &err, "index --db '%s/not-a-dir' '%s'", dir,
                         ts_path("corpus/sample/luat-60_2014_QH13.txt")), 1);
    assert_non_null(strstr(err, "not-a-dir"));
    assert_non_null(strstr(err, "Not a directory"));
    free(out);
    free(err);
    ts_rmtree(dir);
    free(dir);
}

/* Run script in a private mount namespace (user namespace when not root);
 * fails the test saying why when namespaces are not available. */
static int in_mount_namespace(const char *script, char **out, char **err)
{
    char *o, *e;
    if (ts_run("unshare -Urm true", NULL, &o, &e) != 0)
        fail_msg("this test needs 'unshare -Urm' (util-linux, user namespaces): %s", e);
    free(o);
    free(e);
    char cmd[16384];
    snprintf(cmd, sizeof cmd, "unshare -Urm sh -c '%s'", script);
    return ts_run(cmd, NULL, out, err);
}

/* "key=<number>" in text, or -1. */
static long marker(const char *text, const char *key)
{
    const char *p = strstr(text, key);
    return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static void test_read_only_index_directory(void **state)
{
    (void)state;
    char *db = ts_mkdtemp();
    json_decref(index_json(db, ts_path("corpus/sample/luat-60_2014_QH13.txt")));
    long before = doccount(db);
    char script[8192], *out, *err;
    /* a read-only bind mount stops root too (chmod a-w would not) */
    snprintf(script, sizeof script,
             "mount --bind %s %s && mount -o remount,bind,ro %s || exit 90; "
             "%s index --db %s %s; echo index=$?; "
             "%s stats --db %s --json; echo stats=$?",
             db, db, db, ts_bin(), db, gen_dir, ts_bin(), db);
    int st = in_mount_namespace(script, &out, &err);
    if (st == 90) fail_msg("cannot remount read-only in a mount namespace: %s", err);
    assert_int_equal(marker(out, "index="), 1);
    if (!strstr(err, "Read-only file system")) fail_msg("unclear error: %s", err);
    assert_int_equal(marker(out, "stats="), 0);      /* readers still read it */
    assert_non_null(strstr(out, "\"documents\":1"));
    free(out);
    free(err);
    assert_int_equal(doccount(db), before);
    if (geteuid() != 0) {   /* as a user, a directory without write permission too */
        chmod(db, 0555);
        assert_int_equal(ts_cli(&out, &err, "index --db '%s' '%s/nd-0001.txt'", db, gen_dir), 1);
        assert_non_null(strstr(err, "Permission denied"));
        free(out);
        free(err);
        chmod(db, 0755);
    }
    ts_rmtree(db);
    free(db);
}

static void test_disk_full(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    char script[8192], *out, *err;
    /* 1 MB holds a few batches of 100 synthetic decrees, not 3000 */
    snprintf(script, sizeof script,
             "mount -t tmpfs -o size=1m tmpfs %s || exit 90; "
             "%s index --db %s/idx --batch-size 100 --json %s; echo index=$?; "
             "%s stats --db %s/idx --json; echo stats=$?; "
             "%s search --db %s/idx --json \"chỉ tiêu thử nghiệm\" >/dev/null; echo search=$?",
             dir, ts_bin(), dir, gen_dir, ts_bin(), dir, ts_bin(), dir);
    int st = in_mount_namespace(script, &out, &err);
    if (st == 90) fail_msg("cannot mount a tmpfs in a mount namespace: %s", err);
    assert_int_equal(marker(out, "index="), 1);
    if (!strstr(err, "No space left on device")) fail_msg("unclear error: %s", err);
    assert_non_null(strstr(out, "\"errors\":1"));
    assert_int_equal(marker(out, "stats="), 0);
    assert_int_equal(marker(out, "search="), 0);
    const char *stats = strstr(out, "index=");   /* stats print after it */
    long docs = stats ? marker(stats, "{\"documents\":") : -1;
    fprintf(stderr, "disk full: %ld documents committed before the 1 MB tmpfs filled\n", docs);
    assert_true(docs > 0 && docs < GEN_DOCS);
    assert_int_equal(docs % 100, 0);
    free(out);
    free(err);
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_live_add_found_by_open_reader),
        cmocka_unit_test(test_replace_amended_article),
        cmocka_unit_test(test_status_follows_relations_in_both_orders),
        cmocka_unit_test(test_sample_amended_status_shown),
        cmocka_unit_test(test_kill_mid_run_keeps_whole_batches),
        cmocka_unit_test(test_progress_only_on_a_terminal),
        cmocka_unit_test(test_second_indexer_refused_readers_answer),
        cmocka_unit_test(test_index_path_is_a_file),
        cmocka_unit_test(test_read_only_index_directory),
        cmocka_unit_test(test_disk_full),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
