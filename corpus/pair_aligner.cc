#include "pair_aligner.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>
#include <unordered_map>

#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stopwords.h"
#include "parlsearch/stemming/tokenizer.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// Tokens are compared as small integers: each distinct token string of an alignment gets one.
using TokenId = int;
using TokenSet = std::vector<TokenId>;  // sorted, without duplicates

class TokenIds {
 public:
  TokenId operator()(const std::string& token) {
    return ids_.emplace(token, static_cast<TokenId>(ids_.size())).first->second;
  }

 private:
  std::unordered_map<std::string, TokenId> ids_;
};

// What a paragraph shares with its translation whatever the language: numbers, names and other
// capitalised or dotted tokens, and (for cognates like "interoperabiliteit" and
// "interopérabilité") the first letters of long words.
struct Features {
  TokenSet anchors;
  TokenSet prefixes;
  double length = 0;
  ParagraphKind kind = ParagraphKind::kParagraph;
  int page = 0;
};

constexpr std::size_t kPrefixLength = 5;
constexpr std::size_t kMinCognateLength = 6;

void Normalise(TokenSet* set) {
  std::sort(set->begin(), set->end());
  set->erase(std::unique(set->begin(), set->end()), set->end());
}

Features Describe(const LaidOutParagraph& paragraph, const Tokenizer& tokenizer, TokenIds& ids) {
  Features features;
  features.length = static_cast<double>(paragraph.text.size());
  features.kind = paragraph.kind;
  features.page = paragraph.page;
  bool sentence_start = true;
  for (const Token& token : tokenizer.Tokenize(paragraph.text)) {
    const std::string folded = FoldForMatching(token.text);
    const bool named = token.has_digit || (!sentence_start && StartsUpper(token.text)) ||
                       IsAllCaps(token.text) || token.text.find('.') != std::string::npos;
    if (named) features.anchors.push_back(ids(folded));
    // "d'ordonnance" compares as "ordonnance".
    const std::size_t apostrophe = folded.find('\'');
    const std::string word =
        apostrophe == std::string::npos ? folded : folded.substr(apostrophe + 1);
    const bool stopword = IsStopword(paragraph.lang, word);
    if (!stopword && token.has_letter && word.size() >= kMinCognateLength) {
      features.prefixes.push_back(ids(word.substr(0, kPrefixLength)));
    }
    const std::size_t end = token.offset + token.text.size();
    sentence_start = end < paragraph.text.size() &&
                     EndsClause(std::string_view(paragraph.text).substr(0, end + 1));
  }
  Normalise(&features.anchors);
  Normalise(&features.prefixes);
  return features;
}

TokenSet Union(const TokenSet& a, const TokenSet& b) {
  TokenSet merged;
  merged.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged));
  return merged;
}

Features Merge(const Features& a, const Features& b) {
  Features merged = a;
  merged.anchors = Union(a.anchors, b.anchors);
  merged.prefixes = Union(a.prefixes, b.prefixes);
  merged.length += b.length;
  if (b.kind != a.kind) merged.kind = ParagraphKind::kParagraph;
  return merged;
}

double Dice(const TokenSet& a, const TokenSet& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

// Costs, in units of -log probability. The length term follows Gale and Church: the French
// length is normally distributed around ratio * Dutch length with variance proportional to it.
// Shared tokens lower the cost of a step; their absence does not raise it, since translations
// often render names and acronyms differently (CIBG, CIRB). A 1:2 step forgoes the bonus of a
// second 1:1 step, so the bonus itself keeps merges rare.
constexpr double kLengthVariance = 6.8;
constexpr double kAnchorBonus = 4.0;
constexpr double kPrefixBonus = 6.0;
constexpr double kKindMismatch = 6.0;
constexpr double kMergeCost = 3.0;  // a 1:2 or 2:1 step
// A merged step whose second paragraph shares nothing with the other side is more likely a
// paragraph without counterpart: it pays up to this much more.
constexpr double kUnsupportedPartCost = 4.0;
constexpr double kSupportedPart = 0.2;
constexpr double kSkipCost = 6.0;  // a paragraph without counterpart
constexpr double kPageDistanceCost = 4.0;

// The paragraphs of both sides, each also merged with its successor for 1:2 steps.
struct Sides {
  std::vector<Features> dutch;
  std::vector<Features> french;
  std::vector<Features> dutch_merged;   // [i]: dutch[i] and dutch[i + 1]
  std::vector<Features> french_merged;  // [j]: french[j] and french[j + 1]
};

std::vector<Features> MergeNeighbours(const std::vector<Features>& features) {
  std::vector<Features> merged;
  for (std::size_t i = 0; i + 1 < features.size(); ++i) {
    merged.push_back(Merge(features[i], features[i + 1]));
  }
  return merged;
}

class Scorer {
 public:
  explicit Scorer(const Sides& sides) : sides_(sides) {
    double dutch_total = 0;
    double french_total = 0;
    for (const Features& f : sides.dutch) dutch_total += f.length;
    for (const Features& f : sides.french) french_total += f.length;
    ratio_ = dutch_total > 0 && french_total > 0 ? french_total / dutch_total : 1.0;
  }

  double Match(const Features& nl, const Features& fr) const {
    const double mean = std::max(1.0, nl.length * ratio_);
    const double delta = (fr.length - mean) / std::sqrt(kLengthVariance * mean);
    double cost = 0.5 * delta * delta;
    cost -= kAnchorBonus * Dice(nl.anchors, fr.anchors);
    cost -= kPrefixBonus * Dice(nl.prefixes, fr.prefixes);
    if (nl.kind != fr.kind) cost += kKindMismatch;
    const int pages = std::abs(nl.page - fr.page);
    if (pages > 1) cost += kPageDistanceCost * (pages - 1);
    return cost;
  }

  const Sides& sides() const { return sides_; }

 private:
  const Sides& sides_;
  double ratio_ = 1.0;
};

struct Step {
  int dutch;
  int french;
};
constexpr Step kSteps[] = {{1, 1}, {1, 2}, {2, 1}, {1, 0}, {0, 1}};

// How much of `part` the other side shares, 0 to 1.
double Support(const Features& side, const Features& part) {
  return std::max(Dice(side.anchors, part.anchors), Dice(side.prefixes, part.prefixes));
}

double StepCost(const Scorer& scorer, std::size_t i, std::size_t j, const Step& step) {
  const Sides& sides = scorer.sides();
  if (step.dutch == 0 || step.french == 0) return kSkipCost;
  if (step.dutch == 1 && step.french == 1) return scorer.Match(sides.dutch[i], sides.french[j]);
  // A 1:2 or 2:1 step: `single` on one side, `first` and `second` on the other.
  const bool dutch_merged = step.dutch == 2;
  const Features& single = dutch_merged ? sides.french[j] : sides.dutch[i];
  const Features& first = dutch_merged ? sides.dutch[i] : sides.french[j];
  const Features& second = dutch_merged ? sides.dutch[i + 1] : sides.french[j + 1];
  const double cost = dutch_merged ? scorer.Match(sides.dutch_merged[i], single)
                                   : scorer.Match(single, sides.french_merged[j]);
  const double support = std::min(Support(single, first), Support(single, second));
  const double unsupported = kUnsupportedPartCost * (1.0 - std::min(1.0, support / kSupportedPart));
  return cost + kMergeCost + unsupported;
}

// Translations keep their order, so the path stays near the diagonal; long documents search a
// band around it rather than the whole matrix.
constexpr std::size_t kMinBand = 100;

}  // namespace

std::vector<AlignedPair> AlignPairs(const std::vector<LaidOutParagraph>& dutch,
                                    const std::vector<LaidOutParagraph>& french) {
  const Tokenizer tokenizer;
  TokenIds ids;
  Sides sides;
  for (const auto& paragraph : dutch) sides.dutch.push_back(Describe(paragraph, tokenizer, ids));
  for (const auto& paragraph : french) {
    sides.french.push_back(Describe(paragraph, tokenizer, ids));
  }
  sides.dutch_merged = MergeNeighbours(sides.dutch);
  sides.french_merged = MergeNeighbours(sides.french);
  const Scorer scorer(sides);

  const std::size_t n = sides.dutch.size();
  const std::size_t m = sides.french.size();
  const std::size_t band = std::max(kMinBand, (n + m) / 4);
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> cost(n + 1, std::vector<double>(m + 1, kInfinity));
  std::vector<std::vector<int>> back(n + 1, std::vector<int>(m + 1, -1));
  cost[0][0] = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    const std::size_t diagonal = n == 0 ? m : i * m / n;
    const std::size_t first = diagonal > band ? diagonal - band : 0;
    const std::size_t last = std::min(m, diagonal + band);
    for (std::size_t j = first; j <= last; ++j) {
      if (cost[i][j] == kInfinity) continue;
      for (int s = 0; s < static_cast<int>(std::size(kSteps)); ++s) {
        const Step& step = kSteps[s];
        const std::size_t ni = i + step.dutch;
        const std::size_t nj = j + step.french;
        if (ni > n || nj > m) continue;
        const double total = cost[i][j] + StepCost(scorer, i, j, step);
        if (total < cost[ni][nj]) {
          cost[ni][nj] = total;
          back[ni][nj] = s;
        }
      }
    }
  }

  std::vector<AlignedPair> pairs;
  for (std::size_t i = n, j = m; i > 0 || j > 0;) {
    const Step& step = kSteps[back[i][j]];
    i -= step.dutch;
    j -= step.french;
    if (step.dutch == 0 || step.french == 0) continue;
    AlignedPair pair;
    for (int k = 0; k < step.dutch; ++k) pair.dutch.push_back(i + k);
    for (int k = 0; k < step.french; ++k) pair.french.push_back(j + k);
    pairs.push_back(std::move(pair));
  }
  std::reverse(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace parlsearch
