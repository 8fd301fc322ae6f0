/* review.h — review of a legal text (rà soát văn bản): every citation it
 * makes, resolved against an index, with the cited text's status as of a
 * date. The extractor (ls_cite_extract) needs no index; ls_review resolves;
 * ls_review_json renders the result for the CLI and the REST route.
 *
 * Built on corpus/references.c (ls_references_find): one reference there is
 * one citation phrase; here a list inside it ("khoản 4 và khoản 5 Điều 70",
 * "Điều 3, 4 và 5") becomes one citation per item, all sharing the phrase
 * (the "group").
 */
#ifndef LS_REVIEW_H
#define LS_REVIEW_H

#include <stddef.h>
#include "../common/ls_buf.h"
#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../query/search.h"

/* How a citation resolved. */
typedef enum {
    LS_CITE_FOUND = 0,       /* the document, and the provision when one is cited */
    LS_CITE_DOC_MISSING,     /* no such document in the index */
    LS_CITE_PART_MISSING,    /* document found, article / clause / point missing */
    LS_CITE_AMBIGUOUS,       /* several documents fit: see candidates */
    LS_CITE_SELF_UNKNOWN     /* "Luật này" with no containing document known */
} ls_cite_resolution;

/* The cited text's status as of the review date. */
typedef enum {
    LS_FORCE_UNKNOWN = 0,    /* no status stored and no relation seen */
    LS_FORCE_IN_FORCE,
    LS_FORCE_AMENDED,        /* in force, amended by `by` */
    LS_FORCE_PARTLY_REPEALED,/* in force, some provisions repealed */
    LS_FORCE_NOT_YET,        /* issued or effective after the date */
    LS_FORCE_SUSPENDED,
    LS_FORCE_REPEALED,       /* the document, or the cited article, repealed */
    LS_FORCE_REPLACED,       /* replaced by `by` */
    LS_FORCE_EXPIRED         /* stored as no longer applicable (obsolete) */
} ls_force;

/* One citation item. Every string is owned (NULL when absent). */
typedef struct ls_cite {
    size_t start, end;           /* byte span of this item in the text: the whole
                                    phrase when it cites one thing, else the
                                    item's own label ("khoản 5", "4") */
    size_t group_start, group_end; /* the whole citation phrase */
    size_t group;                /* index of the phrase (0-based) */
    ls_relation relation;        /* what the sentence says (căn cứ, sửa đổi...) */
    int self;                    /* "Luật này", "Điều này", or no document named */
    int self_article;            /* "Điều này": the article the citation sits in */
    char *doc_number;            /* normalised number as cited, "13/2023/nđ-cp" */
    char *doc_type, *law_name, *year;
    char *article, *clause, *point;
    char *citation;              /* standard form: "khoản 2 Điều 5 Nghị định số
                                    13/2023/NĐ-CP" (the index's title/number
                                    when resolved) */
    /* resolution (ls_review only; zero after ls_cite_extract) */
    ls_cite_resolution resolution;
    char *why;                   /* one line on a miss / ambiguity / self */
    char *doc_id;                /* resolved document id */
    char *doc_title, *doc_display_number, *issued, *effective, *status;
    char *heading;               /* the cited article's heading */
    char *text;                  /* the cited article / clause / point text */
    char **candidates;           /* ambiguous: document ids */
    size_t ncandidates;
    ls_force force;
    char *force_by;              /* id of the document that amends / replaces /
                                    repeals it, when known */
    char *force_note;            /* e.g. "effective 2025-07-01" */
} ls_cite;

typedef struct ls_review_result {
    ls_cite *cites;
    size_t ncites;
    size_t ngroups;              /* citation phrases */
    size_t unresolved;           /* anything but LS_CITE_FOUND */
    size_t not_in_force;         /* repealed, replaced, expired */
    char *as_of;                 /* "YYYY-MM-DD" used */
    char *self_id;               /* containing document (given or detected) */
} ls_review_result;

typedef struct ls_review_opts {
    const char *as_of;           /* "YYYY-MM-DD"; NULL = today (local time) */
    const char *doc_id;          /* the containing document; NULL = detect from
                                    the text's own header, if it has one */
    int no_text;                 /* leave cite->text NULL (smaller output) */
} ls_review_opts;

/* Find every citation in text[0..len) (valid UTF-8). *out is a malloc'ed
 * array of *n items in text order, only the extraction fields filled; free
 * with ls_cites_free. Needs no index. LS_ERR_UTF8 on invalid UTF-8. */
ls_rc ls_cite_extract(const char *text, size_t len, ls_cite **out, size_t *n, ls_error *err);
void ls_cites_free(ls_cite *cites, size_t n);

/* Extract and resolve every citation of text[0..len) against the index of s.
 * opts may be NULL. *out is allocated; free with ls_review_result_free.
 * LS_ERR_ARG for a bad as_of, LS_ERR_UTF8 for invalid text, LS_ERR_INDEX
 * when the index fails. The searcher is used by one thread at a time. */
ls_rc ls_review(ls_searcher *s, const char *text, size_t len, const ls_review_opts *opts,
                ls_review_result **out, ls_error *err);
void ls_review_result_free(ls_review_result *r);

/* Append r as a JSON object to out:
 * {"as_of", "self", "summary": {"citations", "groups", "unresolved",
 *  "not_in_force"}, "citations": [{"start", "end", "group", "group_start",
 *  "group_end", "text" (the cited bytes), "relation", "citation", "doc_number",
 *  "article", "clause", "point", "resolution", "why", "document": {"id",
 *  "number", "title", "issued", "effective", "status"}, "heading", "passage",
 *  "candidates", "force", "force_by", "force_note"}]}.
 * `text` is the reviewed text (for the cited bytes). */
ls_rc ls_review_json(const ls_review_result *r, const char *text, size_t len, ls_buf *out,
                     ls_error *err);

/* Stable names ("found", "document-missing", ...; "in-force", "repealed" ...). */
const char *ls_cite_resolution_name(ls_cite_resolution r);
const char *ls_force_name(ls_force f);
const char *ls_relation_name(ls_relation r);
/* 1 for the states a reviewer must act on: repealed, replaced, expired. */
int ls_force_is_gone(ls_force f);

/* Run the extractor and the document resolution over every passage of the
 * index (the measure of issue 11). Counts into *st; `sample` (may be NULL)
 * receives up to `nsample` unresolved citations as lines
 * "<passage id>\t<resolution>\t<cited text>\t<why>\n". */
typedef struct ls_review_stats {
    size_t passages, citations, self, by_number, by_name;
    size_t doc_found, doc_missing, ambiguous, part_missing, self_unknown, found;
} ls_review_stats;
ls_rc ls_review_index(ls_searcher *s, ls_review_stats *st, ls_buf *sample, size_t nsample,
                      ls_error *err);

#endif
