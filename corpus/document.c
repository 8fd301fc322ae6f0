/* document.c — allocation, freeing and small helpers of the document model. */
#include "document.h"
#include "procedure.h"
#include "structure.h"

#include <stdlib.h>
#include <string.h>

ls_document *ls_document_new(void) { return calloc(1, sizeof(ls_document)); }


static void free_article(ls_article *a)
{
    free(a->number);
    free(a->heading);
    free(a->text);
    free(a->part);
    free(a->chapter);
    free(a->section);
    for (size_t i = 0; i < a->nclauses; i++) {
        ls_clause *c = &a->clauses[i];
        free(c->number);
        for (size_t j = 0; j < c->npoints; j++) free(c->points[j].label);
        free(c->points);
    }
    free(a->clauses);
    ls_references_free(a->refs, a->nrefs);
    free(a->pd_label);
    free(a->pd_topic);
    free(a->source_note);
    free(a->source_url);
}

void ls_document_free(ls_document *doc)
{
    if (!doc) return;
    free(doc->id);
    free(doc->number);
    free(doc->type);
    free(doc->issuer);
    free(doc->issued);
    free(doc->effective);
    free(doc->title);
    free(doc->status);
    free(doc->source);
    for (size_t i = 0; i < doc->narticles; i++) free_article(&doc->articles[i]);
    free(doc->articles);
    ls_references_free(doc->refs, doc->nrefs);
    ls_procedure_free(doc->procedure);
    free(doc);
}

ls_article *ls_document_add_article(ls_document *doc)
{
    ls_article *grown = realloc(doc->articles, (doc->narticles + 1) * sizeof *grown);
    if (!grown) return NULL;
    doc->articles = grown;
    ls_article *a = &doc->articles[doc->narticles++];
    memset(a, 0, sizeof *a);
    return a;
}

ls_rc ls_strset(char **field, const char *s, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy) return LS_ERR_NOMEM;
    memcpy(copy, s, len);
    copy[len] = '\0';
    free(*field);
    *field = copy;
    return LS_OK;
}

/* Type code (the part of a number after the year, before '-') -> type name.
 * Longest codes first so "TTLT" wins over "TT". Matched case-insensitively on
 * ASCII and with both "Đ" and "D" spellings. */
static const struct { const char *code, *type; } type_codes[] = {
    {"TTLT", "Thông tư liên tịch"}, {"NQLT", "Nghị quyết liên tịch"},
    {"VBHN", "Văn bản hợp nhất"}, {"UBTVQH", "Nghị quyết"},
    {"NĐ", "Nghị định"}, {"ND", "Nghị định"}, {"QĐ", "Quyết định"}, {"QD", "Quyết định"},
    {"TT", "Thông tư"}, {"NQ", "Nghị quyết"}, {"CT", "Chỉ thị"}, {"TB", "Thông báo"},
    {"PL", "Pháp lệnh"}, {"L", "Lệnh"}, {"QH", "Luật"},
};

static int starts_with_code(const char *s, const char *code)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)code[i];
        if (a >= 'a' && a <= 'z') a = (unsigned char)(a - 32);
        if (a == 0) return 0;
        if (a == b) continue;
        /* lower-case đ (c4 91) against upper-case Đ (c4 90) */
        if (i > 0 && (unsigned char)code[i - 1] == 0xc4 && b == 0x90 && a == 0x91) continue;
        return 0;
    }
    return 1;
}

const char *ls_docnum_type(const char *num)
{
    if (!num) return NULL;
    /* The code follows the last '/' ("13/2023/NĐ-CP", "598/QĐ-TTg"), or for
     * National Assembly laws it is "QH" after the year ("45/2019/QH14"). */
    const char *slash = strrchr(num, '/');
    const char *code = slash ? slash + 1 : num;
    for (size_t i = 0; i < sizeof type_codes / sizeof type_codes[0]; i++) {
        if (!starts_with_code(code, type_codes[i].code)) continue;
        size_t n = strlen(type_codes[i].code);
        char next = code[n];
        /* "QH14" is a law; "QĐ-TTg" needs the '-' so "QH" can't eat "QĐ". */
        if (strcmp(type_codes[i].code, "QH") == 0 ? (next >= '0' && next <= '9')
                                                  : (next == '-' || next == '\0'))
            return type_codes[i].type;
    }
    return NULL;
}

const char *ls_document_infer_type(ls_document *doc)
{
    if (doc->type || !doc->number) return doc->type;
    const char *type = ls_docnum_type(doc->number);
    if (!type) return NULL;
    if (ls_strset(&doc->type, type, strlen(type))) return NULL;
    return doc->type;
}
