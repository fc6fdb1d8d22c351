#include "testing/json_schema.h"

namespace parlsearch::testing {
namespace {

using nlohmann::json;

bool HasType(const json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  return false;
}

}  // namespace

std::vector<std::string> ValidateJson(const json& value, const json& schema,
                                      const std::string& path) {
  std::vector<std::string> errors;
  auto fail = [&](const std::string& what) { errors.push_back(path + ": " + what); };
  if (schema.contains("type")) {
    const json& type = schema["type"];
    bool ok = false;
    if (type.is_string()) ok = HasType(value, type.get<std::string>());
    for (const json& each : type.is_array() ? type : json::array()) {
      ok |= HasType(value, each.get<std::string>());
    }
    if (!ok) {
      fail("expected type " + type.dump() + ", got " + value.dump().substr(0, 60));
      return errors;
    }
  }
  if (schema.contains("oneOf")) {
    int matching = 0;
    for (const json& alternative : schema["oneOf"]) {
      if (ValidateJson(value, alternative, path).empty()) ++matching;
    }
    if (matching != 1) fail("matches " + std::to_string(matching) + " of oneOf, not 1");
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const json& allowed : schema["enum"]) found |= allowed == value;
    if (!found) fail("not one of " + schema["enum"].dump());
  }
  if (schema.contains("minimum") && value.is_number() &&
      value.get<double>() < schema["minimum"].get<double>()) {
    fail("below the minimum");
  }
  if (value.is_object()) {
    for (const json& name : schema.value("required", json::array())) {
      if (!value.contains(name.get<std::string>())) fail("missing " + name.get<std::string>());
    }
    const json properties = schema.value("properties", json::object());
    for (const auto& [name, item] : value.items()) {
      const std::string item_path = path + "." + name;
      if (properties.contains(name)) {
        const auto more = ValidateJson(item, properties[name], item_path);
        errors.insert(errors.end(), more.begin(), more.end());
      } else if (schema.contains("additionalProperties")) {
        const json& additional = schema["additionalProperties"];
        if (additional.is_boolean() && !additional.get<bool>()) {
          errors.push_back(item_path + ": not allowed");
        } else if (additional.is_object()) {
          const auto more = ValidateJson(item, additional, item_path);
          errors.insert(errors.end(), more.begin(), more.end());
        }
      }
    }
  }
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto more =
          ValidateJson(value[i], schema["items"], path + "[" + std::to_string(i) + "]");
      errors.insert(errors.end(), more.begin(), more.end());
    }
  }
  return errors;
}

}  // namespace parlsearch::testing
