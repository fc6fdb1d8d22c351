// The people and organisations of a ParlaMint corpus, from its <listPerson> and <listOrg>: who a
// speaker is, and their party and ministerial office on a given day. Internal to the corpus
// module.
#ifndef PARLSEARCH_CORPUS_PARLAMINT_PEOPLE_H_
#define PARLSEARCH_CORPUS_PARLAMINT_PEOPLE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xml_reader.h"

namespace parlsearch {

// What the lists say about one person on one day.
struct ParlaMintPerson {
  std::string name;       // natural order: "Annick Ponthier"
  std::string party;      // the party's abbreviation; "" if the lists give none on that day
  bool minister = false;  // holds a ministerial office that day
};

class ParlaMintPeople {
 public:
  // Reads the <listPerson> or <listOrg> whose start tag `reader` is on, through its end tag.
  void ReadList(XmlReader& reader);

  // Reads every <listPerson> and <listOrg> in the XML file at `path` (a list file, or a TEI file
  // whose header holds them). Throws InputError naming the file and line if it is malformed.
  void ReadFile(const std::string& path);

  // The person whose xml:id is `id`, as of `date` (YYYY-MM-DD): nullopt if no list has them.
  // A party is an affiliation, in force that day, to an organisation the <listOrg> calls a
  // political party (preferred) or a parliamentary group; never one it does not know.
  std::optional<ParlaMintPerson> Find(std::string_view id, std::string_view date) const;

 private:
  struct Period {
    std::string from;  // ISO dates, maybe shortened ("2019"); "" for open
    std::string to;
    bool Contains(std::string_view date) const;
  };
  struct Name {
    Period period;
    std::string text;
  };
  struct Affiliation {
    Period period;
    std::string organisation;  // xml:id, without '#'
    std::string role;
  };
  struct Person {
    std::vector<Name> names;
    std::vector<Affiliation> affiliations;
  };
  struct Organisation {
    std::string role;  // "politicalParty", "parliamentaryGroup", ...
    std::string abbreviation;
    std::string full_name;
  };

  void ReadPerson(XmlReader& reader);
  void ReadOrganisation(XmlReader& reader);
  std::string PartyOn(const Person& person, std::string_view date) const;

  std::map<std::string, Person, std::less<>> people_;
  std::map<std::string, Organisation, std::less<>> organisations_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARLAMINT_PEOPLE_H_
