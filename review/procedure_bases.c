/* procedure_bases.c — a procedure's legal bases resolved against the index
 * by the citation reviewer: one line per basis ("Nghị định số
 * 121/2021/NĐ-CP."), reviewed as a text, each citation mapped back to its
 * line. Installs itself as query/'s card resolver (ls_search_set_card_resolver)
 * when the program links it, so search results carry resolved cards
 * without query/ depending on review/. */
#include "procedure_bases.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../common/ls_json.h"
#include "review.h"
#include "../text/analyser.h"
#include "../corpus/procedure.h"
#include <stdio.h>

static const char *str_of(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

ls_rc ls_procedure_resolve_bases(ls_searcher *s, json_t *card, const char *as_of,
                                 ls_error *err)
{
    json_t *bases = json_object_get(card, "legal_bases");
    size_t n = json_array_size(bases);
    json_t *lapsed = json_array();
    if (!lapsed) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    if (!n) {
        json_object_set_new(card, "lapsed_bases", lapsed);
        return LS_OK;
    }
    /* the text: "<type> số <number>.\n" per basis, and where each line starts */
    ls_buf text = LS_BUF_INIT;
    size_t *line = calloc(n + 1, sizeof *line);
    if (!line) {
        json_decref(lapsed);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        json_t *b = json_array_get(bases, i);
        const char *type = str_of(b, "type"), *num = str_of(b, "number");
        line[i] = text.len;
        if (num) {
            ls_cite_write_doc(&text, type ? type : "Văn bản", NULL, num);
            ls_buf_puts(&text, ".\n");
        }
    }
    line[n] = text.len;
    ls_review_result *r = NULL;
    ls_review_opts opts = {.as_of = as_of, .no_text = 1};
    ls_rc rc = text.len ? ls_review(s, text.data, text.len, &opts, &r, err) : LS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        json_t *b = json_array_get(bases, i);
        const ls_cite *c = NULL;
        for (size_t k = 0; r && k < r->ncites && !c; k++)
            if (r->cites[k].group_start >= line[i] && r->cites[k].group_start < line[i + 1])
                c = &r->cites[k];
        const char *res = !c || c->resolution == LS_CITE_DOC_MISSING ? "not-in-index"
                        : c->resolution == LS_CITE_AMBIGUOUS ? "ambiguous" : "found";
        json_object_set_new(b, "resolution", json_string(res));
        if (!c || strcmp(res, "found") != 0) continue;
        if (c->doc_id) json_object_set_new(b, "doc_id", json_string(c->doc_id));
        if (c->doc_title) json_object_set_new(b, "title", json_string(c->doc_title));
        json_object_set_new(b, "status", json_string(ls_force_name(c->force)));
        if (c->force_by) json_object_set_new(b, "replaced_by", json_string(c->force_by));
        if (ls_force_is_gone(c->force)) {
            json_t *l = json_pack("{s:s?,s:s,s:s?}", "number", str_of(b, "number"), "status",
                                  ls_force_name(c->force), "replaced_by", c->force_by);
            if (l) json_array_append_new(lapsed, l);
        }
    }
    if (r && r->as_of) json_object_set_new(card, "as_of", json_string(r->as_of));
    json_object_set_new(card, "lapsed_bases", lapsed);
    ls_review_result_free(r);
    ls_buf_free(&text);
    free(line);
    return rc;
}

ls_rc ls_procedure_resolve_text(ls_searcher *s, char **card_json, const char *as_of,
                                ls_error *err)
{
    json_t *card = json_loads(*card_json, 0, NULL);
    if (!json_is_object(card)) {
        json_decref(card);
        return ls_error_set(err, LS_ERR_FORMAT, "a stored procedure card is not a JSON object");
    }
    ls_rc rc = ls_procedure_resolve_bases(s, card, as_of, err);
    if (rc) {
        json_decref(card);
        return rc;
    }
    char *out = ls_json_text(card);   /* reals as short as they read back */
    if (!out) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    free(*card_json);
    *card_json = out;
    return LS_OK;
}

ls_rc ls_procedure_get(ls_searcher *s, const char *code, const char *as_of, char **card_json,
                       ls_error *err)
{
    *card_json = NULL;
    size_t n = code ? strlen(code) : 0;
    size_t bad;
    if (!n || n > 64) return ls_error_set(err, LS_ERR_ARG, "a procedure code is 1 to 64 bytes (\"1.001193\")");
    if (!ls_utf8_valid(code, n, &bad))
        return ls_error_set(err, LS_ERR_ARG, "the procedure code is not valid UTF-8 (byte %zu)", bad);
    char id[100];
    snprintf(id, sizeof id, "%s%s", LS_PROCEDURE_ID_PREFIX, code);
    ls_passage *p = NULL;
    ls_error one = {0};
    ls_rc rc = ls_searcher_get_passage(s, id, "1", &p, &one);
    if (rc == LS_ERR_NOTFOUND || (!rc && !p->procedure)) {
        ls_passage_free(p);
        return ls_error_set(err, LS_ERR_NOTFOUND, "no procedure %.64s in the index", code);
    }
    if (rc) return ls_error_set(err, rc, "%s", one.msg);
    *card_json = p->procedure;
    p->procedure = NULL;
    ls_passage_free(p);
    rc = ls_procedure_resolve_text(s, card_json, as_of, err);
    if (rc) {
        free(*card_json);
        *card_json = NULL;
    }
    return rc;
}

/* Runs before main in every program that links this file (any that can
 * show a card by code links it): searches resolve their cards' bases. */
__attribute__((constructor)) static void install_card_resolver(void)
{
    ls_search_set_card_resolver(ls_procedure_resolve_text);
}
