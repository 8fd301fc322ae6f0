/* html_text.h — HTML fragment to plain text for the corpus readers: tags
 * dropped, block ends (</p>, <br>, </tr>, </li>, </div>) as line breaks,
 * entities decoded, runs of white space (NBSP and control bytes included) folded to one
 * space, lines trimmed, empty lines dropped. */
#ifndef LS_HTML_TEXT_H
#define LS_HTML_TEXT_H

#include <stddef.h>
#include "../common/ls_buf.h"

/* Append the text of html[0..len) to out (not cleared first). */
ls_rc ls_html_to_text(const char *html, size_t len, ls_buf *out);

#endif
