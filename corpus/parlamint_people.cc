#include "parlamint_people.h"

#include <algorithm>

namespace parlsearch {
namespace {

// "#N-VA" -> "N-VA"; a reference into another file ("list.xml#N-VA") keeps only the fragment.
std::string_view Fragment(std::string_view reference) {
  const std::size_t hash = reference.find('#');
  return hash == std::string_view::npos ? reference : reference.substr(hash + 1);
}

// Forenames, then name links and surnames ("Wim", "Van der Donckt"), in natural order; the
// whole text of the <persName> when it has no such parts.
std::string ReadPersonName(XmlReader& reader) {
  std::vector<std::string> forenames;
  std::vector<std::string> surnames;
  std::string loose;
  for (;;) {
    const XmlReader::Event event = reader.Next();
    if (event == XmlReader::Event::kEnd || event == XmlReader::Event::kDone) break;
    if (event == XmlReader::Event::kText) {
      loose += reader.text();
      continue;
    }
    const std::string_view name = reader.name();
    if (name == "forename") {
      forenames.push_back(reader.ReadText());
    } else if (name == "surname" || name == "nameLink") {
      surnames.push_back(reader.ReadText());
    } else {
      reader.SkipElement();  // roleName, addName: titles and epithets, not the name
    }
  }
  std::string full;
  for (const std::vector<std::string>* parts : {&forenames, &surnames}) {
    for (const std::string& part : *parts) {
      if (part.empty()) continue;
      if (!full.empty()) full += ' ';
      full += part;
    }
  }
  return full.empty() ? NormalizeSpace(loose) : full;
}

}  // namespace

bool ParlaMintPeople::Period::Contains(std::string_view date) const {
  // ISO dates compare as strings; a shortened bound ("2019") compares with the same prefix.
  if (date.empty()) return true;
  if (!from.empty() && date.substr(0, from.size()) < from) return false;
  if (!to.empty() && date.substr(0, to.size()) > to) return false;
  return true;
}

void ParlaMintPeople::ReadList(XmlReader& reader) {
  // Lists nest (a <listPerson> in a <listPerson>); only persons and organisations matter.
  for (int depth = 1; depth > 0;) {
    switch (reader.Next()) {
      case XmlReader::Event::kStart:
        if (reader.name() == "person") {
          ReadPerson(reader);
        } else if (reader.name() == "org") {
          ReadOrganisation(reader);
        } else if (reader.name() == "listPerson" || reader.name() == "listOrg") {
          ++depth;
        } else {
          reader.SkipElement();  // heads, relations, events
        }
        break;
      case XmlReader::Event::kEnd:
        --depth;
        break;
      case XmlReader::Event::kText:
        break;
      case XmlReader::Event::kDone:
        return;
    }
  }
}

void ParlaMintPeople::ReadFile(const std::string& path) {
  XmlReader reader(path);
  for (XmlReader::Event event = reader.Next(); event != XmlReader::Event::kDone;
       event = reader.Next()) {
    if (event == XmlReader::Event::kStart &&
        (reader.name() == "listPerson" || reader.name() == "listOrg")) {
      ReadList(reader);
    }
  }
}

void ParlaMintPeople::ReadPerson(XmlReader& reader) {
  const std::string id = reader.Attribute("xml:id");
  Person person;
  for (;;) {
    const XmlReader::Event event = reader.Next();
    if (event == XmlReader::Event::kEnd || event == XmlReader::Event::kDone) break;
    if (event != XmlReader::Event::kStart) continue;
    const Period period{reader.Attribute("from"), reader.Attribute("to")};
    if (reader.name() == "persName") {
      person.names.push_back({period, ReadPersonName(reader)});
    } else if (reader.name() == "affiliation") {
      person.affiliations.push_back(
          {period, std::string(Fragment(reader.Attribute("ref"))), reader.Attribute("role")});
      reader.SkipElement();
    } else {
      reader.SkipElement();  // sex, birth, idno, figure, ...
    }
  }
  if (!id.empty()) people_[id] = std::move(person);
}

void ParlaMintPeople::ReadOrganisation(XmlReader& reader) {
  const std::string id = reader.Attribute("xml:id");
  Organisation organisation;
  organisation.role = reader.Attribute("role");
  for (;;) {
    const XmlReader::Event event = reader.Next();
    if (event == XmlReader::Event::kEnd || event == XmlReader::Event::kDone) break;
    if (event != XmlReader::Event::kStart) continue;
    if (reader.name() == "orgName") {
      const std::string full = reader.Attribute("full");
      const std::string text = reader.ReadText();
      if (full == "abb" && organisation.abbreviation.empty()) {
        organisation.abbreviation = text;
      } else if (full != "abb" && organisation.full_name.empty()) {
        organisation.full_name = text;
      }
    } else {
      reader.SkipElement();
    }
  }
  if (!id.empty()) organisations_[id] = std::move(organisation);
}

std::string ParlaMintPeople::PartyOn(const Person& person, std::string_view date) const {
  const Affiliation* best = nullptr;
  int best_rank = 0;
  for (const Affiliation& affiliation : person.affiliations) {
    if (!affiliation.period.Contains(date)) continue;
    const auto organisation = organisations_.find(affiliation.organisation);
    if (organisation == organisations_.end()) continue;
    const int rank = organisation->second.role == "politicalParty"       ? 2
                     : organisation->second.role == "parliamentaryGroup" ? 1
                                                                         : 0;
    // Among equals, the affiliation that began last is the one in force.
    if (rank > best_rank ||
        (rank == best_rank && rank > 0 && affiliation.period.from > best->period.from)) {
      best = &affiliation;
      best_rank = rank;
    }
  }
  if (best == nullptr) return "";
  const Organisation& organisation = organisations_.find(best->organisation)->second;
  return organisation.abbreviation.empty() ? organisation.full_name : organisation.abbreviation;
}

std::optional<ParlaMintPerson> ParlaMintPeople::Find(std::string_view id,
                                                     std::string_view date) const {
  const auto it = people_.find(id);
  if (it == people_.end()) return std::nullopt;
  const Person& person = it->second;
  ParlaMintPerson found;
  for (const Name& name : person.names) {
    if (name.period.Contains(date) && !name.text.empty()) {
      found.name = name.text;
      break;
    }
  }
  if (found.name.empty() && !person.names.empty()) found.name = person.names.back().text;
  found.party = PartyOn(person, date);
  found.minister = std::any_of(
      person.affiliations.begin(), person.affiliations.end(),
      [&](const Affiliation& a) { return a.role == "minister" && a.period.Contains(date); });
  return found;
}

}  // namespace parlsearch
