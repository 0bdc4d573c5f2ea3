// Trait objects in C++: each trait used as `dyn Trait` becomes an abstract class (named as the
// trait's type) with a pure virtual function per method, plus copying and printing; a template
// derived from it holds a value of the implementing type and forwards each call to that type's
// method. rt::Dyn (stdlib/ruchy/box.h) owns one and copies it through `DynClone`, so a trait
// object is a value like every struct.
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

std::string HolderName(const std::string& interface) { return "g_" + interface + "_of"; }

}  // namespace

void Emitter::EmitDynInterfaces() {
  for (const TypeDecl* trait : program_.dyn_traits) {
    std::string name = TypeRef(trait);
    std::string holder = HolderName(name);
    struct Method {
      std::string ret, params, args, name, qualifiers;
    };
    std::vector<Method> methods;
    for (const auto& m : trait->methods) {
      const CheckedProgram::DynSignature& sig = program_.dyn_signatures.at(m.get());
      Method out;
      Type* result = Resolve(sig.result);
      out.ret = result->kind == TypeKind::kUnit || result->kind == TypeKind::kNever ? "void" : CppType(result);
      for (size_t i = 0; i < sig.params.size(); ++i) {
        std::string arg = "t_a" + std::to_string(i);
        out.params += (i ? ", " : "") + ParamType(sig.params[i], false) + " " + arg;
        out.args += (i ? ", " : "") + arg;
      }
      out.name = MethodIdent(m->name);
      out.qualifiers = m->self == SelfKind::kMutRef ? "" : " const";
      methods.push_back(out);
    }
    LineAt(trait->loc);
    Open("struct " + name + " {");
    Line("virtual ~" + name + "() = default;");
    Line("virtual std::unique_ptr<" + name + "> DynClone() const = 0;");
    Line("virtual void DynDebug(std::string& out) const = 0;");
    Line("virtual rt::Json DynToJson() const = 0;");
    for (const Method& m : methods) Line("virtual " + m.ret + " " + m.name + "(" + m.params + ")" + m.qualifiers + " = 0;");
    Close("};");
    Line("");
    // `mutable`: a `&self` method of the trait may be implemented by a `&mut self` one.
    Line("template <class T>");
    Open("struct " + holder + " final : " + name + " {");
    Line("mutable T v;");
    Line("explicit " + holder + "(T value) : v(std::move(value)) {}");
    Line("std::unique_ptr<" + name + "> DynClone() const override { return std::make_unique<" + holder + ">(v); }");
    Line("void DynDebug(std::string& out) const override { rt::Debug(out, v); }");
    Line("rt::Json DynToJson() const override { return rt::ToJson(rt::DynTarget(v)); }");
    for (const Method& m : methods) {
      std::string call = "rt::DynTarget(v)." + m.name + "(" + m.args + ")";
      Line(m.ret + " " + m.name + "(" + m.params + ")" + m.qualifiers + " override { " +
           (m.ret == "void" ? call + ";" : "return " + call + ";") + " }");
    }
    Close("};");
    Line("inline void RuchyDebug(std::string& out, const rt::Dyn<" + name + ">& v) { (*v).DynDebug(out); }");
    // Printed and converted to JSON as the value it holds; JSON cannot say which type to build.
    Line("inline rt::Json RuchyToJson(const rt::Dyn<" + name + ">& v) { return (*v).DynToJson(); }");
    Line("[[noreturn]] inline void RuchyFromJson(const rt::Json& j, const std::string& where, rt::Dyn<" + name +
         ">*) { rt::FailJsonShape(where, \"a value of a concrete type (a dyn " + CppStringBody(trait->name) +
         " cannot be read from JSON)\", j); }");
    Line("");
  }
}

std::string Emitter::DynValue(const Expr* e, const std::string& value) {
  const TypeDecl* trait = inst_->dyn_coercions.at(e);
  std::string name = TypeRef(trait);
  return "rt::Dyn<" + name + ">(std::make_unique<" + HolderName(name) + "<" + CppType(TypeOf(e)) + ">>(" +
         StripParens(value) + "))";
}

std::string Emitter::DynMethodCall(const Expr* e) {
  return "(*" + Expr_(e->a.get()) + ")." + MethodIdent(e->text) + "(" + Args(e) + ")";
}

}  // namespace ruchy
