/* test_procedures.c — administrative procedures end to end: the sample
 * corpus (with corpus/sample/tthc) indexed into a temporary directory, then
 * search by kind (article, procedure, all, the default's procedures beside
 * the articles), the level and field filters, the card with its legal bases
 * resolved against the sample's laws, and the `procedure` command. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../review/procedure_bases.h"
#include "../../query/results_json.h"
#include "../../query/search.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

static ls_results *ask(const char *q, int kind, const char *level, const char *field)
{
    ls_search_request req = {.query = q, .limit = 10, .kind = kind, .level = level, .field = field};
    ls_results *r = NULL;
    ls_error err = {0};
    if (ls_search(ts_sample, &req, &r, &err)) fail_msg("search '%s': %s", q, err.msg);
    return r;
}

static const char *code_of(const ls_hit *h)
{
    static char code[32];
    json_t *c = json_loads(h->passage->procedure, 0, NULL);
    snprintf(code, sizeof code, "%s", json_string_value(json_object_get(c, "procedure_code")));
    json_decref(c);
    return code;
}

static void test_kinds(void **state)
{
    (void)state;
    const char *q = "đăng ký tạm trú cần giấy tờ gì";
    ls_results *r = ask(q, LS_KIND_PROCEDURE, NULL, NULL);
    assert_true(r->nhits >= 1);
    for (size_t i = 0; i < r->nhits; i++) assert_non_null(r->hits[i].passage->procedure);
    assert_string_equal(code_of(&r->hits[0]), "9.000002");
    assert_int_equal(r->nprocedures, 0);
    ls_results_free(r);
    r = ask(q, LS_KIND_ARTICLE, NULL, NULL);
    assert_true(r->nhits >= 3);
    for (size_t i = 0; i < r->nhits; i++) assert_null(r->hits[i].passage->procedure);
    assert_int_equal(r->nprocedures, 0);
    ls_results_free(r);
    /* the default: the articles as before, the procedure beside them */
    r = ask(q, LS_KIND_DEFAULT, NULL, NULL);
    for (size_t i = 0; i < r->nhits; i++) assert_null(r->hits[i].passage->procedure);
    assert_int_equal(r->nprocedures, 1);
    assert_string_equal(code_of(&r->procedures[0]), "9.000002");
    ls_buf out = LS_BUF_INIT;
    assert_int_equal(ls_results_json(r, q, strlen(q), 0, &out), LS_OK);
    json_t *j = json_loads(out.data, 0, NULL);
    assert_non_null(j);
    json_t *p = json_array_get(json_object_get(j, "procedures"), 0);
    assert_string_equal(json_string_value(json_object_get(p, "kind")), "procedure");
    assert_string_equal(json_string_value(json_object_get(p, "procedure_code")), "9.000002");
    assert_string_equal(json_string_value(json_object_get(p, "level")), "Cấp xã");
    assert_true(json_array_size(json_object_get(p, "channels")) == 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "hits"), 0),
                                                           "kind")), "article");
    json_decref(j);
    ls_buf_free(&out);
    ls_results_free(r);
    /* a question on the law itself gets no card */
    r = ask("thời hạn tạm trú tối đa", LS_KIND_DEFAULT, NULL, NULL);
    assert_true(r->nhits >= 1);
    assert_int_equal(r->nprocedures, 0);
    ls_results_free(r);
    /* all: both kinds in one ranking */
    r = ask(q, LS_KIND_ALL, NULL, NULL);
    int procs = 0, arts = 0;
    for (size_t i = 0; i < r->nhits; i++) r->hits[i].passage->procedure ? procs++ : arts++;
    assert_true(procs >= 1 && arts >= 1);
    ls_results_free(r);
}

static void test_filters(void **state)
{
    (void)state;
    ls_results *r = ask("dang ky khai sinh", LS_KIND_PROCEDURE, "xã", NULL);
    assert_true(r->nhits >= 1);
    assert_string_equal(code_of(&r->hits[0]), "9.000001");
    ls_results_free(r);
    r = ask("dang ky khai sinh", LS_KIND_PROCEDURE, "cấp tỉnh", NULL);
    assert_int_equal(r->nhits, 0);
    ls_results_free(r);
    r = ask("đăng ký", LS_KIND_PROCEDURE, NULL, "Hộ tịch");
    assert_int_equal(r->nhits, 1);
    assert_string_equal(code_of(&r->hits[0]), "9.000001");
    ls_results_free(r);
    r = ask("đăng ký", LS_KIND_PROCEDURE, NULL, "ho tich");
    assert_int_equal(r->nhits, 1);
    ls_results_free(r);
    assert_int_equal(ls_kind_parse("procedure"), LS_KIND_PROCEDURE);
    assert_int_equal(ls_kind_parse("articles"), LS_KIND_ARTICLE);
    assert_int_equal(ls_kind_parse("everything"), -1);
}

static void test_card_and_bases(void **state)
{
    (void)state;
    char *card = NULL;
    ls_error err = {0};
    assert_int_equal(ls_procedure_get(ts_sample, "9.000001", "2026-01-01", &card, &err), LS_OK);
    json_t *c = json_loads(card, 0, NULL);
    free(card);
    json_t *bases = json_object_get(c, "legal_bases");
    assert_int_equal(json_array_size(bases), 3);
    json_t *law = json_array_get(bases, 0), *nd = json_array_get(bases, 1), *tt = json_array_get(bases, 2);
    assert_string_equal(json_string_value(json_object_get(law, "resolution")), "found");
    assert_string_equal(json_string_value(json_object_get(law, "status")), "in-force");
    /* the sample's 07/2025/NĐ-CP amends 123/2015/NĐ-CP: still in force, not lapsed */
    assert_string_equal(json_string_value(json_object_get(nd, "resolution")), "found");
    assert_non_null(json_object_get(nd, "replaced_by"));
    assert_string_equal(json_string_value(json_object_get(tt, "resolution")), "not-in-index");
    assert_int_equal(json_array_size(json_object_get(c, "lapsed_bases")), 0);
    assert_string_equal(json_string_value(json_object_get(c, "as_of")), "2026-01-01");
    json_decref(c);
    assert_int_equal(ls_procedure_get(ts_sample, "1.999999", NULL, &card, &err), LS_ERR_NOTFOUND);
    assert_non_null(strstr(err.msg, "no procedure 1.999999"));
    assert_int_equal(ls_procedure_get(ts_sample, "", NULL, &card, &err), LS_ERR_ARG);
    assert_int_equal(ls_procedure_get(ts_sample, "\xff", NULL, &card, &err), LS_ERR_ARG);
}

/* A basis the index holds as repealed makes the card say so. */
static void test_lapsed_basis(void **state)
{
    (void)state;
    char *dir = ts_mkdtemp();
    char path[600];
    snprintf(path, sizeof path, "%s/repealed.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"id\": \"99/2001/nđ-cp\", \"number\": \"99/2001/NĐ-CP\", \"type\": \"Nghị định\", "
          "\"title\": \"Nghị định cũ\", \"status\": \"Hết hiệu lực toàn bộ\", \"articles\": "
          "[{\"number\": \"1\", \"text\": \"Nghị định này đã hết hiệu lực.\"}]}\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/p.json", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"ma_thu_tuc\": \"9.100000\", \"ten_thu_tuc\": \"Thủ tục cũ\", \"can_cu_phap_ly\": "
          "\"Tên văn bản pháp lýMã văn bảnNghị định cũ99/2001/NĐ-CP\"}", f);
    fclose(f);
    char cmd[2000], *out = NULL, *errs = NULL;
    snprintf(cmd, sizeof cmd, "'%s' index --quiet --db '%s/idx' '%s' && '%s' procedure --db "
             "'%s/idx' --json 9.100000", ts_bin(), dir, dir, ts_bin(), dir);
    assert_int_equal(ts_run(cmd, NULL, &out, &errs), 0);
    json_t *c = json_loads(out, 0, NULL);
    assert_non_null(c);
    json_t *l = json_array_get(json_object_get(c, "lapsed_bases"), 0);
    assert_string_equal(json_string_value(json_object_get(l, "number")), "99/2001/NĐ-CP");
    assert_string_equal(json_string_value(json_object_get(l, "status")), "repealed");
    json_decref(c);
    free(out), free(errs);
    /* the command: unknown code -> 1, no code -> 2, the human card */
    snprintf(cmd, sizeof cmd, "'%s' procedure --db '%s/idx' 1.2", ts_bin(), dir);
    assert_int_equal(ts_run(cmd, NULL, &out, &errs), 1);
    assert_non_null(strstr(errs, "no procedure 1.2"));
    free(out), free(errs);
    snprintf(cmd, sizeof cmd, "'%s' procedure --db '%s/idx'", ts_bin(), dir);
    assert_int_equal(ts_run(cmd, NULL, &out, &errs), 2);
    free(out), free(errs);
    snprintf(cmd, sizeof cmd, "'%s' procedure --db '%s/idx' 9.100000", ts_bin(), dir);
    assert_int_equal(ts_run(cmd, NULL, &out, &errs), 0);
    assert_non_null(strstr(out, "Thủ tục 9.100000 — Thủ tục cũ"));
    assert_non_null(strstr(out, "không còn hiệu lực"));
    free(out), free(errs);
    ts_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_card_and_bases),
        cmocka_unit_test(test_lapsed_basis),
    };
    return cmocka_run_group_tests(tests, ts_sample_setup, ts_sample_teardown);
}
