/* reader.h — reading documents from files in every supported format.
 *
 * A reader turns bytes into ls_document values and hands each to a sink.
 * Problems with one document (invalid UTF-8, no number, truncated record) are
 * reported to the sink's on_problem with the file and line, and reading goes
 * on with the next document; only a failure to read the file at all, or a
 * sink asking to stop, ends the batch.
 */
#ifndef LS_READER_H
#define LS_READER_H

#include <stddef.h>
#include "document.h"

typedef enum {
    LS_FORMAT_AUTO = 0,
    LS_FORMAT_TEXT,        /* a plain-text decree as published (.txt) */
    LS_FORMAT_JSONL,       /* the project's JSONL interchange format */
    LS_FORMAT_PHAPDIEN,    /* Bộ pháp điển topic page (.html) */
    LS_FORMAT_ALQAC,       /* ALQAC laws JSON: [{"id", "articles":[...]}] */
    LS_FORMAT_TTHC         /* administrative procedures (corpus/reader_tthc.c) */
} ls_format;

typedef struct ls_reader_sink {
    /* Called once per document, which is borrowed: it is freed after the
     * call returns. Return non-zero to stop reading. */
    int (*on_document)(void *ctx, const ls_document *doc);
    /* A document or record that was skipped, and why. `line` is 1-based, 0
     * when unknown. May be NULL. */
    void (*on_problem)(void *ctx, const char *path, size_t line, const char *msg);
    void *ctx;
} ls_reader_sink;

/* Hand msg to sink->on_problem (when set) as valid UTF-8: a message that
 * quotes the input cut at a byte count ("%.200s") may split a character;
 * the copy passed on drops or replaces the bad bytes (ls_utf8_scrub) and is
 * cut at 1023 bytes. Every reader reports its problems through this. */
void ls_reader_problem(const ls_reader_sink *sink, const char *path, size_t line, const char *msg);

/* "text", "jsonl", "phapdien", "alqac", "tthc", "auto" -> format; -1 if unknown. */
int ls_format_parse(const char *name);
const char *ls_format_name(ls_format fmt);

/* Guess the format from the file name and its first bytes. LS_FORMAT_AUTO
 * when nothing fits. */
ls_format ls_format_detect(const char *name, const char *data, size_t len);

/* Read every document of one file (or, if path is a directory, of every
 * regular file below it, in name order; hidden files, README* and *.md files
 * found in a directory are passed over) into sink. fmt may be LS_FORMAT_AUTO.
 * Returns LS_OK when the batch ran (even with skipped documents). */
ls_rc ls_corpus_read_path(const char *path, ls_format fmt, const ls_reader_sink *sink,
                          ls_error *err);

/* The same for bytes already in memory; `name` is used in messages and for
 * format detection. */
ls_rc ls_corpus_read_buffer(const char *name, const char *data, size_t len,
                            ls_format fmt, const ls_reader_sink *sink, ls_error *err);

/* Per-format entry points (used by ls_corpus_read_buffer; exported for tests
 * and fuzz targets). Same contract as ls_corpus_read_buffer. */
ls_rc ls_read_text(const char *name, const char *data, size_t len,
                   const ls_reader_sink *sink, ls_error *err);
ls_rc ls_read_jsonl(const char *name, const char *data, size_t len,
                    const ls_reader_sink *sink, ls_error *err);
ls_rc ls_read_phapdien(const char *name, const char *data, size_t len,
                       const ls_reader_sink *sink, ls_error *err);
ls_rc ls_read_alqac(const char *name, const char *data, size_t len,
                    const ls_reader_sink *sink, ls_error *err);
ls_rc ls_read_tthc(const char *name, const char *data, size_t len,
                   const ls_reader_sink *sink, ls_error *err);

#endif
