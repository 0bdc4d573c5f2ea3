// `s.parse::<T>()` and `s.parse()` are a Result where the program uses them as one (`?`, a Result
// method such as `.unwrap()` or `.is_ok()`, a `match`, `if let` or `let ... else` on `Ok`/`Err`,
// the left of `??`, or a place that wants a `Result`), and the parsed value anywhere else, as the reference prints it: `let n =
// "42".parse::<i32>()` binds 42, and a failed parse there is the runtime error Ruchy.ParseError
// (CallInfo::parsed_value). The decision is made at the call, from its parent expression and the
// type the context expects: a Result bound to a name first (`let r = s.parse::<i32>()` and later
// `r?`) is the value, and the later use is a type error, never a wrong answer.
#include <string_view>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

constexpr std::string_view kResultTypeName = "Result";
constexpr std::string_view kOkVariant = "Ok";
constexpr std::string_view kErrVariant = "Err";

bool MatchesResultVariant(const Pattern* p) {
  if (!p) return false;
  switch (p->kind) {
    case Pattern::Kind::kVariant:
      return p->text == kOkVariant || p->text == kErrVariant;
    case Pattern::Kind::kOr:
      for (const auto& sub : p->subs) {
        if (MatchesResultVariant(sub.get())) return true;
      }
      return false;
    case Pattern::Kind::kBind:
      return !p->subs.empty() && MatchesResultVariant(p->subs[0].get());  // `r @ Ok(_)`
    default:
      return false;
  }
}

// A method of the table's `Result<T, E>` rows (`unwrap`, `is_ok`, `map_err`, ...).
bool IsResultMethod(const std::string& name) {
  for (const Builtin* row : BuiltinTable::Get().Methods(name)) {
    if (row->receiver_class == ReceiverClass::kType && row->receiver.name == kResultTypeName) return true;
  }
  return false;
}

}  // namespace

void Checker::NoteResultUse(const Expr* e) {
  bool uses_result = false;
  switch (e->kind) {
    case ExprKind::kQuestion:
      uses_result = true;
      break;
    case ExprKind::kMethodCall:
      uses_result = IsResultMethod(e->text);
      break;
    case ExprKind::kMatch:
      for (const MatchArm& arm : e->arms) uses_result = uses_result || MatchesResultVariant(arm.pattern.get());
      break;
    case ExprKind::kIfLet:
    case ExprKind::kWhileLet:
      uses_result = MatchesResultVariant(e->pattern.get());
      break;
    case ExprKind::kLet:  // `let Ok(n) = s.parse::<i64>() else { ... }`
      uses_result = MatchesResultVariant(e->pattern.get());
      break;
    case ExprKind::kBinary:  // `s.parse() ?? 0`: `??` wants an Option, so say it was given a Result
      uses_result = e->op == Tok::kQuestionQuestion;
      break;
    default:
      break;
  }
  if (uses_result && e->a) result_uses_.insert(e->a.get());
}

Type* Checker::ParseResultOrValue(const Expr* call, Type* result, Type* expected) {
  Type* want = expected ? Resolve(expected) : nullptr;
  Type* r = Resolve(result);
  if (result_uses_.count(call) || (want && want->kind == TypeKind::kResult) || r->kind != TypeKind::kResult) return result;
  CallOf(call).parsed_value = true;
  return r->args[0];
}

}  // namespace ruchy
