/* procedure_print.c — a procedure card for a terminal (see the header). */
#include "procedure_print.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* A fee amount as a Vietnamese card writes it: a whole amount as it always
 * printed ("8000"); one with a fraction grouped by '.' with a decimal ','
 * ("12.345.678.901,5"), its fraction the shortest (up to 9 places) that
 * reads back to v, never rounded away. */
static void print_amount(FILE *out, double v)
{
    char num[400];
    if (v == (double)(long long)v || v != v || v > 1e300 || v < -1e300) {
        fprintf(out, "%.0f", v);
        return;
    }
    int places = 1;
    for (; places < 9; places++) {
        snprintf(num, sizeof num, "%.*f", places, v);
        if (strtod(num, NULL) == v) break;
    }
    snprintf(num, sizeof num, "%.*f", places, v);
    char *dot = strchr(num, '.');
    size_t len = strlen(num);
    while (dot && len > (size_t)(dot - num) + 2 && num[len - 1] == '0') num[--len] = '\0';
    const char *p = num;
    if (*p == '-') fputc(*p++, out);
    size_t whole = (size_t)((dot ? dot : num + len) - p);
    for (size_t i = 0; i < whole; i++) {
        if (i && (whole - i) % 3 == 0) fputc('.', out);
        fputc(p[i], out);
    }
    if (dot) fprintf(out, ",%s", dot + 1);
}

static void print_channel(FILE *out, json_t *c, const char *in)
{
    fprintf(out, "%s  - %s", in, str(c, "channel") ? str(c, "channel") : "?");
    json_t *t = json_object_get(c, "time_limit");
    if (json_is_object(t)) {
        fprintf(out, ": %g %s", json_number_value(json_object_get(t, "value")),
                str(t, "unit") ? str(t, "unit") : "(đơn vị không ghi)");
    }
    json_t *fee = json_object_get(c, "fee");
    const char *kind = str(fee, "kind");
    if (kind && strcmp(kind, "free") == 0) fputs("; miễn phí", out);
    else if (kind && strcmp(kind, "amount") == 0) {
        fputs("; phí, lệ phí ", out);
        print_amount(out, json_number_value(json_object_get(fee, "amount")));
        fputs(" đồng", out);
    }
    else if (kind && strcmp(kind, "province") == 0) fputs("; phí do tỉnh quy định", out);
    else if (kind && strcmp(kind, "other") == 0 && str(fee, "text"))
        fprintf(out, "; %.160s", str(fee, "text"));
    fputc('\n', out);
}

void cli_print_procedure(FILE *out, const char *card_json, int full, const char *in)
{
    json_t *c = json_loads(card_json, 0, NULL);
    if (!json_is_object(c)) {
        json_decref(c);
        return;
    }
    fprintf(out, "%sThủ tục %s — %s\n", in, str(c, "procedure_code"), str(c, "name"));
    const struct { const char *label, *key; } lines[] = {
        {"Cấp thực hiện", "level"}, {"Lĩnh vực", "field"}, {"Cơ quan thực hiện", "agency"},
        {"Nơi tiếp nhận", "address"}, {"Đối tượng", "recipients"}, {"Kết quả", "result"},
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        if (str(c, lines[i].key)) fprintf(out, "%s%s: %s\n", in, lines[i].label, str(c, lines[i].key));
    json_t *v;
    size_t i, n;
    json_t *ch = json_object_get(c, "channels");
    if (json_array_size(ch)) fprintf(out, "%sCách nộp, thời hạn, phí:\n", in);
    json_array_foreach(ch, i, v) print_channel(out, v, in);
    json_t *items = json_object_get(c, "dossier");
    n = json_array_size(items);
    if (n) fprintf(out, "%sHồ sơ cần nộp:\n", in);
    json_array_foreach(items, i, v) {
        if (!full && i == 5) {
            fprintf(out, "%s  … và %zu giấy tờ khác\n", in, n - 5);
            break;
        }
        fprintf(out, "%s  - %s", in, str(v, "name") ? str(v, "name") : "?");
        if (str(v, "quantity")) fprintf(out, " (%s)", str(v, "quantity"));
        if (str(v, "form")) fprintf(out, " [mẫu: %s]", str(v, "form"));
        fputc('\n', out);
    }
    if (full && str(c, "conditions")) fprintf(out, "%sĐiều kiện: %s\n", in, str(c, "conditions"));
    if (full && str(c, "steps")) fprintf(out, "%sTrình tự:\n%s\n", in, str(c, "steps"));
    json_t *bases = json_object_get(c, "legal_bases");
    if (json_array_size(bases)) fprintf(out, "%sCăn cứ pháp lý:\n", in);
    json_array_foreach(bases, i, v) {
        const char *res = str(v, "resolution"), *st = str(v, "status");
        fprintf(out, "%s  - %s %s", in, str(v, "type") ? str(v, "type") : "văn bản", str(v, "number"));
        if (res && strcmp(res, "found") == 0) fprintf(out, " — %s", st ? st : "found");
        else if (res) fputs(" — không có trong chỉ mục", out);
        if (str(v, "replaced_by")) fprintf(out, " (bởi %s)", str(v, "replaced_by"));
        fputc('\n', out);
    }
    if (json_array_size(json_object_get(c, "lapsed_bases")))
        fprintf(out, "%sLưu ý: có căn cứ pháp lý không còn hiệu lực.\n", in);
    if (str(c, "url")) fprintf(out, "%sNộp trực tuyến / chi tiết: %s\n", in, str(c, "url"));
    json_decref(c);
}
