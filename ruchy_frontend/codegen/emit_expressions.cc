// Expressions. Each returns C++ expression text; constructs that need statements (a `match`
// inside an argument, `?`) first emit those statements into a temporary ("hoisting").
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>

#include "ruchy_frontend/ast/walk.h"
#include "ruchy_frontend/check/format_string.h"
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

uint32_t DecodeChar(const std::string& s) {
  unsigned char c = s.empty() ? 0 : s[0];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && k < static_cast<int>(s.size()); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  return cp;
}

std::string FloatText(double v, bool f32) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string text(buf, res.ptr);
  if (text == "inf") return f32 ? "INFINITY" : "std::numeric_limits<double>::infinity()";
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return f32 ? text + "f" : text;
}

bool IsLiteral(const Expr* e) {
  return e->kind == ExprKind::kInt || e->kind == ExprKind::kFloat ||
         (e->kind == ExprKind::kUnary && e->op == Tok::kMinus && IsLiteral(e->a.get())) ||
         (e->kind == ExprKind::kBinary && IsLiteral(e->a.get()) && IsLiteral(e->b.get()));
}

}  // namespace

std::string CppStringBody(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\%03o", c);
          out += esc;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

void Emitter::CollectGlobalRefs(const Expr* e, std::set<std::string>& out) const {
  ForEachExpr(e, [&](const Expr* x) {
    if (x->kind == ExprKind::kName && inst_->global_refs.count(x)) out.insert(NameOf(x));
  });
}

namespace {

bool MentionsSelf(const Expr* e) {
  return AnyExpr(e, [](const Expr* x) { return x->kind == ExprKind::kSelf; });
}

}  // namespace

bool Emitter::IsSimple(const Expr* e) const {
  switch (e->kind) {
    case ExprKind::kBlock:
      return e->list.size() == 1 && IsSimple(e->list[0].get());
    case ExprKind::kIf:
      return e->c && IsSimple(e->b.get()) && IsSimple(e->c.get()) && IsSimple(e->a.get()) &&
             !IsUnitLike(TypeOf(e));
    case ExprKind::kIfLet:
    case ExprKind::kMatch:
    case ExprKind::kWhile:
    case ExprKind::kWhileLet:
    case ExprKind::kFor:
    case ExprKind::kLoop:
    case ExprKind::kTry:
    case ExprKind::kLet:
    case ExprKind::kReturn:
    case ExprKind::kBreak:
    case ExprKind::kContinue:
    case ExprKind::kThrow:
    case ExprKind::kFunDecl:
      return false;
    default:
      return true;
  }
}

// A call (or await) of something that gives `()` is C++ `void` (functions returning `()` are
// emitted as void), which is not a value: where the call is used as one, it is `rt::Unit{}`.
// Statements run the bare call (Deliver).
bool Emitter::YieldsVoid(const Expr* e) {
  if (e->kind != ExprKind::kCall && e->kind != ExprKind::kMethodCall && e->kind != ExprKind::kAwait) return false;
  Type* t = Resolve(TypeOf(e));
  return t && t->kind == TypeKind::kUnit;
}

std::string Emitter::Expr_(const Expr* e) {
  std::string raw = ExprRaw(e);
  if (YieldsVoid(e)) return "(" + raw + ", rt::Unit{})";
  auto it = inst_->coercions.find(e);
  if (it == inst_->coercions.end()) return raw;
  switch (it->second) {
    case Coercion::kToJson:
      return TypeOf(e) && TypeOf(e)->kind == TypeKind::kJson ? raw : "rt::ToJson(" + raw + ")";
    case Coercion::kToError:
      return e->kind == ExprKind::kQuestion ? raw : "rt::MakeError(" + raw + ")";
    case Coercion::kToFloat:
      if (e->kind == ExprKind::kInt) return FloatText(static_cast<double>(e->int_value), false);
      return "static_cast<double>(" + raw + ")";
    case Coercion::kToDyn:
      return DynValue(e, raw);
    case Coercion::kNone:
      return raw;
  }
  return raw;
}

std::string Emitter::ExprPlain(const Expr* e) {
  const Expr* saved = plain_literal_;
  plain_literal_ = e;
  std::string out = Expr_(e);
  plain_literal_ = saved;
  return out;
}

std::string Emitter::Hoist(const Expr* e) {
  Type* t = TypeOf(e);
  if (IsUnitLike(t)) {
    EmitStmt(e, Dest::Discard());
    return "rt::Unit{}";
  }
  std::string temp = Temp("v");
  Line(CppType(t) + " " + temp + "{};");
  EmitStmt(e, Dest::Assign(temp));
  return temp;
}

std::string Emitter::Literal(const Expr* e) {
  Type* t = TypeOf(e);
  switch (e->kind) {
    case ExprKind::kInt: {
      std::string digits = std::to_string(e->int_value);
      if (t && t->kind == TypeKind::kFloat) return FloatText(static_cast<double>(e->int_value), t->bits == 32);
      if (!t || t->kind != TypeKind::kInt) return digits;
      if (t->bits == 32 && t->is_signed) return digits;
      // Small i64 literals are written plainly; in `2000000000 * 3` both keep their type so the
      // arithmetic happens in 64 bits.
      if (t->bits == 64 && t->is_signed && e->int_value <= INT32_MAX && plain_literal_ == e) return digits;
      if (t->bits == 64 && !t->is_signed) return digits + "ULL";
      return CppType(t) + "{" + digits + "}";
    }
    case ExprKind::kFloat:
      return FloatText(e->float_value, t && t->kind == TypeKind::kFloat && t->bits == 32);
    case ExprKind::kBool:
      return e->bool_value ? "true" : "false";
    case ExprKind::kString:
      return "\"" + CppStringBody(e->text) + "\"s";
    case ExprKind::kChar: {
      uint32_t cp = DecodeChar(e->text);
      if (cp >= 0x20 && cp < 0x7f && cp != '\'' && cp != '\\') return std::string("U'") + static_cast<char>(cp) + "'";
      char buf[32];
      std::snprintf(buf, sizeof buf, "char32_t{0x%X}", cp);
      return buf;
    }
    default:
      return "rt::Unit{}";
  }
}

std::string Emitter::FString(const Expr* e) {
  std::vector<std::string> parts;
  for (const FStringPart& part : e->parts) {
    if (!part.expr) {
      parts.push_back("\"" + CppStringBody(part.text) + "\"");
      continue;
    }
    std::string value = Expr_(part.expr.get());
    if (part.spec.empty()) {
      parts.push_back(value);
      continue;
    }
    parts.push_back(Formatted(value, part.spec));
  }
  if (parts.empty()) return "std::string()";
  if (parts.size() == 1 && !e->parts[0].expr) return parts[0] + "s";
  std::string out = "rt::cat(";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + ")";
}

// `rt::fmt(value, rt::FormatSpec{...})` for a spec the checker accepted (format_string.h).
std::string Emitter::Formatted(const std::string& value, const std::string& spec_text) {
  std::optional<FormatSpec> spec = ParseFormatSpec(spec_text);
  if (!spec) return value;  // unreachable: the checker rejects unsupported specs
  auto quote = [](char c) { return c == '\'' || c == '\\' ? std::string("'\\") + c + "'" : std::string("'") + c + "'"; };
  std::string fields;
  auto add = [&](const char* name, const std::string& v) {
    fields += std::string(fields.empty() ? "" : ", ") + "." + name + " = " + v;
  };
  if (spec->fill) add("fill", quote(spec->fill));
  if (spec->align) add("align", quote(spec->align));
  if (spec->plus) add("plus", "true");
  if (spec->zero) add("zero", "true");
  if (spec->width >= 0) add("width", std::to_string(spec->width));
  if (spec->precision >= 0) add("precision", std::to_string(spec->precision));
  if (spec->kind) add("kind", quote(spec->kind));
  return "rt::fmt(" + value + ", rt::FormatSpec{" + fields + "})";
}

// println("{} is {:.2}", a, b): the literal is split at its placeholders at compile time
// (format_string.h); without placeholders the values are printed separated by spaces.
std::string Emitter::FormatCall(const std::vector<ExprPtr>& args, const char* fn) {
  std::string call = fn;
  FormatString f;
  if (!args.empty() && args[0]->kind == ExprKind::kString) f = ParseFormatString(args[0]->text);
  if (f.holes > 0) {
    // With `{1} {0}` an argument may be printed out of order or twice: each is evaluated once,
    // in order, first.
    std::vector<std::string> values;
    for (size_t i = 1; i < args.size(); ++i) values.push_back(f.explicit_index ? Hoist(args[i].get()) : Expr_(args[i].get()));
    std::vector<std::string> parts;
    for (const FormatPiece& piece : f.pieces) {
      if (piece.arg < 0) {
        parts.push_back("\"" + CppStringBody(piece.text) + "\"");
      } else if (piece.arg < static_cast<int>(values.size())) {
        parts.push_back(piece.spec.empty() ? values[piece.arg] : Formatted(values[piece.arg], piece.spec));
      }
    }
    std::string joined;
    for (size_t i = 0; i < parts.size(); ++i) joined += (i ? ", " : "") + parts[i];
    if (call == "rt::cat") return "rt::cat(" + joined + ")";
    return call + "(rt::cat(" + joined + "))";
  }
  std::string joined;
  for (size_t i = 0; i < args.size(); ++i) joined += (i ? ", " : "") + Expr_(args[i].get());
  if (call == "rt::cat") return args.size() == 1 ? "rt::ToString(" + joined + ")" : "rt::cat(" + joined + ")";
  return call + "(" + joined + ")";
}

std::string Emitter::Args(const Expr* e, size_t skip) {
  std::string out;
  for (size_t i = skip; i < e->list.size(); ++i) out += (i > skip ? ", " : "") + Expr_(e->list[i].get());
  return out;
}

std::string Emitter::Binary(const Expr* e) {
  Tok op = e->op;
  const Expr* a = e->a.get();
  const Expr* b = e->b.get();
  if (op == Tok::kAndAnd || op == Tok::kOrOr) {
    std::string lhs = Expr_(a);
    size_t mark = lines_.size();
    int saved = indent_;
    std::string rhs = Expr_(b);
    if (lines_.size() == mark) return "(" + lhs + (op == Tok::kAndAnd ? " && " : " || ") + rhs + ")";
    // The right side needs statements: they must only run when it is evaluated.
    std::vector<std::string> prelude(lines_.begin() + mark, lines_.end());
    lines_.resize(mark);
    indent_ = saved;
    std::string temp = Temp("cond");
    Line("bool " + temp + " = " + lhs + ";");
    Open(std::string("if (") + (op == Tok::kAndAnd ? "" : "!") + temp + ") {");
    for (const std::string& l : prelude) lines_.push_back("  " + l);
    Line(temp + " = " + rhs + ";");
    Close();
    return temp;
  }
  if (op == Tok::kQuestionQuestion) return Coalesce(e);
  Type* t = TypeOf(e);
  Type* lt = TypeOf(a);
  // Literals next to a typed operand are written plainly (`n - 1`); two literals keep their type.
  // Builtin operators only: the rt:: helpers are templates that must see the real type.
  bool builtin_op = op != Tok::kSlash && op != Tok::kPercent && op != Tok::kStarStar && op != Tok::kShl && op != Tok::kShr;
  bool plain_ok = builtin_op && !(IsLiteral(a) && IsLiteral(b));
  auto operand = [&](const Expr* x) { return plain_ok ? ExprPlain(x) : Expr_(x); };
  std::string l = operand(a);
  std::string r = operand(b);
  bool is_float = t && t->kind == TypeKind::kFloat;
  bool narrow = t && t->kind == TypeKind::kInt && t->bits < 32;
  auto wrap = [&](std::string s) { return narrow ? "static_cast<" + CppType(t) + ">(" + s + ")" : s; };
  switch (op) {
    case Tok::kPlus:
      if (lt && lt->kind == TypeKind::kString) {
        Type* rt_ = TypeOf(b);
        if (rt_ && rt_->kind == TypeKind::kChar) return "rt::concat_char(" + l + ", " + r + ")";
        if (rt_ && rt_->kind != TypeKind::kString) return "rt::concat_shown(" + l + ", " + r + ")";
        return "(" + l + " + " + r + ")";
      }
      if (t && t->kind == TypeKind::kString) return "rt::shown_concat(" + l + ", " + r + ")";
      return wrap("(" + l + " + " + r + ")");
    case Tok::kMinus:
      return wrap("(" + l + " - " + r + ")");
    case Tok::kStar:
      if (lt && lt->kind == TypeKind::kString) return "rt::repeat(" + l + ", " + r + ")";
      return wrap("(" + l + " * " + r + ")");
    case Tok::kSlash:
      return is_float ? "(" + l + " / " + r + ")" : "rt::div(" + l + ", " + r + ")";
    case Tok::kPercent:
      return "rt::rem(" + l + ", " + r + ")";
    case Tok::kStarStar:
      return "rt::pow<" + CppType(t) + ">(" + l + ", " + r + ")";
    case Tok::kAmp:
      return wrap("(" + l + " & " + r + ")");
    case Tok::kPipe:
      return wrap("(" + l + " | " + r + ")");
    case Tok::kCaret:
      return wrap("(" + l + " ^ " + r + ")");
    case Tok::kShl:
      return "rt::shl(" + l + ", " + r + ")";
    case Tok::kShr:
      return "rt::shr(" + l + ", " + r + ")";
    case Tok::kEqEq:
    case Tok::kNotEq:
    case Tok::kLess:
    case Tok::kLessEq:
    case Tok::kGreater:
    case Tok::kGreaterEq:
      return "(" + l + " " + std::string(TokenSpelling(op)) + " " + r + ")";
    default:
      return "(" + l + " " + std::string(TokenSpelling(op)) + " " + r + ")";
  }
}

std::string Emitter::VariantValue(const TypeDecl* decl, Type* type, int variant, const std::vector<std::string>& payload) {
  const VariantDecl& v = decl->variants[variant];
  std::string name = TypeRef(decl, type);
  std::string out = name + "{.tag = " + name + "::Tag::" + UserIdent(v.name);
  for (size_t i = 0; i < payload.size(); ++i) {
    std::string field = v.is_struct ? v.fields[i].name : std::to_string(i);
    out += ", ." + VariantMember(v.name, field) + " = " + payload[i];
  }
  return out + "}";
}

std::string Emitter::Call(const Expr* e) {
  auto found = inst_->calls.find(e);
  if (found == inst_->calls.end()) return Expr_(e->a.get()) + "(" + Args(e) + ")";
  const CallInfo& call = found->second;
  switch (call.kind) {
    case CallKind::kFunction: {
      const FunctionInstance* target = call.target->same_as ? call.target->same_as : call.target;
      std::string name = target->owner ? TypeRef(target->owner, target->self_type) + "::" + MethodIdent(target->decl->name)
                                       : FunctionRef(*target);
      return name + "(" + Args(e) + ")";
    }
    case CallKind::kMethod:
    case CallKind::kDynMethod:
      return MethodCall(e);
    case CallKind::kConstructor:
      if (!call.target) return "std::make_shared<" + TypeRef(call.type) + ">()";
      return TypeRef(call.type) + "::" + MethodIdent(call.target->decl->name) + "(" + Args(e) + ")";
    case CallKind::kTupleStruct:
      return TypeRef(call.type, TypeOf(e)) + "{" + Args(e) + "}";
    case CallKind::kVariant: {
      std::vector<std::string> payload;
      for (const auto& a : e->list) payload.push_back(Expr_(a.get()));
      return VariantValue(call.type, TypeOf(e), call.variant, payload);
    }
    case CallKind::kClosure:
      return Expr_(e->a.get()) + "(" + Args(e) + ")";
    case CallKind::kBuiltin:
    case CallKind::kJsonMember:
      return BuiltinCall(e, call);
    case CallKind::kExtern:
      return ExternCall(e, call);
  }
  return "";
}

std::string Emitter::BuiltinCall(const Expr* e, const CallInfo& call) {
  if (call.parsed_value) {  // the value, or the runtime error Ruchy.ParseError
    CallInfo result = call;
    result.parsed_value = false;
    return "rt::parsed_value(" + BuiltinCall(e, result) + ")";
  }
  if (call.kind == CallKind::kJsonMember) {
    return "rt::at(" + Expr_(e->a.get()) + ", \"" + CppStringBody(e->text) + "\"s)";
  }
  const Builtin& row = BuiltinTable::Get()[call.builtin];
  const bool has_receiver = row.kind == BuiltinKind::kMethod;
  const std::vector<ExprPtr> none;
  const std::vector<ExprPtr>& args = e->kind == ExprKind::kField || row.kind == BuiltinKind::kConst ? none : e->list;
  if (row.cpp_form == CppForm::kFormat) return FormatCall(args, row.cpp.c_str());
  // Every operand is generated before any is placed, in source order (receiver, then arguments),
  // so that statements they hoist run in that order whatever order the template names them in.
  std::string self = has_receiver ? Expr_(e->a.get()) : "";
  const std::string& t = row.cpp;
  std::vector<std::string> values;
  for (size_t k = 0; k < args.size(); ++k) {
    bool raw = t.find("$raw" + std::to_string(k)) != std::string::npos;  // placed without conversions
    values.push_back(raw ? ExprRaw(args[k].get()) : Expr_(args[k].get()));
  }
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '$') {
      out += t[i];
      continue;
    }
    auto word = [&](const char* w) {
      size_t n = std::char_traits<char>::length(w);
      if (t.compare(i + 1, n, w) != 0) return false;
      i += n;
      return true;
    };
    if (word("self")) out += self;
    else if (word("args")) {
      for (size_t k = 0; k < values.size(); ++k) out += (k ? ", " : "") + values[k];
    } else if (word("ret")) out += CppType(TypeOf(e));
    else if (word("SelfName")) out += TypeName(call.self_type);
    else if (word("Self")) out += CppType(call.self_type);
    else if (word("raw")) out += values[t[++i] - '0'];
    else if (i + 1 < t.size() && t[i + 1] >= '0' && t[i + 1] <= '9') out += values[t[++i] - '0'];
    else if (i + 1 < t.size() && t[i + 1] >= 'A' && t[i + 1] <= 'Z') {
      // A turbofish variable: its position among the row's turbofish names.
      const std::vector<std::string>& vars = row.signature.turbofish;
      size_t k = std::find(vars.begin(), vars.end(), std::string(1, t[++i])) - vars.begin();
      out += CppType(call.type_vars[k]);
    } else {
      out += '$';
    }
  }
  return out;
}

std::string Emitter::MethodCall(const Expr* e) {
  auto found = inst_->calls.find(e);
  if (found == inst_->calls.end()) return "/*unresolved method*/";
  const CallInfo& call = found->second;
  if (call.kind == CallKind::kDynMethod) return DynMethodCall(e);
  if (call.kind != CallKind::kMethod) return BuiltinCall(e, call);
  const FunctionInstance* target = call.target->same_as ? call.target->same_as : call.target;
  std::string method = MethodIdent(target->decl->name);
  const Expr* recv = e->a.get();
  std::string args = Args(e);
  if (recv->kind == ExprKind::kSelf) return SelfMember() + method + "(" + args + ")";
  Type* rt_ = TypeOf(recv);
  std::string r = Expr_(recv);
  if (rt_ && rt_->kind == TypeKind::kClass) return r + "->" + method + "(" + args + ")";
  return r + "." + method + "(" + args + ")";
}

std::string Emitter::Field(const Expr* e) {
  auto found = inst_->calls.find(e);
  if (found != inst_->calls.end()) return BuiltinCall(e, found->second);
  const Expr* obj = e->a.get();
  Type* t = TypeOf(obj);
  if (e->flag) {
    // a?.field: the Option of the field.
    std::string o = Expr_(obj);
    Type* inner = Resolve(t->args[0]);
    std::string access = inner->kind == TypeKind::kClass ? "->" : ".";
    std::string field = inner->kind == TypeKind::kTuple ? "" : UserIdent(e->text);
    return "rt::map(" + o + ", [](const auto& t_v) { return t_v" + access + field + "; })";
  }
  if (t->kind == TypeKind::kTuple) return "std::get<" + e->text + ">(" + Expr_(obj) + ")";
  std::string field = UserIdent(e->text);  // tuple structs: `r_0`
  bool boxed = (t->kind == TypeKind::kStruct || t->kind == TypeKind::kClass) && FieldBoxed(t->decl, e->text);
  if (obj->kind == ExprKind::kSelf) return Unboxed(SelfMember() + field, boxed);
  std::string o = Expr_(obj);
  return Unboxed(o + (t->kind == TypeKind::kClass ? "->" : ".") + field, boxed);
}

std::string Emitter::Closure(const Expr* e) {
  Type* fn = TypeOf(e);
  std::string params;
  std::vector<std::string> shared_params;  // declared on the heap at the top of the body
  for (size_t i = 0; i < e->params.size(); ++i) {
    std::string name = NameOf(&e->params[i]);
    if (IsShared(name)) {
      shared_params.push_back(LocalDecl(CppType(fn->args[i]), name, "std::move(t_in_" + name + ")"));
      name = "t_in_" + name;
    }
    params += (i ? ", " : "") + CppType(fn->args[i]) + " " + name;
  }
  Type* ret = Resolve(fn->ret);
  bool unit = IsUnitLike(ret);
  // Captured locals are copied into the closure, except those something changes: they are shared
  // (std::shared_ptr, copied as a pointer), so the closure and its scope see one variable, and the
  // closure keeps it alive when it outlives the scope. Globals are not captured: every closure sees
  // the live global.
  std::string capture = MentionsSelf(e->a.get()) && InMethod() ? "[=, this]" : "[=]";
  // The body is emitted into its own buffer, one level deeper.
  std::vector<std::string> saved_lines = std::move(lines_);
  lines_.clear();
  int saved_indent = indent_;
  int saved_line = last_line_;
  auto saved_loops = std::move(loops_);
  loops_.clear();
  indent_ = saved_indent + 1;
  // The body runs later, where it is called: its statements do not count as the enclosing one's.
  std::string saved_spot = current_spot_;
  int saved_spots = spots_emitted_;
  for (const std::string& decl : shared_params) Line(decl);
  OpenLocatedBody(e->a.get());
  returns_.push_back(ret);
  coroutines_.push_back(false);  // closures are never coroutines (the checker rejects `await` there)
  if (e->a->kind == ExprKind::kBlock) {
    EmitBlockInto(e->a.get(), unit ? Dest::Discard() : Dest::Return());
  } else {
    EmitStmt(e->a.get(), unit ? Dest::Discard() : Dest::Return());
  }
  returns_.pop_back();
  coroutines_.pop_back();
  CloseLocatedBody(e->loc);
  current_spot_ = std::move(saved_spot);
  spots_emitted_ = saved_spots;
  std::vector<std::string> body = std::move(lines_);
  lines_ = std::move(saved_lines);
  loops_ = std::move(saved_loops);
  indent_ = saved_indent;
  last_line_ = saved_line;
  std::string out = capture + "(" + params + ") mutable -> " + (unit ? std::string("void") : CppType(ret)) + " {\n";
  for (const std::string& l : body) out += l + "\n";
  out += std::string(indent_ * 2, ' ') + "}";
  return out;
}

std::string Emitter::StructLiteral(const Expr* e) {
  auto found = inst_->calls.find(e);
  Type* t = TypeOf(e);
  if (found != inst_->calls.end() && found->second.kind == CallKind::kVariant) {
    const CallInfo& call = found->second;
    const VariantDecl& v = call.type->variants[call.variant];
    std::vector<int> slots;
    std::vector<const Expr*> written;
    for (const auto& [name, value] : e->field_inits) {
      for (size_t i = 0; i < v.fields.size(); ++i) {
        if (v.fields[i].name == name) slots.push_back(static_cast<int>(i));
      }
      written.push_back(value.get());
    }
    std::vector<std::string> values = FieldValuesInSourceOrder(written, slots);
    std::vector<std::string> payload(v.fields.size(), "{}");
    for (size_t k = 0; k < slots.size(); ++k) payload[slots[k]] = values[k];
    return VariantValue(call.type, TypeOf(e), call.variant, payload);
  }
  const TypeDecl* decl = t->decl;
  std::string name = TypeRef(decl, t);
  if (t->kind == TypeKind::kClass || e->a) {
    std::string temp = Temp("obj");
    std::string access = t->kind == TypeKind::kClass ? "->" : ".";
    if (t->kind == TypeKind::kClass) {
      Line("auto " + temp + " = std::make_shared<" + name + ">();");
      if (e->a) Line("*" + temp + " = *" + Expr_(e->a.get()) + ";");
    } else {
      Line(name + " " + temp + " = " + Expr_(e->a.get()) + ";");
    }
    for (const auto& [field, value] : e->field_inits) Line(temp + access + UserIdent(field) + " = " + Expr_(value.get()) + ";");
    return temp;
  }
  std::vector<std::pair<std::string, const Expr*>> written;
  for (const auto& [field, value] : e->field_inits) written.emplace_back(field, value.get());
  return DesignatedInitializer(name, decl->fields, written);
}

std::string Emitter::ExprRaw(const Expr* e) {
  Type* t = TypeOf(e);
  switch (e->kind) {
    case ExprKind::kInt:
    case ExprKind::kFloat:
    case ExprKind::kBool:
    case ExprKind::kString:
    case ExprKind::kChar:
    case ExprKind::kUnit:
      return Literal(e);
    case ExprKind::kFString:
      return FString(e);
    case ExprKind::kName:
    case ExprKind::kPath: {
      auto found = inst_->calls.find(e);
      if (found != inst_->calls.end()) {
        const CallInfo& call = found->second;
        if (call.kind == CallKind::kVariant) return VariantValue(call.type, TypeOf(e), call.variant, {});
        if (call.kind == CallKind::kFunction) {
          const FunctionInstance* target = call.target->same_as ? call.target->same_as : call.target;
          return FunctionRef(*target);
        }
        if (call.kind == CallKind::kBuiltin && call.builtin != BuiltinId::kCount) return BuiltinCall(e, call);  // `f64::PI`
      }
      if (e->text == "None" || e->text == "Option::None") return CppType(t) + "()";
      return Place(NameOf(e));
    }
    case ExprKind::kSelf:
      return SelfValue();
    case ExprKind::kUnary: {
      if (e->op == Tok::kMinus && e->a->kind == ExprKind::kInt && t && t->kind == TypeKind::kInt && t->is_signed &&
          e->a->int_value == uint64_t{1} << (t->bits - 1)) {
        return "std::numeric_limits<" + CppType(t) + ">::min()";  // `-128i8`: 128 itself does not fit
      }
      std::string v = Expr_(e->a.get());
      if (e->op == Tok::kStar) return v;  // a dereference is the value (Checker::CheckUnary)
      // C++ promotes an operand narrower than int: the result is narrowed back to the Ruchy type
      // (`~157u8` is 98, not -158).
      bool narrow = t && t->kind == TypeKind::kInt && t->bits < 32;
      std::string op = e->op == Tok::kMinus ? "-" : (e->op == Tok::kBang && t && t->kind == TypeKind::kBool ? "!" : "~");
      return narrow ? "static_cast<" + CppType(t) + ">(" + op + v + ")" : "(" + op + v + ")";
    }
    case ExprKind::kBinary:
      return Binary(e);
    case ExprKind::kAssign: {
      const Expr* target = e->a.get();
      Type* tt = TypeOf(target);
      std::string lhs;
      if (target->kind == ExprKind::kIndex && TypeOf(target->a.get())->kind == TypeKind::kMap) {
        lhs = Expr_(target->a.get()) + "[" + Expr_(target->b.get()) + "]";
      } else {
        lhs = Expr_(target);
      }
      std::string rhs = Expr_(e->b.get());
      std::string stmt;
      switch (e->op) {
        // A value holding boxes may live inside the place it replaces (`t = t.left`): copied first.
        case Tok::kEq: stmt = lhs + " = " + (HoldsBox(tt) ? "rt::Copy(" + StripParens(rhs) + ")" : rhs); break;
        case Tok::kPlusEq:
          if (tt->kind == TypeKind::kString && TypeOf(e->b.get())->kind == TypeKind::kChar) {
            stmt = "rt::push_char(" + lhs + ", " + rhs + ")";
          } else if (tt->kind == TypeKind::kString && TypeOf(e->b.get())->kind != TypeKind::kString) {
            stmt = "rt::append_shown(" + lhs + ", " + rhs + ")";  // `s += 5`
          } else {
            stmt = lhs + " += " + rhs;
          }
          break;
        case Tok::kMinusEq: stmt = lhs + " -= " + rhs; break;
        case Tok::kStarEq: stmt = lhs + " *= " + rhs; break;
        case Tok::kSlashEq:
          stmt = tt->kind == TypeKind::kFloat ? lhs + " /= " + rhs : lhs + " = rt::div(" + lhs + ", " + rhs + ")";
          break;
        case Tok::kPercentEq: stmt = lhs + " = rt::rem(" + lhs + ", " + rhs + ")"; break;
        default: stmt = lhs + " = " + rhs;
      }
      return "(" + stmt + ", rt::Unit{})";
    }
    case ExprKind::kCall:
      return Call(e);
    case ExprKind::kMethodCall:
      return MethodCall(e);
    case ExprKind::kField:
      return Field(e);
    case ExprKind::kIndex:
      return "rt::at(" + Expr_(e->a.get()) + ", " + Expr_(e->b.get()) + ")";
    case ExprKind::kSlice: {
      std::string lo = e->b ? Expr_(e->b.get()) : "0";
      std::string hi = e->c ? Expr_(e->c.get()) : "std::numeric_limits<int64_t>::max()";
      // An inclusive end is counted from the end before it is made exclusive, in rt::SliceBounds.
      std::string inclusive = e->flag && e->c ? ", true" : "";
      return "rt::slice(" + Expr_(e->a.get()) + ", " + lo + ", " + hi + inclusive + ")";
    }
    case ExprKind::kArray: {
      if (t->kind == TypeKind::kJson) {
        std::string items;
        for (size_t i = 0; i < e->list.size(); ++i) items += (i ? ", " : "") + Expr_(e->list[i].get());
        return "rt::MakeJsonArray({" + items + "})";
      }
      if (e->list.empty()) return CppType(t) + "()";
      bool single_use = HoldsSingleUse(t->args[0]);  // moved in, one by one (a braced list copies)
      std::string items;
      for (size_t i = 0; i < e->list.size(); ++i) {
        std::string item = ExprPlain(e->list[i].get());
        items += (i ? ", " : "") + (single_use ? "rt::consume(" + item + ")" : item);
      }
      return single_use ? "rt::VecOfMoved<" + CppType(t->args[0]) + ">(" + items + ")" : CppType(t) + "{" + items + "}";
    }
    case ExprKind::kArrayRepeat: {
      std::string elem = CppType(t).substr(12);  // std::vector<...>: the element type as stored
      elem.pop_back();
      return "rt::repeat<" + elem + ">(" + Expr_(e->a.get()) + ", " + Expr_(e->b.get()) + ")";
    }
    case ExprKind::kComprehension: {
      std::string out = Temp("list");
      Line(CppType(t) + " " + out + ";");
      int closes = OpenForLoop(e->pattern.get(), e->b.get(), e);  // the element and condition may change it
      if (e->c) Open("if (" + Expr_(e->c.get()) + ") {");
      Line(out + ".push_back(" + Expr_(e->a.get()) + ");");
      if (e->c) Close();
      for (int i = 0; i < closes; ++i) Close();
      return out;
    }
    case ExprKind::kTuple: {
      std::string out = CppType(t) + "(";
      for (size_t i = 0; i < e->list.size(); ++i) out += (i ? ", " : "") + Expr_(e->list[i].get());
      return out + ")";
    }
    case ExprKind::kMap: {
      if (t->kind == TypeKind::kStruct) return RecordLiteral(e);
      std::string entries;
      for (size_t i = 0; i < e->map_entries.size(); ++i) {
        entries += std::string(i ? ", " : "") + "{" + ExprPlain(e->map_entries[i].first.get()) + ", " +
                   ExprPlain(e->map_entries[i].second.get()) + "}";
      }
      if (t->kind == TypeKind::kJson) return "rt::MakeJsonObject({" + entries + "})";
      return CppType(t) + "{" + entries + "}";
    }
    case ExprKind::kStructLit:
      return StructLiteral(e);
    case ExprKind::kRange:
      return CppType(t) + "{" + Expr_(e->a.get()) + ", " + Expr_(e->b.get()) + ", " + (e->flag ? "true" : "false") + "}";
    case ExprKind::kClosure:
      return Closure(e);
    case ExprKind::kIf:
      if (IsSimple(e)) {
        // `c ? a : b`, unless a part needs statements (`g()?`, a record's temporaries): those
        // would run before the `?:` whatever the condition, so the `if` becomes a statement.
        size_t mark = lines_.size();
        int saved_indent = indent_;
        int saved_spots = spots_emitted_;
        std::string cond = Expr_(e->a.get());
        std::string then_value = Expr_(e->b->kind == ExprKind::kBlock ? e->b->list[0].get() : e->b.get());
        std::string else_value = Expr_(e->c->kind == ExprKind::kBlock ? e->c->list[0].get() : e->c.get());
        if (lines_.size() == mark) return "(" + cond + " ? " + then_value + " : " + else_value + ")";
        lines_.resize(mark);
        indent_ = saved_indent;
        spots_emitted_ = saved_spots;
      }
      return Hoist(e);
    case ExprKind::kQuestion: {
      std::string temp = Temp("q");
      Type* operand = TypeOf(e->a.get());
      Line("auto " + temp + " = " + Expr_(e->a.get()) + ";");
      if (operand->kind == TypeKind::kOption) {
        Line("if (!" + temp + ") return std::nullopt;");
        return "std::move(*" + temp + ")";
      }
      std::string err = temp + ".err_value()";
      auto coercion = inst_->coercions.find(e);
      if (coercion != inst_->coercions.end() && coercion->second == Coercion::kToError) err = "rt::MakeError(" + err + ")";
      Line("if (" + temp + ".is_err()) " + ReturnWord() + " " + CppType(returns_.back()) + "::Err(" + err + ");");
      return "std::move(" + temp + ".ok_value())";
    }
    case ExprKind::kCast: {
      std::string v = Expr_(e->a.get());
      Type* from = TypeOf(e->a.get());
      if (from && from->kind == TypeKind::kFloat && t->kind == TypeKind::kInt) return "rt::cast<" + CppType(t) + ">(" + v + ")";
      return "static_cast<" + CppType(t) + ">(" + v + ")";
    }
    case ExprKind::kLet:
      EmitLet(e);
      return "rt::Unit{}";
    case ExprKind::kFunDecl:
      return "rt::Unit{}";
    case ExprKind::kAwait:
      // Tasks are awaited by reference (the frame stays owned by its Task until the statement
      // ends); join handles likewise.
      return "(co_await " + Expr_(e->a.get()) + ")";
    default:
      return Hoist(e);
  }
}

}  // namespace ruchy
