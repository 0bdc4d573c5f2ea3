// "Did you mean": the names an unknown one is compared with (similar_names.h picks the closest).
#include "ruchy_frontend/builtins/builtin_table.h"
#include "ruchy_frontend/check/builtin_types.h"
#include "ruchy_frontend/check/checker_impl.h"
#include "ruchy_frontend/check/similar_names.h"

namespace ruchy {

void Checker::SuggestName(const Expr* e, const std::string& typo, const std::vector<std::string>& candidates) {
  SuggestNameAt(e->loc, e->length, typo, candidates);
}

void Checker::SuggestNameAt(Loc loc, uint32_t length, const std::string& typo,
                            const std::vector<std::string>& candidates) {
  std::string best = ClosestName(typo, candidates);
  if (!best.empty()) ReportAt<diag::kDidYouMean>(loc, length, best);
}

std::vector<std::string> Checker::VisibleValueNames() const {
  std::vector<std::string> names;
  for (const auto& scope : scopes_) {
    for (const auto& [name, binding] : scope) names.push_back(name);
  }
  for (const auto& [name, binding] : global_scope_) names.push_back(name);
  // Functions of this module and of the modules around it, by the name they are called by here.
  for (const auto& [qualified, fun] : functions_) {
    size_t colon = qualified.rfind("::");
    std::string module = colon == std::string::npos ? "" : qualified.substr(0, colon);
    if (module.empty() || module_ == module || module_.rfind(module + "::", 0) == 0) {
      names.push_back(colon == std::string::npos ? qualified : qualified.substr(colon + 2));
    }
  }
  for (const auto& [type_name, info] : out_.types) {
    if (info.decl->kind != TypeDecl::Kind::kEnum) continue;
    for (const auto& variant : info.decl->variants) names.push_back(variant.name);
  }
  return names;
}

std::vector<std::string> Checker::CallableNames() const {
  std::vector<std::string> names = VisibleValueNames();
  for (const Builtin& row : BuiltinTable::Get().rows()) {
    if (row.kind == BuiltinKind::kFunction) names.insert(names.end(), row.names.begin(), row.names.end());
  }
  return names;
}

std::vector<std::string> Checker::FieldNames(const TypeDecl* decl) const {
  std::vector<std::string> names;
  for (const auto& field : decl->fields) names.push_back(field.name);
  return names;
}

std::vector<std::string> Checker::TypeNames() const {
  std::vector<std::string> names = WritableBuiltinTypeNames();
  for (const auto& [type_name, info] : out_.types) {
    if (!info.decl->is_record) names.push_back(info.decl->name);
  }
  return names;
}

}  // namespace ruchy
