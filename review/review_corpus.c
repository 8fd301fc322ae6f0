/* review_corpus.c — the review of a whole index as of a date
 * (review_corpus.h): every document's preamble bases and article citations
 * resolved with their status, the ones no longer in force or missing kept,
 * grouped by document. */
#include "review_corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../common/ls_json.h"
#include "../corpus/procedure.h"
#include "../common/ls_str.h"
#include "../format/doc_links.h"
#include "../format/schema.h"
#include "procedure_bases.h"
#include "resolve_internal.h"

const char *const ls_corpus_statuses[6] = {"repealed",          "replaced",
                                           "expired",           "suspended",
                                           "provision-missing", "document-missing"};

static ls_rc nomem(ls_error *err) { return ls_error_set(err, LS_ERR_NOMEM, "out of memory"); }


static int same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

/* ---- one document ---------------------------------------------------------- */

typedef struct doc_run {
    resolve_ctx *ctx;
    ls_corpus_report *rep;
    ls_corpus_doc doc;         /* its flagged items so far */
    int gone, doc_missing, part_missing;
    ls_error *err;
} doc_run;

/* The status of a resolved citation worth an officer's look, else -1. */
static int flag_of(const ls_cite *c)
{
    switch (c->resolution) {
    case LS_CITE_DOC_MISSING: return 5;
    case LS_CITE_PART_MISSING: return 4;
    case LS_CITE_FOUND: break;
    default: return -1;
    }
    switch (c->force) {
    case LS_FORCE_REPEALED: return 0;
    case LS_FORCE_REPLACED: return 1;
    case LS_FORCE_EXPIRED: return 2;
    case LS_FORCE_SUSPENDED: return 3;
    default: return -1;
    }
}

static ls_rc keep(doc_run *d, const char *article, const ls_cite *c)
{
    int f = flag_of(c);
    if (f < 0) return LS_OK;
    /* its own provisions, and what it repeals or replaces itself (a
     * transitional "theo quy định của Nghị định số X" it ends) */
    if ((c->doc_id && strcmp(c->doc_id, d->doc.id) == 0) ||
        (f < 4 && c->force_by && strcmp(c->force_by, d->doc.id) == 0))
        return LS_OK;
    const char *status = ls_corpus_statuses[f];
    for (size_t i = 0; i < d->doc.nitems; i++)   /* once per article and citation */
        if (same(d->doc.items[i].article, article) &&
            same(d->doc.items[i].citation, c->citation) && d->doc.items[i].status == status)
            return LS_OK;
    ls_corpus_item *g = realloc(d->doc.items, (d->doc.nitems + 1) * sizeof *g);
    if (!g) return nomem(d->err);
    d->doc.items = g;
    ls_corpus_item *it = &g[d->doc.nitems];
    const char *note = f >= 4 ? c->why : c->force_note;
    int ok = 1;
    *it = (ls_corpus_item){.article = ls_strdup_ok(article, &ok),
                           .citation = ls_strdup_ok(c->citation ? c->citation : "?", &ok),
                           .cited_id = ls_strdup_ok(c->doc_id, &ok), .status = status,
                           .by = f < 4 ? ls_strdup_ok(c->force_by, &ok) : NULL,
                           .note = ls_strdup_ok(note, &ok)};
    if (!ok) {
        free(it->article), free(it->citation), free(it->cited_id), free(it->by), free(it->note);
        return nomem(d->err);
    }
    d->doc.nitems++;
    d->rep->flagged_citations++;
    d->rep->by_status[f]++;
    if (f < 4) d->gone = 1;
    else if (f == 4) d->part_missing = 1;
    else d->doc_missing = 1;
    return LS_OK;
}

/* The citations an article relies on: not the texts it acts on itself. */
static int relied_on(const char *t, size_t len, const ls_cite *c)
{
    if (c->self) return 0;
    ls_relation r = ls_relation_active(t, len, c->group_start, c->group_end);
    return r == LS_REL_CITES || r == LS_REL_BASIS || r == LS_REL_GUIDES;
}

static ls_rc one_passage(void *v, const ls_passage *p)
{
    doc_run *d = v;
    d->rep->passages++;
    if (!p->text || !p->text_len) return LS_OK;
    ls_cite *cites = NULL;
    size_t n = 0;
    ls_error local = {0};
    if (ls_cite_extract(p->text, p->text_len, &cites, &n, &local)) return LS_OK;
    ls_rc rc = ls_resolve_set_self_passage(d->ctx, d->doc.id, p->article, d->err);
    for (size_t i = 0; !rc && i < n; i++) {
        if (!relied_on(p->text, p->text_len, &cites[i])) continue;
        d->rep->citations++;
        rc = ls_resolve_cite(d->ctx, &cites[i], d->err);
        if (!rc) rc = keep(d, p->article, &cites[i]);
    }
    ls_cites_free(cites, n);
    return rc;
}

/* The preamble and title: the stored links that are bases or guided texts. */
static ls_rc preamble(doc_run *d)
{
    char *lines = NULL;
    ls_rc rc = ls_searcher_metadata(d->ctx->s, LS_METADATA_LINKS, d->doc.id, &lines, d->err);
    if (rc) return rc;
    for (const char *p = lines; !rc && *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        ls_cite c;
        ls_relation kind;
        if (ls_doc_links_decode(p, end, &c, &kind) && (kind == LS_REL_BASIS || kind == LS_REL_GUIDES)) {
            d->rep->citations++;
            rc = ls_resolve_cite(d->ctx, &c, d->err);
            if (!rc) rc = keep(d, NULL, &c);
        }
        ls_cite_clear(&c);
        p = nl ? nl + 1 : end;
    }
    free(lines);
    return rc;
}

/* A procedure (id "tthc:<code>"): its card's legal bases, resolved as of
 * the date (procedure_bases.h), that lapsed or that the index lacks. */
static ls_rc review_procedure(doc_run *d, const char *id)
{
    const char *code = id + strlen(LS_PROCEDURE_ID_PREFIX);
    char *json = NULL;
    ls_rc rc = ls_procedure_get(d->ctx->s, code, d->ctx->as_of, &json, d->err);
    if (rc == LS_ERR_NOTFOUND) return LS_OK;   /* a record without its card */
    if (rc) return rc;
    json_t *card = json_loads(json, 0, NULL);
    free(json);
    const char *name = json_string_value(json_object_get(card, "name"));
    int ok = 1;
    d->doc.id = ls_strdup_ok(id, &ok);
    d->doc.number = ls_strdup_ok(code, &ok);
    d->doc.title = ls_strdup_ok(name, &ok);
    if (!ok) rc = nomem(d->err);
    json_t *bases = json_object_get(card, "legal_bases");
    for (size_t i = 0; !rc && i < json_array_size(bases); i++) {
        json_t *b = json_array_get(bases, i);
        const char *res = json_string_value(json_object_get(b, "resolution"));
        const char *status = json_string_value(json_object_get(b, "status"));
        const char *type = json_string_value(json_object_get(b, "type"));
        const char *number = json_string_value(json_object_get(b, "number"));
        if (!res || !number) continue;
        d->rep->citations++;
        ls_cite c = {0};
        ls_buf cited = LS_BUF_INIT;
        ls_cite_write_doc(&cited, type ? type : "Văn bản", NULL, number);
        if ((rc = ls_buf_error(&cited))) {
            ls_buf_free(&cited);
            rc = nomem(d->err);
            break;
        }
        c.citation = cited.data;
        if (strcmp(res, "not-in-index") == 0) {
            c.resolution = LS_CITE_DOC_MISSING;
            c.why = "not in the index";
        } else if (strcmp(res, "found") == 0 && status) {
            c.resolution = LS_CITE_FOUND;
            c.doc_id = (char *)json_string_value(json_object_get(b, "doc_id"));
            c.force_by = (char *)json_string_value(json_object_get(b, "replaced_by"));
            for (int f = LS_FORCE_UNKNOWN; f <= LS_FORCE_EXPIRED; f++)
                if (strcmp(ls_force_name((ls_force)f), status) == 0) c.force = (ls_force)f;
        } else {
            ls_buf_free(&cited);
            continue;
        }
        rc = keep(d, NULL, &c);   /* borrowed strings: keep copies them */
        ls_buf_free(&cited);
    }
    json_decref(card);
    return rc;
}

static ls_rc review_doc(doc_run *d, const char *id)
{
    if (strncmp(id, LS_PROCEDURE_ID_PREFIX, strlen(LS_PROCEDURE_ID_PREFIX)) == 0)
        return review_procedure(d, id);
    doc_entry *e = ls_resolve_doc_entry(d->ctx, id, d->err);
    if (!e) return d->err->rc;
    int ok = 1;
    d->doc.id = ls_strdup_ok(id, &ok);
    d->doc.number = ls_strdup_ok(e->number, &ok);
    d->doc.title = ls_strdup_ok(e->title, &ok);
    if (!ok) return nomem(d->err);
    ls_rc rc = preamble(d);
    if (!rc) rc = ls_searcher_each_passage_of(d->ctx->s, id, 100000, one_passage, d, NULL, d->err);
    return rc;
}

/* ---- the whole index --------------------------------------------------------- */

static void doc_free(ls_corpus_doc *d)
{
    for (size_t i = 0; i < d->nitems; i++) {
        ls_corpus_item *it = &d->items[i];
        free(it->article), free(it->citation), free(it->cited_id), free(it->by), free(it->note);
    }
    free(d->items);
    free(d->id), free(d->number), free(d->title);
}

ls_rc ls_review_corpus(ls_searcher *s, const char *as_of, ls_corpus_progress progress,
                       void *progress_ctx, ls_corpus_report **out, ls_error *err)
{
    *out = NULL;
    resolve_ctx ctx;
    ls_rc rc = ls_resolve_init(&ctx, s, as_of, err);
    if (rc) return rc;
    ctx.no_text = 1;
    ls_corpus_report *rep = calloc(1, sizeof *rep);
    char **ids = NULL;
    size_t nids = 0;
    if (!rep) rc = nomem(err);
    else rc = ls_searcher_doc_ids(s, &ids, &nids, err);
    if (rep) memcpy(rep->as_of, ctx.as_of, sizeof rep->as_of);
    for (size_t i = 0; !rc && i < nids; i++) {
        doc_run d = {.ctx = &ctx, .rep = rep, .err = err};
        rc = review_doc(&d, ids[i]);
        rep->documents++;
        if (!rc && d.doc.nitems) {
            ls_corpus_doc *g = realloc(rep->docs, (rep->ndocs + 1) * sizeof *g);
            if (!g) rc = nomem(err);
            else {
                rep->docs = g;
                rep->docs[rep->ndocs++] = d.doc;
                d.doc = (ls_corpus_doc){0};
                rep->docs_flagged++;
                rep->docs_gone += d.gone;
                rep->docs_doc_missing += d.doc_missing;
                rep->docs_part_missing += d.part_missing;
            }
        }
        doc_free(&d.doc);
        if (progress) progress(progress_ctx, i + 1, nids, rep->docs_flagged);
    }
    for (size_t i = 0; i < nids; i++) free(ids[i]);
    free(ids);
    ls_resolve_free(&ctx);
    if (rc) {
        ls_corpus_report_free(rep);
        return rc;
    }
    *out = rep;
    return LS_OK;
}

void ls_corpus_report_free(ls_corpus_report *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->ndocs; i++) doc_free(&r->docs[i]);
    free(r->docs);
    free(r);
}

/* ---- output ------------------------------------------------------------------ */

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

int ls_corpus_report_json(const ls_corpus_report *r, FILE *f)
{
    json_t *by = json_object();
    for (size_t k = 0; k < 6; k++)
        json_object_set_new(by, ls_corpus_statuses[k], json_integer((json_int_t)r->by_status[k]));
    json_t *docs = json_array();
    for (size_t i = 0; i < r->ndocs; i++) {
        const ls_corpus_doc *d = &r->docs[i];
        json_t *items = json_array();
        for (size_t k = 0; k < d->nitems; k++) {
            const ls_corpus_item *it = &d->items[k];
            json_array_append_new(items, json_pack("{s:o,s:s,s:o,s:s,s:o,s:o}", "article",
                                                   jstr(it->article), "citation", it->citation,
                                                   "cited_id", jstr(it->cited_id), "status",
                                                   it->status, "by", jstr(it->by), "note",
                                                   jstr(it->note)));
        }
        json_array_append_new(docs, json_pack("{s:s,s:o,s:o,s:o}", "id", d->id, "number",
                                              jstr(d->number), "title", jstr(d->title), "items",
                                              items));
    }
    json_t *o = json_pack(
        "{s:s,s:{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:o},s:o}", "as_of", r->as_of, "summary",
        "documents", (json_int_t)r->documents, "passages", (json_int_t)r->passages, "citations",
        (json_int_t)r->citations, "flagged_citations", (json_int_t)r->flagged_citations,
        "flagged_documents", (json_int_t)r->docs_flagged, "documents_citing_gone",
        (json_int_t)r->docs_gone, "documents_citing_missing_document",
        (json_int_t)r->docs_doc_missing, "documents_citing_missing_provision",
        (json_int_t)r->docs_part_missing, "by_status", by, "documents", docs);
    char *text = ls_json_text(o);
    int bad = !text || fputs(text, f) == EOF || fputc('\n', f) == EOF;
    free(text);
    return bad ? -1 : 0;
}

/* One CSV field, quoted when it must be (RFC 4180). */
static int csv_field(FILE *f, const char *s, int last)
{
    int bad = 0;
    if (s && strpbrk(s, ",\"\r\n")) {
        bad |= fputc('"', f) == EOF;
        for (; *s; s++) bad |= (*s == '"' && fputc('"', f) == EOF) || fputc(*s, f) == EOF;
        bad |= fputc('"', f) == EOF;
    } else if (s) {
        bad |= fputs(s, f) == EOF;
    }
    bad |= fputs(last ? "\r\n" : ",", f) == EOF;
    return bad;
}

int ls_corpus_report_csv(const ls_corpus_report *r, FILE *f)
{
    int bad = fputs("document,number,title,article,citation,cited_id,status,by,note\r\n", f) == EOF;
    for (size_t i = 0; i < r->ndocs; i++) {
        const ls_corpus_doc *d = &r->docs[i];
        for (size_t k = 0; k < d->nitems; k++) {
            const ls_corpus_item *it = &d->items[k];
            bad |= csv_field(f, d->id, 0) | csv_field(f, d->number, 0) | csv_field(f, d->title, 0) |
                   csv_field(f, it->article, 0) | csv_field(f, it->citation, 0) |
                   csv_field(f, it->cited_id, 0) | csv_field(f, it->status, 0) |
                   csv_field(f, it->by, 0) | csv_field(f, it->note, 1);
        }
    }
    return bad ? -1 : 0;
}

int ls_corpus_report_text(const ls_corpus_report *r, FILE *f)
{
    int bad = 0;
    for (size_t i = 0; i < r->ndocs; i++) {
        const ls_corpus_doc *d = &r->docs[i];
        bad |= fprintf(f, "%s%s%s\n", d->number ? d->number : d->id, d->title ? " — " : "",
                       d->title ? d->title : "") < 0;
        for (size_t k = 0; k < d->nitems; k++) {
            const ls_corpus_item *it = &d->items[k];
            if (it->article) bad |= fprintf(f, "  Điều %s: ", it->article) < 0;
            else bad |= fputs("  căn cứ: ", f) == EOF;
            bad |= fprintf(f, "%s — %s", it->citation, it->status) < 0;
            if (it->by) bad |= fprintf(f, " by %s", it->by) < 0;
            if (it->note) bad |= fprintf(f, " (%s)", it->note) < 0;
            bad |= fputc('\n', f) == EOF;
        }
    }
    bad |= fprintf(f, "%s%zu documents (%zu articles, %zu citations relied on) as of %s: %zu cite a "
                   "text no longer in force, %zu a document the index lacks, %zu a provision it "
                   "lacks; %zu documents flagged, %zu citations\n",
                   r->ndocs ? "\n" : "", r->documents, r->passages, r->citations, r->as_of,
                   r->docs_gone, r->docs_doc_missing, r->docs_part_missing, r->docs_flagged,
                   r->flagged_citations) < 0;
    return bad ? -1 : 0;
}
