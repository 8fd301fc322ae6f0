/* mcp_resources.c — MCP resources (mcp_resources.h): URI parsing and the
 * contents; the document JSON comes from the REST route's code
 * (documents_json.h), the article JSON from query/results_json.h. */
#include "mcp_resources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../query/results_json.h"
#include "documents_json.h"

#define JSON_MIME "application/json"
static const char index_uri[] = "luat://index";
static const char doc_prefix[] = "luat://document/";
static const char art_infix[] = "/article/";

json_t *ls_mcp_resources_list(void)
{
    return json_pack(
        "{s:[{s:s, s:s, s:s, s:s, s:s}]}", "resources", "uri", index_uri, "name", "index",
        "title", "What this index holds", "description",
        "How many documents and passages the index holds, by document type (Luật, Nghị "
        "định, ...). Documents and articles are read through the resource templates.",
        "mimeType", JSON_MIME);
}

json_t *ls_mcp_resource_templates(void)
{
    return json_pack(
        "{s:[{s:s, s:s, s:s, s:s, s:s}, {s:s, s:s, s:s, s:s, s:s}]}", "resourceTemplates",
        "uriTemplate", LS_MCP_DOCUMENT_TEMPLATE, "name", "document", "title",
        "A legal document, all its articles", "description",
        "A document by its number, e.g. luat://document/68%2F2020%2FQH14 (the number "
        "percent-encoded or as written): its record (title, type, issuer, dates, status) "
        "and every article with its clauses, as GET /v1/documents/{id} gives them.",
        "mimeType", JSON_MIME, "uriTemplate", LS_MCP_ARTICLE_TEMPLATE, "name",
        "article", "title", "One article of a legal document", "description",
        "Article n (5, 5a) of a document, with its heading path, clauses and status, as GET "
        "/v1/documents/{id}/articles/{n} gives it.",
        "mimeType", JSON_MIME);
}

static int hex(int c)
{
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Percent-decode src[0..n) into dst (cap bytes with the NUL). 0, or -1 for
 * a bad escape, a NUL byte or no room. */
static int decode(const char *src, size_t n, char *dst, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)src[i];
        if (c == '%') {
            if (i + 2 >= n) return -1;
            int h = hex(src[i + 1]), l = hex(src[i + 2]);
            if (h < 0 || l < 0) return -1;
            c = h * 16 + l;
            i += 2;
        }
        if (!c || o + 1 >= cap) return -1;
        dst[o++] = (char)c;
    }
    dst[o] = '\0';
    return 0;
}

static int contents(const char *uri, ls_buf *text, json_t **result)
{
    *result = json_pack("{s:[{s:s, s:s, s:s%}]}", "contents", "uri", uri, "mimeType",
                        JSON_MIME, "text", text->data ? text->data : "", text->len);
    return *result ? 0 : LS_RPC_INTERNAL;
}

int ls_mcp_resources_read(ls_searcher *s, const char *unavailable, const char *uri,
                          json_t **result, char *msg, size_t msg_cap)
{
    *result = NULL;
    int is_index = strcmp(uri, index_uri) == 0;
    if (!is_index && strncmp(uri, doc_prefix, sizeof doc_prefix - 1) != 0) {
        snprintf(msg, msg_cap, "resources/read: '%.200s' is not a luat-search resource "
                 "(luat://index, luat://document/{id}, luat://document/{id}/article/{n})", uri);
        return LS_RPC_PARAMS;
    }
    /* the id may hold slashes: the article part is found from the end */
    const char *art = NULL;
    char id[256] = "", number[64] = "";
    if (!is_index) {
        const char *rest = uri + sizeof doc_prefix - 1, *next = rest;
        while ((next = strstr(next, art_infix))) art = next++;
        size_t idlen = art ? (size_t)(art - rest) : strlen(rest);
        const char *num = art ? art + sizeof art_infix - 1 : NULL;
        if (decode(rest, idlen, id, sizeof id) ||
            (num && decode(num, strlen(num), number, sizeof number)) ||
            !ls_api_plausible_id(id) || ls_api_id_tail(id) ||
            (num && (!ls_api_plausible_id(number) || strchr(number, '/')))) {
            snprintf(msg, msg_cap, "resources/read: bad document id or article number in "
                     "'%.200s' (ids look like 68/2020/QH14, articles like 5 or 5a)", uri);
            return LS_RPC_PARAMS;
        }
    }
    if (!s) {
        snprintf(msg, msg_cap, "resources/read: %s",
                 unavailable ? unavailable : "the index is unavailable");
        return LS_RPC_INTERNAL;
    }
    ls_buf text = LS_BUF_INIT;
    ls_error err = {0};
    ls_rc rc;
    if (is_index) {
        char *stats = NULL;
        rc = ls_searcher_stats_json(s, &stats, &err);
        if (!rc) rc = ls_buf_puts(&text, stats);
        free(stats);
    } else if (art) {
        ls_passage *p = NULL;
        rc = ls_searcher_get_passage(s, id, number, &p, &err);
        if (!rc) rc = ls_passage_json(p, &text);
        ls_passage_free(p);
    } else {
        rc = ls_api_document_json(s, id, &text, &err);
    }
    int code = ls_mcp_code_of(rc);
    if (code == LS_MCP_RESOURCE_NOT_FOUND) {
        snprintf(msg, msg_cap, "resource not found: %.200s (%s)", uri, err.msg);
    } else if (code) {
        snprintf(msg, msg_cap, "resources/read: %s", err.msg[0] ? err.msg : ls_strerror(rc));
    } else {
        code = contents(uri, &text, result);
        if (code) snprintf(msg, msg_cap, "out of memory");
    }
    ls_buf_free(&text);
    return code;
}
