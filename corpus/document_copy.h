/* document_copy.h — a deep copy of an ls_document, for handing a document
 * that a reader lends (freed when its callback returns) to another thread:
 * the sharded indexer queues copies for its workers. */
#ifndef LS_DOCUMENT_COPY_H
#define LS_DOCUMENT_COPY_H

#include "document.h"

/* A new document owning copies of every string and array of src (articles,
 * clauses, points, references). The caller frees it with ls_document_free.
 * NULL when out of memory (nothing leaks). */
ls_document *ls_document_copy(const ls_document *src);

#endif
