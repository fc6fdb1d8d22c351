// Validating JSON against a JSON Schema, for the subset parlsearch's documented schemas use:
// type (one or a list), enum, properties, required, additionalProperties (false or a schema),
// items, minimum, oneOf.
#ifndef PARLSEARCH_TESTS_TESTING_JSON_SCHEMA_H_
#define PARLSEARCH_TESTS_TESTING_JSON_SCHEMA_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parlsearch::testing {

// The ways `value` breaks `schema`, each with its JSON path; empty if it conforms.
std::vector<std::string> ValidateJson(const nlohmann::json& value, const nlohmann::json& schema,
                                      const std::string& path = "$");

}  // namespace parlsearch::testing

#endif  // PARLSEARCH_TESTS_TESTING_JSON_SCHEMA_H_
