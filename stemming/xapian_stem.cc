#include "parlsearch/stemming/xapian_stem.h"

#include <string>

#include "parlsearch/stemming/stemmer.h"

namespace parlsearch {
namespace {

// Xapian calls this with each query word the QueryParser decides to stem, already lower-cased
// by Xapian but with its accents: Stemmer::Stem() folds them, as the indexer does.
class FoldingStemImplementation : public Xapian::StemImplementation {
 public:
  explicit FoldingStemImplementation(Language language) : stemmer_(language) {}

  std::string operator()(const std::string& word) override { return stemmer_.Stem(word); }

  std::string get_description() const override {
    return "parlsearch_" + std::string(LanguageCode(stemmer_.language()));
  }

 private:
  Stemmer stemmer_;
};

}  // namespace

Xapian::Stem MakeXapianStem(Language language) {
  // Xapian::Stem takes ownership (intrusive reference count) of the implementation.
  return Xapian::Stem(new FoldingStemImplementation(language));
}

}  // namespace parlsearch
