/* answer_type.c — the kind of answer a question asks for (answer_type.h).
 * Measured on ../shared/eval/dev (notes on the relevance issue). */
#include "answer_type.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_hash.h"

/* What the question says, folded, and the kind it asks for */
static const struct {
    const char *phrase;
    int type;
} asks[] = {
    {"bao lau", LS_ANSWER_TIME_LIMIT},        {"thoi han", LS_ANSWER_TIME_LIMIT},
    {"thoi hieu", LS_ANSWER_TIME_LIMIT},      {"bao nhieu ngay", LS_ANSWER_TIME_LIMIT},
    {"bao nhieu thang", LS_ANSWER_TIME_LIMIT}, {"bao nhieu nam", LS_ANSWER_TIME_LIMIT},
    {"tham quyen", LS_ANSWER_AUTHORITY},      {"co quan nao", LS_ANSWER_AUTHORITY},
    {"dieu kien", LS_ANSWER_CONDITION},
};
#define NASKS (sizeof asks / sizeof asks[0])

/* The two folded syllables a heading of that kind opens with */
static const struct {
    const char *first, *second;
    int type;
} heads[] = {
    {"thoi", "han", LS_ANSWER_TIME_LIMIT}, {"thoi", "hieu", LS_ANSWER_TIME_LIMIT},
    {"tham", "quyen", LS_ANSWER_AUTHORITY}, {"dieu", "kien", LS_ANSWER_CONDITION},
};
#define NHEADS (sizeof heads / sizeof heads[0])

/* Words that link the parts of a heading: the question need not hold them */
static const char *const links[] = {"cua", "cac", "va", "doi", "voi", "trong"};
#define NLINKS (sizeof links / sizeof links[0])

static uint32_t head_key[NHEADS][2], link_key[NLINKS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_keys(void)
{
    for (size_t k = 0; k < NHEADS; k++) {
        head_key[k][0] = ls_hash32(heads[k].first, strlen(heads[k].first));
        head_key[k][1] = ls_hash32(heads[k].second, strlen(heads[k].second));
    }
    for (size_t k = 0; k < NLINKS; k++) link_key[k] = ls_hash32(links[k], strlen(links[k]));
}

int ls_plan_answer_types(const ls_plan *plan)
{
    int types = 0;
    for (size_t k = 0; k < NASKS; k++)
        if (ls_plan_has_folded_phrase(plan, asks[k].phrase)) types |= asks[k].type;
    return types;
}

static int is_link(uint32_t folded)
{
    for (size_t k = 0; k < NLINKS; k++)
        if (link_key[k] == folded) return 1;
    return 0;
}

double ls_answer_type_factor(int types, const ls_cover *rec, const uint64_t *masks)
{
    if (!types) return 1;
    pthread_once(&once, make_keys);
    size_t n = rec->ntokens[LS_COVER_HEADING];
    if (n < 3) return 1; /* the kind alone, or nothing */
    size_t k = 0;
    while (k < NHEADS && !((heads[k].type & types) && ls_cover_folded_at(rec, LS_COVER_HEADING, 0) == head_key[k][0] &&
                           ls_cover_folded_at(rec, LS_COVER_HEADING, 1) == head_key[k][1]))
        k++;
    if (k == NHEADS) return 1;
    const uint32_t *tok = rec->tokens[LS_COVER_HEADING];
    for (size_t i = 2; i < n; i++) { /* the rest: the question's words */
        uint32_t w = tok[i] - 1;
        if (rec->nonword[w] || masks[w] || is_link(ls_cover_folded_at(rec, LS_COVER_HEADING, i))) continue;
        return 1;
    }
    return LS_ANSWER_TYPE_FACTOR;
}
