#include "ruchy_frontend/builtins/builtin_table.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace ruchy {
namespace {

TEST(BuiltinTableTest, EveryRowParses) {
  BuiltinTable table;
  std::string error;
  ASSERT_TRUE(BuiltinTable::Build(&table, &error)) << error;
  EXPECT_EQ(table.rows().size(), static_cast<size_t>(BuiltinId::kCount));
  for (size_t i = 0; i < table.rows().size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(table.rows()[i].id), i) << table.rows()[i].id_name;
  }
}

// Placeholders a template may use: anything else would be pasted into C++ verbatim.
TEST(BuiltinTableTest, TemplatesNameOnlyWhatTheRowHas) {
  for (const Builtin& b : BuiltinTable::Get().rows()) {
    if (b.cpp_form != CppForm::kTemplate) continue;
    const std::string& t = b.cpp;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] != '$') continue;
      std::string rest = t.substr(i + 1);
      if (rest.rfind("self", 0) == 0) {
        EXPECT_EQ(b.kind, BuiltinKind::kMethod) << b.id_name << ": $self outside a method";
      } else if (rest.rfind("args", 0) == 0 || rest.rfind("ret", 0) == 0 || rest.rfind("Self", 0) == 0) {
        // `$Self` and `$SelfName`: only where a row has a Self (methods, statics, constants).
      } else if (rest.rfind("raw", 0) == 0 || (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0])))) {
        size_t digit = rest[0] == 'r' ? 3 : 0;
        ASSERT_LT(digit, rest.size()) << b.id_name;
        size_t index = rest[digit] - '0';
        EXPECT_TRUE(index < b.signature.params.size() || b.signature.variadic)
            << b.id_name << ": $" << index << " but " << b.signature.params.size() << " parameters";
      } else if (!rest.empty() && std::isupper(static_cast<unsigned char>(rest[0]))) {
        bool known = false;
        for (const std::string& v : b.signature.turbofish) known |= v[0] == rest[0];
        EXPECT_TRUE(known) << b.id_name << ": $" << rest[0] << " is not a turbofish variable";
      } else {
        ADD_FAILURE() << b.id_name << ": unknown placeholder in `" << t << "`";
      }
    }
  }
}

// Two rows for the same receiver, name and arity must differ in a parameter's type, or the
// second could never be chosen.
TEST(BuiltinTableTest, OverloadsAreDistinguishable) {
  std::set<std::string> seen;
  for (const Builtin& b : BuiltinTable::Get().rows()) {
    for (const std::string& name : b.names) {
      std::string key = std::to_string(static_cast<int>(b.kind)) + "|" + b.receiver_text + "|" + name + "|";
      for (const std::string& t : b.types) key += t + ",";
      key += "|" + b.signature.ToString().substr(0, b.signature.ToString().find(") ->"));
      EXPECT_TRUE(seen.insert(key).second) << b.id_name << ": `" << name << "` duplicates an earlier row";
    }
  }
}

TEST(BuiltinTableTest, LooksUpByNameAndReceiver) {
  const BuiltinTable& t = BuiltinTable::Get();
  ASSERT_EQ(t.Functions("println").size(), 1u);
  EXPECT_EQ(t.Functions("println")[0]->id, BuiltinId::kPrintln);
  EXPECT_EQ(t.Statics("BTreeMap", "new").at(0)->id, BuiltinId::kMapNew);
  EXPECT_EQ(t.Statics("u8", "from").at(0)->id, BuiltinId::kNumericFrom);
  EXPECT_TRUE(t.Statics("Point", "new").empty());
  EXPECT_EQ(t.Const("i32", "MAX")->id, BuiltinId::kIntMaxValue);
  EXPECT_EQ(t.Const("f64::consts", "PI")->id, BuiltinId::kFloatPi);
  EXPECT_EQ(t.Const("Point", "MAX"), nullptr);
  std::vector<const Builtin*> push = t.Methods("push_back");
  ASSERT_EQ(push.size(), 1u);
  EXPECT_EQ(push[0]->id, BuiltinId::kVecPush);
  EXPECT_TRUE(push[0]->flags.mutates);
}

TEST(BuiltinTableTest, FindsUnsupportedReferenceBuiltins) {
  const BuiltinTable& t = BuiltinTable::Get();
  using Kind = UnsupportedBuiltin::Kind;
  ASSERT_NE(t.Unsupported(Kind::kFunction, "", "fs_read"), nullptr);
  EXPECT_NE(t.Unsupported(Kind::kFunction, "", "fs_read")->why.find("file system"), std::string::npos);
  EXPECT_NE(t.Unsupported(Kind::kStatic, "std::fs", "read_to_string"), nullptr);
  EXPECT_NE(t.Unsupported(Kind::kStatic, "fs", "read_to_string"), nullptr);  // the parser drops `std::`
  EXPECT_EQ(t.Unsupported(Kind::kStatic, "Vec", "read_to_string"), nullptr);
  EXPECT_NE(t.Unsupported(Kind::kMethod, "String", "timestamp"), nullptr);
  EXPECT_EQ(t.Unsupported(Kind::kMethod, "Vec<T>", "timestamp"), nullptr);
  EXPECT_NE(t.Unsupported(Kind::kProperty, "Vec<T>", "len"), nullptr);
  EXPECT_NE(t.Unsupported(Kind::kProperty, "Json", "type"), nullptr);  // an `Any` row
  EXPECT_EQ(t.Unsupported(Kind::kFunction, "", "println"), nullptr);
  // Nothing is both: a name in builtins.def is not rejected under the same kind.
  for (const UnsupportedBuiltin& u : t.unsupported()) {
    for (const std::string& name : u.names) {
      if (u.kind == Kind::kFunction) EXPECT_TRUE(t.Functions(name).empty()) << name;
      if (u.kind == Kind::kStatic) {
        for (const std::string& type : u.receivers) EXPECT_TRUE(t.Statics(type, name).empty()) << type << "::" << name;
      }
    }
  }
}

TEST(SignatureTest, ParsesAndPrintsBack) {
  for (const char* text : {"() -> ()", "(T) -> Option<T>", "<U>() -> Result<U, String>", "(A, fn(A, T) -> A) -> A",
                           "(...) -> !", "(bool, ...) -> ()", "() -> Vec<(i64, T)>", "(fn() -> T) -> T"}) {
    Signature sig;
    std::string error;
    ASSERT_TRUE(ParseSignature(text, &sig, &error)) << text << ": " << error;
    EXPECT_EQ(sig.ToString(), text);
  }
}

TEST(SignatureTest, ReportsWhereItStopped) {
  Signature sig;
  std::string error;
  EXPECT_FALSE(ParseSignature("(T -> U", &sig, &error));
  EXPECT_EQ(error, "expected `)` at column 4 of `(T -> U`");
  error.clear();
  EXPECT_FALSE(ParseSignature("<u>() -> T", &sig, &error));
  EXPECT_EQ(error, "expected a type variable (one capital letter) at column 3 of `<u>() -> T`");
}

}  // namespace
}  // namespace ruchy
