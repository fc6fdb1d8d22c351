#include "parlsearch/schema/date.h"

#include <gtest/gtest.h>

#include "parlsearch/error.h"

namespace parlsearch::schema {
namespace {

TEST(TryCompactDate, ValidDatesBecomeDigitsOnly) {
  EXPECT_EQ(TryCompactDate("2024-03-21"), "20240321");
  EXPECT_EQ(TryCompactDate("2024-02-29"), "20240229");  // a leap year
  EXPECT_EQ(TryCompactDate("2000-02-29"), "20000229");
}

TEST(TryCompactDate, AnythingElseIsNoDate) {
  for (const char* date : {"", "2024", "2024-03", "21/03/2024", "2024-13-01", "2024-02-30",
                           "2023-02-29", "1900-02-29", "2024-3-21x", "2024-0a-21"}) {
    EXPECT_EQ(TryCompactDate(date), std::nullopt) << date;
  }
}

TEST(CompactDate, ThrowsAQueryErrorNamingTheValue) {
  EXPECT_EQ(CompactDate("2023-05-10"), "20230510");
  try {
    CompactDate("2024-13-45");
    FAIL();
  } catch (const QueryError& error) {
    EXPECT_STREQ(error.what(), "not a date (YYYY-MM-DD): 2024-13-45");
  }
}

}  // namespace
}  // namespace parlsearch::schema
