/* fuzz_reader_text.c — libFuzzer target: the plain-text decree reader on
 * arbitrary bytes. Every delivered document must carry an id and a number,
 * and hold fuzz_invariants.h's document invariants (UTF-8 fields, spans on
 * character boundaries); problem messages are UTF-8. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_invariants.h"
#include "../../corpus/reader.h"

static int on_doc(void *ctx, const ls_document *d)
{
    (void)ctx;
    if (!d->id || !d->number || !d->source) abort();
    for (size_t i = 0; i < d->narticles; i++)
        if (!d->articles[i].number || !d->articles[i].text) abort();
    inv_document(d);
    return 0;
}

static void on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    (void)ctx;
    (void)path;
    (void)line;
    if (!msg) abort();
    inv_utf8_str(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_reader_sink sink = {on_doc, on_problem, NULL};
    ls_read_text("fuzz.txt", (const char *)data, size, &sink, NULL);
    return 0;
}
