/* fillers.c — Vietnamese question words and fillers, which say how a
 * citizen asks rather than what about: they weigh little in the query.
 * A question typed with diacritics is matched on its exact syllables (so
 * "bạn" is a filler but "bán" is not); one typed without is matched on the
 * folded syllables. The longest phrase at each position wins. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

static const char *const filler_phrases[] = {
    "như thế nào", "thế nào", "ra sao", "là gì", "bao nhiêu", "bao lâu",
    "có được không", "được không", "có phải", "hay không", "khi nào", "ở đâu",
    "làm sao", "thì sao", "quy định ra sao", "được quy định", "quy định như thế nào",
    "có thể", "hay là", "có không", "phải không", "đúng hay sai", "đúng không",
    "xin hỏi", "cho hỏi", "tôi muốn hỏi", "cho em hỏi", "em muốn hỏi", "vậy",
    "những gì", "gồm những gì", "nào", "gì", "sao", "không", "ạ", "nhé",
    "là", "thì", "có", "được", "của", "và", "các", "những", "cho", "với", "này", "đó",
    "tôi", "em", "mình", "bạn", "hiện nay", "hiện tại", "theo", "trong", "về", "như",
    "một", "người ta", "hỏi", "nếu", "mà", "ai", "đã", "đang", "sẽ", "bị", "để",
    /* how citizens ask about a procedure: what to bring, how long, what it
     * costs, where (the card answers all of them) */
    "cần mang gì", "mang gì", "mang theo gì", "cần giấy tờ gì", "giấy tờ gì", "cần những gì",
    "mất bao lâu", "tốn bao nhiêu tiền", "hết bao nhiêu tiền", "mất tiền",
    "tốn tiền", "làm ở đâu", "nộp ở đâu", "thủ tục gì", "như nào", "làm thế nào", "cần làm gì",
};
/* Phrases that ask what something is or what it comes to: the answer is
 * usually a definition ("X là ..."), often in "Giải thích từ ngữ".
 * Matched on folded syllables. */
static const char *const definition_phrases[] = {
    "là gì", "là những gì", "hiểu thế nào", "hiểu như thế nào", "thế nào là",
    "như thế nào là", "khái niệm", "định nghĩa", "là tổ chức nào",
    "là doanh nghiệp nào", "là người nào", "là cơ sở nào", "là hoạt động nào", "là loại nào",
    "là trường hợp nào",
    /* who or which cases count as X (zalo-dev, MRR@10 0.786 -> 0.787;
     * "được xem là", "được coi là" ask whether a case counts: -0.005 on
     * the held-out half, left out) */
    "là những ai", "là ai", "là những trường hợp nào",
};
/* Phrases that hold a filler syllable but are words of the law, or ask a
 * quantity the answer states: never fillers ("bảo hiểm xã hội một lần",
 * "công ty một thành viên", "bị cáo", "cho thuê", "theo dõi"; "trẻ em",
 * "hàng không", "không khí", "bản sao", "chuẩn bị", whose filler syllable
 * comes second or is one of a word's two). They win over a filler phrase
 * of the same length or shorter. */
static const char *const content_phrases[] = {
    "một lần", "một năm", "một tháng", "một ngày", "một tuần", "một người", "một phần",
    "một cửa", "một chiều", "một thành viên", "một vợ một chồng",
    "bị cáo", "bị can", "bị hại", "bị đơn", "bị kiện",
    "cho thuê", "cho vay", "cho mượn", "cho tặng", "cho phép", "về hưu", "theo dõi",
    "để lại", "có thời hạn", "có thẩm quyền", "có điều kiện",
    "không xác định", "không thời hạn", "không kỳ hạn", "không quốc tịch", "không hoàn lại",
    "không chuyên trách", "không vì lợi nhuận", "không dùng tiền mặt",
    /* words whose second syllable is a filler's, or that begin with "không" */
    "trẻ em", "anh chị em", "anh em", "chị em", "em trai", "em gái", "em ruột",
    "hàng không", "phòng không", "không khí", "không gian", "không quân", "không phận",
    "bản sao", "sao chép", "sao y", "sao lục",
    "chuẩn bị", "thiết bị", "trang bị", "dự bị", "phòng bị",
    "đòi hỏi", "câu hỏi", "của cải", "kèm theo", "trong nước",
    /* the pháp điển's most frequent words with a syllable that folds like
     * "có", "của", "là", "những" or "nào" (folded_fillers below): typed
     * without diacritics they stay content */
    "cơ quan", "cơ sở", "cơ bản", "cơ cấu", "cơ chế", "cơ yếu", "cơ thể", "cơ giới",
    "cơ động", "cơ hội", "nguy cơ", "đầu cơ", "động cơ", "hữu cơ", "sự cố", "cố định",
    "cầm cố", "củng cố", "cổ phần", "cổ phiếu", "cổ đông", "cổ tức", "cổ truyền", "cỡ chữ",
    "cửa khẩu", "cửa hàng", "thuốc lá", "tham nhũng", "nạo vét",
};
/* Phrases that ask what a text governs, whom it applies to, when it takes
 * effect or its transitional rules: the answer is an opening or closing
 * article (scope.h). Matched on folded syllables. */
static const char *const scope_phrases[] = {
    "phạm vi điều chỉnh", "đối tượng áp dụng", "áp dụng cho", "áp dụng đối với",
    "có hiệu lực", "hiệu lực thi hành", "hiệu lực từ", "hiệu lực kể từ", "ngày hiệu lực",
    "chuyển tiếp", "trách nhiệm thi hành", "tổ chức thực hiện", "điều khoản thi hành",
};
/* A question that opens with a text's kind and asks what it "quy định về"
 * ("Luật Tiếp cận thông tin quy định về ...") asks its scope too. */
static const char *const text_kinds[] = {
    "luật", "bộ luật", "hiến pháp", "nghị định", "thông tư", "pháp lệnh", "nghị quyết",
};
#define NPHRASES (sizeof filler_phrases / sizeof filler_phrases[0])
#define NSCOPE (sizeof scope_phrases / sizeof scope_phrases[0])
#define NKINDS (sizeof text_kinds / sizeof text_kinds[0])
#define NCONTENT (sizeof content_phrases / sizeof content_phrases[0])
#define NDEFINITION (sizeof definition_phrases / sizeof definition_phrases[0])

static char *normalised[NPHRASES], *folded[NPHRASES];
static char *definition_folded[NDEFINITION];
static char *scope_folded[NSCOPE], *kinds_folded[NKINDS];
static char *content_normalised[NCONTENT], *content_folded[NCONTENT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* folded[k] = the folded spelling of phrases[k] (NULL when it fails) */
static void fold_list(const char *const *phrases, size_t n, char **folded_out)
{
    for (size_t k = 0; k < n; k++) {
        char *norm = NULL;
        if (ls_normalize_term(phrases[k], strlen(phrases[k]), &norm, &folded_out[k], NULL) != LS_OK)
            folded_out[k] = NULL;
        free(norm);
    }
}

static void normalise_phrases(void)
{
    for (size_t k = 0; k < NPHRASES; k++)
        if (ls_normalize_term(filler_phrases[k], strlen(filler_phrases[k]), &normalised[k],
                              &folded[k], NULL) != LS_OK)
            normalised[k] = folded[k] = NULL;
    for (size_t k = 0; k < NCONTENT; k++)
        if (ls_normalize_term(content_phrases[k], strlen(content_phrases[k]),
                              &content_normalised[k], &content_folded[k], NULL) != LS_OK)
            content_normalised[k] = content_folded[k] = NULL;
    fold_list(definition_phrases, NDEFINITION, definition_folded);
    fold_list(scope_phrases, NSCOPE, scope_folded);
    fold_list(text_kinds, NKINDS, kinds_folded);
}

/* Fillers whose folded syllable is the filler far more often than not in
 * the pháp điển: của 262,404 against cửa 4,473; là 46,143 against lá 3,750;
 * nào 1,654 against nạo 812 and não 65; những 11,264 against nhưng 6,262
 * (a function word too) and nhũng 959; có 268,822 against cơ 148,057, cổ
 * 7,698 and cố 7,388 — most of the latter in a few words ("cơ quan", "cổ
 * phần"), which content_phrases keeps. Typed without diacritics, they are
 * fillers as typed with them. (Before, "cua", "la", "co", "nhung" and
 * "nao" stayed content words; bench/eval-halves, zalo-dev without
 * diacritics, in the notes on the relevance issue.) */
static const char *const folded_fillers[] = {"của", "là", "có", "những", "nào"};

static int folded_filler(const char *syllable)
{
    for (size_t k = 0; k < sizeof folded_fillers / sizeof folded_fillers[0]; k++)
        if (strcmp(syllable, folded_fillers[k]) == 0) return 1;
    return 0;
}

static int phrase_matches(const ls_plan *plan, size_t at, const char *phrase, int use_folded,
                          size_t *n)
{
    size_t i = at;
    const char *p = phrase;
    while (*p) {
        if (i >= plan->nterms || plan->terms[i].kind != LS_TOKEN_WORD) return 0;
        const char *t = use_folded ? plan->terms[i].folded : plan->terms[i].term;
        if (*t != *p && *p != ' ') return 0; /* most phrases: no need to measure */
        const char *sp = strchr(p, ' ');
        size_t syl = sp ? (size_t)(sp - p) : strlen(p);
        if (strlen(t) != syl || memcmp(t, p, syl) != 0) return 0;
        i++;
        p += syl;
        if (*p == ' ') p++;
    }
    *n = i - at;
    return 1;
}

/* The length of the longest content phrase at term `at`, or 0. */
static size_t longest_content(const ls_plan *plan, size_t at, int use_folded)
{
    size_t best = 0;
    for (size_t k = 0; k < NCONTENT; k++) {
        const char *ph = use_folded ? content_folded[k] : content_normalised[k];
        size_t n = 0;
        if (ph && phrase_matches(plan, at, ph, use_folded, &n) && n > best) best = n;
    }
    return best;
}

static int is_word(const ls_plan *plan, size_t i, const char *term)
{
    return i < plan->nterms && plan->terms[i].kind == LS_TOKEN_WORD &&
           strcmp(plan->terms[i].term, term) == 0;
}

static int is_content(const ls_plan *plan, size_t i)
{
    return i < plan->nterms && !plan->terms[i].filler;
}

static void unmark(ls_qterm *t)
{
    t->filler = 0;
    t->filler_form = NULL;
    t->filler_form_len = 0;
}

/* "không có" before what it says is missing is content: "người không có
 * quốc tịch"; the "không" that ends a yes/no question stays a filler. (Any
 * "không" before a content word, "không xác định thời hạn", cost 0.003
 * MRR@10 on alqac2024-train: its questions are yes/no statements.) */
static void keep_negations(ls_plan *plan)
{
    for (size_t i = 0; i < plan->nterms; i++) {
        if (!plan->terms[i].filler || !is_word(plan, i, "không")) continue;
        if (is_word(plan, i + 1, "có") && is_content(plan, i + 2) &&
            plan->terms[i + 2].kind == LS_TOKEN_WORD) {
            unmark(&plan->terms[i]);
            unmark(&plan->terms[i + 1]);
        }
    }
}

void ls_plan_mark_fillers(ls_plan *plan)
{
    pthread_once(&once, normalise_phrases);
    int use_folded = !plan->any_marks;
    for (size_t at = 0; at < plan->nterms;) {
        size_t best = 0, best_k = 0;
        for (size_t k = 0; k < NPHRASES; k++) {
            const char *ph = use_folded ? folded[k] : normalised[k];
            /* folded, a marked syllable alone is ambiguous: "dang" is đang
             * (a filler) or đăng (of đăng ký); only phrases are safe */
            if (use_folded && ph && !strchr(ph, ' ') && strcmp(ph, normalised[k]) != 0 &&
                !folded_filler(normalised[k]))
                continue;
            size_t n = 0;
            if (ph && phrase_matches(plan, at, ph, use_folded, &n) && n > best) {
                best = n;
                best_k = k;
            }
        }
        size_t keep = longest_content(plan, at, use_folded);
        if (keep && keep >= best) { /* a word of the law, not a filler */
            at += keep;
            continue;
        }
        /* each syllable of the phrase, and its accented spelling (the
         * reading a "did you mean" offers for "bao nhieu": bao nhiêu) */
        const char *syllable = best ? normalised[best_k] : NULL;
        for (size_t i = 0; i < best; i++) {
            ls_qterm *t = &plan->terms[at + i];
            t->filler = 1;
            const char *sp = strchr(syllable, ' ');
            t->filler_form = syllable;
            t->filler_form_len = sp ? (size_t)(sp - syllable) : strlen(syllable);
            syllable = sp ? sp + 1 : syllable + t->filler_form_len;
        }
        at += best ? best : 1;
    }
    keep_negations(plan);
}

/* The length of a phrase of folded[0..n) that starts at term `at`, or 0. */
static size_t phrase_at(const ls_plan *plan, size_t at, char *const *folded_list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t len = 0;
        if (folded_list[k] && phrase_matches(plan, at, folded_list[k], 1, &len)) return len;
    }
    return 0;
}

/* 1 when one of folded_list[0..n) is somewhere in the question */
static int has_phrase(const ls_plan *plan, char *const *folded_list, size_t n)
{
    for (size_t at = 0; at < plan->nterms; at++)
        if (phrase_at(plan, at, folded_list, n)) return 1;
    return 0;
}

int ls_plan_has_folded_phrase(const ls_plan *plan, const char *phrase)
{
    char *const list[1] = {(char *)phrase};
    return has_phrase(plan, list, 1);
}

void ls_plan_detect_definition(ls_plan *plan)
{
    pthread_once(&once, normalise_phrases);
    /* "Mục tiêu của X là gì" asks for an attribute of X, not what X is */
    for (size_t at = 0; at < plan->nterms; at++)
        if (strcmp(plan->terms[at].folded, "cua") == 0) return;
    if (has_phrase(plan, definition_folded, NDEFINITION)) plan->asks_definition = 1;
}

void ls_plan_detect_scope(ls_plan *plan)
{
    pthread_once(&once, normalise_phrases);
    if (has_phrase(plan, scope_folded, NSCOPE)) {
        plan->asks_scope = 1;
        return;
    }
    /* "[Theo] Luật X quy định về ..." */
    size_t at = plan->nterms && strcmp(plan->terms[0].folded, "theo") == 0 ? 1 : 0;
    if (!phrase_at(plan, at, kinds_folded, NKINDS)) return;
    static const char quy_dinh_ve[] = "quy dinh ve";
    for (size_t i = at + 1; i < plan->nterms; i++) {
        size_t n;
        if (phrase_matches(plan, i, quy_dinh_ve, 1, &n)) {
            plan->asks_scope = 1;
            return;
        }
    }
}
