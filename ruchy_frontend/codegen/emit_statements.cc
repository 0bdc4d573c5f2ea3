// Statements: Ruchy's block-valued constructs (blocks, if, match, loops, try) become C++
// statements that deliver their value to a destination (discard, return, or a variable).
#include "ruchy_frontend/ast/walk.h"
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

// A value nobody uses: a call, an await or a diverging expression runs as it is; anything else
// is cast to void, so C++ does not warn that a result (`(a = 5, rt::Unit{})`) is unused.
void Emitter::RunForEffect(const Expr* e, const std::string& value) {
  Type* t = TypeOf(e);
  bool never = t && t->kind == TypeKind::kNever;
  if (e->kind == ExprKind::kAwait) {
    Line(StripParens(value) + ";");  // `await sleep(10)`: co_await of a Task<void> is void
  } else if (e->kind == ExprKind::kCall || e->kind == ExprKind::kMethodCall || never) {
    Line(value + ";");
  } else {
    Line("(void)(" + value + ");");
  }
}

void Emitter::Deliver(const Expr* e, const std::string& value, const Dest& dest) {
  Type* t = TypeOf(e);
  bool never = t && t->kind == TypeKind::kNever;
  switch (dest.kind) {
    case Dest::Kind::kDiscard:
      RunForEffect(e, value);
      return;
    case Dest::Kind::kReturn:
      if (never) {
        Line(value + ";");
      } else if (IsUnitLike(returns_.back())) {
        RunForEffect(e, value);
        Line(ReturnWord() + ";");
      } else {
        Line(ReturnWord() + " " + StripParens(value) + ";");
      }
      return;
    case Dest::Kind::kAssign:
      if (never || IsUnitLike(t)) {
        RunForEffect(e, value);
      } else if (HoldsBox(t)) {
        Line(dest.target + " = rt::Copy(" + StripParens(value) + ");");  // it may live inside the target
      } else {
        Line(dest.target + " = " + StripParens(value) + ";");
      }
      return;
  }
}

void Emitter::EmitBlockInto(const Expr* block, const Dest& dest) {
  if (block->kind != ExprKind::kBlock) {
    EmitStmt(block, dest);
    return;
  }
  for (size_t i = 0; i < block->list.size(); ++i) {
    bool last = i + 1 == block->list.size();
    EmitStmt(block->list[i].get(), last ? dest : Dest::Discard());
  }
}

void Emitter::EmitStmt(const Expr* e, const Dest& dest) {
  // Nested statements set their own place; this one's is current again after them.
  struct RestoreSpot {
    std::string& spot;
    std::string saved;
    ~RestoreSpot() { spot = std::move(saved); }
  } restore{current_spot_, current_spot_};
  int spots_before = spots_emitted_;
  switch (e->kind) {
    case ExprKind::kLet:
      StatementAt(e->loc);
      EmitLet(e);
      return;
    case ExprKind::kFunDecl:
      return;  // lifted to namespace scope
    case ExprKind::kBlock:
      if (e->list.empty()) return;
      Open("{");
      EmitBlockInto(e, dest);
      Close();
      return;
    case ExprKind::kIf:
    case ExprKind::kIfLet:
      EmitIf(e, dest);
      return;
    case ExprKind::kMatch:
      EmitMatch(e, dest);
      return;
    case ExprKind::kWhile:
    case ExprKind::kWhileLet:
    case ExprKind::kLoop:
      EmitLoop(e, dest);
      return;
    case ExprKind::kFor:
      EmitFor(e);
      return;
    case ExprKind::kTry:
      EmitTry(e, dest);
      return;
    case ExprKind::kReturn:
      StatementAt(e->loc);
      if (!e->a) {
        Line(ReturnWord() + ";");
      } else if (IsUnitLike(returns_.back())) {
        EmitStmt(e->a.get(), Dest::Discard());
        Line(ReturnWord() + ";");
      } else {
        EmitStmt(e->a.get(), Dest::Return());
      }
      return;
    case ExprKind::kBreak:
    case ExprKind::kContinue:
      LineAt(e->loc);
      EmitJump(e);
      return;
    case ExprKind::kThrow: {
      StatementAt(e->loc);
      spots_before = spots_emitted_;
      std::string value = Expr_(e->a.get());
      Remark(spots_before);
      Line("rt::throw_value(" + value + ");");
      return;
    }
    case ExprKind::kAssign:
      if (inst_->declaring_assigns.count(e)) {  // `name = value` declaring `name`
        StatementAt(e->loc);
        spots_before = spots_emitted_;
        std::string value = StripParens(ExprPlain(e->b.get()));
        Remark(spots_before);
        Line(LocalDecl(CppType(TypeOf(e->a.get())), NameOf(e), value));
        return;
      }
      [[fallthrough]];
    default: {
      StatementAt(e->loc);
      spots_before = spots_emitted_;
      std::string value = YieldsVoid(e)                    ? ExprRaw(e)  // run as a statement
                          : dest.kind == Dest::Kind::kDiscard ? Expr_(e)
                                                              : ExprPlain(e);
      Remark(spots_before);
      Deliver(e, value, dest);
      return;
    }
  }
}

void Emitter::EmitLet(const Expr* e) {
  const Pattern* p = e->pattern.get();
  Type* t = PatternType(p);
  if (!t && e->a) t = TypeOf(e->a.get());
  std::string type = CppType(t);
  bool global = inst_ == program_.top_level && program_.global_lets.count(e);
  if (p->kind == Pattern::Kind::kBind && !e->b) {
    std::string name = NameOf(p);
    if (program_.slot_lets.count(e)) {
      Line(global ? name + " = " + SlotInit(e->a.get()) + ";" : LocalDecl("auto", name, SlotInit(e->a.get())));
      return;
    }
    if (!e->a) {
      if (!global) Line(LocalDecl(type, name, type + "{}"));
      return;
    }
    if (global) {
      EmitStmt(e->a.get(), Dest::Assign(name));
    } else if (IsSimple(e->a.get())) {
      int spots_before = spots_emitted_;
      std::string value = StripParens(ExprPlain(e->a.get()));
      Remark(spots_before);
      Line(LocalDecl(type, name, value));
    } else {
      Line(LocalDecl(type, name, type + "{}"));
      EmitStmt(e->a.get(), Dest::Assign(Place(name)));
    }
    return;
  }
  if (!e->a) return;
  std::string temp = Temp("let");
  if (IsSimple(e->a.get())) {
    int spots_before = spots_emitted_;
    std::string value = Expr_(e->a.get());
    Remark(spots_before);
    Line(type + " " + temp + " = " + value + ";");
  } else {
    Line(type + " " + temp + "{};");
    EmitStmt(e->a.get(), Dest::Assign(temp));
  }
  if (e->b) EmitLetElse(e, temp);
  PatternBind(p, temp);
}

// `let PATTERN = value else { ... }`: the `else` block (which the checker proved leaves the
// scope) runs when the value held in `subject` does not match.
void Emitter::EmitLetElse(const Expr* let, const std::string& subject) {
  std::string test = PatternTest(let->pattern.get(), subject);
  if (test.empty()) return;
  Open("if (!(" + StripParens(test) + ")) {");
  EmitBlockInto(let->b.get(), Dest::Discard());
  Close();
}

void Emitter::EmitIf(const Expr* e, const Dest& dest) {
  StatementAt(e->loc);
  int spots_before = spots_emitted_;
  if (e->kind == ExprKind::kIfLet) {
    Open("{");
    std::string subject = Temp("m");
    std::string value = Expr_(e->a.get());
    Remark(spots_before);
    Line("auto&& " + subject + " = " + value + ";");
    std::string test = PatternTest(e->pattern.get(), subject);
    Open("if (" + (test.empty() ? "true" : test) + ") {");
    PatternBind(e->pattern.get(), subject);
    EmitBlockInto(e->b.get(), dest);
    if (e->c) {
      Close("} else {");
      ++indent_;
      EmitBlockInto(e->c.get(), dest);
    }
    Close();
    Close();
    return;
  }
  std::string cond = StripParens(Expr_(e->a.get()));
  Remark(spots_before);
  Open("if (" + cond + ") {");
  EmitBlockInto(e->b.get(), dest);
  const Expr* rest = e->c.get();
  while (rest && rest->kind == ExprKind::kIf) {
    // `else if` stays flat when its condition needs no statements of its own.
    size_t mark = lines_.size();
    int saved_indent = indent_;
    std::string cond = Expr_(rest->a.get());
    if (lines_.size() != mark) {
      lines_.resize(mark);
      indent_ = saved_indent;
      break;
    }
    Close("} else if (" + StripParens(cond) + ") {");
    ++indent_;
    EmitBlockInto(rest->b.get(), dest);
    rest = rest->c.get();
  }
  if (rest) {
    Close("} else {");
    ++indent_;
    EmitBlockInto(rest, dest);
  }
  Close();
}

// What runs when no arm matched: possible only for values too many to list (numbers, strings,
// chars, vectors) or arms with guards; the checker proved enums, bool, Option and Result covered.
// The error's place is the match's (arms and guards ran statements of their own).
std::string Emitter::NoMatch(const Expr* match, const std::string& subject) {
  return (Locating() ? std::string(kSpotVariable) + " = " + SpotOf(match->loc) + "; " : std::string()) +
         "rt::Fail(rt::errors::kNoMatch, \"no match arm matched \" + rt::DebugToString(" + subject + "));";
}

void Emitter::EmitMatch(const Expr* e, const Dest& dest) {
  StatementAt(e->loc);
  Open("{");
  std::string subject = Temp("m");
  int spots_before = spots_emitted_;
  std::string value = Expr_(e->a.get());
  Remark(spots_before);
  Line("auto&& " + subject + " = " + value + ";");
  bool guards = false;
  for (const MatchArm& arm : e->arms) guards = guards || arm.guard;
  bool covered = false;
  if (!guards) {
    bool first = true;
    for (const MatchArm& arm : e->arms) {
      std::string test = PatternTest(arm.pattern.get(), subject);
      if (first) {
        Open("if (" + (test.empty() ? "true" : test) + ") {");
      } else if (test.empty()) {
        Close("} else {");
        ++indent_;
      } else {
        Close("} else if (" + test + ") {");
        ++indent_;
      }
      first = false;
      PatternBind(arm.pattern.get(), subject);
      EmitStmt(arm.body.get(), dest);
      if (test.empty()) {
        covered = true;
        break;
      }
    }
    if (!covered) {
      if (first) {
        Line(NoMatch(e, subject));
      } else {
        Close("} else {");
        ++indent_;
        Line(NoMatch(e, subject));
      }
    }
    if (!first) Close();
    Close();
    return;
  }
  std::string end = Temp("match_end");
  for (const MatchArm& arm : e->arms) {
    std::string test = PatternTest(arm.pattern.get(), subject);
    Open(test.empty() ? "{" : "if (" + test + ") {");
    if (arm.guard && arm.pattern->kind == Pattern::Kind::kOr) {
      Open("if (" + OrPatternGuard(arm, subject) + ") {");
    } else {
      PatternBind(arm.pattern.get(), subject);
      if (arm.guard) Open("if (" + StripParens(Expr_(arm.guard.get())) + ") {");
    }
    EmitStmt(arm.body.get(), dest);
    Line("goto " + end + ";");
    if (arm.guard) Close();
    Close();
    if (test.empty() && !arm.guard) {
      covered = true;
      break;
    }
  }
  if (!covered) Line(NoMatch(e, subject));
  Close();
  Line(end + ":;");
}

// A labelled loop gets C++ labels for `break 'l` / `continue 'l` from inner loops. A loop may
// use only one of them (`break 'outer` alone), so neither may trip -Wunused-label (-Werror).
constexpr char kUnusedLabel[] = ": __attribute__((unused));";

LoopFrame Emitter::NewLoopFrame(const Expr* e) {
  LoopFrame frame;
  frame.label = e->text;
  if (!e->text.empty()) {
    frame.goto_break = Temp("break");
    frame.goto_continue = Temp("continue");
  }
  return frame;
}

// The body in its own block, so a `continue 'l` jump to the label after it skips no
// initialisation in the label's scope.
void Emitter::EmitLoopBody(const Expr* body, const LoopFrame& frame) {
  loops_.push_back(frame);
  if (frame.goto_continue.empty()) {
    EmitBlockInto(body, Dest::Discard());
  } else {
    Open("{");
    EmitBlockInto(body, Dest::Discard());
    Close();
    Line(frame.goto_continue + kUnusedLabel);
  }
  loops_.pop_back();
}

void Emitter::EmitLoop(const Expr* e, const Dest& dest) {
  StatementAt(e->loc);
  LoopFrame frame = NewLoopFrame(e);
  Type* t = TypeOf(e);
  bool value = e->kind == ExprKind::kLoop && dest.kind != Dest::Kind::kDiscard && !IsUnitLike(t);
  if (value) {
    if (dest.kind == Dest::Kind::kAssign) {
      frame.result = dest.target;
    } else {
      frame.result = Temp("loop");
      Line(CppType(t) + " " + frame.result + "{};");
    }
  }
  if (e->kind == ExprKind::kLoop) {
    Open("while (true) {");
  } else if (e->kind == ExprKind::kWhile) {
    size_t mark = lines_.size();
    int spots_before = spots_emitted_;
    std::string cond = Expr_(e->a.get());
    // The condition runs again after the body's statements: it stores its place each time.
    std::string spot = std::string(kSpotVariable) + " = " + current_spot_;
    if (lines_.size() == mark) {
      Open("while (" + (Locating() ? "(" + spot + ", " + StripParens(cond) + ")" : StripParens(cond)) + ") {");
    } else {
      // The condition needs statements: evaluate them on every iteration.
      std::vector<std::string> prelude(lines_.begin() + mark, lines_.end());
      lines_.resize(mark);
      Open("while (true) {");
      if (Locating()) Line(spot + ";");
      for (const std::string& l : prelude) lines_.push_back("  " + l);
      Remark(spots_before);
      Line("if (!(" + cond + ")) break;");
    }
  } else {  // while let
    Open("while (true) {");
    if (Locating()) Line(std::string(kSpotVariable) + " = " + current_spot_ + ";");
    std::string subject = Temp("m");
    int spots_before = spots_emitted_;
    std::string value = Expr_(e->a.get());
    Remark(spots_before);
    Line("auto&& " + subject + " = " + value + ";");
    std::string test = PatternTest(e->pattern.get(), subject);
    if (!test.empty()) Line("if (!(" + test + ")) break;");
    PatternBind(e->pattern.get(), subject);
  }
  EmitLoopBody(e->b.get(), frame);
  Close();
  if (!frame.goto_break.empty()) Line(frame.goto_break + kUnusedLabel);
  if (value && dest.kind == Dest::Kind::kReturn) Line(ReturnWord() + " " + frame.result + ";");
}

void Emitter::EmitFor(const Expr* e) {
  StatementAt(e->loc);
  LoopFrame frame = NewLoopFrame(e);
  int closes = OpenForLoop(e->pattern.get(), e->a.get(), e->b.get());
  EmitLoopBody(e->b.get(), frame);
  for (int i = 0; i < closes; ++i) Close();
  if (!frame.goto_break.empty()) Line(frame.goto_break + kUnusedLabel);
}

// Whether running `body` can change the value `iterable` names. A loop runs over the value its
// sequence had when it started (`for x in xs { xs = [x] }` sees the old `xs`), so such a sequence
// is copied first; a temporary, or a local the body does not touch, is walked in place.
bool Emitter::LoopMayChangeIterable(const Expr* iterable, const Expr* body) const {
  switch (iterable->kind) {
    case ExprKind::kName: {
      if (inst_->global_refs.count(iterable)) return true;  // any call may assign a global
      std::string name = NameOf(iterable);
      if (IsShared(name) || IsSlot(name)) return true;  // a closure or the map may change it
      if (!inst_->mutated.count(name)) return false;
      return AnyExpr(body, [&](const Expr* x) { return x->kind == ExprKind::kName && NameOf(x) == name; });
    }
    case ExprKind::kField:
    case ExprKind::kIndex:
    case ExprKind::kSelf:
      return true;  // through `self` or another value, a method call in the body may change it
    default:
      return false;  // a temporary only the loop sees
  }
}

// The C++ loop over `iterable` with `p` bound to each element (for loops and comprehensions).
// Vectors are walked by index so a body that grows the vector cannot invalidate an iterator.
// Returns how many blocks the caller closes after the body.
int Emitter::OpenForLoop(const Pattern* p, const Expr* iterable, const Expr* body) {
  Type* it = TypeOf(iterable);
  bool simple_bind = p->kind == Pattern::Kind::kBind || p->kind == Pattern::Kind::kWildcard;
  // A loop variable a closure shares is a fresh shared local in each iteration. One the body
  // assigns (`for mut i in 0..3 { i += 5 }`) is a copy, so the loop's own counter or element
  // reference is not changed (and a map entry, walked by const reference, can be).
  bool shared_var = p->kind == Pattern::Kind::kBind && IsShared(NameOf(p));
  bool assigned_var = p->kind == Pattern::Kind::kBind && inst_->mutated.count(NameOf(p)) > 0;
  std::string var = p->kind == Pattern::Kind::kBind && !shared_var && !assigned_var ? NameOf(p) : Temp("item");
  if (shared_var || assigned_var) simple_bind = false;
  Type* elem = PatternType(p);
  std::string elem_type = CppType(elem);
  int closes = 1;
  if (iterable->kind == ExprKind::kRange && iterable->a && iterable->b) {
    std::string end = Temp("end");
    Open("for (" + elem_type + " " + var + " = " + Expr_(iterable->a.get()) + ", " + end + " = " +
         Expr_(iterable->b.get()) + "; " + var + (iterable->flag ? " <= " : " < ") + end + "; ++" + var + ") {");
  } else if (it->kind == TypeKind::kVec) {
    std::string seq = Temp("seq");
    std::string index = Temp("i");
    Open("{");
    closes = 2;
    // Tasks and join handles (and values holding them) cannot be copied: the loop variable names
    // the element itself. Other sequences are copied when the body may change them
    // (LoopMayChangeIterable).
    bool single_use = HoldsSingleUse(elem);
    std::string binding = single_use ? "auto&& " : LoopMayChangeIterable(iterable, body) ? "const auto " : "const auto& ";
    Line(binding + seq + " = " + Expr_(iterable) + ";");
    Open("for (size_t " + index + " = 0; " + index + " < " + seq + ".size(); ++" + index + ") {");
    Line(elem_type + (single_use ? "& " : " ") + var + " = " + seq + "[" + index + "];");
  } else if (it->kind == TypeKind::kMap) {
    Open("for (const auto& " + var + " : rt::items(" + Expr_(iterable) + ")) {");
  } else if (it->kind == TypeKind::kSet) {
    Open("for (const " + elem_type + "& " + var + " : rt::SortedKeys(" + Expr_(iterable) + ")) {");
  } else if (it->kind == TypeKind::kString) {
    Open("for (char32_t " + var + " : rt::chars(" + Expr_(iterable) + ")) {");
  } else if (it->kind == TypeKind::kJson) {
    bool copy = LoopMayChangeIterable(iterable, body);
    std::string items = "(" + Expr_(iterable) + ").items()";
    Open("for (const rt::Json& " + var + " : " + (copy ? "std::vector<rt::Json>(" + items + ")" : items) + ") {");
  } else {
    Open("for (" + elem_type + " " + var + " : " + Expr_(iterable) + ") {");
  }
  if (!simple_bind) PatternBind(p, var);
  return closes;
}

void Emitter::EmitJump(const Expr* e) {
  const LoopFrame* target = nullptr;
  bool innermost = true;
  for (auto it = loops_.rbegin(); it != loops_.rend(); ++it) {
    if (e->text.empty() || it->label == e->text) {
      target = &*it;
      break;
    }
    innermost = false;
  }
  if (!target) {
    Line(e->kind == ExprKind::kBreak ? "break;" : "continue;");
    return;
  }
  if (e->kind == ExprKind::kBreak) {
    if (e->a) {
      if (target->result.empty()) {
        EmitStmt(e->a.get(), Dest::Discard());
      } else {
        EmitStmt(e->a.get(), Dest::Assign(target->result));
      }
    }
    Line(innermost ? "break;" : "goto " + target->goto_break + ";");
  } else {
    Line(innermost ? "continue;" : "goto " + target->goto_continue + ";");
  }
}

void Emitter::EmitTry(const Expr* e, const Dest& dest) {
  StatementAt(e->loc);
  Open("{");
  if (e->c) {
    Open("rt::Finally " + Temp("finally") + "([&] {");
    auto saved_loops = std::move(loops_);
    loops_.clear();
    EmitBlockInto(e->c.get(), Dest::Discard());
    loops_ = std::move(saved_loops);
    Close("});");
  }
  if (e->b) {
    Open("try {");
    EmitBlockInto(e->a.get(), dest);
    std::string caught = Temp("error");
    Close("} catch (const rt::RuntimeError& " + caught + ") {");
    ++indent_;
    if (e->text != "_") Line(LocalDecl("std::string", NameOf(e), caught + ".message()"));
    EmitBlockInto(e->b.get(), dest);
    Close();
  } else {
    EmitBlockInto(e->a.get(), dest);
  }
  Close();
}

std::string Emitter::SlotInit(const Expr* place_call) {
  // The place built-ins are methods of an Entry taking at most the value to insert.
  std::string init = "rt::Slot(" + Expr_(place_call->a.get());
  for (const auto& arg : place_call->list) init += ", " + Expr_(arg.get());
  return init + ")";
}

std::string Emitter::GlobalType(const GlobalBinding& g) {
  if (!program_.global_slots.count(g.cpp_name)) return CppType(g.type);
  return "rt::Slot<" + CppType(TypeOf(g.let->a->a.get())) + ">";
}

}  // namespace ruchy
