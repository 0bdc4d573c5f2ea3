// Patterns become a boolean test on the matched value plus declarations of the bindings.
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

std::string And(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    out += (out.empty() ? "" : " && ") + p;
  }
  return out;
}

}  // namespace

std::string Emitter::PatternTest(const Pattern* p, const std::string& s) {
  Type* t = PatternType(p);
  switch (p->kind) {
    case Pattern::Kind::kWildcard:
      return "";
    case Pattern::Kind::kBind:
      return p->subs.empty() ? "" : PatternTest(p->subs[0].get(), s);
    case Pattern::Kind::kLiteral:
      return s + " == " + Expr_(p->expr.get());
    case Pattern::Kind::kRange:
      return s + " >= " + Expr_(p->expr.get()) + " && " + s + (p->inclusive ? " <= " : " < ") +
             Expr_(p->expr2.get());
    case Pattern::Kind::kTuple: {
      std::vector<std::string> parts;
      for (size_t i = 0; i < p->subs.size(); ++i) {
        parts.push_back(PatternTest(p->subs[i].get(), "std::get<" + std::to_string(i) + ">(" + s + ")"));
      }
      return And(parts);
    }
    case Pattern::Kind::kList: {
      size_t n = p->subs.size();
      std::vector<std::string> parts;
      parts.push_back(s + ".size() " + (p->rest_index >= 0 ? ">= " : "== ") + std::to_string(n));
      for (size_t i = 0; i < n; ++i) {
        bool after_rest = p->rest_index >= 0 && static_cast<int>(i) >= p->rest_index;
        std::string index = after_rest ? s + ".size() - " + std::to_string(n - i) : std::to_string(i);
        parts.push_back(PatternTest(p->subs[i].get(), s + "[" + index + "]"));
      }
      return And(parts);
    }
    case Pattern::Kind::kStruct: {
      std::vector<std::string> parts;
      std::string access = t && t->kind == TypeKind::kClass ? "->" : ".";
      for (const auto& [name, sub] : p->fields) {
        parts.push_back(PatternTest(sub.get(), Unboxed(s + access + UserIdent(name), t && FieldBoxed(t->decl, name))));
      }
      return And(parts);
    }
    case Pattern::Kind::kVariant: {
      const std::string& name = p->text;
      if (name == "Some") return And({s + ".has_value()", PatternTest(p->subs[0].get(), "(*" + s + ")")});
      if (name == "None") return "!" + s + ".has_value()";
      if (name == "Ok") return And({s + ".is_ok()", PatternTest(p->subs[0].get(), s + ".ok_value()")});
      if (name == "Err") return And({s + ".is_err()", PatternTest(p->subs[0].get(), s + ".err_value()")});
      if (!t) return "false";
      if (t->kind == TypeKind::kStruct) {  // tuple struct: Meters(m)
        std::vector<std::string> parts;
        for (size_t i = 0; i < p->subs.size(); ++i) {
          parts.push_back(PatternTest(p->subs[i].get(), Unboxed(s + "." + UserIdent(std::to_string(i)), FieldBoxed(t->decl, std::to_string(i)))));
        }
        return And(parts);
      }
      std::string variant = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
      const TypeDecl* decl = t->decl;
      std::vector<std::string> parts;
      parts.push_back(s + ".tag == " + TypeRef(decl, t) + "::Tag::" + UserIdent(variant));
      auto member = [&](const std::string& field) {
        return Unboxed(s + "." + VariantMember(variant, field), VariantMemberBoxed(decl, variant, field));
      };
      if (p->has_struct_fields) {
        for (const auto& [fname, sub] : p->fields) parts.push_back(PatternTest(sub.get(), member(fname)));
      } else {
        for (size_t i = 0; i < p->subs.size(); ++i) parts.push_back(PatternTest(p->subs[i].get(), member(std::to_string(i))));
      }
      return And(parts);
    }
    case Pattern::Kind::kOr: {
      std::string out;
      for (const auto& sub : p->subs) {
        std::string test = PatternTest(sub.get(), s);
        if (test.empty()) return "";
        out += (out.empty() ? "" : " || ") + ("(" + test + ")");
      }
      return "(" + out + ")";
    }
  }
  return "";
}

namespace {

// The binding patterns (and list rests) of one alternative: what an or-pattern declares.
void BindingsOf(const Pattern* p, std::vector<const Pattern*>& out) {
  if (!p) return;
  if (p->kind == Pattern::Kind::kBind || (p->kind == Pattern::Kind::kList && !p->rest_name.empty())) out.push_back(p);
  if (p->kind == Pattern::Kind::kOr) {
    if (!p->subs.empty()) BindingsOf(p->subs[0].get(), out);
    return;
  }
  for (const auto& sub : p->subs) BindingsOf(sub.get(), out);
  for (const auto& [name, sub] : p->fields) BindingsOf(sub.get(), out);
}

}  // namespace

void Emitter::PatternBindOr(const Pattern* p, const std::string& s) {
  std::vector<const Pattern*> bindings;
  BindingsOf(p, bindings);
  if (bindings.empty()) return;
  if (!assign_bindings_) {
    for (const Pattern* b : bindings) {
      bool is_rest = b->kind == Pattern::Kind::kList;
      std::string type = CppType(PatternType(b));
      Line(LocalDecl(type, NameOf(is_rest ? static_cast<const void*>(&b->rest_name) : b), type + "{}"));
    }
  }
  bool saved = assign_bindings_;
  assign_bindings_ = true;
  // The arm's test already matched one alternative: the last one needs no test of its own.
  for (size_t i = 0; i < p->subs.size(); ++i) {
    bool last = i + 1 == p->subs.size();
    std::string test = last ? "" : PatternTest(p->subs[i].get(), s);
    if (i == 0) {
      Open(test.empty() ? "{" : "if (" + StripParens(test) + ") {");
    } else {
      Close(test.empty() ? "} else {" : "} else if (" + StripParens(test) + ") {");
      ++indent_;
    }
    PatternBind(p->subs[i].get(), s);
    if (test.empty()) break;
  }
  Close();
  assign_bindings_ = saved;
}

std::string Emitter::OrPatternGuard(const MatchArm& arm, const std::string& s) {
  const Pattern* p = arm.pattern.get();
  std::vector<const Pattern*> bindings;
  BindingsOf(p, bindings);
  for (const Pattern* b : bindings) {
    bool is_rest = b->kind == Pattern::Kind::kList;
    std::string type = CppType(PatternType(b));
    Line(LocalDecl(type, NameOf(is_rest ? static_cast<const void*>(&b->rest_name) : b), type + "{}"));
  }
  std::string hit = Temp("guard");
  Line("bool " + hit + " = false;");
  bool saved = assign_bindings_;
  assign_bindings_ = true;
  for (const auto& alt : p->subs) {
    std::string test = PatternTest(alt.get(), s);
    Open("if (!" + hit + (test.empty() ? "" : " && (" + StripParens(test) + ")") + ") {");
    PatternBind(alt.get(), s);
    Line(hit + " = " + StripParens(Expr_(arm.guard.get())) + ";");
    Close();
  }
  assign_bindings_ = saved;
  return hit;
}

void Emitter::PatternBind(const Pattern* p, const std::string& s) {
  Type* t = PatternType(p);
  switch (p->kind) {
    case Pattern::Kind::kBind:
      if (assign_bindings_) {
        Line(Place(NameOf(p)) + " = " + s + ";");
      } else {
        Line(LocalDecl(CppType(t), NameOf(p), s));
      }
      if (!p->subs.empty()) PatternBind(p->subs[0].get(), s);
      return;
    case Pattern::Kind::kTuple:
      for (size_t i = 0; i < p->subs.size(); ++i) {
        PatternBind(p->subs[i].get(), "std::get<" + std::to_string(i) + ">(" + s + ")");
      }
      return;
    case Pattern::Kind::kList: {
      size_t n = p->subs.size();
      for (size_t i = 0; i < n; ++i) {
        bool after_rest = p->rest_index >= 0 && static_cast<int>(i) >= p->rest_index;
        std::string index = after_rest ? s + ".size() - " + std::to_string(n - i) : std::to_string(i);
        PatternBind(p->subs[i].get(), s + "[" + index + "]");
      }
      if (!p->rest_name.empty()) {
        size_t before = static_cast<size_t>(p->rest_index);
        size_t after = n - before;
        std::string rest = CppType(t) + "(" + s + ".begin() + " + std::to_string(before) + ", " + s + ".end() - " +
                           std::to_string(after) + ")";
        if (assign_bindings_) {
          Line(Place(NameOf(&p->rest_name)) + " = " + rest + ";");
        } else {
          Line(LocalDecl(CppType(t), NameOf(&p->rest_name), rest));
        }
      }
      return;
    }
    case Pattern::Kind::kStruct: {
      std::string access = t && t->kind == TypeKind::kClass ? "->" : ".";
      for (const auto& [name, sub] : p->fields) {
        PatternBind(sub.get(), Unboxed(s + access + UserIdent(name), t && FieldBoxed(t->decl, name)));
      }
      return;
    }
    case Pattern::Kind::kVariant: {
      const std::string& name = p->text;
      if (name == "Some") return PatternBind(p->subs[0].get(), "(*" + s + ")");
      if (name == "None") return;
      if (name == "Ok") return PatternBind(p->subs[0].get(), s + ".ok_value()");
      if (name == "Err") return PatternBind(p->subs[0].get(), s + ".err_value()");
      if (!t) return;
      if (t->kind == TypeKind::kStruct) {
        for (size_t i = 0; i < p->subs.size(); ++i) {
          PatternBind(p->subs[i].get(), Unboxed(s + "." + UserIdent(std::to_string(i)), FieldBoxed(t->decl, std::to_string(i))));
        }
        return;
      }
      std::string variant = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
      const TypeDecl* decl = t->decl;
      auto member = [&](const std::string& field) {
        return Unboxed(s + "." + VariantMember(variant, field), VariantMemberBoxed(decl, variant, field));
      };
      if (p->has_struct_fields) {
        for (const auto& [fname, sub] : p->fields) PatternBind(sub.get(), member(fname));
      } else {
        for (size_t i = 0; i < p->subs.size(); ++i) PatternBind(p->subs[i].get(), member(std::to_string(i)));
      }
      return;
    }
    case Pattern::Kind::kOr:
      PatternBindOr(p, s);
      return;
    default:
      return;
  }
}

}  // namespace ruchy
