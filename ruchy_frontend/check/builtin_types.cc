#include "ruchy_frontend/check/builtin_types.h"

namespace ruchy {

namespace {

using Use = BuiltinTypeName::Use;

constexpr BuiltinTypeName kTypes[] = {
    {"i8", TypeKind::kInt, 0, 8, true},
    {"i16", TypeKind::kInt, 0, 16, true},
    {"i32", TypeKind::kInt, 0, 32, true},
    {"i64", TypeKind::kInt, 0, 64, true},
    {"isize", TypeKind::kInt, 0, 64, true},
    {"int", TypeKind::kInt, 0, 64, true},
    {"u8", TypeKind::kInt, 0, 8, false},
    {"u16", TypeKind::kInt, 0, 16, false},
    {"u32", TypeKind::kInt, 0, 32, false},
    {"u64", TypeKind::kInt, 0, 64, false},
    {"usize", TypeKind::kInt, 0, 64, false},
    {"i128", TypeKind::kInt, 0, 64, true, Use::kUnsupported, "integers have at most 64 bits here"},
    {"u128", TypeKind::kInt, 0, 64, false, Use::kUnsupported, "integers have at most 64 bits here"},
    {"f32", TypeKind::kFloat, 0, 32},
    {"f64", TypeKind::kFloat, 0, 64},
    {"float", TypeKind::kFloat, 0, 64},
    {"bool", TypeKind::kBool},
    {"char", TypeKind::kChar},
    {"String", TypeKind::kString},
    {"str", TypeKind::kString},
    {"Json", TypeKind::kJson},
    {"Value", TypeKind::kJson},
    {"serde_json::Value", TypeKind::kJson},
    {"Context", TypeKind::kContext},
    {"LambdaContext", TypeKind::kContext},
    {"Error", TypeKind::kError},
    {"LambdaError", TypeKind::kError},
    {"Ordering", TypeKind::kOrdering},
    {"Vec", TypeKind::kVec, 1},
    {"Array", TypeKind::kVec, 1},
    {"VecDeque", TypeKind::kVec, 1},
    {"HashMap", TypeKind::kMap, 2},
    {"Map", TypeKind::kMap, 2},
    {"BTreeMap", TypeKind::kMap, 2},
    {"HashSet", TypeKind::kSet, 1},
    {"Set", TypeKind::kSet, 1},
    {"BTreeSet", TypeKind::kSet, 1},
    {"Option", TypeKind::kOption, 1},
    {"Result", TypeKind::kResult, 2},
    {"Range", TypeKind::kRange, 1, 64, true, Use::kInternal},
    {"Entry", TypeKind::kEntry, 2, 64, true, Use::kInternal},
    {"Task", TypeKind::kTask, 1},
    {"JoinHandle", TypeKind::kJoinHandle, 1},
    {"TcpListener", TypeKind::kTcpListener},
    {"TcpStream", TypeKind::kTcpStream},
    {"Box", TypeKind::kVar, 1, 64, true, Use::kWrapper},
    {"Rc", TypeKind::kVar, 1, 64, true, Use::kWrapper},
    {"Arc", TypeKind::kVar, 1, 64, true, Use::kWrapper},
    {"RefCell", TypeKind::kVar, 1, 64, true, Use::kWrapper},
    {"Cell", TypeKind::kVar, 1, 64, true, Use::kWrapper},
};

}  // namespace

const BuiltinTypeName* FindBuiltinTypeName(std::string_view name) {
  for (const BuiltinTypeName& t : kTypes) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::vector<std::string> WritableBuiltinTypeNames() {
  std::vector<std::string> names;
  for (const BuiltinTypeName& t : kTypes) {
    if (t.use != BuiltinTypeName::Use::kInternal) names.emplace_back(t.name);
  }
  return names;
}

}  // namespace ruchy
