/* fillers.c — Vietnamese question words and fillers, which say how a
 * citizen asks rather than what about: they weigh little in the query.
 * A question typed with diacritics is matched on its exact syllables (so
 * "bạn" is a filler but "bán" is not); one typed without is matched on the
 * folded syllables. The longest phrase at each position wins. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static const char *const filler_phrases[] = {
    "như thế nào", "thế nào", "ra sao", "là gì", "bao nhiêu", "bao lâu",
    "có được không", "được không", "có phải", "hay không", "khi nào", "ở đâu",
    "làm sao", "thì sao", "quy định ra sao", "được quy định", "quy định như thế nào",
    "có thể", "hay là", "có không", "phải không", "đúng hay sai", "đúng không",
    "xin hỏi", "cho hỏi", "tôi muốn hỏi", "cho em hỏi", "em muốn hỏi", "vậy",
    "những gì", "gồm những gì", "nào", "gì", "sao", "không", "ạ", "nhé",
    "là", "thì", "có", "được", "của", "và", "các", "những", "cho", "với", "này", "đó",
    "tôi", "em", "mình", "bạn", "hiện nay", "hiện tại", "theo", "trong", "về", "như",
    "một", "người ta", "hỏi", "nếu", "mà", "ai", "đã", "đang", "sẽ", "bị", "để",
};
#define NPHRASES (sizeof filler_phrases / sizeof filler_phrases[0])

static char *normalised[NPHRASES], *folded[NPHRASES];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void normalise_phrases(void)
{
    for (size_t k = 0; k < NPHRASES; k++)
        if (ls_normalize_term(filler_phrases[k], strlen(filler_phrases[k]), &normalised[k],
                              &folded[k], NULL) != LS_OK)
            normalised[k] = folded[k] = NULL;
}

static int phrase_matches(const ls_plan *plan, size_t at, const char *phrase, int use_folded,
                          size_t *n)
{
    size_t i = at;
    const char *p = phrase;
    while (*p) {
        if (i >= plan->nterms || plan->terms[i].kind != LS_TOKEN_WORD) return 0;
        const char *sp = strchr(p, ' ');
        size_t syl = sp ? (size_t)(sp - p) : strlen(p);
        const char *t = use_folded ? plan->terms[i].folded : plan->terms[i].term;
        if (strlen(t) != syl || memcmp(t, p, syl) != 0) return 0;
        i++;
        p += syl;
        if (*p == ' ') p++;
    }
    *n = i - at;
    return 1;
}

void ls_plan_mark_fillers(ls_plan *plan)
{
    pthread_once(&once, normalise_phrases);
    int use_folded = !plan->any_marks;
    for (size_t at = 0; at < plan->nterms;) {
        size_t best = 0;
        for (size_t k = 0; k < NPHRASES; k++) {
            const char *ph = use_folded ? folded[k] : normalised[k];
            size_t n = 0;
            if (ph && phrase_matches(plan, at, ph, use_folded, &n) && n > best) best = n;
        }
        for (size_t i = 0; i < best; i++) plan->terms[at + i].filler = 1;
        at += best ? best : 1;
    }
}
