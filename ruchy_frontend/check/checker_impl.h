// The checker's internal state, shared by its source files (declarations, expressions, patterns,
// builtins). Not part of the front end's interface: use checker.h.
#ifndef RUCHY_FRONTEND_CHECK_CHECKER_IMPL_H_
#define RUCHY_FRONTEND_CHECK_CHECKER_IMPL_H_

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ruchy_frontend/builtins/builtin_table.h"
#include "ruchy_frontend/check/builtin_types.h"
#include "ruchy_frontend/check/checker.h"

namespace ruchy {

struct Binding {
  Type* type = nullptr;
  std::string cpp_name;
  bool is_mut = false;
  bool is_global = false;
  bool is_slot = false;  // names a map's slot: assignable, and not captured (CheckedProgram::slot_lets)
  const FunDecl* fun_decl = nullptr;     // a nested function (nested_functions.cc)
  int closure_level = 0;                 // how many closures enclose its declaration
  bool is_const = false;                 // `const NAME = ...`
};

// A built-in signature's type variables and `Self`, as one call instantiates them.
struct SigBindings {
  std::map<std::string, Type*> vars;
  Type* self = nullptr;
};

struct LoopContext {
  std::string label;
  Type* break_type = nullptr;  // `loop` only: the value of `break v`
  bool is_loop = false;
};

class Checker {
 public:
  Checker(const Program& program, TypeArena& arena, Diagnostics& diags, const CheckOptions& options)
      : program_(program), arena_(arena), diags_(diags), options_(options) {}

  CheckedProgram Run();

  // ---- declarations (declarations.cc) ----
  void CollectDeclarations();
  void ResolveTypeMembers();
  Type* ResolveTypeExpr(const TypeExpr* t, const std::map<std::string, Type*>& generics,
                        const std::string& module);
  TypeInfo* FindType(const std::string& name, const std::string& module);
  const FunDecl* FindFunction(const std::string& name, const std::string& module);
  const FunDecl* FindMethod(const TypeInfo& info, const std::string& name);
  bool IsGeneric(const FunDecl& fun) const;

  // ---- generic types: `struct Stack<T>`, `impl<T> Stack<T>` (generic_types.cc) ----
  bool IsGenericType(const TypeDecl* decl) const;
  // `t` with the placeholders `params` replaced by `args` (a copy where anything changes).
  Type* Substitute(Type* t, const std::vector<Type*>& params, const std::vector<Type*>& args);
  // The members of a struct, enum or class type; for an instance of a generic type, the
  // declaration's with its type arguments substituted (cached per Type).
  TypeInfo* MembersOf(Type* t);
  Type* InstanceType(const TypeInfo& info, std::vector<Type*> args);
  // A generic type's members at fresh type arguments (to be inferred); a plain type's own.
  TypeInfo* InstanceOf(TypeInfo* info);
  // The members of `info`'s type as `t` (the type a value is expected to have) instantiates it.
  TypeInfo* InstanceFor(TypeInfo* info, Type* t);
  // A written use of a user type with type arguments (`Stack<i64>`): checks their number.
  Type* ResolveGenericTypeUse(TypeInfo& info, const TypeExpr* t, const std::map<std::string, Type*>& generics,
                              const std::string& module);
  // `impl<U> Stack<U>`: records `U` as the methods' name for Stack's first parameter.
  void DeclareImplTypeParams(const ImplDecl& impl, const TypeInfo& info);
  // In a method of a generic type: its type parameters, bound to the receiver type's arguments.
  void BindOwnerTypeParams(const FunDecl* fun, const TypeDecl* owner, Type* self_type,
                           std::map<std::string, Type*>& generics);
  // Once types are final: one CheckedProgram::types entry per concrete instance used.
  void CollectGenericInstances();
  std::map<Type*, TypeInfo> instance_members_;
  std::map<const FunDecl*, std::vector<std::string>> method_type_params_;
  std::map<const FunDecl*, const std::vector<GenericBound>*> method_bounds_;  // the impl's bounds

  // ---- records: `{name: "a", age: 3}` (records.cc) ----
  // Whether a map literal is a record here: its keys are bare names and the context wants no map
  // or JSON.
  bool IsRecordLiteral(const Expr* e, Type* expected);
  Type* CheckRecordLiteral(const Expr* e, Type* expected);
  // The declaration every record with these (sorted) field names shares; made on first use.
  TypeInfo* RecordInfo(const std::vector<std::string>& sorted_names);
  // `r.nme` on a record: names the fields it has.
  void ReportRecordField(const Expr* e, Type* record);

  // ---- `s.parse()`: a Result where used as one, else the value (parse_results.cc) ----
  // Notes the operand of `e` that `e` uses as a Result (`x?`, `x.unwrap()`, `match x { Ok.. }`).
  void NoteResultUse(const Expr* e);
  // The type of the parse call `call` whose built-in result is `result`: that Result, or its value.
  Type* ParseResultOrValue(const Expr* call, Type* result, Type* expected);
  std::unordered_set<const Expr*> result_uses_;

  // ---- trait bounds: `<T: Ord>`, `where T: Display` (trait_bounds.cc) ----
  // Checks BOUNDS with their parameters as GENERICS binds them (those still open once types are
  // final); a broken one is reported at LOC (the call) naming WHAT (`largest`). False when one
  // is broken now.
  bool CheckBounds(const std::vector<GenericBound>* bounds, const std::map<std::string, Type*>& generics,
                   const std::string& what, Loc loc, const std::string& module);
  // Whether `t` has the bound's trait; `known` false when the trait is neither a user trait nor
  // a standard one.
  bool SatisfiesBound(Type* t, const GenericBound& b, const std::string& module, bool* known);
  void CheckDeferredBounds();
  struct DeferredBound {
    const GenericBound* bound;
    Type* type;
    std::string what;
    Loc loc;
    std::string module;
  };
  bool CheckBound(const DeferredBound& d);
  std::vector<DeferredBound> deferred_bounds_;
  std::set<const GenericBound*> reported_bounds_;

  // ---- modules, `use` and `pub` (imports.cc) ----
  struct PathResolution {
    bool found = false;
    std::string full;        // the item or module the path names
    std::string blocked;     // the first item on the way that `from` may not name, if any
    std::string missing_in;  // not found: where (`module `a``), and the segment missing
    std::string missing;
  };
  struct ImportAlias {
    std::string target;
    bool is_pub = false;
    Loc loc;
  };
  void CollectModuleNames();
  void ResolveImports();
  void AddImport(const Item& item, const UseName& u);
  PathResolution ResolvePath(const std::string& written, const std::string& from) const;
  std::string PackageRootOf(const std::string& module) const;
  bool VisibleFrom(const std::string& path, const std::string& from) const;
  // Reports a private item on a path written at `loc`, once per position.
  void CheckAccess(Loc loc, uint32_t length, const std::string& written);
  void ReportPrivate(Loc loc, uint32_t length, const std::string& item);
  // Whether `name` may come from an import already reported as wrong (a `use` that names
  // nothing, or a glob): its uses are not reported again.
  bool ImportFailed(const std::string& name) const;
  std::set<std::string> failed_imports_;  // `module::alias`
  std::set<std::string> failed_globs_;    // modules with a rejected `use a::*`
  std::set<std::string> declared_;  // full paths of functions, types and modules
  std::set<std::string> pub_items_;
  std::map<std::string, Loc> declared_at_;
  std::map<std::string, ImportAlias> aliases_;  // `module::name` -> what the import names
  std::set<std::string> package_roots_;
  std::set<uint32_t> reported_access_;

  // ---- `pub` on fields and methods (member_visibility.cc) ----
  void CollectMemberVisibility();
  std::string EnclosingModule(std::string scope) const;
  bool MemberVisibleFrom(const std::string& owner_module) const;
  // Report a private field (`decl`'s field `index`) or method named where the current module may
  // not use it.
  void CheckFieldVisible(Loc loc, uint32_t length, const TypeDecl* decl, size_t index);
  void CheckMethodVisible(Loc loc, uint32_t length, const TypeDecl* owner, const FunDecl* m);
  void ReportPrivateMember(Loc loc, uint32_t length, const char* what, const std::string& name,
                           const TypeDecl* owner, const std::string& module, Loc declared);
  std::map<const FunDecl*, std::string> private_methods_;  // -> the module it is private to
  std::set<std::string> module_paths_;                     // every `mod`, inline or a file

  // ---- `const` in modules (module_consts.cc) ----
  static bool IsModuleConst(const Item& item);
  static std::string ModuleConstName(const Item& item);
  // The module constant a name or path written in the current module names, if any.
  Binding* FindModuleConst(const std::string& written);
  Type* UseGlobal(const Expr* e, const Binding& b);
  // Reports the first part of a module constant's value that is not a constant expression;
  // collects the module constants it uses.
  bool CheckModuleConstValue(const Expr* e, const Item& item, std::vector<std::string>* uses);
  // The module constants, each after those it uses (cycles reported).
  std::vector<const Item*> ModuleConstsInOrder();
  std::map<std::string, Binding> module_consts_;           // `limits::MAX` -> its global
  std::map<std::string, const Item*> module_const_items_;  // `limits::MAX` -> its declaration

  // ---- function instances (checker.cc) ----
  // A method of a generic type is instantiated per receiver type, `self_type` (an instance of
  // `owner`; fresh type arguments when null).
  FunctionInstance* Instantiate(const FunDecl* fun, const TypeDecl* owner, const std::vector<Type*>& args,
                                Loc loc, const std::string& module, Type* self_type = nullptr);
  void CheckInstance(FunctionInstance* inst, const std::string& module);
  void Finalize();

  // ---- expressions (expressions.cc) ----
  Type* CheckExpr(const Expr* e, Type* expected, bool value_used = true);
  Type* CheckExprInner(const Expr* e, Type* expected, bool value_used);
  Type* CheckName(const Expr* e);
  Type* CheckPath(const Expr* e, Type* expected);
  Type* FunctionValue(const Expr* e, const FunDecl* fun, const std::string& name);
  Type* CheckField(const Expr* e);
  Type* CheckIndex(const Expr* e);
  Type* CheckStructLiteral(const Expr* e);
  Type* CheckFString(const Expr* e);
  // A value printed by `println`, `format`, an f-string hole: reports what cannot be printed.
  void CheckPrintable(const Expr* arg, Type* t);
  void Expect(const Expr* e, Type* actual, Type* expected, const std::string& context = "");
  Type* Coerce(const Expr* e, Type* actual, Type* expected);

  // ---- blocks, `let` and assignment (bindings.cc) ----
  Type* CheckBlock(const Expr* e, Type* expected, bool value_used);
  Type* CheckLet(const Expr* e);
  Type* CheckAssign(const Expr* e);
  bool CheckAssignable(const Expr* target, const std::string& method = "");
  bool IsPlaceCall(const Expr* e) const;
  void BindSlot(const Expr* let, Binding& b);

  // ---- functions declared in bodies (nested_functions.cc) ----
  // Makes the nested functions of `block` (a kBlock) visible in the whole block.
  void DeclareNestedFunctions(const Expr* block);
  Type* CheckNestedFunction(const Expr* e);
  // In a nested function's body: the nested functions visible where it is declared.
  void EnterNestedFunctionScope(const FunDecl* fun);
  // `name` is unknown here: reports it as a capture when it is a local of the function around the
  // nested function being checked.
  bool ReportNestedCapture(const Expr* e, const std::string& name);

  // ---- `name = value` declaring `name` (declaring_assignment.cc) ----
  // Whether the block statement `stmt` declares the name it assigns (it is not in scope).
  bool IsDeclaringAssign(const Expr* stmt);
  Type* CheckDeclaringAssign(const Expr* e);
  // The global a top-level statement declares by assignment; called for each item in order.
  const std::string* TopLevelDeclaredName(const Item& item);
  std::set<std::string> top_level_names_;  // bound by top-level code so far (TopLevelDeclaredName)
  // `name` is unknown here: when an assignment in an earlier block of this function declared it,
  // a note pointing there.
  void NoteDeclaredInEndedBlock(const std::string& name);
  std::map<std::pair<const FunctionInstance*, std::string>, const Expr*> declaring_assigns_by_name_;

  // ---- `let PATTERN = value else { ... }` (let_else.cc) ----
  void CheckLetElse(const Expr* let);

  // ---- operators (operators.cc) ----
  Type* CheckUnary(const Expr* e, Type* expected);
  Type* CheckBinary(const Expr* e, Type* expected);
  // Whether a value of type `t` joins a String with `+` (a number or a bool; the reference shows
  // it as Rust's `{}` does); settles a literal's type.
  bool JoinsString(Type* t);

  // ---- control flow (control_flow.cc) ----
  Type* CheckClosure(const Expr* e, Type* expected);
  Type* CheckIf(const Expr* e, Type* expected, bool value_used);
  Type* CheckMatch(const Expr* e, Type* expected, bool value_used);
  Type* CheckLoop(const Expr* e);
  Type* IterElementType(const Expr* iterable, Type* t);
  Type* CheckTry(const Expr* e, Type* expected, bool value_used);
  Type* CheckQuestion(const Expr* e);

  // ---- calls (calls.cc) ----
  Type* CheckCall(const Expr* e, Type* expected);
  Type* CheckCallArgs(const Expr* e, const std::vector<Type*>& params, const FunDecl* decl, size_t skip = 0,
                      const std::string& callee = "");
  FunctionInstance* CheckInstanceCall(const Expr* e, const FunDecl* fun, const TypeDecl* owner,
                                      const std::string& module, const std::string& callee,
                                      Type* self_type = nullptr);
  Type* CheckMethodCall(const Expr* e, Type* expected);

  // ---- trait objects: `Box<dyn Trait>` (trait_objects.cc) ----
  // The type `dyn Trait` for a written one; reports a trait that cannot be an object.
  Type* DynType(const TypeInfo& trait, const TypeExpr* written);
  // A value of a type implementing the trait where a `dyn Trait` is expected.
  Type* CoerceToDyn(const Expr* e, Type* actual, Type* want);
  Type* CheckDynMethodCall(const Expr* e, Type* recv);
  // `Box::new(value)` where a `dyn Trait` is expected: the value becomes the trait object.
  Type* CheckBoxIntoDyn(const Expr* call, Type* expected);
  // Whether a `dyn Trait` is inside `t` (directly, in a container, or in a struct's or enum's
  // members): such values cannot be compared.
  bool HoldsTraitObject(Type* t);
  // A trait method's parameter and result types, as a `dyn` call sees them.
  std::vector<Type*> TraitMethodParams(const FunDecl& m, const TypeDecl* trait);
  Type* TraitMethodResult(const FunDecl& m, const TypeDecl* trait);

  // ---- async (async.cc) ----
  Type* CheckAwait(const Expr* e);
  // What a call of INST gives: its result, or a Task of it for an `async fun`.
  Type* CallResult(const FunctionInstance* inst);
  // A statement whose value is dropped must not be a task nobody runs.
  void CheckTaskUsed(const Expr* stmt, Type* t);
  // ---- async methods (async_methods.cc) ----
  // An async method of OWNER: its frame holds `self` by counted reference (class) or by copy.
  void CheckAsyncMethod(const TypeDecl& owner, const FunDecl& fun);
  void CheckAsyncMatchesTrait(const ImplDecl& impl, const FunDecl& declared, const FunDecl& implemented);

  // ---- attributes (attributes.cc) ----
  // Gives every attribute on a declaration its meaning, or reports it (none is ignored).
  void CheckAttributes();
  void CheckFunAttributes(const FunDecl& fun, const TypeDecl* owner, bool nested);
  void CheckTypeAttributes(const TypeDecl& decl);
  void CollectTests();
  std::vector<const FunDecl*> test_functions_;
  std::map<const FunDecl*, std::string> test_names_;
  std::set<const FunDecl*> attributes_checked_;  // nested functions are met once per instance

  // ---- C interop (extern.cc) ----
  // The signatures of `extern "C"` functions: only types with a C representation cross.
  void CheckExternDeclarations();
  bool ExternParamOf(const FunDecl& fun, const Param& p, ExternParam* out);
  Type* CheckExternCall(const Expr* e, const FunDecl* fun);
  // `unsafe { ... }` blocks enclosing the code being checked: C functions are called only there.
  int unsafe_depth_ = 0;

  // ---- patterns (patterns.cc) ----
  void BindPattern(const Pattern* p, Type* t, bool is_mut, bool refutable);
  std::string Declare(const std::string& name, Type* t, bool is_mut, const void* key);
  // `A(x) | B(x)`: every alternative binds the same names, with one type and one C++ name each
  // (or_patterns.cc).
  void BindOrPattern(const Pattern* p, Type* t, bool is_mut, bool refutable);
  // A guard after an arm whose or-pattern binds names is tried once per matching alternative, as
  // in Rust; that is done for an or-pattern at the top of the arm, and reported when nested.
  void CheckOrPatternGuard(const MatchArm& arm);

  // ---- built-ins from the table (builtin_calls.cc) ----
  Type* CheckBuiltinCall(const Expr* e, const std::string& name, Type* expected, bool* handled);
  Type* CheckBuiltinMethod(const Expr* e, Type* recv, Type* expected);
  Type* CheckStaticCall(const Expr* e, const std::string& path, Type* expected, bool* handled);
  Type* CheckBuiltinConst(const Expr* e, const std::string& head, const std::string& name);
  Type* CheckBuiltinRows(const Expr* e, const std::vector<const Builtin*>& rows, SigBindings bindings, Type* expected,
                         const std::string& what, const std::vector<const TypeExpr*>& type_args, Type* recv = nullptr);
  Type* SigTypeToType(const SigType& s, SigBindings& b);
  void CheckFormatString(const Expr* call);
  // A built-in of the reference interpreter listed in unsupported.def: reports it and returns true.
  // `path` is a function name or `Type::name` (`as_written`, if given, is how the message shows
  // it); a method is reported on its receiver's type.
  bool ReportUnsupportedBuiltin(const Expr* at, const std::string& path, const std::string& as_written = "");
  bool ReportUnsupportedMethod(const Expr* e, Type* recv, bool is_call);
  // A built-in type from its table row and type arguments (`Vec` + [i64] -> Vec<i64>).
  Type* MakeBuiltinType(const BuiltinTypeName& row, const std::vector<Type*>& args);

  // The arguments of a call already reported as wrong (unknown function or method, not a
  // function, wrong count), checked for their own errors. A closure whose parameters have no
  // written types is skipped: they would come from the callee, so each use of them would be a
  // follow-on "cannot infer" error.
  void CheckArgsOfFailedCall(const Expr* call);

  // Whether the names a `let` binds may be assigned again: all but constants. The reference lets
  // a plain `let` binding be reassigned, and LANGUAGE.md adopts that (`let mut` and `var` say it
  // on purpose); parameters, loop variables and match bindings stay read-only.
  static bool IsAssignable(const Expr& let) { return let.text != "const"; }

  // ---- "did you mean" (suggestions.cc) ----
  // After an error about `typo` at `e` (or `loc`, `length`): the note "did you mean `x`?" when a
  // candidate is close (similar_names.h).
  void SuggestName(const Expr* e, const std::string& typo, const std::vector<std::string>& candidates);
  void SuggestNameAt(Loc loc, uint32_t length, const std::string& typo, const std::vector<std::string>& candidates);
  // Candidates: the variables, functions and unit variants visible here; those plus the built-in
  // functions; the methods a value of type `t` has; the fields of a struct or class; the types.
  std::vector<std::string> VisibleValueNames() const;
  std::vector<std::string> CallableNames() const;
  std::vector<std::string> MethodNames(Type* t) const;
  std::vector<std::string> FieldNames(const TypeDecl* decl) const;
  std::vector<std::string> TypeNames() const;

  // ---- helpers ----
  // Reports a declared diagnostic (ruchy_frontend/source/diagnostic_kinds.def) at an expression,
  // or at a position with a caret `length` bytes wide.
  template <diag::Kind K, typename... A>
  void Report(const Expr* e, A&&... args) {
    diags_.Emit<K>(e->loc, e->length, std::forward<A>(args)...);
  }
  template <diag::Kind K, typename... A>
  void ReportAt(Loc loc, uint32_t length, A&&... args) {
    diags_.Emit<K>(loc, length, std::forward<A>(args)...);
  }
  Type* Record(const Expr* e, Type* t) {
    cur_->types[e] = t;
    return t;
  }
  CallInfo& CallOf(const Expr* e) { return cur_->calls[e]; }
  void PushScope() { scopes_.emplace_back(); }
  void PopScope() { scopes_.pop_back(); }
  Binding* Lookup(const std::string& name);
  std::string FreshCppName(const std::string& base);

  const Program& program_;
  TypeArena& arena_;
  Diagnostics& diags_;
  CheckOptions options_;
  CheckedProgram out_;

  std::map<std::string, const FunDecl*> functions_;
  std::map<std::string, const Item*> function_items_;
  std::map<const FunDecl*, std::string> function_module_;
  std::set<const FunDecl*> nested_functions_;  // declared in a function body (lifted to namespace scope)
  // What a nested function's body sees: the nested functions in scope where it is declared; and
  // the local variables there, which it cannot use (a clear error instead of "unknown name").
  struct NestedFunctionScope {
    std::unordered_map<std::string, Binding> functions;
    std::set<std::string> enclosing_locals;
  };
  std::map<const FunDecl*, NestedFunctionScope> nested_scope_;
  // By declaration and owner: a trait's default method has one instance per implementing type.
  std::map<std::pair<const FunDecl*, const TypeDecl*>, FunctionInstance*> mono_instances_;
  std::map<std::string, FunctionInstance*> generic_instances_;  // decl-key + arg-type key
  std::vector<FunctionInstance*> instantiating_;
  std::map<const TypeDecl*, std::string> type_module_;
  std::unordered_map<std::string, Binding> global_scope_;  // what function bodies see
  std::map<const Expr*, Binding> let_globals_;            // top-level let -> its global

  // Current function being checked.
  FunctionInstance* cur_ = nullptr;
  std::string module_;
  std::vector<std::unordered_map<std::string, Binding>> scopes_;
  std::vector<LoopContext> loops_;
  int closure_level_ = 0;  // closures enclosing the code being checked
  const char* cleanup_block_ = nullptr;  // "catch"/"finally" while checking one (no `await` there)
  std::vector<Type*> returns_;  // return types: where `return` and `?` go (function or closure)
  std::map<std::string, int> used_names_;  // per instance, for unique C++ local names
  std::unordered_set<Type*> loops_has_break_;  // break types of `loop`s that have a `break`
  // Operators applied while their operand types were open, checked once types are final.
  struct DeferredOp {
    const Expr* expr;
    Type* operand;
  };
  std::vector<DeferredOp> deferred_ops_;
  // Integer literals, range-checked once their types are settled; `-` applied directly to one.
  struct IntLiteral {
    const Expr* expr;
    Type* type;
  };
  std::vector<IntLiteral> int_literals_;
  std::set<const Expr*> negated_literals_;
  // `xs.collect()`: its target type, checked (or defaulted to Vec<T>) once types are settled.
  struct DeferredCollect {
    const Expr* expr;
    Type* target;
    Type* element;
    Type* source;
  };
  std::vector<DeferredCollect> deferred_collects_;
  struct DeferredMatch {
    const Expr* match;
    Type* scrutinee;
  };
  std::vector<DeferredMatch> deferred_matches_;
  void CheckMatchCoverage();
  void CheckCollect(const DeferredCollect& c);
};

// The expression whose value a block yields (its last, through nested blocks): where a type
// mismatch of the whole block is reported.
const Expr* LastValueExpr(const Expr* e);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_CHECKER_IMPL_H_
