/* open_error.h — why an index does not open, in words a user can act on.
 * Xapian says "Couldn't detect type of database" for an empty directory,
 * an unreadable one and a directory of other files alike, and "EOF reading
 * block" for a damaged table; this looks at what is on disk (the files of
 * a glass database, a shard set's stub and parts, their permissions) and
 * says what is wrong and what to do. One place for the readers (search,
 * serve, mcp, stats, ...: query/search.c) and any other opener. A message
 * that would not fit an ls_error has the index's path shortened in its
 * middle ("…", on a character boundary), so the advice at its end stays.
 */
#ifndef LS_FORMAT_OPEN_ERROR_H
#define LS_FORMAT_OPEN_ERROR_H

#include "../common/ls_error.h"
#include "../xapian/xc.h"

/* Record in err (first error wins) why the index at dir does not open and
 * what to do, as "cannot open index DIR: <what is wrong>; <what to do>",
 * with Xapian's own words (xe->msg) at the end where they say more.
 * xe: the failed xc_db_open's error, or NULL when dir was not opened (it
 * is missing or not a directory). Returns the code: LS_ERR_NOTFOUND when
 * there is no index (missing, empty, other files), LS_ERR_NOMEM, else
 * LS_ERR_INDEX (unreadable, damaged, a version this Xapian cannot read, a
 * shard set missing a part). dir and xe are borrowed. */
ls_rc ls_index_open_error(const char *dir, const xc_err *xe, ls_error *err);

/* The same for the writer (luat-search index) when the index at dir does
 * not open for writing: a directory holding an index (its glass files or
 * a shard set's stub) is looked at as ls_index_open_error does ("it is
 * damaged; rebuild it (...) or restore a copy", a missing version file,
 * a set's missing part); anything else, Xapian's words with what --db must
 * name. Returns LS_ERR_INDEX (LS_ERR_NOMEM). dir and xe are borrowed. */
ls_rc ls_index_write_error(const char *dir, const xc_err *xe, ls_error *err);

/* The message for a Xapian database that opens but holds no index format
 * mark (not written by luat-search index): LS_ERR_INDEX. */
ls_rc ls_index_not_ours(const char *dir, ls_error *err);

/* Whether this binary reads an index whose format mark (the metadata
 * LS_METADATA_FORMAT, len bytes, not NUL-ended) is format: LS_OK for a
 * decimal number up to LS_INDEX_FORMAT_VERSION; else err is set ("index
 * format N is newer than this luat-search reads (up to M): upgrade ... or
 * rebuild ...", or a mark that is not a number) and LS_ERR_INDEX returned.
 * dir and format are borrowed. */
ls_rc ls_index_format_check(const char *dir, const char *format, size_t len, ls_error *err);

/* Whether the writer (luat-search index) may add passages to an index
 * whose format mark is format (len bytes, not NUL-ended; len 0: a new
 * index, no mark yet): LS_OK when it is LS_INDEX_FORMAT_VERSION or there
 * is none. A newer or garbled mark is refused as ls_index_format_check
 * does; an older one too (LS_ERR_INDEX, "index DIR is of index format N,
 * older than the format M this luat-search writes: ... rebuild it with
 * ..."): the passages added now would hold other terms than the rest, and
 * the mark would claim a format the index does not hold. Borrowed. */
ls_rc ls_index_format_writable(const char *dir, const char *format, size_t len, ls_error *err);

#endif
