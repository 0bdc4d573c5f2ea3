// C functions declared in `extern "C" { ... }` blocks: their signatures, and their calls.
//
// Only values with a C representation cross: fixed-width integers, f32, f64 and bool by value;
// byte buffers and strings as views of the caller's storage, never copies (`&[u8]` is a pointer
// and a length, `&str` the String's own NUL-terminated bytes); a `#[repr(C)]` struct by pointer.
//
// The lifetime rule for views is the smallest sound one: a view exists only as an argument of a
// C call. It is formed after every argument has been evaluated, from a variable or from a
// temporary that lives until the call returns, and it ends when the call returns; it has no type
// that a variable, field, global, closure capture or return value could hold. So no view can
// outlive its buffer, and none can be held across an `await` (a C call does not suspend): when
// views become values of their own, those are the places check/async.cc and this file must guard.
//
// What the checker cannot prove is what C does with a pointer: keep it past the call, write
// past the length, read a buffer that is not NUL-terminated. Calls to C functions are therefore
// confined to `unsafe { ... }` blocks, where the reader of the program can find them.
#include <string>

#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

namespace {

bool IsCScalar(Type* t) {
  t = Resolve(t);
  return t->kind == TypeKind::kInt || t->kind == TypeKind::kFloat || t->kind == TypeKind::kBool;
}

bool IsByte(Type* t) {
  t = Resolve(t);
  return t->kind == TypeKind::kInt && t->bits == 8 && !t->is_signed;
}

std::string Written(const TypeExpr& t, Type* resolved) {
  std::string prefix = t.is_mut_ref ? "&mut " : t.is_ref ? "&" : "";
  return prefix + TypeName(resolved);
}

// A variable, possibly written `&mut name`: where C's writes land and stay.
const Expr* PlaceName(const Expr* arg) {
  if (arg->kind == ExprKind::kUnary && arg->op == Tok::kAmp && arg->a) arg = arg->a.get();
  return arg->kind == ExprKind::kName ? arg : nullptr;
}

}  // namespace

bool Checker::ExternParamOf(const FunDecl& fun, const Param& p, ExternParam* out) {
  if (!p.type) {
    ReportAt<diag::kExternParamType>(p.loc, static_cast<uint32_t>(p.name.size()), p.name, fun.name);
    return false;
  }
  const TypeExpr& written = *p.type;
  Type* t = Resolve(ResolveTypeExpr(&written, {}, function_module_[&fun]));
  uint32_t len = static_cast<uint32_t>(p.name.size());
  if (t->kind == TypeKind::kVar) return false;  // an unknown type, already reported
  if (!written.is_ref) {
    if (IsCScalar(t)) {
      out->kind = ExternParam::Kind::kScalar;
      out->type = t;
      return true;
    }
    std::string why = t->kind == TypeKind::kString ? "pass a string as `&str` (NUL-terminated) or `&[u8]` (pointer and length)"
                      : t->kind == TypeKind::kVec ? "pass a buffer as `&[u8]` or `&mut [u8]`"
                      : t->kind == TypeKind::kStruct ? "pass a `#[repr(C)]` struct as `&` or `&mut`"
                                                     : "it has no C representation";
    ReportAt<diag::kExternTypeNotC>(p.loc, len, Written(written, t), why);
    return false;
  }
  if (t->kind == TypeKind::kVec && IsByte(t->args[0])) {
    out->kind = written.is_mut_ref ? ExternParam::Kind::kMutBytes : ExternParam::Kind::kBytes;
    return true;
  }
  if (t->kind == TypeKind::kString && !written.is_mut_ref) {
    out->kind = ExternParam::Kind::kCString;
    return true;
  }
  if (t->kind == TypeKind::kStruct && out_.repr_c.count(t->decl)) {
    out->kind = ExternParam::Kind::kStruct;
    out->type = t;
    out->is_mut = written.is_mut_ref;
    return true;
  }
  std::string why = t->kind == TypeKind::kVec      ? "only byte buffers cross: `&[u8]`"
                    : t->kind == TypeKind::kString ? "C may not change a String's bytes: pass a `Vec<u8>` as `&mut [u8]`"
                    : t->kind == TypeKind::kStruct ? "only a `#[repr(C)]` struct has a C layout"
                                                   : "it has no C representation";
  ReportAt<diag::kExternTypeNotC>(p.loc, len, Written(written, t), why);
  return false;
}

void Checker::CheckExternDeclarations() {
  for (const Item& item : program_.items) {
    if (item.kind != Item::Kind::kFun || !item.fun->is_extern) continue;
    const FunDecl& fun = *item.fun;
    if (fun.body) ReportAt<diag::kExternBody>(fun.loc, 1, fun.name);
    if (!fun.generics.empty()) ReportAt<diag::kExternGeneric>(fun.loc, 1, fun.name);
    ExternSignature sig;
    sig.decl = &fun;
    size_t colon = fun.name.rfind("::");
    sig.c_name = colon == std::string::npos ? fun.name : fun.name.substr(colon + 2);
    for (const Attribute& a : fun.attributes) {
      if (a.name == "link_name" && a.args.size() == 1 && a.arg_is_string[0] && !a.args[0].empty()) sig.c_name = a.args[0];
    }
    bool ok = true;
    for (const Param& p : fun.params) {
      ExternParam param;
      ok = ExternParamOf(fun, p, &param) && ok;
      sig.params.push_back(param);
    }
    if (!fun.ret || (fun.ret->kind == TypeExpr::Kind::kTuple && fun.ret->args.empty())) {
      sig.result = ExternSignature::Result::kUnit;
      sig.ret = arena_.unit();
    } else {
      Type* r = Resolve(ResolveTypeExpr(fun.ret.get(), {}, item.module));
      sig.ret = r;
      if (IsCScalar(r) && !fun.ret->is_ref) {
        sig.result = ExternSignature::Result::kScalar;
      } else if (r->kind == TypeKind::kOption && Resolve(r->args[0])->kind == TypeKind::kString) {
        // A `const char*` that may be NULL (getenv): copied into a String, since C owns it.
        sig.result = ExternSignature::Result::kOptionString;
      } else if (r->kind != TypeKind::kVar) {
        ReportAt<diag::kExternTypeNotC>(fun.ret->loc, 1, Written(*fun.ret, r),
                                        "a C function returns a fixed-width integer, f32, f64, bool, or `Option<String>` for a `const char*` that may be NULL");
        ok = false;
      }
    }
    if (!ok) continue;
    out_.extern_index[&fun] = out_.externs.size();
    out_.externs.push_back(std::move(sig));
  }
}

Type* Checker::CheckExternCall(const Expr* e, const FunDecl* fun) {
  if (unsafe_depth_ == 0) Report<diag::kExternCallOutsideUnsafe>(e, fun->name);
  auto found = out_.extern_index.find(fun);
  if (found == out_.extern_index.end()) {  // its signature was reported
    CheckArgsOfFailedCall(e);
    return arena_.Var();
  }
  const ExternSignature& sig = out_.externs[found->second];
  if (e->list.size() != sig.params.size()) {
    Report<diag::kWrongArgumentCount>(e, "`" + fun->name + "`",
                                      std::to_string(sig.params.size()) + (sig.params.size() == 1 ? " argument" : " arguments"),
                                      static_cast<int64_t>(e->list.size()));
    CheckArgsOfFailedCall(e);
    return sig.ret;
  }
  Type* bytes = arena_.Vec(arena_.Int(8, false));
  for (size_t i = 0; i < e->list.size(); ++i) {
    const Expr* arg = e->list[i].get();
    const ExternParam& p = sig.params[i];
    std::string context = "argument " + std::to_string(i + 1);
    switch (p.kind) {
      case ExternParam::Kind::kScalar:
        Expect(arg, CheckExpr(arg, p.type), p.type, context);
        break;
      case ExternParam::Kind::kBytes: {
        // A view of a Vec<u8> or of a String's bytes.
        Type* t = CheckExpr(arg, nullptr);
        if (Resolve(t)->kind != TypeKind::kString) Expect(arg, t, bytes, context);
        break;
      }
      case ExternParam::Kind::kCString:
        Expect(arg, CheckExpr(arg, arena_.string()), arena_.string(), context);
        break;
      case ExternParam::Kind::kMutBytes:
      case ExternParam::Kind::kStruct: {
        Type* want = p.kind == ExternParam::Kind::kMutBytes ? bytes : p.type;
        Expect(arg, CheckExpr(arg, want), want, context);
        bool needs_place = p.kind == ExternParam::Kind::kMutBytes || p.is_mut;
        if (!needs_place) break;
        const Expr* place = PlaceName(arg);
        if (!place) {
          Report<diag::kExternArgumentNotPlace>(arg, static_cast<int64_t>(i + 1), fun->name);
        } else {
          CheckAssignable(place);
        }
        break;
      }
    }
  }
  CallInfo& call = CallOf(e);
  call.kind = CallKind::kExtern;
  call.extern_fun = fun;
  return sig.ret;
}

}  // namespace ruchy
