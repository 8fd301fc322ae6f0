/* aliases.h — synonyms the law's own text gives, mined while indexing and
 * written into the index's synonym store beside the built-in tables
 * (synonyms.h), where query/expand.c finds them: a defined phrase's other
 * name ("Dược chất (còn gọi là hoạt chất) là ...": both ways) and an
 * acronym spelled out by the words before it ("Kho bạc Nhà nước (KBNN)",
 * "... (sau đây gọi tắt là KBNN)": KBNN -> kho bạc nhà nước). */
#ifndef LS_ALIASES_H
#define LS_ALIASES_H

#include "../common/ls_error.h"
#include "../corpus/document.h"
#include "../xapian/xc.h"

/* Write every alias article a gives into wdb's synonym store (added to
 * what the keys hold; a is borrowed). An acronym counts only when the
 * initials of as many words just before the parenthesis spell it (folded:
 * Đ = D), so "Quy chuẩn kỹ thuật quốc gia (QCVN)" gives nothing, when it
 * has three to eight letters ("CA", "TT" stand for different things in
 * different texts) and does not read as a Vietnamese syllable. */
ls_rc ls_aliases_install(xc_wdb *wdb, const ls_article *a, ls_error *err);

#endif
