/* document_copy.c — deep copy of the document model (see document_copy.h). */
#include "document_copy.h"
#include "procedure.h"

#include <stdlib.h>
#include <string.h>


/* Copy the NUL-terminated string s (NULL stays NULL); *ok cleared on failure. */
static char *dup_str(const char *s, int *ok)
{
    if (!s) return NULL;
    char *c = strdup(s);
    if (!c) *ok = 0;
    return c;
}

/* Copy n elements of size sz (NULL or 0 -> NULL); *ok cleared on failure. */
static void *dup_array(const void *a, size_t n, size_t sz, int *ok)
{
    if (!a || n == 0) return NULL;
    void *c = malloc(n * sz);
    if (!c) {
        *ok = 0;
        return NULL;
    }
    return memcpy(c, a, n * sz);
}

/* refs: each deep-copied (ls_cite_copy). A failed string leaves NULL
 * behind, which ls_cites_free accepts. */
static ls_cite *copy_refs(const ls_cite *src, size_t n, int *ok)
{
    if (!src || n == 0) return NULL;
    ls_cite *r = calloc(n, sizeof *r);
    if (!r) {
        *ok = 0;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (ls_cite_copy(&r[i], &src[i])) *ok = 0;
    return r;
}

static void copy_article(ls_article *a, const ls_article *s, int *ok)
{
    a->number = dup_str(s->number, ok);
    a->heading = dup_str(s->heading, ok);
    a->text = NULL;
    a->text_len = 0;
    if (s->text) {
        a->text = malloc(s->text_len + 1);
        if (a->text) {
            memcpy(a->text, s->text, s->text_len);
            a->text[s->text_len] = '\0';
            a->text_len = s->text_len;
        } else {
            *ok = 0;
        }
    }
    a->part = dup_str(s->part, ok);
    a->chapter = dup_str(s->chapter, ok);
    a->section = dup_str(s->section, ok);
    a->clauses = dup_array(s->clauses, s->nclauses, sizeof *a->clauses, ok);
    a->nclauses = a->clauses ? s->nclauses : 0;
    for (size_t i = 0; i < a->nclauses; i++) {
        ls_clause *c = &a->clauses[i];
        c->number = dup_str(s->clauses[i].number, ok);
        c->points = dup_array(s->clauses[i].points, c->npoints, sizeof *c->points, ok);
        if (!c->points) c->npoints = 0;
        for (size_t j = 0; j < c->npoints; j++)
            c->points[j].label = dup_str(s->clauses[i].points[j].label, ok);
    }
    a->refs = copy_refs(s->refs, s->nrefs, ok);
    a->nrefs = a->refs ? s->nrefs : 0;
    a->pd_label = dup_str(s->pd_label, ok);
    a->pd_topic = dup_str(s->pd_topic, ok);
    a->source_note = dup_str(s->source_note, ok);
    a->source_url = dup_str(s->source_url, ok);
}

ls_document *ls_document_copy(const ls_document *src)
{
    ls_document *d = ls_document_new();
    if (!d) return NULL;
    int ok = 1;
    d->id = dup_str(src->id, &ok);
    d->number = dup_str(src->number, &ok);
    d->type = dup_str(src->type, &ok);
    d->issuer = dup_str(src->issuer, &ok);
    d->issued = dup_str(src->issued, &ok);
    d->effective = dup_str(src->effective, &ok);
    d->title = dup_str(src->title, &ok);
    d->status = dup_str(src->status, &ok);
    d->source = dup_str(src->source, &ok);
    if (src->narticles) {
        d->articles = calloc(src->narticles, sizeof *d->articles);
        if (!d->articles) ok = 0;
        else d->narticles = src->narticles;
    }
    for (size_t i = 0; i < d->narticles; i++) copy_article(&d->articles[i], &src->articles[i], &ok);
    d->refs = copy_refs(src->refs, src->nrefs, &ok);
    d->nrefs = d->refs ? src->nrefs : 0;
    if (src->procedure && !(d->procedure = ls_procedure_copy(src->procedure))) ok = 0;
    if (!ok) {
        ls_document_free(d);
        return NULL;
    }
    return d;
}
