#include "pair_associations.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace parlsearch {
namespace {

// One cell's share of G²: k·ln(k·total / (row·column)), 0 for an empty cell.
double Cell(double k, double row, double column, double total) {
  return k > 0 ? k * std::log(k * total / (row * column)) : 0;
}

// Dunning's G² for a 2×2 table of pairs: both stems, only the Dutch, only the French, neither.
double LogLikelihood(double both, double dutch, double french, double total) {
  const double only_dutch = dutch - both;
  const double only_french = french - both;
  const double neither = total - dutch - french + both;
  return 2 * (Cell(both, dutch, french, total) + Cell(only_dutch, dutch, total - french, total) +
              Cell(only_french, total - dutch, french, total) +
              Cell(neither, total - dutch, total - french, total));
}

// A map from keys to counts with open addressing: counting co-occurrences is most of the
// learning's time, and std::unordered_map allocates a node per key.
class KeyCounts {
 public:
  KeyCounts() : slots_(1 << 16) {}

  std::uint32_t& operator[](std::uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& slot = slots_[Find(key)];
    if (!slot.used) {
      slot = {key, 0, true};
      ++size_;
    }
    return slot.count;
  }

  // The count of `key`, or nullptr.
  const std::uint32_t* Get(std::uint64_t key) const {
    const Slot& slot = slots_[Find(key)];
    return slot.used ? &slot.count : nullptr;
  }

  template <typename Visit>
  void ForEach(Visit visit) const {
    for (const Slot& slot : slots_) {
      if (slot.used) visit(slot.key, slot.count);
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t count = 0;
    bool used = false;
  };

  std::size_t Find(std::uint64_t key) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t index = (key * 0x9E3779B97F4A7C15ull) >> 20 & mask;
    while (slots_[index].used && slots_[index].key != key) index = (index + 1) & mask;
    return index;
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.used) slots_[Find(slot.key)] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

struct Counts {
  std::vector<std::uint32_t> dutch;   // stem -> pairs
  std::vector<std::uint32_t> french;  // stem -> pairs
  std::size_t total = 0;
};

// Co-occurrences are counted for a share of the Dutch stems at a time when there are many pairs:
// the two stems of 20 000 pairs make tens of millions of keys, most of them seen once, and their
// table took 400 MB at once.
constexpr std::uint32_t kCountingParts = 4;

bool Usable(const StemPair& pair) { return !pair.dutch.empty() && !pair.french.empty(); }

// The stems of `side` in at least `min_pairs` pairs: only those can be linked that often.
void Frequent(const std::vector<std::uint32_t>& side, const std::vector<std::uint32_t>& pairs,
              std::uint32_t min_pairs, std::vector<std::uint32_t>* frequent) {
  frequent->clear();
  for (std::uint32_t stem : side) {
    if (pairs[stem] >= min_pairs) frequent->push_back(stem);
  }
}

// The pairs each stem is in.
Counts CountStems(const std::vector<StemPair>& pairs) {
  Counts counts;
  for (const StemPair& pair : pairs) {
    if (!Usable(pair)) continue;
    ++counts.total;
    for (std::uint32_t stem : pair.dutch) {
      if (stem >= counts.dutch.size()) counts.dutch.resize(stem + 1, 0);
      ++counts.dutch[stem];
    }
    for (std::uint32_t stem : pair.french) {
      if (stem >= counts.french.size()) counts.french.resize(stem + 1, 0);
      ++counts.french[stem];
    }
  }
  return counts;
}

// The pairs each two stems are in together, stems in at least `min_pairs` pairs only, for the
// Dutch stems whose number is `part` modulo `parts`.
KeyCounts CountTogether(const std::vector<StemPair>& pairs, const Counts& counts,
                        std::uint32_t min_pairs, std::uint32_t part, std::uint32_t parts) {
  KeyCounts both;
  std::vector<std::uint32_t> dutch, french;
  for (const StemPair& pair : pairs) {
    if (!Usable(pair)) continue;
    Frequent(pair.dutch, counts.dutch, min_pairs, &dutch);
    Frequent(pair.french, counts.french, min_pairs, &french);
    for (std::uint32_t d : dutch) {
      if (d % parts != part) continue;
      for (std::uint32_t f : french) ++both[AssociationKey(d, f)];
    }
  }
  return both;
}

// Appends to `scores` the linking score of every two stems of `together` that may be linked:
// Dice of co-occurrence plus prior; indexed by the key's number in `numbers` (which KeyCounts
// hold as counts).
void AddScores(const Counts& counts, const KeyCounts& together, const AssociationPrior& prior,
               const AssociationOptions& options, KeyCounts* numbers, std::vector<double>* scores) {
  together.ForEach([&](std::uint64_t key, std::uint32_t both) {
    if (both < options.min_pairs) return;
    const double dutch = counts.dutch[static_cast<std::uint32_t>(key >> 32)];
    const double french = counts.french[static_cast<std::uint32_t>(key & 0xFFFFFFFFu)];
    const auto known = prior.find(key);
    const double prior_weight = known != prior.end() ? known->second : 0;
    if (prior_weight == 0 && LogLikelihood(both, dutch, french, static_cast<double>(counts.total)) <
                                 options.min_log_likelihood) {
      return;
    }
    // Links are never more than co-occurrences, so a candidate scoring under min_dice can never
    // be learned; and since linking goes best first, leaving it out changes no other link that
    // can.
    const double score = 2 * both / (dutch + french) + prior_weight;
    if (score < options.min_dice) return;
    (*numbers)[key] = static_cast<std::uint32_t>(scores->size());
    scores->push_back(score);
  });
}

}  // namespace

std::uint64_t AssociationKey(std::uint32_t dutch, std::uint32_t french) {
  return (static_cast<std::uint64_t>(dutch) << 32) | french;
}

std::vector<Association> LearnAssociations(const std::vector<StemPair>& pairs,
                                           const AssociationPrior& prior,
                                           const AssociationOptions& options) {
  const Counts counts = CountStems(pairs);
  KeyCounts numbers;
  std::vector<double> scores;
  for (std::uint32_t part = 0; part < kCountingParts; ++part) {
    AddScores(counts, CountTogether(pairs, counts, options.min_pairs, part, kCountingParts), prior,
              options, &numbers, &scores);
  }

  KeyCounts links;
  struct Candidate {
    double score;
    std::uint32_t dutch;
    std::uint32_t french;
  };
  std::vector<Candidate> candidates;
  std::vector<char> dutch_linked(counts.dutch.size(), 0), french_linked(counts.french.size(), 0);
  std::vector<std::uint32_t> dutch, french;
  for (const StemPair& pair : pairs) {
    if (!Usable(pair)) continue;
    Frequent(pair.dutch, counts.dutch, options.min_pairs, &dutch);
    Frequent(pair.french, counts.french, options.min_pairs, &french);
    candidates.clear();
    for (std::uint32_t d : dutch) {
      for (std::uint32_t f : french) {
        const std::uint32_t* number = numbers.Get(AssociationKey(d, f));
        if (number != nullptr) candidates.push_back({scores[*number], d, f});
      }
    }
    // Best first; ties in a stable order so that results do not depend on hashing.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.dutch != b.dutch ? a.dutch < b.dutch : a.french < b.french;
    });
    for (const Candidate& candidate : candidates) {
      if (dutch_linked[candidate.dutch] || french_linked[candidate.french]) continue;
      dutch_linked[candidate.dutch] = french_linked[candidate.french] = 1;
      ++links[AssociationKey(candidate.dutch, candidate.french)];
    }
    for (std::uint32_t d : dutch) dutch_linked[d] = 0;
    for (std::uint32_t f : french) french_linked[f] = 0;
  }

  std::vector<Association> associations;
  links.ForEach([&](std::uint64_t key, std::uint32_t count) {
    if (count < options.min_pairs) return;
    Association association;
    association.dutch = static_cast<std::uint32_t>(key >> 32);
    association.french = static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
    association.links = count;
    association.dice =
        2.0 * count / (counts.dutch[association.dutch] + counts.french[association.french]);
    if (association.dice >= options.min_dice) associations.push_back(association);
  });
  std::sort(associations.begin(), associations.end(),
            [](const Association& a, const Association& b) {
              return a.dutch != b.dutch ? a.dutch < b.dutch : a.french < b.french;
            });
  return associations;
}

namespace {

// One direction of IBM Model 1: t(target | source) for the candidate keys, by number in
// `numbers`. `source_of` and `target_of` read a key's two stems; each pair gives its sides.
std::vector<double> TrainModelOne(const std::vector<StemPair>& pairs, const Counts& counts,
                                  const KeyCounts& numbers, std::size_t candidates,
                                  const AssociationPrior& prior, const AlignmentOptions& options,
                                  bool dutch_to_french) {
  // t starts uniform: the first iteration's expectations are co-occurrences shared evenly.
  std::vector<double> t(candidates, 1.0);
  const std::size_t sources = dutch_to_french ? counts.dutch.size() : counts.french.size();
  const std::size_t targets = dutch_to_french ? counts.french.size() : counts.dutch.size();
  std::vector<double> empty(targets, 1.0);  // t(target | no word)
  std::vector<double> expected(candidates), source_total(sources), empty_expected(targets);
  std::vector<std::uint32_t> dutch, french;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> row;  // (key number, source stem)
  // The prior as pseudo-counts, by key number.
  std::vector<std::pair<std::uint32_t, double>> known;
  for (const auto& [key, weight] : prior) {
    const std::uint32_t* number = numbers.Get(key);
    if (number != nullptr) known.emplace_back(*number, weight * options.prior_pairs);
  }
  std::vector<std::uint32_t> source_of(candidates);
  numbers.ForEach([&](std::uint64_t key, std::uint32_t number) {
    source_of[number] = dutch_to_french ? static_cast<std::uint32_t>(key >> 32)
                                        : static_cast<std::uint32_t>(key & 0xFFFFFFFFu);
  });
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    std::fill(expected.begin(), expected.end(), 0.0);
    std::fill(source_total.begin(), source_total.end(), 0.0);
    std::fill(empty_expected.begin(), empty_expected.end(), 0.0);
    double empty_total = 0;
    for (const StemPair& pair : pairs) {
      if (!Usable(pair)) continue;
      Frequent(pair.dutch, counts.dutch, options.min_pairs, &dutch);
      Frequent(pair.french, counts.french, options.min_pairs, &french);
      const std::vector<std::uint32_t>& source_side = dutch_to_french ? dutch : french;
      const std::vector<std::uint32_t>& target_side = dutch_to_french ? french : dutch;
      for (std::uint32_t target : target_side) {
        row.clear();
        double sum = empty[target];
        for (std::uint32_t source : source_side) {
          const std::uint32_t* number = numbers.Get(
              dutch_to_french ? AssociationKey(source, target) : AssociationKey(target, source));
          if (number == nullptr) continue;
          row.emplace_back(*number, source);
          sum += t[*number];
        }
        for (const auto& [number, source] : row) {
          const double share = t[number] / sum;
          expected[number] += share;
          source_total[source] += share;
        }
        const double share = empty[target] / sum;
        empty_expected[target] += share;
        empty_total += share;
      }
    }
    for (const auto& [number, pseudo] : known) {
      expected[number] += pseudo;
      source_total[source_of[number]] += pseudo;
    }
    for (std::size_t number = 0; number < candidates; ++number) {
      const double total = source_total[source_of[number]];
      t[number] = total > 0 ? expected[number] / total : 0;
    }
    for (std::size_t target = 0; target < targets; ++target) {
      empty[target] = empty_total > 0 ? empty_expected[target] / empty_total : 0;
    }
  }
  return t;
}

}  // namespace

std::vector<Association> AlignWords(const std::vector<StemPair>& pairs,
                                    const AssociationPrior& prior,
                                    const AlignmentOptions& options) {
  const Counts counts = CountStems(pairs);
  // Alignment reads a few thousand pairs: their keys are counted at once.
  const KeyCounts together = CountTogether(pairs, counts, options.min_pairs, 0, 1);
  // The candidates: stems co-occurring often enough, numbered.
  KeyCounts numbers;
  std::vector<std::uint64_t> keys;
  together.ForEach([&](std::uint64_t key, std::uint32_t both) {
    if (both < options.min_pairs) return;
    numbers[key] = static_cast<std::uint32_t>(keys.size());
    keys.push_back(key);
  });
  const std::vector<double> forward =
      TrainModelOne(pairs, counts, numbers, keys.size(), prior, options, true);
  const std::vector<double> backward =
      TrainModelOne(pairs, counts, numbers, keys.size(), prior, options, false);
  std::vector<Association> associations;
  for (std::size_t number = 0; number < keys.size(); ++number) {
    if (forward[number] < options.min_probability || backward[number] < options.min_probability) {
      continue;
    }
    Association association;
    association.dutch = static_cast<std::uint32_t>(keys[number] >> 32);
    association.french = static_cast<std::uint32_t>(keys[number] & 0xFFFFFFFFu);
    association.links = *together.Get(keys[number]);
    association.dice = 2.0 * association.links /
                       (counts.dutch[association.dutch] + counts.french[association.french]);
    association.forward = forward[number];
    association.backward = backward[number];
    associations.push_back(association);
  }
  std::sort(associations.begin(), associations.end(),
            [](const Association& a, const Association& b) {
              return a.dutch != b.dutch ? a.dutch < b.dutch : a.french < b.french;
            });
  return associations;
}

}  // namespace parlsearch
