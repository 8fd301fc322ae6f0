/* search.h — questions in, ranked article-level passages out.
 *
 * An ls_searcher owns one read-only handle on an index and must be used by
 * one thread at a time (the REST server keeps one per worker thread). It
 * reopens the index when a writer has committed, so new documents show up
 * without a restart. This module knows nothing of HTTP or of output formats.
 */
#ifndef LS_SEARCH_H
#define LS_SEARCH_H

#include <stddef.h>
#include "../common/ls_error.h"
#include "../format/doc_record.h"
#include "../format/passage_data.h"
#include "confidence.h"

typedef struct ls_searcher ls_searcher;

typedef struct ls_search_request {
    const char *query;        /* the question, UTF-8 (required) */
    size_t query_len;         /* 0 = strlen(query) */
    unsigned offset;          /* first hit to return (0-based) */
    unsigned limit;           /* how many hits; 0 = 10 */
    const char *type;         /* filter: document type ("Nghị định", "nghi dinh", "NĐ") */
    const char *issuer;       /* filter: issuing body ("Chính phủ") */
    const char *from, *to;    /* filter: issued date range, "YYYY[-MM[-DD]]" */
    int in_force;             /* filter: only texts in force (or of unknown status) on as_of */
    const char *as_of;        /* "YYYY-MM-DD": statuses and in_force as of then; NULL = today */
    unsigned per_document;    /* max hits per document; 0 (or UINT_MAX) = no limit */
    int kind;                 /* LS_KIND_*: what the hits are */
    const char *level;        /* filter: a procedure's level ("cấp xã", "tỉnh") */
    const char *field;        /* filter: a procedure's field ("Hộ tịch") */
    double min_confidence;    /* no_answer below it; 0 = LS_MIN_CONFIDENCE
                                 (confidence.h), negative = never */
} ls_search_request;

/* What a search returns. The default answers articles, plus up to
 * LS_PROCEDURES_MAX procedures that match well in ls_results.procedures. */
enum {
    LS_KIND_DEFAULT = 0,      /* articles in hits; well-matching procedures apart */
    LS_KIND_ARTICLE,          /* articles only */
    LS_KIND_PROCEDURE,        /* administrative procedures only */
    LS_KIND_ALL               /* both, ranked together */
};
#define LS_PROCEDURES_MAX 3

/* "article", "procedure", "all" (or "default") -> LS_KIND_*; -1 if unknown. */
int ls_kind_parse(const char *name);

typedef struct ls_hit {
    unsigned rank;            /* 1-based, across pages */
    /* a procedure's hit: passage->procedure holds its card, with each legal
     * basis resolved against the index (review/procedure_bases.h) */
    double score;
    char *passage_id;         /* stable id "<doc id>#<article>" */
    ls_passage *passage;      /* owned: text and metadata */
    char *citation;           /* "Điều 5 Nghị định số 13/2023/NĐ-CP" */
    char *matched_clause;     /* number of the clause that matched best, or NULL */
    char *snippet;            /* plain text with highlights between
                                 LS_MARK_OPEN and LS_MARK_CLOSE */
} ls_hit;

/* Highlight marks inside snippets (control characters, never in legal text;
 * each front end turns them into its own markup). */
#define LS_MARK_OPEN  "\x02"
#define LS_MARK_CLOSE "\x03"

typedef struct ls_results {
    ls_hit *hits;
    size_t nhits;
    unsigned estimated;       /* estimated total matches */
    char *understood;         /* the query as understood (terms, citation, filters) */
    char *suggestion;         /* "did you mean", or NULL */
    ls_hit *procedures;       /* LS_KIND_DEFAULT: procedures that match well */
    size_t nprocedures;
    int kind;                 /* the request's kind */
    double confidence;        /* [0,1]: the estimate that the first hit of the
                                 ranking answers (confidence.h) */
    int no_answer;            /* confidence below the request's threshold */
    char *notice;             /* "Luật X không có trong chỉ mục" when the
                                 question cites what the index does not
                                 hold (notice.h), or NULL */
    ls_confidence_features features; /* what confidence was computed from */
    int partial;              /* the time budget cut the search short
                                 (ls_searcher_set_time_budget) */
} ls_results;

/* Open the index at dbpath for searching. A missing or unreadable index is
 * LS_ERR_NOTFOUND / LS_ERR_INDEX with a message naming the path. Free with
 * ls_searcher_close. */
ls_rc ls_searcher_open(const char *dbpath, ls_searcher **out, ls_error *err);
void ls_searcher_close(ls_searcher *s);

/* Open a search front end over remote shards, each served by xapian-tcpsrv:
 * `remotes` is "HOST:PORT[,HOST:PORT...]" (NULL or "" = ls_searcher_open).
 * The local database gives the format, synonyms and document records,
 * which remote shards do not serve: DIR/meta when dbpath is a shard set
 * (format/shard_set.h), else the index at dbpath, whose passages are then
 * searched too. Every network wait is bounded by timeout_ms (0 =
 * LS_REMOTE_TIMEOUT_MS). When a shard stops answering, ls_search connects
 * afresh once and otherwise fails with LS_ERR_INDEX, "degraded: N of M
 * remote shards not answering: HOST:PORT (why)": never a hang, never partial
 * results passed off as whole. Free with ls_searcher_close. */
#define LS_REMOTE_TIMEOUT_MS 5000
ls_rc ls_searcher_open_remote(const char *dbpath, const char *remotes, unsigned timeout_ms,
                              ls_searcher **out, ls_error *err);

/* Tune the ranking from "name=value,..." (see query/build.h: filler, pair,
 * heading, folded, synonyms, common, k1, b); for evaluation and ablation. */
ls_rc ls_searcher_set_weights(ls_searcher *s, const char *spec, ls_error *err);

/* Bound each search's work by ms milliseconds (0 = no bound, the default).
 * Xapian's Enquire::set_time_limit cannot end a match (it only turns
 * check_at_least off), so over one index the match is ended at the budget
 * by xc_enquire_set_deadline, its hits the best of the candidates weighed
 * by then (in a local shard set too; over remote shards, or with
 * per_document, the match runs to its end); after it the budget is checked again, and after each hit: a search
 * past it skips the second ranking stage (hits keep the first stage's
 * order), the remaining snippets (the hits stop there) and the accent
 * suggestion, and says so with res->partial. */
void ls_searcher_set_time_budget(ls_searcher *s, double ms);

/* Run a search. *out is allocated; free with ls_results_free. Invalid
 * UTF-8 -> LS_ERR_UTF8; an empty question -> LS_ERR_ARG; unknown filter
 * values -> LS_ERR_ARG. */
ls_rc ls_search(ls_searcher *s, const ls_search_request *req, ls_results **out,
                ls_error *err);
void ls_results_free(ls_results *r);

/* A procedure card's legal bases are resolved by the citation reviewer, a
 * layer above query/ (review/procedure_bases.c installs it when linked in).
 * The resolver rewrites *card_json in place (malloc'ed, the old one freed)
 * as of as_of ("YYYY-MM-DD", NULL = today). Set it before any search
 * starts (it is read without a lock); NULL leaves cards as stored. */
typedef ls_rc (*ls_card_resolver)(ls_searcher *s, char **card_json, const char *as_of,
                                  ls_error *err);
void ls_search_set_card_resolver(ls_card_resolver fn);

/* Fetch one passage by document id and article number ("5", "5a"). */
ls_rc ls_searcher_get_passage(ls_searcher *s, const char *doc_id, const char *article,
                              ls_passage **out, ls_error *err);

/* The document-level JSON record stored at indexing time ("doc:<id>").
 * *json is malloc'ed (caller frees). LS_ERR_NOTFOUND if unknown. */
ls_rc ls_searcher_get_document(ls_searcher *s, const char *doc_id, char **json,
                               ls_error *err);

/* The same record decoded (format/doc_record.h): *out filled (release with
 * ls_doc_record_free). LS_ERR_NOTFOUND if unknown, LS_ERR_FORMAT when the
 * stored record is not JSON. */
ls_rc ls_searcher_get_doc_record(ls_searcher *s, const char *doc_id, ls_doc_record *out,
                                 ls_error *err);

/* Index statistics as a JSON object: {"documents", "passages", "by_type":
 * {"Nghị định": n, ...}, "format": "4", "writable": true} — the index
 * format's mark, and whether `index` may add to it (an older format: no,
 * and "not_writable" says why and how to rebuild; format/open_error.h).
 * *json malloc'ed (caller frees). */
ls_rc ls_searcher_stats_json(ls_searcher *s, char **json, ls_error *err);

/* The revision of the index as of now (reopening it first) and how many
 * passages it holds: for health checks and metrics. */
ls_rc ls_searcher_revision(ls_searcher *s, unsigned long *revision, unsigned long *passages,
                           ls_error *err);

/* Build the citation text of a passage, "Điều 5 Nghị định số 13/2023/NĐ-CP",
 * "khoản 2 Điều 3 Pháp lệnh X số 02/2012/UBTVQH13" (cite/cite.h's standard
 * form; the document id when it has neither number nor title), or for a
 * procedure "Đăng ký khai sinh (thủ tục 1.001193)". Malloc'ed, caller frees;
 * NULL when out of memory. */
char *ls_citation_format(const ls_passage *p, const char *clause);

#endif
