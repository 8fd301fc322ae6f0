/* reader.c — format names, format detection, and the dispatcher that reads a
 * file, a directory tree (in name order) or a buffer with the right reader.
 */
#include "reader.h"

#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../common/ls_buf.h"
#include "procedure.h"

static const char *const format_names[] = {"auto", "text", "jsonl", "phapdien", "alqac",
                                             "tthc"};

int ls_format_parse(const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < (int)(sizeof format_names / sizeof format_names[0]); i++)
        if (strcasecmp(name, format_names[i]) == 0) return i;
    return -1;
}

const char *ls_format_name(ls_format fmt)
{
    if ((int)fmt < 0 || (size_t)fmt >= sizeof format_names / sizeof format_names[0]) return "?";
    return format_names[fmt];
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Skip a UTF-8 BOM and ASCII blanks. */
static size_t skip_blank(const char *d, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n')) i++;
    return i;
}

/* The opening of a published decree: "CỘNG HÒA ..." or an issuer line in
 * capitals followed by the "-----" rule or the national motto. */
static int looks_like_decree(const char *d, size_t len)
{
    size_t i = skip_blank(d, len);
    const char *s = d + i;
    size_t n = len - i;
    if (n >= 9 && (memcmp(s, "CỘNG HÒA", strlen("CỘNG HÒA")) == 0 ||
                   memcmp(s, "CỘNG HOÀ", strlen("CỘNG HOÀ")) == 0))
        return 1;
    size_t head = n < 2048 ? n : 2048;
    /* first line: capitals only (ASCII lower-case letters absent) */
    const char *nl = memchr(s, '\n', head);
    size_t l1 = nl ? (size_t)(nl - s) : head;
    if (l1 == 0 || l1 > 200) return 0;
    for (size_t k = 0; k < l1; k++)
        if (s[k] >= 'a' && s[k] <= 'z') return 0;
    return memmem(s, head, "-----", 5) != NULL || memmem(s, head, "CỘNG H", strlen("CỘNG H")) != NULL;
}

/* A procedure record of the national database: its code key near the top
 * ("ma_thu_tuc", or the .doc export's "thu_tuc_id" / "mã_thủ_tục"). */
static int looks_like_procedure(const char *d, size_t len)
{
    size_t head = len < 4096 ? len : 4096;
    return memmem(d, head, "\"ma_thu_tuc\"", 12) || memmem(d, head, "\"thu_tuc_id\"", 12) ||
           memmem(d, head, "\"mã_thủ_tục\"", strlen("\"mã_thủ_tục\""));
}

ls_format ls_format_detect(const char *name, const char *data, size_t len)
{
    const char *nm = name ? name : "";
    size_t i = data ? skip_blank(data, len) : 0;
    char first = data && i < len ? data[i] : '\0';
    if (ends_with(nm, ".txt")) return LS_FORMAT_TEXT;
    if (ends_with(nm, ".jsonl") || ends_with(nm, ".ndjson")) return LS_FORMAT_JSONL;
    int html = ends_with(nm, ".html") || ends_with(nm, ".htm");
    if (data && (html || first == '<') &&
        (memmem(data, len, "pDieu", 5) || memmem(data, len < 4096 ? len : 4096, "Đề mục", strlen("Đề mục"))))
        return LS_FORMAT_PHAPDIEN; /* a topic page, with or without articles */
    if (html) return LS_FORMAT_AUTO;
    if (data && (first == '{' || first == '[') && looks_like_procedure(data + i, len - i))
        return LS_FORMAT_TTHC;
    if (ends_with(nm, ".json")) return first == '[' ? LS_FORMAT_ALQAC : LS_FORMAT_AUTO;
    if (first == '[') return LS_FORMAT_ALQAC;
    if (first == '{') return LS_FORMAT_JSONL;
    if (data && looks_like_decree(data, len)) return LS_FORMAT_TEXT;
    return LS_FORMAT_AUTO;
}

ls_rc ls_corpus_read_buffer(const char *name, const char *data, size_t len, ls_format fmt,
                            const ls_reader_sink *sink, ls_error *err)
{
    if (!sink || !sink->on_document)
        return ls_error_set(err, LS_ERR_ARG, "reader: no document sink");
    if (!data) { data = ""; len = 0; }
    if (!name) name = "<buffer>";
    if (fmt == LS_FORMAT_AUTO) fmt = ls_format_detect(name, data, len);
    switch (fmt) {
    case LS_FORMAT_TEXT: return ls_read_text(name, data, len, sink, err);
    case LS_FORMAT_JSONL: return ls_read_jsonl(name, data, len, sink, err);
    case LS_FORMAT_PHAPDIEN: return ls_read_phapdien(name, data, len, sink, err);
    case LS_FORMAT_ALQAC: return ls_read_alqac(name, data, len, sink, err);
    case LS_FORMAT_TTHC: return ls_read_tthc(name, data, len, sink, err);
    case LS_FORMAT_AUTO: break;
    }
    ls_reader_problem(sink, name, 0, "unknown format: skipped");
    return LS_OK;
}

void ls_reader_problem(const ls_reader_sink *sink, const char *path, size_t line, const char *msg)
{
    if (!sink->on_problem) return;
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", msg);
    ls_utf8_scrub(copy);
    sink->on_problem(sink->ctx, path, line, copy);
}

/* ---- files and directories ------------------------------------------------ */

/* Wraps the caller's sink to notice a request to stop, so a directory walk
 * ends after the file in which the sink said so, and to pass over a
 * procedure whose code was read before in the same walk (a set of ids,
 * open addressing). */
typedef struct {
    const ls_reader_sink *user;
    int stopped;
    char **seen;
    size_t nseen, cap;
} walk_ctx;

static size_t hash_str(const char *s)
{
    size_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* 1 when id was seen before (else it is added), -1 when out of memory */
static int seen_before(walk_ctx *w, const char *id)
{
    if (2 * (w->nseen + 1) > w->cap) {
        size_t nc = w->cap ? w->cap * 2 : 1024;
        char **t = calloc(nc, sizeof *t);
        if (!t) return -1;
        for (size_t i = 0; i < w->cap; i++) {
            if (!w->seen[i]) continue;
            size_t k = hash_str(w->seen[i]) & (nc - 1);
            while (t[k]) k = (k + 1) & (nc - 1);
            t[k] = w->seen[i];
        }
        free(w->seen);
        w->seen = t;
        w->cap = nc;
    }
    size_t k = hash_str(id) & (w->cap - 1);
    for (; w->seen[k]; k = (k + 1) & (w->cap - 1))
        if (strcmp(w->seen[k], id) == 0) return 1;
    if (!(w->seen[k] = strdup(id))) return -1;
    w->nseen++;
    return 0;
}

static int walk_on_document(void *ctx, const ls_document *doc)
{
    walk_ctx *w = ctx;
    if (doc->procedure && doc->id) {
        int dup = seen_before(w, doc->id);
        if (dup) {
            char msg[300];
            snprintf(msg, sizeof msg, dup < 0 ? "out of memory checking %s: skipped"
                                              : "duplicate procedure code %s: skipped (the first "
                                                "record read is kept)", doc->procedure->code);
            ls_reader_problem(w->user, doc->source ? doc->source : "?", 0, msg);
        }
        if (dup) return 0;
    }
    int stop = w->user->on_document(w->user->ctx, doc);
    if (stop) w->stopped = 1;
    return stop;
}

static void walk_on_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    walk_ctx *w = ctx;
    if (w->user->on_problem) w->user->on_problem(w->user->ctx, path, line, msg);
}

static ls_rc read_file(const char *path, ls_format fmt, const ls_reader_sink *sink, ls_error *err)
{
    char *data = NULL;
    size_t len = 0;
    ls_rc rc = ls_read_file(path, &data, &len, err);
    if (rc) return rc;
    rc = ls_corpus_read_buffer(path, data, len, fmt, sink, err);
    free(data);
    return rc;
}

/* Files that describe a corpus rather than belong to it: README*, *.md. */
static int is_documentation(const char *name)
{
    size_t n = strlen(name);
    return strncmp(name, "README", 6) == 0 || (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static ls_rc walk(const char *path, ls_format fmt, const ls_reader_sink *sink, walk_ctx *w,
                  int depth, ls_error *err);

static ls_rc walk_dir(const char *path, ls_format fmt, const ls_reader_sink *sink, walk_ctx *w,
                      int depth, ls_error *err)
{
    DIR *dir = opendir(path);
    if (!dir) return ls_error_set(err, LS_ERR_IO, "%s: %s", path, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    ls_rc rc = LS_OK;
    struct dirent *de;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.') continue;   /* ".", "..", hidden files */
        if (is_documentation(de->d_name)) continue; /* a corpus's README is not a document */
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            char **g = realloc(names, nc * sizeof *g);
            if (!g) { rc = LS_ERR_NOMEM; break; }
            names = g;
            cap = nc;
        }
        if (!(names[n] = strdup(de->d_name))) { rc = LS_ERR_NOMEM; break; }
        n++;
    }
    closedir(dir);
    if (rc == LS_OK && n) qsort(names, n, sizeof *names, cmp_names); /* names NULL when empty */
    else ls_error_set(err, rc, "out of memory");
    ls_buf child = LS_BUF_INIT;
    for (size_t i = 0; rc == LS_OK && i < n && !w->stopped; i++) {
        ls_buf_reset(&child);
        if ((rc = ls_buf_printf(&child, "%s/%s", path, names[i]))) {
            ls_error_set(err, rc, "out of memory");
            break;
        }
        rc = walk(child.data, fmt, sink, w, depth + 1, err);
    }
    ls_buf_free(&child);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

static ls_rc walk(const char *path, ls_format fmt, const ls_reader_sink *sink, walk_ctx *w,
                  int depth, ls_error *err)
{
    struct stat sb;
    if (stat(path, &sb) != 0) return ls_error_set(err, LS_ERR_IO, "%s: %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode)) {
        if (depth > 64) return ls_error_set(err, LS_ERR_LIMIT, "%s: directories nested too deep", path);
        return walk_dir(path, fmt, sink, w, depth, err);
    }
    if (!S_ISREG(sb.st_mode)) return LS_OK;   /* sockets, devices: not documents */
    return read_file(path, fmt, sink, err);
}

ls_rc ls_corpus_read_path(const char *path, ls_format fmt, const ls_reader_sink *sink,
                          ls_error *err)
{
    if (!path || !sink || !sink->on_document)
        return ls_error_set(err, LS_ERR_ARG, "reader: no path or no document sink");
    walk_ctx w = {sink, 0, NULL, 0, 0};
    ls_reader_sink wrapped = {walk_on_document, walk_on_problem, &w};
    ls_rc rc = walk(path, fmt, &wrapped, &w, 0, err);
    for (size_t i = 0; i < w.cap; i++) free(w.seen[i]);
    free(w.seen);
    return rc;
}
