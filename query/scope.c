/* scope.c — the opening and closing articles of a text (scope.h). */
#include "scope.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "../common/ls_hash.h"
#include "../text/analyser.h"

/* Measured on ../shared/eval/dev (notes on the relevance issue). */
#define SCOPE_PENALTY 0.85
#define SCOPE_BOOST 1.3

static const char *const headings[] = {
    "Phạm vi điều chỉnh", "Đối tượng áp dụng", "Phạm vi điều chỉnh và đối tượng áp dụng",
    "Phạm vi điều chỉnh, đối tượng áp dụng", "Phạm vi và đối tượng áp dụng",
    "Hiệu lực thi hành", "Trách nhiệm thi hành", "Hiệu lực và trách nhiệm thi hành",
    "Tổ chức thực hiện", "Điều khoản thi hành", "Điều khoản chuyển tiếp",
    "Quy định chuyển tiếp", "Hiệu lực",
};
#define NHEADINGS (sizeof headings / sizeof headings[0])
#define MAX_WORDS 12

/* each heading as the folded keys of its words (format/cover_record.h) */
static uint32_t keys[NHEADINGS][MAX_WORDS];
static size_t nkeys[NHEADINGS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void fold_headings(void)
{
    for (size_t k = 0; k < NHEADINGS; k++) {
        char folded[256];
        if (ls_folded_words(headings[k], strlen(headings[k]), folded, sizeof folded, NULL))
            continue; /* nkeys 0: never matches */
        for (const char *p = folded; *p && nkeys[k] < MAX_WORDS;) {
            const char *sp = strchr(p, ' ');
            size_t len = sp ? (size_t)(sp - p) : strlen(p);
            keys[k][nkeys[k]++] = ls_hash32(p, len);
            p += len + (sp != NULL);
        }
    }
}

int ls_scope_heading(const ls_cover *rec)
{
    pthread_once(&once, fold_headings);
    size_t n = rec->ntokens[LS_COVER_HEADING];
    for (size_t k = 0; k < NHEADINGS; k++) {
        if (nkeys[k] != n) continue;
        size_t i = 0;
        while (i < n && ls_cover_folded_at(rec, LS_COVER_HEADING, i) == keys[k][i]) i++;
        if (i == n) return 1;
    }
    return 0;
}

double ls_scope_factor(const ls_plan *plan)
{
    return plan->asks_scope ? SCOPE_BOOST : SCOPE_PENALTY;
}

double ls_scope_most(const ls_plan *plan)
{
    double f = ls_scope_factor(plan);
    return f > 1 ? f : 1;
}
