// Attributes on declarations (parse/attributes.cc). Each one this compiler knows is checked for
// where it stands and what it says, and recorded for the code generator; any other is an error
// naming it. Nothing written in `#[...]` or `@...` is ignored.
//
//   #[derive(...)]      structs, enums, classes: what the value semantics already give (below)
//   #[inline], #[inline(always)], #[inline(never)]  functions and methods
//   #[test], @test, @test("display name")           top-level functions of a `ruchy_test`
//   #[repr(C)]          structs of C scalars, passed to C functions (check/extern.cc)
//   #[link_name = "symbol"]                          functions of an `extern "C"` block
#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

std::string Spelled(const Attribute& a) { return a.is_decorator ? "@" + a.name : "#[" + a.name + "]"; }

std::string DeclKindName(const TypeDecl& decl) {
  switch (decl.kind) {
    case TypeDecl::Kind::kStruct:
      return "a struct";
    case TypeDecl::Kind::kClass:
      return "a class";
    case TypeDecl::Kind::kEnum:
      return "an enum";
    case TypeDecl::Kind::kTrait:
      return "a trait";
  }
  return "a type";
}

// A float anywhere in a value makes its `==` partial (NaN != NaN): such a type is not `Eq`.
const char* FloatInside(Type* t, std::set<const TypeDecl*>& seen, const std::map<std::string, TypeInfo>& types) {
  t = Resolve(t);
  switch (t->kind) {
    case TypeKind::kFloat:
      return "f64";
    case TypeKind::kStruct:
    case TypeKind::kEnum: {
      if (!seen.insert(t->decl).second) return nullptr;
      const TypeInfo& info = types.at(t->decl->name);
      for (Type* f : info.field_types) {
        if (const char* found = FloatInside(f, seen, types)) return found;
      }
      for (const auto& payload : info.variant_types) {
        for (Type* f : payload) {
          if (const char* found = FloatInside(f, seen, types)) return found;
        }
      }
      return nullptr;
    }
    default:
      for (Type* a : t->args) {
        if (const char* found = FloatInside(a, seen, types)) return found;
      }
      return nullptr;
  }
}

bool IsCScalar(Type* t) {
  t = Resolve(t);
  return t->kind == TypeKind::kInt || t->kind == TypeKind::kFloat || t->kind == TypeKind::kBool;
}

// Every attribute this compiler knows, one row each; `decorator` says whether the reference's
// `@name(...)` spelling means it too. Any other name, or a decorator spelling not listed, is
// UnknownAttribute.
enum class AttributeKind { kUnknown, kTest, kInline, kLinkName, kDerive, kRepr };
struct AttributeRow {
  std::string_view name;
  AttributeKind kind;
  bool decorator;
};
constexpr AttributeRow kAttributes[] = {
    {"test", AttributeKind::kTest, true},         {"inline", AttributeKind::kInline, false},
    {"link_name", AttributeKind::kLinkName, false}, {"derive", AttributeKind::kDerive, false},
    {"repr", AttributeKind::kRepr, false},
};

AttributeKind KindOf(const Attribute& a) {
  for (const AttributeRow& row : kAttributes) {
    if (row.name == a.name) return !a.is_decorator || row.decorator ? row.kind : AttributeKind::kUnknown;
  }
  return AttributeKind::kUnknown;
}

// What `#[derive(X)]` means for each X: value semantics already give Debug, Clone, Copy,
// PartialEq and Eq (with the exceptions below); the rest would need code this compiler does not
// generate. An X not listed is not a trait this compiler can derive.
enum class Derive { kDebug, kPartialEq, kClone, kEq, kHashOrOrder, kDefault, kSerde };
struct DeriveRow {
  std::string_view name;
  Derive what;
};
constexpr DeriveRow kDerives[] = {
    {"Debug", Derive::kDebug},         {"PartialEq", Derive::kPartialEq}, {"Clone", Derive::kClone},
    {"Copy", Derive::kClone},          {"Eq", Derive::kEq},               {"Hash", Derive::kHashOrOrder},
    {"PartialOrd", Derive::kHashOrOrder}, {"Ord", Derive::kHashOrOrder}, {"Default", Derive::kDefault},
    {"Serialize", Derive::kSerde},     {"Deserialize", Derive::kSerde},
};

const DeriveRow* FindDerive(const std::string& name) {
  for (const DeriveRow& row : kDerives) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

// A `#[test]` function may return a `Result` (an `Err` fails the case).
constexpr std::string_view kResultTypeName = "Result";

// The one identifier argument of `#[name(arg)]`, or empty.
std::string_view SoleWord(const Attribute& a) {
  return a.args.size() == 1 && !a.arg_is_string[0] ? std::string_view(a.args[0]) : std::string_view();
}

}  // namespace

void Checker::CheckAttributes() {
  for (const Item& item : program_.items) {
    if (item.kind == Item::Kind::kFun) {
      CheckFunAttributes(*item.fun, nullptr, false);
    } else if (item.kind == Item::Kind::kType) {
      CheckTypeAttributes(*item.type);
      for (const auto& m : item.type->methods) CheckFunAttributes(*m, item.type.get(), false);
    } else if (item.kind == Item::Kind::kImpl) {
      for (const auto& m : item.impl->methods) CheckFunAttributes(*m, nullptr, false);
    }
  }
}

void Checker::CheckFunAttributes(const FunDecl& fun, const TypeDecl* owner, bool nested) {
  if (!attributes_checked_.insert(&fun).second) return;
  bool is_method = owner != nullptr || fun.self != SelfKind::kNone || fun.is_static || fun.is_constructor;
  for (const Attribute& a : fun.attributes) {
    const AttributeKind kind = KindOf(a);
    if (kind == AttributeKind::kTest) {
      if (fun.is_extern || is_method || nested) {
        ReportAt<diag::kAttributeTarget>(a.loc, a.length, Spelled(a), "top-level functions",
                                         fun.is_extern ? "a C function" : nested ? "a nested function" : "a method");
        continue;
      }
      // `@test("adds two numbers")` names the case as the reference's decorator does.
      bool named = a.args.size() == 1 && a.arg_is_string[0];
      if (!a.args.empty() && !named) {
        ReportAt<diag::kAttributeArguments>(a.loc, a.length, Spelled(a), "takes nothing, or one string: the test's name");
        continue;
      }
      bool returns_ok = !fun.ret || (fun.ret->kind == TypeExpr::Kind::kTuple && fun.ret->args.empty()) ||
                        (fun.ret->kind == TypeExpr::Kind::kNamed && fun.ret->name == kResultTypeName);
      if (!fun.params.empty() || !fun.generics.empty() || !returns_ok) {  // an async test runs on a loop of its own
        ReportAt<diag::kTestSignature>(fun.loc, 1, fun.name);
        continue;
      }
      test_functions_.push_back(&fun);
      test_names_[&fun] = named ? a.args[0] : fun.name;
    } else if (kind == AttributeKind::kInline) {
      if (fun.is_extern || fun.is_async) {
        ReportAt<diag::kAttributeTarget>(a.loc, a.length, Spelled(a), "Ruchy functions that are not async",
                                         fun.is_extern ? "a C function" : "an async function");
        continue;
      }
      bool plain = !a.has_args;
      // `#[inline(always)]` forces inlining as plain `#[inline]` does; `#[inline(never)]` forbids it.
      static constexpr std::pair<std::string_view, bool> kInlineArgs[] = {{"always", true}, {"never", false}};
      const auto* arg = std::find_if(std::begin(kInlineArgs), std::end(kInlineArgs),
                                     [&](const auto& row) { return row.first == SoleWord(a); });
      bool never = arg != std::end(kInlineArgs) && !arg->second;
      if (!plain && arg == std::end(kInlineArgs)) {
        ReportAt<diag::kAttributeArguments>(a.loc, a.length, Spelled(a), "takes nothing, `always` or `never`");
        continue;
      }
      out_.inline_hints[&fun] = !never;
    } else if (kind == AttributeKind::kLinkName) {
      if (!fun.is_extern) {
        ReportAt<diag::kAttributeTarget>(a.loc, a.length, Spelled(a), "C functions in an `extern \"C\"` block", "a Ruchy function");
      } else if (a.args.size() != 1 || !a.arg_is_string[0] || a.args[0].empty()) {
        ReportAt<diag::kAttributeArguments>(a.loc, a.length, Spelled(a), "takes the C symbol's name: `#[link_name = \"symbol\"]`");
      }
    } else if (kind == AttributeKind::kDerive || kind == AttributeKind::kRepr) {
      ReportAt<diag::kAttributeTarget>(a.loc, a.length, Spelled(a),
                                       kind == AttributeKind::kDerive ? "structs, enums and classes" : "structs", "a function");
    } else {
      ReportAt<diag::kUnknownAttribute>(a.loc, a.length, Spelled(a));
    }
  }
}

// `#[derive(...)]` declares what the language's value semantics already give every type:
// printing with `{:?}` (Debug), copies (Clone, Copy: struct and enum values are copied on
// assignment) and `==` (PartialEq; Eq when no float hides inside). Derives that would need code
// this compiler does not generate (Hash, ordering, Default, serde) are errors, as are the ones
// that contradict a class's shared identity.
void Checker::CheckTypeAttributes(const TypeDecl& decl) {
  const TypeInfo& info = out_.types.at(decl.name);
  for (const Attribute& a : decl.attributes) {
    const AttributeKind kind = KindOf(a);
    if (kind == AttributeKind::kDerive) {
      if (decl.kind == TypeDecl::Kind::kTrait) {
        ReportAt<diag::kAttributeTarget>(a.loc, a.length, Spelled(a), "structs, enums and classes", "a trait");
        continue;
      }
      if (!a.has_args || a.args.empty()) {
        ReportAt<diag::kAttributeArguments>(a.loc, a.length, Spelled(a), "lists traits: `#[derive(Debug, Clone)]`");
        continue;
      }
      bool is_class = decl.kind == TypeDecl::Kind::kClass;
      for (size_t i = 0; i < a.args.size(); ++i) {
        const std::string& what = a.args[i];
        Loc at = a.arg_locs[i];
        uint32_t len = static_cast<uint32_t>(what.size());
        std::string why;
        const DeriveRow* row = FindDerive(what);
        switch (row ? row->what : Derive::kSerde) {
          case Derive::kDebug:
            break;
          case Derive::kPartialEq:
            if (is_class) why = "class values compare by identity, not by their fields";
            break;
          case Derive::kClone:
            if (is_class) why = "a class value is a shared reference: copying it shares the object";
            break;
          case Derive::kEq: {
            std::set<const TypeDecl*> seen;
            if (is_class) {
              why = "class values compare by identity, not by their fields";
            } else if (const char* f = FloatInside(info.type, seen, out_.types)) {
              why = std::string("`") + decl.name + "` holds a `" + f + "`, whose `==` is partial (NaN)";
            }
            break;
          }
          case Derive::kHashOrOrder:
            why = "user types cannot be hashed or ordered yet (sort with `sort_by_key`)";
            break;
          case Derive::kDefault:
            why = "there is no `Type::default()`; give fields defaults in the declaration (`x: i64 = 0`)";
            break;
          case Derive::kSerde:
            why = "structs convert to and from JSON without it (`Json::from(v)`, typed handlers)";
            break;
        }
        if (!row) why = "it is not a trait this compiler can derive (Debug, Clone, Copy, PartialEq, Eq)";
        if (!why.empty()) ReportAt<diag::kUnsupportedDerive>(at, len, what, why);
      }
    } else if (kind == AttributeKind::kRepr) {
      if (decl.kind != TypeDecl::Kind::kStruct) {
        ReportAt<diag::kAttributeTarget>(a.loc, a.length, Spelled(a), "structs", DeclKindName(decl));
        continue;
      }
      if (SoleWord(a) != "C") {
        ReportAt<diag::kAttributeArguments>(a.loc, a.length, Spelled(a), "takes `C`: `#[repr(C)]`");
        continue;
      }
      bool ok = true;
      for (size_t i = 0; i < decl.fields.size(); ++i) {
        if (IsCScalar(info.field_types[i])) continue;
        const FieldDecl& f = decl.fields[i];
        ReportAt<diag::kReprCField>(f.loc, static_cast<uint32_t>(f.name.size()), f.name, decl.name, TypeName(info.field_types[i]));
        ok = false;
      }
      if (ok) out_.repr_c.insert(&decl);
    } else if (kind != AttributeKind::kUnknown) {
      ReportAt<diag::kAttributeTarget>(a.loc, a.length, Spelled(a), "functions", DeclKindName(decl));
    } else {
      ReportAt<diag::kUnknownAttribute>(a.loc, a.length, Spelled(a));
    }
  }
}

// After every function is instantiated: the test cases, in source order, by their names.
void Checker::CollectTests() {
  std::set<std::string> names;
  for (const FunDecl* fun : test_functions_) {
    auto inst = mono_instances_.find({fun, nullptr});  // test functions are top-level: no owner
    if (inst == mono_instances_.end()) continue;
    const std::string& name = test_names_[fun];
    if (!names.insert(name).second) {
      ReportAt<diag::kDuplicateTestName>(fun->loc, 1, name);
      continue;
    }
    TestCase test;
    test.name = name;
    test.inst = inst->second;
    test.returns_result = Resolve(inst->second->ret)->kind == TypeKind::kResult;
    out_.tests.push_back(test);
  }
}

}  // namespace ruchy
