/* fuzz_readers.c — libFuzzer target: the JSONL, ALQAC and pháp điển readers
 * (with the HTML-to-text pass) on arbitrary bytes. Every document handed to
 * the sink must have an id, its fields valid UTF-8, every article's clauses
 * inside its text on character boundaries (fuzz_invariants.h), and every
 * problem message valid UTF-8; nothing may crash or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_invariants.h"
#include "../../corpus/reader.h"

static int on_document(void *ctx, const ls_document *d)
{
    (void)ctx;
    if (!d->id || !*d->id) abort();
    for (size_t i = 0; i < d->narticles; i++) {
        const ls_article *a = &d->articles[i];
        if (a->text && strlen(a->text) != a->text_len) abort();
    }
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
    ls_reader_sink sink = {on_document, on_problem, NULL};
    const char *s = (const char *)data;
    ls_read_jsonl("fuzz.jsonl", s, size, &sink, NULL);
    ls_read_alqac("fuzz.json", s, size, &sink, NULL);
    ls_read_phapdien("fuzz.html", s, size, &sink, NULL);
    return 0;
}
