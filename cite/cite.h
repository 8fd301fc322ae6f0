/* cite.h — citations of Vietnamese legal texts: the one public header of
 * cite/, the one place that knows what a citation is.
 *
 *   the model       ls_cite: what a text cites (document, article, clause,
 *                   point), where, what its sentence does to it, and how it
 *                   resolved against an index (filled by review/);
 *   extraction      ls_references_find (one item per citation phrase, lists
 *                   kept as their first element: what corpus/ stores with an
 *                   article) and ls_cite_extract (one item per list element,
 *                   dirty numbers cleaned: what review/ resolves);
 *   formatting      ls_cite_format / ls_cite_write_doc: the standard form
 *                   "khoản 2 Điều 5 Nghị định số 13/2023/NĐ-CP", one rule for
 *                   search's hits, review, MCP and the notices;
 *   classification  what a sentence does to the text it cites (căn cứ, sửa
 *                   đổi, thay thế, bãi bỏ ...): ls_relation_near /
 *                   ls_relation_active, and ls_cite_act for the document-level
 *                   relations the indexer stores and the provision-level ones
 *                   review reads back, in one sentence window.
 *
 * Resolution against an index lives in the layer that reads it
 * (review/resolve.c, through query/): cite/ sits below corpus/ and reads no
 * index. Strings are UTF-8; every string of an ls_cite is owned by it.
 */
#ifndef LS_CITE_H
#define LS_CITE_H

#include <stddef.h>

#include "../common/ls_buf.h"
#include "../common/ls_error.h"

/* What a sentence says of the text it cites. */
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

/* How a citation resolved against an index. */
typedef enum {
    LS_CITE_FOUND = 0,       /* the document, and the provision when one is cited */
    LS_CITE_DOC_MISSING,     /* no such document in the index */
    LS_CITE_PART_MISSING,    /* document found, article / clause / point missing */
    LS_CITE_AMBIGUOUS,       /* several documents fit: see candidates */
    LS_CITE_SELF_UNKNOWN     /* "Luật này" with no containing document known */
} ls_cite_resolution;

/* The cited text's status as of a date. */
typedef enum {
    LS_FORCE_UNKNOWN = 0,    /* no status stored and no relation seen */
    LS_FORCE_IN_FORCE,
    LS_FORCE_AMENDED,        /* in force, amended by `by` */
    LS_FORCE_PARTLY_REPEALED,/* in force, some provisions repealed */
    LS_FORCE_NOT_YET,        /* issued or effective after the date */
    LS_FORCE_SUSPENDED,
    LS_FORCE_REPEALED,       /* the document, or the cited article, repealed */
    LS_FORCE_REPLACED,       /* replaced by `by` */
    LS_FORCE_EXPIRED         /* stored as no longer applicable (obsolete) */
} ls_force;

/* One citation: the one model of the project (a corpus article's references,
 * review's items and MCP's answers are all ls_cite). Every string is owned
 * (NULL when absent); free with ls_cite_clear / ls_cites_free. */
typedef struct ls_cite {
    size_t start, end;           /* byte span: the whole phrase when it cites one
                                    thing, else the item's own label ("khoản 5") */
    size_t group_start, group_end; /* the whole citation phrase */
    size_t group;                /* index of the phrase (0-based) */
    ls_relation relation;        /* what the sentence says (căn cứ, sửa đổi...) */
    int self;                    /* "Luật này", "Điều này", or no document named */
    int self_article;            /* "Điều này": the article the citation sits in */
    char *doc_number;            /* normalised number as cited, "13/2023/nđ-cp" */
    char *doc_type;              /* "Nghị định", "Luật"... NULL if unknown */
    char *law_name;              /* "Luật Đất đai" when cited by name */
    char *year;                  /* "2024" when given with the name */
    char *article, *clause, *point; /* "5", "2", "a" */
    char *citation;              /* standard form (ls_cite_format); NULL from
                                    ls_references_find */
    /* resolution (review/ only; zero after extraction) */
    ls_cite_resolution resolution;
    char *why;                   /* one line on a miss / ambiguity / self */
    char *doc_id;                /* resolved document id */
    char *doc_title, *doc_display_number, *issued, *effective, *status;
    char *heading;               /* the cited article's heading */
    char *text;                  /* the cited article / clause / point text */
    char **candidates;           /* ambiguous: document ids */
    size_t ncandidates;
    ls_force force;
    char *force_by;              /* id of the document that amends / replaces /
                                    repeals it, when known */
    char *force_note;            /* e.g. "effective 2025-07-01" */
} ls_cite;

/* ---- the model ---------------------------------------------------------- */

/* Free every field of c and zero it (c itself is not freed). */
void ls_cite_clear(ls_cite *c);
/* Free an array of n citations and the array itself. NULL is allowed. */
void ls_cites_free(ls_cite *cites, size_t n);
/* Deep copy of src into *dst (which is overwritten, not freed). LS_ERR_NOMEM
 * leaves *dst partly filled: free it with ls_cite_clear. */
ls_rc ls_cite_copy(ls_cite *dst, const ls_cite *src);

/* ---- extraction ---------------------------------------------------------- */

/* The citation phrases of text[0..len) (valid UTF-8), in text order: one
 * item per phrase, a list ("khoản 4 và khoản 5 Điều 70") carrying its FIRST
 * point / clause / article; group_start/end = start/end; relation from the
 * sentence (ls_relation_near); no citation text. *out is a malloc'ed array
 * of *n (free with ls_cites_free). LS_ERR_UTF8 on invalid UTF-8. */
ls_rc ls_references_find(const char *text, size_t len, ls_cite **out, size_t *n,
                         ls_error *err);

/* Every citation item of text[0..len): a phrase's lists become one item
 * each, all sharing the phrase (the group); dirty numbers ("123_2015_ND-CP")
 * and numbers glued to the next word are read clean; article headings
 * ("Điều 5. Tên") are not citations; citation set (ls_cite_format).
 * *out malloc'ed, free with ls_cites_free. LS_ERR_UTF8 on invalid UTF-8. */
ls_rc ls_cite_extract(const char *text, size_t len, ls_cite **out, size_t *n, ls_error *err);

/* Release the compiled pattern (optional, at exit; extraction fails after). */
void ls_cite_shutdown(void);

/* ---- documents' numbers ------------------------------------------------- */

/* The document type a number's code names ("13/2023/NĐ-CP" -> "Nghị định",
 * "45/2019/QH14" -> "Luật"), static storage; NULL when none. */
const char *ls_docnum_type(const char *number);

/* "13/2023/nđ-cp" -> "13/2023/NĐ-CP" (ASCII and đ upper-cased), malloc'ed;
 * NULL when out of memory. */
char *ls_cite_upper_number(const char *num);

/* ---- formatting ---------------------------------------------------------- */

/* 1 for the types cited by their name ("Luật Cư trú số 68/2020/QH14"):
 * Luật, Bộ luật, Pháp lệnh, Hiến pháp. The one "is a law" rule. */
int ls_cite_type_is_law(const char *doc_type);

/* Append a document in the standard form to b: "<title> số <number>" for a
 * law with both, "<type or 'văn bản'> số <number>" for anything else with a
 * number, else "<title>". Any may be NULL; nothing appended when number and
 * title are. Errors stick in b. */
void ls_cite_write_doc(ls_buf *b, const char *type, const char *title, const char *number);

/* Append the provision "điểm a khoản 1 Điều 72" (each part optional; no
 * trailing space) to b. Errors stick in b. */
void ls_cite_write_provision(ls_buf *b, const char *point, const char *clause,
                             const char *article);

/* (Re)build c->citation in the standard form: the provision + the document,
 * written from the index's type / title / number when given (a resolved
 * citation), else from what the text cited ("Luật Đất đai năm 2024",
 * "Nghị định số 13/2023/NĐ-CP", "văn bản này"). LS_ERR_NOMEM. */
ls_rc ls_cite_format(ls_cite *c, const char *doc_type, const char *doc_title,
                     const char *doc_number);

/* Stable names ("found", "document-missing", ...; "in-force", "repealed" ...;
 * "cites", "amends" ...). */
const char *ls_cite_resolution_name(ls_cite_resolution r);
const char *ls_force_name(ls_force f);
const char *ls_relation_name(ls_relation r);
/* 1 for the states a reviewer must act on: repealed, replaced, expired. */
int ls_force_is_gone(ls_force f);

/* ---- what a sentence does to what it cites -------------------------------- */

/* The sentence around text[start..end): [*s, *e), looking at most
 * LS_CITE_SENTENCE_WINDOW bytes either side. A sentence ends at a newline,
 * ';', ':' or a '.' followed by a space, a line end or the text's end. The
 * one sentence rule of the classifiers below. */
#define LS_CITE_SENTENCE_WINDOW 400
void ls_cite_sentence(const char *text, size_t len, size_t start, size_t end, size_t *s,
                      size_t *e);

/* The relation the sentence around text[start..end) gives the citation
 * there: the nearest keyword before it in the sentence (căn cứ, sửa đổi,
 * thay thế, bãi bỏ, hướng dẫn, đình chỉ, đính chính...), else the first
 * after it (*after = 1; after may be NULL); LS_REL_CITES when none. */
ls_relation ls_relation_near(const char *text, size_t len, size_t start, size_t end, int *after);

/* What the text itself does to the citation at [start, end): the relation
 * above, but LS_REL_CITES for a passive statement ("X đã được sửa đổi theo
 * Y", "được hướng dẫn tại Y") and for a keyword after the citation other
 * than "hết hiệu lực" / "ngưng hiệu lực". */
ls_relation ls_relation_active(const char *text, size_t len, size_t start, size_t end);

/* What a sentence does to the document it cites. */
typedef enum {
    LS_ACT_NONE = 0, LS_ACT_AMENDS, LS_ACT_REPLACES, LS_ACT_REPEALS,
    LS_ACT_PARTLY             /* repeals or replaces a part of it only */
} ls_act;

/* 0 when text[0..len) holds no word that amends, replaces or repeals (a
 * cheap test before extracting its citations), else 1. */
int ls_cite_mentions_an_act(const char *text, size_t len);

/* Whether the sentence of citation c (a phrase of ls_references_find over
 * text[0..len)) amends, replaces or repeals the whole numbered document c
 * names: LS_ACT_PARTLY for a provision-level or partial repeal or
 * replacement; LS_ACT_NONE for a plain citation, a legal basis, "X đã được
 * sửa đổi theo Y", a citation of this text itself or without a number. What
 * the indexer stores as a document's relations. */
ls_act ls_relation_act(const char *text, size_t len, const ls_cite *c);

/* What the sentence of citation item c (of ls_cite_extract over
 * text[0..len)) does to the provision it cites, or with no provision to the
 * document: LS_ACT_AMENDS, _REPLACES, _REPEALS, LS_ACT_PARTLY ("bãi bỏ các
 * quy định ... tại X"), LS_ACT_NONE (also for "Bổ sung Điều 5a vào sau
 * Điều 5": Điều 5 only places the new one). What review reads back from the
 * acting texts. */
ls_act ls_cite_provision_act(const char *text, size_t len, const ls_cite *c);

#endif
