/* schema.h — how a passage is laid out in the Xapian database: term
 * prefixes, value slots and metadata keys. The indexer writes this layout,
 * the query side reads it; both include this one table (as Xapian's omega
 * documents its prefixes).
 *
 * One Xapian document per article (passage). Terms come from the shared
 * analyser (text/analyser.h), so a query meets exactly what was indexed.
 *
 * | prefix   | meaning                                              | positions |
 * |----------|------------------------------------------------------|-----------|
 * | (none)   | normalised term (NFC, folded case, new tone marks)   | see below |
 * | A        | accent-folded twin, only for terms that carry marks  | see below |
 * | B        | adjacent pair "thủ_tục" (text, heading)              | no (wdf)  |
 * | AB       | folded pair "thu_tuc", for every pair (marks or not: | no (wdf)  |
 * |          | a question without marks reads this list alone)      |           |
 * | SB, SAB  | heading/title pair, and its folded form (every pair) | no (wdf)  |
 * |          | (S, SA, its terms, up to format 2)                   |           |
 * | D, DA    | term of a phrase the passage defines ("X là ...")    | no        |
 * | DAB      | folded pair of a defined phrase (DB up to format 2)  | no        |
 * | XLEN     | the wdf of the kinds not stored (format 3), so each  | no (wdf)  |
 * |          | passage's length, which BM25 reads, stays the full   |           |
 * |          | analysis's (Xapian 1.4 sums wdf; it has no setter)   |           |
 * | Q        | unique passage id: Q<doc id>#<article>[#<pd label>]  | boolean   |
 * | XDOC     | parent document id (normalised number or law name)  | boolean   |
 * | XART     | XART<doc id>#<article> for citation look-up          | boolean   |
 * | XTYPE    | folded document type, "nghi dinh"                    | boolean   |
 * | XORG     | folded issuer, "chinh phu"                           | boolean   |
 * | XYEAR    | year issued, "2023"                                  | boolean   |
 * | XSTATUS  | in-force, repealed, partly-repealed, amended, not-yet,  | boolean |
 * |          | suspended, obsolete, unknown (ls_status_code)        |           |
 * | XKIND    | "procedure" on an administrative procedure's passage | boolean   |
 * |          | (articles carry none: indexes before it stay valid)  |           |
 * | XLEVEL   | folded level of a procedure, "cap xa", "cap tinh"    | boolean   |
 * | XFIELD   | folded field of work of a procedure, "ho tich"       | boolean   |
 *
 * Value slots are listed below; the document data is the passage's record:
 * a JSON head with its metadata, then its text, and a procedure's card
 * (corpus/procedure.h) after it (see format/passage_data.h).
 * Metadata key "doc:<doc id>" holds the document-level JSON record.
 * Keys "rel:<doc id>" and "relby:<doc id>" hold the amending / replacing /
 * repealing relations between documents (layout and status rule:
 * format/relations.h; written by indexer/relations.h).
 */
#ifndef LS_SCHEMA_H
#define LS_SCHEMA_H

#define LS_PREFIX_FOLDED       "A"
#define LS_PREFIX_PAIR         "B"
#define LS_PREFIX_PAIR_FOLDED  "AB"
#define LS_PREFIX_HEADING      "S"
#define LS_PREFIX_HEADING_FOLDED "SA"
#define LS_PREFIX_HEADING_PAIR "SB"
#define LS_PREFIX_HEADING_PAIR_FOLDED "SAB"
#define LS_PREFIX_DEFINED      "D"
#define LS_PREFIX_DEFINED_FOLDED "DA"
#define LS_PREFIX_DEFINED_PAIR "DB"
#define LS_PREFIX_DEFINED_PAIR_FOLDED "DAB"
#define LS_PREFIX_ID           "Q"
#define LS_PREFIX_DOC          "XDOC"
#define LS_PREFIX_ARTICLE      "XART"
#define LS_PREFIX_TYPE         "XTYPE"
#define LS_PREFIX_ISSUER       "XORG"
#define LS_PREFIX_YEAR         "XYEAR"
#define LS_PREFIX_STATUS       "XSTATUS"
#define LS_PREFIX_KIND         "XKIND"
#define LS_PREFIX_LEVEL        "XLEVEL"
#define LS_PREFIX_FIELD        "XFIELD"
#define LS_PREFIX_LENGTH       "XLEN"
#define LS_KIND_PROCEDURE_TERM LS_PREFIX_KIND "procedure"

/* The kinds of term a text field can index. */
enum {
    LS_INDEXED_TERM = 1, LS_INDEXED_FOLDED = 2, LS_INDEXED_PAIR = 4, LS_INDEXED_FOLDED_PAIR = 8,
    LS_INDEXED_ALL = 15
};

/* The four prefixes of a text field: term, folded twin, adjacent pair,
 * folded pair, and which of them the index holds (`indexed`, LS_INDEXED_*).
 * The indexer writes and the query side reads these tables: a kind not
 * indexed is not asked for (a pair not indexed is read in its folded
 * form, for questions with marks too). Indexes up to format 2 hold every
 * kind; what they hold beyond `indexed` is not read. */
typedef struct ls_field_prefixes {
    const char *term, *folded, *pair, *folded_pair;
    unsigned indexed;
} ls_field_prefixes;

extern const ls_field_prefixes ls_body_field;       /* "", A, B, AB: all */
extern const ls_field_prefixes ls_heading_field;    /* SB, SAB (not S, SA) */
extern const ls_field_prefixes ls_definition_field; /* D, DA, DAB (DB) */

#define LS_METADATA_DOC        "doc:"
#define LS_METADATA_FORMAT     "luat-search:format"
/* 2: passage records hold their text and card outside the JSON head
 * (passage_data.h); indexes of format 1 are still read.
 * 3: no S, SA (never read), DB terms (the query reads DAB); their wdf goes
 * to XLEN; indexes of formats 1 and 2 are still read, the same way.
 * 4: cover records (value slot LS_SLOT_COVER) of version 4, a token's folded
 * key only when it differs (cover_record.h); passage records without the
 * source note, which nothing showed (passage_data.h); formats 1 to 3 are
 * still read. */
#define LS_INDEX_FORMAT_VERSION "4"

enum {
    LS_SLOT_DOC_ID = 0,     /* parent document id: the collapse key */
    LS_SLOT_ARTICLE = 1,    /* article number as written ("5a") */
    LS_SLOT_ISSUED = 2,     /* YYYYMMDD */
    LS_SLOT_EFFECTIVE = 3,  /* YYYYMMDD */
    LS_SLOT_STATUS = 4,     /* status code as in XSTATUS */
    LS_SLOT_GONE = 5,       /* YYYYMMDD from which the document is no longer in
                               force (repealed, replaced by a text effective
                               then; 00000000 when published as such or the
                               date is unknown); absent while in force
                               (format/relations.h ls_gone_value): search
                               --in-force as of a date reads it */
    LS_SLOT_COVER = 6       /* the passage's tokens as keys, for the second
                               ranking stage and the snippet (cover_record.h) */
};

/* Positions are not stored: nothing reads them (no phrase queries: the
 * adjacent pairs carry phrase evidence, and snippets re-read the text), and
 * they were 30% of the index (pháp điển: 766 -> 543 MB, same rankings).
 * 1 stores them again (the termgen still counts them). */
#define LS_STORE_POSITIONS 0

/* Gap between the positions of successive fields (heading, text) so pairs
 * and phrases do not match across a field boundary. */
#define LS_FIELD_POSITION_GAP 100

#endif
