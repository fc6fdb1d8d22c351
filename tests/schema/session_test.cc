#include "parlsearch/schema/session.h"

#include <gtest/gtest.h>

namespace parlsearch::schema {
namespace {

TEST(SessionOf, TheYearsOfAReportId) {
  EXPECT_EQ(SessionOf("A-805/2 – 2023/2024"), "2023/2024");
  EXPECT_EQ(SessionOf("A-805/2 - 2023/2024"), "2023/2024");
  EXPECT_EQ(SessionOf("B-12/1 – 2019-2020"), "2019/2020");
  EXPECT_EQ(SessionOf("2022/2023"), "2022/2023");
}

TEST(SessionOf, NoneWhereTheIdNamesNone) {
  EXPECT_EQ(SessionOf(""), "");
  EXPECT_EQ(SessionOf("ParlaMint-BE_2017-04-27-54-plenair-ip165x"), "");
  EXPECT_EQ(SessionOf("A-805/2"), "");
  EXPECT_EQ(SessionOf("A-805/2 – 2023/2025"), "");    // not consecutive years
  EXPECT_EQ(SessionOf("A-805/2 – 12023/20245"), "");  // not years
}

}  // namespace
}  // namespace parlsearch::schema
