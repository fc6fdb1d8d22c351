// Word segmentation of running text.
#ifndef PARLSEARCH_STEMMING_TOKENIZER_H_
#define PARLSEARCH_STEMMING_TOKENIZER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

// One word of running text, as it appears in the input.
struct Token {
  std::string text;        // the token's characters, unchanged
  std::size_t offset = 0;  // byte offset of the token in the input
  bool has_letter = false;
  bool has_digit = false;
};

// Splits text into words with ICU's word BreakIterator (Unicode UAX #29), then joins the pieces
// that readers take as one token: hyphenated compounds ("e-governance", "IT-uitgaven"), dotted
// names ("easy.brussels"), document numbers ("A-805/2"), numbers with separators ("1.250,50")
// and words with an apostrophe ("l'interopérabilité"; splitting the elision is the analyser's
// job). Spaces and punctuation are not returned.
//
// A Tokenizer holds an ICU iterator and is not safe for concurrent use: make one per thread.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  std::vector<Token> Tokenize(std::string_view text) const;

 private:
  struct WordBreaker;  // ICU's word break iterator
  std::unique_ptr<WordBreaker> words_;
};

// The parts of a joined token, split at its inner hyphens, slashes and dots: "IT-uitgaven" ->
// {"IT", "uitgaven"}; a token without joiners gives itself.
std::vector<std::string_view> SplitJoinedToken(std::string_view token);

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_TOKENIZER_H_
