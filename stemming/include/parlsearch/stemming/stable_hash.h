// A 64-bit hash of bytes fixed by its definition (FNV-1a), for whatever must hash the same in
// every build and run: word-list cache files, lexicon pair samples, pair ids in the searcher.
#ifndef PARLSEARCH_STEMMING_STABLE_HASH_H_
#define PARLSEARCH_STEMMING_STABLE_HASH_H_

#include <cstdint>
#include <string_view>

namespace parlsearch {

inline std::uint64_t StableHash(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_STABLE_HASH_H_
