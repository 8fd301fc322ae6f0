/* cmd_index.c — `luat-search index`: read sources in any supported format
 * and add them to an index, with progress on a terminal and a summary. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../corpus/reader.h"
#include "../indexer/compact.h"
#include "../indexer/disk_room.h"
#include "../indexer/indexer.h"
#include "../indexer/shards.h"
#include "cli.h"
#include "index_report.h"

static const char help[] =
    "usage: luat-search index --db DIR [OPTIONS] SOURCE...\n"
    "\n"
    "Add the documents in each SOURCE (a file, or a directory read recursively)\n"
    "to the index at DIR, creating it if needed. A document already in the index\n"
    "is replaced article by article (by number + article), so indexing the same\n"
    "input twice changes nothing. Documents that cannot be read are reported and\n"
    "skipped; the rest of the batch goes on. Exit status 1 when nothing could\n"
    "be indexed (DIR is then left as it was, --overwrite or not), 2 on a usage\n"
    "error.\n"
    "\n"
    "options:\n"
    "  --db DIR          the index directory (required)\n"
    "  --format FMT      auto (default), text, jsonl, phapdien, alqac, tthc\n"
    "  --overwrite       start from an empty index; when done, compact it (as\n"
    "                    `compact` does: Xapian's B-trees left full; not a set of\n"
    "                    shards, nor without room for a second copy)\n"
    "  --no-compact      with --overwrite: leave the index as written\n"
    "  --batch-size N    documents per atomic commit (default 1000)\n"
    "  --one-thread      analyse and store in one thread (default: one index is\n"
    "                    analysed by the reading thread while a second stores)\n"
    "  --shards N        make a new index a set of N shards (2..64), written in\n"
    "                    parallel, one thread per shard; search opens it as one\n"
    "  --json            print the summary as JSON on stdout: documents, added,\n"
    "                    replaced, unchanged, skipped, skipped_reasons [{source,\n"
    "                    reason}], status_updated (older texts this run amended\n"
    "                    or repealed), passages_*, errors, error, bytes, seconds\n"
    "  --quiet           no progress line (there is none unless stderr is a\n"
    "                    terminal: documents, MB read, MB/s, ETA)\n"
    "  -h, --help        this help\n";

typedef struct index_run {
    ls_indexer *ix;           /* opened at the first document read */
    const char *db;
    const ls_indexer_options *io;
    ls_error err;
    int failed;
    index_report rep;
} index_run;

/* The index is opened (created, or emptied by --overwrite) once there is
 * a document to put in it: a run that reads none, or only documents the
 * index refuses, leaves DIR as it was. */
static int open_index(index_run *run)
{
    if (run->ix) return 0;
    if (ls_indexer_open(run->db, run->io, &run->ix, &run->err) == LS_OK) return 0;
    run->failed = 1;
    return 1;
}

/* What DIR held before the run: nothing there, an empty directory, or
 * something (an index, or files the writer will judge). */
enum { DB_MISSING, DB_EMPTY, DB_HELD };

static int db_state(const char *db)
{
    DIR *d = opendir(db);
    if (!d) return errno == ENOENT ? DB_MISSING : DB_HELD;
    struct dirent *e;
    int held = 0;
    while (!held && (e = readdir(d))) held = strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return held ? DB_HELD : DB_EMPTY;
}

/* A run that indexed nothing into a new index takes out what it made:
 * DIR again missing, or empty. */
static void leave_as_found(const char *db, int before)
{
    ls_error err = {0};
    if (before == DB_MISSING) {
        if (db_state(db) != DB_MISSING && ls_index_remove_tree(db, &err))
            fprintf(stderr, "luat-search index: %s\n", err.msg);
        return;
    }
    DIR *d = before == DB_EMPTY ? opendir(db) : NULL;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", db, e->d_name);
        if (ls_index_remove_tree(path, &err)) {
            fprintf(stderr, "luat-search index: %s\n", err.msg);
            break;
        }
    }
    if (d) closedir(d);
}

static int on_document(void *ctx, const ls_document *doc)
{
    index_run *run = ctx;
    ls_error one = {0};
    /* a document the index would refuse (an id that does not normalise)
     * opens nothing: --overwrite must not empty DIR for it */
    char key[256];
    ls_rc rc = ls_indexer_document_key(doc, key, sizeof key, &one);
    if (!rc && open_index(run)) return 1;
    if (!rc) rc = ls_indexer_add(run->ix, doc, &one);
    if (ls_rc_is_bad_input(rc)) {
        index_report_skipped(&run->rep, doc->source ? doc->source : "?", 0, one.msg);
        return 0;
    }
    if (rc) {
        ls_error_set(&run->err, rc, "%s", one.msg);
        run->failed = 1;
        return 1;
    }
    index_report_document(&run->rep, doc, ls_indexer_counts(run->ix));
    return 0;
}

static void on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    index_run *run = ctx;
    index_report_skipped(&run->rep, path, line, msg);
}

/* A full build, compacted in place while the writer lock is still held
 * (ls_index_compact; the pháp điển: 730 -> 467 MB, 17 s at load ~12;
 * counted in the run's seconds). The index as written then waits in
 * DIR.old, in *old, for removal. 1 when compacted; 0 (said why) leaves the
 * index as written, still whole. */
static int compact_built(const char *db, char *old, size_t cap)
{
    ls_error err = {0};
    ls_compact_result res;
    if (ls_disk_room_check(db, ls_dir_disk_bytes(db), &err) ||
        ls_index_compact(db, &res, &err)) {
        fprintf(stderr, "luat-search index: not compacted: %s\n", err.msg);
        return 0;
    }
    snprintf(old, cap, "%s", res.old);
    return 1;
}

int cmd_index(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},         {"format", required_argument, 0, 'f'},
        {"overwrite", no_argument, 0, 'o'},        {"batch-size", required_argument, 0, 'b'},
        {"json", no_argument, 0, 'j'},             {"quiet", no_argument, 0, 'q'},
        {"help", no_argument, 0, 'h'},             {"shards", required_argument, 0, 'S'},
        {"no-compact", no_argument, 0, 'n'},       {"one-thread", no_argument, 0, '1'},
        {0, 0, 0, 0}};
    const char *db = NULL;
    int format = LS_FORMAT_AUTO, json = 0, quiet = 0, no_compact = 0;
    ls_indexer_options io = {0};
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'f':
            format = ls_format_parse(optarg);
            if (format < 0) return cli_usage_error("index", "unknown format '%s'", optarg);
            break;
        case 'o': io.overwrite = 1; break;
        case 'b':
            if (cli_parse_uint(optarg, 1, 1000000, &io.batch_size))
                return cli_usage_error("index", "--batch-size wants a number from 1 to 1000000");
            break;
        case 'S':
            if (cli_parse_uint(optarg, 1, 64, &io.shards))
                return cli_usage_error("index", "--shards wants a number from 1 to 64");
            break;
        case 'j': json = 1; break;
        case 'q': quiet = 1; break;
        case 'n': no_compact = 1; break;
        case '1': io.one_thread = 1; break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("index", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("index", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db) return cli_usage_error("index", "--db DIR is required");
    if (optind >= argc) return cli_usage_error("index", "no SOURCE to index");

    int complete = 1;
    char why[1024];
    if (ls_shards_complete(db, &complete, why, sizeof why, NULL) == LS_OK && !complete)
        fprintf(stderr, "luat-search index: %s; this run repairs it\n", why);
    index_run run = {.db = db, .io = &io};
    int before = db_state(db);
    index_report_start(&run.rep, !quiet && isatty(STDERR_FILENO), argv + optind, argc - optind);
    ls_reader_sink sink = {on_document, on_problem, &run};
    for (int i = optind; i < argc && !run.failed; i++) {
        ls_error err = {0};
        if (ls_corpus_read_path(argv[i], (ls_format)format, &sink, &err)) {
            if (run.failed) break;
            index_report_skipped(&run.rep, argv[i], 0, err.msg);
        }
    }
    const ls_index_counts none = {0};
    /* skipped documents are reported; the run fails only when nothing at
     * all could be indexed, and then leaves DIR as it found it */
    if (!run.failed && run.ix && ls_indexer_commit(run.ix, &run.err)) run.failed = 1;
    int nothing = !run.ix || ls_indexer_counts(run.ix)->documents == 0; /* exact once committed */
    char previous[4096] = "";
    int compacted = !run.failed && !nothing && io.overwrite && !no_compact &&
                    !ls_shards_count(db) && compact_built(db, previous, sizeof previous);
    index_report_finish(&run.rep, run.ix ? ls_indexer_counts(run.ix) : &none, json,
                        run.failed ? run.err.msg : NULL);
    index_report_free(&run.rep);
    ls_indexer_close(run.ix); /* nothing committed is dropped */
    if (nothing && before != DB_HELD) leave_as_found(db, before);
    if (run.failed) return cli_fail("index", &run.err);
    ls_error rm_err = {0};
    if (compacted && ls_index_remove_tree(previous, &rm_err))
        fprintf(stderr, "luat-search index: %s (the index as written)\n", rm_err.msg);
    if (nothing) fprintf(stderr, "luat-search index: no document could be indexed\n");
    return nothing ? CLI_FAIL : CLI_OK;
}
