/* open_error.c — why an index does not open (see open_error.h): the
 * directory, its glass files or a shard set's stub and parts, looked at
 * one by one, then Xapian's own error for what the files cannot show. */
#include "open_error.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../common/ls_buf.h"
#include "schema.h"
#include "shard_set.h"

#define GLASS_VERSION_FILE "iamglass"

/* What a directory holds, as far as opening it goes. */
typedef struct dir_files {
    int stub;         /* XAPIANDB: a shard set (or another stub) */
    int version;      /* iamglass */
    unsigned tables;  /* *.glass */
    unsigned others;  /* anything else */
} dir_files;

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

/* The shortest of a path in a message: its head and tail around "…", the
 * cuts on character boundaries, keep bytes in all (at least). */
static void put_elided(ls_buf *b, const char *path, size_t len, size_t keep)
{
    size_t head = keep / 3, tail = keep - head;
    if (head + tail + 3 >= len) {
        ls_buf_append(b, path, len);
        return;
    }
    while (head && ((unsigned char)path[head] & 0xC0) == 0x80) head--;
    size_t from = len - tail;
    while (from < len && ((unsigned char)path[from] & 0xC0) == 0x80) from++;
    ls_buf_append(b, path, head);
    ls_buf_append(b, "\xE2\x80\xA6", 3);
    ls_buf_append(b, path + from, len - from);
}

/* ls_error_set for a message about index: when it does not fit err's
 * message, each time index's path appears in it (a part's path starts with
 * it) it is shortened ("/tmp/a…/idx") so that what is wrong and what to do
 * still fit; ls_error_set then cuts what is left on a character. */
static ls_rc say(ls_error *err, const char *index, ls_rc rc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static ls_rc say(ls_error *err, const char *index, ls_rc rc, const char *fmt, ...)
{
    if (!err || err->rc != LS_OK) return rc;
    char *full = NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&full, fmt, ap);
    va_end(ap);
    if (n < 0) return ls_error_set(err, LS_ERR_NOMEM, "cannot open index: out of memory");
    size_t cap = sizeof err->msg - 1, plen = strlen(index), count = 0;
    for (const char *p = full; plen && (p = strstr(p, index)); p += plen) count++;
    if ((size_t)n <= cap || !count) {
        ls_error_set(err, rc, "%s", full);
        free(full);
        return rc;
    }
    size_t rest = (size_t)n - count * plen;
    size_t keep = rest + 40 * count < cap ? (cap - rest) / count - 3 : 40;
    ls_buf b = LS_BUF_INIT;
    const char *p = full;
    for (const char *q; (q = strstr(p, index)); p = q + plen) {
        ls_buf_append(&b, p, (size_t)(q - p));
        put_elided(&b, index, plen, keep);
    }
    ls_buf_append(&b, p, strlen(p));
    ls_error_set(err, rc, "%s", b.data ? b.data : full);
    ls_buf_free(&b);
    free(full);
    return rc;
}

/* "... readable by the user that searches" */
static ls_rc unreadable(const char *index, const char *path, int eno, ls_error *err)
{
    return say(err, index, LS_ERR_INDEX,
                        "cannot open index %s: %s: %s (running as uid %u); the index must be "
                        "readable by the user that searches: chmod -R a+rX %s (or build it "
                        "under umask 022)",
                        index, path, strerror(eno), (unsigned)geteuid(), index);
}

/* 0 when path opens for reading, else its errno */
static int read_errno(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    close(fd);
    return 0;
}

/* List dir into *f; 0 or the errno of opening it. */
static int list_dir(const char *dir, dir_files *f)
{
    memset(f, 0, sizeof *f);
    DIR *d = opendir(dir);
    if (!d) return errno;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0) continue;
        if (strcmp(n, LS_SHARDS_STUB) == 0) f->stub = 1;
        else if (strcmp(n, GLASS_VERSION_FILE) == 0) f->version = 1;
        else if (ends_with(n, ".glass")) f->tables++;
        else f->others++;
    }
    closedir(d);
    return 0;
}

/* The command that builds index (a shard set's with its --shards). */
static void rebuild_hint(const char *index, char *out, size_t cap)
{
    unsigned n = ls_shards_count(index);
    char shards[32] = "";
    if (n) snprintf(shards, sizeof shards, " --shards %u", n);
    snprintf(out, cap, "luat-search index --overwrite%s --db %s SOURCE...", shards, index);
}

/* What Xapian said, once the files look whole and readable. */
static ls_rc from_xapian(const char *index, const char *part, const xc_err *xe, ls_error *err)
{
    char hint[4200];
    rebuild_hint(index, hint, sizeof hint);
    const char *msg = xe && xe->msg[0] ? xe->msg : "no reason given";
    const char *what = strcmp(part, index) == 0 ? "it" : part;
    if (xe && xe->rc == XC_ERR_NOMEM)
        return say(err, index, LS_ERR_NOMEM, "cannot open index %s: out of memory", index);
    if (strncmp(msg, "DatabaseVersionError", 20) == 0)
        return say(err, index, LS_ERR_INDEX,
                            "cannot open index %s: %s is in a format this Xapian (1.4) cannot "
                            "read; rebuild it with this luat-search: %s (Xapian: %s)",
                            index, what, hint, msg);
    return say(err, index, LS_ERR_INDEX,
                        "cannot open index %s: %s is damaged; rebuild it (%s) or restore a "
                        "copy; xapian-check %s says more (Xapian: %s)",
                        index, what, hint, part, msg);
}

static ls_rc diagnose(const char *index, const char *dir, int depth, ls_error *err);

/* A stub's parts, one by one: the first that is missing or looks wrong. */
static ls_rc diagnose_stub(const char *index, const char *dir, int depth, ls_error *err)
{
    char stub[4200], line[4200], part[8400];
    snprintf(stub, sizeof stub, "%s/%s", dir, LS_SHARDS_STUB);
    FILE *f = fopen(stub, "r");
    if (!f) return unreadable(index, stub, errno, err);
    ls_rc rc = LS_OK;
    while (!rc && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *sp = strchr(line, ' ');
        if (line[0] == '#' || !sp) continue;
        *sp = '\0';
        if (strcmp(line, "auto") != 0 && strcmp(line, "glass") != 0) continue; /* remote */
        const char *p = sp + 1;
        if (p[0] == '/') snprintf(part, sizeof part, "%s", p);
        else snprintf(part, sizeof part, "%s/%s", dir, p);
        struct stat st;
        xc_db *db = NULL;
        xc_err pe;
        if (stat(part, &st) != 0 && errno == ENOENT) {
            char hint[4200];
            rebuild_hint(index, hint, sizeof hint);
            rc = say(err, index, LS_ERR_INDEX,
                              "cannot open index %s: it is a shard set and its part %s is "
                              "missing; restore the part or rebuild the set: %s",
                              index, part, hint);
        } else if (!(rc = diagnose(index, part, depth + 1, err))) {
            /* its files look whole: does it open alone? */
            if (xc_db_open(part, &db, &pe)) rc = from_xapian(index, part, &pe, err);
            xc_db_close(db);
        }
    }
    fclose(f);
    return rc;
}

/* LS_OK when nothing at dir (its files, a stub's parts) explains the
 * failure; else err is set. */
static ls_rc diagnose(const char *index, const char *dir, int depth, ls_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT) return unreadable(index, dir, errno, err);
        return say(err, index, LS_ERR_NOTFOUND,
                            "no index at %s (build one with: luat-search index --db %s "
                            "SOURCE...)", dir, dir);
    }
    if (!S_ISDIR(st.st_mode))
        return say(err, index, LS_ERR_NOTFOUND,
                            "no index at %s: it is a file, and an index is the directory that "
                            "luat-search index --db DIR SOURCE... writes", dir);
    dir_files f;
    int eno = list_dir(dir, &f);
    if (eno) return unreadable(index, dir, eno, err);
    if (f.stub && depth < 2) return diagnose_stub(index, dir, depth, err);
    if (!f.version) {
        if (f.tables)
            return say(err, index, LS_ERR_INDEX,
                                "cannot open index %s: %s is damaged, its version file %s is "
                                "missing; rebuild it: luat-search index --overwrite --db %s "
                                "SOURCE...", index, strcmp(dir, index) ? dir : "it",
                                GLASS_VERSION_FILE, index);
        if (!f.others)
            return say(err, index, LS_ERR_NOTFOUND,
                                "cannot open index %s: the directory is empty, no index was "
                                "built there; build one: luat-search index --db %s SOURCE...",
                                dir, dir);
        return say(err, index, LS_ERR_NOTFOUND,
                            "cannot open index %s: no Xapian database there (no %s or %s "
                            "among its %u files); point --db at the directory that "
                            "luat-search index --db wrote, or build one there",
                            dir, GLASS_VERSION_FILE, LS_SHARDS_STUB, f.others);
    }
    /* the version file and every table must open for reading */
    DIR *d = opendir(dir);
    if (!d) return unreadable(index, dir, errno, err);
    struct dirent *e;
    char path[8400];
    ls_rc rc = LS_OK;
    while (!rc && (e = readdir(d))) {
        if (strcmp(e->d_name, GLASS_VERSION_FILE) != 0 && !ends_with(e->d_name, ".glass"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if ((eno = read_errno(path))) rc = unreadable(index, path, eno, err);
    }
    closedir(d);
    return rc;
}

ls_rc ls_index_open_error(const char *dir, const xc_err *xe, ls_error *err)
{
    ls_rc rc = diagnose(dir, dir, 0, err);
    if (rc) return rc;
    /* nothing on disk explains it: Xapian's words */
    return from_xapian(dir, dir, xe, err);
}

ls_rc ls_index_write_error(const char *dir, const xc_err *xe, ls_error *err)
{
    const char *msg = xe && xe->msg[0] ? xe->msg : "no reason given";
    if (xe && xe->rc == XC_ERR_NOMEM)
        return say(err, dir, LS_ERR_NOMEM, "cannot open index %s: out of memory", dir);
    dir_files f;
    if (list_dir(dir, &f) == 0 && (f.version || f.tables || f.stub) &&
        !strstr(msg, "Permission denied")) {
        ls_rc rc = diagnose(dir, dir, 0, err);
        return rc ? rc : from_xapian(dir, dir, xe, err);
    }
    return say(err, dir, LS_ERR_INDEX,
               "cannot open index %s for writing: %s; --db must name a directory this user "
               "(uid %u) can write that holds a luat-search index or nothing",
               dir, msg, (unsigned)geteuid());
}

ls_rc ls_index_not_ours(const char *dir, ls_error *err)
{
    return say(err, dir, LS_ERR_INDEX,
                        "cannot open index %s: it is a Xapian database but not a luat-search "
                        "index (no index format mark); point --db at an index that luat-search "
                        "index --db wrote, or build one: luat-search index --db DIR SOURCE...",
                        dir);
}

ls_rc ls_index_format_check(const char *dir, const char *format, size_t len, ls_error *err)
{
    char hint[4200];
    rebuild_hint(dir, hint, sizeof hint);
    unsigned long max = strtoul(LS_INDEX_FORMAT_VERSION, NULL, 10), n = 0;
    size_t i = 0;
    for (; i < len && i < 9 && format[i] >= '0' && format[i] <= '9'; i++)
        n = n * 10 + (unsigned long)(format[i] - '0');
    if (len == 0 || i < len)
        return say(err, dir, LS_ERR_INDEX,
                            "cannot open index %s: its index format mark '%.*s' is not a "
                            "format number (this luat-search reads up to %lu); rebuild the "
                            "index with %s", dir, (int)(len > 40 ? 40 : len), format, max, hint);
    if (n > max)
        return say(err, dir, LS_ERR_INDEX,
                            "cannot open index %s: index format %lu is newer than this "
                            "luat-search reads (up to %lu): upgrade luat-search, or rebuild "
                            "the index with %s", dir, n, max, hint);
    return LS_OK;
}

ls_rc ls_index_format_writable(const char *dir, const char *format, size_t len, ls_error *err)
{
    if (len == 0) return LS_OK;
    ls_rc rc = ls_index_format_check(dir, format, len, err);
    if (rc) return rc;
    unsigned long ours = strtoul(LS_INDEX_FORMAT_VERSION, NULL, 10);
    char digits[16]; /* at most 9 digits, checked above */
    snprintf(digits, sizeof digits, "%.*s", (int)len, format);
    unsigned long n = strtoul(digits, NULL, 10);
    if (n == ours) return LS_OK;
    char hint[4200];
    rebuild_hint(dir, hint, sizeof hint);
    return say(err, dir, LS_ERR_INDEX,
               "index %s is of index format %lu, older than the format %lu this luat-search "
               "writes: documents added to it would be indexed otherwise than the ones it "
               "holds; rebuild it with %s (it is still searched as it is, and remove works "
               "on it)", dir, n, ours, hint);
}
