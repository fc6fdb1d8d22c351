#include "field_matcher.h"

#include <cctype>
#include <vector>

namespace parlsearch {
namespace {

using schema::Match;

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

bool IsLetterOrDigit(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool Matches(Match match, const std::string& indexed, const std::string& wanted) {
  if (indexed == wanted) return true;
  switch (match) {
    case Match::kSurname:
      // A surname, or a surname with its particles: "de re", "vossaert".
      return indexed.size() > wanted.size() && indexed.ends_with(wanted) &&
             indexed[indexed.size() - wanted.size() - 1] == ' ';
    case Match::kPrefix:
      // The document number without the session: "a-805/2", which must not find "a-805/20": the
      // start ends where a part of the id ends.
      return indexed.starts_with(wanted) &&
             (!IsLetterOrDigit(wanted.back()) || !IsLetterOrDigit(indexed[wanted.size()]));
    case Match::kPart:
      return indexed.find(wanted) != std::string::npos;
    default:
      return false;
  }
}

class FieldProcessor : public Xapian::FieldProcessor {
 public:
  FieldProcessor(const Xapian::Database& database, const schema::Field& field)
      : database_(database), field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    return MatchField(database_, field_, value);
  }

 private:
  const Xapian::Database& database_;
  const schema::Field& field_;
};

}  // namespace

const schema::Field* FilterField(std::string_view name) {
  const schema::Field* field = schema::FindField(name);
  return field != nullptr && field->filter ? field : nullptr;
}

Xapian::Query MatchField(const Xapian::Database& database, const schema::Field& field,
                         std::string_view value) {
  const std::string prefix(field.prefix);
  const std::string wanted = Tidy(schema::NormaliseValue(field, value));
  if (wanted.empty()) return Xapian::Query::MatchNothing;
  // The exact value first: the common case, and the only one for most fields.
  const std::string exact = prefix + wanted;
  std::vector<std::string> terms;
  if (database.term_exists(exact)) terms.push_back(exact);
  if (field.match == Match::kSurname || field.match == Match::kPrefix ||
      field.match == Match::kPart) {
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
      const std::string term = *it;
      if (term != exact && Matches(field.match, term.substr(prefix.size()), wanted)) {
        terms.push_back(term);
      }
    }
  }
  if (field.match == Match::kCode) {
    // A one-letter prefix is followed by other prefixes' letters too: a code has two letters.
    std::erase_if(terms, [&](const std::string& term) { return term.size() != prefix.size() + 2; });
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::FieldProcessor* MakeFieldProcessor(const Xapian::Database& database,
                                           const schema::Field& field) {
  return new FieldProcessor(database, field);
}

}  // namespace parlsearch
