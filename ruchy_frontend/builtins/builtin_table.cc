#include "ruchy_frontend/builtins/builtin_table.h"

#include <cstdio>
#include <cstdlib>

namespace ruchy {

namespace {

struct RawRow {
  BuiltinId id;
  BuiltinKind kind;
  const char* id_name;
  const char* types_or_receiver;
  const char* names;
  const char* signature;
  const char* cpp;
  const char* flags;
  const char* doc;
};

constexpr RawRow kRawRows[] = {
#define RUCHY_FUNCTION(Id, names, signature, cpp, flags, doc) \
  {BuiltinId::k##Id, BuiltinKind::kFunction, #Id, "", names, signature, cpp, flags, doc},
#define RUCHY_STATIC(Id, types, names, signature, cpp, flags, doc) \
  {BuiltinId::k##Id, BuiltinKind::kStatic, #Id, types, names, signature, cpp, flags, doc},
#define RUCHY_METHOD(Id, receiver, names, signature, cpp, flags, doc) \
  {BuiltinId::k##Id, BuiltinKind::kMethod, #Id, receiver, names, signature, cpp, flags, doc},
#define RUCHY_CONST(Id, types, names, type, cpp, doc) \
  {BuiltinId::k##Id, BuiltinKind::kConst, #Id, types, names, "() -> " type, cpp, "", doc},
#include "ruchy_frontend/builtins/builtins.def"
#undef RUCHY_FUNCTION
#undef RUCHY_STATIC
#undef RUCHY_METHOD
#undef RUCHY_CONST
};

std::vector<std::string> Split(std::string_view text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view piece = text.substr(start, end - start);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    if (!piece.empty()) out.emplace_back(piece);
    start = end + 1;
  }
  return out;
}

bool ParseFlags(const std::string& text, BuiltinFlags* out, std::string* error) {
  for (const std::string& flag : Split(text, ' ')) {
    if (flag == "mut") out->mutates = true;
    else if (flag == "property") out->property = true;
    else if (flag == "numeric") out->numeric = true;
    else if (flag == "parsable") out->parsable = true;
    else if (flag == "format") out->format = true;
    else if (flag == "expected") out->expected = true;
    else if (flag == "place") out->place = true;
    else if (flag == "collect") out->collect = true;
    else {
      *error = "unknown flag `" + flag + "`";
      return false;
    }
  }
  return true;
}

bool ParseReceiver(const std::string& text, Builtin* row, std::string* error) {
  row->receiver_text = text;
  if (text == "Any") {
    row->receiver_class = ReceiverClass::kAny;
    return true;
  }
  if (text == "Int") {
    row->receiver_class = ReceiverClass::kInt;
    return true;
  }
  if (text == "Float") {
    row->receiver_class = ReceiverClass::kFloat;
    return true;
  }
  SigType t;
  if (!ParseSigType(text, &t, error)) return false;
  if (t.kind != SigType::Kind::kNamed) {
    *error = "a receiver is a named type pattern";
    return false;
  }
  row->receiver_class = t.name == "Seq" ? ReceiverClass::kSeq : ReceiverClass::kType;
  row->receiver = std::move(t);
  return true;
}

bool BuildRow(const RawRow& raw, Builtin* row, std::string* error) {
  row->id = raw.id;
  row->kind = raw.kind;
  row->id_name = raw.id_name;
  row->names = Split(raw.names, '|');
  if (row->names.empty()) {
    *error = "no name";
    return false;
  }
  if (raw.kind == BuiltinKind::kStatic || raw.kind == BuiltinKind::kConst) {
    row->types = Split(raw.types_or_receiver, '|');
    row->receiver_text = raw.types_or_receiver;
  }
  if (raw.kind == BuiltinKind::kMethod && !ParseReceiver(raw.types_or_receiver, row, error)) return false;
  if (!ParseSignature(raw.signature, &row->signature, error)) return false;
  if (!ParseFlags(raw.flags, &row->flags, error)) return false;
  std::string_view cpp = raw.cpp;
  if (cpp.substr(0, 8) == "@format ") {
    row->cpp_form = CppForm::kFormat;
    row->cpp = std::string(cpp.substr(8));
  } else {
    row->cpp = std::string(cpp);
  }
  row->doc = raw.doc;
  return true;
}

struct RawUnsupported {
  const char* kind;
  const char* receivers;
  const char* names;
  const char* why;
};

constexpr RawUnsupported kRawUnsupported[] = {
#define RUCHY_UNSUPPORTED(kind, receivers, names, why) {kind, receivers, names, why},
#include "ruchy_frontend/builtins/unsupported.def"
#undef RUCHY_UNSUPPORTED
};

bool BuildUnsupported(const RawUnsupported& raw, UnsupportedBuiltin* row, std::string* error) {
  std::string_view kind = raw.kind;
  if (kind == "function") row->kind = UnsupportedBuiltin::Kind::kFunction;
  else if (kind == "static") row->kind = UnsupportedBuiltin::Kind::kStatic;
  else if (kind == "method") row->kind = UnsupportedBuiltin::Kind::kMethod;
  else if (kind == "property") row->kind = UnsupportedBuiltin::Kind::kProperty;
  else {
    *error = "unknown kind `" + std::string(kind) + "`";
    return false;
  }
  row->receivers = Split(raw.receivers, '|');
  row->names = Split(raw.names, '|');
  row->why = raw.why;
  if (row->names.empty() || row->why.empty()) {
    *error = "a row needs names and a reason";
    return false;
  }
  if (row->receivers.empty() != (row->kind == UnsupportedBuiltin::Kind::kFunction)) {
    *error = "functions have no receiver; statics, methods and properties need one";
    return false;
  }
  return true;
}

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  for (const std::string& n : names) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

bool IsNumericTypeName(std::string_view name) {
  static constexpr std::string_view kNames[] = {"i8",  "i16", "i32",   "i64",   "u8",  "u16", "u32",
                                                "u64", "isize", "usize", "f32", "f64", "char"};
  for (std::string_view n : kNames) {
    if (n == name) return true;
  }
  return false;
}

bool BuiltinTable::Build(BuiltinTable* out, std::string* error) {
  out->rows_.clear();
  for (const RawRow& raw : kRawRows) {
    Builtin row;
    std::string why;
    if (!BuildRow(raw, &row, &why)) {
      *error = std::string("builtins.def, row ") + raw.id_name + ": " + why;
      return false;
    }
    out->rows_.push_back(std::move(row));
  }
  out->unsupported_.clear();
  for (const RawUnsupported& raw : kRawUnsupported) {
    UnsupportedBuiltin row;
    std::string why;
    if (!BuildUnsupported(raw, &row, &why)) {
      *error = std::string("unsupported.def, row `") + raw.names + "`: " + why;
      return false;
    }
    out->unsupported_.push_back(std::move(row));
  }
  return true;
}

const BuiltinTable& BuiltinTable::Get() {
  static const BuiltinTable* table = [] {
    auto* t = new BuiltinTable();
    std::string error;
    if (!Build(t, &error)) {
      std::fprintf(stderr, "internal error: %s\n", error.c_str());
      std::abort();
    }
    return t;
  }();
  return *table;
}

std::vector<const Builtin*> BuiltinTable::Functions(std::string_view name) const {
  std::vector<const Builtin*> out;
  for (const Builtin& b : rows_) {
    if (b.kind == BuiltinKind::kFunction && Contains(b.names, name)) out.push_back(&b);
  }
  return out;
}

std::vector<const Builtin*> BuiltinTable::Statics(std::string_view type_name, std::string_view name) const {
  std::vector<const Builtin*> out;
  for (const Builtin& b : rows_) {
    if (b.kind != BuiltinKind::kStatic || !Contains(b.names, name)) continue;
    if (Contains(b.types, type_name) || (Contains(b.types, "Numeric") && IsNumericTypeName(type_name))) {
      out.push_back(&b);
    }
  }
  return out;
}

std::vector<const Builtin*> BuiltinTable::Methods(std::string_view name) const {
  std::vector<const Builtin*> out;
  for (const Builtin& b : rows_) {
    if (b.kind == BuiltinKind::kMethod && Contains(b.names, name)) out.push_back(&b);
  }
  return out;
}

const Builtin* BuiltinTable::Const(std::string_view type_name, std::string_view name) const {
  for (const Builtin& b : rows_) {
    if (b.kind == BuiltinKind::kConst && Contains(b.names, name) && Contains(b.types, type_name)) return &b;
  }
  return nullptr;
}

const UnsupportedBuiltin* BuiltinTable::Unsupported(UnsupportedBuiltin::Kind kind, std::string_view receiver,
                                                     std::string_view name) const {
  for (const UnsupportedBuiltin& u : unsupported_) {
    if (u.kind != kind || !Contains(u.names, name)) continue;
    if (kind == UnsupportedBuiltin::Kind::kFunction || Contains(u.receivers, receiver) || Contains(u.receivers, "Any")) {
      return &u;
    }
  }
  return nullptr;
}

bool BuiltinTable::HasMethodNamed(std::string_view name) const { return !Methods(name).empty(); }

}  // namespace ruchy
