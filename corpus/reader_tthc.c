/* reader_tthc.c — administrative procedures of the national database, in
 * both shapes the corpus holds (corpus README, "tthc/"):
 *   - the portal's pages as scraped (dichvucong/<ministry>/<code>.json):
 *     {"ma_thu_tuc", "ten_thu_tuc", ..., "cach_thuc_thuc_hien": flattened
 *     table, "thanh_phan_ho_so": ..., "can_cu_phap_ly": ...};
 *   - the portal's .doc exports (bqp-doc/<code>.json): {"metadata": {...},
 *     "content": {...}, "tables": {"hinh_thuc_nop": [...], ...}}.
 * A file holds one record, or an array of them. Each record becomes one
 * ls_document (id "tthc:<code>", one passage) carrying its ls_procedure.
 * A record that is not an object, has no code or name, or has an overlong
 * field is skipped with its reason; a table that cannot be rebuilt keeps
 * its text in the passage and is reported as a problem. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "procedure.h"

#define FIELD_MAX (256 * 1024) /* bytes of one field: the portal's longest is ~70 KB */

static void problem(const ls_reader_sink *sink, const char *name, const char *fmt, const char *a,
                    const char *b)
{
    char msg[512];
    snprintf(msg, sizeof msg, fmt, a, b);
    ls_reader_problem(sink, name, 0, msg);
}

/* A string member, NULL when absent, not a string, empty or "no information" */
static const char *member(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    if (!s) return NULL;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
    if (!*s || strcmp(s, "Không có thông tin") == 0 || strcmp(s, "Không") == 0) return NULL;
    return s;
}

static int set(char **field, const char *s, int *ok)
{
    if (!s) return 0;
    size_t n = strlen(s);
    while (n && (unsigned char)s[n - 1] <= ' ') n--;
    if (!(*field = strndup(s, n))) *ok = 0;
    return 0;
}

/* The first string field longer than FIELD_MAX, anywhere in the record. */
static const char *overlong(json_t *v, const char *key)
{
    if (json_is_string(v)) return json_string_length(v) > FIELD_MAX ? key : NULL;
    const char *k, *bad = NULL;
    json_t *m;
    size_t i;
    if (json_is_object(v)) {
        json_object_foreach(v, k, m) if ((bad = overlong(m, k))) return bad;
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, m) if ((bad = overlong(m, key))) return bad;
    }
    return NULL;
}

/* The ministry a record came from: its file's directory ("bo-cong-an"). */
static char *ministry_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return NULL;
    const char *start = slash;
    while (start > path && start[-1] != '/') start--;
    if (strncmp(start, "bqp-doc", 7) == 0) return strdup("bo-quoc-phong");
    return strndup(start, (size_t)(slash - start));
}

/* ---- the portal's pages --------------------------------------------------- */

static int read_page(ls_procedure *p, json_t *o, int *ok)
{
    set(&p->code, member(o, "ma_thu_tuc"), ok);
    set(&p->name, member(o, "ten_thu_tuc"), ok);
    set(&p->decision, member(o, "so_quyet_dinh"), ok);
    set(&p->level, member(o, "cap_thuc_hien"), ok);
    set(&p->kind, member(o, "loai_thu_tuc"), ok);
    set(&p->field, member(o, "linh_vuc"), ok);
    set(&p->recipients, member(o, "doi_tuong_thuc_hien"), ok);
    set(&p->agency, member(o, "co_quan_thuc_hien"), ok);
    set(&p->authority, member(o, "co_quan_co_tham_quyen"), ok);
    set(&p->address, member(o, "dia_chi_tiep_nhan"), ok);
    set(&p->steps, member(o, "trinh_tu_thuc_hien"), ok);
    set(&p->conditions, member(o, "yeu_cau_dieu_kien"), ok);
    set(&p->url, member(o, "detail_url"), ok);
    const char *r = member(o, "ket_qua_xu_ly");
    if (r && !(p->result = ls_proc_parse_result(r)) && !(p->result = strdup(r))) *ok = 0;
    return 1;
}

/* The flattened tables; a table that cannot be rebuilt is noted. */
static ls_rc read_page_tables(ls_procedure *p, json_t *o, ls_table_counts *tc)
{
    static const struct { const char *key; int (*parse)(ls_procedure *, const char *); } tables[] = {
        {"cach_thuc_thuc_hien", ls_proc_parse_channels},
        {"thanh_phan_ho_so", ls_proc_parse_dossier},
        {"can_cu_phap_ly", ls_proc_parse_bases},
    };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        const char *s = member(o, tables[i].key);
        if (!s) continue;
        tc->tables++;
        int r = tables[i].parse(p, s);
        if (r < 0) return LS_ERR_NOMEM;
        if (r) tc->parsed++;
        else {
            tc->failed++;
            if (ls_proc_note_problem(p, tables[i].key)) return LS_ERR_NOMEM;
        }
    }
    return LS_OK;
}

/* ---- the .doc exports ----------------------------------------------------- */

static void read_export(ls_procedure *p, json_t *o, int *ok)
{
    json_t *m = json_object_get(o, "metadata"), *c = json_object_get(o, "content");
    set(&p->code, member(m, "mã_thủ_tục"), ok);
    if (!p->code) set(&p->code, member(o, "thu_tuc_id"), ok);
    set(&p->name, member(m, "tên_thủ_tục"), ok);
    set(&p->decision, member(m, "số_quyết_định"), ok);
    set(&p->level, member(m, "cấp_thực_hiện"), ok);
    set(&p->kind, member(m, "loại_thủ_tục"), ok);
    set(&p->field, member(m, "lĩnh_vực"), ok);
    set(&p->recipients, member(c, "đối_tượng_thực_hiện"), ok);
    set(&p->agency, member(c, "cơ_quan_thực_hiện"), ok);
    set(&p->authority, member(c, "cơ_quan_có_thẩm_quyền"), ok);
    set(&p->address, member(c, "địa_chỉ_tiếp_nhận_hs"), ok);
    set(&p->steps, member(c, "trình_tự_thực_hiện"), ok);
    set(&p->conditions, member(c, "yêu_cầu_điều_kiện_thực_hiện"), ok);
    set(&p->result, member(c, "kết_quả_thực_hiện"), ok);
}

static const char *cell(json_t *row, const char *key, size_t *len)
{
    const char *s = json_string_value(json_object_get(row, key));
    *len = s ? strlen(s) : 0;
    return s ? s : "";
}

static ls_rc read_export_tables(ls_procedure *p, json_t *o, ls_table_counts *tc)
{
    json_t *t = json_object_get(o, "tables"), *row;
    size_t i, a, b, c;
    json_t *ch = json_object_get(t, "hinh_thuc_nop"), *hs = json_object_get(t, "thanh_phan_ho_so"),
           *cc = json_object_get(t, "can_cu_phap_ly");
    json_t *all[3] = {ch, hs, cc};
    for (int k = 0; k < 3; k++)
        if (json_array_size(all[k])) tc->tables++, tc->parsed++;
    json_array_foreach(ch, i, row) {
        const char *name = cell(row, "hinh_thuc", &a), *time = cell(row, "thoi_han_giai_quyet", &b);
        const char *fee = cell(row, "phi_le_phi", &c);
        size_t d;
        const char *desc = cell(row, "mo_ta", &d);
        if (!a) continue;
        if (ls_proc_add_channel(p, name, time, b, fee, c, desc, d)) return LS_ERR_NOMEM;
    }
    json_array_foreach(hs, i, row) {
        const char *name = cell(row, "ten_giay_to", &a), *form = cell(row, "so_luong", &b);
        const char *qty = cell(row, "ghi_chu", &c);
        if (!a) continue;
        if (ls_proc_add_item(p, name, a, form, b, qty, c, NULL)) return LS_ERR_NOMEM;
    }
    json_array_foreach(cc, i, row) {
        const char *num = cell(row, "so_ky_hieu", &a), *name = cell(row, "trich_yeu", &b);
        size_t st, n;
        /* "so_ky_hieu" is often only the first part ("12"): the whole number
         * is in the name */
        if (ls_proc_find_number(name, a ? num : NULL, &st, &n)) num = name + st, a = n;
        if (!a && !b) continue;
        if (ls_proc_add_basis(p, a ? num : name, a ? a : b, name, b)) return LS_ERR_NOMEM;
    }
    return LS_OK;
}

/* ---- records -------------------------------------------------------------- */

/* The passage and document around p (which the document takes). */
static ls_rc make_document(ls_procedure *p, const char *name, ls_document **out)
{
    *out = NULL;
    ls_document *doc = ls_document_new();
    if (!doc) return LS_ERR_NOMEM;
    doc->procedure = p;
    char id[200];
    snprintf(id, sizeof id, "%s%s", LS_PROCEDURE_ID_PREFIX, p->code);
    ls_rc rc = ls_strset(&doc->id, id, strlen(id));
    if (!rc) rc = ls_strset(&doc->type, LS_PROCEDURE_TYPE, strlen(LS_PROCEDURE_TYPE));
    if (!rc) rc = ls_strset(&doc->title, p->name, strlen(p->name));
    if (!rc) rc = ls_strset(&doc->source, name, strlen(name));
    ls_article *a = rc ? NULL : ls_document_add_article(doc);
    if (!rc && !a) rc = LS_ERR_NOMEM;
    char *body = rc ? NULL : ls_procedure_body(p);
    if (!rc && !body) rc = LS_ERR_NOMEM;
    if (!rc) {
        rc = ls_strset(&a->number, "1", 1);
        if (!rc) rc = ls_strset(&a->heading, p->name, strlen(p->name));
        a->text = body;
        a->text_len = strlen(body);
        if (!rc && p->url) rc = ls_strset(&a->source_url, p->url, strlen(p->url));
    }
    if (rc) {
        ls_document_free(doc);
        return rc;
    }
    *out = doc;
    return LS_OK;
}

static ls_table_counts last_counts;

static ls_rc read_record(const char *name, json_t *o, const ls_reader_sink *sink, int *stop,
                         ls_error *err)
{
    if (!json_is_object(o)) {
        problem(sink, name, "%s%s: a procedure record that is not a JSON object: skipped", "", "");
        return LS_OK;
    }
    const char *bad = overlong(o, "record");
    if (bad) {
        problem(sink, name, "field %s is over %s bytes: record skipped", bad, "262144");
        return LS_OK;
    }
    ls_procedure *p = calloc(1, sizeof *p);
    if (!p) return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    int ok = 1, page = json_object_get(o, "ma_thu_tuc") != NULL;
    ls_rc rc = LS_OK;
    if (page) read_page(p, o, &ok);
    else read_export(p, o, &ok);
    if (ok && !p->ministry) p->ministry = ministry_of(name);
    if (!ok) rc = LS_ERR_NOMEM;
    if (!rc && (!p->code || !p->name)) {
        problem(sink, name, "a procedure record without %s: skipped",
                p->code ? "a name (ten_thu_tuc)" : "a code (ma_thu_tuc)", "");
        ls_procedure_free(p);
        return LS_OK;
    }
    if (!rc && strlen(p->code) > 64) {
        problem(sink, name, "procedure code '%.64s…' is too long: skipped", p->code, "");
        ls_procedure_free(p);
        return LS_OK;
    }
    if (!rc) rc = page ? read_page_tables(p, o, &last_counts) : read_export_tables(p, o, &last_counts);
    if (rc) {
        ls_procedure_free(p);
        return ls_error_set(err, rc, "%s: %s", name, ls_strerror(rc));
    }
    if (p->problems) problem(sink, name, "%s: %s", p->code, p->problems);
    ls_document *doc = NULL;
    if ((rc = make_document(p, name, &doc))) {
        if (!doc) ls_procedure_free(p);
        return ls_error_set(err, rc, "%s: %s", name, ls_strerror(rc));
    }
    *stop = sink->on_document(sink->ctx, doc);
    ls_document_free(doc);
    return LS_OK;
}

ls_rc ls_read_tthc(const char *name, const char *data, size_t len, const ls_reader_sink *sink,
                   ls_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(data, len, 0, &jerr);
    if (!root) {
        char msg[300];
        snprintf(msg, sizeof msg, "not JSON (byte %d: %s): skipped", jerr.position, jerr.text);
        ls_reader_problem(sink, name, (size_t)jerr.line, msg);
        return LS_OK;
    }
    ls_rc rc = LS_OK;
    int stop = 0;
    if (json_is_array(root)) {
        size_t i;
        json_t *rec;
        json_array_foreach(root, i, rec) {
            if (stop || rc) break;
            rc = read_record(name, rec, sink, &stop, err);
        }
    } else {
        rc = read_record(name, root, sink, &stop, err);
    }
    json_decref(root);
    return rc;
}

void ls_tthc_table_counts(ls_table_counts *out, int reset)
{
    *out = last_counts;
    if (reset) memset(&last_counts, 0, sizeof last_counts);
}
