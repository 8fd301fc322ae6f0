/* fuzz_review.c — libFuzzer target: the review's citation extractor
 * (ls_cite_extract, review/review.h) on arbitrary bytes, invalid UTF-8
 * included. Checks that every item lies inside its phrase and the phrase
 * inside the text, every offset on a character boundary, that phrases come
 * in text order, and that every item has its standard citation (a number
 * the normaliser cannot read leaves an item with no document: it resolves
 * as missing). With the index of $LS_FUZZ_INDEX (fuzz_invariants.h) the
 * whole review as `review --json` prints it: one line of JSON whose
 * offsets lie in the text, on character boundaries. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../review/review.h"
#include "fuzz_invariants.h"

static void review(ls_searcher *s, const char *text, size_t size)
{
    ls_review_result *r = NULL;
    ls_error err = {0};
    ls_review_opts opts = {.as_of = "2024-01-01", .no_text = 1};
    if (ls_review(s, text, size, &opts, &r, &err)) {
        inv_utf8_str(err.msg);
        return;
    }
    ls_buf out = LS_BUF_INIT;
    if (ls_review_json(r, text, size, &out, &err) == LS_OK) {
        if (memchr(out.data, '\n', out.len)) abort();
        json_t *j = inv_json(out.data, out.len), *c;
        size_t i;
        json_array_foreach(json_object_get(j, "citations"), i, c) {
            static const char *const keys[] = {"start", "end", "group_start", "group_end"};
            for (size_t k = 0; k < 4; k++) {
                json_t *v = json_object_get(c, keys[k]);
                if (!json_is_integer(v) || json_integer_value(v) < 0) abort();
                inv_boundary(text, size, (size_t)json_integer_value(v));
            }
        }
        json_decref(j);
    } else {
        inv_utf8_str(err.msg);
    }
    ls_buf_free(&out);
    ls_review_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    ls_cite *c = NULL;
    size_t n = 0;
    ls_error err = {0};
    if (ls_cite_extract(text, size, &c, &n, &err) != LS_OK) {
        if (c || n) abort();
        inv_utf8_str(err.msg);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (c[i].group_start > c[i].start || c[i].start >= c[i].end || c[i].end > c[i].group_end ||
            c[i].group_end > size)
            abort();
        inv_boundary(text, size, c[i].start);
        inv_boundary(text, size, c[i].end);
        inv_boundary(text, size, c[i].group_start);
        inv_boundary(text, size, c[i].group_end);
        if (!c[i].citation) abort();
        inv_utf8_str(c[i].citation);
        if (i && (c[i].group < c[i - 1].group || (c[i].group > c[i - 1].group &&
                                                  c[i].group_start < c[i - 1].group_end)))
            abort();
    }
    ls_cites_free(c, n);
    ls_searcher *s = fuzz_searcher();
    if (s && size <= 8192) review(s, text, size);
    return 0;
}
