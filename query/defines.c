/* defines.c — passages that define what the question names (defines.h).
 * Measured on ../shared/eval/dev (notes on the relevance issue). */
#include "defines.h"

#include <pthread.h>
#include <string.h>

#include "../common/ls_hash.h"

#define MAX_DEFINED_WORDS 8 /* "cơ sở dữ liệu quốc gia về dân cư" is 8 */

static uint32_t la_key;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_key(void) { la_key = ls_hash32("la", 2); }

static int folded_is(const ls_plan *plan, size_t i, const char *syllable)
{
    return i < plan->nterms && !plan->terms[i].expansion && plan->terms[i].kind == LS_TOKEN_WORD &&
           strcmp(plan->terms[i].folded, syllable) == 0;
}

void ls_plan_defines_shape(const ls_plan *plan, uint64_t *before, uint64_t *after)
{
    *before = *after = 0;
    size_t n = plan->nterms < 64 ? plan->nterms : 64;
    for (size_t i = 0; i < n; i++) {
        /* "X là", "là X"; "X được hiểu", "X hiểu" (X, or "X được hiểu"
         * when the body says "X được hiểu là"); "khái niệm X", "định
         * nghĩa X" */
        if (folded_is(plan, i, "la")) {
            if (i > 0) *before |= UINT64_C(1) << (i - 1);
            if (i + 1 < n) *after |= UINT64_C(1) << (i + 1);
        }
        if (folded_is(plan, i, "hieu")) {
            size_t x = i > 0 && folded_is(plan, i - 1, "duoc") ? i - 1 : i; /* X ends before */
            *before |= UINT64_C(1) << i; /* the body's "X được hiểu là" */
            if (x > 0) *before |= UINT64_C(1) << (x - 1);
        }
        if (i + 2 < n && ((folded_is(plan, i, "khai") && folded_is(plan, i + 1, "niem")) ||
                          (folded_is(plan, i, "dinh") && folded_is(plan, i + 1, "nghia"))))
            *after |= UINT64_C(1) << (i + 2);
    }
}

/* 1 when the words of the body from token start up to a "là" (at most
 * MAX_DEFINED_WORDS, no number among them) are question terms next to a
 * "là" in the question, one of them content */
static int defines_at(uint64_t before, uint64_t after, uint64_t content, const ls_cover *rec,
                      const uint64_t *masks, size_t start)
{
    const uint32_t *tok = rec->tokens[LS_COVER_BODY];
    size_t n = rec->ntokens[LS_COVER_BODY], k = start;
    for (; k < n && k - start <= MAX_DEFINED_WORDS; k++) {
        if (rec->nonword[tok[k] - 1]) return 0;
        if (ls_cover_folded_at(rec, LS_COVER_BODY, k) == la_key) break;
    }
    size_t len = k - start;
    if (k == n || len == 0 || len > MAX_DEFINED_WORDS) return 0;
    /* bit p of end: question terms p-len+1..p are the phrase, p before a
     * "là"; bit p of begin: terms p..p+len-1 are, p after one */
    uint64_t end = before, begin = after, any_content = 0;
    for (size_t j = 0; j < len; j++) {
        uint64_t m = masks[tok[start + j] - 1];
        end &= m << (len - 1 - j);
        begin &= m >> j;
        any_content |= m & content;
    }
    return (end | begin) && any_content;
}

double ls_defines_factor(uint64_t before, uint64_t after, uint64_t content, const ls_cover *rec,
                         const uint64_t *masks, double factor)
{
    if (!(before | after)) return 1;
    pthread_once(&once, make_key);
    const uint32_t *tok = rec->tokens[LS_COVER_BODY];
    size_t n = rec->ntokens[LS_COVER_BODY];
    /* a definition opens the body or a clause or point ("1.", "a)": a
     * number, which breaks the words) */
    for (size_t k = 0; k < n; k++)
        if ((k == 0 || rec->nonword[tok[k - 1] - 1]) && !rec->nonword[tok[k] - 1] &&
            defines_at(before, after, content, rec, masks, k))
            return factor;
    return 1;
}
