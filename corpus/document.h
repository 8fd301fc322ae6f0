/* document.h — the document model every reader produces and the indexer
 * consumes: a legal document with its metadata, its articles (the passages we
 * retrieve), their clauses and points, and the citations found in the text
 * (ls_cite, cite/cite.h).
 *
 * Ownership: an ls_document owns every string and array reachable from it;
 * ls_document_free releases all of it. Strings are UTF-8 (NFC as read; the
 * analyser normalises further when indexing). Optional fields are NULL when
 * unknown. Offsets are byte offsets into the owning article's `text`.
 */
#ifndef LS_DOCUMENT_H
#define LS_DOCUMENT_H

#include <stddef.h>
#include "../cite/cite.h"
#include "../common/ls_error.h"
#include "../common/ls_str.h"

typedef struct ls_point {
    char *label;           /* "a", "đ", "a1" */
    size_t start, end;     /* span in article text, label included */
} ls_point;

typedef struct ls_clause {
    char *number;          /* "1", "2", "2a" */
    size_t start, end;     /* span in article text, number included */
    ls_point *points;
    size_t npoints;
} ls_clause;

typedef struct ls_article {
    char *number;          /* "5", "5a" (digits + optional letter) */
    char *heading;         /* "Phạm vi điều chỉnh", may be NULL */
    char *text;            /* body: everything after the "Điều N. heading" line */
    size_t text_len;
    char *part;            /* "Phần thứ nhất ..." heading path, each may be NULL */
    char *chapter;         /* "Chương II. QUY ĐỊNH CHUNG" */
    char *section;         /* "Mục 1. ..." */
    ls_clause *clauses;
    size_t nclauses;
    ls_cite *refs;         /* its citations (cite.h: ls_references_find) */
    size_t nrefs;
    /* Bộ pháp điển extras (NULL elsewhere) */
    char *pd_label;        /* "Điều 36.3.LQ.1" */
    char *pd_topic;        /* topic (đề mục) title */
    char *source_note;     /* "(Điều 1 Luật số 57/2020/QH14 ... )" */
    char *source_url;      /* link to the national database */
} ls_article;

typedef struct ls_document {
    char *id;              /* stable key: normalised number, else the title */
    char *number;          /* as displayed: "13/2023/NĐ-CP"; NULL if none */
    char *type;            /* "Nghị định", "Luật", "Thông tư"...; NULL unknown */
    char *issuer;          /* "Chính phủ", "Quốc hội"...; NULL unknown */
    char *issued;          /* "YYYY-MM-DD" or NULL */
    char *effective;       /* "YYYY-MM-DD" or NULL */
    char *title;           /* trích yếu / name: "Luật Cư trú", "Về bảo vệ ..." */
    char *status;          /* "còn hiệu lực", "hết hiệu lực"... or NULL */
    char *source;          /* where it was read from: path[:line] */
    ls_article *articles;
    size_t narticles;
    ls_cite *refs;         /* document-level references (preamble) */
    size_t nrefs;
    struct ls_procedure *procedure; /* an administrative procedure's model
                                       (corpus/procedure.h), owned; NULL
                                       for legal texts */
} ls_document;

/* Allocate an empty document (all fields NULL/0). Free with ls_document_free. */
ls_document *ls_document_new(void);

/* Free the document and everything it owns. NULL is allowed. */
void ls_document_free(ls_document *doc);

/* Append an empty article to doc and return it (owned by doc), or NULL when
 * out of memory. Pointers to earlier articles may move. */
ls_article *ls_document_add_article(ls_document *doc);

/* Fill doc->type from the document number's type code when type is NULL
 * ("NĐ" -> "Nghị định", "QH" -> "Luật" ...). Returns the type or NULL. */
const char *ls_document_infer_type(ls_document *doc);

#endif
