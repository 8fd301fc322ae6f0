/* fuzz_reader_text.c — libFuzzer target: the plain-text decree reader on
 * arbitrary bytes. Every delivered document must carry an id and a number. */
#include <stdint.h>
#include <stdlib.h>

#include "../../corpus/reader.h"

static int on_doc(void *ctx, const ls_document *d)
{
    (void)ctx;
    if (!d->id || !d->number || !d->source) abort();
    for (size_t i = 0; i < d->narticles; i++)
        if (!d->articles[i].number || !d->articles[i].text) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_reader_sink sink = {on_doc, NULL, NULL};
    ls_read_text("fuzz.txt", (const char *)data, size, &sink, NULL);
    return 0;
}
