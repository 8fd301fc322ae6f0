/* prior.c — the document prior (prior.h). */
#include "prior.h"

#include <string.h>

#include "../corpus/document.h"

/* Measured on ../shared/eval/dev (MRR@10 zalo-dev, no diacritics, alqac):
 * none 0.786 0.781 0.897; 0.10/0.05 0.791 0.785 0.897; 0.05/0.025 0.790
 * 0.781 0.897; 0.2/0.1 0.784 0.776 0.895; 0.1/0 0.784 0.777 0.896.
 * Refitted once coverage weighed words by idf (rerank.c), bench/eval-halves
 * MRR@10 fit / held out, zalo-dev and no diacritics (alqac: laws only):
 * 0.10/0.05 0.7792/0.8193 0.7860/0.8110; 0.10/0.075 0.7832/0.8236
 * 0.7864/0.8135 (kept: both halves of both up, R@10 unchanged); 0.075/0.075
 * 0.7804/0.8262 0.7865/0.8135 (R@10 no diacritics 0.923 -> 0.920);
 * 0.10/0.10 0.7820/0.8238 0.7799/0.8121; 0.05/0.05 0.7786/0.8278
 * 0.7860/0.8119 (R@10 0.923 -> 0.917); 0.15/0.10 0.7813/0.8131
 * 0.7786/0.8074; 0.10/0 0.7731/0.8099 0.7724/0.8063. */
#define LAW_BOOST 0.10
#define DECREE_BOOST 0.075

double ls_prior_factor(const char *id)
{
    if (!id) return 1;
    /* a law without a number is named: "luật …", "bộ luật …", "hiến pháp" */
    static const char *const names[] = {"luật ", "bộ luật ", "hiến pháp"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strncmp(id, names[k], strlen(names[k])) == 0) return 1 + LAW_BOOST;
    const char *type = ls_docnum_type(id);
    if (!type) return 1;
    if (strcmp(type, "Luật") == 0 || strcmp(type, "Bộ luật") == 0 ||
        strcmp(type, "Hiến pháp") == 0)
        return 1 + LAW_BOOST;
    return strcmp(type, "Nghị định") == 0 ? 1 + DECREE_BOOST : 1;
}

double ls_prior_most(void) { return 1 + LAW_BOOST; }

void ls_prior_apply(ls_candidate *cands, size_t n, size_t depth, size_t keep,
                    ls_prior_id_fn id_of, void *ctx)
{
    if (depth > n) depth = n;
    if (keep == 0 || keep > depth) keep = depth;
    if (depth == 0) return;
    /* factors are >= 1: the keep-th score only rises, so a candidate below
     * it even at the largest factor stays out of the first keep places */
    double floor = cands[keep - 1].score / ls_prior_most();
    for (size_t i = 0; i < depth; i++) {
        if (cands[i].score < floor) continue;
        char id[256];
        if (id_of(ctx, &cands[i], id, sizeof id)) cands[i].score *= ls_prior_factor(id);
    }
    ls_candidates_sort(cands, depth);
}
