/* mcp_complete.c — completion/complete (mcp_complete.h): checks the
 * reference and argument, then lists the matching article numbers from the
 * document's stored record. */
#include "mcp_complete.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mcp_codes.h"
#include "mcp_prompts.h"
#include "mcp_resources.h"

/* The article numbers of document id that start with prefix (any case),
 * appended to values; *total counts them all. */
static void articles(ls_searcher *s, const char *id, const char *prefix, json_t *values,
                     size_t *total)
{
    char *record = NULL;
    ls_error err = {0};
    if (!s || !id || ls_searcher_get_document(s, id, &record, &err)) return;
    json_t *doc = json_loads(record, 0, NULL);
    free(record);
    size_t i, n = strlen(prefix);
    json_t *number;
    json_array_foreach(json_object_get(doc, "articles"), i, number) {
        const char *text = json_string_value(number);
        if (!text || strncasecmp(text, prefix, n) != 0) continue;
        if (++*total <= LS_MCP_MAX_COMPLETIONS) json_array_append(values, number);
    }
    json_decref(doc);
}

int ls_mcp_complete(ls_searcher *s, json_t *params, json_t **result, char *msg,
                    size_t msg_cap)
{
    *result = NULL;
    json_t *ref = json_object_get(params, "ref"), *argument = json_object_get(params, "argument");
    const char *type = json_string_value(json_object_get(ref, "type"));
    const char *arg = json_string_value(json_object_get(argument, "name"));
    const char *value = json_string_value(json_object_get(argument, "value"));
    const char *prompt = json_string_value(json_object_get(ref, "name"));
    /* the arguments already given ({id} when completing {n}) */
    json_t *given = json_object_get(json_object_get(params, "context"), "arguments");
    if (!type || !arg || !value) {
        snprintf(msg, msg_cap, "completion/complete: params.ref.type, params.argument.name and "
                 "params.argument.value (strings) are required");
        return LS_RPC_PARAMS;
    }
    int article_n = 0;
    if (strcmp(type, "ref/resource") == 0) {
        const char *uri = json_string_value(json_object_get(ref, "uri"));
        int doc = uri && strcmp(uri, LS_MCP_DOCUMENT_TEMPLATE) == 0;
        int art = uri && strcmp(uri, LS_MCP_ARTICLE_TEMPLATE) == 0;
        if ((!doc && !art) || (strcmp(arg, "id") != 0 && !(art && strcmp(arg, "n") == 0))) {
            snprintf(msg, msg_cap, "completion/complete: no argument '%.100s' of a resource "
                     "template '%.200s' here", arg, uri ? uri : "");
            return LS_RPC_PARAMS;
        }
        article_n = art && strcmp(arg, "n") == 0;
    } else if (strcmp(type, "ref/prompt") != 0 || !prompt || !ls_mcp_prompt_takes(prompt, arg)) {
        snprintf(msg, msg_cap, "completion/complete: no prompt or resource template with the "
                 "argument '%.100s' here", arg);
        return LS_RPC_PARAMS;
    }
    json_t *values = json_array();
    size_t total = 0;
    if (values && article_n)
        articles(s, json_string_value(json_object_get(given, "id")), value, values, &total);
    *result = values ? json_pack("{s:{s:o, s:I, s:b}}", "completion", "values", values, "total",
                                 (json_int_t)total, "hasMore", total > LS_MCP_MAX_COMPLETIONS)
                     : NULL;
    if (!*result) {
        snprintf(msg, msg_cap, "out of memory");
        return LS_RPC_INTERNAL;
    }
    return 0;
}
