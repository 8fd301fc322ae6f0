/* search.c — the searcher: opens an index, turns a request into a Xapian
 * query (plan -> rank + filters + citation), runs it, and builds hits with
 * their citation and snippet. */
#include "search.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../cite/cite.h"
#include "../common/ls_buf.h"
#include "../common/ls_hash.h"
#include "../format/schema.h"
#include "../format/open_error.h"
#include "../format/shard_set.h"
#include "../format/values.h"
#include "../corpus/procedure.h"
#include "../text/analyser.h"
#include "../xapian/xc_error.h"
#include "as_of.h"
#include "build.h"
#include "expand.h"
#include "plan.h"
#include "rerank.h"
#include "suggest.h"
#include "cite_resolve.h"
#include "notice.h"
#include "prior.h"
#include "snippet.h"
#include "remote.h"
#include "searcher_internal.h"

#define QUERY_MAX_BYTES 8192
#define QUERY_MAX_TERMS 400
#define SNIPPET_BYTES 320
#define LIMIT_MAX 1000

struct ls_searcher {
    xc_db *db;
    char *path;
    ls_weights weights;
    char *local;              /* remote shards: the local database, */
    char *remotes;            /* their "HOST:PORT,..." list, */
    unsigned timeout_ms;      /* and the bound on each network wait */
    double budget_ms;         /* a search's time budget; 0 = none */
};

static ls_rc xapian_error(ls_error *err, const char *what, const xc_err *xe)
{
    return ls_xc_error(err, what, xe);
}

static ls_rc check_format(ls_searcher *s, ls_searcher **out, ls_error *err);

/* Attempts of a read while an indexer keeps committing (Xapian keeps one
 * old revision; a reader overtaken by two commits must reopen). */
#define SEARCH_ATTEMPTS 5

ls_rc ls_searcher_open(const char *dbpath, ls_searcher **out, ls_error *err)
{
    *out = NULL;
    struct stat st;
    if (stat(dbpath, &st) != 0 || !S_ISDIR(st.st_mode))
        return ls_index_open_error(dbpath, NULL, err); /* missing, a file, unreachable */
    ls_searcher *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(dbpath))) {
        free(s);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    s->weights = ls_weights_default();
    xc_err xe;
    xc_rc orc = xc_db_open(dbpath, &s->db, &xe);
    for (int i = 0; orc == XC_ERR_MODIFIED && i < SEARCH_ATTEMPTS; i++) /* a writer committing */
        orc = xc_db_open(dbpath, &s->db, &xe);
    if (orc) {
        ls_searcher_close(s);
        return ls_index_open_error(dbpath, &xe, err); /* what is wrong, what to do */
    }
    return check_format(s, out, err);
}

/* Hand out s once its database says it is a luat-search index of a
 * format this binary reads. */
static ls_rc check_format(ls_searcher *s, ls_searcher **out, ls_error *err)
{
    const char *dbpath = s->path;
    xc_err xe;
    char *format = NULL;
    size_t flen = 0;
    xc_rc mrc = xc_db_get_metadata(s->db, LS_METADATA_FORMAT, &format, &flen, &xe);
    for (int i = 0; mrc == XC_ERR_MODIFIED && i < SEARCH_ATTEMPTS; i++) { /* a writer committing */
        xc_db_reopen(s->db, NULL, &xe);
        mrc = xc_db_get_metadata(s->db, LS_METADATA_FORMAT, &format, &flen, &xe);
    }
    if (mrc || flen == 0) {
        free(format);
        ls_index_not_ours(dbpath, err);
        ls_searcher_close(s);
        return LS_ERR_INDEX;
    }
    ls_rc frc = ls_index_format_check(dbpath, format, flen, err); /* not newer than ours */
    free(format);
    if (frc) {
        ls_searcher_close(s);
        return frc;
    }
    *out = s;
    return LS_OK;
}

ls_rc ls_searcher_open_remote(const char *dbpath, const char *remotes, unsigned timeout_ms,
                              ls_searcher **out, ls_error *err)
{
    if (!remotes || !*remotes) return ls_searcher_open(dbpath, out, err);
    *out = NULL;
    ls_rc rc = ls_remote_check_list(remotes, err);
    if (rc) return rc;
    char local[4096];
    if (ls_shards_count(dbpath)) rc = ls_shard_path(dbpath, LS_SHARD_META_INDEX, local,
                                                    sizeof local, err);
    else snprintf(local, sizeof local, "%s", dbpath);
    if (rc) return rc;
    ls_searcher *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(dbpath)) || !(s->local = strdup(local)) ||
        !(s->remotes = strdup(remotes))) {
        ls_searcher_close(s);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    s->weights = ls_weights_default();
    s->timeout_ms = timeout_ms ? timeout_ms : LS_REMOTE_TIMEOUT_MS;
    if ((rc = ls_remote_open(s->local, s->remotes, s->timeout_ms, &s->db, err))) {
        ls_searcher_close(s);
        return rc;
    }
    return check_format(s, out, err);
}

ls_rc ls_searcher_set_weights(ls_searcher *s, const char *spec, ls_error *err)
{
    ls_weights w = s->weights;
    ls_rc rc = ls_weights_parse(spec, &w, err);
    if (!rc) s->weights = w;
    return rc;
}

void ls_searcher_set_time_budget(ls_searcher *s, double ms)
{
    s->budget_ms = ms > 0 ? ms : 0;
}

/* A search's deadline on the monotonic clock (ms); past_budget says when
 * it has gone by. */
static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int past_budget(const ls_searcher *s, double deadline)
{
    return s->budget_ms > 0 && now_ms() >= deadline;
}

void ls_searcher_close(ls_searcher *s)
{
    if (!s) return;
    xc_db_close(s->db);
    free(s->path);
    free(s->local);
    free(s->remotes);
    free(s);
}

/* a document id as a user or a reader writes it -> the form in XDOC/Q terms */
static ls_rc normalise_doc_id(const char *id, char *out, size_t cap, ls_error *err)
{
    char *num = NULL;
    if (ls_docnum_normalize(id, strlen(id), &num, NULL) == LS_OK) {
        snprintf(out, cap, "%s", num);
        free(num);
        return LS_OK;
    }
    return ls_format_normalise_value(id, 0, out, cap, err);
}

static unsigned termfreq(ls_searcher *s, const char *prefix, const char *value)
{
    char term[600];
    snprintf(term, sizeof term, "%s%s", prefix, value);
    unsigned tf = 0;
    xc_err xe;
    if (xc_db_termfreq(s->db, term, &tf, &xe)) return 0;
    return tf;
}

/* The passage stored in doc (borrowed). */
static ls_rc decode_passage(xc_doc *doc, ls_passage **out, ls_error *err)
{
    const char *data;
    size_t len;
    xc_err xe;
    return xc_doc_get_data(doc, &data, &len, &xe) ? xapian_error(err, "reading passage", &xe)
                                                  : ls_passage_decode(data, len, out, err);
}

static ls_rc fetch_passage(ls_searcher *s, unsigned docid, ls_passage **out, ls_error *err)
{
    xc_doc *doc = NULL;
    xc_err xe;
    if (xc_db_get_document(s->db, docid, &doc, &xe)) return xapian_error(err, "reading passage", &xe);
    ls_rc rc = decode_passage(doc, out, err);
    xc_doc_free(doc);
    return rc;
}

char *ls_citation_format(const ls_passage *p, const char *clause)
{
    ls_buf b = LS_BUF_INIT;
    if (p->procedure) { /* "Đăng ký khai sinh (thủ tục 1.001193)" */
        const char *code = p->doc_id ? p->doc_id + strlen(LS_PROCEDURE_ID_PREFIX) : "?";
        if (p->doc_id && strlen(p->doc_id) < strlen(LS_PROCEDURE_ID_PREFIX)) code = p->doc_id;
        ls_buf_printf(&b, "%s (thủ tục %s)", p->doc_title ? p->doc_title : "", code);
        return ls_buf_detach(&b);
    }
    ls_cite_write_provision(&b, NULL, clause, p->article ? p->article : "?");
    ls_buf_puts(&b, " ");
    size_t provision = b.len;
    ls_cite_write_doc(&b, p->doc_type, p->doc_title, p->doc_number);
    if (b.len == provision && p->doc_id) ls_buf_puts(&b, p->doc_id);
    if (b.len == provision) b.data[--b.len] = '\0';
    if (ls_buf_error(&b)) {
        ls_buf_free(&b);
        return NULL;
    }
    return ls_buf_detach(&b);
}

/* The cover record in doc's value slot into *rec (its spans too when
 * with_spans); non-zero when it has none (an index of an older format) or
 * one of another version. */
static ls_rc doc_cover(xc_doc *doc, int with_spans, ls_cover *rec)
{
    const char *val = NULL;
    size_t len = 0;
    xc_err xe;
    if (xc_doc_get_value(doc, LS_SLOT_COVER, &val, &len, &xe) || !len) return LS_ERR_NOTFOUND;
    return with_spans ? ls_cover_decode(val, len, rec, NULL)
                      : ls_cover_decode_tokens(val, len, rec, NULL);
}

/* The passage docid and its cover record (*has_rec 0 when it has none),
 * from doc (borrowed: docid's document read already) or read now. */
static ls_rc fetch_hit(ls_searcher *s, unsigned docid, xc_doc *doc, ls_passage **out,
                       ls_cover *rec, int *has_rec, ls_error *err)
{
    xc_doc *own = NULL;
    xc_err xe;
    if (!doc && xc_db_get_document(s->db, docid, &own, &xe))
        return xapian_error(err, "reading passage", &xe);
    if (!doc) doc = own;
    *has_rec = doc_cover(doc, 1, rec) == LS_OK;
    ls_rc rc = decode_passage(doc, out, err);
    xc_doc_free(own);
    if (rc && *has_rec) {
        ls_cover_free(rec);
        *has_rec = 0;
    }
    return rc;
}

static void free_hits(ls_hit *hits, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ls_hit *h = &hits[i];
        free(h->passage_id);
        ls_passage_free(h->passage);
        free(h->citation);
        free(h->matched_clause);
        free(h->snippet);
    }
    free(hits);
}

int ls_kind_parse(const char *name)
{
    static const char *const names[] = {"default", "article", "procedure", "all"};
    for (int i = 0; name && i < 4; i++)
        if (strcmp(name, names[i]) == 0) return i;
    if (name && strcmp(name, "articles") == 0) return LS_KIND_ARTICLE;
    if (name && strcmp(name, "procedures") == 0) return LS_KIND_PROCEDURE;
    return -1;
}

/* A hit for docid; `passage` (may be NULL: then it is read, from doc when
 * that is docid's document, borrowed) becomes the hit's. */
static ls_rc make_hit(ls_searcher *s, const ls_plan *plan, unsigned docid, xc_doc *doc,
                      ls_passage *passage, double score, unsigned rank, ls_hit *hit,
                      ls_error *err)
{
    memset(hit, 0, sizeof *hit);
    hit->rank = rank;
    hit->score = score;
    hit->passage = passage;
    ls_cover rec;
    int has_rec = 0;
    ls_rc rc = passage ? LS_OK : fetch_hit(s, docid, doc, &hit->passage, &rec, &has_rec, err);
    if (rc) return rc;
    ls_passage *p = hit->passage;
    rc = ls_snippet_make(plan, p, has_rec ? &rec : NULL, SNIPPET_BYTES, &hit->snippet,
                         &hit->matched_clause, err);
    if (has_rec) ls_cover_free(&rec);
    if (rc) return rc;
    if (plan->clause && plan->doc_id && rank == 1 && !hit->matched_clause)
        hit->matched_clause = strdup(plan->clause);
    hit->citation = ls_citation_format(p, hit->matched_clause);
    ls_buf id = LS_BUF_INIT;
    ls_buf_printf(&id, "%s#%s", p->doc_id ? p->doc_id : "", p->article ? p->article : "");
    hit->passage_id = ls_buf_detach(&id);
    if (!hit->citation || !hit->passage_id) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    return LS_OK;
}

static char *describe_plan(const ls_plan *plan, const ls_search_request *req)
{
    ls_buf b = LS_BUF_INIT;
    for (size_t i = 0; i < plan->nterms; i++) {
        if (plan->terms[i].filler) continue;
        ls_buf_printf(&b, "%s%s", b.len ? " " : "", plan->terms[i].term);
    }
    if (plan->doc_id) {
        ls_buf_printf(&b, "%scitation: %s%s%s", b.len ? "; " : "", plan->doc_id,
                      plan->article ? " điều " : "", plan->article ? plan->article : "");
    }
    if (!plan->any_marks && plan->nterms) ls_buf_printf(&b, "%s(no diacritics: folded)", b.len ? " " : "");
    const struct { const char *name, *val; } f[] = {
        {"type", req->type}, {"issuer", req->issuer}, {"from", req->from}, {"to", req->to}};
    for (size_t i = 0; i < 4; i++)
        if (f[i].val && *f[i].val) ls_buf_printf(&b, "; %s=%s", f[i].name, f[i].val);
    if (req->in_force) ls_buf_puts(&b, "; in force");
    if (req->kind == LS_KIND_PROCEDURE) ls_buf_puts(&b, "; procedures");
    if (req->kind == LS_KIND_ALL) ls_buf_puts(&b, "; articles and procedures");
    if (req->level && *req->level) ls_buf_printf(&b, "; level=%s", req->level);
    if (req->field && *req->field) ls_buf_printf(&b, "; field=%s", req->field);
    if (req->as_of && *req->as_of) ls_buf_printf(&b, "; as of %s", req->as_of);
    return ls_buf_detach(&b);
}

/* The ranking query of plan (*out NULL when it has no parts). Unless
 * `plain` (every part ORed), a common word or pair may only add (build.h,
 * maybe): then *narrowed is 1, and a match that came out shorter than the
 * candidates wanted (a filter, a cited document) is asked again plain
 * (search_once). One per search serves the articles and the procedures. */
static ls_rc rank_query(ls_searcher *s, const ls_plan *plan, int plain, xc_query **out,
                        int *narrowed, ls_error *err)
{
    ls_weights w = s->weights;
    if (plain) w.maybe = 0;
    if (narrowed) *narrowed = w.maybe > 0;
    return ls_query_rank(plan, &w, s->db, out, err);
}

/* The query of req: rank (borrowed; may be NULL), the cited-document filter
 * and the request's filters combined into one. */
static ls_rc final_query(const ls_plan *plan, const ls_search_request *req, int doc_known,
                         const xc_query *rank, xc_query **out, ls_error *err)
{
    *out = NULL;
    xc_query *filter = NULL, *q = NULL;
    ls_rc rc = ls_query_filter(req, &filter, err);
    xc_err xe = {0};
    if (!rc && doc_known) {
        char term[600];
        snprintf(term, sizeof term, "%s%s", LS_PREFIX_DOC, plan->doc_id);
        xc_query *docq = xc_query_term(term, 0, 0, &xe);
        if (filter && docq) {
            xc_query *both[2] = {filter, docq};
            xc_query *f = xc_query_combine(XC_OP_AND, both, 2, 0, &xe);
            xc_query_free(filter);
            xc_query_free(docq);
            filter = f;
        } else if (docq) {
            filter = docq;
        }
        if (!filter) rc = xapian_error(err, "building the query", &xe);
    }
    if (!rc && filter) {
        xc_query *base = rank ? xc_query_copy(rank, &xe) : xc_query_match_all(&xe);
        xc_query *pair[2] = {base, filter};
        q = base ? xc_query_combine(XC_OP_FILTER, pair, 2, 0, &xe) : NULL;
        xc_query_free(base);
        if (!q) rc = xapian_error(err, "building the query", &xe);
    } else if (!rc && rank) {
        if (!(q = xc_query_copy(rank, &xe))) rc = xapian_error(err, "building the query", &xe);
    }
    xc_query_free(filter);
    *out = q;
    return rc;
}

static ls_rc check_request(const ls_search_request *req, size_t *len, ls_error *err)
{
    if (!req->query) return ls_error_set(err, LS_ERR_ARG, "the question is missing");
    *len = req->query_len ? req->query_len : strlen(req->query);
    if (*len > QUERY_MAX_BYTES)
        return ls_error_set(err, LS_ERR_LIMIT, "the question is %zu bytes; the limit is %d",
                            *len, QUERY_MAX_BYTES);
    size_t bad;
    if (!ls_utf8_valid(req->query, *len, &bad))
        return ls_error_set(err, LS_ERR_UTF8, "the question is not valid UTF-8 (byte %zu)", bad);
    if (req->limit > LIMIT_MAX)
        return ls_error_set(err, LS_ERR_ARG, "limit %u is out of range (1..%d)", req->limit,
                            LIMIT_MAX);
    if (req->offset > 100000)
        return ls_error_set(err, LS_ERR_ARG, "offset %u is out of range (0..100000)", req->offset);
    char day[11];
    return ls_as_of_date(req->as_of, day, err);
}

/* doc's (borrowed) cover record without spans into *rec, or one made from
 * its passage (an index without them), which is then decoded into
 * *passage (the caller's to free). */
static ls_rc doc_cover_or_made(xc_doc *doc, ls_passage **passage, ls_cover *rec)
{
    if (doc_cover(doc, 0, rec) == LS_OK) return LS_OK; /* coverage reads no spans */
    ls_error one = {0};
    ls_rc rc = decode_passage(doc, passage, &one);
    ls_buf b = LS_BUF_INIT;
    const ls_passage *p = *passage;
    if (!rc) rc = ls_cover_encode_texts(p->heading, p->doc_title, p->text, p->text_len, &b, &one);
    if (!rc) rc = ls_cover_decode(b.data, b.len, rec, &one);
    ls_buf_free(&b);
    return rc;
}

/* An MSet's documents, each read once for the second stage, the prior,
 * the hits and the confidence (an xc_doc keeps the values and data it has
 * read: a cover record read for coverage is not read again for a hit). */
typedef struct placed {
    const xc_mset *ms;
    xc_doc **docs; /* by MSet place; NULL: not read yet (or no room to keep) */
} placed;

static void placed_init(placed *pl, const xc_mset *ms)
{
    pl->ms = ms;
    pl->docs = calloc(xc_mset_size(ms) ? xc_mset_size(ms) : 1, sizeof *pl->docs);
}

static void placed_free(placed *pl)
{
    for (size_t i = 0; pl->docs && i < xc_mset_size(pl->ms); i++) xc_doc_free(pl->docs[i]);
    free(pl->docs);
}

/* The document at place i (borrowed from pl), NULL when it cannot be read
 * (or kept: then *spare, the caller's to free, holds it). */
static xc_doc *placed_doc(placed *pl, size_t i, xc_doc **spare)
{
    if (pl->docs && pl->docs[i]) return pl->docs[i];
    xc_doc *doc = NULL;
    xc_err xe;
    if (xc_mset_document(pl->ms, i, &doc, &xe)) return NULL;
    if (pl->docs) pl->docs[i] = doc;
    else *spare = doc;
    return doc;
}

/* The document of docid when the MSet holds it (as placed_doc), else NULL. */
static xc_doc *placed_find(placed *pl, unsigned docid, xc_doc **spare)
{
    for (size_t i = 0; i < xc_mset_size(pl->ms); i++)
        if (xc_mset_docid(pl->ms, i) == docid) return placed_doc(pl, i, spare);
    return NULL;
}

/* ls_candidate_loader over an MSet (a placed): the candidate's cover
 * record, or one made from its passage (an index without them) */
static ls_rc load_candidate(void *ctx, size_t i, ls_candidate *c, ls_cover *rec)
{
    xc_doc *spare = NULL;
    xc_doc *doc = placed_doc(ctx, i, &spare);
    ls_rc rc = doc ? doc_cover_or_made(doc, &c->passage, rec) : LS_ERR_INDEX;
    xc_doc_free(spare);
    return rc;
}

/* ls_prior_id_fn over an MSet (a placed): the candidate's document id,
 * from its value slot */
static int candidate_doc_id(void *ctx, const ls_candidate *c, char *buf, size_t cap)
{
    xc_doc *spare = NULL;
    xc_doc *doc = placed_find(ctx, c->docid, &spare);
    xc_err xe;
    const char *v;
    size_t len = 0;
    int ok = doc && !xc_doc_get_value(doc, LS_SLOT_DOC_ID, &v, &len, &xe) && len > 0 && len < cap;
    if (ok) {
        memcpy(buf, v, len);
        buf[len] = '\0';
    }
    xc_doc_free(spare);
    return ok;
}

/* The confidence features of the ranking (confidence.h): its first scores,
 * the cited article first, their documents, and its first passage (read
 * when the page starts further down). */
static void rate_first(ls_searcher *s, const ls_plan *plan, const ls_candidate *cands, size_t n,
                       placed *pl, unsigned pinned, unsigned offset, ls_results *res)
{
    ls_confidence_head head = {0};
    char id[256], first_id[256] = "";
    if (pinned) {
        head.doc[0] = ls_hash_bytes(plan->doc_id, strlen(plan->doc_id));
        head.first_doc = plan->doc_id;
        head.score[head.n++] = n ? cands[0].score + 1 : 1;
    }
    for (size_t i = 0; i < n && head.n < LS_CF_HEAD; i++)
        if (cands[i].docid != pinned) {
            if (candidate_doc_id(pl, &cands[i], id, sizeof id)) {
                head.doc[head.n] = ls_hash_bytes(id, strlen(id));
                if (head.n == 0) {
                    memcpy(first_id, id, sizeof id);
                    head.first_doc = first_id;
                }
            }
            head.score[head.n++] = cands[i].score;
        }
    ls_passage *own = NULL;
    const ls_passage *first = offset == 0 && res->nhits ? res->hits[0].passage : NULL;
    ls_error one = {0};
    unsigned docid = pinned ? pinned : n ? cands[0].docid : 0;
    xc_doc *spare = NULL, *read = NULL;
    xc_doc *doc = head.n ? placed_find(pl, docid, &spare) : NULL;
    xc_err xe;
    if (!doc && head.n && !xc_db_get_document(s->db, docid, &read, &xe)) doc = read;
    if (!first && doc && !decode_passage(doc, &own, &one)) first = own;
    /* its words as the second stage reads them: the cover record, not the
     * text analysed again (that cost 2.4% of a search) */
    ls_cover rec;
    ls_passage *made = NULL;
    int has_rec = first && doc && doc_cover_or_made(doc, &made, &rec) == LS_OK;
    ls_confidence_features_of(s->db, plan, &head, first, has_rec ? &rec : NULL, pinned != 0,
                              &res->features);
    if (has_rec) ls_cover_free(&rec);
    ls_passage_free(made);
    ls_passage_free(own);
    xc_doc_free(spare);
    xc_doc_free(read);
}

/* How many candidates a match is asked for: the second stage's depth, or
 * the page and one more when that is further. */
static unsigned fetch_size(const ls_searcher *s, const ls_search_request *req, unsigned pinned)
{
    unsigned limit = req->limit ? req->limit : 10;
    unsigned first = req->offset;
    if (pinned && first > 0) first--;
    unsigned want = first + limit + 1;
    unsigned depth = s->weights.cover > 0 ? (unsigned)s->weights.depth : 0;
    return depth > want ? depth : want;
}

/* The least first-stage weight from which the second stage and the prior
 * can raise a score to min_score: what weighs less is not matched at all
 * (the matcher skips it). */
static double first_stage_floor(const ls_searcher *s, const ls_plan *plan, double min_score)
{
    return min_score / (ls_rerank_most_gain(plan, &s->weights) * ls_prior_most());
}

/* min_score >= 0: a side list (the procedures beside the articles): only
 * the hits that reach it are built (decoding a passage is most of a hit's
 * cost), and no confidence features are read. A match estimated at fewer
 * than redo_below passages is asked again plain by the caller (search_once):
 * only its estimate is set, no hit is built. */
static ls_rc run_query(ls_searcher *s, const ls_search_request *req, const ls_plan *plan,
                       xc_query *q, unsigned pinned, double min_score, double deadline,
                       unsigned redo_below, ls_results *res, ls_error *err)
{
    unsigned limit = req->limit ? req->limit : 10;
    unsigned first = req->offset;
    if (pinned && first > 0) first--;
    xc_enquire *enq = NULL;
    xc_mset *ms = NULL;
    xc_err xe;
    ls_rc rc = LS_OK;
    /* no collapse unless asked: the answer to a question is usually one
     * law's articles side by side (collapsing 3 per document cost 0.03
     * R@10 on zalo-dev, 0.05 on alqac) */
    unsigned per_doc = req->per_document ? req->per_document : UINT_MAX;
    if (plan->doc_id && pinned) per_doc = UINT_MAX;
    /* the second stage reorders the first `depth` candidates; pages past
     * them follow the first-stage order */
    unsigned want = first + limit + 1;
    /* the confidence reads the first LS_CF_HEAD places: as a first page of
     * that many ranks them, whatever the page (the pruning of the second
     * stage makes places near `want` depend on it) */
    if (min_score < 0 && want < LS_CF_HEAD + 1) want = LS_CF_HEAD + 1;
    unsigned depth = s->weights.cover > 0 ? (unsigned)s->weights.depth : 0;
    unsigned fetch = fetch_size(s, req, pinned);
    ls_candidate *cands = NULL;
    placed pl = {0};
    if (xc_enquire_new(s->db, &enq, &xe) || xc_enquire_set_query(enq, q, &xe) ||
        xc_enquire_set_bm25(enq, s->weights.bm25_k1, 0, 1, s->weights.bm25_b, 0.5, &xe) ||
        (per_doc != UINT_MAX && xc_enquire_set_collapse(enq, LS_SLOT_DOC_ID, per_doc, &xe)) ||
        /* a cut match skips the second stage: its first `want` are all it needs */
        (s->budget_ms > 0 &&
         xc_enquire_set_deadline(enq, deadline, want, LS_SLOT_DOC_ID, &xe)) ||
        (min_score > 0 && xc_enquire_set_cutoff(enq, first_stage_floor(s, plan, min_score), &xe)) ||
        xc_enquire_get_mset(enq, 0, fetch, fetch, &ms, &xe)) {
        rc = xapian_error(err, "searching", &xe);
        goto done;
    }
    size_t n = xc_mset_size(ms);
    placed_init(&pl, ms);
    res->estimated = xc_mset_estimated(ms);
    if (res->estimated < redo_below) goto done; /* its hits would be thrown away */
    res->hits = calloc(limit + 1, sizeof *res->hits);
    cands = calloc(n ? n : 1, sizeof *cands);
    if (!res->hits || !cands) {
        rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        cands[i].docid = xc_mset_docid(ms, i);
        cands[i].score = xc_mset_weight(ms, i);
    }
    /* the second stage reads its candidates' cover records; the places
     * past `want` need not be exact. One fetch for the block (one round
     * trip to remote shards); passages are decoded only for the hits. */
    /* a match ended at the deadline (xc.h) has the best it had weighed */
    if (xc_mset_cut(ms) || past_budget(s, deadline)) res->partial = 1; /* no second stage */
    else {
        xc_mset_fetch(ms, 0, fetch);
        ls_rerank_by_coverage(plan, &s->weights, s->db, depth, want, cands, n, load_candidate,
                              &pl);
        if (s->weights.prior > 0) ls_prior_apply(cands, n, depth, want, candidate_doc_id, &pl);
    }
    unsigned rank = req->offset + 1;
    if (pinned && req->offset == 0) {
        xc_doc *spare = NULL;
        rc = make_hit(s, plan, pinned, placed_find(&pl, pinned, &spare), NULL, 0, rank++,
                      &res->hits[res->nhits++], err);
        xc_doc_free(spare);
    }
    for (size_t i = first; i < n && !rc && res->nhits < limit; i++) {
        if (cands[i].docid == pinned) continue;
        if (cands[i].score < min_score) break; /* sorted: none after it reaches it */
        if (res->nhits && past_budget(s, deadline)) { /* at least one hit */
            res->partial = 1;
            break;
        }
        ls_passage *p = cands[i].passage;
        cands[i].passage = NULL;
        xc_doc *spare = NULL;
        xc_doc *doc = p ? NULL : placed_find(&pl, cands[i].docid, &spare);
        rc = make_hit(s, plan, cands[i].docid, doc, p, cands[i].score, rank++,
                      &res->hits[res->nhits++], err);
        xc_doc_free(spare);
    }
    if (pinned && res->nhits && res->hits[0].score == 0 && res->nhits > 1)
        res->hits[0].score = res->hits[1].score + 1; /* the cited article outranks the rest */
    if (!rc && min_score < 0) rate_first(s, plan, cands, n, &pl, pinned, req->offset, res);
done:
    for (size_t i = 0; cands && i < xc_mset_size(ms); i++) ls_passage_free(cands[i].passage);
    free(cands);
    placed_free(&pl);
    xc_mset_free(ms);
    xc_enquire_free(enq);
    return rc;
}

/* A procedure is shown beside the articles when its score reaches this
 * share of the best article's (BM25 over one index: comparable scales).
 * Measured on pháp điển + tthc in one index (search --kind all): at 0.7 a
 * card is shown for 38 of tthc-dev's 40 questions, 18 of the 25 of
 * bench/tthc-citizen.jsonl and 40 of zalo-dev's 375 legal questions (most
 * of those about a licence or a registration); at 0.8: 34, 15 and 24; at
 * 0.6: 40, 19 and 52, with more cards beside questions on the law itself. */
#define PROCEDURE_MIN_SHARE 0.7

/* rank: the articles' ranking query, not plain (rank_query; borrowed) */
static ls_rc add_procedures(ls_searcher *s, const ls_plan *plan, const xc_query *rank,
                            const ls_search_request *req, double deadline, ls_results *res,
                            ls_error *err)
{
    if (termfreq(s, LS_KIND_PROCEDURE_TERM, "") == 0) return LS_OK; /* none indexed */
    ls_search_request preq = *req;
    preq.kind = LS_KIND_PROCEDURE;
    preq.limit = LS_PROCEDURES_MAX;
    preq.per_document = 0;
    ls_results pres = {0};
    xc_query *q = NULL;
    /* a procedure is shown when it reaches a share of the best article's
     * score, which the weight cutoff makes cheap (run_query); the common
     * parts only add, as for the articles (the same procedures beside the
     * 790 questions of zalo-dev, its twin and tthc-dev as with every part
     * ORed; 60 zalo-dev questions 1,282M -> 1,263M instructions) */
    ls_rc rc = final_query(plan, &preq, 0, rank, &q, err);
    /* the second stage over a shallower list: only the first few can be
     * shown (zalo-dev's 375 questions: 6.2 -> 5.7 s CPU with depth 8) */
    ls_weights saved = s->weights;
    if (s->weights.depth > 2 * (LS_PROCEDURES_MAX + 1)) s->weights.depth = 2 * (LS_PROCEDURES_MAX + 1);
    double best = res->nhits ? res->hits[0].score : 0;
    if (!rc && q && !past_budget(s, deadline))
        rc = run_query(s, &preq, plan, q, 0, PROCEDURE_MIN_SHARE * best, deadline, 0, &pres, err);
    s->weights = saved;
    xc_query_free(q);
    for (size_t i = 0; !rc && i < pres.nhits; i++) {
        if (pres.hits[i].score < PROCEDURE_MIN_SHARE * best) continue;
        if (!res->procedures && !(res->procedures = calloc(LS_PROCEDURES_MAX, sizeof *res->procedures))) {
            rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
            break;
        }
        ls_hit *h = &res->procedures[res->nprocedures++];
        *h = pres.hits[i];
        h->rank = (unsigned)res->nprocedures;
        memset(&pres.hits[i], 0, sizeof pres.hits[i]);
    }
    free_hits(pres.hits, pres.nhits);
    return rc;
}

static ls_card_resolver card_resolver;   /* set once, before any search */

void ls_search_set_card_resolver(ls_card_resolver fn) { card_resolver = fn; }

/* The legal bases of the procedures handed out, resolved against the index
 * as of the request's date (only theirs: a search reads more candidates
 * than it keeps), by the resolver the layer above installed. */
static ls_rc resolve_bases(ls_searcher *s, const char *as_of, ls_results *res, ls_error *err)
{
    ls_rc rc = LS_OK;
    if (!card_resolver) return LS_OK;
    for (size_t i = 0; !rc && i < res->nhits; i++)
        if (res->hits[i].passage->procedure)
            rc = card_resolver(s, &res->hits[i].passage->procedure, as_of, err);
    for (size_t i = 0; !rc && i < res->nprocedures; i++)
        rc = card_resolver(s, &res->procedures[i].passage->procedure, as_of, err);
    return rc;
}

static ls_rc search_once(ls_searcher *s, const ls_search_request *req, ls_results **out,
                         ls_error *err)
{
    *out = NULL;
    size_t len = 0;
    double deadline = now_ms() + s->budget_ms;
    ls_rc rc = check_request(req, &len, err);
    if (rc) return rc;
    xc_err xe;
    if (xc_db_reopen(s->db, NULL, &xe)) return xapian_error(err, "reopening the index", &xe);
    ls_plan *plan = NULL;
    if ((rc = ls_plan_build(req->query, len, &plan, err))) return rc;
    if (plan->nterms == 0) {
        ls_plan_free(plan);
        return ls_error_set(err, LS_ERR_ARG, "the question has no words to search for");
    }
    if (plan->nterms > QUERY_MAX_TERMS) {
        size_t n = plan->nterms;
        ls_plan_free(plan);
        return ls_error_set(err, LS_ERR_LIMIT, "the question has %zu words; the limit is %d", n,
                            QUERY_MAX_TERMS);
    }
    if (s->weights.synonyms > 0 && (rc = ls_plan_expand(plan, s->db, err))) {
        ls_plan_free(plan);
        return rc;
    }
    ls_results *res = calloc(1, sizeof *res);
    if (!res) {
        ls_plan_free(plan);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    if (!rc) rc = ls_resolve_short_citation(s->db, plan, req->query, len, err);
    if (rc) {
        ls_plan_free(plan);
        free(res);
        return rc;
    }
    int doc_known = plan->doc_id && termfreq(s, LS_PREFIX_DOC, plan->doc_id) > 0;
    unsigned pinned = 0;
    if (doc_known && plan->article) {
        char term[600];
        snprintf(term, sizeof term, "%s%s#%s", LS_PREFIX_ARTICLE, plan->doc_id, plan->article);
        if (xc_db_find_by_term(s->db, term, &pinned, &xe)) pinned = 0;
    }
    xc_query *rank = NULL, *q = NULL;
    res->kind = req->kind;
    int narrowed = 0;
    rc = rank_query(s, plan, 0, &rank, &narrowed, err);
    if (!rc) rc = final_query(plan, req, doc_known, rank, &q, err);
    unsigned wanted = fetch_size(s, req, pinned);
    if (!rc && q)
        rc = run_query(s, req, plan, q, pinned, -1, deadline, narrowed ? wanted : 0, res, err);
    if (!rc && q && narrowed && res->estimated < wanted) {
        /* fewer matches than candidates wanted: every part ORed finds more */
        free_hits(res->hits, res->nhits);
        res->hits = NULL;
        res->nhits = 0;
        res->estimated = 0;
        res->partial = 0;
        memset(&res->features, 0, sizeof res->features);
        xc_query_free(q);
        q = NULL;
        xc_query *plain = NULL;
        rc = rank_query(s, plan, 1, &plain, NULL, err);
        if (!rc) rc = final_query(plan, req, doc_known, plain, &q, err);
        xc_query_free(plain);
        if (!rc && q) rc = run_query(s, req, plan, q, pinned, -1, deadline, 0, res, err);
    }
    xc_query_free(q);
    /* the default: procedures that match well, beside the articles (not
     * for a cited document, nor on later pages) */
    if (!rc && req->kind == LS_KIND_DEFAULT && !doc_known && req->offset == 0)
        rc = add_procedures(s, plan, rank, req, deadline, res, err);
    xc_query_free(rank);
    if (!rc) rc = resolve_bases(s, req->as_of && *req->as_of ? req->as_of : NULL, res, err);
    char day[11];   /* the hits' statuses as of the date (as_of.h) */
    if (!rc && !(rc = ls_as_of_date(req->as_of, day, err))) rc = ls_as_of_restate(s->db, day, res, err);
    if (!rc) rc = ls_notice_make(s->db, plan, req->query, doc_known, pinned != 0, &res->notice,
                                 err);
    if (!rc) {
        res->features.missing = res->notice != NULL;
        res->confidence = ls_confidence_of(&res->features);
        double min = req->min_confidence ? req->min_confidence : LS_MIN_CONFIDENCE;
        res->no_answer = res->confidence < min;
    }
    if (!rc) {
        res->understood = describe_plan(plan, req);
        if (!res->understood) rc = ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    if (!rc && past_budget(s, deadline)) res->partial = 1; /* no suggestion */
    else if (!rc) rc = ls_suggest_accents(s->db, plan, req->query, len, &res->suggestion, err);
    ls_plan_free(plan);
    if (rc) {
        ls_results_free(res);
        return rc;
    }
    *out = res;
    return LS_OK;
}

ls_rc ls_search(ls_searcher *s, const ls_search_request *req, ls_results **out, ls_error *err)
{
    if (!s->remotes) {
        /* Xapian keeps one old revision: a writer committing twice during
         * a search discards the one being read. Reopen and search again. */
        ls_rc rc = LS_OK;
        for (int i = 0; i < SEARCH_ATTEMPTS; i++) {
            ls_error one = {0};
            rc = search_once(s, req, out, &one);
            if (!rc) return LS_OK;
            ls_error_set(err, rc, "%s", one.msg);
            if (!strstr(one.msg, "DatabaseModifiedError")) break;
        }
        return rc;
    }
    ls_error first = {0};
    ls_rc rc = search_once(s, req, out, &first);
    if (rc != LS_ERR_INDEX) return rc ? ls_error_set(err, rc, "%s", first.msg) : LS_OK;
    /* a shard may have gone (or come back): connect afresh, each wait
     * bounded; still down -> the degraded error naming it, else retry once */
    xc_db *db = NULL;
    if ((rc = ls_remote_open(s->local, s->remotes, s->timeout_ms, &db, err))) return rc;
    xc_db_close(s->db);
    s->db = db;
    return search_once(s, req, out, err);
}

void ls_results_free(ls_results *r)
{
    if (!r) return;
    free_hits(r->hits, r->nhits);
    free_hits(r->procedures, r->nprocedures);
    free(r->understood);
    free(r->suggestion);
    free(r->notice);
    free(r);
}

ls_rc ls_searcher_get_passage(ls_searcher *s, const char *doc_id, const char *article,
                              ls_passage **out, ls_error *err)
{
    *out = NULL;
    char norm[300], term[700];
    ls_rc rc = normalise_doc_id(doc_id, norm, sizeof norm, err);
    if (rc) return rc;
    snprintf(term, sizeof term, "%s%s#%s", LS_PREFIX_ARTICLE, norm, article);
    unsigned docid;
    xc_err xe;
    xc_db_reopen(s->db, NULL, &xe);
    if (xc_db_find_by_term(s->db, term, &docid, &xe))
        return ls_error_set(err, LS_ERR_NOTFOUND, "no article %s in document %s", article, doc_id);
    return fetch_passage(s, docid, out, err);
}

ls_rc ls_searcher_get_document(ls_searcher *s, const char *doc_id, char **json, ls_error *err)
{
    *json = NULL;
    char norm[300], key[400];
    ls_rc rc = normalise_doc_id(doc_id, norm, sizeof norm, err);
    if (rc) return rc;
    ls_doc_record_key(norm, key, sizeof key);
    size_t len = 0;
    xc_err xe;
    xc_db_reopen(s->db, NULL, &xe);
    if (xc_db_get_metadata(s->db, key, json, &len, &xe))
        return xapian_error(err, "reading document", &xe);
    if (len == 0) {
        free(*json);
        *json = NULL;
        return ls_error_set(err, LS_ERR_NOTFOUND, "no document %s in the index", doc_id);
    }
    return LS_OK;
}

ls_rc ls_searcher_get_doc_record(ls_searcher *s, const char *doc_id, ls_doc_record *out,
                                 ls_error *err)
{
    memset(out, 0, sizeof *out);
    char *json = NULL;
    ls_rc rc = ls_searcher_get_document(s, doc_id, &json, err);
    if (!rc) rc = ls_doc_record_decode(json, strlen(json), out, err);
    free(json);
    return rc;
}

/* Private accessor for the other files of the query module (stats.c). */
xc_db *ls_searcher_db(ls_searcher *s) { return s->db; }

const char *ls_searcher_path(const ls_searcher *s) { return s->path; }
