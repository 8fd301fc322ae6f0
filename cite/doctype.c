/* doctype.c — what a document number says (cite.h): its type from its code,
 * and its displayed form. */
#include "cite.h"

#include <stdlib.h>
#include <string.h>

/* Type code (the part of a number after the year, before '-') -> type name.
 * Longest codes first so "TTLT" wins over "TT". Matched case-insensitively on
 * ASCII and with both "Đ" and "D" spellings. */
static const struct { const char *code, *type; } type_codes[] = {
    {"TTLT", "Thông tư liên tịch"}, {"NQLT", "Nghị quyết liên tịch"},
    {"VBHN", "Văn bản hợp nhất"}, {"UBTVQH", "Nghị quyết"},
    {"NĐ", "Nghị định"}, {"ND", "Nghị định"}, {"QĐ", "Quyết định"}, {"QD", "Quyết định"},
    {"TT", "Thông tư"}, {"NQ", "Nghị quyết"}, {"CT", "Chỉ thị"}, {"TB", "Thông báo"},
    {"PL", "Pháp lệnh"}, {"L", "Lệnh"}, {"QH", "Luật"},
};

static int starts_with_code(const char *s, const char *code)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)code[i];
        if (a >= 'a' && a <= 'z') a = (unsigned char)(a - 32);
        if (a == 0) return 0;
        if (a == b) continue;
        /* lower-case đ (c4 91) against upper-case Đ (c4 90) */
        if (i > 0 && (unsigned char)code[i - 1] == 0xc4 && b == 0x90 && a == 0x91) continue;
        return 0;
    }
    return 1;
}

const char *ls_docnum_type(const char *num)
{
    if (!num) return NULL;
    /* The code follows the last '/' ("13/2023/NĐ-CP", "598/QĐ-TTg"), or for
     * National Assembly laws it is "QH" after the year ("45/2019/QH14"). */
    const char *slash = strrchr(num, '/');
    const char *code = slash ? slash + 1 : num;
    for (size_t i = 0; i < sizeof type_codes / sizeof type_codes[0]; i++) {
        if (!starts_with_code(code, type_codes[i].code)) continue;
        size_t n = strlen(type_codes[i].code);
        char next = code[n];
        /* "QH14" is a law; "QĐ-TTg" needs the '-' so "QH" can't eat "QĐ". */
        if (strcmp(type_codes[i].code, "QH") == 0 ? (next >= '0' && next <= '9')
                                                  : (next == '-' || next == '\0'))
            return type_codes[i].type;
    }
    return NULL;
}

char *ls_cite_upper_number(const char *num)
{
    size_t n = strlen(num);
    char *u = malloc(n + 1);
    if (!u) return NULL;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = (unsigned char)num[i];
        if (c >= 'a' && c <= 'z') c = (unsigned char)(c - 'a' + 'A');
        else if (c == 0x91 && i > 0 && (unsigned char)num[i - 1] == 0xC4) c = 0x90;   /* đ -> Đ */
        u[i] = (char)c;
    }
    return u;
}
