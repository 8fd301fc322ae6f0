/* search_params.c — HTTP search parameters into ls_search_request
 * (search_params.h). Both front doors (query string, JSON) go through one
 * table of fields and one setter, so they accept and refuse alike. */
#include "search_params.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../text/analyser.h"

typedef enum { FIELD_TEXT, FIELD_UINT, FIELD_BOOL, FIELD_UNIT } field_kind; /* UNIT: 0 to 1 */

static const struct field {
    const char *name;
    field_kind kind;
    unsigned max;  /* FIELD_UINT: largest value */
    unsigned min;
} fields[] = {
    {"q", FIELD_TEXT, 0, 0},          {"limit", FIELD_UINT, LS_API_LIMIT_MAX, 1},
    {"offset", FIELD_UINT, LS_API_OFFSET_MAX, 0}, {"type", FIELD_TEXT, 0, 0},
    {"issuer", FIELD_TEXT, 0, 0},     {"from", FIELD_TEXT, 0, 0},
    {"to", FIELD_TEXT, 0, 0},         {"in_force", FIELD_BOOL, 0, 0},
    {"min_confidence", FIELD_UNIT, 0, 0},
    {"kind", FIELD_TEXT, 0, 0},       {"level", FIELD_TEXT, 0, 0},
    {"field", FIELD_TEXT, 0, 0},      {"as_of", FIELD_TEXT, 0, 0},
};
#define NFIELDS (sizeof fields / sizeof fields[0])
#define KNOWN "q, limit, offset, type, issuer, from, to, in_force, min_confidence, kind, level, field, as_of"

/* Where each text field lands in the request, by field index (kind is
 * parsed after: it lands nowhere as text). */
static const char **text_slot(ls_search_request *r, size_t k)
{
    switch (k) {
    case 0: return &r->query;
    case 3: return &r->type;
    case 4: return &r->issuer;
    case 5: return &r->from;
    case 6: return &r->to;
    case 10: return &r->level;
    case 11: return &r->field;
    case 12: return &r->as_of;
    default: return NULL;
    }
}

/* owned[] slot of a text field, by field index: q, type, issuer, from, to,
 * kind, level, field, as_of (the other fields are not text: never asked). */
static size_t owned_slot(size_t k)
{
    static const unsigned char slot_of[NFIELDS] = {0, 0, 0, 1, 2, 3, 4, 0, 0, 5, 6, 7, 8};
    return slot_of[k];
}

static size_t field_index(const char *name)
{
    for (size_t k = 0; k < NFIELDS; k++)
        if (strcmp(fields[k].name, name) == 0) return k;
    return NFIELDS;
}

static ls_rc set_text(ls_api_search *p, size_t k, const char *v, size_t len, ls_error *err)
{
    if (len > LS_API_FIELD_MAX)
        return ls_error_set(err, LS_ERR_LIMIT, "parameter '%s' is %zu bytes; the limit is %d",
                            fields[k].name, len, LS_API_FIELD_MAX);
    size_t bad;
    if (!ls_utf8_valid(v, len, &bad))
        return ls_error_set(err, LS_ERR_UTF8, "parameter '%s' is not valid UTF-8 (byte %zu)",
                            fields[k].name, bad);
    if (memchr(v, '\0', len))
        return ls_error_set(err, LS_ERR_ARG, "parameter '%s' contains a NUL byte",
                            fields[k].name);
    char *copy = malloc(len + 1);
    if (!copy) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    memcpy(copy, v, len);
    copy[len] = '\0';
    size_t slot = owned_slot(k);
    free(p->owned[slot]);
    p->owned[slot] = copy;
    if (k == 9) { /* kind */
        if ((p->req.kind = ls_kind_parse(copy)) < 0)
            return ls_error_set(err, LS_ERR_ARG, "parameter 'kind' is article, procedure or all");
        return LS_OK;
    }
    *text_slot(&p->req, k) = copy;
    if (k == 0) p->req.query_len = len;
    return LS_OK;
}

static ls_rc set_uint(ls_api_search *p, size_t k, unsigned long long v, ls_error *err)
{
    if (v < fields[k].min || v > fields[k].max)
        return ls_error_set(err, LS_ERR_ARG, "parameter '%s' must be from %u to %u",
                            fields[k].name, fields[k].min, fields[k].max);
    if (k == 1) p->req.limit = (unsigned)v;
    else p->req.offset = (unsigned)v;
    return LS_OK;
}

/* min_confidence: 0 to 1; 0 = never no_answer (the request's -1) */
static ls_rc set_unit(ls_api_search *p, size_t k, double v, ls_error *err)
{
    if (!(v >= 0 && v <= 1))
        return ls_error_set(err, LS_ERR_ARG, "parameter '%s' must be a number from 0 to 1",
                            fields[k].name);
    p->req.min_confidence = v > 0 ? v : -1;
    return LS_OK;
}

static ls_rc check_required(const ls_api_search *p, ls_error *err)
{
    if (!p->req.query) return ls_error_set(err, LS_ERR_ARG, "parameter 'q' (the question) is missing");
    size_t i = 0;
    while (i < p->req.query_len && (p->req.query[i] == ' ' || p->req.query[i] == '\t' ||
                                    p->req.query[i] == '\n' || p->req.query[i] == '\r'))
        i++;
    if (i == p->req.query_len) return ls_error_set(err, LS_ERR_ARG, "parameter 'q' is empty");
    return LS_OK;
}

static ls_rc unknown(const char *name, ls_error *err)
{
    return ls_error_set(err, LS_ERR_ARG, "unknown parameter '%.64s' (known: " KNOWN ")", name);
}

ls_rc ls_api_search_from_pairs(const char *const *keys, const char *const *values,
                               const size_t *value_lens, size_t n, ls_api_search *out,
                               ls_error *err)
{
    memset(out, 0, sizeof *out);
    unsigned seen = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = field_index(keys[i] ? keys[i] : "");
        if (k == NFIELDS) return unknown(keys[i] ? keys[i] : "", err);
        if (seen & (1u << k))
            return ls_error_set(err, LS_ERR_ARG, "parameter '%s' is given twice", fields[k].name);
        seen |= 1u << k;
        const char *v = values[i] ? values[i] : "";
        size_t vlen = values[i] && value_lens ? value_lens[i] : strlen(v);
        ls_rc rc = LS_OK;
        if (fields[k].kind != FIELD_TEXT && memchr(v, '\0', vlen))
            return ls_error_set(err, LS_ERR_ARG, "parameter '%s' contains a NUL byte",
                                fields[k].name);
        if (fields[k].kind == FIELD_TEXT) {
            rc = set_text(out, k, v, vlen, err);
        } else if (fields[k].kind == FIELD_UINT) {
            char *end;
            errno = 0;
            unsigned long long x = strtoull(v, &end, 10);
            if (!*v || *end || errno || v[0] == '-' || v[0] == '+' || v[0] == ' ')
                return ls_error_set(err, LS_ERR_ARG, "parameter '%s' must be a whole number",
                                    fields[k].name);
            rc = set_uint(out, k, x, err);
        } else if (fields[k].kind == FIELD_UNIT) {
            char *end;
            double x = strtod(v, &end);
            if (!*v || *end || v[0] == ' ')
                return ls_error_set(err, LS_ERR_ARG, "parameter '%s' must be a number from 0 to 1",
                                    fields[k].name);
            rc = set_unit(out, k, x, err);
        } else if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0 || !values[i]) {
            out->req.in_force = 1;
        } else if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0) {
            out->req.in_force = 0;
        } else {
            return ls_error_set(err, LS_ERR_ARG, "parameter 'in_force' must be true or false");
        }
        if (rc) return rc;
    }
    return check_required(out, err);
}

ls_rc ls_api_search_from_json(const char *body, size_t len, ls_api_search *out,
                              ls_error *err)
{
    memset(out, 0, sizeof *out);
    json_error_t jerr;
    json_t *o = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!o)
        return ls_error_set(err, LS_ERR_FORMAT, "malformed JSON body at line %d column %d: %s",
                            jerr.line, jerr.column, jerr.text);
    ls_rc rc = LS_OK;
    if (!json_is_object(o)) rc = ls_error_set(err, LS_ERR_FORMAT, "the JSON body must be an object");
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        if (rc) break;
        size_t k = field_index(key);
        if (k == NFIELDS) {
            rc = unknown(key, err);
        } else if (fields[k].kind == FIELD_TEXT) {
            if (json_is_null(v)) continue;
            if (!json_is_string(v))
                rc = ls_error_set(err, LS_ERR_ARG, "field '%s' must be a string", key);
            else rc = set_text(out, k, json_string_value(v), json_string_length(v), err);
        } else if (fields[k].kind == FIELD_UINT) {
            if (!json_is_integer(v) || json_integer_value(v) < 0)
                rc = ls_error_set(err, LS_ERR_ARG, "field '%s' must be a whole number from %u to %u",
                                  key, fields[k].min, fields[k].max);
            else rc = set_uint(out, k, (unsigned long long)json_integer_value(v), err);
        } else if (fields[k].kind == FIELD_UNIT) {
            if (!json_is_number(v))
                rc = ls_error_set(err, LS_ERR_ARG, "field '%s' must be a number from 0 to 1", key);
            else rc = set_unit(out, k, json_number_value(v), err);
        } else if (!json_is_boolean(v)) {
            rc = ls_error_set(err, LS_ERR_ARG, "field 'in_force' must be true or false");
        } else {
            out->req.in_force = json_is_true(v);
        }
    }
    json_decref(o);
    return rc ? rc : check_required(out, err);
}

void ls_api_search_free(ls_api_search *p)
{
    if (!p) return;
    for (size_t i = 0; i < sizeof p->owned / sizeof p->owned[0]; i++) free(p->owned[i]);
    memset(p, 0, sizeof *p);
}
