// Every built-in of the reference interpreter (reference_builtins.txt, read from its sources) is
// either implemented, a row of builtins.def, or rejected with its reason, a row of
// unsupported.def; never both. And every unsupported.def row names a reference built-in, so the
// list cannot rot in either direction: implementing a name means deleting its unsupported row,
// and a new reference revision's names show up here.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"
#include "ruchy_frontend/builtins/builtin_table.h"

namespace ruchy {
namespace {

constexpr char kListPath[] = "ruchy_frontend/builtins/reference_builtins.txt";
// The list has this many entries at the pinned revision; fewer means the file was cut short.
constexpr size_t kMinimumEntries = 250;

struct ReferenceBuiltin {
  std::string kind;      // function, static, method, property
  std::string receiver;  // `-`, a type before `::`, or a reference value type
  std::string name;
  std::string where;
};

std::vector<ReferenceBuiltin> ReadList(std::string* revision) {
  std::ifstream in(kListPath);
  EXPECT_TRUE(in.good()) << "cannot read " << kListPath;
  std::vector<ReferenceBuiltin> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# interpreter: paiml/ruchy ", 0) == 0) *revision = line;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    ReferenceBuiltin b;
    fields >> b.kind >> b.receiver >> b.name >> b.where;
    EXPECT_FALSE(b.where.empty()) << "malformed line: " << line;
    out.push_back(b);
  }
  return out;
}

// The receiver key unsupported.def uses for a reference value type.
std::string UnsupportedKey(const std::string& reference_type) {
  if (reference_type == "Array") return "Vec<T>";
  if (reference_type == "Integer") return "Int";
  return reference_type;  // String, Float, Any, and types this compiler does not have
}

// Whether a method row applies to values of a reference value type.
bool Serves(const Builtin& row, const std::string& reference_type) {
  switch (row.receiver_class) {
    case ReceiverClass::kAny: return true;
    case ReceiverClass::kInt: return reference_type == "Integer";
    case ReceiverClass::kFloat: return reference_type == "Float";
    case ReceiverClass::kSeq: return reference_type == "Array";
    case ReceiverClass::kType:
      return (reference_type == "Array" && row.receiver.name == "Vec") ||
             (reference_type == "String" && row.receiver.name == "String");
    case ReceiverClass::kNone: return false;
  }
  return false;
}

bool Implemented(const BuiltinTable& table, const ReferenceBuiltin& b) {
  if (b.kind == "function") return !table.Functions(b.name).empty();
  if (b.kind == "static") return !table.Statics(b.receiver, b.name).empty();
  for (const Builtin* row : table.Methods(b.name)) {
    if (Serves(*row, b.receiver) && (b.kind == "method" || row->flags.property)) return true;
  }
  return false;
}

UnsupportedBuiltin::Kind KindOf(const std::string& kind) {
  if (kind == "function") return UnsupportedBuiltin::Kind::kFunction;
  if (kind == "static") return UnsupportedBuiltin::Kind::kStatic;
  if (kind == "method") return UnsupportedBuiltin::Kind::kMethod;
  return UnsupportedBuiltin::Kind::kProperty;
}

std::string Describe(const ReferenceBuiltin& b) {
  return b.kind + " " + (b.kind == "function" ? "" : b.receiver + (b.kind == "static" ? "::" : ".")) + b.name +
         " (" + b.where.substr(0, b.where.find(',')) + ")";
}

TEST(ReferenceBuiltinsTest, TheListIsThereAndPinned) {
  std::string revision;
  std::vector<ReferenceBuiltin> list = ReadList(&revision);
  EXPECT_GE(list.size(), kMinimumEntries);
  EXPECT_NE(revision.find("src/runtime/"), std::string::npos) << "the header names the reference revision";
  std::set<std::string> kinds = {"function", "static", "method", "property"};
  for (const ReferenceBuiltin& b : list) EXPECT_TRUE(kinds.count(b.kind)) << Describe(b);
}

TEST(ReferenceBuiltinsTest, EveryNameIsImplementedOrRejected) {
  const BuiltinTable& table = BuiltinTable::Get();
  std::string revision;
  for (const ReferenceBuiltin& b : ReadList(&revision)) {
    bool implemented = Implemented(table, b);
    const UnsupportedBuiltin* rejected = table.Unsupported(KindOf(b.kind), UnsupportedKey(b.receiver), b.name);
    EXPECT_TRUE(implemented || rejected)
        << Describe(b) << " is neither a row of builtins.def nor of unsupported.def: implement it or reject it";
    EXPECT_FALSE(implemented && rejected)
        << Describe(b) << " is implemented but still listed in unsupported.def (\"" << (rejected ? rejected->why : "")
        << "\"): delete it there";
  }
}

TEST(ReferenceBuiltinsTest, EveryRejectedNameIsAReferenceBuiltin) {
  std::string revision;
  std::set<std::tuple<UnsupportedBuiltin::Kind, std::string, std::string>> reference;
  for (const ReferenceBuiltin& b : ReadList(&revision)) {
    reference.emplace(KindOf(b.kind), b.kind == "function" ? "" : UnsupportedKey(b.receiver), b.name);
  }
  for (const UnsupportedBuiltin& u : BuiltinTable::Get().unsupported()) {
    std::vector<std::string> receivers = u.receivers.empty() ? std::vector<std::string>{""} : u.receivers;
    for (const std::string& name : u.names) {
      bool known = false;
      for (const std::string& r : receivers) known |= reference.count({u.kind, r, name}) > 0;
      EXPECT_TRUE(known) << "unsupported.def rejects `" << name << "` (" << u.why
                         << "), which is not a built-in of the reference: delete it, or regenerate the list";
    }
  }
}

}  // namespace
}  // namespace ruchy
