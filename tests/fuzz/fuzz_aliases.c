/* fuzz_aliases.c — libFuzzer target for the aliases mined from a text at
 * index time (indexer/aliases.h: other names and acronyms): the bytes
 * parsed into articles as the readers do (corpus/structure.h), then every
 * alias of every article. Checks that each key and expansion is a
 * non-empty span of its article's text and, when the text is UTF-8, starts
 * and ends on a character boundary (fuzz_invariants.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_invariants.h"
#include "../../corpus/structure.h"
#include "../../indexer/aliases.h"

typedef struct span_check {
    const ls_article *a;
    int utf8;
} span_check;

static void check_span(const span_check *c, const char *s, size_t n)
{
    const char *text = c->a->text;
    size_t len = c->a->text_len;
    if (n == 0 || !text || s < text || s + n > text + len) abort();
    if (c->utf8) {
        inv_boundary(text, len, (size_t)(s - text));
        inv_boundary(text, len, (size_t)(s - text) + n);
        inv_utf8(s, n);
    }
}

static int on_alias(void *ctx, const char *key, size_t key_len, const char *expansion,
                    size_t expansion_len)
{
    check_span(ctx, key, key_len);
    check_span(ctx, expansion, expansion_len);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_document *doc = ls_document_new();
    if (!doc) return 0;
    int utf8 = ls_utf8_valid((const char *)data, size, NULL);
    if (ls_structure_parse_body(doc, (const char *)data, size, NULL) == LS_OK)
        for (size_t i = 0; i < doc->narticles; i++) {
            span_check c = {&doc->articles[i], utf8};
            if (ls_aliases_each(&doc->articles[i], on_alias, &c) != 0) abort(); /* on_alias says 0 */
        }
    ls_document_free(doc);
    return 0;
}
