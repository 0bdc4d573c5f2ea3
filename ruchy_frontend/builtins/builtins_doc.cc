// Prints docs/builtins.md from the built-in table, so the reference cannot drift from what the
// compiler accepts (//ruchy_frontend/builtins:builtins_doc_test compares them).
#include <cstdio>
#include <string>

#include "ruchy_frontend/builtins/builtin_table.h"

namespace {

using ruchy::Builtin;
using ruchy::BuiltinKind;
using ruchy::BuiltinTable;

std::string Names(const Builtin& b, const std::string& prefix) {
  std::string out;
  for (size_t i = 0; i < b.names.size(); ++i) out += (i ? ", " : "") + ("`" + prefix + b.names[i] + "`");
  return out;
}

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

void TableHeader() { std::printf("| name | signature | what it does |\n| --- | --- | --- |\n"); }

// One table per section; methods get one table per receiver pattern, in table order.
void Section(const char* title, BuiltinKind kind) {
  std::printf("\n## %s\n", title);
  bool first = true;
  std::string receiver;
  for (const Builtin& b : BuiltinTable::Get().rows()) {
    if (b.kind != kind) continue;
    if (kind == BuiltinKind::kMethod && (first || b.receiver_text != receiver)) {
      receiver = b.receiver_text;
      std::printf("\n### `%s`\n\n", receiver.c_str());
      TableHeader();
    } else if (first) {
      std::printf("\n");
      TableHeader();
    }
    first = false;
    std::string prefix = kind == BuiltinKind::kMethod     ? "."
                         : kind == BuiltinKind::kFunction ? ""
                                                          : Escape(b.receiver_text) + "::";
    std::string sig = kind == BuiltinKind::kConst ? b.signature.result.ToString() : b.signature.ToString();
    std::string notes = b.flags.mutates ? " Needs a mutable receiver." : "";
    if (b.flags.property) notes += " Also read without parentheses.";
    if (b.flags.place) notes += " Assignable: it refers into the receiver.";
    std::printf("| %s | `%s` | %s%s |\n", Names(b, prefix).c_str(), Escape(sig).c_str(), Escape(b.doc).c_str(),
                notes.c_str());
  }
}

const char* KindName(ruchy::UnsupportedBuiltin::Kind kind) {
  switch (kind) {
    case ruchy::UnsupportedBuiltin::Kind::kFunction: return "function";
    case ruchy::UnsupportedBuiltin::Kind::kStatic: return "associated function";
    case ruchy::UnsupportedBuiltin::Kind::kMethod: return "method";
    case ruchy::UnsupportedBuiltin::Kind::kProperty: return "property";
  }
  return "";
}

// The reference interpreter's built-ins this compiler rejects, with the reason the error gives.
void UnsupportedSection() {
  std::printf("\n## Built-ins of the reference interpreter that are not supported\n\n");
  std::printf("Calling one of these is a compile error that names it and says why (`unsupported.def`).\n"
              "The list of the reference's built-ins, and where its sources define each, is\n"
              "`ruchy_frontend/builtins/reference_builtins.txt`.\n\n");
  std::printf("| kind | receiver | names | why |\n| --- | --- | --- | --- |\n");
  for (const ruchy::UnsupportedBuiltin& u : BuiltinTable::Get().unsupported()) {
    std::string receivers, names;
    for (size_t i = 0; i < u.receivers.size(); ++i) receivers += (i ? ", " : "") + ("`" + u.receivers[i] + "`");
    for (size_t i = 0; i < u.names.size(); ++i) names += (i ? ", " : "") + ("`" + u.names[i] + "`");
    std::printf("| %s | %s | %s | %s |\n", KindName(u.kind), receivers.c_str(), names.c_str(), Escape(u.why).c_str());
  }
}

}  // namespace

int main() {
  std::printf("# Built-in functions, methods and constants\n\n");
  std::printf("Generated from `ruchy_frontend/builtins/builtins.def` by\n"
              "`bazel run //ruchy_frontend/builtins:builtins_doc > docs/builtins.md`; do not edit by hand.\n"
              "Signatures use the table's notation: capitals are type variables (`T` is the receiver's\n"
              "element type), `Self` is the receiver's type, `...` any number of printable values,\n"
              "`!` never returns. `Seq<T>` is a `Vec<T>` or a range; `Int`/`Float` are every integer or\n"
              "float type; `Any` is every value.\n");
  Section("Functions", BuiltinKind::kFunction);
  Section("Associated functions", BuiltinKind::kStatic);
  Section("Methods", BuiltinKind::kMethod);
  Section("Constants", BuiltinKind::kConst);
  UnsupportedSection();
  return 0;
}
