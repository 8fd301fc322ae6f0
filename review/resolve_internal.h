/* resolve_internal.h — resolution of extracted citations against an index, shared by
 * ls_review (review.c) and ls_review_index (review_index.c). Private to
 * review/.
 *
 * A resolve_ctx caches what it learns of each document (its stored record,
 * its status as of the date) so a text citing one decree forty times, or an
 * index of sixty thousand articles, looks each document up once.
 */
#ifndef LS_REVIEW_RESOLVE_H
#define LS_REVIEW_RESOLVE_H

#include "../query/index_reads.h"
#include "review.h"

/* An article of the reviewed text itself (a draft not in the index). */
typedef struct self_article {
    char *number, *heading, *text;
    size_t text_len;
    ls_clause_span *clauses;
    size_t nclauses;
} self_article;

/* "Điều N" heading lines of the reviewed text: which article a "Điều này"
 * sits in. */
typedef struct article_mark {
    size_t at;
    char number[16];
} article_mark;

/* A provision another document amends or repeals. */
typedef struct art_relation {
    char *article;
    char *clause;                 /* NULL: the whole article */
    ls_relation rel;              /* LS_REL_AMENDS, _REPLACES or _REPEALS */
    char *by;                     /* the acting document's id */
} art_relation;

/* What the index says of one document. */
typedef struct doc_entry {
    char *id;                     /* NULL: empty slot */
    int found;                    /* a "doc:<id>" record exists */
    char *number, *type, *title, *issued, *effective, *status;
    int status_done;              /* force..note filled */
    int arts_done;                /* arts filled */
    ls_force force;
    char *by, *note;
    art_relation *arts;
    size_t narts;
} doc_entry;

typedef struct resolve_ctx {
    ls_searcher *s;
    char as_of[11];
    int no_text;
    int no_status;                /* skip the status (the index-wide measure) */
    char *self_id;                /* containing document in the index, or NULL */
    self_article *self_arts;      /* else the text's own articles, if any */
    size_t nself_arts;
    article_mark *marks;
    size_t nmarks;
    doc_entry *cache;             /* hash table, open addressing */
    size_t cache_cap, cache_n;
} resolve_ctx;

/* Set up ctx over searcher s; as_of NULL = today. LS_ERR_ARG for a bad date. */
ls_rc ls_resolve_init(resolve_ctx *ctx, ls_searcher *s, const char *as_of, ls_error *err);
void ls_resolve_free(resolve_ctx *ctx);

/* Learn the containing document: doc_id when given (must be in the index),
 * else the reviewed text's own header (number) or, failing that, its own
 * articles; and where its "Điều N" headings are. */
ls_rc ls_resolve_set_self(resolve_ctx *ctx, const char *doc_id, const char *text, size_t len,
                          ls_error *err);
/* The same for one stored passage: self is its document, "Điều này" its
 * article. */
ls_rc ls_resolve_set_self_passage(resolve_ctx *ctx, const char *doc_id, const char *article,
                                  ls_error *err);

/* Resolve c in place: resolution, document, provision text, status, and the
 * standard citation. Errors only for the index or memory. */
ls_rc ls_resolve_cite(resolve_ctx *ctx, ls_cite *c, ls_error *err);

/* (Re)build c->citation from the index's record e of its document. */
ls_rc ls_resolve_format(ls_cite *c, const doc_entry *e);

/* The question analyser's reading of a short citation text typed as a
 * search would be ("dieu 5 nd 13/2023/nd-cp", "Điều 27 Luật Cư trú 2020",
 * query/cite_resolve.h): *canon (malloc'ed) the citation rewritten in the
 * standard form from the index's record, for ls_cite_extract to read; NULL
 * when the analyser names no document, then *missing (malloc'ed, may be
 * NULL) is the document it found cited and the index lacks. Errors only for
 * memory or the index. */
ls_rc ls_resolve_short_text(resolve_ctx *ctx, const char *text, size_t len, char **canon,
                         char **missing, ls_error *err);

/* The cached entry of document id (looked up on first use); NULL when
 * out of memory (err set). */
doc_entry *ls_resolve_doc_entry(resolve_ctx *ctx, const char *id, ls_error *err);

/* Fill e's status as of ctx->as_of (once): stored status, dates, and the
 * documents of the index that amend, replace or repeal it (doc_status.c). */
ls_rc ls_resolve_doc_status(resolve_ctx *ctx, doc_entry *e, ls_error *err);

/* The same, and (once) e->arts: its provisions that other documents amend,
 * replace or repeal, read back from their passages -- only a citation of an
 * article needs them, and reading them is most of the cost. */
ls_rc ls_resolve_doc_arts(resolve_ctx *ctx, doc_entry *e, ls_error *err);

#endif
