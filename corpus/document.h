/* document.h — the document model every reader produces and the indexer
 * consumes: a legal document with its metadata, its articles (the passages we
 * retrieve), their clauses and points, and the references found in the text.
 *
 * Ownership: an ls_document owns every string and array reachable from it;
 * ls_document_free releases all of it. Strings are UTF-8 (NFC as read; the
 * analyser normalises further when indexing). Optional fields are NULL when
 * unknown. Offsets are byte offsets into the owning article's `text`.
 */
#ifndef LS_DOCUMENT_H
#define LS_DOCUMENT_H

#include <stddef.h>
#include "../common/ls_error.h"

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

typedef enum {
    LS_REL_CITES = 0,      /* dẫn chiếu: plain reference */
    LS_REL_BASIS,          /* căn cứ: legal basis (preamble) */
    LS_REL_GUIDES,         /* hướng dẫn / quy định chi tiết */
    LS_REL_AMENDS,         /* sửa đổi / bổ sung */
    LS_REL_REPLACES,       /* thay thế */
    LS_REL_REPEALS,        /* bãi bỏ / hết hiệu lực */
    LS_REL_SUSPENDS,       /* đình chỉ / ngưng hiệu lực */
    LS_REL_CORRECTS        /* đính chính */
} ls_relation;

typedef struct ls_reference {
    ls_relation relation;
    char *doc_number;      /* normalised ("13/2023/nđ-cp"), NULL if by name */
    char *doc_type;        /* "Nghị định", "Luật"... NULL if unknown */
    char *law_name;        /* "Luật Đất đai" when cited by name, else NULL */
    char *year;            /* "2024" when given with the name, else NULL */
    char *article, *clause, *point;   /* "5", "2", "a" or NULL */
    int self;              /* 1 for "Luật này", "Điều này", "Nghị định này" */
    size_t start, end;     /* span of the whole citation in the text */
} ls_reference;

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
    ls_reference *refs;
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
    ls_reference *refs;    /* document-level references (preamble) */
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

/* Set *field to a malloc'ed copy of s[0..len) (freeing the old value). */
ls_rc ls_strset(char **field, const char *s, size_t len);

/* Fill doc->type from the document number's type code when type is NULL
 * ("NĐ" -> "Nghị định", "QH" -> "Luật" ...). Returns the type or NULL. */
const char *ls_document_infer_type(ls_document *doc);

/* The document type a number's code names ("13/2023/NĐ-CP" -> "Nghị định",
 * "45/2019/QH14" -> "Luật"), static storage; NULL when none. */
const char *ls_docnum_type(const char *number);

#endif
