/* doc_links.c — the title and preamble references of a document, stored for
 * the relation diagram (doc_links.h). */
#include "doc_links.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cite/cite.h"
#include "../common/ls_buf.h"
#include "../common/ls_str.h"
#include "../text/analyser.h"

static ls_rc xerr(ls_error *err, const xc_err *xe)
{
    return ls_error_set(err, xe->rc == XC_ERR_NOMEM ? LS_ERR_NOMEM : LS_ERR_INDEX,
                        "storing document links: %s", xe->msg);
}

static ls_rc nomem(ls_error *err) { return ls_error_set(err, LS_ERR_NOMEM, "out of memory"); }

/* One line per reference of refs that acts or bases (not a plain citation,
 * not the document itself) and has a key; the reverse keys into keys, one a
 * line, each the key of the line as stored (ls_doc_links_line_key: what
 * keys_of reads back when the line is let go). */
static int add_lines(ls_buf *lines, ls_buf *keys, const ls_cite *refs, size_t n)
{
    int bad = 0;
    ls_buf line = LS_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const ls_cite *r = &refs[i];
        char key[LS_DOC_LINKS_KEY_CAP];
        if (r->self || r->relation == LS_REL_CITES) continue;
        ls_buf_reset(&line);
        bad |= ls_doc_links_encode(&line, r);
        if (bad || !ls_doc_links_line_key(line.data, line.data + line.len, key, sizeof key))
            continue;
        if (lines->len) bad |= ls_buf_putc(lines, '\n') != LS_OK;
        bad |= ls_buf_append(lines, line.data, line.len) != LS_OK;
        bad |= ls_buf_printf(keys, "%s\n", key) != LS_OK;
    }
    ls_buf_free(&line);
    return bad;
}

/* Add (add = 1) or drop id from the lines of "linksto:<key>". */
static ls_rc reverse(xc_wdb *wdb, const char *key, const char *id, int add, ls_error *err)
{
    char mkey[sizeof LS_METADATA_LINKS_TO + LS_DOC_LINKS_KEY_CAP], *old = NULL;
    snprintf(mkey, sizeof mkey, "%s%s", LS_METADATA_LINKS_TO, key);
    xc_err xe;
    if (xc_wdb_get_metadata(wdb, mkey, &old, NULL, &xe)) return xerr(err, &xe);
    ls_buf out = LS_BUF_INIT;
    int present = 0, bad = 0;
    for (const char *p = old; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        int same = n == strlen(id) && memcmp(p, id, n) == 0;
        present |= same;
        if (!same || add) {
            if (out.len) bad |= ls_buf_putc(&out, '\n') != LS_OK;
            bad |= ls_buf_append(&out, p, n) != LS_OK;
        }
        p = nl ? nl + 1 : p + n;
    }
    if (add && !present) {
        if (out.len) bad |= ls_buf_putc(&out, '\n') != LS_OK;
        bad |= ls_buf_puts(&out, id) != LS_OK;
    }
    ls_rc rc = bad ? nomem(err) : LS_OK;
    if (!rc && present != add &&
        xc_wdb_set_metadata(wdb, mkey, out.data ? out.data : "", out.len, &xe))
        rc = xerr(err, &xe);
    ls_buf_free(&out);
    free(old);
    return rc;
}

/* Does the newline-separated list hold line [s, s+n)? */
static int holds(const char *list, const char *s, size_t n)
{
    for (const char *p = list; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t m = nl ? (size_t)(nl - p) : strlen(p);
        if (m == n && memcmp(p, s, n) == 0) return 1;
        p = nl ? nl + 1 : p + m;
    }
    return 0;
}

/* The reverse keys of stored lines, one a line. */
static int keys_of(const char *lines, ls_buf *keys)
{
    int bad = 0;
    for (const char *p = lines; p && *p;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl ? nl : p + strlen(p);
        char key[LS_DOC_LINKS_KEY_CAP];
        if (ls_doc_links_line_key(p, end, key, sizeof key))
            bad |= ls_buf_printf(keys, "%s\n", key) != LS_OK;
        p = nl ? nl + 1 : end;
    }
    return bad;
}

ls_rc ls_doc_links_update(xc_wdb *wdb, const ls_document *doc, const char *id_norm,
                          ls_error *err)
{
    ls_buf lines = LS_BUF_INIT, keys = LS_BUF_INIT, old_keys = LS_BUF_INIT;
    ls_rc rc = LS_OK;
    int bad = 0;
    if (doc) {
        bad |= add_lines(&lines, &keys, doc->refs, doc->nrefs);
        if (doc->title) {
            ls_cite *refs = NULL;
            size_t n = 0;
            ls_error local = {0};
            const char *t = doc->title;
            if (!ls_references_find(t, strlen(t), &refs, &n, &local)) {
                for (size_t i = 0; i < n; i++)   /* the title's own verb ("Quy định chi tiết") */
                    refs[i].relation = ls_relation_active(t, strlen(t), refs[i].start, refs[i].end);
                bad |= add_lines(&lines, &keys, refs, n);
                ls_cites_free(refs, n);
            }
        }
    }
    char mkey[300], *old = NULL;
    snprintf(mkey, sizeof mkey, "%s%s", LS_METADATA_LINKS, id_norm);
    xc_err xe;
    if (bad) rc = nomem(err);
    else if (xc_wdb_get_metadata(wdb, mkey, &old, NULL, &xe)) rc = xerr(err, &xe);
    const char *now = lines.data ? lines.data : "";
    if (!rc && strcmp(old, now) != 0) {
        if (keys_of(old, &old_keys)) rc = nomem(err);
        /* keys no longer named, then the new ones */
        for (const char *p = old_keys.data; !rc && p && *p;) {
            const char *nl = strchr(p, '\n');
            char key[LS_DOC_LINKS_KEY_CAP];
            snprintf(key, sizeof key, "%.*s", (int)(nl - p), p);
            if (!holds(keys.data, p, (size_t)(nl - p))) rc = reverse(wdb, key, id_norm, 0, err);
            p = nl + 1;
        }
        for (const char *p = keys.data; !rc && p && *p;) {
            const char *nl = strchr(p, '\n');
            char key[LS_DOC_LINKS_KEY_CAP];
            snprintf(key, sizeof key, "%.*s", (int)(nl - p), p);
            rc = reverse(wdb, key, id_norm, 1, err);
            p = nl + 1;
        }
        if (!rc && xc_wdb_set_metadata(wdb, mkey, now, strlen(now), &xe)) rc = xerr(err, &xe);
    }
    free(old);
    ls_buf_free(&lines);
    ls_buf_free(&keys);
    ls_buf_free(&old_keys);
    return rc;
}
