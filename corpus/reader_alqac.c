/* reader_alqac.c — the ALQAC laws JSON:
 *   [{"id": LAW, "articles": [{"id": "32", "text": "Heading\n\nBody..."}]}]
 * LAW is a number ("91/2015/QH13") or a name ("Luật Phòng, chống ma túy").
 * A number becomes the document's normalised id and number; a name is kept
 * as given as the id (the evaluation compares ids after NFC + case folding)
 * and is the title. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/analyser.h"
#include "reader.h"
#include "structure.h"

static void problem(const ls_reader_sink *sink, const char *name, const char *fmt, const char *a)
{
    if (!sink->on_problem) return;
    char msg[512];
    snprintf(msg, sizeof msg, fmt, a);
    ls_reader_problem(sink, name, 0, msg);
}

/* Type from a law's name: "Bộ luật ..." -> Bộ luật, "Luật ..." -> Luật ... */
static const char *type_from_name(const char *name)
{
    static const struct { const char *prefix, *type; } names[] = {
        {"bộ luật", "Bộ luật"}, {"luật", "Luật"}, {"hiến pháp", "Hiến pháp"},
        {"nghị định", "Nghị định"}, {"nghị quyết", "Nghị quyết"}, {"pháp lệnh", "Pháp lệnh"},
        {"thông tư", "Thông tư"}, {"quyết định", "Quyết định"},
    };
    char *norm = NULL;
    const char *type = NULL;
    if (ls_normalize_term(name, strlen(name), &norm, NULL, NULL) != LS_OK) return NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !type; i++)
        if (strncmp(norm, names[i].prefix, strlen(names[i].prefix)) == 0) type = names[i].type;
    free(norm);
    return type;
}

/* "Heading\n\nbody" or "Điều 5. Heading\nbody": split off the heading line
 * when it is short and the body follows. */
static ls_rc set_text(ls_article *a, const char *text, size_t len)
{
    const char *nl = memchr(text, '\n', len);
    size_t head = nl ? (size_t)(nl - text) : len;
    const char *h = text;
    size_t hl = head;
    if (hl > 5 && strncmp(h, "Điều ", strlen("Điều ")) == 0) { /* drop "Điều N." */
        const char *dot = memchr(h, '.', hl);
        if (dot) {
            hl -= (size_t)(dot + 1 - h);
            h = dot + 1;
            while (hl && *h == ' ') h++, hl--;
        }
    }
    size_t rest = nl ? len - head : 0;
    const char *body = nl ? nl : text + len;
    while (rest && (*body == '\n' || *body == '\r' || *body == ' ')) body++, rest--;
    int has_heading = nl && hl > 0 && hl < 300 && rest > 0;
    ls_rc rc = LS_OK;
    if (has_heading) {
        rc = ls_strset(&a->heading, h, hl);
        if (!rc) rc = ls_strset(&a->text, body, rest);
        a->text_len = rest;
    } else {
        rc = ls_strset(&a->text, text, len);
        a->text_len = len;
    }
    return rc;
}

static ls_rc read_law(const char *name, json_t *law, const ls_reader_sink *sink, int *stop,
                      ls_error *err)
{
    const char *id = json_string_value(json_object_get(law, "id"));
    json_t *articles = json_object_get(law, "articles");
    if (!id || !*id || !json_is_array(articles)) { /* an empty id names nothing */
        problem(sink, name, "%s: a law without \"id\" or \"articles\": skipped", "record");
        return LS_OK;
    }
    ls_document *doc = ls_document_new();
    if (!doc) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    char *number = NULL;
    ls_rc rc = LS_OK;
    if (ls_docnum_normalize(id, strlen(id), &number, NULL) == LS_OK) {
        rc = ls_strset(&doc->id, number, strlen(number));
        if (!rc) rc = ls_strset(&doc->number, id, strlen(id));
        free(number);
    } else {
        rc = ls_strset(&doc->id, id, strlen(id));
        if (!rc) rc = ls_strset(&doc->title, id, strlen(id));
    }
    const char *type = type_from_name(id);
    if (!rc && type) rc = ls_strset(&doc->type, type, strlen(type));
    if (!rc && !type) ls_document_infer_type(doc);
    if (!rc) rc = ls_strset(&doc->source, name, strlen(name));
    size_t i;
    json_t *art;
    json_array_foreach(articles, i, art) {
        if (rc) break;
        const char *num = json_string_value(json_object_get(art, "id"));
        json_t *t = json_object_get(art, "text");
        if (!num || !json_is_string(t)) {
            problem(sink, name, "%s: an article without \"id\" or \"text\": skipped", id);
            continue;
        }
        ls_article *a = ls_document_add_article(doc);
        if (!a) {
            rc = LS_ERR_NOMEM;
            break;
        }
        rc = ls_strset(&a->number, num, strlen(num));
        if (!rc) rc = set_text(a, json_string_value(t), json_string_length(t));
        if (!rc) rc = ls_structure_parse_clauses(a, err);
    }
    if (rc) {
        ls_document_free(doc);
        return ls_error_set(err, rc, "%s: %s", name, ls_strerror(rc));
    }
    *stop = sink->on_document(sink->ctx, doc);
    ls_document_free(doc);
    return LS_OK;
}

ls_rc ls_read_alqac(const char *name, const char *data, size_t len, const ls_reader_sink *sink,
                    ls_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(data, len, 0, &jerr);
    if (!json_is_array(root)) {
        if (sink->on_problem) {
            char msg[300];
            if (root) snprintf(msg, sizeof msg, "not an ALQAC laws file: the top level is not an array");
            else snprintf(msg, sizeof msg, "malformed JSON at byte %d: %s", jerr.position, jerr.text);
            ls_reader_problem(sink, name, root ? 0 : (size_t)jerr.line, msg);
        }
        json_decref(root);
        return LS_OK;
    }
    size_t i;
    json_t *law;
    ls_rc rc = LS_OK;
    int stop = 0;
    json_array_foreach(root, i, law) {
        if (stop || rc) break;
        rc = read_law(name, law, sink, &stop, err);
    }
    json_decref(root);
    return rc;
}
