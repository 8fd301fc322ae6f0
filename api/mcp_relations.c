/* mcp_relations.c — the MCP tool get_relations: a document's relations in
 * both directions as of a date, in the shape of GET
 * /v1/documents/{id}/relations (review/doc_relations.h). */
#include "mcp_relations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../review/doc_relations.h"
#include "mcp_codes.h"

#define N_STR "{\"type\":[\"string\",\"null\"]}"

const char ls_mcp_relations_input[] =
    "{\"type\":\"object\",\"properties\":{"
    "\"document\":{\"type\":\"string\",\"minLength\":1,\"description\":\"the document's "
    "number: \\\"123/2015/NĐ-CP\\\", \\\"60/2014/QH13\\\"\"},"
    "\"as_of\":{\"type\":\"string\",\"description\":\"status and in_effect as of YYYY-MM-DD "
    "(default today)\"}},\"required\":[\"document\"],\"additionalProperties\":false}";

const char ls_mcp_relations_output[] =
    "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},\"number\":" N_STR
    ",\"title\":" N_STR ",\"type\":" N_STR ",\"issued\":" N_STR ",\"effective\":" N_STR
    ",\"as_of\":{\"type\":\"string\"},\"status\":{\"type\":\"object\",\"properties\":{"
    "\"force\":{\"type\":\"string\",\"description\":\"in-force, amended, partly-repealed, "
    "not-yet, suspended, repealed, replaced, expired, unknown\"},\"by\":" N_STR ",\"note\":"
    N_STR "},\"required\":[\"force\"]},\"truncated\":{\"type\":\"boolean\"},"
    "\"relations\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
    "\"direction\":{\"enum\":[\"out\",\"in\"],\"description\":\"out: the document acts on the "
    "other; in: the other acts on it\"},\"kind\":{\"enum\":[\"basis\",\"guides\",\"amends\","
    "\"replaces\",\"repeals\",\"suspends\",\"corrects\"]},\"label\":{\"type\":\"string\","
    "\"description\":\"căn cứ, được sửa đổi, bổ sung bởi, bị thay thế bởi ...\"},"
    "\"document\":{\"type\":\"object\",\"properties\":{\"id\":" N_STR ",\"citation\":{\"type\":"
    "\"string\"},\"title\":" N_STR ",\"in_index\":{\"type\":\"boolean\"}},\"required\":["
    "\"citation\",\"in_index\"]},\"acting_article\":{\"type\":[\"string\",\"null\"],"
    "\"description\":\"article of the acting text; null: its title or preamble\"},"
    "\"article\":" N_STR ",\"clause\":" N_STR ",\"point\":" N_STR ",\"effective\":{\"type\":"
    "[\"string\",\"null\"],\"description\":\"the acting text's effective date\"},"
    "\"in_effect\":{\"type\":\"boolean\"}},\"required\":[\"direction\",\"kind\",\"document\","
    "\"in_effect\"]}}},\"required\":[\"id\",\"as_of\",\"status\",\"relations\"]}";

int ls_mcp_call_relations(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                          size_t cap)
{
    *structured = NULL;
    const char *doc = json_string_value(json_object_get(args, "document"));
    const char *as_of = json_string_value(json_object_get(args, "as_of"));
    ls_doc_relations *r = NULL;
    ls_error err = {0};
    ls_rc rc = ls_doc_relations_get(s, doc ? doc : "", as_of, &r, &err);
    if (rc) return ls_mcp_tool_error("get_relations", rc, &err, msg, cap);
    *structured = ls_doc_relations_object(r);   /* embedded, not dumped and parsed again */
    ls_doc_relations_free(r);
    return *structured ? 0 : LS_RPC_INTERNAL;
}
