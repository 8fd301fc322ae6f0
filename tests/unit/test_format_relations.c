/* test_format_relations.c — the "rel:" line layout and the one status-as-of
 * rule (format/relations.h) that the writer, search and review share: a
 * line written by ls_relation_line reads back field by field, and
 * ls_relations_state weighs repeals over partial repeals over amendments,
 * counts a relation only from its acting text's effective date, and keeps
 * the earliest date a document goes whatever the date asked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../format/relations.h"

static void test_line_round_trip(void **state)
{
    (void)state;
    char line[200], f[64];
    ls_relation_line(LS_ACT_REPLACES, "07/2025/nđ-cp", "07/2025/NĐ-CP", "2025-03-01", line,
                     sizeof line);
    assert_string_equal(line, "replaces\t07/2025/nđ-cp\t07/2025/NĐ-CP\t2025-03-01");
    const char *end = line + strlen(line);
    const char *want[] = {"replaces", "07/2025/nđ-cp", "07/2025/NĐ-CP", "2025-03-01", ""};
    for (int k = 0; k < 5; k++) {
        ls_relation_field(line, end, k, f, sizeof f);
        assert_string_equal(f, want[k]);
    }
    /* a field longer than the room is cut, not run past */
    char small[5];
    ls_relation_field(line, end, 1, small, sizeof small);
    assert_string_equal(small, "07/2");
    /* the field ends at the line's end, not at the string's */
    ls_relation_field(line, line + 3, 0, f, sizeof f);
    assert_string_equal(f, "rep");
    ls_relation_line(LS_ACT_AMENDS, "a", "A", "", line, sizeof line);
    assert_string_equal(line, "amends\ta\tA\t");
    ls_relation_line(LS_ACT_PARTLY, "p", "P", "2020-01-01", line, sizeof line);
    ls_relation_field(line, line + strlen(line), 0, f, sizeof f);
    assert_string_equal(f, "partly");
}

/* lines as the writer stores them, one per acting document */
static char *lines_of(const ls_act *acts, const char *const *ids, const char *const *dates,
                      size_t n)
{
    static char buf[2048];
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char line[300];
        ls_relation_line(acts[i], ids[i], ids[i], dates[i], line, sizeof line);
        if (i) strcat(buf, "\n");
        strcat(buf, line);
    }
    return buf;
}

static void test_amendments_listed_in_order(void **state)
{
    (void)state;
    ls_act acts[] = {LS_ACT_AMENDS, LS_ACT_AMENDS};
    const char *ids[] = {"A1", "A2"}, *dates[] = {"2021-01-01", "2023-01-01"};
    ls_doc_state st;
    ls_error err = {0};
    assert_int_equal(ls_relations_state(lines_of(acts, ids, dates, 2), "Còn hiệu lực",
                                        "2019-01-01", "2020-01-01", NULL, &st, &err), LS_OK);
    assert_string_equal(st.text, "bị sửa đổi, bổ sung bởi A1, A2");
    assert_string_equal(st.by, "A1");
    assert_string_equal(st.since, "2021-01-01");
    assert_string_equal(st.gone_since, "");
    ls_doc_state_free(&st);
    assert_null(st.text);
    /* as of a day before the second amendment takes effect: only the first */
    assert_int_equal(ls_relations_state(lines_of(acts, ids, dates, 2), "Còn hiệu lực",
                                        "2019-01-01", "2020-01-01", "2022-06-01", &st, &err),
                     LS_OK);
    assert_string_equal(st.text, "bị sửa đổi, bổ sung bởi A1");
    ls_doc_state_free(&st);
    /* before either: the published status stands */
    assert_int_equal(ls_relations_state(lines_of(acts, ids, dates, 2), "Còn hiệu lực",
                                        "2019-01-01", "2020-01-01", "2020-06-01", &st, &err),
                     LS_OK);
    assert_null(st.text);
    assert_string_equal(st.by, "");
    ls_doc_state_free(&st);
}

static void test_repeal_outweighs(void **state)
{
    (void)state;
    ls_act acts[] = {LS_ACT_AMENDS, LS_ACT_PARTLY, LS_ACT_REPEALS, LS_ACT_REPLACES};
    const char *ids[] = {"A", "P", "R", "T"};
    const char *dates[] = {"2021-01-01", "2022-01-01", "2024-01-01", "2023-01-01"};
    ls_doc_state st;
    ls_error err = {0};
    const char *lines = lines_of(acts, ids, dates, 4);
    assert_int_equal(ls_relations_state(lines, NULL, NULL, NULL, NULL, &st, &err), LS_OK);
    assert_string_equal(st.text, "hết hiệu lực, bị bãi bỏ bởi R");   /* the first gone line */
    assert_string_equal(st.by, "R");
    assert_string_equal(st.gone_since, "2023-01-01");   /* the earliest, not the first */
    ls_doc_state_free(&st);
    /* as of 2022-06-01 neither repeal is in effect: the partial one wins */
    assert_int_equal(ls_relations_state(lines, "còn hiệu lực", NULL, NULL, "2022-06-01", &st,
                                        &err), LS_OK);
    assert_string_equal(st.text, "hết hiệu lực một phần do P");
    assert_string_equal(st.since, "2022-01-01");
    assert_string_equal(st.gone_since, "2023-01-01");   /* whatever the date */
    ls_doc_state_free(&st);
    /* as of 2023-06-01 the replacement is */
    assert_int_equal(ls_relations_state(lines, "còn hiệu lực", NULL, NULL, "2023-06-01", &st,
                                        &err), LS_OK);
    assert_string_equal(st.text, "hết hiệu lực, bị thay thế bởi T");
    ls_doc_state_free(&st);
}

static void test_dates_of_the_document(void **state)
{
    (void)state;
    ls_doc_state st;
    ls_error err = {0};
    /* effective after the date asked */
    assert_int_equal(ls_relations_state(NULL, "Còn hiệu lực", "2020-01-01", "2021-07-01",
                                        "2021-01-01", &st, &err), LS_OK);
    assert_string_equal(st.text, "chưa có hiệu lực");
    ls_doc_state_free(&st);
    /* published as gone by a repeal not yet in effect on the date */
    ls_act acts[] = {LS_ACT_REPEALS};
    const char *ids[] = {"R"}, *dates[] = {"2025-01-01"};
    assert_int_equal(ls_relations_state(lines_of(acts, ids, dates, 1), "Hết hiệu lực toàn bộ",
                                        NULL, NULL, "2024-01-01", &st, &err), LS_OK);
    assert_string_equal(st.text, "còn hiệu lực");
    ls_doc_state_free(&st);
    /* published as gone with no relation: gone since an unknown day */
    assert_int_equal(ls_relations_state(NULL, "Hết hiệu lực toàn bộ", NULL, NULL, NULL, &st,
                                        &err), LS_OK);
    assert_null(st.text);
    assert_string_equal(st.gone_since, "0000-00-00");
    ls_doc_state_free(&st);
    /* the status the relations give equals the published one: nothing to show */
    assert_int_equal(ls_relations_state(NULL, "chưa có hiệu lực", "2030-01-01", NULL,
                                        "2026-01-01", &st, &err), LS_OK);
    assert_null(st.text);
    ls_doc_state_free(&st);
}

static void test_gone_value(void **state)
{
    (void)state;
    char v[9];
    ls_gone_value("2023-01-31", v);
    assert_string_equal(v, "20230131");
    ls_gone_value("0000-00-00", v);
    assert_string_equal(v, "00000000");
    ls_gone_value("", v);
    assert_string_equal(v, "");
    ls_gone_value(NULL, v);
    assert_string_equal(v, "");
    ls_gone_value("2023-1-31", v);   /* not a stored date */
    assert_string_equal(v, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_round_trip),
        cmocka_unit_test(test_amendments_listed_in_order),
        cmocka_unit_test(test_repeal_outweighs),
        cmocka_unit_test(test_dates_of_the_document),
        cmocka_unit_test(test_gone_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
