/* cmd_review.c — `luat-search review`: every citation of a legal text (a
 * draft or an existing document), resolved against an index, with the cited
 * texts that are no longer in force flagged (review/review.h). With
 * --all-articles it measures the extractor and the resolution over every
 * article of the index instead. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../review/review.h"
#include "../review/review_corpus.h"
#include "cli.h"

static const char help[] =
    "usage: luat-search review --db DIR [--as-of YYYY-MM-DD] [--doc ID] [--json] FILE|-\n"
    "       luat-search review --db DIR --corpus [--as-of YYYY-MM-DD] [--json|--csv]\n"
    "       luat-search review --db DIR --all-articles [--sample N]\n"
    "\n"
    "Find every citation in a legal text (\"khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP\",\n"
    "\"Điều 3, 4 và 5\", \"Luật Đất đai năm 2024\", \"Điều 72 của Luật này\"), resolve each\n"
    "against the index and tell whether the cited text is in force on a date.\n"
    "Prints the text with each citation marked [n] (coloured on a terminal), then\n"
    "one line per citation and a summary:\n"
    "  N citations, M unresolved, K pointing at texts no longer in force\n"
    "\n"
    "options:\n"
    "  --db DIR           the index directory (required)\n"
    "  --as-of DATE       status as of DATE (YYYY-MM-DD; default today)\n"
    "  --doc ID           the document the text belongs to (\"Luật này\"); default:\n"
    "                     its own header's number, or the text's own articles\n"
    "  --json             print the review as one JSON object\n"
    "  --corpus           review the whole index: every document whose legal basis\n"
    "                     or cited provision is no longer in force on the date, or\n"
    "                     that the index lacks, grouped by document (citing article,\n"
    "                     what it cites, its status, what replaced it); progress on\n"
    "                     a terminal\n"
    "  --csv              with --corpus: one CSV line per flagged citation\n"
    "  --all-articles     run over every article of the index; print counts and a\n"
    "                     sample of the unresolved citations\n"
    "  --sample N         how many unresolved citations to show (default 30)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 when the review ran (whatever it found), 1 failure, 2 usage.\n";

#define ANSI_RESET "\x1b[0m"

static const char *colour(const ls_cite *c)
{
    if (c->resolution != LS_CITE_FOUND) return "\x1b[1;31m";      /* red: unresolved */
    if (ls_force_is_gone(c->force)) return "\x1b[1;35m";           /* magenta: gone */
    if (c->force == LS_FORCE_NOT_YET) return "\x1b[1;33m";         /* yellow */
    return "\x1b[32m";                                             /* green */
}

/* The text with each citation phrase wrapped: «...»[n] (colours on a TTY). */
static void print_marked(const char *text, size_t len, const ls_review_result *r, int tty)
{
    size_t pos = 0;
    for (size_t i = 0; i < r->ncites;) {
        const ls_cite *c = &r->cites[i];
        size_t k = i;
        const ls_cite *worst = c;   /* the phrase shows its worst item */
        for (; k < r->ncites && r->cites[k].group == c->group; k++) {
            const ls_cite *o = &r->cites[k];
            if (worst->resolution != LS_CITE_FOUND) continue;
            if (o->resolution != LS_CITE_FOUND || (ls_force_is_gone(o->force) && !ls_force_is_gone(worst->force)))
                worst = o;
        }
        if (c->group_start >= pos && c->group_end <= len) {
            fwrite(text + pos, 1, c->group_start - pos, stdout);
            if (tty) fputs(colour(worst), stdout);
            else fputs("«", stdout);
            fwrite(text + c->group_start, 1, c->group_end - c->group_start, stdout);
            if (tty) fputs(ANSI_RESET, stdout);
            else fputs("»", stdout);
            printf("[%zu]", c->group + 1);
            pos = c->group_end;
        }
        i = k;
    }
    fwrite(text + pos, 1, len - pos, stdout);
    if (len && text[len - 1] != '\n') putchar('\n');
}

static void print_cite(const ls_cite *c, const char *text)
{
    printf("[%zu] %.*s -> %s: %s", c->group + 1, (int)(c->end - c->start), text + c->start,
           c->citation ? c->citation : "?", ls_cite_resolution_name(c->resolution));
    if (c->resolution == LS_CITE_FOUND && c->doc_id) {
        printf(", %s", ls_force_name(c->force));
        if (c->force_by) printf(" by %s", c->force_by);
        if (c->force_note) printf(" (%s)", c->force_note);
    }
    if (c->heading) printf(" — %s", c->heading);
    if (c->why && c->resolution != LS_CITE_FOUND) printf(" — %s", c->why);
    for (size_t i = 0; i < c->ncandidates; i++) printf("%s%s", i ? ", " : " [", c->candidates[i]);
    if (c->ncandidates) putchar(']');
    putchar('\n');
}

static int run_all(ls_searcher *s, unsigned nsample)
{
    ls_error err = {0};
    ls_review_stats st;
    ls_buf sample = LS_BUF_INIT;
    if (ls_review_index(s, &st, &sample, nsample, &err)) {
        ls_buf_free(&sample);
        return cli_fail("review", &err);
    }
    double n = st.citations ? (double)st.citations : 1.0;
    printf("passages:            %zu\n", st.passages);
    printf("citations:           %zu (by number %zu, by name %zu, this document %zu)\n",
           st.citations, st.by_number, st.by_name, st.self);
    printf("document found:      %zu (%.1f%%)\n", st.doc_found, 100.0 * (double)st.doc_found / n);
    printf("  provision found:   %zu (%.1f%%)\n", st.found, 100.0 * (double)st.found / n);
    printf("  provision missing: %zu (%.1f%%)\n", st.part_missing, 100.0 * (double)st.part_missing / n);
    printf("document missing:    %zu (%.1f%%)\n", st.doc_missing, 100.0 * (double)st.doc_missing / n);
    printf("ambiguous:           %zu (%.1f%%)\n", st.ambiguous, 100.0 * (double)st.ambiguous / n);
    printf("self unknown:        %zu\n", st.self_unknown);
    double other = st.citations - st.self ? (double)(st.citations - st.self) : 1.0;
    printf("other documents' citations resolving to a document: %.1f%%\n",
           100.0 * (double)(st.doc_found - (st.self - st.self_unknown)) / other);
    if (sample.len) printf("\nunresolved (sample):\n%s", sample.data);
    ls_buf_free(&sample);
    return CLI_OK;
}

static void corpus_progress(void *ctx, size_t done, size_t total, size_t flagged)
{
    (void)ctx;
    if (done % 50 && done != total) return;
    fprintf(stderr, "\r%zu/%zu documents, %zu flagged", done, total, flagged);
    if (done == total) fputc('\n', stderr);
}

static int run_corpus(ls_searcher *s, const char *as_of, int json, int csv)
{
    ls_error err = {0};
    ls_corpus_report *r = NULL;
    ls_rc rc = ls_review_corpus(s, as_of, isatty(STDERR_FILENO) ? corpus_progress : NULL, NULL,
                                &r, &err);
    if (rc) return rc == LS_ERR_ARG ? cli_usage_error("review", "%s", err.msg) : cli_fail("review", &err);
    int bad = json ? ls_corpus_report_json(r, stdout)
              : csv ? ls_corpus_report_csv(r, stdout) : ls_corpus_report_text(r, stdout);
    ls_corpus_report_free(r);
    if (bad || fflush(stdout)) {
        ls_error_set(&err, LS_ERR_IO, "writing the report failed");
        return cli_fail("review", &err);
    }
    return CLI_OK;
}

int cmd_review(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, 0, 'd'},   {"as-of", required_argument, 0, 'a'},
        {"doc", required_argument, 0, 'D'},  {"json", no_argument, 0, 'j'},
        {"all-articles", no_argument, 0, 'A'}, {"sample", required_argument, 0, 's'},
        {"corpus", no_argument, 0, 'C'},     {"csv", no_argument, 0, 'v'},
        {"help", no_argument, 0, 'h'},       {0, 0, 0, 0}};
    const char *db = NULL;
    ls_review_opts ro = {0};
    int json = 0, all = 0, corpus = 0, csv = 0, c;
    unsigned nsample = 30;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'a': ro.as_of = optarg; break;
        case 'D': ro.doc_id = optarg; break;
        case 'j': json = 1; break;
        case 'A': all = 1; break;
        case 'C': corpus = 1; break;
        case 'v': csv = 1; break;
        case 's':
            if (cli_parse_uint(optarg, 0, 100000, &nsample))
                return cli_usage_error("review", "--sample needs a number, not '%s'", optarg);
            break;
        case 'h': fputs(help, stdout); return CLI_OK;
        case ':': return cli_usage_error("review", "option %s needs a value", argv[optind - 1]);
        default: return cli_usage_error("review", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!db) return cli_usage_error("review", "--db DIR is required");
    if (csv && !corpus) return cli_usage_error("review", "--csv goes with --corpus");
    if (csv && json) return cli_usage_error("review", "give --json or --csv, not both");
    if (corpus && (all || ro.doc_id))
        return cli_usage_error("review", "--corpus takes no --all-articles or --doc");
    if (corpus) {
        if (optind != argc) return cli_usage_error("review", "--corpus takes no file");
        ls_error err = {0};
        ls_searcher *s = NULL;
        if (ls_searcher_open(db, &s, &err)) return cli_fail("review", &err);
        int status = run_corpus(s, ro.as_of, json, csv);
        ls_searcher_close(s);
        return status;
    }
    if (all ? optind != argc : optind + 1 != argc)
        return cli_usage_error("review", all ? "--all-articles takes no file" : "give one FILE, or - for standard input");

    ls_error err = {0};
    ls_searcher *s = NULL;
    if (ls_searcher_open(db, &s, &err)) return cli_fail("review", &err);
    if (all) {
        int status = run_all(s, nsample);
        ls_searcher_close(s);
        return status;
    }
    char *text = NULL;
    size_t len = 0;
    ls_rc rc;
    if (strcmp(argv[optind], "-") == 0) {
        ls_buf in = LS_BUF_INIT;
        char chunk[65536];
        size_t n;
        rc = LS_OK;
        while (!rc && (n = fread(chunk, 1, sizeof chunk, stdin)) > 0) rc = ls_buf_append(&in, chunk, n);
        len = in.len;
        text = rc ? NULL : ls_buf_detach(&in);
        ls_buf_free(&in);
        if (!text) rc = ls_error_set(&err, LS_ERR_NOMEM, "reading standard input: out of memory");
    } else {
        rc = ls_read_file(argv[optind], &text, &len, &err);
    }
    ls_review_result *r = NULL;
    if (!rc) rc = ls_review(s, text, len, &ro, &r, &err);
    if (rc) {
        free(text);
        ls_searcher_close(s);
        return rc == LS_ERR_ARG ? cli_usage_error("review", "%s", err.msg) : cli_fail("review", &err);
    }
    if (json) {
        ls_buf out = LS_BUF_INIT;
        if ((rc = ls_review_json(r, text, len, &out, &err)) == LS_OK) printf("%s\n", out.data);
        ls_buf_free(&out);
    } else {
        print_marked(text, len, r, isatty(STDOUT_FILENO));
        putchar('\n');
        for (size_t i = 0; i < r->ncites; i++) print_cite(&r->cites[i], text);
        printf("%s%zu citations, %zu unresolved, %zu pointing at texts no longer in force (as of %s)\n",
               r->ncites ? "\n" : "", r->ncites, r->unresolved, r->not_in_force, r->as_of);
    }
    ls_review_result_free(r);
    free(text);
    ls_searcher_close(s);
    return rc ? cli_fail("review", &err) : CLI_OK;
}
