/* mcp_procedures.c — MCP tools search_procedures and get_procedure
 * (mcp_procedures.h): the REST API's parameter checks (search_params.h) and
 * the procedure card (corpus/procedure.h, bases resolved by
 * review/procedure_bases.h). */
#include "mcp_procedures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../review/procedure_bases.h"
#include "mcp_codes.h"
#include "mcp_tools.h"

#define S_STR "{\"type\":\"string\"}"
#define S_NSTR "{\"type\":[\"string\",\"null\"]}"
/* the card's fields, shared by both outputs */
#define S_CARD_PROPS                                                                         \
    "\"procedure_code\":{\"type\":\"string\",\"description\":\"code in the national "         \
    "database, e.g. 1.001193\"},\"name\":" S_STR ",\"level\":" S_NSTR ",\"field\":" S_NSTR    \
    ",\"agency\":" S_NSTR ",\"authority\":" S_NSTR ",\"address\":" S_NSTR ",\"recipients\":"   \
    S_NSTR ",\"result\":" S_NSTR ",\"url\":{\"type\":[\"string\",\"null\"],\"description\":"  \
    "\"the procedure on the National Public Service Portal (apply online there)\"},"          \
    "\"channels\":{\"type\":\"array\",\"description\":\"how to submit, each with its time "   \
    "limit and fee\",\"items\":{\"type\":\"object\",\"properties\":{\"channel\":" S_STR       \
    ",\"time_limit\":{\"type\":[\"object\",\"null\"],\"properties\":{\"value\":{\"type\":"    \
    "\"number\"},\"unit\":" S_NSTR "}},\"fee\":{\"type\":\"object\",\"properties\":{\"kind\":"\
    "{\"enum\":[\"free\",\"amount\",\"province\",\"other\",\"unknown\"]},\"amount\":{\"type\":"\
    "\"number\"},\"currency\":" S_STR ",\"text\":" S_NSTR "}},\"description\":" S_NSTR "}}},"  \
    "\"dossier\":{\"type\":\"array\",\"description\":\"the documents to bring\",\"items\":{"  \
    "\"type\":\"object\",\"properties\":{\"name\":" S_NSTR ",\"form\":" S_NSTR ",\"quantity\":"\
    S_NSTR ",\"originals\":{\"type\":[\"integer\",\"null\"]},\"copies\":{\"type\":[\"integer\","\
    "\"null\"]},\"group\":" S_NSTR "}}},"                                                      \
    "\"legal_bases\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"     \
    "\"number\":" S_STR ",\"type\":" S_NSTR ",\"name\":" S_NSTR ",\"resolution\":{\"enum\":"  \
    "[\"found\",\"not-in-index\",\"ambiguous\"]},\"doc_id\":" S_STR ",\"status\":" S_STR      \
    ",\"replaced_by\":" S_STR "}}},\"lapsed_bases\":{\"type\":\"array\",\"description\":"     \
    "\"legal bases no longer in force\",\"items\":{\"type\":\"object\"}}"

const char ls_mcp_search_procedures_input[] =
    "{\"type\":\"object\",\"properties\":{"
    "\"question\":{\"type\":\"string\",\"minLength\":1,\"description\":\"what the citizen "
    "wants to do, in everyday words or the portal's, with or without diacritics (\\\"mất sổ "
    "đỏ xin cấp lại\\\", \\\"lam ho chieu lan dau\\\")\"},"
    "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":100,\"description\":\"how many "
    "procedures (default 10)\"},"
    "\"offset\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":10000},"
    "\"level\":{\"type\":\"string\",\"description\":\"only this level: cấp xã, cấp tỉnh, cấp "
    "bộ\"},"
    "\"field\":{\"type\":\"string\",\"description\":\"only this field of work, e.g. Hộ tịch\"}},"
    "\"required\":[\"question\"],\"additionalProperties\":false}";

const char ls_mcp_search_procedures_output[] =
    "{\"type\":\"object\",\"properties\":{\"query\":" S_STR ",\"understood\":" S_STR
    ",\"suggestion\":" S_NSTR ",\"total_estimate\":{\"type\":\"integer\"},\"hits\":{\"type\":"
    "\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"rank\":{\"type\":\"integer\"},"
    "\"score\":{\"type\":\"number\"},\"kind\":{\"const\":\"procedure\"},\"citation\":" S_STR ","
    S_CARD_PROPS "},\"required\":[\"rank\",\"procedure_code\",\"name\"]}}},"
    "\"required\":[\"query\",\"hits\"]}";

const char ls_mcp_get_procedure_input[] =
    "{\"type\":\"object\",\"properties\":{"
    "\"code\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":64,\"description\":\"the "
    "procedure code, e.g. 1.001193 (from search_procedures)\"},"
    "\"as_of\":{\"type\":\"string\",\"description\":\"date of the legal bases' status, "
    "YYYY-MM-DD (default today)\"}},\"required\":[\"code\"],\"additionalProperties\":false}";

const char ls_mcp_get_procedure_output[] =
    "{\"type\":\"object\",\"properties\":{" S_CARD_PROPS ",\"steps\":" S_NSTR ",\"conditions\":"
    S_NSTR ",\"decision\":" S_NSTR ",\"as_of\":" S_STR "},\"required\":[\"procedure_code\","
    "\"name\",\"channels\",\"dossier\",\"legal_bases\"]}";

int ls_mcp_search_procedures(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                             size_t cap)
{
    return ls_mcp_search_tool(s, args, "search_procedures", "procedure", structured, msg, cap);
}

int ls_mcp_get_procedure(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                         size_t cap)
{
    const char *code = json_string_value(json_object_get(args, "code"));
    const char *as_of = json_string_value(json_object_get(args, "as_of"));
    char *card = NULL;
    ls_error err = {0};
    *structured = NULL;
    ls_rc rc = ls_procedure_get(s, code, as_of, &card, &err);
    if (rc) return ls_mcp_tool_error("get_procedure", rc, &err, msg, cap);
    *structured = json_loads(card, 0, NULL);
    free(card);
    return *structured ? 0 : LS_RPC_INTERNAL;
}
