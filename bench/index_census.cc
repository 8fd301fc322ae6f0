// index_census.cc — what an index spends its postings on: per term prefix
// (the kinds of format/schema.h: the capitals a term starts with, "" for
// the plain word terms), the distinct terms, postings (documents holding
// each term, summed), wdf and term bytes; then the bytes of each value slot
// and of the document data (uncompressed: glass compresses the data and
// termlist tables, not the postlist table where the values live). For
// issue 16's size work: which kind costs what, before changing what is
// indexed. Built and run by bench/index-census.
//
//   index_census DB
#include <xapian.h>

#include <cstdio>
#include <map>
#include <string>

static std::string prefix_of(const std::string &term)
{
    size_t i = 0;
    while (i < term.size() && term[i] >= 'A' && term[i] <= 'Z') i++;
    return term.substr(0, i);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: index_census DB\n");
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);
        struct kind { unsigned long long terms = 0, postings = 0, wdf = 0, bytes = 0; };
        std::map<std::string, kind> kinds;
        unsigned long long all = 0;
        for (Xapian::TermIterator t = db.allterms_begin(); t != db.allterms_end(); ++t) {
            const std::string term = *t;
            kind &k = kinds[prefix_of(term)];
            k.terms++;
            k.postings += t.get_termfreq();
            k.wdf += db.get_collection_freq(term);
            k.bytes += term.size();
            all += t.get_termfreq();
        }
        std::printf("%-8s %10s %12s %12s %11s %7s\n", "prefix", "terms", "postings", "wdf",
                    "term bytes", "postings");
        for (const auto &k : kinds)
            std::printf("%-8s %10llu %12llu %12llu %11llu %6.1f%%\n",
                        k.first.empty() ? "(none)" : k.first.c_str(), k.second.terms,
                        k.second.postings, k.second.wdf, k.second.bytes,
                        all ? 100.0 * k.second.postings / all : 0.0);
        std::printf("postings %llu, documents %u\n", all, db.get_doccount());
        std::map<unsigned, std::pair<unsigned long long, unsigned long long>> slots;
        unsigned long long data = 0;
        for (Xapian::PostingIterator d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
            Xapian::Document doc = db.get_document(*d);
            data += doc.get_data().size();
            for (Xapian::ValueIterator v = doc.values_begin(); v != doc.values_end(); ++v) {
                auto &s = slots[v.get_valueno()];
                s.first++;
                s.second += (*v).size();
            }
        }
        std::printf("document data: %llu bytes\n", data);
        for (const auto &s : slots)
            std::printf("value slot %u: %llu values, %llu bytes\n", s.first, s.second.first,
                        s.second.second);
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "index_census: %s\n", e.get_description().c_str());
        return 1;
    }
    return 0;
}
