// Finding the political group a speaker speaks for, in their own words: "Voor de Groenfractie
// ...", "De MR-fractie zal ...", "Pour le groupe Ecolo ...", "Le groupe MR votera ...".
//
// Only constructions that tie the speaker to the group count; a group merely named ("critiquée
// par le groupe PTB") does not.
#ifndef PARLSEARCH_CORPUS_PARTY_MENTIONS_H_
#define PARLSEARCH_CORPUS_PARTY_MENTIONS_H_

#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

// The groups `paragraph` speaks for. A group matching one of `known_parties` (compared case- and
// accent-insensitively; multi-word names such as "Open Vld" included) is returned as spelled
// there; another is returned as written.
std::vector<std::string> FindOwnGroupMentions(std::string_view paragraph,
                                              const std::vector<std::string>& known_parties);

// Parties of Belgian parliaments, for recognising multi-word group names when no roster names
// them. A roster's own spellings take precedence.
const std::vector<std::string>& BelgianParties();

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARTY_MENTIONS_H_
