/* test_indexer_doc_links.c — the reverse keys of a document's title and
 * preamble references (indexer/doc_links.c, "linksto:<key>" of
 * format/doc_links.h) follow the document through re-indexing and removal:
 * a key it no longer names loses its id, including the key of a law's name
 * of 400 bytes or more (longer than the buffers the stored lines were once
 * read back into), so no stale entry is left; a plain-text decree's title
 * citing another by number links to it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../corpus/document_copy.h"
#include "../../corpus/reader.h"
#include "../../format/doc_links.h"
#include "../../indexer/indexer.h"
#include "../../query/index_reads.h"
#include "../../query/search.h"
#include "../../text/analyser.h"
#include "../support/test_support.h"

#define ID "99/2024/nđ-cp"

/* "Luật" and 11 words of 13 "ệ" (3 bytes each): 446 bytes, whose folded
 * words ("luat eeeeeeeeeeeee ...") are 158. */
static void long_name(char *out, size_t cap)
{
    size_t n = (size_t)snprintf(out, cap, "Luật");
    for (int w = 0; w < 11; w++) {
        n += (size_t)snprintf(out + n, cap - n, " ");
        for (int c = 0; c < 13; c++) n += (size_t)snprintf(out + n, cap - n, "ệ");
    }
}

/* A decree whose preamble is based on the law named name (NULL: none). */
static ls_document *decree(const char *name)
{
    ls_document *d = ls_document_new();
    assert_non_null(d);
    ls_strset(&d->number, "99/2024/NĐ-CP", strlen("99/2024/NĐ-CP"));
    ls_strset(&d->id, ID, strlen(ID));
    ls_strset(&d->type, "Nghị định", strlen("Nghị định"));
    ls_strset(&d->title, "Nghị định về thử nghiệm", strlen("Nghị định về thử nghiệm"));
    ls_article *a = ls_document_add_article(d);
    const char *text = "Nghị định này quy định việc thử nghiệm.";
    ls_strset(&a->number, "1", 1);
    ls_strset(&a->text, text, strlen(text));
    a->text_len = strlen(text);
    if (name) {
        d->refs = calloc(1, sizeof *d->refs);
        assert_non_null(d->refs);
        d->nrefs = 1;
        d->refs[0].relation = LS_REL_BASIS;
        ls_strset(&d->refs[0].law_name, name, strlen(name));
        ls_strset(&d->refs[0].doc_type, "Luật", strlen("Luật"));
    }
    return d;
}

/* Index doc (taken) into dir, replacing what was there under its id. */
static void index_doc(const char *dir, ls_document *doc)
{
    ls_indexer *ix = NULL;
    ls_error err = {0};
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_add(ix, doc, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    ls_document_free(doc);
}

/* Does "linksto:<key of num or name>" list id? */
static int linked_by(const char *dir, const char *num, const char *name, const char *id)
{
    char key[LS_DOC_LINKS_KEY_CAP];
    assert_true(ls_doc_links_key(num, name, key, sizeof key));
    ls_searcher *s = NULL;
    ls_error err = {0};
    assert_int_equal(ls_searcher_open(dir, &s, &err), LS_OK);
    char *ids = NULL;
    assert_int_equal(ls_searcher_metadata(s, LS_METADATA_LINKS_TO, key, &ids, &err), LS_OK);
    int found = 0;
    for (const char *p = ids; *p;) {
        size_t n = strcspn(p, "\n");
        found |= n == strlen(id) && memcmp(p, id, n) == 0;
        p += n + (p[n] == '\n');
    }
    free(ids);
    ls_searcher_close(s);
    return found;
}

static int linked(const char *dir, const char *name)
{
    return linked_by(dir, NULL, name, ID);
}

static int keep_doc(void *ctx, const ls_document *d)
{
    ls_document **out = ctx;
    *out = ls_document_copy(d);
    return 0;
}

static void no_problem(void *ctx, const char *path, size_t line, const char *msg)
{
    (void)ctx;
    fail_msg("%s:%zu: %s", path, line, msg);
}

/* a plain-text decree whose title cites another by its number links to it */
static void test_text_title_citation_linked(void **state)
{
    (void)state;
    static const char text[] =
        "CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Số: 10/2023/NĐ-CP\nHà Nội, ngày 03 tháng 4 năm 2023\n\n"
        "NGHỊ ĐỊNH\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 43/2014/NĐ-CP\n\n"
        "Điều 1. Sửa đổi, bổ sung\nSửa đổi khoản 1 Điều 5.\n";
    ls_document *d = NULL;
    ls_reader_sink sink = {keep_doc, no_problem, &d};
    ls_error err = {0};
    assert_int_equal(ls_read_text("nd-10.txt", text, strlen(text), &sink, &err), LS_OK);
    assert_non_null(d);
    char *dir = ts_mkdtemp();
    index_doc(dir, d);
    assert_true(linked_by(dir, "43/2014/nđ-cp", NULL, "10/2023/nđ-cp")); /* keys as stored */
    ts_rmtree(dir);
    free(dir);
}

static void test_reindex_drops_old_keys(void **state)
{
    (void)state;
    char name[600];
    long_name(name, sizeof name);
    assert_true(strlen(name) >= 400);
    char *dir = ts_mkdtemp();

    index_doc(dir, decree(name));
    assert_true(linked(dir, name));
    /* re-indexed based on another law: the long name's key lets go */
    index_doc(dir, decree("Luật Hộ tịch"));
    assert_false(linked(dir, name));
    assert_true(linked(dir, "Luật Hộ tịch"));
    /* and back, then without any basis, then removed */
    index_doc(dir, decree(name));
    assert_true(linked(dir, name));
    assert_false(linked(dir, "Luật Hộ tịch"));
    index_doc(dir, decree(NULL));
    assert_false(linked(dir, name));
    index_doc(dir, decree(name));
    ls_indexer *ix = NULL;
    ls_error err = {0};
    unsigned removed = 0;
    assert_int_equal(ls_indexer_open(dir, NULL, &ix, &err), LS_OK);
    assert_int_equal(ls_indexer_remove(ix, ID, &removed, &err), LS_OK);
    assert_int_equal(ls_indexer_commit(ix, &err), LS_OK);
    ls_indexer_close(ix);
    assert_false(linked(dir, name));

    ts_rmtree(dir);
    free(dir);
}

/* The key of a stored line is the key of the reference it was written
 * from: a name with a tab (written as a space) or of 400 bytes or more. */
static void test_line_key_is_the_reference_key(void **state)
{
    (void)state;
    char name[600];
    long_name(name, sizeof name);
    const char *names[] = {name, "Luật Cư\ttrú", "Luật Hộ tịch"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        ls_cite r = {.relation = LS_REL_BASIS, .law_name = (char *)names[i]};
        ls_buf b = LS_BUF_INIT;
        assert_int_equal(ls_doc_links_encode(&b, &r), 0);
        char want[LS_DOC_LINKS_KEY_CAP], got[LS_DOC_LINKS_KEY_CAP];
        assert_true(ls_doc_links_key(NULL, names[i], want, sizeof want));
        assert_true(ls_doc_links_line_key(b.data, b.data + b.len, got, sizeof got));
        assert_string_equal(got, want);
        ls_buf_free(&b);
    }
    /* a number is the key, whatever the name */
    ls_cite r = {.relation = LS_REL_GUIDES, .doc_number = "68/2020/QH14", .law_name = name};
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_doc_links_encode(&b, &r), 0);
    char got[LS_DOC_LINKS_KEY_CAP];
    assert_true(ls_doc_links_line_key(b.data, b.data + b.len, got, sizeof got));
    assert_string_equal(got, "68/2020/QH14");
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_title_citation_linked),
        cmocka_unit_test(test_reindex_drops_old_keys),
        cmocka_unit_test(test_line_key_is_the_reference_key),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
