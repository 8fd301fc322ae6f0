/* fuzz_reader_tthc.c — libFuzzer target: the administrative procedure reader
 * (both record shapes, the flattened-table rebuilders) on arbitrary bytes.
 * Every procedure handed to the sink must have a code and a name, its card
 * must encode as JSON (so every string in it is valid UTF-8) and read back
 * as an object with the same code; the document and every problem message
 * hold fuzz_invariants.h's invariants (UTF-8, spans on characters); nothing
 * may crash or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../corpus/procedure.h"
#include "../../corpus/reader.h"
#include "../../text/analyser.h"
#include "fuzz_invariants.h"

static int on_document(void *ctx, const ls_document *d)
{
    (void)ctx;
    const ls_procedure *p = d->procedure;
    if (!d->id || !p || !p->code || !p->name || d->narticles != 1) abort();
    inv_document(d);
    json_t *card = ls_procedure_card(p);
    if (!card) abort(); /* a string that is not UTF-8 */
    char *text = json_dumps(card, JSON_COMPACT);
    json_decref(card);
    if (!text) abort();
    inv_utf8_str(text);
    json_t *back = inv_json(text, strlen(text));
    if (!json_is_object(back) ||
        strcmp(json_string_value(json_object_get(back, "procedure_code")), p->code) != 0)
        abort();
    json_decref(back);
    free(text);
    inv_document(d);
    return 0;
}

static void on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    (void)ctx, (void)path, (void)line;
    if (!msg) abort();
    inv_utf8_str(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_reader_sink sink = {on_document, on_problem, NULL};
    const char *s = (const char *)data;
    ls_read_tthc("fuzz/bo-x/1.json", s, size, &sink, NULL);
    /* the table rebuilders alone, on the bytes as one NUL-terminated cell */
    char *cell = malloc(size + 1);
    if (!cell) return 0;
    memcpy(cell, s, size);
    cell[size] = '\0';
    if (ls_utf8_valid(cell, strlen(cell), NULL)) {
        ls_procedure *p = calloc(1, sizeof *p);
        if (p && (p->code = strdup("1")) && (p->name = strdup("x"))) {
            ls_proc_parse_channels(p, cell);
            ls_proc_parse_dossier(p, cell);
            ls_proc_parse_bases(p, cell);
            free(ls_proc_parse_result(cell));
            json_t *card = ls_procedure_card(p);
            if (!card) abort();
            json_decref(card);
        }
        ls_procedure_free(p);
    }
    free(cell);
    return 0;
}
