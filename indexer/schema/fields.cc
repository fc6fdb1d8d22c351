#include "parlsearch/schema/fields.h"

#include "parlsearch/stemming/normalizer.h"

namespace parlsearch::schema {

const Field* FindField(std::string_view name) {
  for (const Field& field : kFields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::vector<std::string_view> FacetNames() {
  std::vector<std::string_view> names;
  for (const Field& field : kFields) {
    if (field.facet) names.push_back(field.name);
  }
  return names;
}

std::vector<std::string_view> FilterNames() {
  std::vector<std::string_view> names;
  for (const Field& field : kFields) {
    if (field.filter) names.push_back(field.name);
  }
  return names;
}

std::string JoinNames(const std::vector<std::string_view>& names, std::string_view separator) {
  std::string joined;
  for (std::string_view name : names) {
    if (!joined.empty()) joined.append(separator);
    joined.append(name);
  }
  return joined;
}

std::string NormaliseValue(const Field& field, std::string_view value) {
  switch (field.normalise) {
    case Normalise::kAsIs:
      return std::string(value);
    case Normalise::kFolded:
      return FoldForMatching(value);
    case Normalise::kDate:
      return TryCompactDate(value).value_or("");
  }
  return "";
}

std::string FieldTerm(const Field& field, std::string_view value) {
  if (field.prefix.empty()) return "";
  const std::string normal = NormaliseValue(field, value);
  if (normal.empty()) return "";
  std::string term(field.prefix);
  return term + normal;
}

}  // namespace parlsearch::schema
