// The built-in table: builtins.def parsed once into rows the checker, the code generator and
// the documentation read. After lookup the compiler refers to a built-in by its BuiltinId.
// unsupported.def lists the reference interpreter's built-ins this compiler rejects, each with
// its reason, so that calling one says so instead of "unknown function".
#ifndef RUCHY_FRONTEND_BUILTINS_BUILTIN_TABLE_H_
#define RUCHY_FRONTEND_BUILTINS_BUILTIN_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ruchy_frontend/builtins/signature.h"

namespace ruchy {

enum class BuiltinId : uint16_t {
#define RUCHY_FUNCTION(Id, names, signature, cpp, flags, doc) k##Id,
#define RUCHY_STATIC(Id, types, names, signature, cpp, flags, doc) k##Id,
#define RUCHY_METHOD(Id, receiver, names, signature, cpp, flags, doc) k##Id,
#define RUCHY_CONST(Id, types, names, type, cpp, doc) k##Id,
#include "ruchy_frontend/builtins/builtins.def"
#undef RUCHY_FUNCTION
#undef RUCHY_STATIC
#undef RUCHY_METHOD
#undef RUCHY_CONST
  kCount,
};

enum class BuiltinKind { kFunction, kStatic, kMethod, kConst };

// What a method row's receiver pattern accepts.
enum class ReceiverClass {
  kNone,  // functions and statics
  kType,  // a type shape: `Vec<T>`, `String`, `Map<K, V>` (see `receiver`)
  kSeq,   // `Seq<T>`: a Vec<T> or a Range<T>
  kInt,   // every integer type
  kFloat, // every float type
  kAny,   // every type, after the type's own rows
};

// How the code generator spells a call.
enum class CppForm {
  kTemplate,  // `cpp` with $-placeholders expanded
  kFormat,    // a printing function taking a format string or values (`@format rt::println`)
};

struct BuiltinFlags {
  bool mutates = false;   // `mut`
  bool property = false;  // `property`
  bool numeric = false;   // `numeric`
  bool parsable = false;  // `parsable`
  bool format = false;    // `format`
  bool expected = false;  // `expected`
  bool place = false;     // `place`
  bool collect = false;   // `collect`
};

struct Builtin {
  BuiltinId id;
  BuiltinKind kind;
  std::vector<std::string> names;  // `push`, `push_back`
  std::vector<std::string> types;  // statics and constants: the type names before `::`
  ReceiverClass receiver_class = ReceiverClass::kNone;
  SigType receiver;                // kType: the pattern (`Vec<T>`); kSeq: `T` is its element
  Signature signature;              // constants: `() -> type`
  CppForm cpp_form = CppForm::kTemplate;
  std::string cpp;                 // the template, or the format helper's name
  BuiltinFlags flags;
  std::string doc;
  std::string id_name;             // `VecPush`, for messages and docs
  std::string receiver_text;       // as written in the table (`Vec<T>`)
};

// A built-in of the reference interpreter that this compiler rejects (unsupported.def).
struct UnsupportedBuiltin {
  enum class Kind { kFunction, kStatic, kMethod, kProperty };
  Kind kind;
  // kStatic: the type names before `::`. kMethod, kProperty: receiver patterns of builtins.def
  // (`String`, `Vec<T>`, `Int`, `Any`...) or reference value types this compiler lacks.
  std::vector<std::string> receivers;
  std::vector<std::string> names;
  std::string why;  // ends the message "... does not support (yet): WHY"
};

class BuiltinTable {
 public:
  // The rows, parsed on first use. A malformed row aborts with its id and the parse error
  // (//ruchy_frontend/builtins:builtin_table_test parses every row, so none ships).
  static const BuiltinTable& Get();

  const Builtin& operator[](BuiltinId id) const { return rows_[static_cast<size_t>(id)]; }
  const std::vector<Builtin>& rows() const { return rows_; }

  // Rows of a kind spelled `name`, in table order. For statics, only those whose types include
  // `type_name` (`Numeric` rows match every number type and `char`).
  std::vector<const Builtin*> Functions(std::string_view name) const;
  std::vector<const Builtin*> Statics(std::string_view type_name, std::string_view name) const;
  std::vector<const Builtin*> Methods(std::string_view name) const;
  const Builtin* Const(std::string_view type_name, std::string_view name) const;
  // True when some row of any kind is spelled `name` (for "not a method of this type" messages).
  bool HasMethodNamed(std::string_view name) const;

  // The unsupported.def row for a name, or null. `receiver` is a type name for kStatic and a
  // receiver pattern (`String`, `Vec<T>`, `Int`...) for kMethod and kProperty; rows for `Any`
  // match every receiver.
  const UnsupportedBuiltin* Unsupported(UnsupportedBuiltin::Kind kind, std::string_view receiver,
                                        std::string_view name) const;
  const std::vector<UnsupportedBuiltin>& unsupported() const { return unsupported_; }

  // Parses the table; on a bad row fills `error` and returns false (used by the test).
  static bool Build(BuiltinTable* out, std::string* error);

 private:
  std::vector<Builtin> rows_;
  std::vector<UnsupportedBuiltin> unsupported_;
};

// True for the type names `Numeric` stands for: i8..i64, u8..u64, isize, usize, f32, f64, char.
bool IsNumericTypeName(std::string_view name);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_BUILTINS_BUILTIN_TABLE_H_
