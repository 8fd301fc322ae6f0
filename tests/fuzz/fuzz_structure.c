/* fuzz_structure.c — libFuzzer target: the structure parser and the
 * reference finder on arbitrary bytes (invalid UTF-8 included). Checks that
 * every span lies inside its text and, when the text is UTF-8, on a
 * character boundary with UTF-8 fields (fuzz_invariants.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_invariants.h"
#include "../../corpus/structure.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_document *doc = ls_document_new();
    if (!doc) return 0;
    int utf8 = ls_utf8_valid((const char *)data, size, NULL);
    if (ls_structure_parse_body(doc, (const char *)data, size, NULL) == LS_OK)
        for (size_t i = 0; i < doc->narticles; i++) inv_article(&doc->articles[i], utf8);
    ls_document_free(doc);

    ls_cite *refs;
    size_t n;
    if (ls_references_find((const char *)data, size, &refs, &n, NULL) == LS_OK) {
        for (size_t i = 0; i < n; i++)
            if (refs[i].end > size || refs[i].start >= refs[i].end) abort();
        if (utf8)
            for (size_t i = 0; i < n; i++)
                inv_boundary((const char *)data, size, refs[i].start),
                    inv_boundary((const char *)data, size, refs[i].end);
        ls_cites_free(refs, n);
    }
    return 0;
}
