/* notice.c — "… không có trong chỉ mục" (notice.h). */
#include "notice.h"

#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../corpus/document.h"
#include "../format/doc_record.h"

char *ls_notice_document(const char *name)
{
    ls_buf b = LS_BUF_INIT;
    ls_buf_printf(&b, "%s không có trong chỉ mục", name);
    return ls_buf_detach(&b);
}

char *ls_notice_article(const char *article, const char *document)
{
    ls_buf b = LS_BUF_INIT;
    ls_buf_printf(&b, "Điều %s không có trong %s", article, document);
    return ls_buf_detach(&b);
}

char *ls_notice_document_name(xc_db *db, const char *doc_id)
{
    char key[400];
    ls_doc_record_key(doc_id, key, sizeof key);
    char *rec = NULL;
    size_t len = 0;
    xc_err xe;
    if (xc_db_get_metadata(db, key, &rec, &len, &xe) || len == 0) {
        free(rec);
        return NULL;
    }
    ls_doc_record r;
    ls_doc_record_decode(rec, len, &r, NULL);   /* not JSON: no fields */
    free(rec);
    const char *type = r.type, *number = r.number, *title = r.title;
    int law = type && (strcmp(type, "Luật") == 0 || strcmp(type, "Bộ luật") == 0);
    ls_buf b = LS_BUF_INIT;
    if (law && title) ls_buf_printf(&b, "%s%s%s", title, number ? " " : "", number ? number : "");
    else if (type && number) ls_buf_printf(&b, "%s %s", type, number);
    else ls_buf_puts(&b, number ? number : title ? title : doc_id);
    ls_doc_record_free(&r);
    return ls_buf_detach(&b);
}

/* the cited number as the question types it */
static char *typed_number(const ls_plan *plan, const char *q)
{
    for (size_t i = 0; i < plan->nterms; i++)
        if (plan->terms[i].kind == LS_TOKEN_DOCNUM) {
            ls_buf b = LS_BUF_INIT;
            ls_buf_append(&b, q + plan->terms[i].start, plan->terms[i].end - plan->terms[i].start);
            char *number = ls_buf_detach(&b);
            ls_document d = {.number = number};
            const char *type = number ? ls_document_infer_type(&d) : NULL;
            ls_buf_printf(&b, "%s %s", type ? type : "Văn bản", number ? number : "");
            free(d.type);
            free(number);
            return ls_buf_detach(&b);
        }
    return NULL;
}

ls_rc ls_notice_make(xc_db *db, const ls_plan *plan, const char *q, int doc_known,
                     int article_found, char **out, ls_error *err)
{
    *out = NULL;
    if (plan->missing) {
        *out = ls_notice_document(plan->missing);
    } else if (plan->doc_id && !doc_known) {
        char *name = typed_number(plan, q);
        *out = ls_notice_document(name ? name : plan->doc_id);
        free(name);
    } else if (plan->doc_id && plan->article && !article_found) {
        char *name = ls_notice_document_name(db, plan->doc_id);
        *out = ls_notice_article(plan->article, name ? name : plan->doc_id);
        free(name);
    } else {
        return LS_OK;
    }
    return *out ? LS_OK : ls_error_set(err, LS_ERR_NOMEM, "out of memory");
}
