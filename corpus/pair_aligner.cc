#include "pair_aligner.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stopwords.h"
#include "parlsearch/stemming/tokenizer.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// What a paragraph shares with its translation whatever the language: numbers, names and other
// capitalised or dotted tokens, and (for cognates like "interoperabiliteit" and
// "interopérabilité") the first letters of long words.
struct Features {
  std::set<std::string> anchors;
  std::set<std::string> prefixes;
  double length = 0;
  ParagraphKind kind = ParagraphKind::kParagraph;
  int page = 0;
};

constexpr std::size_t kPrefixLength = 5;
constexpr std::size_t kMinCognateLength = 6;

Features Describe(const LaidOutParagraph& paragraph, const Tokenizer& tokenizer) {
  Features features;
  features.length = static_cast<double>(paragraph.text.size());
  features.kind = paragraph.kind;
  features.page = paragraph.page;
  bool sentence_start = true;
  for (const Token& token : tokenizer.Tokenize(paragraph.text)) {
    const std::string folded = FoldForMatching(token.text);
    const bool named = token.has_digit || (!sentence_start && StartsUpper(token.text)) ||
                       IsAllCaps(token.text) || token.text.find('.') != std::string::npos;
    if (named) features.anchors.insert(folded);
    // "d'ordonnance" compares as "ordonnance".
    const std::size_t apostrophe = folded.find('\'');
    const std::string word =
        apostrophe == std::string::npos ? folded : folded.substr(apostrophe + 1);
    const bool stopword = IsStopword(paragraph.lang, word);
    if (!stopword && token.has_letter && word.size() >= kMinCognateLength) {
      features.prefixes.insert(word.substr(0, kPrefixLength));
    }
    const std::size_t end = token.offset + token.text.size();
    sentence_start = end < paragraph.text.size() &&
                     EndsClause(std::string_view(paragraph.text).substr(0, end + 1));
  }
  return features;
}

Features Merge(const Features& a, const Features& b) {
  Features merged = a;
  merged.anchors.insert(b.anchors.begin(), b.anchors.end());
  merged.prefixes.insert(b.prefixes.begin(), b.prefixes.end());
  merged.length += b.length;
  if (b.kind != a.kind) merged.kind = ParagraphKind::kParagraph;
  return merged;
}

double Dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t shared = 0;
  for (const std::string& item : a) shared += b.count(item);
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

class Scorer {
 public:
  Scorer(const std::vector<Features>& dutch, const std::vector<Features>& french)
      : dutch_(dutch), french_(french) {
    double dutch_total = 0;
    double french_total = 0;
    for (const Features& f : dutch) dutch_total += f.length;
    for (const Features& f : french) french_total += f.length;
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

  const std::vector<Features>& dutch() const { return dutch_; }
  const std::vector<Features>& french() const { return french_; }

 private:
  const std::vector<Features>& dutch_;
  const std::vector<Features>& french_;
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
  const auto& nl = scorer.dutch();
  const auto& fr = scorer.french();
  if (step.dutch == 0 || step.french == 0) return kSkipCost;
  if (step.dutch == 1 && step.french == 1) return scorer.Match(nl[i], fr[j]);
  // A 1:2 or 2:1 step: `single` on one side, `first` and `second` on the other.
  const bool dutch_merged = step.dutch == 2;
  const Features& single = dutch_merged ? fr[j] : nl[i];
  const Features& first = dutch_merged ? nl[i] : fr[j];
  const Features& second = dutch_merged ? nl[i + 1] : fr[j + 1];
  const Features merged = Merge(first, second);
  const double cost = dutch_merged ? scorer.Match(merged, single) : scorer.Match(single, merged);
  const double support = std::min(Support(single, first), Support(single, second));
  const double unsupported = kUnsupportedPartCost * (1.0 - std::min(1.0, support / kSupportedPart));
  return cost + kMergeCost + unsupported;
}

}  // namespace

std::vector<AlignedPair> AlignPairs(const std::vector<LaidOutParagraph>& dutch,
                                    const std::vector<LaidOutParagraph>& french) {
  const Tokenizer tokenizer;
  std::vector<Features> nl;
  std::vector<Features> fr;
  for (const auto& paragraph : dutch) nl.push_back(Describe(paragraph, tokenizer));
  for (const auto& paragraph : french) fr.push_back(Describe(paragraph, tokenizer));
  const Scorer scorer(nl, fr);

  const std::size_t n = nl.size();
  const std::size_t m = fr.size();
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> cost(n + 1, std::vector<double>(m + 1, kInfinity));
  std::vector<std::vector<int>> back(n + 1, std::vector<int>(m + 1, -1));
  cost[0][0] = 0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = 0; j <= m; ++j) {
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
