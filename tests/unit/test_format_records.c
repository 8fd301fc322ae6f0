/* test_format_records.c — the index format's records (format/): each
 * encoder's output decodes back to what was encoded (passage, document,
 * cover record), the document record's bytes keep their key order (the
 * index format is unchanged, so no re-index), a restated status keeps the
 * published one, and what is not a record is refused (also when handed
 * parsed: ls_doc_record_decode_object). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../common/ls_hash.h"
#include "../../format/cover_record.h"
#include "../../format/doc_record.h"
#include "../../format/passage_data.h"
#include "../../format/schema.h"
#include "../../corpus/procedure.h"
#include "../support/test_support.h"

static const char *TEXT = "1. Công dân có quyền tự do cư trú.\n2. Việc cư trú theo luật định.";

/* a document with two numbered articles and one without a number */
typedef struct sample {
    ls_document d;
    ls_article arts[3];
    ls_clause cl[2];
} sample;

static void make_doc(sample *x)
{
    memset(x, 0, sizeof *x);
    ls_document *d = &x->d;
    d->id = "68/2020/QH14";
    d->number = "68/2020/QH14";
    d->type = "Luật";
    d->title = "Luật Cư trú";
    d->issuer = "Quốc hội";
    d->issued = "2020-11-13";
    d->effective = "2021-07-01";
    d->status = "còn hiệu lực";
    x->cl[0] = (ls_clause){.number = "1", .start = 0, .end = 37};
    x->cl[1] = (ls_clause){.number = "2", .start = 38, .end = strlen(TEXT)};
    x->arts[0] = (ls_article){.number = "2", .heading = "Quyền tự do cư trú",
                              .text = (char *)TEXT, .text_len = strlen(TEXT),
                              .chapter = "Chương I", .clauses = x->cl, .nclauses = 2,
                              .pd_label = "Điều 2.1.LQ.2", .source_url = "https://example.org/68"};
    x->arts[1] = (ls_article){.heading = "(no number)"};
    x->arts[2] = (ls_article){.number = "5a"};
    d->articles = x->arts;
    d->narticles = 3;
}

static void test_passage_round_trip(void **state)
{
    (void)state;
    sample x;
    make_doc(&x);
    ls_document d = x.d;
    x.arts[0].source_note = "(Điều 2 Luật số 68/2020/QH14, có hiệu lực thi hành kể từ ngày "
                            "01/07/2021)";
    const ls_article *arts = x.arts;
    ls_buf b = LS_BUF_INIT;
    ls_error err = {0};
    assert_int_equal(ls_passage_encode(&d, &arts[0], &b, &err), LS_OK);
    /* the source note is not stored (index format 4): nothing shows it */
    assert_null(memmem(b.data, b.len, "source_note", strlen("source_note")));
    assert_null(memmem(b.data, b.len, "01/07/2021", strlen("01/07/2021")));
    ls_passage *p = NULL;
    assert_int_equal(ls_passage_decode(b.data, b.len, &p, &err), LS_OK);
    assert_null(p->source_note);
    assert_string_equal(p->doc_id, d.id);
    assert_string_equal(p->doc_number, d.number);
    assert_string_equal(p->doc_type, d.type);
    assert_string_equal(p->doc_title, d.title);
    assert_string_equal(p->issuer, d.issuer);
    assert_string_equal(p->issued, d.issued);
    assert_string_equal(p->effective, d.effective);
    assert_string_equal(p->status, d.status);
    assert_string_equal(p->article, "2");
    assert_string_equal(p->heading, arts[0].heading);
    assert_string_equal(p->chapter, "Chương I");
    assert_null(p->part);
    assert_null(p->section);
    assert_int_equal(p->text_len, strlen(TEXT));
    assert_memory_equal(p->text, TEXT, strlen(TEXT));
    assert_int_equal(p->nclauses, 2);
    assert_string_equal(p->clauses[1].number, "2");
    assert_int_equal(p->clauses[1].start, 38);
    assert_int_equal(p->clauses[1].end, strlen(TEXT));
    assert_string_equal(p->pd_label, arts[0].pd_label);
    assert_string_equal(p->source_url, arts[0].source_url);
    assert_null(p->pd_topic);
    assert_null(p->procedure);

    /* a restated status replaces the stored one, the rest kept */
    ls_buf r = LS_BUF_INIT;
    assert_int_equal(ls_passage_restate(b.data, b.len, "hết hiệu lực", &r, &err), LS_OK);
    ls_passage *q = NULL;
    assert_int_equal(ls_passage_decode(r.data, r.len, &q, &err), LS_OK);
    assert_string_equal(q->status, "hết hiệu lực");
    assert_memory_equal(q->text, TEXT, strlen(TEXT));
    assert_int_equal(q->nclauses, 2);
    ls_passage_free(q);
    assert_int_equal(ls_passage_restate(b.data, b.len, NULL, &r, &err), LS_OK);
    assert_int_equal(ls_passage_decode(r.data, r.len, &q, &err), LS_OK);
    assert_null(q->status);
    ls_passage_free(q);
    assert_int_equal(ls_passage_restate("[1]", 3, "x", &r, NULL), LS_ERR_FORMAT);
    ls_buf_free(&r);
    ls_passage_free(p);
    ls_buf_free(&b);
}

/* format 2: the head is JSON, the text and a card follow as they are; a
 * format 1 record (one JSON object) still decodes; a record cut short or
 * whose text runs past its end is refused; ls_passage_same sees a moved key */
static void test_passage_formats(void **state)
{
    (void)state;
    sample x;
    make_doc(&x);
    ls_procedure proc = {.code = "1.001193", .name = "Đăng ký khai sinh"};
    x.d.procedure = &proc;
    ls_buf b = LS_BUF_INIT;
    ls_error err = {0};
    assert_int_equal(ls_passage_encode(&x.d, &x.arts[0], &b, &err), LS_OK);
    const char *nl = memchr(b.data, '\n', b.len);
    assert_non_null(nl);
    assert_memory_equal(nl + 1, TEXT, strlen(TEXT));   /* the text as it is */
    assert_null(strstr(b.data, "\"text\""));
    ls_passage *p = NULL;
    assert_int_equal(ls_passage_decode(b.data, b.len, &p, &err), LS_OK);
    assert_int_equal(p->text_len, strlen(TEXT));
    assert_string_equal(p->text, TEXT);
    assert_int_equal(p->nclauses, 2);
    assert_non_null(p->procedure);
    json_t *card = json_loads(p->procedure, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(card, "procedure_code")), "1.001193");
    json_decref(card);
    ls_passage_free(p);

    /* restated: status dropped, then set again at the head's end; text and
     * card kept */
    ls_buf r = LS_BUF_INIT;
    assert_int_equal(ls_passage_restate(b.data, b.len, NULL, &r, &err), LS_OK);
    assert_false(ls_passage_same(b.data, b.len, r.data, r.len));
    ls_buf back = LS_BUF_INIT;
    assert_int_equal(ls_passage_restate(r.data, r.len, x.d.status, &back, &err), LS_OK);
    assert_true(back.len != b.len || memcmp(back.data, b.data, b.len) != 0); /* key moved */
    assert_true(ls_passage_same(b.data, b.len, back.data, back.len));
    assert_int_equal(ls_passage_decode(back.data, back.len, &p, &err), LS_OK);
    assert_string_equal(p->text, TEXT);
    assert_non_null(p->procedure);
    ls_passage_free(p);

    /* escapes in the head: quotes, backslash, tab, newline (the fast
     * reader), and a control byte jansson writes as \u0001 (jansson reads
     * that head): both give the fields back as encoded */
    static const char *const headings[] = {"Điều \"đặc biệt\" \\ a\tb\nc /x", "a\x01z"};
    for (size_t i = 0; i < 2; i++) {
        ls_article a = x.arts[0];
        a.heading = (char *)headings[i];
        ls_buf e = LS_BUF_INIT;
        assert_int_equal(ls_passage_encode(&x.d, &a, &e, &err), LS_OK);
        assert_int_equal(ls_passage_decode(e.data, e.len, &p, &err), LS_OK);
        assert_string_equal(p->heading, headings[i]);
        assert_string_equal(p->doc_title, x.d.title);
        assert_string_equal(p->text, TEXT);
        assert_int_equal(p->nclauses, 2);
        assert_int_equal(p->clauses[1].end, strlen(TEXT));
        ls_passage_free(p);
        ls_buf_free(&e);
    }
    /* a clause past the text is dropped, as format 1's reader does */
    static const char wide[] = "{\"article\":\"1\",\"text_bytes\":3,\"clauses\":[[\"1\",0,3],"
                               "[\"2\",2,9]]}\nabc";
    assert_int_equal(ls_passage_decode(wide, strlen(wide), &p, &err), LS_OK);
    assert_int_equal(p->nclauses, 1);
    assert_string_equal(p->text, "abc");
    ls_passage_free(p);
    /* not JSON at all: refused */
    assert_int_equal(ls_passage_decode("{\"article\":\n", 12, &p, NULL), LS_ERR_FORMAT);

    /* the text cut short: refused */
    assert_int_equal(ls_passage_decode(b.data, (size_t)(nl - b.data) + 5, &p, NULL), LS_ERR_FORMAT);
    assert_null(p);

    /* format 1, as indexes built before store it */
    static const char v1[] = "{\"doc_id\":\"68/2020/QH14\",\"article\":\"2\",\"text\":\"1. Công "
                             "dân\\ncó quyền.\",\"clauses\":[[\"1\",0,10]],"
                             "\"procedure\":{\"procedure_code\":\"1.2\"}}";
    assert_int_equal(ls_passage_decode(v1, strlen(v1), &p, &err), LS_OK);
    assert_string_equal(p->text, "1. Công dân\ncó quyền.");
    assert_int_equal(p->nclauses, 1);
    assert_string_equal(p->procedure, "{\"procedure_code\":\"1.2\"}");
    ls_passage_free(p);
    /* format 3's head held the source note: still read, the rest with it */
    static const char v3[] = "{\"doc_id\":\"68/2020/qh14\",\"article\":\"2\",\"text_bytes\":3,"
                             "\"clauses\":[],\"source_url\":\"http://x/68\",\"source_note\":"
                             "\"(Điều 2 Luật số 68/2020/QH14)\"}\nabc";
    assert_int_equal(ls_passage_decode(v3, strlen(v3), &p, &err), LS_OK);
    assert_string_equal(p->source_note, "(Điều 2 Luật số 68/2020/QH14)");
    assert_string_equal(p->source_url, "http://x/68");
    assert_string_equal(p->text, "abc");
    ls_passage_free(p);
    assert_false(ls_passage_same(v1, strlen(v1), b.data, b.len));
    assert_true(ls_passage_same(v1, strlen(v1), v1, strlen(v1)));
    ls_buf_free(&back);
    ls_buf_free(&r);
    ls_buf_free(&b);
}

static void test_doc_record_round_trip(void **state)
{
    (void)state;
    sample x;
    make_doc(&x);
    ls_document d = x.d;
    ls_buf b = LS_BUF_INIT;
    ls_error err = {0};
    assert_int_equal(ls_doc_record_encode(&d, 0, NULL, &b, &err), LS_OK);
    /* the stored bytes, key order included, are the index format's */
    assert_string_equal(b.data, "{\"id\":\"68/2020/QH14\",\"number\":\"68/2020/QH14\",\"type\":"
                                "\"Luật\",\"title\":\"Luật Cư trú\",\"issuer\":\"Quốc hội\","
                                "\"issued\":\"2020-11-13\",\"effective\":\"2021-07-01\","
                                "\"status\":\"còn hiệu lực\",\"articles\":[\"2\",\"5a\"]}");
    ls_doc_record r;
    assert_int_equal(ls_doc_record_decode(b.data, b.len, &r, &err), LS_OK);
    assert_string_equal(r.id, d.id);
    assert_string_equal(r.number, d.number);
    assert_string_equal(r.type, d.type);
    assert_string_equal(r.title, d.title);
    assert_string_equal(r.issuer, d.issuer);
    assert_string_equal(r.issued, d.issued);
    assert_string_equal(r.effective, d.effective);
    assert_string_equal(r.status, d.status);
    assert_false(r.restated);
    assert_null(r.source_status);
    assert_string_equal(ls_doc_record_published_status(&r), d.status);
    assert_int_equal(r.narticles, 2);
    assert_string_equal(r.articles[0], "2");
    assert_string_equal(r.articles[1], "5a");
    ls_doc_record_free(&r);
    assert_null(r.articles);
    ls_doc_record_free(NULL);

    char key[32];
    ls_doc_record_key("68/2020/qh14", key, sizeof key);
    assert_string_equal(key, LS_METADATA_DOC "68/2020/qh14");
    ls_buf_free(&b);
}

/* the relations restate a record: the published status is kept, and
 * taking the restatement back gives the record as first written */
static void test_doc_record_restated(void **state)
{
    (void)state;
    sample x;
    make_doc(&x);
    ls_document d = x.d;
    ls_buf first = LS_BUF_INIT, b = LS_BUF_INIT, back = LS_BUF_INIT;
    ls_error err = {0};
    assert_int_equal(ls_doc_record_encode(&d, 0, NULL, &first, &err), LS_OK);
    assert_int_equal(ls_doc_record_restate(first.data, first.len, "hết hiệu lực", 1,
                                           d.status, &b, &err), LS_OK);
    ls_doc_record r;
    assert_int_equal(ls_doc_record_decode(b.data, b.len, &r, &err), LS_OK);
    assert_string_equal(r.status, "hết hiệu lực");
    assert_true(r.restated);
    assert_string_equal(ls_doc_record_published_status(&r), "còn hiệu lực");
    assert_int_equal(r.narticles, 2);
    ls_doc_record_free(&r);
    assert_int_equal(ls_doc_record_restate(b.data, b.len, d.status, 0, NULL, &back, &err), LS_OK);
    assert_string_equal(back.data, first.data);

    /* the encoder writes the same record the indexer restates */
    ls_document shown = d;
    shown.status = "hết hiệu lực";
    ls_buf_reset(&back);
    assert_int_equal(ls_doc_record_encode(&shown, 1, d.status, &back, &err), LS_OK);
    assert_string_equal(back.data, b.data);

    /* a source that gave no status: source_status is JSON null, and the
     * published status is unknown, not the shown one */
    d.status = NULL;
    ls_buf_reset(&back);
    assert_int_equal(ls_doc_record_encode(&d, 1, NULL, &back, &err), LS_OK);
    assert_non_null(strstr(back.data, "\"source_status\":null"));
    assert_int_equal(ls_doc_record_restate(back.data, back.len, "hết hiệu lực", 1, NULL, &b,
                                           &err), LS_OK);
    assert_int_equal(ls_doc_record_decode(b.data, b.len, &r, &err), LS_OK);
    assert_true(r.restated);
    assert_string_equal(r.status, "hết hiệu lực");
    assert_null(ls_doc_record_published_status(&r));
    ls_doc_record_free(&r);
    ls_buf_free(&first);
    ls_buf_free(&b);
    ls_buf_free(&back);
}

static void test_doc_record_refused(void **state)
{
    (void)state;
    ls_doc_record r;
    ls_error err = {0};
    assert_int_equal(ls_doc_record_decode("not json", 8, &r, &err), LS_ERR_FORMAT);
    assert_null(r.id);
    assert_int_equal(r.narticles, 0);
    assert_int_equal(ls_doc_record_decode("[\"a\"]", 5, &r, NULL), LS_ERR_FORMAT);
    /* keys of the wrong type read as absent */
    const char *odd = "{\"id\":5,\"type\":\"Luật\",\"articles\":[\"1\",2,\"3\"],\"status\":null}";
    assert_int_equal(ls_doc_record_decode(odd, strlen(odd), &r, &err), LS_OK);
    assert_null(r.id);
    assert_string_equal(r.type, "Luật");
    assert_null(r.status);
    assert_int_equal(r.narticles, 2);
    assert_string_equal(r.articles[1], "3");
    ls_doc_record_free(&r);
    /* the same from a parsed record, which is left as it was */
    json_t *o = json_loads(odd, 0, NULL);
    assert_int_equal(ls_doc_record_decode_object(o, &r, &err), LS_OK);
    assert_string_equal(r.type, "Luật");
    assert_int_equal(r.narticles, 2);
    assert_string_equal(r.articles[0], "1");
    ls_doc_record_free(&r);
    char *again = json_dumps(o, JSON_COMPACT);
    assert_string_equal(again, "{\"id\":5,\"type\":\"Luật\",\"articles\":[\"1\",2,\"3\"],"
                               "\"status\":null}");
    free(again);
    json_decref(o);
    o = json_loads("[1]", 0, NULL);
    assert_int_equal(ls_doc_record_decode_object(o, &r, NULL), LS_ERR_FORMAT);
    json_decref(o);
    assert_int_equal(ls_doc_record_decode_object(NULL, &r, &err), LS_ERR_FORMAT);
    assert_int_equal(r.narticles, 0);
    ls_buf b = LS_BUF_INIT;
    assert_int_equal(ls_doc_record_restate("", 0, "x", 0, NULL, &b, NULL), LS_ERR_FORMAT);
    /* a field that is not UTF-8 is refused by the encoder */
    ls_document d = {.id = "x", .title = "bad \xff title"};
    assert_int_equal(ls_doc_record_encode(&d, 0, NULL, &b, &err), LS_ERR_UTF8);
    ls_buf_free(&b);
}

static void test_cover_round_trip(void **state)
{
    (void)state;
    const char *body = "cư trú và cư trú";
    ls_buf b = LS_BUF_INIT;
    ls_error err = {0};
    assert_int_equal(ls_cover_encode_texts("Cư trú", NULL, body, strlen(body), &b, &err), LS_OK);
    ls_cover c;
    assert_int_equal(ls_cover_decode(b.data, b.len, &c, &err), LS_OK);
    assert_int_equal(c.nwords, 3);   /* cư, trú, và */
    assert_int_equal(c.ntokens[LS_COVER_HEADING], 2);
    assert_int_equal(c.ntokens[LS_COVER_TITLE], 0);
    assert_int_equal(c.ntokens[LS_COVER_BODY], 5);
    const uint32_t *t = c.tokens[LS_COVER_BODY];
    assert_int_equal(t[0], t[3]);    /* the same word, the same key */
    assert_int_equal(t[1], t[4]);
    assert_int_equal(c.tokens[LS_COVER_HEADING][0], t[0]);   /* case folded */
    assert_int_equal(c.keys[2 * (t[1] - 1)], ls_hash32("trú", strlen("trú")));
    assert_int_equal(c.keys[2 * (t[1] - 1) + 1], ls_hash32("tru", 3));
    for (size_t i = 0; i < 5; i++) {     /* each span is its word in the body */
        static const char *const words[] = {"cư", "trú", "và", "cư", "trú"};
        assert_int_equal(c.spans[2 * i + 1] - c.spans[2 * i], strlen(words[i]));
        assert_memory_equal(body + c.spans[2 * i], words[i], strlen(words[i]));
    }
    /* without the spans: the same tokens, no spans */
    ls_cover k;
    assert_int_equal(ls_cover_decode_tokens(b.data, b.len, &k, &err), LS_OK);
    assert_int_equal(k.nwords, c.nwords);
    assert_memory_equal(k.keys, c.keys, 2 * c.nwords * sizeof *c.keys);
    for (int f = 0; f < LS_COVER_NFIELDS; f++) {
        assert_int_equal(k.ntokens[f], c.ntokens[f]);
        if (c.ntokens[f])
            assert_memory_equal(k.tokens[f], c.tokens[f], c.ntokens[f] * sizeof *c.tokens[f]);
    }
    assert_null(k.spans);
    ls_cover_free(&k);
    ls_cover_free(&c);
    /* cut short: refused, nothing left to free */
    assert_int_equal(ls_cover_decode(b.data, b.len - 1, &c, NULL), LS_ERR_FORMAT);
    assert_int_equal(ls_cover_decode_tokens(b.data, 12, &k, NULL), LS_ERR_FORMAT);
    ls_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_passage_round_trip),
        cmocka_unit_test(test_passage_formats),
        cmocka_unit_test(test_doc_record_round_trip),
        cmocka_unit_test(test_doc_record_restated),
        cmocka_unit_test(test_doc_record_refused),
        cmocka_unit_test(test_cover_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, ts_shutdown_analyser);
}
