// Runtime errors name the Ruchy statement that failed (stdlib/ruchy/source_spot.h).
//
// Every generated function body (and closure body, and the file's top-level code) declares
// `uint32_t t_at` and runs inside `try { ... } catch (rt::RuntimeError& e) { e.Locate(file,
// t_at); throw; }`. Each Ruchy statement first stores its line and column in `t_at` (one store
// of a constant; nothing on the error-free path reads it), so an error carries the place of the
// statement that was running in the innermost Ruchy function it left. The try costs nothing
// until something throws.
//
// A statement's own expressions can run after statements nested in them (an `if` used as a
// value is hoisted before the expression that uses it): Remark() stores the statement's place
// again before the rest of it runs, so the nested statement is never blamed for it.
//
// A body in which nothing can fail but calls of user functions (which locate their own errors)
// gets neither: the try would cost more than the store (an `invoke` keeps LLVM from turning
// `fib(n - 1) + fib(n - 2)` into a loop). Such a body can only pass errors on, and its own stack
// overflow is raised at its entry, outside any body of its own, so nothing is lost.
#include "ruchy_frontend/ast/walk.h"
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

bool IsNumberOrBool(Type* t) {
  t = Resolve(t);
  return t && (t->kind == TypeKind::kInt || t->kind == TypeKind::kFloat || t->kind == TypeKind::kBool);
}

}  // namespace

// Conservative: anything not known to be unable to fail can.
bool Emitter::MayFail(const Expr* e) const {
  switch (e->kind) {
    case ExprKind::kInt:
    case ExprKind::kFloat:
    case ExprKind::kBool:
    case ExprKind::kString:
    case ExprKind::kFString:
    case ExprKind::kChar:
    case ExprKind::kUnit:
    case ExprKind::kName:
    case ExprKind::kPath:
    case ExprKind::kSelf:
    case ExprKind::kArray:
    case ExprKind::kTuple:
    case ExprKind::kRange:
    case ExprKind::kClosure:  // its body is located on its own
    case ExprKind::kIf:
    case ExprKind::kBlock:
    case ExprKind::kWhile:
    case ExprKind::kLoop:
    case ExprKind::kBreak:
    case ExprKind::kContinue:
    case ExprKind::kReturn:
      return false;
    case ExprKind::kLet:
      return e->b != nullptr;  // `let ... else`
    case ExprKind::kUnary:
      return !IsNumberOrBool(TypeOf(e));
    case ExprKind::kBinary:
    case ExprKind::kAssign:
      switch (e->op) {
        case Tok::kSlash:
        case Tok::kPercent:
        case Tok::kStarStar:
        case Tok::kShl:
        case Tok::kShr:
        case Tok::kSlashEq:
        case Tok::kPercentEq:
          return true;
        default:
          return !IsNumberOrBool(TypeOf(e->a.get())) || !IsNumberOrBool(TypeOf(e->b.get()));
      }
    case ExprKind::kCall:
    case ExprKind::kMethodCall: {
      auto found = inst_->calls.find(e);
      if (found == inst_->calls.end()) return true;
      switch (found->second.kind) {
        case CallKind::kFunction:
        case CallKind::kMethod:
        case CallKind::kConstructor:
        case CallKind::kTupleStruct:
        case CallKind::kVariant:
        case CallKind::kClosure:
          return false;
        default:
          return true;
      }
    }
    default:
      return true;
  }
}

bool Emitter::NeedsLocatedBody(const Expr* body) const {
  return !body || AnyExpr(body, [&](const Expr* x) { return MayFail(x); });
}

std::string Emitter::SpotOf(Loc loc) const {
  LineCol at = file_.Position(loc);
  return "rt::At(" + std::to_string(at.line) + ", " + std::to_string(at.column) + ")";
}

void Emitter::StatementAt(Loc loc) {
  LineAt(loc);
  if (!Locating()) return;
  current_spot_ = SpotOf(loc);
  Line(std::string(kSpotVariable) + " = " + current_spot_ + ";");
  ++spots_emitted_;
}

void Emitter::Remark(int spots_before) {
  if (!Locating() || spots_emitted_ == spots_before || current_spot_.empty()) return;
  Line(std::string(kSpotVariable) + " = " + current_spot_ + ";");
  ++spots_emitted_;
}

void Emitter::OpenLocatedBody(const Expr* body) {
  located_.push_back(NeedsLocatedBody(body));
  if (!located_.back()) return;
  Line("uint32_t " + std::string(kSpotVariable) + " = rt::kNoSpot;");
  Open("try {");
}

void Emitter::CloseLocatedBody(Loc loc) {
  bool located = located_.back();
  located_.pop_back();
  if (!located) return;
  Close("} catch (rt::RuntimeError& t_failed) {");
  ++indent_;
  Line("t_failed.Locate(\"" + CppStringBody(SourcePath(loc)) + "\", " + kSpotVariable + ");");
  Line("throw;");
  Close();
}

}  // namespace ruchy
