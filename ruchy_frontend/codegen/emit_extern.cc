// C interop and test cases in the generated C++.
//
// A C function is declared under its own C++ name (`rc_write`) with C linkage and an asm label
// naming its symbol (`write`), so the declaration cannot meet a system header's (`::write` takes
// `const void*`, ours may be spelled differently) and the call links to the C definition. Views
// pass the caller's storage: `.data()` and `.size()` of the Vec or String itself.
#include "ruchy_frontend/check/cpp_names.h"
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

namespace {

std::string ScalarType(Type* t) {
  t = Resolve(t);
  if (t->kind == TypeKind::kBool) return "bool";
  if (t->kind == TypeKind::kFloat) return t->bits == 32 ? "float" : "double";
  return std::string(t->is_signed ? "int" : "uint") + std::to_string(t->bits) + "_t";
}

}  // namespace

void Emitter::EmitExternDeclarations() {
  for (const TypeDecl* decl : [&] {
         std::vector<const TypeDecl*> sorted;
         for (const std::string& name : program_.type_order) {
           const TypeDecl* d = program_.types.at(name).decl;
           if (program_.repr_c.count(d)) sorted.push_back(d);
         }
         return sorted;
       }()) {
    // `#[repr(C)]`: the generated struct is passed to C as the C struct, so it must be laid out as
    // one: its fields in order, nothing else.
    Line("static_assert(std::is_standard_layout_v<" + TypeRef(decl) + ">, \"#[repr(C)] " + CppStringBody(decl->name) +
         " has a C layout\");");
  }
  for (const ExternSignature& sig : program_.externs) {
    std::string params;
    for (const ExternParam& p : sig.params) {
      if (!params.empty()) params += ", ";
      switch (p.kind) {
        case ExternParam::Kind::kScalar:
          params += ScalarType(p.type);
          break;
        case ExternParam::Kind::kBytes:
          params += "const void*, size_t";
          break;
        case ExternParam::Kind::kMutBytes:
          params += "void*, size_t";
          break;
        case ExternParam::Kind::kCString:
          params += "const char*";
          break;
        case ExternParam::Kind::kStruct:
          params += (p.is_mut ? "" : "const ") + TypeRef(Resolve(p.type)->decl) + "*";
          break;
      }
    }
    std::string ret = sig.result == ExternSignature::Result::kUnit     ? "void"
                      : sig.result == ExternSignature::Result::kScalar ? ScalarType(sig.ret)
                                                                       : "const char*";
    Line("extern \"C\" " + ret + " " + ExternIdent(sig.decl->name) + "(" + params + ") __asm__(\"" +
         CppStringBody(sig.c_name) + "\");");
  }
  if (!program_.externs.empty() || !program_.repr_c.empty()) Line("");
}

// Every argument is evaluated first, in order, into a reference (a variable stays itself, a
// temporary lives to the end of the statement); the views are formed from those in the call, so
// nothing evaluated later can move a buffer a view points into.
std::string Emitter::ExternCall(const Expr* e, const CallInfo& call) {
  const ExternSignature& sig = program_.externs[program_.extern_index.at(call.extern_fun)];
  std::vector<std::string> args;
  for (size_t i = 0; i < e->list.size(); ++i) {
    const Expr* arg = e->list[i].get();
    const ExternParam& p = sig.params[i];
    std::string temp = Temp("c");
    if (p.kind == ExternParam::Kind::kScalar) {
      std::string value = IsSimple(arg) ? Expr_(arg) : Hoist(arg);
      Line("const " + ScalarType(p.type) + " " + temp + " = " + StripParens(value) + ";");
      args.push_back(temp);
      continue;
    }
    std::string value = IsSimple(arg) ? Expr_(arg) : Hoist(arg);
    Line("auto&& " + temp + " = " + StripParens(value) + ";");
    switch (p.kind) {
      case ExternParam::Kind::kBytes:
        args.push_back("static_cast<const void*>(" + temp + ".data()), " + temp + ".size()");
        break;
      case ExternParam::Kind::kMutBytes:
        args.push_back("static_cast<void*>(" + temp + ".data()), " + temp + ".size()");
        break;
      case ExternParam::Kind::kCString:
        args.push_back("rt::CStringView(" + temp + ", \"" + CppStringBody(sig.c_name) + "\")");
        break;
      case ExternParam::Kind::kStruct:
        args.push_back("&" + temp);
        break;
      case ExternParam::Kind::kScalar:
        break;
    }
  }
  std::string joined;
  for (const std::string& a : args) joined += (joined.empty() ? "" : ", ") + a;
  std::string c_call = ExternIdent(sig.decl->name) + "(" + joined + ")";
  switch (sig.result) {
    case ExternSignature::Result::kUnit:
      return "rt::CallUnit([&] { " + c_call + "; })";
    case ExternSignature::Result::kScalar:
      return c_call;
    case ExternSignature::Result::kOptionString:
      return "rt::CStringResult(" + c_call + ")";
  }
  return c_call;
}

std::string Emitter::InlineAttribute(const FunctionInstance& inst) const {
  auto hint = program_.inline_hints.find(inst.decl);
  if (hint == program_.inline_hints.end()) return "";
  return hint->second ? "[[gnu::always_inline]] " : "[[gnu::noinline]] ";
}

bool Emitter::RunsTests() const {
  return options_.tests && options_.entry == EmitOptions::Entry::kProgram && !program_.tests.empty();
}

// One function per test case: runs it and turns an `Err` into the failure's message.
void Emitter::EmitTestCases() {
  if (!RunsTests()) return;
  for (size_t i = 0; i < program_.tests.size(); ++i) {
    const TestCase& test = program_.tests[i];
    Open("std::optional<std::string> g_test_" + std::to_string(i) + "() {");
    // An async test runs on an event loop of its own, like `async fun main` (tasks it leaves
    // running are cancelled when it ends, so one case cannot disturb the next).
    std::string call = test.inst->is_async ? "rt::BlockOn(" + FunctionRef(*test.inst) + "())" : FunctionRef(*test.inst) + "()";
    if (test.returns_result) {
      Line("auto t_result = " + call + ";");
      Line("if (t_result.is_err()) return \"returned Err(\" + rt::DebugToString(t_result.err_value()) + \")\";");
    } else {
      Line(call + ";");
    }
    Line("return std::nullopt;");
    Close();
    Line("");
  }
}

void Emitter::EmitTestEntry() {
  const std::string& ns = options_.cpp_namespace;
  Open("int " + (options_.entry_function.empty() ? "main" : options_.entry_function) + "(int argc, char** argv) {");
  Open("static const std::vector<rt::TestCase> t_cases = {");
  for (size_t i = 0; i < program_.tests.size(); ++i) {
    Line("{\"" + CppStringBody(program_.tests[i].name) + "\", &" + ns + "::g_test_" + std::to_string(i) + "},");
  }
  Close("};");
  Line("return rt::RunTests(argc, argv, &" + ns + "::g_top_level, t_cases);");
  Close();
}

}  // namespace ruchy
