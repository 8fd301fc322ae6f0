/* notice.h — a citation to what the index does not hold, said plainly in
 * Vietnamese: "Luật Bảo hiểm xã hội không có trong chỉ mục", "Điều 99 không
 * có trong Nghị định 123/2015/NĐ-CP". The search response's `notice` and
 * the MCP tools get_provision and validate_citation use the same words. */
#ifndef LS_NOTICE_H
#define LS_NOTICE_H

#include "../common/ls_error.h"
#include "../xapian/xc.h"
#include "plan.h"

/* "<name> không có trong chỉ mục", malloc'ed (caller frees), or NULL. */
char *ls_notice_document(const char *name);

/* "Điều <article> không có trong <document>", malloc'ed, or NULL. */
char *ls_notice_article(const char *article, const char *document);

/* The name of an indexed document as a citation ends: "Nghị định
 * 123/2015/NĐ-CP", "Luật Hộ tịch 60/2014/QH13", from its record in db
 * (search.h's document record), malloc'ed; NULL if db has no record. */
char *ls_notice_document_name(xc_db *db, const char *doc_id);

/* The notice for a question, or *out = NULL when what it cites is there (or
 * it cites nothing): plan->missing (cite_resolve.h), a full number the
 * index does not hold (doc_known 0; named as typed in q), or an article of
 * a held document (doc_known 1, article_found 0). Errors: out of memory. */
ls_rc ls_notice_make(xc_db *db, const ls_plan *plan, const char *q, int doc_known,
                     int article_found, char **out, ls_error *err);

#endif
