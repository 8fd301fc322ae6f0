/* stats.c — index statistics: documents, passages, documents by type, read
 * from the XDOC terms and the stored document records; the index format
 * and whether this binary may add to it (format/open_error.h's rule). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_json.h"
#include "../format/doc_record.h"
#include "../format/open_error.h"
#include "../format/schema.h"
#include "../xapian/xc_error.h"
#include "search.h"
#include "searcher_internal.h"

typedef struct stats_ctx {
    xc_db *db;
    json_t *by_type;
    unsigned long documents;
    int modified;   /* a commit discarded the revision being read */
} stats_ctx;

static int on_doc_term(void *vctx, const char *term, unsigned termfreq)
{
    (void)termfreq;
    stats_ctx *ctx = vctx;
    ctx->documents++;
    char *record = NULL, key[600];
    size_t len = 0;
    const char *type = "(unknown)";
    ls_doc_record r = {0};
    xc_err xe;
    ls_doc_record_key(term + strlen(LS_PREFIX_DOC), key, sizeof key);
    xc_rc mrc = xc_db_get_metadata(ctx->db, key, &record, &len, &xe);
    if (mrc == XC_ERR_MODIFIED) {
        ctx->modified = 1;
        return 1;
    }
    if (mrc == XC_OK && len && ls_doc_record_decode(record, len, &r, NULL) == LS_OK && r.type)
        type = r.type;
    json_int_t n = json_integer_value(json_object_get(ctx->by_type, type));
    json_object_set_new(ctx->by_type, type, json_integer(n + 1));
    ls_doc_record_free(&r);
    free(record);
    return 0;
}

/* One reading of the statistics; *modified = 1 when a writer's commits
 * discarded the revision being read (the caller reopens and reads again). */
static ls_rc stats_once(xc_db *db, const char *path, char **json, int *modified, ls_error *err)
{
    xc_err xe;
    unsigned passages = 0;
    char *format = NULL;
    size_t flen = 0;
    xc_db_reopen(db, NULL, &xe);
    if (xc_db_doccount(db, &passages, &xe) ||
        xc_db_get_metadata(db, LS_METADATA_FORMAT, &format, &flen, &xe)) {
        *modified = xe.rc == XC_ERR_MODIFIED;
        free(format);
        return ls_xc_error(err, "stats", &xe);
    }
    /* the searcher opened it, so the mark is one this binary reads */
    ls_error why = {0};
    int writable = ls_index_format_writable(path, format, flen, &why) == LS_OK;
    json_t *format_json = json_stringn(format ? format : "", flen);
    free(format);
    stats_ctx ctx = {.db = db, .by_type = json_object()};
    xc_rc arc = xc_db_allterms(db, LS_PREFIX_DOC, on_doc_term, &ctx, &xe);
    if (arc || ctx.modified) {
        json_decref(ctx.by_type);
        json_decref(format_json);
        *modified = ctx.modified || xe.rc == XC_ERR_MODIFIED;
        return ls_error_set(err, LS_ERR_INDEX, "stats: %s",
                            arc ? xe.msg : "DatabaseModifiedError: revision discarded");
    }
    json_t *o = json_pack("{s:I, s:I, s:o, s:o, s:b}", "documents", (json_int_t)ctx.documents,
                          "passages", (json_int_t)passages, "by_type", ctx.by_type, "format",
                          format_json, "writable", writable);
    if (o && !writable) json_object_set_new(o, "not_writable", json_string(why.msg));
    *json = ls_json_text(o);
    return *json ? LS_OK : ls_error_set(err, LS_ERR_NOMEM, "out of memory");
}

/* Attempts when an indexer keeps committing while the statistics are read. */
#define STATS_ATTEMPTS 5

ls_rc ls_searcher_stats_json(ls_searcher *s, char **json, ls_error *err)
{
    *json = NULL;
    ls_rc rc = LS_OK;
    for (int i = 0; i < STATS_ATTEMPTS; i++) {
        int modified = 0;
        if (!(rc = stats_once(ls_searcher_db(s), ls_searcher_path(s), json, &modified, err)) ||
            !modified)
            break;
    }
    return rc;
}

ls_rc ls_searcher_revision(ls_searcher *s, unsigned long *revision, unsigned long *passages,
                           ls_error *err)
{
    xc_db *db = ls_searcher_db(s);
    xc_err xe;
    unsigned n = 0;
    if (xc_db_reopen(db, NULL, &xe) || xc_db_revision(db, revision, &xe) ||
        xc_db_doccount(db, &n, &xe))
        return ls_xc_error(err, "index revision", &xe);
    *passages = n;
    return LS_OK;
}
