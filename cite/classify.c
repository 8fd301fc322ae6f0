/* classify.c — what a sentence does to the text it cites (cite.h): the
 * relation its keywords state (ls_relation_near), whether the text itself
 * acts (ls_relation_active), and from those the acts the indexer stores for
 * whole documents (ls_relation_act) and the ones review reads back for
 * provisions (ls_cite_provision_act). One sentence rule (ls_cite_sentence)
 * and one window for all of them.
 */
#include "cite.h"

#include <string.h>

/* ---- the relation a sentence states ------------------------------------ */

static const struct { const char *word; ls_relation rel; } rel_words[] = {
    {"căn cứ", LS_REL_BASIS},         {"Căn cứ", LS_REL_BASIS},
    {"sửa đổi", LS_REL_AMENDS},       {"Sửa đổi", LS_REL_AMENDS},
    {"bổ sung", LS_REL_AMENDS},       {"Bổ sung", LS_REL_AMENDS},
    {"thay thế", LS_REL_REPLACES},    {"Thay thế", LS_REL_REPLACES},
    {"bãi bỏ", LS_REL_REPEALS},       {"Bãi bỏ", LS_REL_REPEALS},
    {"hết hiệu lực", LS_REL_REPEALS},
    {"hướng dẫn", LS_REL_GUIDES},     {"Hướng dẫn", LS_REL_GUIDES},
    {"quy định chi tiết", LS_REL_GUIDES}, {"Quy định chi tiết", LS_REL_GUIDES},
    {"đình chỉ", LS_REL_SUSPENDS},    {"Đình chỉ", LS_REL_SUSPENDS},
    {"ngưng hiệu lực", LS_REL_SUSPENDS}, {"Ngưng hiệu lực", LS_REL_SUSPENDS},
    {"đính chính", LS_REL_CORRECTS},  {"Đính chính", LS_REL_CORRECTS},
};

static int is_sentence_end(const char *t, size_t i, size_t len)
{
    char c = t[i];
    if (c == '\n' || c == ';' || c == ':') return 1;
    return c == '.' && (i + 1 == len || t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '\r');
}

void ls_cite_sentence(const char *t, size_t len, size_t start, size_t end, size_t *s_out,
                      size_t *e_out)
{
    size_t lo = start > LS_CITE_SENTENCE_WINDOW ? start - LS_CITE_SENTENCE_WINDOW : 0;
    size_t hi = end + LS_CITE_SENTENCE_WINDOW < len ? end + LS_CITE_SENTENCE_WINDOW : len;
    size_t s = start, e = end;
    while (s > lo && !is_sentence_end(t, s - 1, len)) s--;
    while (e < hi && !is_sentence_end(t, e, len)) e++;
    *s_out = s;
    *e_out = e;
}

static int has(const char *t, size_t s, size_t e, const char *w)
{
    return e > s && memmem(t + s, e - s, w, strlen(w)) != NULL;
}

/* The entry of a word table (n entries of `stride` bytes, each starting
 * with its word, a const char *) whose word occurs last in [s, start) of
 * t, and where (*at); -1 when none does. The words of a table never start
 * at the same byte, so ties do not arise. */
static long nearest_before(const char *t, size_t s, size_t start, const void *table, size_t n,
                           size_t stride, size_t *at)
{
    long found = -1;
    for (size_t k = 0; k < n; k++) {
        const char *w = *(const char *const *)((const char *)table + k * stride);
        size_t wl = strlen(w);
        const char *p = t + s, *stop = t + start;
        while (p < stop) {
            const char *hit = memmem(p, (size_t)(stop - p), w, wl);
            if (!hit) break;
            if (found < 0 || (size_t)(hit - t) > *at) {
                *at = (size_t)(hit - t);
                found = (long)k;
            }
            p = hit + 1;
        }
    }
    return found;
}

/* The relation as ls_relation_near gives it, and where its keyword is. */
static ls_relation relation_at(const char *t, size_t len, size_t start, size_t end, int *after,
                               size_t *at_out)
{
    if (after) *after = 0;
    size_t s, e;
    ls_cite_sentence(t, len, start, end, &s, &e);

    /* nearest keyword before the citation */
    size_t best = 0;
    int found = 0;
    ls_relation rel = LS_REL_CITES;
    long k = nearest_before(t, s, start, rel_words, sizeof rel_words / sizeof rel_words[0],
                            sizeof rel_words[0], &best);
    if (k >= 0) {
        rel = rel_words[k].rel;
        found = 1;
    }
    *at_out = best;
    if (found) return rel;
    /* else the first keyword after it */
    if (after) *after = 1;
    for (size_t k = 0; k < sizeof rel_words / sizeof rel_words[0]; k++) {
        size_t wl = strlen(rel_words[k].word);
        if (e <= end) break;
        const char *hit = memmem(t + end, e - end, rel_words[k].word, wl);
        if (hit && (!found || (size_t)(hit - t) < best)) {
            best = (size_t)(hit - t);
            rel = rel_words[k].rel;
            found = 1;
        }
    }
    *at_out = best;
    return rel;
}

ls_relation ls_relation_near(const char *t, size_t len, size_t start, size_t end, int *after)
{
    size_t at;
    return relation_at(t, len, start, end, after, &at);
}

/* Does [s, e) name a numbered document ("... số 108/2018/NĐ-CP")? */
static int names_numbered(const char *t, size_t s, size_t e)
{
    static const char so[] = "số ";   /* 5 bytes */
    for (const char *p = t + s; p + sizeof so <= t + e; p++) {
        p = memmem(p, (size_t)(t + e - p), so, sizeof so - 1);
        if (!p || p + sizeof so > t + e) break;
        if (p[sizeof so - 1] >= '0' && p[sizeof so - 1] <= '9') return 1;
    }
    return 0;
}

ls_relation ls_relation_active(const char *t, size_t len, size_t start, size_t end)
{
    int after = 0;
    size_t at = 0;
    ls_relation rel = relation_at(t, len, start, end, &after, &at);
    if (rel == LS_REL_CITES) return rel;
    /* "X đã được sửa đổi, bổ sung theo Y", "được hướng dẫn tại": a fact
     * about X and Y, not an act of this text */
    static const char *const passive[] = {"được sửa đổi", "được bổ sung", "đã được",
                                          "được thay thế", "được hướng dẫn",
                                          "được quy định chi tiết", "bị bãi bỏ", "bị thay thế",
                                          "bị ngưng hiệu lực", "bị đình chỉ", "được đính chính"};
    size_t s, e;
    ls_cite_sentence(t, len, start, end, &s, &e);
    for (size_t k = 0; k < sizeof passive / sizeof passive[0]; k++)
        if (start > s && memmem(t + s, start - s, passive[k], strlen(passive[k]))) return LS_REL_CITES;
    /* "Nghị định số 108/2018/NĐ-CP ... sửa đổi, bổ sung ... Nghị định số
     * 78/2015/NĐ-CP", "Nghị định số X quy định chi tiết Luật Y": the verb
     * describes another document this sentence names first */
    if (!after && names_numbered(t, s, at)) return LS_REL_CITES;
    /* 'Thay thế cụm từ “Điều 135” bằng cụm từ “Điều 134”': words, not a provision */
    static const char open_quote[] = "\xe2\x80\x9c";   /* “ */
    if ((start >= 3 && memcmp(t + start - 3, open_quote, 3) == 0) || (start && t[start - 1] == '"'))
        return LS_REL_CITES;
    /* 'Thay thế cụm từ “A” bằng cụm từ “B” tại khoản 1 Điều 52': words of it
     * change, the provision stays (amended) */
    if (!after && rel == LS_REL_REPLACES && start > at &&
        (memmem(t + at, start - at, "cụm từ", strlen("cụm từ")) ||
         memmem(t + at, start - at, open_quote, 3)))
        return LS_REL_AMENDS;
    /* "thay thế một phần công nghệ ... theo quy định tại Nghị định số X": X is
     * where a rule is, not what the verb acts on ("kèm theo" aside) */
    if (!after)
        for (const char *p = t + at; (p = memmem(p, (size_t)(t + start - p), "theo ", 5)); p++) {
            static const char kem[] = "kèm ";
            size_t k = sizeof kem - 1;
            if (!((size_t)(p - t) >= k && memcmp(p - k, kem, k) == 0)) return LS_REL_CITES;
        }
    if (!after) return rel;
    /* "Nghị quyết số 109/2015/QH13 ... về việc thi hành Bộ luật Hình sự số
     * 100/2015/QH13 ... hết hiệu lực": the citation describes the document
     * named before it, which is the one that goes */
    const char *ve = NULL, *va = NULL;
    for (const char *p = t + s; (p = memmem(p, (size_t)(t + start - p), " về ", strlen(" về ")));)
        ve = p++;
    for (const char *p = t + s; (p = memmem(p, (size_t)(t + start - p), " và ", strlen(" và ")));)
        va = p++;
    if (ve && (!va || ve > va) && names_numbered(t, s, (size_t)(ve - t))) return LS_REL_CITES;
    /* a keyword after the citation acts only as "X ... hết hiệu lực" or
     * "X ... ngưng hiệu lực", whatever comes between ("đã được sửa đổi") */
    /* "... có hiệu lực đến khi Nghị quyết số X hết hiệu lực": a condition */
    size_t near = start > s + 24 ? start - 24 : s;
    if (start > near && memmem(t + near, start - near, "khi ", strlen("khi "))) return LS_REL_CITES;
    if (e > end && memmem(t + end, e - end, "hết hiệu lực", strlen("hết hiệu lực")))
        return LS_REL_REPEALS;
    if (e > end && memmem(t + end, e - end, "ngưng hiệu lực", strlen("ngưng hiệu lực")))
        return LS_REL_SUSPENDS;
    return LS_REL_CITES;
}

/* ---- what it does to a whole document ----------------------------------- */

static const struct { const char *word; ls_act act; } verbs[] = {
    {"sửa đổi", LS_ACT_AMENDS},   {"Sửa đổi", LS_ACT_AMENDS},   {"SỬA ĐỔI", LS_ACT_AMENDS},
    {"bổ sung", LS_ACT_AMENDS},   {"Bổ sung", LS_ACT_AMENDS},   {"BỔ SUNG", LS_ACT_AMENDS},
    {"thay thế", LS_ACT_REPLACES}, {"Thay thế", LS_ACT_REPLACES}, {"THAY THẾ", LS_ACT_REPLACES},
    {"bãi bỏ", LS_ACT_REPEALS},   {"Bãi bỏ", LS_ACT_REPEALS},   {"BÃI BỎ", LS_ACT_REPEALS},
    /* a legal basis or a guided text: the citation is not acted on */
    {"căn cứ", LS_ACT_NONE},      {"Căn cứ", LS_ACT_NONE},      {"CĂN CỨ", LS_ACT_NONE},
    {"hướng dẫn", LS_ACT_NONE},   {"Hướng dẫn", LS_ACT_NONE},
    {"quy định chi tiết", LS_ACT_NONE}, {"Quy định chi tiết", LS_ACT_NONE},
};

/* Words saying only a part of a document is meant ("các quy định ... tại",
 * "Điều 5 của", "một số điều"). */
static const char *const part_words[] = {
    "quy định", "Quy định", "một số", "một phần", "điều", "Điều", "khoản", "Khoản",
    "điểm", "Điểm", "chương", "Chương", "mục", "Mục", "phần", "Phần", "nội dung",
    "Phụ lục", "phụ lục", "kèm theo", "cụm từ",
};

static int names_a_part(const char *t, size_t s, size_t e)
{
    for (size_t i = 0; i < sizeof part_words / sizeof part_words[0]; i++)
        if (has(t, s, e, part_words[i])) return 1;
    return 0;
}

/* The verb nearest before position `start` in [s, start): its act, and
 * where it ends (*verb_end); -1 when there is none. */
static int verb_before(const char *t, size_t s, size_t start, size_t *verb_end)
{
    size_t at = 0;
    long k = nearest_before(t, s, start, verbs, sizeof verbs / sizeof verbs[0], sizeof verbs[0], &at);
    if (k < 0) return -1;
    *verb_end = at + strlen(verbs[k].word);
    return (int)verbs[k].act;
}

ls_act ls_relation_act(const char *t, size_t len, const ls_cite *r)
{
    if (!r->doc_number || r->self || r->end > len || r->start >= r->end) return LS_ACT_NONE;
    size_t start = r->start, end = r->end;
    /* a passive or descriptive statement acts on nothing (ls_relation_active) */
    if (ls_relation_active(t, len, start, end) == LS_REL_CITES) return LS_ACT_NONE;
    size_t s, e;
    ls_cite_sentence(t, len, start, end, &s, &e);
    /* "X đã được sửa đổi, bổ sung theo Y": Y amended X, nothing is done to Y */
    if (has(t, s, start, "được sửa đổi") || has(t, s, start, "được bổ sung") ||
        has(t, s, start, "đã được") || has(t, s, start, "được thay thế"))
        return LS_ACT_NONE;
    int provision = r->article || r->clause || r->point;
    size_t verb_end = 0;
    int act = verb_before(t, s, start, &verb_end);
    if (act == LS_ACT_AMENDS) return LS_ACT_AMENDS;  /* any provision amended: X amended */
    if (act == LS_ACT_REPLACES || act == LS_ACT_REPEALS) {
        if (provision || names_a_part(t, verb_end, start) || has(t, end, e, "trừ "))
            return LS_ACT_PARTLY;   /* a part of X only */
        return (ls_act)act;
    }
    if (act == LS_ACT_NONE) return LS_ACT_NONE;      /* căn cứ, hướng dẫn ... X */
    /* no verb before: "Luật X số N ... hết hiệu lực kể từ ..." */
    const char *const gone = "hết hiệu lực";
    const char *hit = e > end ? memmem(t + end, e - end, gone, strlen(gone)) : NULL;
    if (!hit) return LS_ACT_NONE;
    if (provision || names_a_part(t, s, start)) return LS_ACT_PARTLY;
    size_t after = (size_t)(hit - t) + strlen(gone);
    if (has(t, after, e, "trừ ") || has(t, after, e, "một phần")) return LS_ACT_PARTLY;
    return LS_ACT_REPEALS;
}

int ls_cite_mentions_an_act(const char *t, size_t len)
{
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        if (verbs[k].act != LS_ACT_NONE && has(t, 0, len, verbs[k].word)) return 1;
    return memmem(t, len, "hết hiệu lực", strlen("hết hiệu lực")) != NULL;
}

/* "X đã được sửa đổi, bổ sung theo Luật số Y" names Y as the amender, not
 * an amended text; "... X ... hết hiệu lực" repeals X whatever comes
 * between; "thay thế / bãi bỏ các quy định ... tại X" repeals a part of X. */
ls_act ls_cite_provision_act(const char *t, size_t len, const ls_cite *c)
{
    size_t start = c->group_start, end = c->group_end;
    if (end > len || start >= end) return LS_ACT_NONE;
    size_t s, e;
    ls_cite_sentence(t, len, start, end, &s, &e);
    /* "Bổ sung Điều 5a vào sau Điều 5": Điều 5 only places the new one */
    static const char after[] = "sau ", before[] = "trước ";
    if ((start >= sizeof after - 1 && memcmp(t + start - (sizeof after - 1), after, sizeof after - 1) == 0) ||
        (start >= sizeof before - 1 && memcmp(t + start - (sizeof before - 1), before, sizeof before - 1) == 0))
        return LS_ACT_NONE;
    /* passive and descriptive mentions ("bị bãi bỏ bởi", "X về việc ... Y")
     * do not act */
    ls_relation rel = ls_relation_active(t, len, start, end);
    switch (rel) {
    case LS_REL_AMENDS: return LS_ACT_AMENDS;
    case LS_REL_REPLACES:
    case LS_REL_REPEALS:
        if (!c->article && has(t, s, start, "quy định") && has(t, s, start, " tại")) return LS_ACT_PARTLY;
        return rel == LS_REL_REPLACES ? LS_ACT_REPLACES : LS_ACT_REPEALS;
    default: return LS_ACT_NONE;
    }
}
