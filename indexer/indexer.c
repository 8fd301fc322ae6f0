/* indexer.c — documents to Xapian passages: one per article, replaced by
 * stable id, committed in atomic batches (see indexer.h, schema.h). */
#include "indexer.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/ls_buf.h"
#include "../corpus/document_copy.h"
#include "../corpus/procedure.h"
#include "../text/analyser.h"
#include "../xapian/xc_error.h"
#include "../format/doc_record.h"
#include "../format/open_error.h"
#include "../format/passage_data.h"
#include "../format/schema.h"
#include "alias_sources.h"
#include "synonyms.h"
#include "termgen.h"
#include "../format/values.h"
#include "definitions.h"
#include "disk_room.h"
#include "cite_keys.h"
#include "relations.h"
#include "doc_links.h"
#include "sharded.h"
#include "shards.h"

#define HEADING_WEIGHT 3 /* extra wdf for heading/title terms */
#define DOC_ID_MAX 160   /* bytes of a normalised document id */

#define WRITER_LOCK_FILE "writer.lock"

/* Passages Xapian buffers before it writes their postings into its tables
 * (inside the open batch: a commit is still all or nothing). A passage
 * writes about 500 distinct terms, so Xapian's default of 10000 documents
 * means ~5M buffered postings in std::maps (~32 KB a passage, 250 MB at the
 * pháp điển's 7,000-passage batches), and most indexing time went into
 * cache misses walking them. 250 passages keep the buffer near 8 MB; README
 * "Speed, measured" has the figures. */
#define FLUSH_PASSAGES 250

struct ls_indexer {
    int lock_fd;              /* flock'ed DIR/writer.lock holding our pid */
    xc_wdb *wdb;
    char *path;
    unsigned batch_size;
    unsigned in_batch;        /* documents in the open transaction */
    int in_transaction;
    ls_index_counts counts;
    ls_buf scratch;
    ls_cover_builder cover;   /* the cover record of the passage being built */
    unsigned long long batch_growth; /* the most one commit grew the index (bytes) */
    int doc_changed;          /* a passage of the current document changed */
    int part;                 /* LS_PART_* */
    ls_restate_hook restate;  /* LS_PART_RECORDS: passages elsewhere */
    char gone_since[11];      /* of the document being added (relations.h) */
    ls_sharded *sharded;      /* a shard set: everything goes through it */
    ls_buf cover_buf;         /* the analysing thread's scratch */
    struct pipe *pipe;        /* the writer thread, when there is one */
    ls_index_counts counts_view; /* what ls_indexer_counts shows with a pipe */
    unsigned piped_in_batch;  /* documents queued since the last commit */
    int removing;             /* opened to remove only (ls_indexer_options) */
};

/* ---- the writer thread ----------------------------------------------------
 * With a pipe, ls_indexer_add analyses a document in the calling (reading)
 * thread and queues it; one writer thread completes and stores the queued
 * documents in order, so the output is what one thread writes. Every other
 * call first waits for the queue to empty (pipe_drain) and then uses the
 * database itself: the two threads never touch Xapian at once. */

typedef struct analysed analysed;

#define PIPE_PASSAGES 512 /* passages analysed ahead of the writer: bounds memory */

typedef struct pipe {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;        /* the queue or the writer's state changed */
    analysed *head, *tail;    /* queued documents, oldest first */
    size_t queued_passages;
    int busy;                 /* the writer holds a document */
    int stop;
    int discard;              /* drop what is queued (a failure, or close) */
    ls_error err;             /* the writer's failure (under mu): a bad
                                 document's until reported, else the first */
    ls_index_counts counts;   /* ix->counts after the last stored document */
} pipe_t;

static void pipe_start(ls_indexer *ix);
static void pipe_wait(pipe_t *p);
static ls_rc pipe_drain(ls_indexer *ix, ls_error *err);
static void pipe_stop(ls_indexer *ix);

static ls_rc xapian_error(ls_error *err, const char *what, const xc_err *xe)
{
    return ls_xc_error(err, what, xe);
}

/* Take the writer lock DIR/writer.lock (creating DIR), and write our pid in
 * it so a second writer can say who holds it. The kernel drops the lock when
 * the process dies, so a killed indexer never leaves a stale lock. */
static ls_rc take_writer_lock(const char *dbpath, int *fd_out, ls_error *err)
{
    *fd_out = -1;
    if (mkdir(dbpath, 0777) != 0 && errno != EEXIST)
        return ls_error_set(err, LS_ERR_IO, "%s: cannot create index directory: %s", dbpath,
                            strerror(errno));
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dbpath, WRITER_LOCK_FILE);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
        return ls_error_set(err, LS_ERR_IO, "%s: cannot open lock file: %s", path, strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char pid[32] = "";
        ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
        pid[n > 0 ? n : 0] = '\0';
        pid[strcspn(pid, "\n")] = '\0';
        close(fd);
        return ls_error_set(err, LS_ERR_LOCKED, "%s: index is locked by pid %s (another indexer "
                            "is writing; try again when it has finished)", dbpath,
                            pid[0] ? pid : "?");
    }
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
        close(fd);
        return ls_error_set(err, LS_ERR_IO, "%s: cannot write lock file", path);
    }
    *fd_out = fd;
    return LS_OK;
}

/* The index's format mark (schema.h): a new or overwritten index gets this
 * binary's; an index of another format is refused (a newer one, and for
 * adding an older one: open_error.h), but a remover opens an older one as
 * it is and leaves its mark. A part of a shard set is named by the set. */
static ls_rc mark_format(ls_indexer *ix, int overwrite, ls_error *err)
{
    char name[4096];
    snprintf(name, sizeof name, "%s", ix->path);
    char *slash = strrchr(name, '/');
    if (ix->part != LS_PART_ALL && slash && slash != name) *slash = '\0'; /* DIR/meta */
    char *mark = NULL;
    size_t len = 0;
    xc_err xe;
    if (!overwrite && xc_wdb_get_metadata(ix->wdb, LS_METADATA_FORMAT, &mark, &len, &xe))
        return xapian_error(err, "reading index metadata", &xe);
    ls_rc rc = len && ix->removing ? ls_index_format_check(name, mark, len, err)
                                   : ls_index_format_writable(name, mark, len, err);
    free(mark);
    if (rc || (len && ix->removing)) return rc;
    if (xc_wdb_set_metadata(ix->wdb, LS_METADATA_FORMAT, LS_INDEX_FORMAT_VERSION,
                            strlen(LS_INDEX_FORMAT_VERSION), &xe))
        return xapian_error(err, "writing index metadata", &xe);
    return len ? LS_OK : ls_alias_sources_start(ix->wdb, err); /* a new index */
}

ls_rc ls_indexer_open(const char *dbpath, const ls_indexer_options *opts,
                      ls_indexer **out, ls_error *err)
{
    *out = NULL;
    ls_indexer *ix = calloc(1, sizeof *ix);
    if (!ix || !(ix->path = strdup(dbpath))) {
        free(ix);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    ix->lock_fd = -1;
    if ((opts && opts->shards > 1) || ls_shards_count(dbpath)) {
        ls_rc shrc = ls_sharded_open(dbpath, opts ? opts->shards : 0, opts, &ix->sharded, err);
        if (shrc) ls_indexer_close(ix);
        else *out = ix;
        return shrc;
    }
    ix->part = opts ? opts->part : LS_PART_ALL;
    if (opts && ix->part == LS_PART_RECORDS) ix->restate = opts->restate;
    ls_rc lrc = take_writer_lock(dbpath, &ix->lock_fd, err);
    if (lrc) {
        ls_indexer_close(ix);
        return lrc;
    }
    ix->batch_size = opts && opts->batch_size ? opts->batch_size : 1000;
    xc_err xe;
    int mode = opts && opts->overwrite ? XC_WDB_CREATE_OR_OVERWRITE : XC_WDB_CREATE_OR_OPEN;
    if (xc_wdb_open_flushing(dbpath, mode, FLUSH_PASSAGES, &ix->wdb, &xe)) {
        ls_rc rc = ls_index_write_error(dbpath, &xe, err);
        ls_indexer_close(ix);
        return rc;
    }
    ix->removing = opts && opts->removing;
    ls_rc frc = mark_format(ix, opts && opts->overwrite, err);
    if (frc) {
        ls_indexer_close(ix);
        return frc;
    }
    ls_rc src = ix->part == LS_PART_PASSAGES || ix->removing ? LS_OK /* as they are */
                                                            : ls_synonyms_install(ix->wdb, err);
    if (src) {
        ls_indexer_close(ix);
        return src;
    }
    if (ix->part == LS_PART_ALL && !(opts && opts->one_thread)) pipe_start(ix);
    *out = ix;
    return LS_OK;
}

/* This writer keeps relations and derives statuses: one index, or a set's
 * records with a hook to the passages. */
static int keeps_relations(const ls_indexer *ix)
{
    return ix->part == LS_PART_ALL || (ix->part == LS_PART_RECORDS && ix->restate.fn);
}

static ls_rc begin_batch(ls_indexer *ix, ls_error *err)
{
    if (ix->in_transaction) return LS_OK;
    xc_err xe;
    if (xc_wdb_begin_transaction(ix->wdb, &xe)) return xapian_error(err, "begin batch", &xe);
    ix->in_transaction = 1;
    ix->in_batch = 0;
    return LS_OK;
}

ls_rc ls_indexer_commit_marked(ls_indexer *ix, unsigned long mark, ls_error *err)
{
    if (ix->sharded) return ls_sharded_commit(ix->sharded, err); /* marks its own */
    ls_rc rc = pipe_drain(ix, err);
    if (rc) return rc;
    char v[32];
    snprintf(v, sizeof v, "%lu", mark);
    xc_err xe;
    if (xc_wdb_set_metadata(ix->wdb, LS_METADATA_SET_COMMIT, v, strlen(v), &xe))
        return xapian_error(err, "marking the commit", &xe);
    return ls_indexer_commit(ix, err);
}

unsigned long ls_indexer_commit_mark(ls_indexer *ix)
{
    char *v = NULL;
    size_t len = 0;
    xc_err xe;
    if (ix->pipe) { /* a failure stays for the next add or commit */
        pthread_mutex_lock(&ix->pipe->mu);
        pipe_wait(ix->pipe);
        pthread_mutex_unlock(&ix->pipe->mu);
    }
    if (!ix->wdb || xc_wdb_get_metadata(ix->wdb, LS_METADATA_SET_COMMIT, &v, &len, &xe)) return 0;
    unsigned long mark = len ? strtoul(v, NULL, 10) : 0;
    free(v);
    return mark;
}

static ls_rc commit_batch(ls_indexer *ix, ls_error *err);

ls_rc ls_indexer_commit(ls_indexer *ix, ls_error *err)
{
    if (ix->sharded) return ls_sharded_commit(ix->sharded, err);
    ls_rc rc = pipe_drain(ix, err);
    ix->piped_in_batch = 0;
    return rc ? rc : commit_batch(ix, err);
}

/* Commit the open batch (the thread that stores: the writer's own commits
 * at the end of a batch, or the caller's once the queue is empty). */
static ls_rc commit_batch(ls_indexer *ix, ls_error *err)
{
    xc_err xe;
    if (!ix->in_transaction) { /* metadata and synonyms written at open */
        if (xc_wdb_commit(ix->wdb, &xe)) return xapian_error(err, "commit", &xe);
        return LS_OK;
    }
    /* twice the most a batch has grown the index, free: else refuse
     * before libxapian can run out of room where it cannot recover */
    ls_rc rc = ls_disk_room_check(ix->path, 2 * ix->batch_growth, err);
    if (rc) return rc;
    unsigned long long before = ls_dir_disk_bytes(ix->path);
    ix->in_transaction = 0;
    if (xc_wdb_commit_transaction(ix->wdb, &xe))
        return xapian_error(err, "commit failed (the index keeps its last committed batch)", &xe);
    unsigned long long after = ls_dir_disk_bytes(ix->path);
    if (after > before && after - before > ix->batch_growth) ix->batch_growth = after - before;
    return LS_OK;
}

static void date_value(const char *iso, char out[9])
{
    /* "2023-04-17" -> "20230417"; anything else -> "" */
    out[0] = '\0';
    if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-') return;
    memcpy(out, iso, 4);
    memcpy(out + 4, iso + 5, 2);
    memcpy(out + 6, iso + 8, 2);
    out[8] = '\0';
}

/* A procedure's kind, level(s) ("Cấp tỉnh, Cấp xã": one term each) and
 * field as boolean terms (schema.h). */
static ls_rc add_procedure_terms(xc_doc *xd, const ls_procedure *p, ls_error *err)
{
    xc_err xe;
    if (xc_doc_add_term(xd, LS_KIND_PROCEDURE_TERM, 0, &xe)) return xapian_error(err, "indexing", &xe);
    ls_rc rc = LS_OK;
    for (const char *l = p->level; !rc && l && *l;) {
        while (*l == ' ' || *l == ',') l++;
        size_t n = strcspn(l, ",");
        char one[200];
        snprintf(one, sizeof one, "%.*s", (int)n, l);
        while (n && one[n - 1] == ' ') one[--n] = '\0';
        if (n) rc = ls_termgen_add_boolean(xd, LS_PREFIX_LEVEL, one, 1, err);
        l += strcspn(l, ",");
    }
    if (!rc && p->field) rc = ls_termgen_add_boolean(xd, LS_PREFIX_FIELD, p->field, 1, err);
    return rc == LS_ERR_LIMIT ? LS_OK : rc; /* an overlong field name is no filter */
}

static ls_rc add_metadata_terms(xc_doc *xd, const ls_document *doc, const ls_article *a,
                                const char *id_norm, ls_error *err)
{
    xc_err xe;
    char term[512];
    snprintf(term, sizeof term, "%s%s#%s", LS_PREFIX_ARTICLE, id_norm, a->number);
    if (xc_doc_add_term(xd, term, 0, &xe)) return xapian_error(err, "indexing", &xe);
    snprintf(term, sizeof term, "%s%s", LS_PREFIX_DOC, id_norm);
    if (xc_doc_add_term(xd, term, 0, &xe)) return xapian_error(err, "indexing", &xe);
    ls_rc rc = LS_OK;
    if (doc->type) rc = ls_termgen_add_boolean(xd, LS_PREFIX_TYPE, doc->type, 1, err);
    if (!rc && doc->issuer) rc = ls_termgen_add_boolean(xd, LS_PREFIX_ISSUER, doc->issuer, 1, err);
    if (!rc && doc->issued && strlen(doc->issued) >= 4) {
        char year[5];
        memcpy(year, doc->issued, 4);
        year[4] = '\0';
        rc = ls_termgen_add_boolean(xd, LS_PREFIX_YEAR, year, 0, err);
    }
    const char *status = ls_status_code(doc->status);
    if (!rc) rc = ls_termgen_add_boolean(xd, LS_PREFIX_STATUS, status, 0, err);
    if (!rc && doc->procedure) rc = add_procedure_terms(xd, doc->procedure, err);
    if (rc) return rc;

    char date[9];
    struct { unsigned slot; const char *val; } values[5];
    size_t nv = 0;
    values[nv].slot = LS_SLOT_DOC_ID, values[nv++].val = id_norm;
    values[nv].slot = LS_SLOT_ARTICLE, values[nv++].val = a->number;
    values[nv].slot = LS_SLOT_STATUS, values[nv++].val = status;
    for (size_t i = 0; i < nv; i++)
        if (xc_doc_set_value(xd, values[i].slot, values[i].val, strlen(values[i].val), &xe))
            return xapian_error(err, "indexing", &xe);
    date_value(doc->issued, date);
    if (date[0] && xc_doc_set_value(xd, LS_SLOT_ISSUED, date, 8, &xe))
        return xapian_error(err, "indexing", &xe);
    date_value(doc->effective, date);
    if (date[0] && xc_doc_set_value(xd, LS_SLOT_EFFECTIVE, date, 8, &xe))
        return xapian_error(err, "indexing", &xe);
    return LS_OK;
}

/* The article's own reference as the analyser spells it ("điều 5a"), so
 * "Điều 9 Luật Cư trú" meets article 9 of the law and not the articles that
 * merely mention an "Điều 9". */
#define OWN_REFERENCE_WDF 5
static int first_token_term(void *ctx, const ls_token *tok)
{
    snprintf(ctx, 64, "%.*s", (int)tok->term_len, tok->term);
    return 1;
}

static ls_rc add_own_reference(xc_doc *xd, const char *number, ls_error *err)
{
    char label[64], term[64] = "";
    int n = snprintf(label, sizeof label, "Điều %s", number);
    if (n <= 0 || (size_t)n >= sizeof label) return LS_OK;
    ls_rc rc = ls_tokenize(label, (size_t)n, LS_TOKENIZE_DOCUMENT, first_token_term, term, err);
    xc_err xe;
    if (!rc && term[0] && xc_doc_add_term(xd, term, OWN_REFERENCE_WDF, &xe))
        return xapian_error(err, "indexing", &xe);
    return rc;
}

/* The unique id term: Q<doc id>#<article>. A pháp điển article adds its
 * label (Q57/2020/qh14#1#Điều 36.3.LQ.1): one source article can stand under
 * several pháp điển articles (in different topics), and none may replace
 * another. Look-ups by citation go through XART<doc id>#<article>. */
static void passage_id_term(char *out, size_t cap, const char *id_norm, const ls_article *a)
{
    if (a->pd_label) snprintf(out, cap, "%s%s#%s#%s", LS_PREFIX_ID, id_norm, a->number, a->pd_label);
    else snprintf(out, cap, "%s%s#%s", LS_PREFIX_ID, id_norm, a->number);
}

typedef struct definition_ctx {
    ls_termgen *tg;
    ls_error *err;
    ls_rc rc;
} definition_ctx;

static int index_definition(void *ctx, const char *phrase, size_t len)
{
    definition_ctx *dc = ctx;
    dc->rc = ls_termgen_index_definition(dc->tg, phrase, len, dc->err);
    return dc->rc != LS_OK;
}

/* Whether two stored JSON records say the same (a restated status may have
 * moved a key: relations.h). */
static int same_json(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen == blen && (alen == 0 || memcmp(a, b, alen) == 0)) return 1;
    json_t *ja = json_loadb(a, alen, 0, NULL), *jb = json_loadb(b, blen, 0, NULL);
    int same = ja && jb && json_equal(ja, jb);
    json_decref(ja);
    json_decref(jb);
    return same;
}

/* Whether the stored passage docid holds the data in b. */
static int same_data(xc_wdb *wdb, unsigned docid, const ls_buf *b)
{
    xc_err xe;
    xc_doc *xd = NULL;
    if (xc_wdb_get_document(wdb, docid, &xd, &xe)) return 0;
    const char *data = NULL;
    size_t len = 0;
    int same = xc_doc_get_data(xd, &data, &len, &xe) == XC_OK &&
               ls_passage_same(data, len, b->data, b->len);
    xc_doc_free(xd);
    return same;
}

/* The part of article a's passage that its text makes: the text terms, the
 * cover record, the defined phrases and its own reference, into a new *out
 * (the caller frees it). Reads no index, so any thread may run it (the
 * analyser is thread-safe); cover and buf are its scratch. */
static ls_rc analyse_article(ls_cover_builder *cover, ls_buf *buf, const ls_document *doc,
                             const ls_article *a, xc_doc **out, ls_error *err)
{
    xc_err xe;
    xc_doc *xd = NULL;
    *out = NULL;
    if (xc_doc_new(&xd, &xe)) return xapian_error(err, "indexing", &xe);
    ls_termgen tg = {.doc = xd, .next_pos = 1, .cover = cover};
    ls_rc rc = LS_OK;
    ls_cover_builder_reset(cover);
    ls_cover_builder_field(cover, LS_COVER_HEADING);
    if (a->heading) rc = ls_termgen_index_text(&tg, a->heading, strlen(a->heading),
                                               HEADING_WEIGHT, err);
    ls_cover_builder_field(cover, LS_COVER_TITLE);
    if (!rc && doc->title)
        rc = ls_termgen_index_text(&tg, doc->title, strlen(doc->title), 1, err);
    ls_cover_builder_field(cover, LS_COVER_BODY);
    if (!rc && a->text) rc = ls_termgen_index_text(&tg, a->text, a->text_len, 0, err);
    ls_buf_reset(buf);
    if (!rc) rc = ls_cover_builder_finish(cover, buf, err);
    if (!rc && xc_doc_set_value(xd, LS_SLOT_COVER, buf->data, buf->len, &xe))
        rc = xapian_error(err, "indexing", &xe);
    if (!rc) {
        definition_ctx dc = {.tg = &tg, .err = err};
        ls_definitions_each(a, index_definition, &dc);
        rc = dc.rc;
    }
    if (!rc) rc = add_own_reference(xd, a->number, err);
    if (!rc) rc = ls_termgen_add_length(&tg, err);
    if (rc) xc_doc_free(xd);
    else *out = xd;
    return rc;
}

/* Complete the passage of article a, analysed into xd (borrowed), with what
 * the index decides (status, dates, record), and store it. Returns LS_OK,
 * or an error for this passage only (the caller decides whether it ends the
 * batch). */
static ls_rc store_article(ls_indexer *ix, const ls_document *doc, const ls_article *a,
                           const char *id_norm, xc_doc *xd, ls_error *err)
{
    xc_err xe;
    ls_rc rc = add_metadata_terms(xd, doc, a, id_norm, err);
    char gone[9];
    ls_gone_value(ix->gone_since, gone);
    if (!rc && gone[0] && xc_doc_set_value(xd, LS_SLOT_GONE, gone, 8, &xe))
        rc = xapian_error(err, "indexing", &xe);
    ls_buf_reset(&ix->scratch);
    if (!rc) rc = ls_passage_encode(doc, a, &ix->scratch, err);
    if (!rc && xc_doc_set_data(xd, ix->scratch.data, ix->scratch.len, &xe))
        rc = xapian_error(err, "indexing", &xe);
    char qterm[512];
    passage_id_term(qterm, sizeof qterm, id_norm, a);
    if (!rc && xc_doc_add_term(xd, qterm, 0, &xe)) rc = xapian_error(err, "indexing", &xe);
    if (!rc) {
        unsigned old = 0;
        xc_err fe;
        xc_rc frc = xc_wdb_find_by_term(ix->wdb, qterm, &old, &fe);
        int existed = frc == XC_OK;
        int same = existed && same_data(ix->wdb, old, &ix->scratch);
        /* by docid, or added: no second look-up of the id term */
        if (frc && frc != XC_ERR_NOTFOUND) rc = xapian_error(err, "storing passage", &fe);
        else if (existed ? xc_wdb_replace_document(ix->wdb, old, xd, &xe)
                         : xc_wdb_add_document(ix->wdb, xd, NULL, &xe))
            rc = xapian_error(err, "storing passage", &xe);
        else if (existed) ix->counts.passages_replaced++;
        else ix->counts.passages_added++;
        if (!rc && same) ix->counts.passages_unchanged++;
        if (!rc && !same) ix->doc_changed = 1;
    }
    return rc;
}

/* One document's passages as analysed (analyse_document), waiting to be
 * completed and stored (store_document). */
struct analysed {
    ls_document *own_copy;    /* the document when it was copied for the writer */
    const ls_document *doc;   /* own_copy, or the caller's */
    char id_norm[DOC_ID_MAX + 1];
    xc_doc **texts;           /* per article: its text's postings; NULL: skipped */
    size_t passages;          /* texts not NULL */
    struct analysed *next;    /* in the writer's queue */
};

static void analysed_free(analysed *an)
{
    if (!an) return;
    for (size_t i = 0; an->texts && an->doc && i < an->doc->narticles; i++)
        xc_doc_free(an->texts[i]);
    free(an->texts);
    ls_document_free(an->own_copy);
    free(an);
}

static ls_rc add_document(ls_indexer *ix, const ls_document *doc, const char *own, int restated,
                          const char *id_norm, xc_doc **texts, ls_error *err);

ls_rc ls_indexer_document_key(const ls_document *doc, char *id_norm, size_t cap,
                              ls_error *err)
{
    if (!doc->id || !*doc->id)
        return ls_error_set(err, LS_ERR_ARG, "%s: document has no number or id",
                            doc->source ? doc->source : "?");
    /* the id goes into terms with the article and its label, and Xapian
     * refuses terms over 245 bytes */
    if (cap > DOC_ID_MAX + 1) cap = DOC_ID_MAX + 1;
    return ls_format_normalise_value(doc->id, 0, id_norm, cap, err);
}

/* Analyse every article of doc (the passages' text postings) into a new
 * *out; a bad article is left NULL, to be skipped and counted. Reads no
 * index: the reading thread runs it while the writer stores the document
 * before. */
static ls_rc analyse_document(ls_indexer *ix, const ls_document *doc, analysed **out,
                              ls_error *err)
{
    *out = NULL;
    analysed *an = calloc(1, sizeof *an);
    if (!an || !(an->texts = calloc(doc->narticles ? doc->narticles : 1, sizeof *an->texts))) {
        free(an);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    an->doc = doc;
    ls_rc rc = ls_indexer_document_key(doc, an->id_norm, sizeof an->id_norm, err);
    for (size_t i = 0; !rc && i < doc->narticles && ix->part != LS_PART_RECORDS; i++) {
        const ls_article *a = &doc->articles[i];
        if (!a->number || !a->text || a->text_len == 0) continue;
        ls_error one = {0};
        rc = analyse_article(&ix->cover, &ix->cover_buf, doc, a, &an->texts[i], &one);
        if (ls_rc_is_bad_input(rc)) rc = LS_OK; /* bad article: skip, keep going */
        else if (rc) ls_error_set(err, rc, "%s", one.msg);
        else an->passages++;
    }
    if (rc) analysed_free(an);
    else *out = an;
    return rc;
}

/* Store the analysed document an (borrowed): its derived status, passages
 * and records. The writer's part of ls_indexer_add. */
static ls_rc store_document(ls_indexer *ix, analysed *an, ls_error *err)
{
    const ls_document *doc = an->doc;
    const char *id_norm = an->id_norm;
    ls_rc rc = begin_batch(ix, err);
    if (rc) return rc;
    /* the status other documents' relations give it (relations.h) */
    char *derived = NULL;
    ix->gone_since[0] = '\0';
    if (keeps_relations(ix) &&
        (rc = ls_relations_status(ix->wdb, id_norm, doc->status, &derived, ix->gone_since, err)))
        return rc;
    /* a set: the passages, queued with the status published, follow */
    if ((derived || ix->gone_since[0]) && ix->part == LS_PART_RECORDS &&
        (rc = ix->restate.fn(ix->restate.ctx, id_norm, derived ? derived : doc->status,
                             ix->gone_since, err))) {
        free(derived);
        return rc;
    }
    ls_document view = *doc;   /* borrows doc's fields */
    if (derived) view.status = derived;
    rc = add_document(ix, &view, doc->status, derived != NULL, id_norm, an->texts, err);
    free(derived);
    return rc;
}

static void *pipe_main(void *arg)
{
    ls_indexer *ix = arg;
    pipe_t *p = ix->pipe;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->head && !p->stop) pthread_cond_wait(&p->cv, &p->mu);
        if (!p->head) break;
        analysed *an = p->head;
        p->head = an->next;
        if (!p->head) p->tail = NULL;
        p->busy = 1;
        int discard = p->discard;
        pthread_mutex_unlock(&p->mu);
        ls_error e = {0};
        /* after a failure the rest is dropped: the batch cannot commit */
        ls_rc rc = discard ? LS_OK : store_document(ix, an, &e);
        size_t n = an->passages;
        analysed_free(an);
        pthread_mutex_lock(&p->mu);
        if (rc && !p->discard) {
            p->err = e;
            p->err.rc = rc;
            /* a bad document is skipped, as ls_indexer_add's caller does
             * without the thread; anything else ends the run */
            if (!ls_rc_is_bad_input(rc)) p->discard = 1;
        }
        p->counts = ix->counts;
        p->queued_passages -= n;
        p->busy = 0;
        pthread_cond_broadcast(&p->cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Start the writer thread (NULL pipe and LS_OK when it cannot: the caller
 * then stores documents itself). */
static void pipe_start(ls_indexer *ix)
{
    pipe_t *p = calloc(1, sizeof *p);
    if (!p) return;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    ix->pipe = p;
    if (pthread_create(&p->thread, NULL, pipe_main, ix) != 0) {
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->cv);
        free(p);
        ix->pipe = NULL;
    }
}

/* The writer's failure into err (under mu): a bad document's once, any
 * other at every call from then on. */
static ls_rc pipe_failure(pipe_t *p, ls_error *err)
{
    if (!p->err.rc) return LS_OK;
    ls_rc rc = ls_error_set(err, p->err.rc, "%s", p->err.msg);
    if (!p->discard) p->err = (ls_error){0};
    return rc;
}

/* Wait until the writer has stored everything queued (under mu). */
static void pipe_wait(pipe_t *p)
{
    while (p->head || p->busy) pthread_cond_wait(&p->cv, &p->mu);
}

/* Wait until the writer has stored everything queued; its failure, if any.
 * Then this thread may use the database. */
static ls_rc pipe_drain(ls_indexer *ix, ls_error *err)
{
    pipe_t *p = ix->pipe;
    if (!p) return LS_OK;
    pthread_mutex_lock(&p->mu);
    pipe_wait(p);
    ls_rc rc = pipe_failure(p, err);
    pthread_mutex_unlock(&p->mu);
    return rc;
}

/* Stop and join the writer, dropping what is queued (close: anything not
 * committed is dropped anyway). */
static void pipe_stop(ls_indexer *ix)
{
    pipe_t *p = ix->pipe;
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->stop = p->discard = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    free(p);
    ix->pipe = NULL;
}

/* Queue an (taken) for the writer, with a copy of the caller's document
 * (the reader frees its own when the callback returns). Waits while
 * PIPE_PASSAGES are queued. The writer's failure, if it had one. */
static ls_rc pipe_push(ls_indexer *ix, analysed *an, ls_error *err)
{
    pipe_t *p = ix->pipe;
    if (!(an->own_copy = ls_document_copy(an->doc))) {
        analysed_free(an);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    an->doc = an->own_copy;
    pthread_mutex_lock(&p->mu);
    while ((p->head || p->busy) && p->queued_passages + an->passages > PIPE_PASSAGES &&
           !p->discard)
        pthread_cond_wait(&p->cv, &p->mu);
    ls_rc rc = pipe_failure(p, err);
    if (!rc) {
        if (p->tail) p->tail->next = an;
        else p->head = an;
        p->tail = an;
        p->queued_passages += an->passages;
        pthread_cond_broadcast(&p->cv);
        an = NULL;
    }
    pthread_mutex_unlock(&p->mu);
    analysed_free(an);
    /* the document that ends a batch returns once the batch is committed,
     * as without the thread: a crash keeps the same states (indexer.h) */
    if (!rc && ++ix->piped_in_batch >= ix->batch_size) {
        ix->piped_in_batch = 0;
        rc = pipe_drain(ix, err);
    }
    return rc;
}

ls_rc ls_indexer_add(ls_indexer *ix, const ls_document *doc, ls_error *err)
{
    if (ix->sharded) return ls_sharded_add(ix->sharded, doc, err);
    if (ix->removing)
        return ls_error_set(err, LS_ERR_ARG, "%s: this writer was opened to remove documents "
                            "only", ix->path);
    analysed *an = NULL;
    ls_rc rc = analyse_document(ix, doc, &an, err);
    if (rc) return rc;
    if (ix->pipe) return pipe_push(ix, an, err); /* takes an */
    rc = store_document(ix, an, err);
    analysed_free(an);
    return rc;
}

/* Index doc (its status as shown; `own` as its source published it,
 * `restated` when they differ) under id_norm, its articles' texts analysed
 * in texts (NULL: skipped). */
static ls_rc add_document(ls_indexer *ix, const ls_document *doc, const char *own, int restated,
                          const char *id_norm, xc_doc **texts, ls_error *err)
{
    ls_rc rc;
    ix->counts.documents++;
    ix->doc_changed = 0;
    for (size_t i = 0; i < doc->narticles && ix->part != LS_PART_RECORDS; i++) {
        const ls_article *a = &doc->articles[i];
        if (!texts[i]) {
            ix->counts.passages_skipped++;
            continue;
        }
        ls_error one = {0};
        rc = store_article(ix, doc, a, id_norm, texts[i], &one);
        if (ls_rc_is_bad_input(rc)) {
            ix->counts.passages_skipped++;   /* bad article: skip, keep going */
            continue;
        }
        if (rc) return ls_error_set(err, rc, "%s", one.msg);
        ix->counts.bytes += a->text_len;
    }
    /* the other names and acronyms the text gives, where the synonyms are,
     * as this document's (alias_sources.h) */
    if (ix->part != LS_PART_PASSAGES && (rc = ls_alias_sources_update(ix->wdb, id_norm, doc, err)))
        return rc;
    if (ix->part == LS_PART_PASSAGES) /* records are meta's (shards.h) */
        return ++ix->in_batch >= ix->batch_size ? commit_batch(ix, err) : LS_OK;
    /* the document-level record, by id (the last reader's view wins; a
     * document split over several pháp điển pages keeps its last page's
     * article list -- see the note on the corpus issue) */
    ls_buf_reset(&ix->scratch);
    rc = ls_doc_record_encode(doc, restated, own, &ix->scratch, err);
    if (rc) return rc;
    char key[300];
    ls_doc_record_key(id_norm, key, sizeof key);
    xc_err xe;
    char *before = NULL;
    size_t before_len = 0;
    if (xc_wdb_get_metadata(ix->wdb, key, &before, &before_len, &xe))
        return xapian_error(err, "reading document record", &xe);
    if (!before_len) ix->counts.documents_added++;
    else if (!ix->doc_changed && same_json(before, before_len, ix->scratch.data, ix->scratch.len))
        ix->counts.documents_unchanged++;
    else ix->counts.documents_replaced++;
    free(before);
    if (xc_wdb_set_metadata(ix->wdb, key, ix->scratch.data, ix->scratch.len, &xe))
        return xapian_error(err, "storing document record", &xe);
    if ((rc = ls_cite_keys_write(ix->wdb, doc, id_norm, err))) return rc;
    if ((rc = ls_doc_links_update(ix->wdb, doc, id_norm, err))) return rc;
    if (keeps_relations(ix) &&
        (rc = ls_relations_update_hooked(ix->wdb, doc, id_norm, &ix->counts.documents_restated,
                                         ix->restate.fn ? &ix->restate : NULL, err)))
        return rc;
    if (++ix->in_batch >= ix->batch_size) return commit_batch(ix, err);
    return LS_OK;
}

ls_rc ls_indexer_remove(ls_indexer *ix, const char *doc_id, unsigned *removed, ls_error *err)
{
    if (ix->sharded) return ls_sharded_remove(ix->sharded, doc_id, removed, err);
    char id_norm[256], term[300];
    ls_rc rc = pipe_drain(ix, err);
    if (!rc) rc = ls_format_normalise_value(doc_id, 0, id_norm, sizeof id_norm, err);
    if (rc) return rc;
    if ((rc = begin_batch(ix, err))) return rc;
    snprintf(term, sizeof term, "%s%s", LS_PREFIX_DOC, id_norm);
    unsigned count = 0;
    xc_err xe;
    /* count through the writer, then delete every passage of the document */
    unsigned docid;
    if (xc_wdb_find_by_term(ix->wdb, term, &docid, &xe) == XC_OK) count = 1;
    if (xc_wdb_delete_by_term(ix->wdb, term, &xe)) return xapian_error(err, "remove", &xe);
    ls_doc_record_key(id_norm, term, sizeof term);
    int had_record = 0; /* a set's records hold no passages to count */
    if (ix->part == LS_PART_RECORDS) {
        char *rec = NULL;
        size_t len = 0;
        if (xc_wdb_get_metadata(ix->wdb, term, &rec, &len, &xe) == XC_OK) had_record = len > 0;
        free(rec);
    }
    if (xc_wdb_set_metadata(ix->wdb, term, "", 0, &xe)) return xapian_error(err, "remove", &xe);
    if ((count || had_record) && (rc = ls_doc_links_update(ix->wdb, NULL, id_norm, err)))
        return rc;
    /* the aliases it gave and no other document gives */
    if ((count || had_record) && ix->part != LS_PART_PASSAGES &&
        (rc = ls_alias_sources_update(ix->wdb, id_norm, NULL, err)))
        return rc;
    /* what it amended or repealed is no longer so (relations.h) */
    if ((count || had_record) && keeps_relations(ix) &&
        (rc = ls_relations_update_hooked(ix->wdb, NULL, id_norm, &ix->counts.documents_restated,
                                         ix->restate.fn ? &ix->restate : NULL, err)))
        return rc;
    if (removed) *removed = count;
    if (!count) return ls_error_set(err, LS_ERR_NOTFOUND, "no document %s in the index", doc_id);
    return LS_OK;
}

ls_rc ls_indexer_restate(ls_indexer *ix, const char *id_norm, const char *status,
                         const char *gone_since, ls_error *err)
{
    ls_rc rc = pipe_drain(ix, err);
    if (!rc) rc = begin_batch(ix, err);
    return rc ? rc : ls_relations_restate_passages(ix->wdb, id_norm, status, gone_since, err);
}

const ls_index_counts *ls_indexer_counts(ls_indexer *ix)
{
    if (ix->sharded) return ls_sharded_counts(ix->sharded);
    pipe_t *p = ix->pipe;
    if (!p) return &ix->counts;
    /* the writer's last snapshot while it works; ix's own when idle */
    pthread_mutex_lock(&p->mu);
    ix->counts_view = p->head || p->busy ? p->counts : ix->counts;
    pthread_mutex_unlock(&p->mu);
    return &ix->counts_view;
}

void ls_indexer_close(ls_indexer *ix)
{
    if (!ix) return;
    pipe_stop(ix);
    ls_sharded_close(ix->sharded);
    if (ix->in_transaction) {
        xc_err xe;
        xc_wdb_cancel_transaction(ix->wdb, &xe);
    }
    xc_wdb_close(ix->wdb);
    if (ix->lock_fd >= 0) close(ix->lock_fd); /* releases the flock */
    ls_buf_free(&ix->scratch);
    ls_buf_free(&ix->cover_buf);
    ls_cover_builder_free(&ix->cover);
    free(ix->path);
    free(ix);
}
