/* review.h — review of a legal text (rà soát văn bản): every citation it
 * makes, resolved against an index, with the cited text's status as of a
 * date. The citations, their model, extraction and standard form are
 * cite/'s (cite/cite.h: ls_cite, ls_cite_extract, ls_cite_format); ls_review
 * resolves them against an index; ls_review_json renders the result for the
 * CLI and the REST route.
 */
#ifndef LS_REVIEW_H
#define LS_REVIEW_H

#include <stddef.h>
#include "../common/ls_buf.h"
#include "../common/ls_error.h"
#include "../cite/cite.h"
#include "../corpus/document.h"
#include "../query/search.h"

typedef struct ls_review_result {
    ls_cite *cites;
    size_t ncites;
    size_t ngroups;              /* citation phrases */
    size_t unresolved;           /* anything but LS_CITE_FOUND */
    size_t not_in_force;         /* repealed, replaced, expired */
    char *as_of;                 /* "YYYY-MM-DD" used */
    char *self_id;               /* containing document (given or detected) */
    char *missing;               /* a lone citation the extractor could not
                                    resolve: the document the question analyser
                                    found cited and the index lacks, or NULL */
} ls_review_result;

typedef struct ls_review_opts {
    const char *as_of;           /* "YYYY-MM-DD"; NULL = today (local time) */
    const char *doc_id;          /* the containing document; NULL = detect from
                                    the text's own header, if it has one */
    int no_text;                 /* leave cite->text NULL (smaller output) */
} ls_review_opts;

/* A text of at most this many bytes on one line, reviewed with no
 * containing document given, is a citation typed alone. */
#define LS_REVIEW_CITATION_MAX 400

/* Extract and resolve every citation of text[0..len) against the index of s.
 * A citation typed alone (LS_REVIEW_CITATION_MAX) that the extractor finds
 * nothing in, or reads only as "this document" ("dieu 5 nd 13/2023/nd-cp"),
 * is read as search reads a question (query/cite_resolve.h: a number
 * without its code, a law by name), rewritten in the standard form and
 * reviewed again: so review, /v1/review and MCP agree with search's short
 * citations (the items read so then span the whole text). opts may be NULL. *out is allocated; free with ls_review_result_free.
 * LS_ERR_ARG for a bad as_of, LS_ERR_UTF8 for invalid text, LS_ERR_INDEX
 * when the index fails. The searcher is used by one thread at a time. */
ls_rc ls_review(ls_searcher *s, const char *text, size_t len, const ls_review_opts *opts,
                ls_review_result **out, ls_error *err);
void ls_review_result_free(ls_review_result *r);

/* 1 when r leaves its text unread: no citation, or only "this document"
 * with none known. */
int ls_review_unread(const ls_review_result *r);

/* The standard form of a provision of document doc_id ("điểm a khoản 2
 * Điều 5 Nghị định số 13/2023/NĐ-CP"; article, clause, point may be NULL),
 * with the type and number of the index's record, or when the index holds
 * none the type the number's code names: *out malloc'ed, NULL when no type
 * is known. Errors only for memory or the index. */
ls_rc ls_review_citation_text(ls_searcher *s, const char *doc_id, const char *article,
                              const char *clause, const char *point, char **out, ls_error *err);

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
