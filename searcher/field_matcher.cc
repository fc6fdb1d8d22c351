#include "field_matcher.h"

#include <vector>

#include "parlsearch/indexer/schema.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

std::string_view PrefixOf(Field field) {
  switch (field) {
    case Field::kSpeaker:
      return schema::kSpeakerPrefix;
    case Field::kParty:
      return schema::kPartyPrefix;
    case Field::kLanguage:
      return schema::kLanguagePrefix;
    case Field::kDocument:
      return schema::kDocumentPrefix;
    case Field::kSection:
      return schema::kSectionPrefix;
    case Field::kRole:
      return schema::kRolePrefix;
    case Field::kKind:
      return schema::kKindPrefix;
  }
  return "";
}

// Trims and collapses spaces: "  margaux   de re " -> "margaux de re".
std::string Tidy(std::string_view value) {
  std::string tidy;
  for (char c : value) {
    if (c == ' ' || c == '\t') {
      if (!tidy.empty() && tidy.back() != ' ') tidy.push_back(' ');
    } else {
      tidy.push_back(c);
    }
  }
  while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
  return tidy;
}

bool Matches(Field field, const std::string& indexed, const std::string& wanted) {
  if (indexed == wanted) return true;
  switch (field) {
    case Field::kSpeaker:
      // A surname, or a surname with its particles: "de re", "vossaert".
      return indexed.size() > wanted.size() && indexed.ends_with(wanted) &&
             indexed[indexed.size() - wanted.size() - 1] == ' ';
    case Field::kDocument:
      // The document number without the session: "a-805/2".
      return indexed.starts_with(wanted);
    case Field::kSection:
      return indexed.find(wanted) != std::string::npos;
    default:
      return false;
  }
}

class FieldProcessor : public Xapian::FieldProcessor {
 public:
  FieldProcessor(const Xapian::Database& database, Field field)
      : database_(database), field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    return MatchField(database_, field_, value);
  }

 private:
  const Xapian::Database& database_;
  Field field_;
};

}  // namespace

bool ParseField(std::string_view name, Field* field) {
  static const std::pair<std::string_view, Field> kFields[] = {
      {"speaker", Field::kSpeaker}, {"party", Field::kParty},     {"lang", Field::kLanguage},
      {"doc", Field::kDocument},    {"section", Field::kSection}, {"role", Field::kRole},
      {"kind", Field::kKind}};
  for (const auto& [candidate, value] : kFields) {
    if (candidate == name) {
      *field = value;
      return true;
    }
  }
  return false;
}

Xapian::Query MatchField(const Xapian::Database& database, Field field, std::string_view value) {
  const std::string prefix(PrefixOf(field));
  const std::string wanted = Tidy(FoldForMatching(value));
  if (wanted.empty()) return Xapian::Query::MatchNothing;
  // The exact value first: the common case, and the only one for most fields.
  const std::string exact = prefix + wanted;
  std::vector<std::string> terms;
  if (database.term_exists(exact)) terms.push_back(exact);
  if (field == Field::kSpeaker || field == Field::kDocument || field == Field::kSection) {
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
      const std::string term = *it;
      if (term != exact && Matches(field, term.substr(prefix.size()), wanted)) {
        terms.push_back(term);
      }
    }
  }
  if (field == Field::kLanguage) {
    // Language terms share their one-letter prefix with nothing else only at length 3.
    std::erase_if(terms, [&](const std::string& term) { return term.size() != prefix.size() + 2; });
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::FieldProcessor* MakeFieldProcessor(const Xapian::Database& database, Field field) {
  return new FieldProcessor(database, field);
}

}  // namespace parlsearch
