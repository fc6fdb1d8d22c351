#include "speaker_tracker.h"

#include <algorithm>

#include "parlsearch/stemming/normalizer.h"
#include "party_mentions.h"
#include "speaker_reference.h"
#include "text_util.h"

namespace parlsearch {
namespace {

using Kind = SpeakerReference::Kind;

bool IsRecordedRole(std::string_view role) {
  return role == kRoleMinister || role == kRoleChair || role == kRoleRapporteur ||
         role == kRoleMember;
}

bool SameName(std::string_view a, std::string_view b) {
  return FoldForMatching(a) == FoldForMatching(b);
}

// True if `full` ends with the words of `tail` ("Margaux De Ré" ends with "De Ré").
bool EndsWithName(std::string_view full, std::string_view tail) {
  const std::string folded_full = FoldForMatching(full);
  const std::string folded_tail = FoldForMatching(tail);
  return folded_full.size() > folded_tail.size() && folded_full.ends_with(folded_tail) &&
         folded_full[folded_full.size() - folded_tail.size() - 1] == ' ';
}

// Titles in the signature block, in the order they are printed.
std::string SignatureRole(std::string_view word) {
  const std::string folded = FoldForMatching(StripPunctuation(word));
  if (folded == "rapporteur" || folded == "rapporteuse") return std::string(kRoleRapporteur);
  if (folded == "voorzitter" || folded == "voorzitster" || folded == "president" ||
      folded == "presidente") {
    return std::string(kRoleChair);
  }
  return "";
}

}  // namespace

SpeakerTracker::SpeakerTracker(const Roster* roster, int from_year, int to_year)
    : roster_(roster), from_year_(from_year), to_year_(to_year) {
  if (roster_ != nullptr) {
    for (const RosterEntry& entry : roster_->entries()) {
      if (!entry.party.empty()) known_parties_.push_back(entry.party);
    }
  }
  for (const std::string& party : BelgianParties()) known_parties_.push_back(party);
}

std::string SpeakerTracker::Canonical(const std::string& written) const {
  if (roster_ != nullptr) {
    if (const RosterEntry* entry = roster_->Find(written, from_year_, to_year_)) {
      return entry->name;
    }
  }
  // A surname alone stands for the one person of the document with that surname.
  const std::string* match = nullptr;
  for (const std::string& person : people_) {
    if (SameName(person, written)) return person;
    if (EndsWithName(person, written)) {
      if (match != nullptr && !SameName(*match, person)) return TitleCaseAllCaps(written);
      match = &person;
    }
  }
  return match != nullptr ? *match : TitleCaseAllCaps(written);
}

std::string SpeakerTracker::RosterRole(const std::string& name) const {
  if (roster_ == nullptr) return "";
  const RosterEntry* entry = roster_->Find(name, from_year_, to_year_);
  return entry != nullptr && IsRecordedRole(entry->role) ? entry->role : "";
}

void SpeakerTracker::LearnSignature(const std::string& text) {
  // "De rapporteur De voorzitter Thomas NAESSENS Michaël VOSSAERT": titles, then one name per
  // title, each ending in a surname in capitals.
  std::vector<std::string> roles;
  std::vector<std::string> names;
  std::string name;
  for (std::string_view word : SplitWords(text)) {
    const std::string role = SignatureRole(word);
    if (!role.empty()) {
      roles.push_back(role);
      continue;
    }
    if (!StartsUpper(word) || (names.empty() && name.empty() && roles.empty())) continue;
    const std::string folded = FoldForMatching(word);
    if (folded == "de" || folded == "le" || folded == "la") continue;
    if (!name.empty()) name.push_back(' ');
    name.append(word);
    if (IsAllCaps(word)) {
      names.push_back(TitleCaseAllCaps(name));
      name.clear();
    }
  }
  if (roles.size() != names.size()) return;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const std::string person = Canonical(names[i]);
    offices_.emplace(roles[i], person);
    if (std::none_of(people_.begin(), people_.end(),
                     [&](const std::string& known) { return SameName(known, person); })) {
      people_.push_back(person);
    }
  }
}

void SpeakerTracker::Learn(const std::vector<LaidOutParagraph>& paragraphs) {
  for (const LaidOutParagraph& paragraph : paragraphs) {
    if (paragraph.kind == ParagraphKind::kSignature) {
      LearnSignature(paragraph.text);
      continue;
    }
    if (paragraph.kind == ParagraphKind::kHeading) continue;
    const std::vector<SpeakerReference> references = FindSpeakerReferences(paragraph.text);
    for (const SpeakerReference& reference : references) {
      if (reference.kind != Kind::kPerson || SplitWords(reference.name).size() < 2) continue;
      const std::string person =
          roster_ != nullptr && roster_->Find(reference.name, from_year_, to_year_) != nullptr
              ? roster_->Find(reference.name, from_year_, to_year_)->name
              : TitleCaseAllCaps(reference.name);
      if (std::none_of(people_.begin(), people_.end(),
                       [&](const std::string& known) { return SameName(known, person); })) {
        people_.push_back(person);
      }
      if (reference.role != kRoleMember) offices_.emplace(reference.role, person);
    }
    // "De voorzitter van de commissie ..., de heer X, ...": the office and its holder.
    if (references.size() >= 2 && references[0].at_start && references[0].kind == Kind::kOffice &&
        references[1].kind == Kind::kPerson && references[1].after_comma) {
      offices_.emplace(references[0].role, Canonical(references[1].name));
    }
  }
}

std::string SpeakerTracker::OfficeHolder(
    const std::string& role, const std::map<std::string, std::string>& named_in_text) const {
  if (const auto it = named_in_text.find(role); it != named_in_text.end()) return it->second;
  if (const auto it = offices_.find(role); it != offices_.end()) return it->second;
  // The roster's only minister, if it has exactly one.
  if (roster_ != nullptr && role == kRoleMinister) {
    std::string holder;
    for (const RosterEntry& entry : roster_->entries()) {
      if (entry.role != kRoleMinister) continue;
      if (!holder.empty() && !SameName(holder, entry.name)) return "";
      holder = entry.name;
    }
    return holder;
  }
  return "";
}

std::vector<Turn> SpeakerTracker::Follow(const std::vector<LaidOutParagraph>& paragraphs) {
  std::vector<Turn> turns;
  Speaker current;
  Speaker last_member;
  std::map<std::string, std::string> named_in_text;  // role -> last holder introduced by name

  auto open = [&](const std::string& name, const std::string& role) {
    current.name = name.empty() ? "" : Canonical(name);
    current.role = role;
    if (role == kRoleMember && !current.name.empty()) {
      const std::string roster_role = RosterRole(current.name);
      if (!roster_role.empty()) current.role = roster_role;
    }
    if (current.role == kRoleMember) last_member = current;
    if (current.role != kRoleMember && !current.name.empty()) {
      named_in_text[current.role] = current.name;
    }
  };

  for (const LaidOutParagraph& paragraph : paragraphs) {
    if (paragraph.kind == ParagraphKind::kHeading || paragraph.kind == ParagraphKind::kSignature) {
      current = Speaker();
      turns.emplace_back();
      continue;
    }
    if (paragraph.after_break) current = Speaker();

    const std::vector<SpeakerReference> references = FindSpeakerReferences(paragraph.text);
    const bool question = StartsWithQuestion(paragraph.text);
    for (std::size_t i = 0; i < references.size(); ++i) {
      const SpeakerReference& reference = references[i];
      if (reference.mentioned) continue;
      if (reference.kind == Kind::kPerson) {
        if (reference.at_start || !question) open(reference.name, reference.role);
      } else if (reference.kind == Kind::kOffice) {
        const bool apposition = reference.at_start && i + 1 < references.size() &&
                                references[i + 1].kind == Kind::kPerson &&
                                references[i + 1].after_comma;
        if (apposition) {
          open(references[i + 1].name, reference.role);
        } else if (!question) {
          open(OfficeHolder(reference.role, named_in_text), reference.role);
        }
      } else if (current.role != kRoleMember && !current.role.empty() &&
                 !last_member.name.empty()) {
        // "De volksvertegenwoordiger ..." after the minister spoke: the member takes it up again.
        current = last_member;
      }
      break;
    }

    Turn turn;
    turn.speaker = current.name;
    turn.role = current.role;
    turns.push_back(turn);
    if (!current.name.empty() && current.role == kRoleMember) {
      for (std::string& party : FindOwnGroupMentions(paragraph.text, known_parties_)) {
        own_groups_[current.name].insert(std::move(party));
      }
    }
  }
  return turns;
}

void SpeakerTracker::AssignParties(std::vector<Turn>* turns) const {
  for (Turn& turn : *turns) {
    if (turn.speaker.empty()) continue;
    if (roster_ != nullptr) {
      const RosterEntry* entry = roster_->Find(turn.speaker, from_year_, to_year_);
      if (entry != nullptr && !entry->party.empty()) {
        turn.party = entry->party;
        turn.party_source = PartySource::kRoster;
        continue;
      }
    }
    const auto groups = own_groups_.find(turn.speaker);
    if (groups != own_groups_.end() && groups->second.size() == 1) {
      turn.party = *groups->second.begin();
      turn.party_source = PartySource::kText;
    }
  }
}

}  // namespace parlsearch
