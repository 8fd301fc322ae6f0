/* doc_links.c — the reverse key of a document link (doc_links.h), the one
 * rule the writer (indexer/doc_links.c) and the readers (review/) share. */
#include "doc_links.h"

#include <stdio.h>
#include <string.h>

#include "../common/ls_error.h"
#include "../text/analyser.h"

int ls_doc_links_key(const char *num, const char *name, char *out, size_t cap)
{
    ls_error local = {0};
    if (num && *num) return snprintf(out, cap, "%s", num) < (int)cap;
    if (!name || !*name) return 0;
    return ls_folded_words(name, strlen(name), out, cap, &local) == LS_OK && out[0];
}
