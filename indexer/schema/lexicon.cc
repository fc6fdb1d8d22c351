#include "parlsearch/schema/lexicon.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "parlsearch/error.h"
#include "parlsearch/schema/schema.h"

namespace parlsearch {
namespace {

constexpr std::string_view kHeader = "parlsearch-lexicon 1";
constexpr std::size_t kFields = 6;

std::string SourceLetters(unsigned sources) {
  std::string letters;
  if (sources & kFromPairs) letters += 'p';
  if (sources & kFromDictionary) letters += 'd';
  if (sources & kFromCognates) letters += 'c';
  return letters;
}

unsigned ParseSources(std::string_view letters) {
  unsigned sources = 0;
  for (char letter : letters) {
    if (letter == 'p') sources |= kFromPairs;
    if (letter == 'd') sources |= kFromDictionary;
    if (letter == 'c') sources |= kFromCognates;
  }
  return sources;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

void Lexicon::Add(std::string_view dutch, std::string_view french, double weight,
                  unsigned sources) {
  if (dutch.empty() || french.empty()) return;
  weight = std::clamp(weight, 1e-3, 1.0);
  if (positions_.size() != entries_.size()) {
    // Parse() leaves the positions out: searchers, which only read, need none.
    positions_.clear();
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      positions_.emplace(entries_[i].dutch + '\t' + entries_[i].french, i);
    }
  }
  std::string key;
  key.reserve(dutch.size() + french.size() + 1);
  key.append(dutch).append(1, '\t').append(french);
  const auto found = positions_.find(key);
  if (found != positions_.end()) {
    LexiconEntry& entry = entries_[found->second];
    entry.weight = 1 - (1 - entry.weight) * (1 - weight);
    entry.sources |= sources;
    return;
  }
  positions_.emplace(std::move(key), entries_.size());
  Append(dutch, french, weight, sources);
}

void Lexicon::Append(std::string_view dutch, std::string_view french, double weight,
                     unsigned sources) {
  const auto position = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({std::string(dutch), std::string(french), weight, sources});
  by_dutch_.push_back(position);
  by_french_.push_back(position);
  sorted_ = false;
}

void Lexicon::Sort() const {
  if (sorted_) return;
  auto sort = [this](std::vector<std::uint32_t>& index, std::string LexiconEntry::*stem) {
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
      const int order = (entries_[a].*stem).compare(entries_[b].*stem);
      return order != 0 ? order < 0 : a < b;
    };
    // A stored lexicon comes in Dutch order (Serialize).
    if (!std::is_sorted(index.begin(), index.end(), before)) {
      std::sort(index.begin(), index.end(), before);
    }
  };
  sort(by_dutch_, &LexiconEntry::dutch);
  sort(by_french_, &LexiconEntry::french);
  sorted_ = true;
}

std::vector<Translation> Lexicon::Translate(Language language, std::string_view stem) const {
  const bool dutch = language == Language::kDutch;
  if (!dutch && language != Language::kFrench) return {};
  Sort();
  const auto& index = dutch ? by_dutch_ : by_french_;
  const auto side = [this, dutch](std::uint32_t position) -> std::string_view {
    return dutch ? entries_[position].dutch : entries_[position].french;
  };
  const auto first =
      std::lower_bound(index.begin(), index.end(), stem,
                       [&](std::uint32_t a, std::string_view b) { return side(a) < b; });
  std::vector<Translation> translations;
  for (auto it = first; it != index.end() && side(*it) == stem; ++it) {
    const LexiconEntry& entry = entries_[*it];
    translations.push_back({dutch ? entry.french : entry.dutch, entry.weight, entry.sources});
  }
  std::sort(translations.begin(), translations.end(),
            [](const Translation& a, const Translation& b) {
              return a.weight != b.weight ? a.weight > b.weight : a.stem < b.stem;
            });
  return translations;
}

std::string Lexicon::NearestStem(Language language, std::string_view stem,
                                 std::size_t min_prefix) const {
  const bool dutch = language == Language::kDutch;
  if ((!dutch && language != Language::kFrench) || stem.size() < min_prefix) return "";
  Sort();
  const auto& index = dutch ? by_dutch_ : by_french_;
  const auto side = [this, dutch](std::uint32_t position) -> const std::string& {
    return dutch ? entries_[position].dutch : entries_[position].french;
  };
  const std::string_view prefix = stem.substr(0, min_prefix);
  std::string nearest;
  std::size_t nearest_length = 0;
  auto it = std::lower_bound(index.begin(), index.end(), prefix,
                             [&](std::uint32_t a, std::string_view b) { return side(a) < b; });
  for (; it != index.end() && side(*it).starts_with(prefix); ++it) {
    const std::string& other = side(*it);
    const std::size_t length = static_cast<std::size_t>(
        std::mismatch(other.begin(), other.end(), stem.begin(), stem.end()).first - other.begin());
    if (length > nearest_length) {
      nearest = other;
      nearest_length = length;
    }
  }
  return nearest;
}

void Lexicon::SetWord(Language language, std::string_view stem, std::string_view word) {
  if (language == Language::kDutch) dutch_words_[std::string(stem)] = word;
  if (language == Language::kFrench) french_words_[std::string(stem)] = word;
}

std::string Lexicon::Word(Language language, std::string_view stem) const {
  const auto& words = language == Language::kDutch ? dutch_words_ : french_words_;
  const auto found = words.find(std::string(stem));
  return found != words.end() && !found->second.empty() ? found->second : std::string(stem);
}

std::string Lexicon::Serialize() const {
  std::string text(kHeader);
  text += '\n';
  char weight[16];
  // In Dutch order, which Parse() then need not sort.
  Sort();
  for (std::uint32_t position : by_dutch_) {
    const LexiconEntry& entry = entries_[position];
    std::snprintf(weight, sizeof weight, "%.3f", entry.weight);
    text += entry.dutch + '\t' + entry.french + '\t' + weight + '\t' +
            SourceLetters(entry.sources) + '\t' + Word(Language::kDutch, entry.dutch) + '\t' +
            Word(Language::kFrench, entry.french) + '\n';
  }
  return text;
}

Lexicon Lexicon::Parse(std::string_view text) {
  Lexicon lexicon;
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (++number == 1) {
      if (line != kHeader) throw IndexError("lexicon: unknown format '" + std::string(line) + "'");
      continue;
    }
    const std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() != kFields) {
      throw IndexError("lexicon: line " + std::to_string(number) + " is malformed");
    }
    const double weight = std::strtod(std::string(fields[2]).c_str(), nullptr);
    if (fields[0].empty() || fields[1].empty()) continue;
    // Stored entries are distinct: no need to look for one to merge with, as Add() does.
    lexicon.Append(fields[0], fields[1], std::clamp(weight, 1e-3, 1.0), ParseSources(fields[3]));
    if (fields[4] != fields[0]) lexicon.SetWord(Language::kDutch, fields[0], fields[4]);
    if (fields[5] != fields[1]) lexicon.SetWord(Language::kFrench, fields[1], fields[5]);
  }
  if (number == 0) throw IndexError("lexicon: empty");
  lexicon.Sort();
  return lexicon;
}

Lexicon ReadLexicon(const Xapian::Database& database) {
  const std::string text = database.get_metadata(std::string(schema::kLexiconKey));
  if (text.empty()) return Lexicon();
  return Lexicon::Parse(text);
}

void WriteLexicon(Xapian::WritableDatabase& database, const Lexicon& lexicon) {
  database.set_metadata(std::string(schema::kLexiconKey), lexicon.Serialize());
}

}  // namespace parlsearch
