#include "parlsearch/corpus/roster.h"

#include <gtest/gtest.h>

#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

TEST(Roster, LoadsTheBundledRoster) {
  const Roster roster = Roster::Load(testing::BundledRoster());
  ASSERT_FALSE(roster.empty());
  const RosterEntry* entry = roster.Find("Margaux De Ré");
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->party, "Ecolo");
}

TEST(Roster, FindsByFullNameOrUniqueSurnameIgnoringCaseAndAccents) {
  const Roster roster({{"Margaux De Ré", "Ecolo", "member", 2019, 2024},
                       {"Jan De Smet", "Groen", "member", 2019, 2024},
                       {"Els Smet", "N-VA", "member", 2019, 2024}});
  EXPECT_EQ(roster.Find("MARGAUX DE RE")->name, "Margaux De Ré");
  EXPECT_EQ(roster.Find("De Ré")->name, "Margaux De Ré");
  EXPECT_EQ(roster.Find("Smet"), nullptr);  // two people
  EXPECT_EQ(roster.Find("Unknown Person"), nullptr);
}

TEST(Roster, RespectsTheYearsOfAnEntry) {
  const Roster roster({{"Jan Peeters", "CD&V", "member", 2014, 2018},
                       {"Jan Peeters", "N-VA", "member", 2019, 2024}});
  EXPECT_EQ(roster.Find("Jan Peeters", 2023, 2024)->party, "N-VA");
  EXPECT_EQ(roster.Find("Jan Peeters", 2016, 2016)->party, "CD&V");
}

TEST(Roster, BadRowIsReportedWithItsLine) {
  testing::TempDir dir;
  const std::string path =
      dir.Write("roster.tsv", "name\tparty\trole\tfrom\tto\nJan\tPS\tmember\tnineteen\t2024\n");
  try {
    Roster::Load(path);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 2);
    EXPECT_NE(std::string(error.what()).find(path + ":2:"), std::string::npos);
  }
}

}  // namespace
}  // namespace parlsearch
