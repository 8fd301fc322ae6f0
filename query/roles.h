/* roles.h — articles on the rights or the duties of one party: "Quyền của
 * bên cầm cố", "Quyền, nghĩa vụ của đương sự", "Nhiệm vụ, quyền hạn của
 * Thẩm phán", "Trách nhiệm của Bộ Công an". A question that asks what a
 * party may or must do ("Đương sự có quyền ...?", "Thẩm phán có quyền
 * ...?") is answered by the article whose heading names that party and
 * the same kind of role (rights, or duties), more often than by the
 * article on the act it mentions. The second stage (rerank.c) raises such
 * an article a little. */
#ifndef LS_ROLES_H
#define LS_ROLES_H

#include <stdint.h>
#include "../format/cover_record.h"
#include "plan.h"

enum { LS_ROLE_RIGHTS = 1, LS_ROLE_DUTIES = 2 };

/* The kinds of role the question asks about: LS_ROLE_RIGHTS for "quyền"
 * ("quyền hạn"), LS_ROLE_DUTIES for "nghĩa vụ", "nhiệm vụ", "trách
 * nhiệm"; 0 for none. Read on folded syllables. */
int ls_plan_roles(const ls_plan *plan);

/* The factor of a passage with cover record rec for a question asking
 * about roles qroles: LS_ROLE_FACTOR when its heading is role words
 * ("quyền", "nghĩa vụ", "nhiệm vụ", "quyền hạn", "trách nhiệm", "chức
 * năng", joined by "và" or commas) of a kind the question asks, then
 * "của", then a party every word of which the question holds
 * (masks[w], per distinct word w of rec, non-zero when the question holds
 * it: rerank.c's word masks); else 1. */
double ls_role_factor(int qroles, const ls_cover *rec, const uint64_t *masks);

/* The largest factor ls_role_factor gives (its bound in the second stage) */
#define LS_ROLE_FACTOR 1.15

#endif
