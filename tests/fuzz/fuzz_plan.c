/* fuzz_plan.c — libFuzzer target for the query side's parsing of a
 * question without an index: ls_plan_build (analyser, fillers, definition
 * questions, cited document/article/clause/point) and the ranking query
 * built from the plan with the default weights. */
#include <stddef.h>
#include <stdint.h>

#include "../../query/build.h"
#include "../../query/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_plan *plan = NULL;
    if (ls_plan_build((const char *)data, size, &plan, NULL) != LS_OK) return 0;
    ls_weights w = ls_weights_default();
    xc_query *q = NULL;
    if (ls_query_rank(plan, &w, NULL, &q, NULL) == LS_OK) xc_query_free(q);
    ls_plan_free(plan);
    return 0;
}
