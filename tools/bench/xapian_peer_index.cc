// The peer of the indexing benchmark: the same paragraphs indexed the stock Xapian way
// (TermGenerator with Xapian's own Snowball stemmer, positions, the paragraph as data), read
// from `parlsearch parse` output. Timing parlsearch against it in the same run gives a ratio
// that holds on a noisy machine.
// Usage: parlsearch_xapian_peer_index DB < paragraphs.jsonl
#include <xapian.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parlsearch_xapian_peer_index DB < paragraphs.jsonl\n";
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase database(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  const Xapian::Stem dutch("dutch");
  const Xapian::Stem french("french");
  std::size_t paragraphs = 0;
  database.begin_transaction();
  for (std::string line; std::getline(std::cin, line);) {
    const auto record = nlohmann::json::parse(line);
    Xapian::Document document;
    generator.set_document(document);
    generator.set_stemmer(record["lang"] == "fr" ? french : dutch);
    generator.index_text(record["text"].get<std::string>());
    document.set_data(line);
    document.add_boolean_term("Q" + record["id"].get<std::string>());
    database.add_document(document);
    if (++paragraphs % 20000 == 0) {
      database.commit_transaction();
      database.begin_transaction();
    }
  }
  database.commit_transaction();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << paragraphs << " paragraphs in " << seconds << " s\n";
  return 0;
}
