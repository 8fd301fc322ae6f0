/* roles.c — articles on a party's rights or duties (roles.h).
 * Measured on ../shared/eval/dev (notes on the relevance issue). */
#include "roles.h"

#include <pthread.h>
#include <string.h>

#include "../common/ls_hash.h"

/* the folded syllables of the role words, as cover-record keys */
enum { QUYEN, HAN, NGHIA, NHIEM, TRACH, VU, VA, CUA, CHUC, NANG, NKEYS };
static const char *const syllables[NKEYS] = {"quyen", "han", "nghia", "nhiem", "trach",
                                             "vu", "va", "cua", "chuc", "nang"};
static uint32_t key[NKEYS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void make_keys(void)
{
    for (int k = 0; k < NKEYS; k++) key[k] = ls_hash32(syllables[k], strlen(syllables[k]));
}

int ls_plan_roles(const ls_plan *plan)
{
    int roles = 0;
    for (size_t i = 0; i < plan->nterms; i++) {
        const char *f = plan->terms[i].folded;
        const char *next = i + 1 < plan->nterms ? plan->terms[i + 1].folded : "";
        if (strcmp(f, "quyen") == 0) roles |= LS_ROLE_RIGHTS;
        if ((strcmp(f, "nghia") == 0 || strcmp(f, "nhiem") == 0) && strcmp(next, "vu") == 0)
            roles |= LS_ROLE_DUTIES;
        if (strcmp(f, "trach") == 0 && strcmp(next, "nhiem") == 0) roles |= LS_ROLE_DUTIES;
    }
    return roles;
}

/* the index in key[] of folded key k, or NKEYS */
static int which(uint32_t k)
{
    int i = 0;
    while (i < NKEYS && key[i] != k) i++;
    return i;
}

double ls_role_factor(int qroles, const ls_cover *rec, const uint64_t *masks)
{
    if (!qroles) return 1;
    pthread_once(&once, make_keys);
    size_t n = rec->ntokens[LS_COVER_HEADING];
    const uint32_t *tok = rec->tokens[LS_COVER_HEADING];
    int hroles = 0;
    size_t i = 0;
    for (; i < n; i++) { /* role words up to "của" */
        if (rec->nonword[tok[i] - 1]) return 1;
        int k = which(ls_cover_folded_at(rec, LS_COVER_HEADING, i));
        if (k == CUA) break;
        if (k == QUYEN) hroles |= LS_ROLE_RIGHTS;
        else if (k == VU || k == TRACH) hroles |= LS_ROLE_DUTIES;
        else if (k == NKEYS) return 1; /* not a role word: another kind of heading */
    }
    if (i + 1 >= n || !(hroles & qroles)) return 1; /* no party, or not the role asked */
    for (size_t j = i + 1; j < n; j++) /* the party, all of it in the question */
        if (rec->nonword[tok[j] - 1] || !masks[tok[j] - 1]) return 1;
    return LS_ROLE_FACTOR;
}
