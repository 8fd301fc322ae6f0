/* xc.cc — the C API over libxapian 1.4 declared in xc.h: opaque handles
 * around Xapian objects; every entry point catches every exception and
 * turns it into an xc_rc plus a message. Nothing here throws, and the error
 * path itself never allocates (so a bad_alloc cannot escape while reporting
 * another error). */
#include "xc.h"

#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <pthread.h>
#include <sys/stat.h>
#include <time.h>

struct xc_db {
    Xapian::Database db;    /* every shard: what searches see */
    Xapian::Database first; /* the first shard alone (shares its internals
                             * with db, so reopen moves both): revision */
    std::vector<Xapian::Database> parts; /* a stub's local parts, likewise */
    /* term -> termfreq read since the last reopen (xc_db_termfreq): a
     * search asks one term's frequency several times (query build, second
     * stage, confidence), the index is read once */
    std::unordered_map<std::string, unsigned> termfreqs;
    explicit xc_db(const Xapian::Database &d) : db(d), first(d) {}
};

/* The most term frequencies an xc_db keeps between reopens (a reader that
 * never reopens starts afresh past it). */
const size_t TERMFREQS_MAX = 16384;
struct xc_wdb {
    Xapian::WritableDatabase db;
    explicit xc_wdb(const Xapian::WritableDatabase &d) : db(d) {}
};
struct xc_doc {
    Xapian::Document doc;
    /* caches behind the borrowed pointers of xc_doc_get_data/get_value:
     * std::map nodes never move, so each slot's pointer stays put */
    std::string data;
    bool data_cached;
    std::map<unsigned, std::string> values;
    xc_doc() : data_cached(false) {}
    explicit xc_doc(const Xapian::Document &d) : doc(d), data_cached(false) {}
};
struct xc_query {
    Xapian::Query q;
    explicit xc_query(const Xapian::Query &query) : q(query) {}
};
struct xc_enquire {
    Xapian::Enquire enq;
    Xapian::Database db;
    std::vector<Xapian::Database> parts; /* xc_db's: a stub's local parts */
    double deadline_ms;     /* xc_enquire_set_deadline; 0 none */
    unsigned cut_keep;      /* how many a cut match keeps; 0 all asked for */
    Xapian::valueno key_slot; /* its slot that places a document in a part */
    bool collapsing;
    explicit xc_enquire(const xc_db &d)
        : enq(d.db), db(d.db), parts(d.parts), deadline_ms(0), cut_keep(0), key_slot(0),
          collapsing(false)
    {
    }
};
/* An MSet, or the best of what a match cut at its deadline had seen
 * (xc_enquire_set_deadline): then `cut` holds (weight, docid) best first
 * and `ms` is empty. */
struct xc_mset {
    Xapian::MSet ms;
    bool is_cut;
    std::vector<std::pair<double, Xapian::docid>> cut;
    unsigned seen;
    Xapian::Database db;
    explicit xc_mset(const Xapian::MSet &m) : ms(m), is_cut(false), seen(0) {}
    size_t size() const { return is_cut ? cut.size() : ms.size(); }
};

namespace {

/* Cut a truncated message back to the last whole UTF-8 sequence, so it can
 * go into JSON as it is. */
void trim_partial_utf8(char *s, size_t n)
{
    size_t i = n;
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80 && n - i < 3) i--;
    if (i == 0) return;
    unsigned char lead = static_cast<unsigned char>(s[i - 1]);
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (i - 1) < need) s[i - 1] = '\0';
}

/* Fill err (may be NULL) with rc and a printf-formatted message; never
 * allocates, never throws. */
void set_err(xc_err *err, xc_rc rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void set_err(xc_err *err, xc_rc rc, const char *fmt, ...)
{
    if (!err) return;
    err->rc = rc;
    va_list ap;
    va_start(ap, fmt);
    int n = std::vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    if (n < 0) err->msg[0] = '\0';
    else if (static_cast<size_t>(n) >= sizeof err->msg)
        trim_partial_utf8(err->msg, sizeof err->msg - 1);
}

void ok(xc_err *err)
{
    if (!err) return;
    err->rc = XC_OK;
    err->msg[0] = '\0';
}

xc_rc rc_of(const char *type)
{
    static const struct {
        const char *type;
        xc_rc rc;
    } map[] = {
        {"DatabaseNotFoundError", XC_ERR_NOTFOUND}, {"DocNotFoundError", XC_ERR_NOTFOUND},
        {"DatabaseLockError", XC_ERR_LOCKED},       {"DatabaseModifiedError", XC_ERR_MODIFIED},
        {"DatabaseCorruptError", XC_ERR_CORRUPT},   {"DatabaseOpeningError", XC_ERR_OPENING},
        {"DatabaseVersionError", XC_ERR_OPENING},   {"InvalidArgumentError", XC_ERR_ARG},
        {"InvalidOperationError", XC_ERR_ARG},      {"UnimplementedError", XC_ERR_ARG},
        {"NetworkError", XC_ERR_NETWORK},           {"NetworkTimeoutError", XC_ERR_NETWORK},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (std::strcmp(type, map[i].type) == 0) return map[i].rc;
    return XC_ERR_OTHER;
}

/* "<type>: <msg>[ (<errno text>)][ [<context>]]" */
xc_rc from_xapian(const Xapian::Error &e, xc_err *err)
{
    const char *type = e.get_type();
    const xc_rc rc = rc_of(type);
    const char *why = e.get_error_string();
    const std::string &ctx = e.get_context();
    set_err(err, rc, "%s: %s%s%s%s%s%s", type, e.get_msg().c_str(), why ? " (" : "",
            why ? why : "", why ? ")" : "", ctx.empty() ? "" : " @ ", ctx.c_str());
    return rc;
}

/* Run f, mapping any exception to an rc. */
template <typename F> xc_rc guard(xc_err *err, F f)
{
    try {
        f();
        ok(err);
        return XC_OK;
    } catch (const Xapian::Error &e) {
        return from_xapian(e, err);
    } catch (const std::bad_alloc &) {
        set_err(err, XC_ERR_NOMEM, "bad_alloc: out of memory");
        return XC_ERR_NOMEM;
    } catch (const std::exception &e) {
        set_err(err, XC_ERR_OTHER, "std::exception: %s", e.what());
        return XC_ERR_OTHER;
    } catch (...) {
        set_err(err, XC_ERR_OTHER, "exception: unknown exception");
        return XC_ERR_OTHER;
    }
}

/* guard() for the query constructors, which answer a node or NULL. */
template <typename F> xc_query *make_query(xc_err *err, F f)
{
    xc_query *q = NULL;
    guard(err, [&] { q = new xc_query(f()); });
    return q;
}

xc_rc bad_arg(xc_err *err, const char *what)
{
    set_err(err, XC_ERR_ARG, "InvalidArgumentError: %s", what);
    return XC_ERR_ARG;
}

char *dup_string(const std::string &s)
{
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    return p;
}

/* Open a database at path; a path that is not there is XC_ERR_NOTFOUND
 * whatever the Xapian version calls it (1.4.22 says DatabaseNotFoundError,
 * older releases DatabaseOpeningError). */
xc_rc open_reader(const char *path, Xapian::Database *out, xc_err *err)
{
    xc_rc rc = guard(err, [&] { *out = Xapian::Database(path); });
    struct stat st;
    if (rc == XC_ERR_OPENING && stat(path, &st) != 0 && errno == ENOENT && err)
        err->rc = rc = XC_ERR_NOTFOUND;
    return rc;
}

/* A stub directory (path/XAPIANDB) of local "auto"/"glass" parts opened
 * part by part, so each part's revision can be read (Database refuses
 * get_revision() for several). *db is rebuilt from the parts. Other stubs
 * leave *parts empty. */
xc_rc open_stub_parts(const char *path, Xapian::Database *db,
                      std::vector<Xapian::Database> *parts, xc_err *err)
{
    return guard(err, [&] {
        const std::string dir(path);
        std::ifstream stub(dir + "/XAPIANDB");
        std::string line;
        std::vector<Xapian::Database> found;
        while (std::getline(stub, line)) {
            if (line.empty() || line[0] == '#') continue;
            std::string::size_type sp = line.find(' ');
            const std::string type = line.substr(0, sp);
            if (sp == std::string::npos || (type != "auto" && type != "glass")) return;
            std::string p = line.substr(sp + 1);
            if (p.empty()) return;
            found.push_back(Xapian::Database(p[0] == '/' ? p : dir + "/" + p));
        }
        if (found.size() != db->size()) return;
        Xapian::Database all;
        for (const Xapian::Database &part : found) all.add_database(part);
        *db = all;
        *parts = found;
    });
}

/* The first document indexed by term, through a reader or the writer. */
xc_rc first_posting(const Xapian::Database &db, const char *term, unsigned *docid, xc_err *err)
{
    bool found = false;
    xc_rc rc = guard(err, [&] {
        Xapian::PostingIterator it = db.postlist_begin(term);
        if (it != db.postlist_end(term)) {
            *docid = *it;
            found = true;
        }
    });
    if (rc) return rc;
    if (!found) {
        set_err(err, XC_ERR_NOTFOUND, "DocNotFoundError: no document indexed by '%s'", term);
        return XC_ERR_NOTFOUND;
    }
    return XC_OK;
}

xc_rc get_metadata(const Xapian::Database &db, const char *key, char **out, size_t *len,
                   xc_err *err)
{
    *out = NULL;
    return guard(err, [&] {
        const std::string v = db.get_metadata(key);
        *out = dup_string(v);
        if (len) *len = v.size();
    });
}

xc_rc get_document(const Xapian::Database &db, unsigned docid, xc_doc **out, xc_err *err)
{
    *out = NULL;
    return guard(err, [&] { *out = new xc_doc(db.get_document(docid)); });
}

/* Delete h, swallowing anything a destructor might throw. */
template <typename T> void destroy(T *h)
{
    try {
        delete h;
    } catch (...) {
    }
}

/* Thrown by DeadlineSpy to end a match (never escapes xc_enquire_get_mset). */
struct MatchCut {};

double monotonic_ms()
{
    timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

typedef std::pair<double, Xapian::docid> scored;

/* a ranks before b as in an MSet: weight descending, then docid ascending */
bool ranks_before(const scored &a, const scored &b)
{
    return a.first > b.first || (a.first == b.first && a.second < b.second);
}

/* The deadline of a match (xc_enquire_set_deadline). Enquire::
 * set_time_limit cannot end a match: in 1.4 it only turns check_at_least
 * off (matcher/multimatch.cc, "There's not currently a way to force the
 * match to end"). This spy sees every candidate the matcher weighs, keeps
 * the best `keep`, and throws MatchCut once the monotonic clock passes the
 * deadline.
 *
 * Over several databases the Document a spy gets carries the docid in its
 * own part (the matcher's ValueStreamDocument), not the merged one. The
 * matcher walks the parts one after another (MergePostList), so the spy
 * places a candidate it keeps in the part it placed the last one in, or
 * the next that holds that docid with the same value in `key` (a value a
 * document shares only with documents of its own part); merged docid =
 * (docid - 1) * parts + part + 1. A candidate no part claims turns the spy
 * off: the match then runs to its end, as without a deadline. */
class DeadlineSpy : public Xapian::MatchSpy {
    double deadline_;
    size_t keep_;
    unsigned seen_;
    const std::vector<Xapian::Database> &parts_; /* <= 1: docids are merged ones */
    Xapian::valueno key_;
    size_t at_;   /* the part of the last candidate placed */
    bool lost_;   /* a candidate no part claimed: no cut */
    std::vector<scored> heap_; /* the worst kept on top */

    /* the merged docid of doc, 0 when no part claims it */
    Xapian::docid merged(const Xapian::Document &doc)
    {
        const Xapian::docid did = doc.get_docid();
        const size_t n = parts_.size();
        if (n <= 1) return did;
        const std::string key = doc.get_value(key_);
        for (size_t i = 0; i < n; i++) {
            const size_t k = (at_ + i) % n;
            const Xapian::Database &part = parts_[k];
            if (did > part.get_lastdocid() ||
                part.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(key_) != key)
                continue;
            at_ = k;
            return (did - 1) * static_cast<Xapian::docid>(n) + static_cast<Xapian::docid>(k) + 1;
        }
        return 0;
    }

  public:
    DeadlineSpy(double deadline, size_t keep, const std::vector<Xapian::Database> &parts,
                Xapian::valueno key)
        : deadline_(deadline), keep_(keep), seen_(0), parts_(parts), key_(key), at_(0),
          lost_(false)
    {
    }
    void operator()(const Xapian::Document &doc, double wt) override
    {
        if (lost_) return;
        seen_++;
        /* the docid matters only to a candidate that may be kept */
        const bool full = heap_.size() >= keep_;
        if (keep_ && !(full && wt < heap_.front().first)) {
            scored item(wt, merged(doc));
            if (!item.second) {
                lost_ = true;
                return;
            }
            if (!full) {
                heap_.push_back(item);
                std::push_heap(heap_.begin(), heap_.end(), ranks_before);
            } else if (ranks_before(item, heap_.front())) {
                std::pop_heap(heap_.begin(), heap_.end(), ranks_before);
                heap_.back() = item;
                std::push_heap(heap_.begin(), heap_.end(), ranks_before);
            }
        }
        if (monotonic_ms() >= deadline_) throw MatchCut();
    }
    unsigned seen() const { return seen_; }
    void best_first(std::vector<scored> *out) const
    {
        *out = heap_;
        std::sort(out->begin(), out->end(), ranks_before);
    }
};

} // namespace

extern "C" {

/* ---- read-only databases ---- */

xc_rc xc_db_open(const char *path, xc_db **out, xc_err *err)
{
    if (!path || !out) return bad_arg(err, "xc_db_open: NULL argument");
    *out = NULL;
    Xapian::Database db;
    xc_rc rc = open_reader(path, &db, err);
    if (rc) return rc;
    std::vector<Xapian::Database> parts;
    if (db.size() > 1 && (rc = open_stub_parts(path, &db, &parts, err))) return rc;
    return guard(err, [&] {
        *out = new xc_db(db);
        (*out)->parts = parts;
    });
}

xc_rc xc_db_add_shard(xc_db *db, const char *path, xc_err *err)
{
    if (!db || !path) return bad_arg(err, "xc_db_add_shard: NULL argument");
    Xapian::Database shard;
    xc_rc rc = open_reader(path, &shard, err);
    if (rc) return rc;
    return guard(err, [&] {
        db->db.add_database(shard);
        db->termfreqs.clear();
    });
}

xc_rc xc_db_add_remote(xc_db *db, const char *host, unsigned port, unsigned timeout_ms,
                       xc_err *err)
{
    if (!db || !host) return bad_arg(err, "xc_db_add_remote: NULL argument");
    return guard(err, [&] {
        db->db.add_database(Xapian::Remote::open(host, port, timeout_ms, timeout_ms));
        db->termfreqs.clear();
    });
}

xc_rc xc_db_reopen(xc_db *db, int *changed, xc_err *err)
{
    if (!db) return bad_arg(err, "xc_db_reopen: NULL database");
    return guard(err, [&] {
        db->termfreqs.clear(); /* read afresh: the next search's */
        const bool moved = db->db.reopen();
        if (changed) *changed = moved ? 1 : 0;
    });
}

void xc_db_close(xc_db *db) { destroy(db); }

xc_rc xc_db_doccount(xc_db *db, unsigned *out, xc_err *err)
{
    if (!db || !out) return bad_arg(err, "xc_db_doccount: NULL argument");
    return guard(err, [&] { *out = db->db.get_doccount(); });
}

xc_rc xc_db_termfreq(xc_db *db, const char *term, unsigned *out, xc_err *err)
{
    if (!db || !term || !out) return bad_arg(err, "xc_db_termfreq: NULL argument");
    return guard(err, [&] {
        std::string key(term);
        std::unordered_map<std::string, unsigned>::const_iterator it = db->termfreqs.find(key);
        if (it != db->termfreqs.end()) {
            *out = it->second;
            return;
        }
        *out = db->db.get_termfreq(key);
        if (db->termfreqs.size() >= TERMFREQS_MAX) db->termfreqs.clear();
        db->termfreqs.emplace(std::move(key), *out);
    });
}

xc_rc xc_db_termfreq_once(xc_db *db, const char *term, unsigned *out, xc_err *err)
{
    if (!db || !term || !out) return bad_arg(err, "xc_db_termfreq_once: NULL argument");
    return guard(err, [&] { *out = db->db.get_termfreq(term); });
}

xc_rc xc_db_avlength(xc_db *db, double *out, xc_err *err)
{
    if (!db || !out) return bad_arg(err, "xc_db_avlength: NULL argument");
    return guard(err, [&] { *out = db->db.get_avlength(); });
}

xc_rc xc_db_revision(xc_db *db, unsigned long *out, xc_err *err)
{
    if (!db || !out) return bad_arg(err, "xc_db_revision: NULL argument");
    /* Database::get_revision() refuses a database of several shards: sum
     * those of each local part of a stub (a shard set), which moves with a
     * commit to any; remote parts have none */
    return guard(err, [&] {
        unsigned long sum = 0;
        for (const Xapian::Database &part : db->parts) sum += part.get_revision();
        *out = db->parts.empty() ? db->first.get_revision() : sum;
    });
}

xc_rc xc_db_find_by_term(xc_db *db, const char *term, unsigned *docid, xc_err *err)
{
    if (!db || !term || !docid) return bad_arg(err, "xc_db_find_by_term: NULL argument");
    return first_posting(db->db, term, docid, err);
}

xc_rc xc_db_get_document(xc_db *db, unsigned docid, xc_doc **out, xc_err *err)
{
    if (!db || !out) return bad_arg(err, "xc_db_get_document: NULL argument");
    return get_document(db->db, docid, out, err);
}

xc_rc xc_db_get_metadata(xc_db *db, const char *key, char **out, size_t *len, xc_err *err)
{
    if (!db || !key || !out) return bad_arg(err, "xc_db_get_metadata: NULL argument");
    return get_metadata(db->db, key, out, len, err);
}

xc_rc xc_db_synonyms(xc_db *db, const char *term, int (*cb)(void *, const char *), void *ctx,
                     xc_err *err)
{
    if (!db || !term || !cb) return bad_arg(err, "xc_db_synonyms: NULL argument");
    return guard(err, [&] {
        const std::string t(term);
        for (Xapian::TermIterator it = db->db.synonyms_begin(t); it != db->db.synonyms_end(t);
             ++it)
            if (cb(ctx, (*it).c_str())) break;
    });
}

xc_rc xc_db_allterms(xc_db *db, const char *prefix,
                     int (*cb)(void *, const char *, unsigned), void *ctx, xc_err *err)
{
    if (!db || !cb) return bad_arg(err, "xc_db_allterms: NULL argument");
    return guard(err, [&] {
        const std::string pfx(prefix ? prefix : "");
        for (Xapian::TermIterator it = db->db.allterms_begin(pfx); it != db->db.allterms_end(pfx);
             ++it)
            if (cb(ctx, (*it).c_str(), it.get_termfreq())) break;
    });
}

/* ---- writable databases ---- */

xc_rc xc_wdb_open(const char *path, int mode, xc_wdb **out, xc_err *err)
{
    if (!path || !out) return bad_arg(err, "xc_wdb_open: NULL argument");
    *out = NULL;
    int action;
    switch (mode) {
    case XC_WDB_CREATE_OR_OPEN: action = Xapian::DB_CREATE_OR_OPEN; break;
    case XC_WDB_CREATE_OR_OVERWRITE: action = Xapian::DB_CREATE_OR_OVERWRITE; break;
    case XC_WDB_OPEN: action = Xapian::DB_OPEN; break;
    default: return bad_arg(err, "xc_wdb_open: unknown mode");
    }
    return guard(err, [&] { *out = new xc_wdb(Xapian::WritableDatabase(path, action)); });
}

#define XC_FLUSH_ENV "XAPIAN_FLUSH_THRESHOLD"

xc_rc xc_wdb_open_flushing(const char *path, int mode, unsigned flush_docs, xc_wdb **out,
                           xc_err *err)
{
    static pthread_mutex_t env_lock = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&env_lock);
    const char *user = getenv(XC_FLUSH_ENV);
    bool set = flush_docs && !(user && *user);
    if (set) {
        char v[24];
        snprintf(v, sizeof v, "%u", flush_docs);
        set = setenv(XC_FLUSH_ENV, v, 1) == 0;
    }
    xc_rc rc = xc_wdb_open(path, mode, out, err);
    if (set) unsetenv(XC_FLUSH_ENV);
    pthread_mutex_unlock(&env_lock);
    return rc;
}

void xc_wdb_close(xc_wdb *wdb)
{
    if (!wdb) return;
    try {
        wdb->db.close(); /* cancels an open transaction, else commits */
    } catch (...) {
    }
    destroy(wdb);
}

xc_rc xc_wdb_begin_transaction(xc_wdb *wdb, xc_err *err)
{
    if (!wdb) return bad_arg(err, "xc_wdb_begin_transaction: NULL database");
    return guard(err, [&] { wdb->db.begin_transaction(true); });
}

xc_rc xc_wdb_commit_transaction(xc_wdb *wdb, xc_err *err)
{
    if (!wdb) return bad_arg(err, "xc_wdb_commit_transaction: NULL database");
    return guard(err, [&] { wdb->db.commit_transaction(); });
}

xc_rc xc_wdb_cancel_transaction(xc_wdb *wdb, xc_err *err)
{
    if (!wdb) return bad_arg(err, "xc_wdb_cancel_transaction: NULL database");
    return guard(err, [&] { wdb->db.cancel_transaction(); });
}

xc_rc xc_wdb_commit(xc_wdb *wdb, xc_err *err)
{
    if (!wdb) return bad_arg(err, "xc_wdb_commit: NULL database");
    return guard(err, [&] { wdb->db.commit(); });
}

xc_rc xc_wdb_replace_by_term(xc_wdb *wdb, const char *unique_term, const xc_doc *doc,
                             unsigned *docid, xc_err *err)
{
    if (!wdb || !unique_term || !doc) return bad_arg(err, "xc_wdb_replace_by_term: NULL argument");
    if (!*unique_term) return bad_arg(err, "xc_wdb_replace_by_term: empty unique term");
    return guard(err, [&] {
        const Xapian::docid id = wdb->db.replace_document(unique_term, doc->doc);
        if (docid) *docid = id;
    });
}

xc_rc xc_wdb_add_document(xc_wdb *wdb, const xc_doc *doc, unsigned *docid, xc_err *err)
{
    if (!wdb || !doc) return bad_arg(err, "xc_wdb_add_document: NULL argument");
    return guard(err, [&] {
        const Xapian::docid id = wdb->db.add_document(doc->doc);
        if (docid) *docid = id;
    });
}

xc_rc xc_wdb_replace_document(xc_wdb *wdb, unsigned docid, const xc_doc *doc, xc_err *err)
{
    if (!wdb || !doc || !docid) return bad_arg(err, "xc_wdb_replace_document: NULL argument or docid 0");
    return guard(err, [&] { wdb->db.replace_document(docid, doc->doc); });
}

xc_rc xc_wdb_delete_by_term(xc_wdb *wdb, const char *term, xc_err *err)
{
    if (!wdb || !term) return bad_arg(err, "xc_wdb_delete_by_term: NULL argument");
    return guard(err, [&] { wdb->db.delete_document(term); });
}

xc_rc xc_wdb_add_synonym(xc_wdb *wdb, const char *term, const char *synonym, xc_err *err)
{
    if (!wdb || !term || !synonym) return bad_arg(err, "xc_wdb_add_synonym: NULL argument");
    return guard(err, [&] { wdb->db.add_synonym(term, synonym); });
}

xc_rc xc_wdb_remove_synonym(xc_wdb *wdb, const char *term, const char *synonym, xc_err *err)
{
    if (!wdb || !term || !synonym) return bad_arg(err, "xc_wdb_remove_synonym: NULL argument");
    return guard(err, [&] { wdb->db.remove_synonym(term, synonym); });
}

xc_rc xc_wdb_clear_synonyms(xc_wdb *wdb, const char *term, xc_err *err)
{
    if (!wdb || !term) return bad_arg(err, "xc_wdb_clear_synonyms: NULL argument");
    return guard(err, [&] { wdb->db.clear_synonyms(term); });
}

xc_rc xc_wdb_set_metadata(xc_wdb *wdb, const char *key, const char *value, size_t len,
                          xc_err *err)
{
    if (!wdb || !key || (!value && len)) return bad_arg(err, "xc_wdb_set_metadata: NULL argument");
    return guard(err, [&] { wdb->db.set_metadata(key, std::string(value ? value : "", len)); });
}

xc_rc xc_wdb_get_metadata(xc_wdb *wdb, const char *key, char **out, size_t *len, xc_err *err)
{
    if (!wdb || !key || !out) return bad_arg(err, "xc_wdb_get_metadata: NULL argument");
    return get_metadata(wdb->db, key, out, len, err);
}

xc_rc xc_wdb_doccount(xc_wdb *wdb, unsigned *out, xc_err *err)
{
    if (!wdb || !out) return bad_arg(err, "xc_wdb_doccount: NULL argument");
    return guard(err, [&] { *out = wdb->db.get_doccount(); });
}

xc_rc xc_wdb_termfreq(xc_wdb *wdb, const char *term, unsigned *out, xc_err *err)
{
    if (!wdb || !term || !out) return bad_arg(err, "xc_wdb_termfreq: NULL argument");
    return guard(err, [&] { *out = wdb->db.get_termfreq(term); });
}

xc_rc xc_wdb_find_by_term(xc_wdb *wdb, const char *term, unsigned *docid, xc_err *err)
{
    if (!wdb || !term || !docid) return bad_arg(err, "xc_wdb_find_by_term: NULL argument");
    return first_posting(wdb->db, term, docid, err);
}

xc_rc xc_wdb_get_document(xc_wdb *wdb, unsigned docid, xc_doc **out, xc_err *err)
{
    if (!wdb || !out) return bad_arg(err, "xc_wdb_get_document: NULL argument");
    return get_document(wdb->db, docid, out, err);
}

xc_rc xc_wdb_postlist(xc_wdb *wdb, const char *term, unsigned **docids, size_t *n, xc_err *err)
{
    if (!wdb || !term || !docids || !n) return bad_arg(err, "xc_wdb_postlist: NULL argument");
    *docids = NULL;
    *n = 0;
    std::vector<unsigned> ids;
    xc_rc rc = guard(err, [&] {
        for (Xapian::PostingIterator it = wdb->db.postlist_begin(term);
             it != wdb->db.postlist_end(term); ++it)
            ids.push_back(*it);
    });
    if (rc || ids.empty()) return rc;
    *docids = static_cast<unsigned *>(malloc(ids.size() * sizeof(unsigned)));
    if (!*docids) {
        set_err(err, XC_ERR_NOMEM, "std::bad_alloc: postlist of %zu documents", ids.size());
        return XC_ERR_NOMEM;
    }
    memcpy(*docids, ids.data(), ids.size() * sizeof(unsigned));
    *n = ids.size();
    return XC_OK;
}

xc_rc xc_compact(const char *src, const char *dst, xc_err *err)
{
    if (!src || !dst) return bad_arg(err, "xc_compact: NULL argument");
    Xapian::Database db;
    xc_rc rc = open_reader(src, &db, err);
    if (rc) return rc;
    /* keep document ids: anything holding one stays right after a swap;
     * the shards of a set overlap in ids, so merging them renumbers */
    return guard(err, [&] {
        db.compact(dst, db.size() > 1 ? 0 : Xapian::DBCOMPACT_NO_RENUMBER);
    });
}

/* ---- documents ---- */

xc_rc xc_doc_new(xc_doc **out, xc_err *err)
{
    if (!out) return bad_arg(err, "xc_doc_new: NULL argument");
    *out = NULL;
    return guard(err, [&] { *out = new xc_doc; });
}

void xc_doc_free(xc_doc *doc) { destroy(doc); }

xc_rc xc_doc_add_posting(xc_doc *doc, const char *term, unsigned pos, unsigned wdfinc,
                         xc_err *err)
{
    if (!doc || !term) return bad_arg(err, "xc_doc_add_posting: NULL argument");
    return guard(err, [&] { doc->doc.add_posting(term, pos, wdfinc); });
}

xc_rc xc_doc_add_term(xc_doc *doc, const char *term, unsigned wdfinc, xc_err *err)
{
    if (!doc || !term) return bad_arg(err, "xc_doc_add_term: NULL argument");
    return guard(err, [&] {
        if (wdfinc) doc->doc.add_term(term, wdfinc);
        else doc->doc.add_boolean_term(term);
    });
}

xc_rc xc_doc_remove_term(xc_doc *doc, const char *term, xc_err *err)
{
    if (!doc || !term) return bad_arg(err, "xc_doc_remove_term: NULL argument");
    return guard(err, [&] { doc->doc.remove_term(term); });
}

xc_rc xc_doc_set_data(xc_doc *doc, const char *data, size_t len, xc_err *err)
{
    if (!doc || (!data && len)) return bad_arg(err, "xc_doc_set_data: NULL argument");
    return guard(err, [&] {
        doc->doc.set_data(std::string(data ? data : "", len));
        doc->data_cached = false;
    });
}

xc_rc xc_doc_get_data(xc_doc *doc, const char **data, size_t *len, xc_err *err)
{
    if (!doc || !data || !len) return bad_arg(err, "xc_doc_get_data: NULL argument");
    return guard(err, [&] {
        if (!doc->data_cached) {
            doc->data = doc->doc.get_data(); /* moved in: one copy, from the table */
            doc->data_cached = true;
        }
        *data = doc->data.c_str();
        *len = doc->data.size();
    });
}

xc_rc xc_doc_set_value(xc_doc *doc, unsigned slot, const char *val, size_t len, xc_err *err)
{
    if (!doc || (!val && len)) return bad_arg(err, "xc_doc_set_value: NULL argument");
    return guard(err, [&] {
        doc->doc.add_value(slot, std::string(val ? val : "", len));
        doc->values.erase(slot);
    });
}

xc_rc xc_doc_get_value(xc_doc *doc, unsigned slot, const char **val, size_t *len, xc_err *err)
{
    if (!doc || !val || !len) return bad_arg(err, "xc_doc_get_value: NULL argument");
    return guard(err, [&] {
        std::map<unsigned, std::string>::iterator it = doc->values.find(slot);
        if (it == doc->values.end())
            it = doc->values.insert(std::make_pair(slot, doc->doc.get_value(slot))).first;
        *val = it->second.c_str();
        *len = it->second.size();
    });
}

xc_rc xc_doc_terms(xc_doc *doc, const char *prefix, int (*cb)(void *, const char *, unsigned),
                   void *ctx, xc_err *err)
{
    if (!doc || !cb) return bad_arg(err, "xc_doc_terms: NULL argument");
    return guard(err, [&] {
        const std::string pfx(prefix ? prefix : "");
        Xapian::TermIterator it = doc->doc.termlist_begin();
        const Xapian::TermIterator end = doc->doc.termlist_end();
        if (!pfx.empty()) it.skip_to(pfx);
        for (; it != end; ++it) {
            const std::string t = *it;
            if (t.compare(0, pfx.size(), pfx) != 0) break;
            if (cb(ctx, t.c_str(), it.get_wdf())) break;
        }
    });
}

/* ---- queries ---- */

xc_query *xc_query_term(const char *term, unsigned wqf, unsigned pos, xc_err *err)
{
    if (!term || !*term) { /* Xapian reads "" as match-all: never wanted here */
        bad_arg(err, term ? "xc_query_term: empty term" : "xc_query_term: NULL term");
        return NULL;
    }
    return make_query(err, [&]() -> Xapian::Query { return Xapian::Query(term, wqf ? wqf : 1, pos); });
}

xc_query *xc_query_combine(xc_op op, xc_query *const *subs, size_t n, unsigned param,
                           xc_err *err)
{
    if (!subs && n) {
        bad_arg(err, "xc_query_combine: NULL subqueries");
        return NULL;
    }
    static const Xapian::Query::op ops[] = {
        Xapian::Query::OP_AND,       Xapian::Query::OP_OR,      Xapian::Query::OP_AND_NOT,
        Xapian::Query::OP_AND_MAYBE, Xapian::Query::OP_FILTER,  Xapian::Query::OP_PHRASE,
        Xapian::Query::OP_NEAR,      Xapian::Query::OP_SYNONYM, Xapian::Query::OP_ELITE_SET,
        Xapian::Query::OP_MAX};
    if (static_cast<unsigned>(op) >= sizeof ops / sizeof ops[0]) {
        bad_arg(err, "xc_query_combine: unknown operator");
        return NULL;
    }
    /* Xapian refuses a parameter on the other operators */
    if (op != XC_OP_PHRASE && op != XC_OP_NEAR && op != XC_OP_ELITE_SET) param = 0;
    return make_query(err, [&]() -> Xapian::Query {
        std::vector<Xapian::Query> parts;
        parts.reserve(n);
        for (size_t i = 0; i < n; i++)
            if (subs[i]) parts.push_back(subs[i]->q);
        return Xapian::Query(ops[op], parts.begin(), parts.end(), param);
    });
}

xc_query *xc_query_copy(const xc_query *q, xc_err *err)
{
    if (!q) {
        bad_arg(err, "xc_query_copy: NULL query");
        return NULL;
    }
    return make_query(err, [&]() -> Xapian::Query { return q->q; });
}

xc_query *xc_query_scale(const xc_query *sub, double factor, xc_err *err)
{
    if (!sub) {
        bad_arg(err, "xc_query_scale: NULL query");
        return NULL;
    }
    return make_query(err, [&]() -> Xapian::Query {
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, sub->q, factor);
    });
}

xc_query *xc_query_value_range(unsigned slot, const char *lo, const char *hi, xc_err *err)
{
    return make_query(err, [&]() -> Xapian::Query {
        if (lo && hi) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
        if (lo) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo);
        if (hi) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi);
        return Xapian::Query(std::string()); /* not the shared static: see xc_query_match_all */
    });
}

xc_query *xc_query_match_all(xc_err *err)
{
    /* Not a copy of Query::MatchAll: that static's node is shared, and its
     * reference count is not atomic, so two threads copying and dropping it
     * at once corrupt it (serve crashed under load). An empty term is the
     * same query (it is how Xapian defines MatchAll), in a node of our own. */
    return make_query(err, []() -> Xapian::Query { return Xapian::Query(std::string()); });
}

void xc_query_free(xc_query *q) { destroy(q); }

char *xc_query_describe(const xc_query *q)
{
    if (!q) return NULL;
    try {
        return dup_string(q->q.get_description());
    } catch (...) {
        return NULL;
    }
}

/* ---- searching ---- */

xc_rc xc_enquire_new(xc_db *db, xc_enquire **out, xc_err *err)
{
    if (!db || !out) return bad_arg(err, "xc_enquire_new: NULL argument");
    *out = NULL;
    return guard(err, [&] { *out = new xc_enquire(*db); });
}

void xc_enquire_free(xc_enquire *enq) { destroy(enq); }

xc_rc xc_enquire_set_query(xc_enquire *enq, const xc_query *q, xc_err *err)
{
    if (!enq || !q) return bad_arg(err, "xc_enquire_set_query: NULL argument");
    return guard(err, [&] { enq->enq.set_query(q->q); });
}

xc_rc xc_enquire_set_bm25(xc_enquire *enq, double k1, double k2, double k3, double b,
                          double min_normlen, xc_err *err)
{
    if (!enq) return bad_arg(err, "xc_enquire_set_bm25: NULL enquire");
    /* Xapian would clamp these silently; a typo in a weight should show.
     * (Written so that NaN fails too.) */
    if (!(k1 >= 0 && k2 >= 0 && k3 >= 0 && b >= 0 && b <= 1 && min_normlen >= 0))
        return bad_arg(err, "xc_enquire_set_bm25: k1, k2, k3, min_normlen must be >= 0 "
                            "and b in [0, 1]");
    return guard(err, [&] {
        enq->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen));
    });
}

xc_rc xc_enquire_set_collapse(xc_enquire *enq, unsigned slot, unsigned max, xc_err *err)
{
    if (!enq) return bad_arg(err, "xc_enquire_set_collapse: NULL enquire");
    return guard(err, [&] {
        if (max) enq->enq.set_collapse_key(slot, max);
        else enq->enq.set_collapse_key(Xapian::BAD_VALUENO);
        enq->collapsing = max != 0;
    });
}

xc_rc xc_enquire_set_cutoff(xc_enquire *enq, double weight, xc_err *err)
{
    if (!enq) return bad_arg(err, "xc_enquire_set_cutoff: NULL enquire");
    if (!(weight >= 0)) return bad_arg(err, "xc_enquire_set_cutoff: weight below 0 or NaN");
    return guard(err, [&] { enq->enq.set_cutoff(0, weight); });
}

xc_rc xc_enquire_get_mset(xc_enquire *enq, unsigned first, unsigned max, unsigned check_at_least,
                          xc_mset **out, xc_err *err)
{
    if (!enq || !out) return bad_arg(err, "xc_enquire_get_mset: NULL argument");
    *out = NULL;
    /* one database, or a stub's local parts (not remote ones: their spies
     * run on the server) */
    const bool placed = enq->db.size() == 1 || enq->parts.size() == enq->db.size();
    if (!(enq->deadline_ms > 0 && placed && !enq->collapsing))
        return guard(err, [&] { *out = new xc_mset(enq->enq.get_mset(first, max, check_at_least)); });
    const size_t keep = enq->cut_keep && enq->cut_keep < first + max ? enq->cut_keep : first + max;
    DeadlineSpy spy(enq->deadline_ms, keep, enq->parts, enq->key_slot);
    return guard(err, [&] {
        enq->enq.clear_matchspies();
        enq->enq.add_matchspy(&spy);
        try {
            xc_mset *m = new xc_mset(enq->enq.get_mset(first, max, check_at_least));
            enq->enq.clear_matchspies();
            *out = m;
        } catch (const MatchCut &) {
            enq->enq.clear_matchspies();
            xc_mset *m = new xc_mset(Xapian::MSet());
            m->is_cut = true;
            m->seen = spy.seen();
            m->db = enq->db;
            spy.best_first(&m->cut);
            if (m->cut.size() > first) m->cut.erase(m->cut.begin(), m->cut.begin() + first);
            else m->cut.clear();
            *out = m;
        }
    });
}

xc_rc xc_enquire_set_deadline(xc_enquire *enq, double deadline_ms, unsigned keep,
                              unsigned key_slot, xc_err *err)
{
    if (!enq) return bad_arg(err, "xc_enquire_set_deadline: NULL enquire");
    enq->deadline_ms = deadline_ms;
    enq->cut_keep = keep;
    enq->key_slot = key_slot;
    ok(err);
    return XC_OK;
}

int xc_mset_cut(const xc_mset *ms)
{
    return ms && ms->is_cut;
}

void xc_mset_free(xc_mset *ms) { destroy(ms); }

size_t xc_mset_size(const xc_mset *ms) { return ms ? ms->size() : 0; }

unsigned xc_mset_estimated(const xc_mset *ms)
{
    if (!ms) return 0;
    return ms->is_cut ? ms->seen : ms->ms.get_matches_estimated();
}

unsigned xc_mset_docid(const xc_mset *ms, size_t i)
{
    if (!ms || i >= ms->size()) return 0;
    if (ms->is_cut) return ms->cut[i].second;
    return *(ms->ms[static_cast<Xapian::doccount>(i)]);
}

double xc_mset_weight(const xc_mset *ms, size_t i)
{
    if (!ms || i >= ms->size()) return 0;
    if (ms->is_cut) return ms->cut[i].first;
    return ms->ms[static_cast<Xapian::doccount>(i)].get_weight();
}

void xc_mset_fetch(const xc_mset *ms, size_t first, size_t last)
{
    if (!ms || ms->is_cut || first >= last || first >= ms->ms.size()) return;
    if (last > ms->ms.size()) last = ms->ms.size();
    try {
        ms->ms.fetch(ms->ms[static_cast<Xapian::doccount>(first)],
                     ms->ms[static_cast<Xapian::doccount>(last - 1)]);
    } catch (...) {
        /* a hint only: the reads that follow report the error */
    }
}

xc_rc xc_mset_document(const xc_mset *ms, size_t i, xc_doc **out, xc_err *err)
{
    if (!ms || !out) return bad_arg(err, "xc_mset_document: NULL argument");
    *out = NULL;
    if (i >= ms->size()) return bad_arg(err, "xc_mset_document: index out of range");
    return guard(err, [&] {
        if (ms->is_cut) *out = new xc_doc(ms->db.get_document(ms->cut[i].second));
        else *out = new xc_doc(ms->ms[static_cast<Xapian::doccount>(i)].get_document());
    });
}

xc_rc xc_mset_matching_terms(xc_enquire *enq, const xc_mset *ms, size_t i,
                             int (*cb)(void *, const char *), void *ctx, xc_err *err)
{
    if (!enq || !ms || !cb) return bad_arg(err, "xc_mset_matching_terms: NULL argument");
    if (i >= ms->size()) return bad_arg(err, "xc_mset_matching_terms: index out of range");
    return guard(err, [&] {
        if (ms->is_cut) {
            const Xapian::docid did = ms->cut[i].second;
            const Xapian::TermIterator end = enq->enq.get_matching_terms_end(did);
            for (Xapian::TermIterator t = enq->enq.get_matching_terms_begin(did); t != end; ++t)
                if (cb(ctx, (*t).c_str())) break;
            return;
        }
        const Xapian::MSetIterator it = ms->ms[static_cast<Xapian::doccount>(i)];
        const Xapian::TermIterator end = enq->enq.get_matching_terms_end(it);
        for (Xapian::TermIterator t = enq->enq.get_matching_terms_begin(it); t != end; ++t)
            if (cb(ctx, (*t).c_str())) break;
    });
}

xc_rc xc_stock_add(xc_wdb *wdb, const char *text, size_t len, const char *data,
                   xc_err *err)
{
    if (!wdb || !text || !data) return bad_arg(err, "xc_stock_add: NULL argument");
    return guard(err, [&] {
        Xapian::Document doc;
        Xapian::TermGenerator tg;
        tg.set_document(doc);
        tg.index_text(std::string(text, len));
        doc.set_data(data);
        wdb->db.add_document(doc);
    });
}

xc_rc xc_stock_search(xc_db *db, const char *query, unsigned k,
                      int (*cb)(void *, const char *, size_t), void *ctx, xc_err *err)
{
    if (!db || !query || !cb) return bad_arg(err, "xc_stock_search: NULL argument");
    return guard(err, [&] {
        Xapian::QueryParser qp;
        qp.set_database(db->db);
        Xapian::Enquire enq(db->db);
        enq.set_query(qp.parse_query(query));
        Xapian::MSet ms = enq.get_mset(0, k);
        for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
            const std::string d = it.get_document().get_data();
            if (cb(ctx, d.data(), d.size())) break;
        }
    });
}

} // extern "C"
