// Tasks and join handles are single-use values (single_use.h). Once every type is final, this pass
// walks each body and rejects every expression that would copy one, so the mistake is a Ruchy
// diagnostic instead of a C++ "call to deleted constructor". What the language allows:
// - using a value where it is: `await h`, `h.cancel()`, `job.handle`, `handles[0]`, `for h in
//   handles` (each element named in place), `handles.len()`, `handles.push(...)`, and passing it
//   to a function that is not async (parameters are references to the caller's values);
// - handing it over: `spawn`, `select`, `select_all`, `timeout` and vector literals take a task or
//   handle over, even from a variable (awaiting it afterwards raises `Ruchy.AsyncMisuse`);
// - returning a local variable (`let h = spawn(f()); ...; h`), which C++ moves, since the variable
//   ends with the function.
// Everything else that reads such a value copies it and is an error: `let h2 = h`, assignments,
// struct and tuple fields taken from variables, arguments of async functions, enum payloads,
// built-ins other than the ones above, closures capturing it, and patterns that bind part of it.
// A task stored in a variable that is never used is an error too: it would never run.
#include "ruchy_frontend/check/single_use.h"

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ruchy_frontend/builtins/builtin_table.h"

namespace ruchy {

namespace {

bool HoldsSingleUseIn(Type* t, std::set<const TypeInfo*>& seen, const CheckedProgram& program) {
  t = Resolve(t);
  if (IsAwaitable(t)) return true;
  switch (t->kind) {
    case TypeKind::kStruct:
    case TypeKind::kEnum: {
      auto it = program.types.find(TypeKey(t));
      if (it == program.types.end() || !seen.insert(&it->second).second) return false;
      for (Type* f : it->second.field_types) {
        if (HoldsSingleUseIn(f, seen, program)) return true;
      }
      for (const auto& variant : it->second.variant_types) {
        for (Type* f : variant) {
          if (HoldsSingleUseIn(f, seen, program)) return true;
        }
      }
      return false;
    }
    case TypeKind::kVec:
    case TypeKind::kTuple:
    case TypeKind::kOption:
    case TypeKind::kResult:
    case TypeKind::kMap:
    case TypeKind::kSet:
      for (Type* a : t->args) {
        if (HoldsSingleUseIn(a, seen, program)) return true;
      }
      return false;
    default:
      return false;  // a class is a shared reference: copying it shares what it holds
  }
}

uint32_t Width(const std::string& name) { return name.empty() ? 1 : static_cast<uint32_t>(name.size()); }

// Built-in methods that use their receiver in place (the rest read elements out of it, or copy it).
constexpr BuiltinId kInPlaceReceivers[] = {
    BuiltinId::kJoinHandleCancel, BuiltinId::kJoinHandleIsFinished, BuiltinId::kVecLen,
    BuiltinId::kSeqIsEmpty,       BuiltinId::kVecPush,              BuiltinId::kVecPop,
    BuiltinId::kVecInsert,        BuiltinId::kVecRemove,            BuiltinId::kVecClear,
    BuiltinId::kVecReverse,       BuiltinId::kVecTruncate,
};

// Built-in functions that take a task over (`rt::consume`, stdlib/async/task.h).
constexpr BuiltinId kTakeOverArguments[] = {
    BuiltinId::kSpawn, BuiltinId::kSelect, BuiltinId::kSelectAll, BuiltinId::kTimeout,
};

template <size_t N>
bool Contains(const BuiltinId (&ids)[N], BuiltinId id) {
  for (BuiltinId x : ids) {
    if (x == id) return true;
  }
  return false;
}

// What the enclosing expression does with a value.
enum class Use {
  kInPlace,   // names it where it is (a reference, a statement, a receiver)
  kCopy,      // copies it
  kTakeOver,  // moves it out (spawn, select, timeout, vector literals)
  kReturn,    // returns it from the function: a move for a local variable
};

class SingleUseWalk {
 public:
  SingleUseWalk(const CheckedProgram& program, const FunctionInstance& inst, Diagnostics& diags,
                std::set<const void*>& reported)
      : program_(program), inst_(inst), diags_(diags), reported_(reported) {}

  void Body(const Expr* body) {
    if (body && body->kind == ExprKind::kBlock) {
      Block(body, Use::kReturn);
    } else {
      Walk(body, Use::kReturn);
    }
    ReportUnusedTasks();
  }
  void Statement(const Expr* stmt) { Walk(stmt, Use::kInPlace); }
  void ReportUnusedTasks() {
    for (const auto& [name, let] : stored_tasks_) {
      if (used_names_.count(name) || !reported_.insert(let).second) continue;
      diags_.Emit<diag::kTaskNeverRun>(let->pattern->loc, Width(let->pattern->text),
                                       TypeName(TypeOf(let->a.get())));
    }
  }

 private:
  Type* TypeOf(const Expr* e) const {
    auto it = inst_.types.find(e);
    return it == inst_.types.end() ? nullptr : it->second;
  }
  Type* TypeOf(const Pattern* p) const {
    auto it = inst_.pattern_types.find(p);
    return it == inst_.pattern_types.end() ? nullptr : it->second;
  }
  bool SingleUse(Type* t) const { return t && HoldsSingleUse(t, program_); }
  std::string NameOf(const void* node) const {
    auto it = inst_.names.find(node);
    return it == inst_.names.end() ? std::string() : it->second;
  }

  static bool IsPlace(const Expr* e) {
    switch (e->kind) {
      case ExprKind::kName:
      case ExprKind::kSelf:
      case ExprKind::kField:
      case ExprKind::kIndex:
        return true;
      case ExprKind::kUnary:
        return (e->op == Tok::kStar || e->op == Tok::kAmp) && IsPlace(e->a.get());
      default:
        return false;
    }
  }

  bool IsLocalVariable(const Expr* e) const {
    return e->kind == ExprKind::kName && !inst_.global_refs.count(e) && local_lets_.count(NameOf(e));
  }

  void Walk(const Expr* e, Use use) {
    if (!e) return;
    if (e->kind == ExprKind::kFunDecl) return;  // a nested function is an instance of its own
    Type* t = TypeOf(e);
    if (e->kind == ExprKind::kName) {
      std::string name = NameOf(e);
      used_names_.insert(name);
      if (closure_depth_ > 0 && inst_.captured.count(name) && SingleUse(t) && reported_.insert(e).second) {
        diags_.Emit<diag::kSingleUseCaptured>(e->loc, e->length, e->text, TypeName(t));
        return;
      }
    }
    if (IsPlace(e) && SingleUse(t)) {
      bool copies = use == Use::kCopy || (use == Use::kReturn && !IsLocalVariable(e));
      if (copies && reported_.insert(e).second) diags_.Emit<diag::kSingleUseCopied>(e->loc, e->length, TypeName(t));
    }
    Children(e, use);
  }

  // A block's statements are used in place; its last one, when it is the block's value, as the
  // block is (a `return` only for the function's own body: a branch's value is copied out).
  void Block(const Expr* e, Use use) {
    for (size_t i = 0; i < e->list.size(); ++i) {
      bool is_value = e->flag && i + 1 == e->list.size();
      Walk(e->list[i].get(), is_value ? use : Use::kInPlace);
    }
  }

  static Use Branch(Use use) { return use == Use::kReturn ? Use::kCopy : use; }

  // A pattern that takes a single-use value apart binds a copy of the part. `top_binds_in_place`:
  // whether a plain name at the top names the value itself (`let`, `for`) or a copy (`match`).
  void CheckPattern(const Pattern* p, bool top_binds_in_place) {
    if (!p) return;
    bool top = top_binds_in_place;
    if (p->kind == Pattern::Kind::kBind && !top && SingleUse(TypeOf(p)) && reported_.insert(p).second) {
      diags_.Emit<diag::kSingleUseBoundByPattern>(p->loc, Width(p->text), TypeName(TypeOf(p)));
    }
    for (const auto& sub : p->subs) CheckPattern(sub.get(), false);
    for (const auto& [field, sub] : p->fields) CheckPattern(sub.get(), false);
  }

  Use ReceiverUse(const Expr* call) const {
    auto it = inst_.calls.find(call);
    if (it == inst_.calls.end()) return Use::kCopy;
    const CallInfo& info = it->second;
    switch (info.kind) {
      case CallKind::kBuiltin:
        return Contains(kInPlaceReceivers, info.builtin) ? Use::kInPlace : Use::kCopy;
      case CallKind::kMethod:
        // An async method's task holds a copy of a struct or enum `self` (docs/language.md).
        return info.target && info.target->is_async ? Use::kCopy : Use::kInPlace;
      default:
        return Use::kCopy;
    }
  }

  Use ArgumentUse(const Expr* call) const {
    auto it = inst_.calls.find(call);
    if (it == inst_.calls.end()) return Use::kCopy;
    const CallInfo& info = it->second;
    switch (info.kind) {
      case CallKind::kBuiltin:
        return Contains(kTakeOverArguments, info.builtin) ? Use::kTakeOver : Use::kCopy;
      case CallKind::kFunction:
      case CallKind::kMethod:
      case CallKind::kConstructor:
        // Parameters are references to the caller's values, except in an async fun's frame.
        return info.target && info.target->is_async ? Use::kCopy : Use::kInPlace;
      default:
        return Use::kCopy;
    }
  }

  void Children(const Expr* e, Use use) {
    switch (e->kind) {
      case ExprKind::kAwait:
      case ExprKind::kField:
        Walk(e->a.get(), Use::kInPlace);
        return;
      case ExprKind::kIndex:
        Walk(e->a.get(), Use::kInPlace);
        Walk(e->b.get(), Use::kCopy);
        return;
      case ExprKind::kUnary:
        Walk(e->a.get(), e->op == Tok::kStar || e->op == Tok::kAmp ? Use::kInPlace : Use::kCopy);
        return;
      case ExprKind::kArray:
        for (const auto& item : e->list) Walk(item.get(), Use::kTakeOver);
        return;
      case ExprKind::kCall: {
        Walk(e->a.get(), Use::kInPlace);
        Use args = ArgumentUse(e);
        for (const auto& arg : e->list) Walk(arg.get(), args);
        return;
      }
      case ExprKind::kMethodCall: {
        Walk(e->a.get(), ReceiverUse(e));
        Use args = ArgumentUse(e);
        for (const auto& arg : e->list) Walk(arg.get(), args);
        return;
      }
      case ExprKind::kBlock:
        Block(e, Branch(use));
        return;
      case ExprKind::kIf:
        Walk(e->a.get(), Use::kCopy);
        Walk(e->b.get(), Branch(use));
        Walk(e->c.get(), Branch(use));
        return;
      case ExprKind::kIfLet:
      case ExprKind::kWhileLet:
        Walk(e->a.get(), Use::kInPlace);
        CheckPattern(e->pattern.get(), false);
        Walk(e->b.get(), e->kind == ExprKind::kIfLet ? Branch(use) : Use::kInPlace);
        Walk(e->c.get(), Branch(use));
        return;
      case ExprKind::kMatch:
        Walk(e->a.get(), Use::kInPlace);
        for (const MatchArm& arm : e->arms) {
          CheckPattern(arm.pattern.get(), false);
          Walk(arm.guard.get(), Use::kCopy);
          Walk(arm.body.get(), Branch(use));
        }
        return;
      case ExprKind::kFor:
        Walk(e->a.get(), Use::kInPlace);  // each element is named in place
        CheckPattern(e->pattern.get(), true);
        Walk(e->b.get(), Use::kInPlace);
        return;
      case ExprKind::kComprehension:
        Walk(e->b.get(), Use::kInPlace);
        CheckPattern(e->pattern.get(), true);
        Walk(e->a.get(), Use::kCopy);
        Walk(e->c.get(), Use::kCopy);
        return;
      case ExprKind::kWhile:
        Walk(e->a.get(), Use::kCopy);
        Walk(e->b.get(), Use::kInPlace);
        return;
      case ExprKind::kLoop:
        Walk(e->b.get(), Use::kInPlace);
        return;
      case ExprKind::kLet:
        Walk(e->a.get(), Use::kCopy);
        CheckPattern(e->pattern.get(), true);
        if (e->pattern && e->pattern->kind == Pattern::Kind::kBind) {
          std::string name = NameOf(e->pattern.get());
          local_lets_.insert(name);
          Type* init = e->a ? TypeOf(e->a.get()) : nullptr;
          if (init && Resolve(init)->kind == TypeKind::kTask) stored_tasks_.emplace(name, e);
        }
        Walk(e->b.get(), Use::kInPlace);
        return;
      case ExprKind::kAssign:
        Walk(e->a.get(), Use::kInPlace);
        Walk(e->b.get(), Use::kCopy);
        return;
      case ExprKind::kReturn:
        Walk(e->a.get(), Use::kReturn);
        return;
      case ExprKind::kTry:
        Walk(e->a.get(), Branch(use));
        Walk(e->b.get(), Branch(use));
        Walk(e->c.get(), Use::kInPlace);
        return;
      case ExprKind::kClosure:
        ++closure_depth_;
        Walk(e->a.get(), Use::kCopy);
        --closure_depth_;
        return;
      default:
        break;
    }
    // Every other expression reads its operands as values: operators, literals of tuples,
    // structs and maps, enum payloads, casts, `?`, `throw`, `break` values, f-string holes.
    for (const Expr* child : {e->a.get(), e->b.get(), e->c.get()}) Walk(child, Use::kCopy);
    for (const auto& x : e->list) Walk(x.get(), Use::kCopy);
    for (const auto& part : e->parts) Walk(part.expr.get(), Use::kCopy);
    for (const auto& [k, v] : e->map_entries) {
      Walk(k.get(), Use::kCopy);
      Walk(v.get(), Use::kCopy);
    }
    for (const auto& [name, v] : e->field_inits) Walk(v.get(), Use::kCopy);
  }

  const CheckedProgram& program_;
  const FunctionInstance& inst_;
  Diagnostics& diags_;
  std::set<const void*>& reported_;
  int closure_depth_ = 0;
  std::unordered_set<std::string> local_lets_;           // C++ names of the body's `let` variables
  std::unordered_set<std::string> used_names_;           // C++ names read anywhere in the body
  std::unordered_map<std::string, const Expr*> stored_tasks_;  // `let t = f()` of a Task
};

}  // namespace

bool HoldsSingleUse(Type* t, const CheckedProgram& program) {
  std::set<const TypeInfo*> seen;
  return HoldsSingleUseIn(t, seen, program);
}

void CheckSingleUseValues(const CheckedProgram& program, Diagnostics& diags) {
  std::set<const void*> reported;  // a generic body is checked once per instance, reported once
  for (const auto& inst : program.instances) {
    if (inst.get() == program.top_level) {
      // Top-level variables are globals that functions may use: no unused-task check here.
      SingleUseWalk walk(program, *inst, diags, reported);
      for (const Expr* stmt : program.top_level_stmts) walk.Statement(stmt);
    } else if (inst->decl && inst->decl->body && inst->checked) {
      SingleUseWalk(program, *inst, diags, reported).Body(inst->decl->body.get());
    }
  }
}

}  // namespace ruchy
