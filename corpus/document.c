/* document.c — allocation, freeing and small helpers of the document model. */
#include "document.h"
#include "procedure.h"
#include "structure.h"

#include <stdlib.h>
#include <string.h>

ls_document *ls_document_new(void) { return calloc(1, sizeof(ls_document)); }


static void free_article(ls_article *a)
{
    free(a->number);
    free(a->heading);
    free(a->text);
    free(a->part);
    free(a->chapter);
    free(a->section);
    for (size_t i = 0; i < a->nclauses; i++) {
        ls_clause *c = &a->clauses[i];
        free(c->number);
        for (size_t j = 0; j < c->npoints; j++) free(c->points[j].label);
        free(c->points);
    }
    free(a->clauses);
    ls_cites_free(a->refs, a->nrefs);
    free(a->pd_label);
    free(a->pd_topic);
    free(a->source_note);
    free(a->source_url);
}

void ls_document_free(ls_document *doc)
{
    if (!doc) return;
    free(doc->id);
    free(doc->number);
    free(doc->type);
    free(doc->issuer);
    free(doc->issued);
    free(doc->effective);
    free(doc->title);
    free(doc->status);
    free(doc->source);
    for (size_t i = 0; i < doc->narticles; i++) free_article(&doc->articles[i]);
    free(doc->articles);
    ls_cites_free(doc->refs, doc->nrefs);
    ls_procedure_free(doc->procedure);
    free(doc);
}

ls_article *ls_document_add_article(ls_document *doc)
{
    ls_article *grown = realloc(doc->articles, (doc->narticles + 1) * sizeof *grown);
    if (!grown) return NULL;
    doc->articles = grown;
    ls_article *a = &doc->articles[doc->narticles++];
    memset(a, 0, sizeof *a);
    return a;
}

const char *ls_document_infer_type(ls_document *doc)
{
    if (doc->type || !doc->number) return doc->type;
    const char *type = ls_docnum_type(doc->number);
    if (!type) return NULL;
    if (ls_strset(&doc->type, type, strlen(type))) return NULL;
    return doc->type;
}
