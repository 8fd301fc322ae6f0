/* relations.c — the "rel:" line layout and the status-as-of rule
 * (relations.h): one encoder and one decoder of a line, and the one rule
 * search, review and the writer share. */
#include "relations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/ls_buf.h"
#include "../common/ls_str.h"
#include "passage_data.h"

/* ---- one line ----------------------------------------------------------- */

static const char *const act_codes[] = {"", "amends", "replaces", "repeals", "partly"};

void ls_relation_line(ls_act act, const char *by_id, const char *by_number,
                      const char *by_effective, char *out, size_t cap)
{
    snprintf(out, cap, "%s\t%s\t%s\t%s", act_codes[act], by_id, by_number, by_effective);
}

void ls_relation_field(const char *p, const char *end, int k, char *out, size_t cap)
{
    size_t n;
    const char *f = ls_tab_field(p, end, k, &n);
    if (n >= cap) n = cap - 1;
    memcpy(out, f, n);
    out[n] = '\0';
}

/* ---- the status a document shows ------------------------------------------ */

static int is_code(const char *status, const char *code)
{
    return strcmp(ls_status_code(status), code) == 0;
}

static int after(const char *date, const char *as_of)
{
    return as_of && date && date[0] && strcmp(date, as_of) > 0;
}

static int gone_code(const char *status)
{
    return is_code(status, "repealed") || is_code(status, "suspended") ||
           is_code(status, "obsolete");
}

void ls_gone_value(const char *gone_since, char out[9])
{
    out[0] = '\0';
    if (!gone_since || strlen(gone_since) != 10) return;
    memcpy(out, gone_since, 4);
    memcpy(out + 4, gone_since + 5, 2);
    memcpy(out + 6, gone_since + 8, 2);
    out[8] = '\0';
}

void ls_doc_state_free(ls_doc_state *st)
{
    free(st->text);
    st->text = NULL;
}

ls_rc ls_relations_state(const char *lines, const char *own, const char *issued,
                         const char *effective, const char *as_of, ls_doc_state *st,
                         ls_error *err)
{
    memset(st, 0, sizeof *st);
    ls_buf amended = LS_BUF_INIT;
    char gone[600] = "", partly[600] = "", first_amender[256] = "", amended_since[11] = "";
    char gone_by[256] = "", gone_at[11] = "", partly_by[256] = "", partly_at[11] = "";
    int any_gone = 0;
    for (const char *p = lines; p && *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        char code[16], by[256], id[256], when[16];
        ls_relation_field(p, end, 0, code, sizeof code);
        ls_relation_field(p, end, 1, id, sizeof id);
        ls_relation_field(p, end, 2, by, sizeof by);
        ls_relation_field(p, end, 3, when, sizeof when);
        if (!by[0]) snprintf(by, sizeof by, "%s", id);
        p = nl ? nl + 1 : end;
        int is_gone = strcmp(code, "replaces") == 0 || strcmp(code, "repeals") == 0;
        if (is_gone) {   /* the earliest date it went, whatever as_of */
            const char *w = when[0] ? when : "0000-00-00";
            if (!any_gone || strcmp(w, st->gone_since) < 0)
                snprintf(st->gone_since, sizeof st->gone_since, "%.10s", w);
            any_gone = 1;
        }
        if (after(when, as_of)) continue;   /* not in effect yet on the date */
        if (strcmp(code, "amends") == 0) {
            if (!first_amender[0]) {
                snprintf(first_amender, sizeof first_amender, "%s", id);
                snprintf(amended_since, sizeof amended_since, "%.10s", when);
            }
            if (ls_buf_puts(&amended, amended.len ? ", " : "bị sửa đổi, bổ sung bởi ") ||
                ls_buf_puts(&amended, by)) {
                ls_buf_free(&amended);
                return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
            }
        } else if (!partly[0] && strcmp(code, "partly") == 0) {
            snprintf(partly, sizeof partly, "hết hiệu lực một phần do %s", by);
            snprintf(partly_by, sizeof partly_by, "%s", id);
            snprintf(partly_at, sizeof partly_at, "%.10s", when);
        } else if (!gone[0] && is_gone) {
            snprintf(gone, sizeof gone, "hết hiệu lực, bị %s bởi %s",
                     strcmp(code, "replaces") == 0 ? "thay thế" : "bãi bỏ", by);
            snprintf(gone_by, sizeof gone_by, "%s", id);
            snprintf(gone_at, sizeof gone_at, "%.10s", when);
        }
    }
    if (!any_gone && gone_code(own)) snprintf(st->gone_since, sizeof st->gone_since, "0000-00-00");
    const char *s = NULL, *by = NULL, *since = NULL;
    int open = is_code(own, "in-force") || is_code(own, "unknown") || is_code(own, "amended") ||
               is_code(own, "not-yet") || is_code(own, "partly-repealed");
    if (as_of && (after(issued, as_of) || after(effective, as_of))) {
        s = "chưa có hiệu lực";
    } else if (gone[0]) {
        s = gone, by = gone_by, since = gone_at;
    } else if (gone_code(own) && any_gone && as_of) {
        s = "còn hiệu lực";   /* published as gone, by a text not in effect on the date */
    } else if (partly[0] && open) {
        s = partly, by = partly_by, since = partly_at;
    } else if (amended.len && open && !is_code(own, "partly-repealed")) {
        s = amended.data, by = first_amender, since = amended_since;
    } else if (as_of && is_code(own, "not-yet")) {
        s = "còn hiệu lực";   /* published before it took effect; it has since */
    }
    if (by) snprintf(st->by, sizeof st->by, "%s", by);
    if (since) snprintf(st->since, sizeof st->since, "%s", since);
    if (s && !(own && strcmp(own, s) == 0) && !(st->text = strdup(s))) {
        ls_buf_free(&amended);
        return ls_error_set(err, LS_ERR_NOMEM, "out of memory");
    }
    ls_buf_free(&amended);
    return LS_OK;
}
