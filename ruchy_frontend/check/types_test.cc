#include "ruchy_frontend/check/types.h"

#include <gtest/gtest.h>

namespace ruchy {
namespace {

TEST(TypesTest, UnifyBindsVariablesStructurally) {
  TypeArena a;
  Type* v = a.Var();
  EXPECT_TRUE(Unify(a.Vec(v), a.Vec(a.string())));
  EXPECT_EQ(TypeName(v), "String");
  EXPECT_FALSE(Unify(a.Vec(a.i64()), a.Vec(a.string())));
}

TEST(TypesTest, LiteralVariablesOnlyTakeTheirFamily) {
  TypeArena a;
  Type* lit = a.IntLiteralVar();
  EXPECT_FALSE(Unify(lit, a.f64()));
  EXPECT_TRUE(Unify(lit, a.Int(8, false)));
  EXPECT_EQ(TypeName(lit), "u8");
  Type* other = a.IntLiteralVar();
  ApplyDefaults(other);
  EXPECT_EQ(TypeName(other), "i64");
  Type* f = a.FloatLiteralVar();
  ApplyDefaults(f);
  EXPECT_EQ(TypeName(f), "f64");
}

TEST(TypesTest, OccursCheckRejectsInfiniteTypes) {
  TypeArena a;
  Type* v = a.Var();
  EXPECT_FALSE(Unify(v, a.Vec(v)));
  EXPECT_FALSE(IsConcrete(v));
}

TEST(TypesTest, NeverFitsAnywhere) {
  TypeArena a;
  EXPECT_TRUE(Unify(a.never(), a.string()));
  EXPECT_TRUE(Unify(a.Option(a.i64()), a.never()));
}

TEST(TypesTest, NamesReadLikeRuchy) {
  TypeArena a;
  EXPECT_EQ(TypeName(a.Map(a.string(), a.Vec(a.i64()))), "HashMap<String, Vec<i64>>");
  EXPECT_EQ(TypeName(a.Fn({a.i64()}, a.boolean())), "fn(i64) -> bool");
  EXPECT_EQ(TypeName(a.Tuple({a.i64(), a.character()})), "(i64, char)");
  EXPECT_EQ(TypeName(a.Result(a.unit(), a.error())), "Result<(), Error>");
}

}  // namespace
}  // namespace ruchy
