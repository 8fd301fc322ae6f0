/* fuzz_review.c — libFuzzer target: the review's citation extractor
 * (ls_cite_extract, review/review.h) on arbitrary bytes, invalid UTF-8
 * included. Checks that every item lies inside its phrase and the phrase
 * inside the text, that phrases come in text order, and that every item has
 * its standard citation (a number the normaliser cannot read leaves an item
 * with no document: it resolves as missing). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../review/review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_cite *c = NULL;
    size_t n = 0;
    if (ls_cite_extract((const char *)data, size, &c, &n, NULL) != LS_OK) {
        if (c || n) abort();
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (c[i].group_start > c[i].start || c[i].start >= c[i].end || c[i].end > c[i].group_end ||
            c[i].group_end > size)
            abort();
        if (!c[i].citation) abort();
        if (i && (c[i].group < c[i - 1].group || (c[i].group > c[i - 1].group &&
                                                  c[i].group_start < c[i - 1].group_end)))
            abort();
    }
    ls_cites_free(c, n);
    return 0;
}
