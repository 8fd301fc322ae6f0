/* mcp_tools.c — the MCP tools (mcp_tools.h; the procedure tools' calls are in
 * mcp_procedures.c, the relations tool's in mcp_relations.c). Searches go through
 * api/search_params.c (the REST API's checks and limits) and come back in
 * the shape of query/results_json.h; citations are read and resolved by the
 * review library (review/review.h), the one citation parser of the project. */
#include "mcp_tools.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../query/notice.h"
#include "../query/results_json.h"
#include "../query/index_reads.h"
#include "../review/review.h"
#include "../common/ls_json.h"
#include "../text/analyser.h"
#include "mcp_codes.h"
#include "mcp_procedures.h"
#include "mcp_relations.h"
#include "search_params.h"

/* ---- descriptions and schemas ------------------------------------------ */

#define S_STR "{\"type\":\"string\"}"
#define S_NSTR "{\"type\":[\"string\",\"null\"]}"
#define S_DOC                                                                              \
    "{\"type\":[\"object\",\"null\"],\"properties\":{\"id\":" S_STR ",\"number\":" S_NSTR  \
    ",\"type\":" S_NSTR ",\"title\":" S_NSTR ",\"issued\":" S_NSTR ",\"effective\":" S_NSTR \
    ",\"status\":" S_NSTR "},\"required\":[\"id\"]}"
#define S_FORCE                                                                             \
    "\"force\":{\"type\":[\"string\",\"null\"],\"description\":\"status as of as_of: in-force,"\
    " amended, partly-repealed, not-yet, suspended, repealed, replaced, expired, unknown\"},"  \
    "\"in_force\":{\"type\":[\"boolean\",\"null\"],\"description\":\"true in force (perhaps " \
    "amended), false repealed/replaced/expired/suspended/not yet, null unknown\"},"           \
    "\"force_note\":" S_NSTR ",\"force_by\":" S_NSTR
#define S_CITE                                                                              \
    "{\"type\":\"object\",\"properties\":{\"citation\":{\"type\":\"string\",\"description\":" \
    "\"standard Vietnamese form\"},\"exists\":{\"type\":\"boolean\"},\"resolution\":{\"enum\":"\
    "[\"found\",\"document-missing\",\"provision-missing\",\"ambiguous\",\"self-unknown\"]},"  \
    "\"why\":" S_NSTR ",\"notice\":{\"type\":[\"string\",\"null\"],\"description\":"     \
    "\"what the index does not hold, in Vietnamese\"},\"document\":" S_DOC ",\"article\":" S_NSTR ",\"clause\":" S_NSTR     \
    ",\"point\":" S_NSTR ",\"heading\":" S_NSTR ",\"text\":" S_NSTR ",\"candidates\":{\"type\":"\
    "\"array\",\"items\":" S_STR "}," S_FORCE "},\"required\":[\"citation\",\"exists\","       \
    "\"resolution\"]}"

static const char search_input[] =
    "{\"type\":\"object\",\"properties\":{"
    "\"question\":{\"type\":\"string\",\"minLength\":1,\"description\":\"the question in "
    "Vietnamese, with or without diacritics, or a citation (\\\"thời hạn tạm trú tối đa\\\", "
    "\\\"thoi han tam tru\\\", \\\"Điều 27 Luật Cư trú\\\")\"},"
    "\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":100,\"description\":\"hits "
    "(default 10)\"},"
    "\"offset\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":10000,\"description\":\"first "
    "hit, 0-based (paging)\"},"
    "\"type\":{\"type\":\"string\",\"description\":\"document type: Luật, Nghị định (NĐ), "
    "Thông tư (TT), Quyết định (QĐ), Nghị quyết, Bộ luật ...\"},"
    "\"issuer\":{\"type\":\"string\",\"description\":\"issuing body, e.g. Chính phủ, Quốc hội"
    "\"},"
    "\"from\":{\"type\":\"string\",\"description\":\"issued on or after, YYYY[-MM[-DD]]\"},"
    "\"to\":{\"type\":\"string\",\"description\":\"issued on or before, YYYY[-MM[-DD]]\"},"
    "\"in_force\":{\"type\":\"boolean\",\"description\":\"only texts in force (or of unknown "
    "status) on as_of\"},"
    "\"as_of\":{\"type\":\"string\",\"description\":\"statuses and in_force as of "
    "YYYY-MM-DD (default today)\"},"
    "\"min_confidence\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1,\"description\":"
    "\"no_answer below this confidence (default 0.25; 0 never)\"}},"
    "\"required\":[\"question\"],\"additionalProperties\":false}";

static const char search_output[] =
    "{\"type\":\"object\",\"properties\":{\"query\":" S_STR ",\"understood\":" S_STR
    ",\"suggestion\":{\"type\":[\"string\",\"null\"],\"description\":\"did you mean\"},"
    "\"confidence\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1,\"description\":"
    "\"the engine's estimate that the first hit answers\"},\"no_answer\":{\"type\":\"boolean\","
    "\"description\":\"true: the index likely holds no answer; do not answer from the hits\"},"
    "\"notice\":{\"type\":[\"string\",\"null\"],\"description\":\"a cited document or "
    "article the index does not hold\"},"
    "\"total_estimate\":{\"type\":\"integer\"},\"hits\":{\"type\":\"array\",\"items\":{"
    "\"type\":\"object\",\"properties\":{\"rank\":{\"type\":\"integer\"},\"score\":{\"type\":"
    "\"number\"},\"id\":" S_STR ",\"citation\":{\"type\":\"string\",\"description\":\"Điều 5 "
    "Nghị định số 13/2023/NĐ-CP\"},\"doc_id\":" S_STR ",\"doc_number\":" S_STR ",\"doc_type\":"
    S_STR ",\"doc_title\":" S_STR ",\"issuer\":" S_STR ",\"issued\":" S_STR ",\"effective\":"
    S_STR ",\"status\":" S_STR ",\"article\":" S_STR ",\"heading\":" S_STR ",\"part\":" S_STR
    ",\"chapter\":" S_STR ",\"section\":" S_STR ",\"matched_clause\":" S_STR
    ",\"snippet\":{\"type\":\"string\",\"description\":\"HTML-escaped, matches in <mark>\"},"
    "\"source_url\":" S_STR "},\"required\":[\"rank\",\"id\",\"citation\"]}}},"
    "\"required\":[\"query\",\"confidence\",\"no_answer\",\"total_estimate\",\"hits\"]}";

static const char provision_input[] =
    "{\"type\":\"object\",\"properties\":{"
    "\"document\":{\"type\":\"string\",\"minLength\":1,\"description\":\"the document: its "
    "number (\\\"13/2023/NĐ-CP\\\", \\\"68/2020/QH14\\\") or its name (\\\"Luật Cư trú\\\", "
    "\\\"Nghị định 13/2023/NĐ-CP\\\")\"},"
    "\"article\":{\"type\":[\"string\",\"integer\"],\"description\":\"article number: 5, "
    "\\\"5a\\\"\"},"
    "\"clause\":{\"type\":[\"string\",\"integer\"],\"description\":\"clause (khoản) number\"},"
    "\"point\":{\"type\":\"string\",\"description\":\"point (điểm) letter: a, b, đ ...\"},"
    "\"as_of\":{\"type\":\"string\",\"description\":\"status as of YYYY-MM-DD (default "
    "today)\"}},\"required\":[\"document\",\"article\"],\"additionalProperties\":false}";

static const char provision_output[] =
    "{\"type\":\"object\",\"properties\":{\"citation\":" S_STR ",\"document\":" S_DOC
    ",\"article\":" S_STR ",\"clause\":" S_NSTR ",\"point\":" S_NSTR ",\"heading\":" S_NSTR
    ",\"heading_path\":{\"type\":\"array\",\"items\":" S_STR ",\"description\":\"part, "
    "chapter, section, article heading\"},\"text\":{\"type\":\"string\",\"description\":"
    "\"the exact text of the article, clause or point\"},\"as_of\":" S_STR "," S_FORCE
    "},\"required\":[\"citation\",\"document\",\"article\",\"text\"]}";

static const char citation_input[] =
    "{\"type\":\"object\",\"properties\":{"
    "\"citation\":{\"type\":\"string\",\"minLength\":1,\"description\":\"one or more "
    "citations as people write them: \\\"khoản 2 Điều 5 Nghị định 13/2023/NĐ-CP\\\", "
    "\\\"điểm a khoản 1 Điều 3 Luật Cư trú\\\"\"},"
    "\"as_of\":{\"type\":\"string\",\"description\":\"status as of YYYY-MM-DD (default "
    "today)\"}},\"required\":[\"citation\"],\"additionalProperties\":false}";

static const char validate_output[] =
    "{\"type\":\"object\",\"properties\":{\"input\":" S_STR ",\"as_of\":" S_STR
    ",\"all_exist\":{\"type\":\"boolean\"},\"all_in_force\":{\"type\":\"boolean\"},"
    "\"citations\":{\"type\":\"array\",\"items\":" S_CITE "}},"
    "\"required\":[\"input\",\"all_exist\",\"all_in_force\",\"citations\"]}";

static const char format_input[] =
    "{\"type\":\"object\",\"properties\":{"
    "\"citation\":{\"type\":\"string\",\"minLength\":1,\"description\":\"a citation as "
    "written: \\\"k2 đ5 nđ 13/2023\\\" is too terse, \\\"khoản 2 điều 5 nghị định "
    "13/2023/nđ-cp\\\" works\"}},\"required\":[\"citation\"],\"additionalProperties\":false}";

static const char format_output[] =
    "{\"type\":\"object\",\"properties\":{\"input\":" S_STR ",\"formatted\":{\"type\":"
    "\"string\",\"description\":\"every citation in standard form, joined by '; '\"},"
    "\"citations\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
    "\"citation\":" S_STR ",\"resolved\":{\"type\":\"boolean\",\"description\":\"the index "
    "holds the document (its number and name come from the index)\"}},\"required\":["
    "\"citation\",\"resolved\"]}}},\"required\":[\"input\",\"formatted\",\"citations\"]}";

typedef enum { A_STR, A_INT, A_STR_INT, A_BOOL, A_NUM } arg_kind;

typedef struct arg_spec {
    const char *name;
    arg_kind kind;
    int required;
} arg_spec;

typedef int (*tool_fn)(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                       size_t cap);

typedef struct tool {
    const char *name, *title, *description, *input, *output;
    const arg_spec *args;
    tool_fn call;
} tool;

/* ---- small helpers ------------------------------------------------------ */

static const char *str_arg(json_t *args, const char *key)
{
    return json_string_value(json_object_get(args, key));
}

/* A string or integer argument as text, its last word ("Điều 5" -> "5"),
 * in buf; NULL when absent. */
static const char *num_arg(json_t *args, const char *key, char *buf, size_t cap)
{
    json_t *v = json_object_get(args, key);
    if (json_is_integer(v)) {
        snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    const char *s = json_string_value(v);
    if (!s) return NULL;
    while (*s == ' ') s++;
    const char *last = s;
    for (const char *p = s; *p; p++)
        if (*p == ' ' && p[1] && p[1] != ' ') last = p + 1;
    snprintf(buf, cap, "%s", last);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == ' ') buf[--n] = '\0';
    return n ? buf : NULL;
}

static json_t *jstr(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* Check args against spec: unknown keys, missing required ones, wrong
 * types. 0 when fine, else LS_RPC_PARAMS with msg. */
static int check_args(const char *tool_name, json_t *args, const arg_spec *spec, char *msg,
                      size_t cap)
{
    const char *key;
    json_t *v;
    json_object_foreach(args, key, v) {
        const arg_spec *a = spec;
        while (a->name && strcmp(a->name, key) != 0) a++;
        if (!a->name) {
            snprintf(msg, cap, "%s: unknown argument '%s'", tool_name, key);
            return LS_RPC_PARAMS;
        }
        int ok = a->kind == A_STR ? json_is_string(v)
                 : a->kind == A_INT ? json_is_integer(v)
                 : a->kind == A_BOOL ? json_is_boolean(v)
                 : a->kind == A_NUM ? json_is_number(v)
                                     : json_is_string(v) || json_is_integer(v);
        if (!ok) {
            static const char *names[] = {"a string", "an integer", "a string or an integer",
                                          "a boolean", "a number"};
            snprintf(msg, cap, "%s: argument '%s' must be %s", tool_name, key, names[a->kind]);
            return LS_RPC_PARAMS;
        }
        if (json_is_string(v) && !json_string_length(v) && a->required) {
            snprintf(msg, cap, "%s: argument '%s' is empty", tool_name, key);
            return LS_RPC_PARAMS;
        }
    }
    for (const arg_spec *a = spec; a->name; a++)
        if (a->required && !json_object_get(args, a->name)) {
            snprintf(msg, cap, "%s: argument '%s' is required", tool_name, a->name);
            return LS_RPC_PARAMS;
        }
    return 0;
}

/* ---- citations through the review library ------------------------------ */

/* Every citation of text, resolved (review/review.h; a citation typed
 * alone that the extractor cannot read is read as search reads it there).
 * *missing: the document the question analyser found cited and the index
 * lacks, or NULL. */
static ls_rc review_citation(ls_searcher *s, const char *text, const char *as_of,
                             ls_review_result **out, char **missing, ls_error *err)
{
    *missing = NULL;
    ls_review_opts o = {.as_of = as_of};
    ls_rc rc = ls_review(s, text, strlen(text), &o, out, err);
    if (!rc && (*out)->missing) *missing = strdup((*out)->missing);
    if (rc) {   /* nothing for the caller to free */
        ls_review_result_free(*out);
        *out = NULL;
    }
    return rc;
}

static json_t *in_force_json(const ls_cite *c)
{
    if (c->resolution != LS_CITE_FOUND && c->resolution != LS_CITE_PART_MISSING)
        return json_null();
    switch (c->force) {
    case LS_FORCE_IN_FORCE: case LS_FORCE_AMENDED: case LS_FORCE_PARTLY_REPEALED:
        return json_true();
    case LS_FORCE_UNKNOWN: return json_null();
    default: return json_false();
    }
}

static json_t *doc_json(const ls_cite *c)
{
    if (!c->doc_id) return json_null();
    return json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "id", c->doc_id, "number",
                     jstr(c->doc_display_number), "type", jstr(c->doc_type), "title",
                     jstr(c->doc_title), "issued", jstr(c->issued), "effective",
                     jstr(c->effective), "status", jstr(c->status));
}

static void set_force(json_t *o, const ls_cite *c)
{
    int known = c->doc_id != NULL;
    json_object_set_new(o, "force", known ? json_string(ls_force_name(c->force)) : json_null());
    json_object_set_new(o, "in_force", in_force_json(c));
    json_object_set_new(o, "force_note", jstr(c->force_note));
    json_object_set_new(o, "force_by", jstr(c->force_by));
}

/* What the index does not hold of citation c, in the words of a search's
 * notice (query/notice.h), or NULL; `missing` is the document the question
 * analyser found cited and unknown. Malloc'ed. */
static char *cite_notice(ls_searcher *s, const ls_cite *c, const char *missing)
{
    if (c->resolution == LS_CITE_DOC_MISSING) {
        ls_buf b = LS_BUF_INIT;
        char *up = c->doc_number ? ls_cite_upper_number(c->doc_number) : NULL;
        if (c->law_name) ls_buf_printf(&b, "%s%s%s", c->law_name, c->year ? " năm " : "",
                                       c->year ? c->year : "");
        else ls_buf_printf(&b, "%s%s%s", c->doc_type ? c->doc_type : "Văn bản", up ? " " : "",
                           up ? up : "");
        free(up);
        char *name = ls_buf_detach(&b);
        char *n = name ? ls_notice_document(name) : NULL;
        free(name);
        return n;
    }
    if (c->resolution == LS_CITE_PART_MISSING && c->doc_id && c->article) {
        ls_passage *p = NULL;
        ls_error err = {0};
        if (!ls_searcher_get_passage(s, c->doc_id, c->article, &p, &err)) {
            ls_passage_free(p);
            return ls_notice_document(c->citation ? c->citation : c->article);
        }
        char *name = ls_searcher_document_name(s, c->doc_id);
        char *n = ls_notice_article(c->article, name ? name : c->doc_id);
        free(name);
        return n;
    }
    if (c->resolution == LS_CITE_SELF_UNKNOWN && missing) return ls_notice_document(missing);
    return NULL;
}

static json_t *cite_json(const ls_cite *c)
{
    json_t *o = json_pack("{s:s?, s:b, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
                          "citation", c->citation, "exists", c->resolution == LS_CITE_FOUND,
                          "resolution", ls_cite_resolution_name(c->resolution), "why",
                          jstr(c->why), "document", doc_json(c), "article", jstr(c->article),
                          "clause", jstr(c->clause), "point", jstr(c->point), "heading",
                          jstr(c->heading), "text", jstr(c->text));
    if (!o) return NULL;
    if (!c->citation) json_object_set_new(o, "citation", json_string(""));
    if (c->ncandidates) {
        json_t *a = json_array();
        for (size_t i = 0; i < c->ncandidates; i++)
            json_array_append_new(a, json_string(c->candidates[i]));
        json_object_set_new(o, "candidates", a);
    }
    set_force(o, c);
    return o;
}

static int tool_fail(json_t **structured, char *msg, size_t cap, const char *fmt,
                     const char *detail)
{
    *structured = NULL;
    snprintf(msg, cap, fmt, detail);
    return 1;
}

static int index_fail(const ls_error *err, json_t **structured, char *msg, size_t cap)
{
    return tool_fail(structured, msg, cap, "%s", err->msg[0] ? err->msg : ls_strerror(err->rc));
}

/* ---- the tools ---------------------------------------------------------- */

/* Each returns 0 with *structured set; 1 for a tool error (isError, msg);
 * a negative JSON-RPC code for a protocol error (msg). */

int ls_mcp_search_tool(ls_searcher *s, json_t *args, const char *tool, const char *kind,
                       json_t **structured, char *msg, size_t cap)
{
    json_t *body = json_deep_copy(args);
    json_object_set(body, "q", json_object_get(args, "question"));
    json_object_del(body, "question");
    if (kind) json_object_set_new(body, "kind", json_string(kind));
    char *text = ls_json_text(body);
    if (!text) return LS_RPC_INTERNAL;
    ls_api_search p;
    ls_error err = {0};
    ls_rc rc = ls_api_search_from_json(text, strlen(text), &p, &err);
    free(text);
    if (rc) {
        ls_api_search_free(&p);
        snprintf(msg, cap, "%s: %s", tool, err.msg);
        return ls_mcp_code_of(rc);
    }
    ls_results *r = NULL;
    rc = ls_search(s, &p.req, &r, &err);
    int ret = 0;
    if (rc) ret = index_fail(&err, structured, msg, cap);
    else if (!(*structured = ls_results_object(r, p.req.query, p.req.query_len, 0)))
        ret = LS_RPC_INTERNAL;
    ls_results_free(r);
    ls_api_search_free(&p);
    return ret;
}

static int call_search(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                       size_t cap)
{
    return ls_mcp_search_tool(s, args, "search_legislation", NULL, structured, msg, cap);
}

static json_t *heading_path(ls_searcher *s, const ls_cite *c)
{
    json_t *a = json_array();
    ls_passage *p = NULL;
    ls_error err = {0};
    if (!ls_searcher_get_passage(s, c->doc_id, c->article, &p, &err)) {
        const char *parts[] = {p->part, p->chapter, p->section};
        for (size_t i = 0; i < 3; i++)
            if (parts[i] && *parts[i]) json_array_append_new(a, json_string(parts[i]));
        char line[1024];
        snprintf(line, sizeof line, "Điều %s%s%s", p->article, p->heading ? ". " : "",
                 p->heading ? p->heading : "");
        json_array_append_new(a, json_string(line));
    }
    ls_passage_free(p);
    return a;
}

static int call_provision(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                          size_t cap)
{
    const char *doc = str_arg(args, "document");
    char abuf[32], cbuf[32], pbuf[32];
    const char *article = num_arg(args, "article", abuf, sizeof abuf);
    const char *clause = num_arg(args, "clause", cbuf, sizeof cbuf);
    const char *point = num_arg(args, "point", pbuf, sizeof pbuf);
    if (!article) {
        snprintf(msg, cap, "get_provision: argument 'article' is empty");
        return LS_RPC_PARAMS;
    }
    /* the document by its number when the index holds it, else as written
     * (a law by name, "Nghị định 13/2023/NĐ-CP") */
    char *id = NULL, *text = NULL;
    ls_error err = {0};
    if (!ls_docnum_normalize(doc, strlen(doc), &id, &err) &&
        ls_review_citation_text(s, id, article, clause, point, &text, &err)) {
        free(id);
        return index_fail(&err, structured, msg, cap);
    }
    free(id);
    if (!text) {
        ls_buf b = LS_BUF_INIT;
        ls_cite_write_provision(&b, point, clause, article);
        ls_buf_printf(&b, " %s", doc);
        text = ls_buf_error(&b) ? NULL : ls_buf_detach(&b);
        ls_buf_free(&b);
        if (!text) return LS_RPC_INTERNAL;
    }
    ls_review_result *r = NULL;
    char *missing = NULL;
    ls_rc rc = review_citation(s, text, str_arg(args, "as_of"), &r, &missing, &err);
    free(text);
    if (rc) {
        *structured = NULL;
        return ls_mcp_tool_error("get_provision", rc, &err, msg, cap);
    }
    int ret = 0;
    char *notice = r->ncites ? cite_notice(s, &r->cites[0], missing) : NULL;
    if (!r->ncites || ls_review_unread(r)) {
        char why[600];
        snprintf(why, sizeof why, "%s", notice ? notice : "");
        if (!notice && missing) snprintf(why, sizeof why, "%s không có trong chỉ mục", missing);
        if (!why[0]) snprintf(why, sizeof why, "%s không có trong chỉ mục", doc);
        ret = tool_fail(structured, msg, cap,
                        "%s (no such document in the index; give its number, like "
                        "13/2023/NĐ-CP, or its name, like Luật Cư trú)", why);
    } else if (r->cites[0].resolution != LS_CITE_FOUND) {
        char why[800];
        snprintf(why, sizeof why, "%s%s%s%s", notice ? notice : "", notice ? " (" : "",
                 r->cites[0].why ? r->cites[0].why : "not in the index", notice ? ")" : "");
        ret = tool_fail(structured, msg, cap, "%s", why);
    } else {
        const ls_cite *c = &r->cites[0];
        json_t *o = json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:s, s:s}", "citation",
                              c->citation ? c->citation : "", "document", doc_json(c),
                              "article", c->article, "clause", jstr(c->clause), "point",
                              jstr(c->point), "heading", jstr(c->heading), "heading_path",
                              heading_path(s, c), "text", c->text ? c->text : "", "as_of",
                              r->as_of ? r->as_of : "");
        if (o) set_force(o, c);
        *structured = o;
        if (!o) ret = LS_RPC_INTERNAL;
    }
    free(notice);
    free(missing);
    ls_review_result_free(r);
    return ret;
}

static int call_validate(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                         size_t cap)
{
    const char *text = str_arg(args, "citation");
    ls_review_result *r = NULL;
    ls_error err = {0};
    char *missing = NULL;
    ls_rc rc = review_citation(s, text, str_arg(args, "as_of"), &r, &missing, &err);
    if (rc) {
        *structured = NULL;
        return ls_mcp_tool_error("validate_citation", rc, &err, msg, cap);
    }
    int ret = 0;
    if (!r->ncites) {
        ret = tool_fail(structured, msg, cap,
                        "no citation recognised in '%s' (write it like \"khoản 2 Điều 5 Nghị "
                        "định 13/2023/NĐ-CP\" or \"điểm a khoản 1 Điều 3 Luật Cư trú\")", text);
    } else {
        json_t *list = json_array();
        int all_in_force = 1;
        for (size_t i = 0; i < r->ncites; i++) {
            json_t *c = cite_json(&r->cites[i]);
            char *notice = cite_notice(s, &r->cites[i], missing);
            json_object_set_new(c, "notice", notice ? json_string(notice) : json_null());
            free(notice);
            if (!json_is_true(json_object_get(c, "in_force"))) all_in_force = 0;
            json_array_append_new(list, c);
        }
        *structured = json_pack("{s:s, s:s, s:b, s:b, s:o}", "input", text, "as_of",
                                r->as_of ? r->as_of : "", "all_exist", r->unresolved == 0,
                                "all_in_force", all_in_force, "citations", list);
        if (!*structured) ret = LS_RPC_INTERNAL;
    }
    ls_review_result_free(r);
    free(missing);
    return ret;
}

static int call_format(ls_searcher *s, json_t *args, json_t **structured, char *msg,
                       size_t cap)
{
    const char *text = str_arg(args, "citation");
    ls_review_result *r = NULL;
    ls_error err = {0};
    char *missing = NULL;
    ls_rc rc = review_citation(s, text, NULL, &r, &missing, &err);
    free(missing);
    if (rc) {
        *structured = NULL;
        return ls_mcp_tool_error("format_citation", rc, &err, msg, cap);
    }
    int ret = 0;
    if (!r->ncites) {
        ret = tool_fail(structured, msg, cap,
                        "no citation recognised in '%s' (it needs at least an article or a "
                        "document: \"khoản 2 điều 5 nghị định 13/2023/nđ-cp\")", text);
    } else {
        json_t *list = json_array();
        ls_buf joined = LS_BUF_INIT;
        for (size_t i = 0; i < r->ncites; i++) {
            const ls_cite *c = &r->cites[i];
            const char *f = c->citation ? c->citation : "";
            if (i) ls_buf_puts(&joined, "; ");
            ls_buf_puts(&joined, f);
            json_array_append_new(list, json_pack("{s:s, s:b}", "citation", f, "resolved",
                                                  c->doc_id != NULL));
        }
        *structured = json_pack("{s:s, s:s, s:o}", "input", text, "formatted",
                                joined.data ? joined.data : "", "citations", list);
        ls_buf_free(&joined);
        if (!*structured) ret = LS_RPC_INTERNAL;
    }
    ls_review_result_free(r);
    return ret;
}

static const arg_spec search_args[] = {
    {"question", A_STR, 1}, {"limit", A_INT, 0}, {"offset", A_INT, 0}, {"type", A_STR, 0},
    {"issuer", A_STR, 0},   {"from", A_STR, 0},  {"to", A_STR, 0},     {"in_force", A_BOOL, 0},
    {"min_confidence", A_NUM, 0}, {"as_of", A_STR, 0}, {NULL, 0, 0}};
static const arg_spec provision_args[] = {{"document", A_STR, 1}, {"article", A_STR_INT, 1},
                                          {"clause", A_STR_INT, 0}, {"point", A_STR, 0},
                                          {"as_of", A_STR, 0},     {NULL, 0, 0}};
static const arg_spec citation_args[] = {{"citation", A_STR, 1}, {"as_of", A_STR, 0},
                                         {NULL, 0, 0}};
static const arg_spec format_args[] = {{"citation", A_STR, 1}, {NULL, 0, 0}};
static const arg_spec procedures_args[] = {{"question", A_STR, 1}, {"limit", A_INT, 0},
                                           {"offset", A_INT, 0},   {"level", A_STR, 0},
                                           {"field", A_STR, 0},    {NULL, 0, 0}};
static const arg_spec procedure_args[] = {{"code", A_STR, 1}, {"as_of", A_STR, 0}, {NULL, 0, 0}};
static const arg_spec relations_args[] = {{"document", A_STR, 1}, {"as_of", A_STR, 0},
                                          {NULL, 0, 0}};

static const tool tools[] = {
    {"search_legislation", "Search Vietnamese legislation",
     "Search the indexed Vietnamese legal texts (laws, decrees, circulars...) for the articles "
     "that answer a question, typed with or without diacritics. Returns ranked articles with "
     "their citation (\"khoản 2 Điều 27 Luật Cư trú số 68/2020/QH14\"), a highlighted snippet, "
     "the document's dates and status. Filters: type, issuer, issued from/to, in_force.",
     search_input, search_output, search_args, call_search},
    {"get_provision", "Get the text of a provision",
     "The exact text of an article (Điều), clause (khoản) or point (điểm) of a document in the "
     "index, with its heading path (part, chapter, section, article heading) and whether the "
     "document is in force.",
     provision_input, provision_output, provision_args, call_provision},
    {"validate_citation", "Check a legal citation",
     "Check citations as people write them (\"khoản 2 Điều 5 Nghị định 13/2023/NĐ-CP\", "
     "\"điểm a khoản 1 Điều 3 Luật Cư trú\"): does the provision exist in the index, is its "
     "document in force (as of a date), and what does it say. Use it to check an answer "
     "before showing it.",
     citation_input, validate_output, citation_args, call_validate},
    {"format_citation", "Format a legal citation",
     "Rewrite citations in the standard Vietnamese form, \"khoản 2 Điều 5 Nghị định số "
     "13/2023/NĐ-CP\" (document number and law name as the index holds them when it does).",
     format_input, format_output, format_args, call_format},
    {"search_procedures", "Find administrative procedures",
     "Find the administrative procedures (thủ tục hành chính) that do what a citizen asks "
     "(\"Làm giấy khai sinh cho con cần mang gì?\", \"mất sổ đỏ xin cấp lại\"), in everyday "
     "words or the portal's. Each hit is a procedure card: level, agency, how to submit with "
     "the time limit and fee of each channel, the documents to bring, the result, the legal "
     "bases with their status, and the portal's link. Filters: level, field.",
     ls_mcp_search_procedures_input, ls_mcp_search_procedures_output, procedures_args,
     ls_mcp_search_procedures},
    {"get_procedure", "Get an administrative procedure",
     "The card of one administrative procedure by its code (\"1.001193\"): what to bring, "
     "where, how long, what it costs, the steps and conditions, and each legal basis found in "
     "the index with its status as of a date (or \"not-in-index\"); lapsed_bases lists the "
     "bases no longer in force.",
     ls_mcp_get_procedure_input, ls_mcp_get_procedure_output, procedure_args,
     ls_mcp_get_procedure},
    {"get_relations", "Get a document's relations",
     "The relations of a document in both directions, as the national database's diagram "
     "(lược đồ) shows them: the texts it rests on (căn cứ), guides, amends, replaces, repeals, "
     "suspends or corrects, and the texts that do so to it; each with the acting article, the "
     "provision acted on and the date it takes effect; and the document's status as of a date.",
     ls_mcp_relations_input, ls_mcp_relations_output, relations_args, ls_mcp_call_relations},
};

/* ---- the interface ------------------------------------------------------ */

json_t *ls_mcp_tools_list(void)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < sizeof tools / sizeof tools[0]; i++) {
        json_error_t e;
        json_t *in = json_loads(tools[i].input, 0, &e);
        json_t *out = json_loads(tools[i].output, 0, &e);
        json_t *t = json_pack("{s:s, s:s, s:s, s:o, s:o, s:{s:b, s:b}}", "name", tools[i].name,
                              "title", tools[i].title, "description", tools[i].description,
                              "inputSchema", in, "outputSchema", out, "annotations",
                              "readOnlyHint", 1, "openWorldHint", 0);
        if (!t || json_array_append_new(list, t)) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

int ls_mcp_tools_call(ls_searcher *s, const char *unavailable, const char *name, json_t *args,
                      json_t **result, char *msg, size_t msg_cap)
{
    *result = NULL;
    const tool *t = NULL;
    for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++)
        if (strcmp(tools[i].name, name) == 0) t = &tools[i];
    if (!t) {
        snprintf(msg, msg_cap, "unknown tool '%s' (see tools/list)", name);
        return LS_RPC_PARAMS;
    }
    json_t *empty = NULL;
    if (!args) args = empty = json_object();
    int rc = check_args(t->name, args, t->args, msg, msg_cap);
    json_t *structured = NULL;
    if (!rc && !s)
        rc = tool_fail(&structured, msg, msg_cap, "%s",
                       unavailable ? unavailable : "index unavailable");
    if (!rc) rc = t->call(s, args, &structured, msg, msg_cap);
    json_decref(empty);
    if (rc < 0) return rc;
    ls_buf text = LS_BUF_INIT; /* the structured content as text, as every reply is written */
    if (!rc && ls_json_put(&text, json_incref(structured))) ls_buf_reset(&text);
    *result = json_pack("{s:[{s:s, s:s}], s:b}", "content", "type", "text", "text",
                        rc ? msg : (text.data ? text.data : ""), "isError", rc != 0);
    ls_buf_free(&text);
    if (*result && structured) json_object_set_new(*result, "structuredContent", structured);
    else json_decref(structured);
    return *result ? 0 : LS_RPC_INTERNAL;
}
