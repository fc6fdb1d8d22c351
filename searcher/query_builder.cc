#include "query_builder.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <regex>

#include "field_matcher.h"
#include "parlsearch/error.h"
#include "parlsearch/schema/date.h"
#include "parlsearch/schema/fields.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/stemming/analyzer.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stopwords.h"
#include "parlsearch/stemming/tokenizer.h"
#include "parlsearch/stemming/xapian_stem.h"
#include "query_rewrite.h"

namespace parlsearch {
namespace {

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                            Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;
// A wildcard expands to at most this many words, the most frequent first, and less when the
// query has several (QueryLimits::max_wildcard_terms is for all of them).
constexpr Xapian::termcount kMaxWildcardExpansion = 200;
// A Dutch compound's part weighs this much of the word itself: "bescherming" finds
// "gegevensbescherming", after the paragraphs that say "bescherming".
constexpr double kCompoundPartWeight = 0.5;
// A word's translations weigh this much of the word itself, times the lexicon's weight of the
// best of them (at most 1): a paragraph with the user's own word comes before one with a
// translation only, unless the translation is much rarer.
constexpr double kTranslationWeight = 0.5;

bool IsOperator(std::string_view word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" ||
         word == "ADJ" || word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The query's field names: "party:", "date:" and the like.
bool IsFieldName(std::string_view name) { return FilterField(name) != nullptr; }

// A word that looks like a field but names none ("foo:bar", "12:30") is text: its colon goes.
std::string UnknownFieldsAsText(std::string word) {
  const std::size_t colon = word.find(':');
  if (colon == std::string::npos) return word;
  std::size_t start = colon;
  while (start > 0 && std::isalpha(static_cast<unsigned char>(word[start - 1]))) --start;
  if (!IsFieldName(std::string_view(word).substr(start, colon - start))) word[colon] = ' ';
  return word;
}

// Stopwords of one language, as Xapian asks for them; when translating, those of Dutch and
// French too, since the query may be in either.
class Stopper : public Xapian::Stopper {
 public:
  Stopper(Language language, bool translating) : language_(language), translating_(translating) {}
  bool operator()(const std::string& word) const override {
    return IsStopword(language_, word) || (translating_ && (IsStopword(Language::kDutch, word) ||
                                                            IsStopword(Language::kFrench, word)));
  }

 private:
  Language language_;
  bool translating_;
};

// Runs `work` for a field or range processor. Xapian's QueryParser (1.4.22) is not exception-safe:
// when a field processor throws, the parse leaks the terms it holds or frees one twice
// ("-date:2024-13-01 x" ended the process: "free(): invalid pointer"). So no exception goes into
// the parser: the first is kept in `*error`, for ParseIn to throw once parse_query() has
// returned, and the processor matches nothing meanwhile.
template <typename Work>
Xapian::Query Contained(std::exception_ptr* error, Work work) {
  try {
    return work();
  } catch (...) {
    if (!*error) *error = std::current_exception();
    return Xapian::Query::MatchNothing;
  }
}

// A boolean prefix's processor whose errors wait for the end of the parse (Contained).
class ContainedField : public Xapian::FieldProcessor {
 public:
  ContainedField(Xapian::FieldProcessor* processor, std::exception_ptr* error)
      : processor_(processor), error_(error) {}
  Xapian::Query operator()(const std::string& value) override {
    return Contained(error_, [&] { return (*processor_)(value); });
  }

 private:
  std::unique_ptr<Xapian::FieldProcessor> processor_;
  std::exception_ptr* error_;
};

// Ranges of a date field in queries: "date:2023-01-01..2024-06-30", open at either end, over the
// field's value slot. Errors wait for the end of the parse (Contained).
class DateRange : public Xapian::RangeProcessor {
 public:
  DateRange(const schema::Field& field, std::exception_ptr* error)
      : Xapian::RangeProcessor(field.slot, std::string(field.name) + ":"), error_(error) {}
  Xapian::Query operator()(const std::string& begin, const std::string& end) override {
    return Contained(error_, [&] { return Range(begin, end); });
  }

 private:
  Xapian::Query Range(const std::string& begin, const std::string& end) const {
    const std::string from = begin.empty() ? "" : schema::CompactDate(begin);
    const std::string to = end.empty() ? "" : schema::CompactDate(end);
    if (!from.empty() && !to.empty() && from > to) {
      throw QueryError("date range " + begin + ".." + end + " ends before it starts");
    }
    if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, to);
    if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, from);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, from, to);
  }

  std::exception_ptr* error_;
};

// A single date, month or year of a date field in a query: "date:2024-03-21", "date:2024-03",
// "date:2024".
class DateField : public Xapian::FieldProcessor {
 public:
  explicit DateField(const schema::Field& field) : slot_(field.slot) {}
  Xapian::Query operator()(const std::string& value) override {
    if (value.size() == 4 && std::all_of(value.begin(), value.end(), IsDigit)) {
      return Range(schema::CompactDate(value + "-01-01"), schema::CompactDate(value + "-12-31"));
    }
    if (value.size() == 7 && value[4] == '-') {
      const std::string first = schema::CompactDate(value + "-01");
      return Range(first, first.substr(0, 6) + "31");
    }
    const std::string day = schema::CompactDate(value);
    return Range(day, day);
  }

 private:
  Xapian::Query Range(const std::string& from, const std::string& to) const {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot_, from, to);
  }

  Xapian::valueno slot_;
};

// The processors keep their first error in `*error` (Contained). Without `ranges`, "a..b" is
// read as words.
void Configure(Xapian::QueryParser& parser, const Xapian::Database& database, Language language,
               bool any_word, bool translating, Xapian::termcount wildcard_expansion,
               std::exception_ptr* error, bool ranges = true) {
  parser.set_database(database);
  parser.set_stemmer(MakeXapianStem(language));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_stopper((new Stopper(language, translating))->release());
  parser.set_default_op(any_word ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
  parser.set_max_expansion(wildcard_expansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                           Xapian::QueryParser::FLAG_WILDCARD);
  for (const schema::Field& field : schema::kFields) {
    if (!field.filter) continue;
    const std::string name(field.name);
    if (field.match == schema::Match::kDate) {
      parser.add_boolean_prefix(name, (new ContainedField(new DateField(field), error))->release());
      if (ranges) parser.add_rangeprocessor((new DateRange(field, error))->release());
      continue;
    }
    parser.add_boolean_prefix(
        name, (new ContainedField(MakeFieldProcessor(database, field), error))->release());
  }
}

// The plain words of a normalised query: no operators, fields, wildcards or numbers.
std::vector<std::string> PlainWords(const std::string& normalised) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    const bool plain = word.size() >= 3 && word.find_first_of(":*0123456789") == std::string::npos;
    if (plain && !IsOperator(word)) words.push_back(word);
    word.clear();
  };
  bool in_field = false;
  bool quoted_value = false;  // in a field's quoted value, spaces and all: party:"Open Vld"
  for (char c : normalised) {
    if (in_field && c == '"' && (quoted_value || word.ends_with(':'))) {
      quoted_value = !quoted_value;
      word.clear();
      continue;
    }
    if (quoted_value) continue;
    if (c == ' ' || c == '"' || c == '(' || c == ')' || c == '+' || c == '-') {
      if (!in_field) flush();
      word.clear();
      if (c == ' ') in_field = false;
      continue;
    }
    if (c == ':') in_field = true;
    word.push_back(c);
  }
  if (!in_field) flush();
  return words;
}

// The query's words as written (case-folded, accents kept), by their folded form: expansions
// are shown under the word the user typed ("interopérabilité", not "interoperabilite").
std::map<std::string, std::string> Spellings(const std::string& query) {
  std::map<std::string, std::string> spellings;
  for (const Token& token : Tokenizer().Tokenize(query)) {
    const std::string exact = FoldCase(StripElision(token.text));
    spellings.emplace(FoldAccents(exact), exact);
  }
  return spellings;
}

// A word's translations weighing `weight`: each group's stems ("Z") or compound parts ("XC") as
// one synonym, and all the groups of a compound translated by its parts.
Xapian::Query Translated(const WordTranslation& translation, std::string_view prefix,
                         double weight) {
  std::vector<Xapian::Query> groups;
  for (const TranslationGroup& group : translation.groups) {
    std::vector<Xapian::Query> terms;
    for (const std::string& stem : group.stems) terms.emplace_back(std::string(prefix) + stem);
    for (const std::string& stem : group.extended) terms.emplace_back(std::string(prefix) + stem);
    groups.push_back(SynonymOf(terms));
  }
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end()), weight);
}

// The query for one stem leaf of `language`'s parse: the stem; in Dutch, also as a compound
// part; and its translations, if any (`translation` may be null).
Xapian::Query StemLeaf(const std::string& term, Language language,
                       const WordTranslation* translation) {
  const std::string stem = term.substr(schema::kStemPrefix.size());
  std::vector<Xapian::Query> alternatives = {Xapian::Query(term)};
  const bool dutch = language == Language::kDutch;
  if (dutch) {
    alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                              Xapian::Query(std::string(schema::kCompoundPrefix) + stem),
                              kCompoundPartWeight);
  }
  if (translation != nullptr) {
    const double weight = kTranslationWeight * translation->weight;
    alternatives.push_back(Translated(*translation, schema::kStemPrefix, weight));
    if (dutch) {
      alternatives.push_back(
          Translated(*translation, schema::kCompoundPrefix, weight * kCompoundPartWeight));
    }
  }
  if (alternatives.size() == 1) return alternatives.front();
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

// What the query string asks of the index, counted for QueryLimits.
struct QueryShape {
  std::size_t words = 0;      // words, wildcards and fields; operators and brackets aside
  std::size_t wildcards = 0;  // words ending in '*'
};

QueryShape ShapeOf(std::string_view normalised) {
  QueryShape shape;
  std::size_t i = 0;
  while (i < normalised.size()) {
    const std::size_t space = normalised.find(' ', i);
    const std::size_t end = space == std::string_view::npos ? normalised.size() : space;
    std::string_view word = normalised.substr(i, end - i);
    i = end + 1;
    while (!word.empty() && (word.front() == '(' || word.front() == '"' || word.front() == '+' ||
                             word.front() == '-')) {
      word.remove_prefix(1);
    }
    while (!word.empty() && (word.back() == ')' || word.back() == '"')) word.remove_suffix(1);
    if (word.empty() || IsOperator(word)) continue;
    ++shape.words;
    if (word.back() == '*') ++shape.wildcards;
  }
  return shape;
}

// Throws QueryError if `normalised` is over `limits` on words or wildcards.
void CheckShape(const QueryShape& shape, const QueryLimits& limits) {
  if (shape.words > limits.max_words) {
    throw QueryError("the query has " + std::to_string(shape.words) + " words; the limit is " +
                     std::to_string(limits.max_words));
  }
  if (shape.wildcards > limits.max_wildcards) {
    throw QueryError("the query has " + std::to_string(shape.wildcards) +
                     " wildcards; the limit is " + std::to_string(limits.max_wildcards));
  }
}

// Keeps the translations within `budget` terms (stems and extensions of every group), in the
// order of the query's words; the words after that are searched as written only.
void TrimTranslations(std::map<std::string, WordTranslation>* translations,
                      const std::vector<std::string>& words, std::size_t* budget) {
  std::map<std::string, WordTranslation> kept;
  for (const std::string& word : words) {
    for (auto it = translations->begin(); it != translations->end(); ++it) {
      if (it->second.word != word || kept.count(it->first)) continue;
      std::size_t size = 0;
      for (const TranslationGroup& group : it->second.groups) {
        size += group.stems.size() + group.extended.size();
      }
      if (size > *budget) continue;
      *budget -= size;
      kept.insert(*it);
    }
  }
  *translations = std::move(kept);
}

void CollectTerms(const Xapian::Query& query, QueryTerms* terms) {
  VisitTerms(query, [terms](const std::string& term) {
    if (term.starts_with(schema::kStemPrefix)) {
      terms->stems.insert(term.substr(schema::kStemPrefix.size()));
    } else if (!term.empty() && !schema::IsPrefixed(term)) {
      terms->words.insert(term);
    }
  });
}

}  // namespace

std::string AnalyzeQueryWords(const std::string& query, const Analyzer& analyzer) {
  const std::string folded = NormalizeNfkc(query);
  std::string normalised;
  std::size_t i = 0;
  while (i < folded.size()) {
    const std::size_t space = folded.find_first_of(" \t\n\r", i);
    const std::size_t end = space == std::string::npos ? folded.size() : space;
    std::string_view chunk = std::string_view(folded).substr(i, end - i);
    if (!chunk.empty()) {
      if (!normalised.empty()) normalised.push_back(' ');
      // Keep the operators' capitals; the brackets around them are not part of them.
      std::string_view core = chunk;
      while (!core.empty() && core.front() == '(') core.remove_prefix(1);
      while (!core.empty() && core.back() == ')') core.remove_suffix(1);
      if (IsOperator(core)) {
        normalised.append(chunk);
      } else {
        // "l'interopérabilité" -> "interoperabilite", also after a quote, bracket or sign.
        const std::size_t start = std::min(chunk.find_first_not_of("\"(+-"), chunk.size());
        std::string word(chunk.substr(0, start));
        word += analyzer.Normalize(chunk.substr(start));
        normalised.append(UnknownFieldsAsText(std::move(word)));
      }
    }
    i = end + 1;
  }
  return normalised;
}

QueryBuilder::QueryBuilder(const Xapian::Database& database, const Lexicon& lexicon)
    : database_(database), lexicon_(lexicon), translator_(database, lexicon), bridge_(database) {}

void QueryBuilder::Forget() const {
  languages_.reset();
  translator_.Forget();
}

const Analyzer& QueryBuilder::AnalyzerFor(Language language) const {
  auto found = analyzers_.find(language);
  if (found == analyzers_.end()) {
    // Query words are normalised, never decompounded: no word list to load.
    found = analyzers_.try_emplace(language, language, AnalyzerOptions{.decompound = false}).first;
  }
  return found->second;
}

std::vector<Language> QueryBuilder::IndexLanguages() const {
  if (languages_) return *languages_;
  std::vector<Language> languages;
  for (Language language : kAnalysedLanguages) {
    if (database_.term_exists(
            schema::BooleanTerm(schema::kLanguagePrefix, std::string(LanguageCode(language))))) {
      languages.push_back(language);
    }
  }
  languages_ = languages;
  return languages;
}

Xapian::Query QueryBuilder::ParseIn(Language language, const std::string& query, bool any_word,
                                    Xapian::termcount wildcard_expansion,
                                    const std::map<std::string, WordTranslation>* translations,
                                    QueryTerms* terms, std::set<std::string>* translated) const {
  std::exception_ptr error;  // a field's or a range's, thrown after the parse (Contained)
  Xapian::QueryParser parser;
  Configure(parser, database_, language, any_word, translations != nullptr, wildcard_expansion,
            &error);
  Xapian::Query parsed;
  try {
    // Xapian 1.4.22 leaks the window of a NEAR/n or ADJ/n at which a parse fails ("a AND NEAR/2
    // b"). Such a query is parsed first with plain NEAR and ADJ, which parse alike and leak
    // nothing, and with its windows only if that succeeds.
    static const std::regex kWindow("(NEAR|ADJ)/[0-9]+");
    if (const std::string plain = std::regex_replace(query, kWindow, "$1"); plain != query) {
      parser.parse_query(plain, kFlags);
    }
    parsed = parser.parse_query(query, kFlags);
  } catch (const Xapian::QueryParserError&) {
    // A query that does not parse is searched as plain words. Ranges too: Xapian refuses any
    // "a..b" without the "date:" prefix ("2020..2024"), with or without operators.
    Xapian::QueryParser plain;
    Configure(plain, database_, language, any_word, translations != nullptr, wildcard_expansion,
              &error, /*ranges=*/false);
    parsed = plain.parse_query(query, 0);
  }
  if (error) std::rethrow_exception(error);
  parsed = ExpandWildcards(parsed, database_, wildcard_expansion);
  // Without translations, French queries stay as parsed. Words in phrases are not rewritten.
  if (language == Language::kDutch || (translations != nullptr && !translations->empty())) {
    parsed = RewriteTerms(parsed, [&](const std::string& term) {
      if (!term.starts_with(schema::kStemPrefix)) return Xapian::Query(term);
      const std::string stem = term.substr(schema::kStemPrefix.size());
      const WordTranslation* translation = nullptr;
      if (translations != nullptr) {
        const auto found = translations->find(stem);
        if (found != translations->end()) {
          translation = &found->second;
          translated->insert(stem);
        }
      }
      return StemLeaf(term, language, translation);
    });
  }
  CollectTerms(parsed, terms);
  // A wildcard's words beyond its expansion are not in the query: keep the prefixes too.
  for (std::size_t start = 0; (start = query.find('*', start)) != std::string::npos; ++start) {
    std::size_t begin = start;
    while (begin > 0 && std::isalnum(static_cast<unsigned char>(query[begin - 1]))) --begin;
    if (begin < start) terms->prefixes.push_back(query.substr(begin, start - begin));
  }
  return parsed;
}

Xapian::Query QueryBuilder::Filters(const SearchRequest& request, bool* none) const {
  std::vector<Xapian::Query> filters;
  auto add = [&](std::string_view name, const std::vector<std::string>& values) {
    if (values.empty()) return;
    const schema::Field& field = schema::FieldNamed(name);
    std::vector<Xapian::Query> any;
    for (const std::string& value : values) any.push_back(MatchField(database_, field, value));
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    // A filter no paragraph passes is an empty query, which Xapian's OP_FILTER and OP_AND drop.
    if (filters.back().empty()) *none = true;
  };
  add("party", request.parties);
  add("speaker", request.speakers);
  add("doc", request.documents);
  add("section", request.sections);
  for (const auto& [name, values] : request.filters) add(name, values);
  // The dates were checked (ValidateRequest): a reversed range, an empty filter that Xapian would
  // drop, cannot reach here.
  if (!request.from_date.empty() || !request.to_date.empty()) {
    const std::string from =
        request.from_date.empty() ? "00000000" : schema::CompactDate(request.from_date);
    const std::string to =
        request.to_date.empty() ? "99999999" : schema::CompactDate(request.to_date);
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::FieldNamed("date").slot, from, to);
  }
  if (filters.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

BuiltQuery QueryBuilder::Build(const SearchRequest& request, bool any_word) const {
  const QueryLimits& limits = request.limits;
  if (request.query.size() > limits.max_bytes) {
    throw QueryError("the query is " + std::to_string(request.query.size()) +
                     " bytes long; the limit is " + std::to_string(limits.max_bytes));
  }
  const std::string trimmed = NormalizeNfkc(request.query);
  if (trimmed.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw QueryError("empty query");
  }
  // The languages searched: the side asked for, else the language filter, else all.
  std::vector<Language> languages;
  if (request.side) {
    languages.push_back(*request.side);
  } else if (!request.languages.empty()) {
    for (const std::string& code : request.languages) {
      const auto language = ParseLanguage(code);
      if (!language) throw QueryError("unknown language: " + code);
      languages.push_back(*language);
    }
  } else {
    languages = IndexLanguages();
  }

  // The words and shape are those of the first language searched; the languages' normalisations
  // differ only in contractions before one letter ("m'n" stays whole in Dutch, is "n" in French).
  BuiltQuery built;
  built.analysed = AnalyzeQueryWords(
      request.query, AnalyzerFor(languages.empty() ? Language::kFrench : languages[0]));
  const QueryShape shape = ShapeOf(built.analysed);
  CheckShape(shape, limits);
  built.words = PlainWords(built.analysed);

  // Every language is parsed, for highlighting translations; the searched ones make the query.
  std::vector<Language> parsed_languages = IndexLanguages();
  for (Language language : languages) {
    if (std::find(parsed_languages.begin(), parsed_languages.end(), language) ==
        parsed_languages.end()) {
      parsed_languages.push_back(language);
    }
  }
  const bool translating = request.translate && !lexicon_.empty();
  // Each searched language's wildcards expand in the same match: they share the budget.
  const std::size_t expansions = std::max<std::size_t>(1, shape.wildcards * languages.size());
  const auto wildcard_expansion = static_cast<Xapian::termcount>(
      std::clamp<std::size_t>(limits.max_wildcard_terms / expansions, 1, kMaxWildcardExpansion));
  std::size_t translation_budget = limits.max_translation_terms;
  const std::map<std::string, std::string> spellings =
      translating ? Spellings(request.query) : std::map<std::string, std::string>();
  std::vector<std::pair<Language, Xapian::Query>> searched_queries;  // for the pairs' bridge
  for (Language language : parsed_languages) {
    QueryTerms& terms = built.terms[language];
    std::map<std::string, WordTranslation> translations;
    const bool searched =
        std::find(languages.begin(), languages.end(), language) != languages.end();
    if (translating) {
      translations = translator_.Translate(built.words, language, /*relatives=*/!request.exact);
      if (searched) TrimTranslations(&translations, built.words, &translation_budget);
    }
    std::set<std::string> translated;  // the stems whose translations the query searches
    const Xapian::Query parsed =
        ParseIn(language, AnalyzeQueryWords(request.query, AnalyzerFor(language)), any_word,
                wildcard_expansion, translating ? &translations : nullptr, &terms, &translated);
    if (!searched) continue;
    for (const auto& [stem, translation] : translations) {
      if (!translated.count(stem)) continue;
      const auto spelling = spellings.find(translation.word);
      const std::string& written =
          spelling != spellings.end() ? spelling->second : translation.word;
      auto& shown = built.expanded[written];
      double& weight = built.expansion_weights[written];
      weight = std::max(weight, kTranslationWeight * translation.weight);
      for (const TranslationGroup& group : translation.groups) {
        for (const std::string& target : group.stems) {
          const std::string word = lexicon_.Word(language, target);
          if (std::find(shown.begin(), shown.end(), word) == shown.end()) shown.push_back(word);
        }
      }
      if (!translation.relative) built.translated.insert(translation.word);
    }
    searched_queries.emplace_back(language, parsed);
  }
  std::vector<Xapian::Query> per_language;
  // The pairs' bridge guesses from the index's contents: not for a search as typed.
  const bool relating = translating && request.related && !request.exact;
  const std::vector<Language> indexed =  // the sources a bridge can use
      relating ? IndexLanguages() : std::vector<Language>();
  for (auto& [language, query] : searched_queries) {
    if (relating) {
      const Language source = language == Language::kDutch ? Language::kFrench : Language::kDutch;
      if (std::find(indexed.begin(), indexed.end(), source) != indexed.end()) {
        // The paired paragraphs are matched on the query's own words only: a translation's
        // guesses would choose pairs about something else. Stopwords as when translating.
        const std::map<std::string, WordTranslation> none;
        QueryTerms source_terms;
        std::set<std::string> unused;
        const Xapian::Query source_query =
            ParseIn(source, AnalyzeQueryWords(request.query, AnalyzerFor(source)), any_word,
                    wildcard_expansion, &none, &source_terms, &unused);
        const QueryTerms& own = built.terms[language];
        // A search's time limit counts its query's building: each side's bridge gets a quarter.
        const std::vector<RelatedTerm> related =
            bridge_.Related(source_query, source, language,
                            std::vector<std::string>(own.stems.begin(), own.stems.end()),
                            request.time_limit_seconds / 4);
        if (!related.empty()) {
          query =
              Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, PairBridge::RankingQuery(related));
        }
        for (const RelatedTerm& term : related) {
          double& weight = built.related[term.word];
          weight = std::max(weight, term.weight);
        }
      }
    }
    const Xapian::Query side(
        schema::BooleanTerm(schema::kLanguagePrefix, std::string(LanguageCode(language))));
    per_language.emplace_back(Xapian::Query::OP_FILTER, query, side);
  }
  built.query = per_language.empty()
                    ? Xapian::Query::MatchNothing
                    : Xapian::Query(Xapian::Query::OP_OR, per_language.begin(), per_language.end());
  bool none = false;
  const Xapian::Query filters = Filters(request, &none);
  if (none) {
    built.query = Xapian::Query::MatchNothing;
  } else if (!filters.empty()) {
    built.query = Xapian::Query(Xapian::Query::OP_FILTER, built.query, filters);
  }
  return built;
}

}  // namespace parlsearch
