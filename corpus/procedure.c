/* procedure.c — the procedure model's life cycle (free, copy), its legal
 * bases, its card as JSON and the text its passage indexes. */
#include "procedure.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../common/ls_str.h"
#include "document.h"

#define STR_FIELDS(p) {&(p)->code, &(p)->name, &(p)->decision, &(p)->level, &(p)->kind, \
        &(p)->field, &(p)->recipients, &(p)->agency, &(p)->authority, &(p)->address,     \
        &(p)->steps, &(p)->conditions, &(p)->result, &(p)->url, &(p)->ministry,          \
        &(p)->problems}

void ls_procedure_free(ls_procedure *p)
{
    if (!p) return;
    char **f[] = STR_FIELDS(p);
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) free(*f[i]);
    for (size_t i = 0; i < p->nchannels; i++) {
        ls_proc_channel *c = &p->channels[i];
        free(c->channel), free(c->time_unit), free(c->fee_text), free(c->description);
    }
    for (size_t i = 0; i < p->nitems; i++) {
        ls_proc_item *it = &p->items[i];
        free(it->name), free(it->form), free(it->quantity), free(it->group);
    }
    for (size_t i = 0; i < p->nbases; i++) {
        free(p->bases[i].number), free(p->bases[i].type), free(p->bases[i].name);
    }
    free(p->channels);
    free(p->items);
    free(p->bases);
    free(p);
}

ls_procedure *ls_procedure_copy(const ls_procedure *src)
{
    ls_procedure *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    int ok = 1;
    char **to[] = STR_FIELDS(d);
    char *const *from[] = STR_FIELDS(src);
    for (size_t i = 0; i < sizeof to / sizeof to[0]; i++) *to[i] = ls_strdup_ok(*from[i], &ok);
    /* shallow copies of the rows, then their strings (NULL'ed first so a
     * failure frees only what this copy owns) */
    d->channels = ls_memdup_ok(src->channels, src->nchannels, sizeof *d->channels, &ok);
    d->items = ls_memdup_ok(src->items, src->nitems, sizeof *d->items, &ok);
    d->bases = ls_memdup_ok(src->bases, src->nbases, sizeof *d->bases, &ok);
    if (!ok) {
        free(d->channels), free(d->items), free(d->bases);
        d->channels = NULL, d->items = NULL, d->bases = NULL;
        ls_procedure_free(d);
        return NULL;
    }
    d->nchannels = src->nchannels, d->nitems = src->nitems, d->nbases = src->nbases;
    for (size_t i = 0; i < d->nchannels; i++) {
        ls_proc_channel *c = &d->channels[i];
        c->channel = ls_strdup_ok(c->channel, &ok), c->time_unit = ls_strdup_ok(c->time_unit, &ok);
        c->fee_text = ls_strdup_ok(c->fee_text, &ok), c->description = ls_strdup_ok(c->description, &ok);
    }
    for (size_t i = 0; i < d->nitems; i++) {
        ls_proc_item *it = &d->items[i];
        it->name = ls_strdup_ok(it->name, &ok), it->form = ls_strdup_ok(it->form, &ok);
        it->quantity = ls_strdup_ok(it->quantity, &ok), it->group = ls_strdup_ok(it->group, &ok);
    }
    for (size_t i = 0; i < d->nbases; i++) {
        ls_proc_basis *b = &d->bases[i];
        b->number = ls_strdup_ok(b->number, &ok), b->type = ls_strdup_ok(b->type, &ok);
        b->name = ls_strdup_ok(b->name, &ok);
    }
    if (!ok) { /* a failed strdup left NULL: freeing the rest is safe */
        ls_procedure_free(d);
        return NULL;
    }
    return d;
}

/* A type named at the start of a basis's name ("Nghị định 121/2021/NĐ-CP",
 * "Luật Hộ tịch"), longest first. */
static const char *type_from_name(const char *name)
{
    static const char *const types[] = {
        "Thông tư liên tịch", "Nghị quyết liên tịch", "Bộ luật", "Luật", "Nghị định",
        "Thông tư", "Quyết định", "Nghị quyết", "Pháp lệnh", "Chỉ thị", "Hiến pháp",
    };
    for (size_t i = 0; name && i < sizeof types / sizeof types[0]; i++)
        if (strncmp(name, types[i], strlen(types[i])) == 0) return types[i];
    return NULL;
}

ls_rc ls_proc_add_basis(ls_procedure *p, const char *number, size_t num_len,
                        const char *name, size_t name_len)
{
    while (num_len && (unsigned char)*number <= ' ') number++, num_len--;
    while (num_len && (unsigned char)number[num_len - 1] <= ' ') num_len--;
    while (name_len && (unsigned char)*name <= ' ') name++, name_len--;
    while (name_len && (unsigned char)name[name_len - 1] <= ' ') name_len--;
    if (!num_len) return LS_OK;
    ls_proc_basis *g = realloc(p->bases, (p->nbases + 1) * sizeof *g);
    if (!g) return LS_ERR_NOMEM;
    p->bases = g;
    ls_proc_basis *b = &g[p->nbases++];
    memset(b, 0, sizeof *b);
    if (!(b->number = strndup(number, num_len))) return LS_ERR_NOMEM;
    if (name_len && !(b->name = strndup(name, name_len))) return LS_ERR_NOMEM;
    const char *type = type_from_name(b->name);
    if (!type) type = ls_docnum_type(b->number);
    if (type && !(b->type = strdup(type))) return LS_ERR_NOMEM;
    return LS_OK;
}

/* ---- the card ------------------------------------------------------------- */

static int put_str(json_t *o, const char *key, const char *val)
{
    json_t *v = val ? json_string(val) : json_null();
    if (!v) return -1; /* invalid UTF-8 */
    return json_object_set_new(o, key, v);
}

static const char *fee_kind_name(ls_fee_kind k)
{
    switch (k) {
    case LS_FEE_FREE: return "free";
    case LS_FEE_AMOUNT: return "amount";
    case LS_FEE_PROVINCE: return "province";
    case LS_FEE_OTHER: return "other";
    case LS_FEE_UNKNOWN: break;
    }
    return "unknown";
}

static json_t *channel_json(const ls_proc_channel *c, int *bad)
{
    json_t *o = json_object();
    if (!o) return *bad = 1, NULL;
    *bad |= put_str(o, "channel", c->channel);
    json_t *t = c->time_value >= 0 ? json_pack("{s:f,s:s?}", "value", c->time_value, "unit",
                                               c->time_unit)
                                   : json_null();
    *bad |= json_object_set_new(o, "time_limit", t);
    json_t *fee = json_pack("{s:s}", "kind", fee_kind_name(c->fee_kind));
    if (fee && c->fee_kind == LS_FEE_AMOUNT) {
        json_object_set_new(fee, "amount", json_real(c->fee_amount));
        json_object_set_new(fee, "currency", json_string("VND"));
    }
    if (fee) *bad |= put_str(fee, "text", c->fee_text);
    *bad |= json_object_set_new(o, "fee", fee);
    *bad |= put_str(o, "description", c->description);
    return o;
}

static json_t *item_json(const ls_proc_item *it, int *bad)
{
    json_t *o = json_object();
    if (!o) return *bad = 1, NULL;
    *bad |= put_str(o, "name", it->name);
    *bad |= put_str(o, "form", it->form);
    *bad |= put_str(o, "quantity", it->quantity);
    *bad |= json_object_set_new(o, "originals", it->originals >= 0 ? json_integer(it->originals)
                                                                   : json_null());
    *bad |= json_object_set_new(o, "copies", it->copies >= 0 ? json_integer(it->copies)
                                                             : json_null());
    *bad |= put_str(o, "group", it->group);
    return o;
}

json_t *ls_procedure_card(const ls_procedure *p)
{
    json_t *o = json_object();
    if (!o) return NULL;
    int bad = 0;
    const struct { const char *key, *val; } fields[] = {
        {"procedure_code", p->code}, {"name", p->name}, {"decision", p->decision},
        {"level", p->level}, {"procedure_type", p->kind}, {"field", p->field},
        {"recipients", p->recipients}, {"agency", p->agency}, {"authority", p->authority},
        {"address", p->address},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        bad |= put_str(o, fields[i].key, fields[i].val);
    json_t *ch = json_array(), *items = json_array(), *bases = json_array();
    for (size_t i = 0; ch && i < p->nchannels; i++)
        bad |= json_array_append_new(ch, channel_json(&p->channels[i], &bad));
    for (size_t i = 0; items && i < p->nitems; i++)
        bad |= json_array_append_new(items, item_json(&p->items[i], &bad));
    for (size_t i = 0; bases && i < p->nbases; i++) {
        json_t *b = json_object();
        if (!b) { bad = 1; break; }
        bad |= put_str(b, "number", p->bases[i].number);
        bad |= put_str(b, "type", p->bases[i].type);
        bad |= put_str(b, "name", p->bases[i].name);
        bad |= json_array_append_new(bases, b);
    }
    bad |= json_object_set_new(o, "channels", ch);
    bad |= json_object_set_new(o, "dossier", items);
    bad |= put_str(o, "steps", p->steps);
    bad |= put_str(o, "conditions", p->conditions);
    bad |= put_str(o, "result", p->result);
    bad |= json_object_set_new(o, "legal_bases", bases);
    bad |= put_str(o, "url", p->url);
    bad |= put_str(o, "ministry", p->ministry);
    bad |= put_str(o, "problems", p->problems);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* What a procedure's passage indexes besides its name (the heading): its
 * field, recipients, agency and result. Left out, measured with `eval` on
 * a tthc-only index (tthc-dev / bench/tthc-citizen.jsonl MRR@10): the steps
 * and conditions (with them 0.897 / -, their generic words match
 * everything), and the dossier items (with them 0.924 / 0.586, without
 * 0.905 / 0.639: "hộ chiếu", "giấy khai sinh" are in half the dossiers, so
 * a citizen asking for a passport got procedures that merely want one). */
char *ls_procedure_body(const ls_procedure *p)
{
    ls_buf b = LS_BUF_INIT;
    const char *parts[] = {p->field, p->recipients, p->agency, p->result};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i]) ls_buf_printf(&b, "%s\n", parts[i]);
    if (!b.len) ls_buf_puts(&b, p->name ? p->name : "");
    return ls_buf_detach(&b);
}
