/* rerank.c — rescales first-stage scores by question coverage (rerank.h):
 * the matching terms of each candidate (Xapian's Enquire::get_matching_terms)
 * are sorted into body words, body pairs and heading pairs, each counted
 * against what the question holds. */
#include "rerank.h"

#include <stdlib.h>
#include <string.h>

#include "../indexer/schema.h"

typedef struct coverage_count {
    unsigned words, pairs, heading_pairs;
} coverage_count;

static int is_prefixed_by(const char *term, const char *prefix)
{
    size_t n = strlen(prefix);
    /* a prefix is followed by the lower-case term, never another capital */
    return strncmp(term, prefix, n) == 0 && !(term[n] >= 'A' && term[n] <= 'Z');
}

static int count_match(void *ctx, const char *term)
{
    coverage_count *c = ctx;
    if (is_prefixed_by(term, LS_PREFIX_PAIR) || is_prefixed_by(term, LS_PREFIX_PAIR_FOLDED))
        c->pairs++;
    else if (is_prefixed_by(term, LS_PREFIX_HEADING_PAIR) ||
             is_prefixed_by(term, LS_PREFIX_HEADING_PAIR_FOLDED))
        c->heading_pairs++;
    else if (!(term[0] >= 'A' && term[0] <= 'Z') || is_prefixed_by(term, LS_PREFIX_FOLDED))
        c->words++;
    return 0;
}

/* The question's content words and adjacent content pairs, as the query
 * builder (build.c) asks for them. */
static void question_size(const ls_plan *plan, unsigned *words, unsigned *pairs)
{
    *words = *pairs = 0;
    for (size_t i = 0; i < plan->nterms; i++) {
        const ls_qterm *t = &plan->terms[i];
        if (t->filler || t->expansion) continue;
        (*words)++;
        const ls_qterm *next = i + 1 < plan->nterms ? &plan->terms[i + 1] : NULL;
        if (next && !next->filler && t->kind == LS_TOKEN_WORD && next->kind == LS_TOKEN_WORD &&
            next->position == t->position + 1)
            (*pairs)++;
    }
}

static int better_first(const void *a, const void *b)
{
    const ls_candidate *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return 0;
}

ls_rc ls_rerank_by_coverage(xc_enquire *enq, const xc_mset *ms, const ls_plan *plan,
                            double weight, double heading_weight, size_t depth,
                            ls_candidate *out, size_t n, ls_error *err)
{
    unsigned words, pairs;
    question_size(plan, &words, &pairs);
    for (size_t i = 0; i < n; i++) {
        out[i].docid = xc_mset_docid(ms, i);
        out[i].score = xc_mset_weight(ms, i);
        out[i].coverage = 0;
        if (weight <= 0 || words == 0 || i >= depth) continue;
        coverage_count c = {0, 0, 0};
        xc_err xe;
        if (xc_mset_matching_terms(enq, ms, i, count_match, &c, &xe))
            return ls_error_set(err, LS_ERR_INDEX, "reranking: %s", xe.msg);
        double w = c.words >= words ? 1.0 : (double)c.words / words;
        double p = pairs == 0 ? w : c.pairs >= pairs ? 1.0 : (double)c.pairs / pairs;
        double h = pairs == 0 ? 0 : c.heading_pairs >= pairs ? 1.0 : (double)c.heading_pairs / pairs;
        out[i].coverage = (w + p) / 2 + heading_weight * h;
        out[i].score *= 1 + weight * out[i].coverage;
    }
    /* stable: qsort is not, so break ties by first-stage position */
    for (size_t i = 1; i < n && i < depth; i++) {
        ls_candidate c = out[i];
        size_t j = i;
        while (j > 0 && better_first(&c, &out[j - 1]) < 0) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = c;
    }
    return LS_OK;
}
