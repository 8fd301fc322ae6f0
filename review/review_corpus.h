/* review_corpus.h — the review of a whole index (rà soát): every document
 * whose legal basis or cited provision is no longer in force, or missing,
 * as of a date. For each document of the index, the references of its
 * preamble (format/doc_links.h) and of its articles that it relies on
 * (căn cứ, hướng dẫn, plain citations; not the texts it amends, replaces or
 * repeals itself) are resolved as `review` resolves them (resolve.h), and
 * an item is kept when the cited text is repealed, replaced, expired or
 * suspended on the date (by the one status rule, query/as_of.h), when the
 * cited provision is repealed, or when the index lacks the cited document
 * or provision. Citations of the document's own articles, and of texts
 * or provisions the document itself repeals or replaces (its transitional
 * clauses), are left out. An administrative procedure (id "tthc:<code>")
 * is reviewed by its card's legal bases (procedure_bases.h): lapsed on the
 * date, or not in the index.
 */
#ifndef LS_REVIEW_CORPUS_H
#define LS_REVIEW_CORPUS_H

#include <stddef.h>
#include <stdio.h>
#include "../common/ls_error.h"
#include "../query/search.h"

/* One flagged citation. Strings owned by the report. */
typedef struct ls_corpus_item {
    char *article;        /* the citing article; NULL: the preamble or title */
    char *citation;       /* what it cites, written out in the standard form */
    char *cited_id;       /* the cited document in the index, NULL when missing */
    const char *status;   /* "repealed", "replaced", "expired", "suspended",
                             "provision-missing", "document-missing" (static) */
    char *by;             /* what replaced or repealed it, when known */
    char *note;           /* why (review's note or miss reason), may be NULL */
} ls_corpus_item;

typedef struct ls_corpus_doc {
    char *id, *number, *title;
    ls_corpus_item *items;
    size_t nitems;
} ls_corpus_doc;

typedef struct ls_corpus_report {
    char as_of[11];
    size_t documents, passages, citations;   /* read */
    size_t flagged_citations;
    size_t docs_gone;        /* documents citing a repealed / replaced / expired /
                                suspended text or provision */
    size_t docs_doc_missing; /* ... a document the index lacks */
    size_t docs_part_missing;/* ... a provision the index lacks */
    size_t docs_flagged;     /* any of these */
    size_t by_status[6];     /* items per status, in the order above */
    ls_corpus_doc *docs;     /* flagged documents only, by id */
    size_t ndocs;
} ls_corpus_report;

/* Called after each document (done of total) when not NULL. */
typedef void (*ls_corpus_progress)(void *ctx, size_t done, size_t total, size_t flagged);

/* Review every document of s's index as of as_of (NULL = today). *out
 * allocated; free with ls_corpus_report_free. LS_ERR_ARG for a bad date,
 * LS_ERR_INDEX when the index fails. */
ls_rc ls_review_corpus(ls_searcher *s, const char *as_of, ls_corpus_progress progress,
                       void *progress_ctx, ls_corpus_report **out, ls_error *err);
void ls_corpus_report_free(ls_corpus_report *r);

/* The status names of ls_corpus_item.status, in by_status order. */
extern const char *const ls_corpus_statuses[6];

/* Write r as JSON ({"as_of", "summary": {...}, "documents": [{"id",
 * "number", "title", "items": [{"article", "citation", "cited_id",
 * "status", "by", "note"}]}]}), as CSV (one line per item, RFC 4180, with a
 * header), or as text for people. Return 0, or -1 when writing failed. */
int ls_corpus_report_json(const ls_corpus_report *r, FILE *f);
int ls_corpus_report_csv(const ls_corpus_report *r, FILE *f);
int ls_corpus_report_text(const ls_corpus_report *r, FILE *f);

#endif
