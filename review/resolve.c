/* resolve.c — a citation to the document and provision it names in the
 * index (resolve_internal.h): by number (exact, else the documents sharing its
 * "N/YYYY" head: one is found, several are ambiguous), by a law's name and
 * year (the "law:" keys of format/cite_keys.h), or the containing document
 * ("Luật này": given, detected from the text's header, or the text itself).
 */
#include "resolve_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../cite/cite.h"
#include "../corpus/reader.h"
#include "../corpus/structure.h"
#include "../format/cite_keys.h"
#include "../query/as_of.h"
#include "../query/cite_resolve.h"
#include "../query/index_reads.h"
#include "../query/plan.h"
#include "../text/analyser.h"

#define NAME_MIN_WORDS 2

static ls_rc nomem(ls_error *err) { return ls_error_set(err, LS_ERR_NOMEM, "out of memory"); }

ls_rc ls_resolve_init(resolve_ctx *ctx, ls_searcher *s, const char *as_of, ls_error *err)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->s = s;
    ls_rc rc = ls_as_of_date(as_of, ctx->as_of, err);   /* today when NULL */
    if (rc) return rc;
    ctx->cache_cap = 256;
    ctx->cache = calloc(ctx->cache_cap, sizeof *ctx->cache);
    return ctx->cache ? LS_OK : nomem(err);
}

static void entry_free(doc_entry *e)
{
    free(e->id);
    free(e->number);
    free(e->type);
    free(e->title);
    free(e->issued);
    free(e->effective);
    free(e->status);
    free(e->by);
    free(e->note);
    for (size_t i = 0; i < e->narts; i++) {
        free(e->arts[i].article);
        free(e->arts[i].clause);
        free(e->arts[i].by);
    }
    free(e->arts);
}

static void free_self(resolve_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nself_arts; i++) {
        self_article *a = &ctx->self_arts[i];
        free(a->number);
        free(a->heading);
        free(a->text);
        for (size_t k = 0; k < a->nclauses; k++) free(a->clauses[k].number);
        free(a->clauses);
    }
    free(ctx->self_arts);
    ctx->self_arts = NULL;
    ctx->nself_arts = 0;
    free(ctx->marks);
    ctx->marks = NULL;
    ctx->nmarks = 0;
    free(ctx->self_id);
    ctx->self_id = NULL;
}

void ls_resolve_free(resolve_ctx *ctx)
{
    for (size_t i = 0; i < ctx->cache_cap; i++)
        if (ctx->cache[i].id) entry_free(&ctx->cache[i]);
    free(ctx->cache);
    free_self(ctx);
    memset(ctx, 0, sizeof *ctx);
}

/* ---- the document cache ------------------------------------------------ */

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* Move the record's field *from into *to (NULL stays NULL). */
static void take(char **to, char **from)
{
    *to = *from;
    *from = NULL;
}

static ls_rc load_entry(resolve_ctx *ctx, doc_entry *e, ls_error *err)
{
    ls_doc_record r;
    ls_error local = {0};
    ls_rc rc = ls_searcher_get_doc_record(ctx->s, e->id, &r, &local);
    if (rc == LS_ERR_NOTFOUND || rc == LS_ERR_ARG) return LS_OK;   /* not in the index */
    if (rc == LS_ERR_FORMAT)
        return ls_error_set(err, LS_ERR_INDEX, "the stored record of %s is not JSON", e->id);
    if (rc) return ls_error_set(err, rc, "%s", local.msg);
    e->found = 1;
    take(&e->number, &r.number);
    take(&e->type, &r.type);
    take(&e->title, &r.title);
    take(&e->issued, &r.issued);
    take(&e->effective, &r.effective);
    /* the status as published: the review reasons from it and the dates
     * (the shown one may be restated by the indexer, indexer/relations.h) */
    take(&e->status, r.restated ? &r.source_status : &r.status);
    ls_doc_record_free(&r);
    return LS_OK;
}

static int grow_cache(resolve_ctx *ctx)
{
    size_t ncap = ctx->cache_cap * 2;
    doc_entry *n = calloc(ncap, sizeof *n);
    if (!n) return -1;
    for (size_t i = 0; i < ctx->cache_cap; i++) {
        if (!ctx->cache[i].id) continue;
        size_t k = hash(ctx->cache[i].id) & (ncap - 1);
        while (n[k].id) k = (k + 1) & (ncap - 1);
        n[k] = ctx->cache[i];
    }
    free(ctx->cache);
    ctx->cache = n;
    ctx->cache_cap = ncap;
    return 0;
}

doc_entry *ls_resolve_doc_entry(resolve_ctx *ctx, const char *id, ls_error *err)
{
    if ((ctx->cache_n + 1) * 2 > ctx->cache_cap && grow_cache(ctx)) return nomem(err), NULL;
    size_t k = hash(id) & (ctx->cache_cap - 1);
    while (ctx->cache[k].id) {
        if (strcmp(ctx->cache[k].id, id) == 0) return &ctx->cache[k];
        k = (k + 1) & (ctx->cache_cap - 1);
    }
    doc_entry *e = &ctx->cache[k];
    if (!(e->id = strdup(id))) return nomem(err), NULL;
    ctx->cache_n++;
    if (load_entry(ctx, e, err)) return NULL;
    return e;
}

/* ---- the containing document ------------------------------------------- */

/* "Điều N" at the start of each line. */
static ls_rc find_marks(resolve_ctx *ctx, const char *t, size_t len, ls_error *err)
{
    size_t cap = 0;
    for (size_t i = 0; i < len;) {
        size_t p = i;
        while (p < len && (t[p] == ' ' || t[p] == '\t')) p++;
        static const char kw[] = "Điều ";
        if (p + sizeof kw - 1 < len && memcmp(t + p, kw, sizeof kw - 1) == 0) {
            size_t q = p + sizeof kw - 1, d = q;
            while (d < len && d - q < 4 && t[d] >= '0' && t[d] <= '9') d++;
            if (d > q && d < len && t[d] >= 'a' && t[d] <= 'z') d++;
            if (d > q && (d == len || t[d] == '.' || t[d] == ' ' || t[d] == '\n')) {
                if (ctx->nmarks == cap) {
                    cap = cap ? cap * 2 : 16;
                    article_mark *g = realloc(ctx->marks, cap * sizeof *g);
                    if (!g) return nomem(err);
                    ctx->marks = g;
                }
                article_mark *m = &ctx->marks[ctx->nmarks++];
                m->at = p;
                snprintf(m->number, sizeof m->number, "%.*s", (int)(d - q), t + q);
            }
        }
        const char *nl = memchr(t + i, '\n', len - i);
        i = nl ? (size_t)(nl - t) + 1 : len;
    }
    return LS_OK;
}

typedef struct self_sink {
    resolve_ctx *ctx;
    char *number;
    int seen;
    ls_rc rc;
} self_sink;

static int on_self_doc(void *vctx, const ls_document *doc)
{
    self_sink *ss = vctx;
    if (ss->seen++) return 1;
    resolve_ctx *ctx = ss->ctx;
    if (doc->number && !(ss->number = strdup(doc->number))) return ss->rc = LS_ERR_NOMEM, 1;
    if (!doc->narticles) return 1;
    ctx->self_arts = calloc(doc->narticles, sizeof *ctx->self_arts);
    if (!ctx->self_arts) return ss->rc = LS_ERR_NOMEM, 1;
    for (size_t i = 0; i < doc->narticles; i++) {
        const ls_article *a = &doc->articles[i];
        self_article *sa = &ctx->self_arts[ctx->nself_arts++];
        if ((a->number && !(sa->number = strdup(a->number))) ||
            (a->heading && !(sa->heading = strdup(a->heading))) ||
            ls_strset(&sa->text, a->text ? a->text : "", a->text ? a->text_len : 0))
            return ss->rc = LS_ERR_NOMEM, 1;
        sa->text_len = a->text ? a->text_len : 0;
        if (a->nclauses && !(sa->clauses = calloc(a->nclauses, sizeof *sa->clauses)))
            return ss->rc = LS_ERR_NOMEM, 1;
        for (size_t k = 0; k < a->nclauses; k++) {
            ls_clause_span *cs = &sa->clauses[sa->nclauses++];
            cs->start = a->clauses[k].start;
            cs->end = a->clauses[k].end;
            if (a->clauses[k].number && !(cs->number = strdup(a->clauses[k].number)))
                return ss->rc = LS_ERR_NOMEM, 1;
        }
    }
    return 1;
}

/* The id under which the index keys a document number or name. */
static char *normal_id(const char *raw)
{
    char *num = NULL;
    if (ls_docnum_normalize(raw, strlen(raw), &num, NULL) == LS_OK) return num;
    return strdup(raw);
}

ls_rc ls_resolve_set_self(resolve_ctx *ctx, const char *doc_id, const char *text, size_t len,
                          ls_error *err)
{
    free_self(ctx);
    ls_rc rc = find_marks(ctx, text, len, err);
    if (rc) return rc;
    if (doc_id) {
        char *id = normal_id(doc_id);
        if (!id) return nomem(err);
        doc_entry *e = ls_resolve_doc_entry(ctx, id, err);
        free(id);
        if (!e) return err ? err->rc : LS_ERR_NOMEM;
        if (!e->found) return ls_error_set(err, LS_ERR_NOTFOUND, "no document %s in the index", doc_id);
        return (ctx->self_id = strdup(e->id)) ? LS_OK : nomem(err);
    }
    self_sink ss = {.ctx = ctx};
    ls_reader_sink sink = {on_self_doc, NULL, &ss};
    ls_error local = {0};
    ls_read_text("review", text, len, &sink, &local);   /* a text without header is fine */
    if (!ss.rc && !ctx->nself_arts) {
        /* no header the reader knows: a draft's articles alone */
        ls_document *doc = ls_document_new();
        if (!doc) ss.rc = LS_ERR_NOMEM;
        else if (ls_structure_parse_body(doc, text, len, &local) == LS_OK && doc->narticles) {
            ss.seen = 0;
            char *keep = ss.number;
            ss.number = NULL;
            on_self_doc(&ss, doc);
            free(ss.number);
            ss.number = keep;
        }
        ls_document_free(doc);
    }
    if (ss.rc) {
        free(ss.number);
        return nomem(err);
    }
    if (ss.number) {
        char *id = normal_id(ss.number);
        free(ss.number);
        if (!id) return nomem(err);
        doc_entry *e = ls_resolve_doc_entry(ctx, id, err);
        free(id);
        if (!e) return err ? err->rc : LS_ERR_NOMEM;
        if (e->found && !(ctx->self_id = strdup(e->id))) return nomem(err);
    }
    return LS_OK;
}

ls_rc ls_resolve_set_self_passage(resolve_ctx *ctx, const char *doc_id, const char *article,
                                  ls_error *err)
{
    free_self(ctx);
    if (!(ctx->self_id = strdup(doc_id))) return nomem(err);
    if (!article) return LS_OK;
    if (!(ctx->marks = calloc(1, sizeof *ctx->marks))) return nomem(err);
    ctx->nmarks = 1;
    snprintf(ctx->marks[0].number, sizeof ctx->marks[0].number, "%s", article);
    return LS_OK;
}

/* ---- documents by number and by name ------------------------------------- */

static ls_rc set_why(ls_cite *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static ls_rc set_why(ls_cite *c, const char *fmt, ...)
{
    ls_buf b = LS_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    char line[600];
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    ls_buf_puts(&b, line);
    free(c->why);
    c->why = ls_buf_detach(&b);
    return c->why ? LS_OK : LS_ERR_NOMEM;
}


/* Does stored document e carry number num (normalised)? */
static int same_number(const doc_entry *e, const char *num)
{
    size_t n = strlen(num);
    if (strncmp(e->id, num, n) == 0 && (e->id[n] == '\0' || e->id[n] == '-' || e->id[n] == '#' ||
                                        e->id[n] == ' ' || e->id[n] == '_'))
        return 1;
    if (!e->number) return 0;
    char *norm = NULL;
    int same = ls_docnum_normalize(e->number, strlen(e->number), &norm, NULL) == LS_OK &&
               strcmp(norm, num) == 0;
    free(norm);
    return same;
}

static ls_rc by_number(resolve_ctx *ctx, ls_cite *c, doc_entry **out, ls_error *err)
{
    *out = NULL;
    doc_entry *e = ls_resolve_doc_entry(ctx, c->doc_number, err);
    if (!e) return err ? err->rc : LS_ERR_NOMEM;
    if (e->found) return *out = e, LS_OK;
    char head[32];
    char *ids = NULL;
    ls_buf others = LS_BUF_INIT;
    if (ls_cite_number_head(c->doc_number, head, sizeof head)) {
        ls_rc rc = ls_searcher_metadata(ctx->s, LS_METADATA_NUMBER, head, &ids, err);
        if (rc) return rc;
    }
    for (const char *line = ids; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        char id[300];
        snprintf(id, sizeof id, "%.*s", (int)n, line);
        line = nl ? nl + 1 : line + n;
        doc_entry *d = ls_resolve_doc_entry(ctx, id, err);
        if (!d) {
            free(ids);
            ls_buf_free(&others);
            return err ? err->rc : LS_ERR_NOMEM;
        }
        if (!d->found) continue;
        if (!same_number(d, c->doc_number)) {
            ls_buf_printf(&others, "%s%s", others.len ? ", " : "", d->id);
            continue;
        }
        char **g = realloc(c->candidates, (c->ncandidates + 1) * sizeof *g);
        if (!g || !(g[c->ncandidates] = strdup(d->id))) {
            if (g) c->candidates = g;
            free(ids);
            ls_buf_free(&others);
            return nomem(err);
        }
        c->candidates = g;
        c->ncandidates++;
        *out = d;
    }
    free(ids);
    ls_rc rc = LS_OK;
    if (c->ncandidates > 1) {
        *out = NULL;
        c->resolution = LS_CITE_AMBIGUOUS;
        rc = set_why(c, "%zu documents of the index carry the number %s: name the issuing body",
                     c->ncandidates, c->doc_number);
    } else if (c->ncandidates == 0) {
        c->resolution = LS_CITE_DOC_MISSING;
        rc = others.len ? set_why(c, "no document numbered %s in the index (it holds %s)",
                                  c->doc_number, others.data)
                        : set_why(c, "no document numbered %s in the index", c->doc_number);
    }
    ls_buf_free(&others);
    return rc ? nomem(err) : LS_OK;
}

static ls_rc by_name(resolve_ctx *ctx, ls_cite *c, doc_entry **out, ls_error *err)
{
    *out = NULL;
    char name[400];
    ls_error local = {0};
    if (ls_folded_words(c->law_name, strlen(c->law_name), name, sizeof name, &local)) {
        c->resolution = LS_CITE_DOC_MISSING;
        return set_why(c, "a law's name too long to look up") ? nomem(err) : LS_OK;
    }
    size_t ends[16], nends = 0, words = 0;
    for (size_t i = 0;; i++) {
        if (name[i] == ' ' || name[i] == '\0') {
            words++;
            if (words >= NAME_MIN_WORDS && nends < 16) ends[nends++] = i;
        }
        if (!name[i]) break;
    }
    char other[300] = "";
    for (size_t k = nends; k-- > 0;) {   /* the longest name the index knows */
        char *id = NULL, *newest = NULL;
        ls_rc rc = ls_searcher_law_lookup(ctx->s, name, ends[k], c->year, &id, &newest, err);
        if (rc) return rc;
        if (newest && !other[0])
            snprintf(other, sizeof other, "%.4s (%s)", newest, strchr(newest, '\t') + 1);
        free(newest);
        if (!id) continue;
        doc_entry *e = ls_resolve_doc_entry(ctx, id, err);
        free(id);
        if (!e) return err ? err->rc : LS_ERR_NOMEM;
        if (e->found) return *out = e, LS_OK;
    }
    c->resolution = LS_CITE_DOC_MISSING;
    ls_rc rc = other[0] ? set_why(c, "no %s of %s in the index; it has the one of %s", c->law_name,
                                  c->year, other)
                        : set_why(c, "no %s in the index", c->law_name);
    return rc ? nomem(err) : LS_OK;
}

/* ---- provisions ---------------------------------------------------------- */

/* The span of point `label` in text[s..e): from its "a)" line to the next
 * point's line. 0 when there is none. */
static int find_point(const char *t, size_t s, size_t e, const char *label, size_t *ps, size_t *pe)
{
    size_t ll = strlen(label);
    for (size_t i = s; i < e;) {
        if ((i == s || t[i - 1] == '\n') && i + ll < e && memcmp(t + i, label, ll) == 0 &&
            t[i + ll] == ')') {
            size_t j = i + ll;
            *ps = i;
            while (j < e) {   /* next line that opens another point */
                const char *nl = memchr(t + j, '\n', e - j);
                if (!nl) { j = e; break; }
                j = (size_t)(nl - t) + 1;
                size_t k = j;
                if (k < e && ((t[k] >= 'a' && t[k] <= 'z') || (unsigned char)t[k] == 0xC4)) {
                    k += (unsigned char)t[k] == 0xC4 ? 2 : 1;
                    while (k < e && t[k] >= '0' && t[k] <= '9') k++;
                    if (k < e && t[k] == ')') { j--; break; }
                }
            }
            *pe = j;
            return 1;
        }
        const char *nl = memchr(t + i, '\n', e - i);
        i = nl ? (size_t)(nl - t) + 1 : e;
    }
    return 0;
}

/* Check clause / point of an article whose text and clause spans are given;
 * set c->text to the narrowest provision found. */
static ls_rc check_inside(resolve_ctx *ctx, ls_cite *c, const char *text, size_t len,
                          const ls_clause_span *cls, size_t ncl, const char *where)
{
    size_t s = 0, e = len;
    if (c->clause) {
        size_t k = 0;
        while (k < ncl && !(cls[k].number && strcmp(cls[k].number, c->clause) == 0)) k++;
        if (k == ncl) {
            c->resolution = LS_CITE_PART_MISSING;
            return set_why(c, "%s has no khoản %s", where, c->clause);
        }
        s = cls[k].start;
        e = cls[k].end <= len ? cls[k].end : len;
    }
    if (c->point) {
        size_t ps, pe;
        if (!find_point(text, s, e, c->point, &ps, &pe)) {
            c->resolution = LS_CITE_PART_MISSING;
            return c->clause ? set_why(c, "khoản %s of %s has no điểm %s", c->clause, where, c->point)
                             : set_why(c, "%s has no điểm %s", where, c->point);
        }
        s = ps;
        e = pe;
    }
    while (e > s && (text[e - 1] == '\n' || text[e - 1] == ' ')) e--;
    if (ctx->no_text) return LS_OK;
    return ls_strset(&c->text, text + s, e - s);
}

static ls_rc check_in_index(resolve_ctx *ctx, ls_cite *c, doc_entry *e, ls_error *err)
{
    if (!c->article) {
        if (c->clause || c->point) {   /* "khoản 1 Điều này" outside any article */
            c->resolution = LS_CITE_PART_MISSING;
            return set_why(c, "the article of this provision is not known") ? nomem(err) : LS_OK;
        }
        return LS_OK;
    }
    ls_passage *p = NULL;
    ls_error local = {0};
    ls_rc rc = ls_searcher_get_passage(ctx->s, e->id, c->article, &p, &local);
    if (rc == LS_ERR_NOTFOUND) {
        c->resolution = LS_CITE_PART_MISSING;
        return set_why(c, "%s has no Điều %s in the index", e->id, c->article) ? nomem(err) : LS_OK;
    }
    if (rc) return ls_error_set(err, rc, "%s", local.msg);
    char where[64];
    snprintf(where, sizeof where, "Điều %s", c->article);
    rc = check_inside(ctx, c, p->text ? p->text : "", p->text_len, p->clauses, p->nclauses, where);
    if (!rc && p->heading) rc = ls_strset(&c->heading, p->heading, strlen(p->heading));
    ls_passage_free(p);
    return rc ? nomem(err) : LS_OK;
}

static ls_rc check_in_self(resolve_ctx *ctx, ls_cite *c, ls_error *err)
{
    ls_rc rc = set_why(c, "resolved in the reviewed text itself");
    if (rc || !c->article) return rc ? nomem(err) : LS_OK;
    for (size_t i = 0; i < ctx->nself_arts; i++) {
        self_article *a = &ctx->self_arts[i];
        if (!a->number || strcmp(a->number, c->article) != 0) continue;
        char where[64];
        snprintf(where, sizeof where, "Điều %s of this text", c->article);
        rc = check_inside(ctx, c, a->text, a->text_len, a->clauses, a->nclauses, where);
        if (!rc && a->heading) rc = ls_strset(&c->heading, a->heading, strlen(a->heading));
        return rc ? nomem(err) : LS_OK;
    }
    c->resolution = LS_CITE_PART_MISSING;
    return set_why(c, "this text has no Điều %s", c->article) ? nomem(err) : LS_OK;
}

/* ---- one citation ---------------------------------------------------------- */

/* The article a "Điều này" at byte `at` sits in. */
static const char *containing_article(const resolve_ctx *ctx, size_t at)
{
    if (ctx->nmarks == 1 && ctx->marks[0].at == 0) return ctx->marks[0].number; /* a passage */
    const char *num = NULL;
    for (size_t i = 0; i < ctx->nmarks && ctx->marks[i].at <= at; i++) num = ctx->marks[i].number;
    return num;
}

static ls_rc copy_doc_fields(ls_cite *c, const doc_entry *e)
{
    ls_rc rc = LS_OK;
    if (!rc && e->id) rc = ls_strset(&c->doc_id, e->id, strlen(e->id));
    if (!rc && e->title) rc = ls_strset(&c->doc_title, e->title, strlen(e->title));
    if (!rc && e->issued) rc = ls_strset(&c->issued, e->issued, strlen(e->issued));
    if (!rc && e->effective) rc = ls_strset(&c->effective, e->effective, strlen(e->effective));
    if (!rc && e->status) rc = ls_strset(&c->status, e->status, strlen(e->status));
    if (!rc) {
        free(c->doc_display_number);
        c->doc_display_number = e->number ? strdup(e->number) : NULL;
        if (e->number && !c->doc_display_number) rc = LS_ERR_NOMEM;
    }
    return rc;
}

/* The cited provision's status from its document's. */
static ls_rc set_force(resolve_ctx *ctx, ls_cite *c, doc_entry *e, ls_error *err)
{
    ls_rc rc = c->article ? ls_resolve_doc_arts(ctx, e, err) : ls_resolve_doc_status(ctx, e, err);
    if (rc) return rc;
    c->force = e->force;
    const char *by = e->by, *note = e->note;
    for (size_t i = 0; c->article && i < e->narts; i++) {
        const art_relation *r = &e->arts[i];
        if (strcmp(r->article, c->article) != 0) continue;
        /* a relation on a clause touches that clause, and its article in part */
        if (r->clause && c->clause && strcmp(r->clause, c->clause) != 0) continue;
        int whole = !r->clause || c->clause;
        if (r->rel == LS_REL_AMENDS || !whole) {
            if (c->force == LS_FORCE_IN_FORCE || c->force == LS_FORCE_UNKNOWN ||
                c->force == LS_FORCE_PARTLY_REPEALED) {
                c->force = LS_FORCE_AMENDED;
                by = r->by;
                note = r->rel == LS_REL_AMENDS ? "this provision is amended"
                                               : "a clause of this article is repealed";
            }
        } else if (!ls_force_is_gone(c->force) && c->force != LS_FORCE_NOT_YET) {
            c->force = r->rel == LS_REL_REPLACES ? LS_FORCE_REPLACED : LS_FORCE_REPEALED;
            by = r->by;
            note = "this provision is repealed";
            break;
        }
    }
    if ((by && !(c->force_by = strdup(by))) || (note && !(c->force_note = strdup(note))))
        return nomem(err);
    return LS_OK;
}

ls_rc ls_resolve_cite(resolve_ctx *ctx, ls_cite *c, ls_error *err)
{
    doc_entry *e = NULL;
    ls_rc rc = LS_OK;
    c->resolution = LS_CITE_FOUND;
    if (c->self_article && !c->article) {
        const char *num = containing_article(ctx, c->start);
        if (num && !(c->article = strdup(num))) return nomem(err);
    }
    if (c->self) {
        if (ctx->self_id) {
            if (!(e = ls_resolve_doc_entry(ctx, ctx->self_id, err))) return err ? err->rc : LS_ERR_NOMEM;
        } else if (ctx->nself_arts) {
            rc = check_in_self(ctx, c, err);
            if (!rc) rc = ls_cite_format(c, NULL, NULL, NULL);
            return rc ? nomem(err) : LS_OK;
        } else {
            c->resolution = LS_CITE_SELF_UNKNOWN;
            rc = set_why(c, "cites the containing document, which is not known (give its id)");
        }
    } else if (c->doc_number) {
        rc = by_number(ctx, c, &e, err);
    } else if (c->law_name) {
        rc = by_name(ctx, c, &e, err);
    } else {
        c->resolution = LS_CITE_DOC_MISSING;
        rc = set_why(c, "no document named");
    }
    if (rc) return rc == LS_ERR_NOMEM ? nomem(err) : rc;
    if (e) {
        if ((rc = copy_doc_fields(c, e))) return nomem(err);
        if ((rc = check_in_index(ctx, c, e, err))) return rc;
        if (!ctx->no_status && (rc = set_force(ctx, c, e, err))) return rc;
        rc = ls_resolve_format(c, e);
    } else {
        rc = ls_cite_format(c, NULL, NULL, NULL);
    }
    return rc ? nomem(err) : LS_OK;
}

ls_rc ls_resolve_format(ls_cite *c, const doc_entry *e)
{
    int numeric = e->id[0] >= '0' && e->id[0] <= '9';
    char *up = e->number || !numeric ? NULL : ls_cite_upper_number(e->id);
    ls_rc rc = ls_cite_format(c, e->type, e->title, e->number ? e->number : up);
    free(up);
    return rc;
}

/* "điểm a khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP": the provision and
 * the type and number of the index's record of doc_id, or when the index
 * holds none the type its number's code names; *out NULL when there is no
 * type. */
static ls_rc canonical_text(resolve_ctx *ctx, const char *doc_id, const char *article,
                            const char *clause, const char *point, char **out, ls_error *err)
{
    *out = NULL;
    doc_entry *e = ls_resolve_doc_entry(ctx, doc_id, err);
    if (!e) return err ? err->rc : LS_ERR_NOMEM;
    const char *type = e->found ? e->type : NULL, *number = e->found ? e->number : NULL;
    char *upper = NULL;
    if (!type || !number) {
        type = ls_docnum_type(doc_id);
        number = upper = ls_cite_upper_number(doc_id);
    }
    ls_rc rc = LS_OK;
    if (type && number) {
        ls_buf b = LS_BUF_INIT;
        ls_cite_write_provision(&b, point, clause, article);
        if (b.len) ls_buf_puts(&b, " ");
        ls_cite_write_doc(&b, type, NULL, number);
        if ((rc = ls_buf_error(&b))) ls_buf_free(&b);
        else if (!(*out = ls_buf_detach(&b))) rc = LS_ERR_NOMEM;
    }
    free(upper);
    return rc ? nomem(err) : LS_OK;
}

ls_rc ls_resolve_short_text(resolve_ctx *ctx, const char *text, size_t len, char **canon,
                         char **missing, ls_error *err)
{
    *canon = *missing = NULL;
    ls_plan *plan = NULL;
    ls_error perr = {0};
    if (!ls_plan_build(text, len, &plan, &perr) && !plan->doc_id)
        ls_searcher_resolve_short_citation(ctx->s, plan, text, len, &perr);
    ls_rc rc = LS_OK;
    if (plan && plan->doc_id)
        rc = canonical_text(ctx, plan->doc_id, plan->article, plan->clause, plan->point, canon, err);
    else if (plan && plan->missing && !(*missing = strdup(plan->missing)))
        rc = nomem(err);
    ls_plan_free(plan);
    return rc;
}

ls_rc ls_review_citation_text(ls_searcher *s, const char *doc_id, const char *article,
                              const char *clause, const char *point, char **out, ls_error *err)
{
    resolve_ctx ctx;
    ls_rc rc = ls_resolve_init(&ctx, s, NULL, err);
    if (!rc) rc = canonical_text(&ctx, doc_id, article, clause, point, out, err);
    ls_resolve_free(&ctx);
    return rc;
}
