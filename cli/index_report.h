/* index_report.h — what `luat-search index` tells its user: a progress line
 * on a terminal (documents, MB of input read, MB/s, ETA from the total size
 * of the sources), the documents it skipped and why, and the summary at the
 * end, human or --json. */
#ifndef LS_INDEX_REPORT_H
#define LS_INDEX_REPORT_H

#include <stddef.h>
#include <time.h>

#include "../corpus/document.h"
#include "../indexer/indexer.h"

#define INDEX_REPORT_MAX_SKIPPED 100 /* reasons kept for the JSON summary */

typedef struct index_report {
    int progress;                    /* draw the progress line */
    struct timespec start, last;
    unsigned long long input_total;  /* bytes of every source file */
    unsigned long long input_done;   /* bytes of the files read to the end */
    unsigned long long cur_size;     /* the file being read */
    unsigned long cur_text_start;    /* article bytes indexed when it began */
    char cur_path[1024];
    unsigned long skipped;           /* documents or records skipped */
    size_t nreasons;
    char *reasons[INDEX_REPORT_MAX_SKIPPED]; /* "source\treason", owned */
} index_report;

/* Start: sum the sizes of the sources (files, directories read
 * recursively) for the ETA. progress: draw the line (the caller checks the
 * terminal and --quiet). Release with index_report_free. */
void index_report_start(index_report *r, int progress, char *const *sources, int nsources);

/* After each document: follow the file it came from and redraw the line at
 * most 4 times a second. doc and c are borrowed. */
void index_report_document(index_report *r, const ls_document *doc, const ls_index_counts *c);

/* A document or record skipped: print "source[:line]: reason" on stderr
 * (clearing the progress line) and keep it for the summary. */
void index_report_skipped(index_report *r, const char *source, size_t line, const char *reason);

/* The end: clear the progress line, then print the summary — JSON on stdout
 * (json), else one line on stderr. error: the failure that stopped the run,
 * or NULL. */
void index_report_finish(index_report *r, const ls_index_counts *c, int json, const char *error);

void index_report_free(index_report *r);

#endif
