// async/await: `async fun f() -> T` is a coroutine whose callers get a `Task<T>`; `await` takes a
// task or a join handle and yields its result. Where `await` may appear is decided here, so the
// generated C++ never puts a `co_await` where C++ forbids one (a closure, a catch handler, the
// lambda that runs a `finally` block) or where no coroutine frame exists.
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

Type* Checker::CallResult(const FunctionInstance* inst) {
  return inst->is_async ? arena_.Task(inst->ret) : inst->ret;
}

Type* Checker::CheckAwait(const Expr* e) {
  Type* operand = CheckExpr(e->a.get(), nullptr);
  if (closure_level_ > 0) {
    Report<diag::kAwaitInClosure>(e);
  } else if (cleanup_block_ != nullptr) {
    Report<diag::kAwaitInCleanup>(e, std::string(cleanup_block_));
  } else if (cur_ == out_.top_level) {
    cur_->is_async = true;  // top-level code that awaits runs on the event loop
  } else if (!cur_->is_async) {
    Report<diag::kAwaitOutsideAsync>(e, cur_->decl ? cur_->decl->name : std::string("?"));
  }
  Type* t = Resolve(operand);
  if (t->kind == TypeKind::kTask || t->kind == TypeKind::kJoinHandle) return t->args[0];
  if (t->kind == TypeKind::kNever) return arena_.never();
  if (t->kind == TypeKind::kVar && !t->int_literal && !t->float_literal) {
    // Not known yet (a generic parameter): the common case, a task, is the only one we can infer.
    Type* result = arena_.Var();
    Unify(t, arena_.Task(result));
    return result;
  }
  Report<diag::kAwaitNeedsTask>(e->a.get(), TypeName(operand));
  return arena_.Var();
}

void Checker::CheckTaskUsed(const Expr* stmt, Type* t) {
  // A task is lazy: dropping it unstarted means the code never runs, which is never what was
  // meant (a join handle is different: dropping it detaches a task that already runs).
  if (t && Resolve(t)->kind == TypeKind::kTask) Report<diag::kTaskNeverRun>(stmt, TypeName(t));
}

}  // namespace ruchy
