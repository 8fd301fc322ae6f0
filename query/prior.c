/* prior.c — the document prior (prior.h). */
#include "prior.h"

#include <string.h>

/* Measured on ../shared/eval/dev (MRR@10 zalo-dev, no diacritics, alqac):
 * none 0.786 0.781 0.897; 0.10/0.05 0.791 0.785 0.897; 0.05/0.025 0.790
 * 0.781 0.897; 0.2/0.1 0.784 0.776 0.895; 0.1/0 0.784 0.777 0.896. */
#define LAW_BOOST 0.10
#define DECREE_BOOST 0.05

static double factor(const ls_passage *p)
{
    if (!p || !p->doc_type) return 1; /* unread (it cannot reach the shown places) or unknown */
    if (strcmp(p->doc_type, "Luật") == 0 || strcmp(p->doc_type, "Bộ luật") == 0 ||
        strcmp(p->doc_type, "Hiến pháp") == 0)
        return 1 + LAW_BOOST;
    if (strcmp(p->doc_type, "Nghị định") == 0) return 1 + DECREE_BOOST;
    return 1;
}

void ls_prior_apply(ls_candidate *cands, size_t n, size_t depth)
{
    if (depth > n) depth = n;
    for (size_t i = 0; i < depth; i++)
        cands[i].score *= factor(cands[i].passage);
    /* insertion sort of the first depth by score (stable, depth is small) */
    for (size_t i = 1; i < depth; i++) {
        ls_candidate c = cands[i];
        size_t j = i;
        while (j > 0 && cands[j - 1].score < c.score) {
            cands[j] = cands[j - 1];
            j--;
        }
        cands[j] = c;
    }
}
