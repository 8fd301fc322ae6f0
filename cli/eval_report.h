/* eval_report.h — the per-question report of `luat-search eval --report
 * FILE.html`: one self-contained HTML page a person can open, with the
 * figures on top and one row per question (the question, the article it
 * wants, the rank of the right answer in the top 10 or a miss, the first
 * hit), misses marked. */
#ifndef LS_EVAL_REPORT_H
#define LS_EVAL_REPORT_H

#include <jansson.h>

#include "../query/search.h"

typedef struct eval_report eval_report;

/* A report to be written to `path` when closed, titled after the questions
 * file. Returns NULL when out of memory. The caller closes it. */
eval_report *eval_report_new(const char *path, const char *questions_file);

/* One question: its record's "id" (may be NULL), the question, its
 * "relevant" array, the 1-based rank of the first right hit (0: none in the
 * top 10), the results (first hit; may have no hits) and the time taken. */
void eval_report_add(eval_report *rep, const char *id, const char *question,
                     json_t *relevant, unsigned rank, const ls_results *r, double ms);

/* Write the page (the figures given, then the rows) and free rep. Returns 0,
 * or -1 when the file cannot be written (a message on stderr). */
int eval_report_close(eval_report *rep, unsigned n, double r1, double r10, double mrr,
                      double ndcg, double p50_ms, double p99_ms);

#endif
