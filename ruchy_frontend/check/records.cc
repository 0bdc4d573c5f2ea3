// Records: object literals whose keys are bare names (`{name: "a", age: 3}`) are anonymous
// structs, as the reference's objects are: fields of any types, read with `.field`, compared with
// `==`, printed `{age: 3, name: "a"}`. Where the context wants a map (`HashMap<String, V>`) or
// JSON (`Json`), the same literal is a map or a JSON object instead.
//
// Records are structural: every literal with the same field names shares one declaration the
// checker makes itself (named `{age, name}`, fields sorted, one type parameter per field), so two
// literals with the same names and field types have the same type. That declaration is a generic
// struct like any other (generic_types.cc): each field-type combination used is one instance,
// emitted as its own C++ struct, with equality, printing and JSON conversion like a struct's.
// A record type is never written; it is inferred, and a function takes a record through an
// untyped (generic) parameter and returns one without a `->` type.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

std::string RecordDeclName(const std::vector<std::string>& sorted_names) {
  std::string out = "{";
  for (size_t i = 0; i < sorted_names.size(); ++i) out += (i ? ", " : "") + sorted_names[i];
  return out + "}";
}

}  // namespace

bool Checker::IsRecordLiteral(const Expr* e, Type* expected) {
  if (e->kind != ExprKind::kMap || !e->flag) return false;
  Type* want = expected ? Resolve(expected) : nullptr;
  return !want || (want->kind != TypeKind::kJson && want->kind != TypeKind::kMap);
}

TypeInfo* Checker::RecordInfo(const std::vector<std::string>& sorted_names) {
  std::string name = RecordDeclName(sorted_names);
  auto found = out_.types.find(name);
  if (found != out_.types.end()) return &found->second;
  TypeDecl& decl = out_.record_decls.emplace_back();  // lives as long as the program
  decl.kind = TypeDecl::Kind::kStruct;
  decl.name = name;
  decl.is_record = true;
  TypeInfo info;
  info.decl = &decl;
  info.type = arena_.Nominal(TypeKind::kStruct, &decl);
  for (const std::string& field : sorted_names) {
    FieldDecl f;
    f.name = field;
    decl.fields.push_back(std::move(f));
    decl.generics.push_back(field);
    Type* param = arena_.Var();
    info.type_params.push_back(param);
    info.field_types.push_back(param);
    info.field_boxed.push_back(false);
  }
  info.type = InstanceType(info, info.type_params);
  type_module_[&decl] = "";
  // Not in type_order: the declaration is a template, never emitted; its concrete instances are
  // added there once types are final (CollectGenericInstances).
  return &out_.types.emplace(name, std::move(info)).first->second;
}

Type* Checker::CheckRecordLiteral(const Expr* e, Type* expected) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& [key, value] : e->map_entries) {
    if (seen.insert(key->text).second) names.push_back(key->text);
  }
  std::sort(names.begin(), names.end());
  TypeInfo* info = InstanceFor(RecordInfo(names), expected);
  seen.clear();
  for (const auto& [key, value] : e->map_entries) {
    const std::string& field = key->text;
    if (!seen.insert(field).second) {
      Report<diag::kFieldGivenTwice>(key.get(), field);
      CheckExpr(value.get(), nullptr);
      continue;
    }
    size_t i = std::lower_bound(names.begin(), names.end(), field) - names.begin();
    Type* want = info->field_types[i];
    Expect(value.get(), CheckExpr(value.get(), want), want, "field `" + field + "`");
  }
  return info->type;
}

void Checker::ReportRecordField(const Expr* e, Type* record) {
  std::string fields;
  const std::vector<FieldDecl>& declared = Resolve(record)->decl->fields;
  for (size_t i = 0; i < declared.size(); ++i) {
    fields += std::string(i == 0 ? "" : i + 1 == declared.size() ? " and " : ", ") + "`" + declared[i].name + "`";
  }
  Report<diag::kRecordNoField>(e, TypeName(record), e->text, fields);
  SuggestName(e, e->text, FieldNames(Resolve(record)->decl));
}

}  // namespace ruchy
