/* fuzz_structure.c — libFuzzer target: the structure parser and the
 * reference finder on arbitrary bytes (invalid UTF-8 included). Checks that
 * every span lies inside its text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../corpus/structure.h"

static void check_article(const ls_article *a)
{
    for (size_t i = 0; i < a->nclauses; i++) {
        const ls_clause *c = &a->clauses[i];
        if (c->start > c->end || c->end > a->text_len) abort();
        for (size_t j = 0; j < c->npoints; j++)
            if (c->points[j].start < c->start || c->points[j].end > c->end) abort();
    }
    for (size_t i = 0; i < a->nrefs; i++)
        if (a->refs[i].start >= a->refs[i].end || a->refs[i].end > a->text_len) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_document *doc = ls_document_new();
    if (!doc) return 0;
    if (ls_structure_parse_body(doc, (const char *)data, size, NULL) == LS_OK)
        for (size_t i = 0; i < doc->narticles; i++) check_article(&doc->articles[i]);
    ls_document_free(doc);

    ls_reference *refs;
    size_t n;
    if (ls_references_find((const char *)data, size, &refs, &n, NULL) == LS_OK) {
        for (size_t i = 0; i < n; i++)
            if (refs[i].end > size || refs[i].start >= refs[i].end) abort();
        ls_references_free(refs, n);
    }
    return 0;
}
