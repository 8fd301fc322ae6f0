/* reader_jsonl.c — the project's JSONL interchange format (docs/jsonl-format.md):
 * one document a line,
 *   {"number", "id"?, "type", "issuer", "issued", "effective", "title", "status",
 *    "articles": [{"number", "heading", "text", "part"?, "chapter"?, "section"?}]}
 * A bad line (malformed JSON, invalid UTF-8, no number and no id, articles
 * not an array) is reported with its line number and skipped. */
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "reader.h"
#include "structure.h"

static ls_rc copy_field(json_t *o, const char *key, char **field)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0) return LS_OK; /* "" is missing */
    return ls_strset(field, json_string_value(v), json_string_length(v));
}

static ls_rc read_article(json_t *ja, ls_article *a, ls_error *err)
{
    ls_rc rc = LS_OK;
    json_t *num = json_object_get(ja, "number");
    if (json_is_integer(num)) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(num));
        rc = ls_strset(&a->number, buf, (size_t)n);
    } else {
        rc = copy_field(ja, "number", &a->number);
    }
    if (!rc) rc = copy_field(ja, "heading", &a->heading);
    if (!rc) rc = copy_field(ja, "text", &a->text);
    if (!rc && a->text) a->text_len = strlen(a->text);
    if (!rc) rc = copy_field(ja, "part", &a->part);
    if (!rc) rc = copy_field(ja, "chapter", &a->chapter);
    if (!rc) rc = copy_field(ja, "section", &a->section);
    if (!rc && a->text) rc = ls_structure_parse_clauses(a, err);
    return rc;
}

/* Build a document from one parsed line; *why explains a skipped line. */
static ls_rc read_doc(json_t *o, ls_document *doc, const char **why, ls_error *err)
{
    static const struct { const char *key; size_t off; } fields[] = {
        {"number", offsetof(ls_document, number)}, {"type", offsetof(ls_document, type)},
        {"issuer", offsetof(ls_document, issuer)}, {"issued", offsetof(ls_document, issued)},
        {"effective", offsetof(ls_document, effective)}, {"title", offsetof(ls_document, title)},
        {"status", offsetof(ls_document, status)}, {"id", offsetof(ls_document, id)},
    };
    if (!json_is_object(o)) return (*why = "the line is not a JSON object", LS_ERR_FORMAT);
    ls_rc rc = LS_OK;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0] && !rc; i++)
        rc = copy_field(o, fields[i].key, (char **)((char *)doc + fields[i].off));
    if (rc) return rc;
    if (doc->number && !doc->id) {
        char *norm = NULL;
        if (ls_docnum_normalize(doc->number, strlen(doc->number), &norm, NULL) == LS_OK) doc->id = norm;
        else rc = ls_strset(&doc->id, doc->number, strlen(doc->number));
    }
    if (!doc->id) return (*why = "the document has no \"number\" and no \"id\"", LS_ERR_FORMAT);
    json_t *arts = json_object_get(o, "articles");
    if (!json_is_array(arts)) return (*why = "\"articles\" is missing or not an array", LS_ERR_FORMAT);
    ls_document_infer_type(doc);
    size_t i;
    json_t *ja;
    json_array_foreach(arts, i, ja) {
        if (rc) break;
        if (!json_is_object(ja)) continue;
        ls_article *a = ls_document_add_article(doc);
        rc = a ? read_article(ja, a, err) : LS_ERR_NOMEM;
    }
    return rc;
}

ls_rc ls_read_jsonl(const char *name, const char *data, size_t len, const ls_reader_sink *sink,
                    ls_error *err)
{
    size_t pos = 0, lineno = 0;
    int stop = 0;
    while (pos < len && !stop) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        const char *line = data + pos;
        size_t n = end - pos;
        lineno++;
        pos = end + 1;
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ')) n--;
        if (n == 0) continue;
        char msg[400];
        const char *why = NULL;
        size_t bad;
        json_error_t jerr;
        json_t *o = NULL;
        if (!ls_utf8_valid(line, n, &bad)) {
            snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu of the line: skipped", bad);
            why = msg;
        } else if (!(o = json_loadb(line, n, 0, &jerr))) {
            snprintf(msg, sizeof msg, "malformed JSON at column %d: %s: skipped", jerr.column, jerr.text);
            why = msg;
        }
        ls_document *doc = why ? NULL : ls_document_new();
        ls_rc rc = why ? LS_OK : doc ? read_doc(o, doc, &why, err) : LS_ERR_NOMEM;
        json_decref(o);
        if (rc == LS_ERR_NOMEM) {
            ls_document_free(doc);
            return ls_error_set(err, rc, "%s:%zu: out of memory", name, lineno);
        }
        if (!why && !rc) {
            char src[600];
            snprintf(src, sizeof src, "%s:%zu", name, lineno);
            if (ls_strset(&doc->source, src, strlen(src)) == LS_OK) stop = sink->on_document(sink->ctx, doc);
        } else if (sink->on_problem) {
            if (why != msg) snprintf(msg, sizeof msg, "%.380s: skipped", why ? why : ls_strerror(rc));
            ls_reader_problem(sink, name, lineno, msg);
        }
        ls_document_free(doc);
    }
    return LS_OK;
}
