#include "parlsearch/schema/date.h"

#include <algorithm>
#include <cctype>

#include "parlsearch/error.h"

namespace parlsearch::schema {
namespace {

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

int Number(std::string_view digits) {
  int number = 0;
  for (char c : digits) number = number * 10 + (c - '0');
  return number;
}

}  // namespace

std::optional<std::string> TryCompactDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  const std::string_view year = date.substr(0, 4), month = date.substr(5, 2),
                         day = date.substr(8, 2);
  if (!AllDigits(year) || !AllDigits(month) || !AllDigits(day)) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const int y = Number(year), m = Number(month), d = Number(day);
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > (m == 2 && !leap ? 28 : kDays[m - 1])) return std::nullopt;
  std::string compact(year);
  compact.append(month).append(day);
  return compact;
}

std::string CompactDate(std::string_view date) {
  std::optional<std::string> compact = TryCompactDate(date);
  if (!compact) throw QueryError("not a date (YYYY-MM-DD): " + std::string(date));
  return std::move(*compact);
}

}  // namespace parlsearch::schema
