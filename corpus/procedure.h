/* procedure.h — the administrative procedure (thủ tục hành chính) model: what
 * a citizen brings, where, how long it takes, what it costs, and on which
 * legal basis; the parsers that rebuild the portal's flattened tables into
 * it; and its card as JSON (the one shape every front door hands out).
 *
 * Ownership: an ls_procedure owns every string and array reachable from it;
 * ls_procedure_free releases all of it. Strings are UTF-8; optional fields
 * are NULL when the source says nothing ("Không có thông tin" is nothing).
 */
#ifndef LS_PROCEDURE_H
#define LS_PROCEDURE_H

#include <stddef.h>
#include <jansson.h>
#include "../common/ls_error.h"

typedef enum {
    LS_FEE_UNKNOWN = 0,    /* the source says nothing */
    LS_FEE_FREE,           /* "Miễn phí", "0 Đồng" */
    LS_FEE_AMOUNT,         /* an amount in VND (the first one given) */
    LS_FEE_PROVINCE,       /* set by the province (HĐND / UBND cấp tỉnh) */
    LS_FEE_OTHER           /* text only ("Mức thu bằng 50% ...") */
} ls_fee_kind;

typedef struct ls_proc_channel {
    char *channel;         /* "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính" */
    double time_value;     /* time limit, < 0 when not given */
    char *time_unit;       /* "ngày làm việc", "ngày", "giờ", "tháng"; NULL */
    ls_fee_kind fee_kind;
    double fee_amount;     /* VND, for LS_FEE_AMOUNT */
    char *fee_text;        /* the fee as written, NULL when nothing */
    char *description;     /* the row's "Mô tả", NULL when none */
} ls_proc_channel;

typedef struct ls_proc_item {
    char *name;            /* "Tờ khai đăng ký khai sinh theo mẫu" */
    char *form;            /* a form's file name ("TK-khaisinh.docx"), NULL */
    char *quantity;        /* "1 bản chính, 1 bản sao" as written, NULL */
    int originals, copies; /* parsed counts, -1 when unknown */
    char *group;           /* the case it applies to, when the table has
                              several ("Trường hợp ...", "Ngoài hồ sơ ..."), NULL */
} ls_proc_item;

typedef struct ls_proc_basis {
    char *number;          /* "60/2014/QH13" as written */
    char *type;            /* "Luật", "Nghị định"... from the number or name */
    char *name;            /* "Luật Hộ tịch", NULL when only the number */
} ls_proc_basis;

typedef struct ls_procedure {
    char *code;            /* ma_thu_tuc "1.001193" (required) */
    char *name;            /* ten_thu_tuc (required) */
    char *decision;        /* so_quyet_dinh "QĐ/0001-BCA" */
    char *level;           /* cap_thuc_hien "Cấp xã, Cấp tỉnh" */
    char *kind;            /* loai_thu_tuc */
    char *field;           /* linh_vuc */
    char *recipients;      /* doi_tuong_thuc_hien */
    char *agency;          /* co_quan_thuc_hien */
    char *authority;       /* co_quan_co_tham_quyen */
    char *address;         /* dia_chi_tiep_nhan */
    char *steps;           /* trinh_tu_thuc_hien */
    char *conditions;      /* yeu_cau_dieu_kien */
    char *result;          /* ket_qua_xu_ly, its items joined by "; " */
    char *url;             /* detail_url */
    char *ministry;        /* the directory the record came from, or NULL */
    ls_proc_channel *channels;
    size_t nchannels;
    ls_proc_item *items;
    size_t nitems;
    ls_proc_basis *bases;
    size_t nbases;
    char *problems;        /* "; "-joined tables that could not be read
                              (their text is kept in the field), or NULL */
} ls_procedure;

/* Free p and all it owns. NULL allowed. */
void ls_procedure_free(ls_procedure *p);

/* A deep copy of p (NULL when out of memory); the caller frees it. */
ls_procedure *ls_procedure_copy(const ls_procedure *p);

/* Parse counts of the table rebuilders, for the report and tests. */
typedef struct ls_table_counts {
    unsigned long tables, parsed, failed;
} ls_table_counts;

/* The table counts of the procedure reader since the last reset (all
 * threads together; the reader runs in the indexing thread): *out gets them,
 * and they restart from 0 when reset is set. */
void ls_tthc_table_counts(ls_table_counts *out, int reset);

/* The flattened tables of the portal's pages (see corpus README):
 * each appends to p; returns 1 when the table was read, 0 when it had rows
 * that could not be rebuilt (the caller keeps the text and notes it), -1
 * when out of memory. Empty input ("", "Không có thông tin") reads as 1. */
int ls_proc_parse_channels(ls_procedure *p, const char *s);
int ls_proc_parse_dossier(ls_procedure *p, const char *s);
int ls_proc_parse_bases(ls_procedure *p, const char *s);
/* ket_qua_xu_ly "Giấy khai sinhMã: KQ.G12.000001Từ khóa…" -> "Giấy khai sinh"
 * (several results joined by "; "): malloc'ed, NULL when none. */
char *ls_proc_parse_result(const char *s);

/* The first document number in s ("Quyết định số 12/2021/QĐ-TTg ngày ..."
 * -> "12/2021/QĐ-TTg") whose digits start with `hint` (NULL: any): 1 and
 * its span, or 0. */
int ls_proc_find_number(const char *s, const char *hint, size_t *start, size_t *len);

/* One cell of the portal's tables: a time limit "15 Ngày làm việc", "01
 * Giờ", "7" -> value and unit (NULL unit when only a number); 0 when no
 * number leads. *unit is static. */
int ls_proc_parse_time(const char *s, size_t len, double *value, const char **unit);
/* A fee cell "Miễn phí", "50,000 Việt Nam Đồng", "Lệ phí : 200.000 Đồng" (and
 * the row's description, for "set by the province") -> kind and amount. */
ls_fee_kind ls_proc_parse_fee(const char *s, size_t len, const char *description,
                              double *amount);

/* Append a channel / item / basis to p (strings copied, NULL allowed);
 * LS_ERR_NOMEM when out of memory. */
ls_rc ls_proc_add_channel(ls_procedure *p, const char *channel, const char *time,
                          size_t time_len, const char *fee, size_t fee_len,
                          const char *description, size_t desc_len);
ls_rc ls_proc_add_item(ls_procedure *p, const char *name, size_t name_len, const char *form,
                       size_t form_len, const char *quantity, size_t qty_len,
                       const char *group);
ls_rc ls_proc_add_basis(ls_procedure *p, const char *number, size_t num_len,
                        const char *name, size_t name_len);

/* Note a table that could not be read ("thanh_phan_ho_so"). */
ls_rc ls_proc_note_problem(ls_procedure *p, const char *what);

/* The card: {"procedure_code", "name", "decision", "level", "procedure_type", "field",
 * "recipients", "agency", "authority", "address", "channels": [{"channel",
 * "time_limit": {"value", "unit"}|null, "fee": {"kind": "free"|"amount"|
 * "province"|"other"|"unknown", "amount", "currency", "text"}, "description"}],
 * "dossier": [{"name", "form", "quantity", "originals", "copies", "group"}],
 * "steps", "conditions", "result", "legal_bases": [{"number", "type",
 * "name"}], "url", "ministry", "problems"}. A new reference (caller decrefs),
 * NULL when a string is not valid UTF-8 or out of memory. */
json_t *ls_procedure_card(const ls_procedure *p);

/* The text indexed for a procedure's passage besides its name (its
 * searchable body: field, recipients, agency, result), malloc'ed. */
char *ls_procedure_body(const ls_procedure *p);

/* Document id of a procedure: "tthc:" + code (malloc'ed). The prefix keeps
 * procedure codes apart from document numbers in the index's id space. */
#define LS_PROCEDURE_ID_PREFIX "tthc:"
#define LS_PROCEDURE_TYPE "Thủ tục hành chính"

#endif
