// JSON in the support library: no input and no value a program builds can make parsing,
// printing, copying or freeing recurse without bound (100 KB of `[` crashed every Ruchy function).
#include <string>

#include "gtest/gtest.h"
#include "ruchy/prelude.h"

namespace rt {
namespace {

std::string Nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(ParseJson, ADeeplyNestedDocumentIsAnErrorNotACrash) {
  for (int depth : {513, 100'000, 200 * 1024}) {
    Result<Json, std::string> parsed = ParseJson(Nested(depth));
    ASSERT_TRUE(parsed.is_err()) << depth;
    EXPECT_EQ(parsed.err_value(), "JSON nested deeper than 512 levels at offset 512") << depth;
  }
  // An unfinished one too: the limit is met before the end of the text.
  Result<Json, std::string> open = ParseJson(std::string(200 * 1024, '['));
  ASSERT_TRUE(open.is_err());
  EXPECT_EQ(open.err_value(), "JSON nested deeper than 512 levels at offset 512");
}

TEST(ParseJson, NestingUpToTheLimitParsesAndPrintsBack) {
  Result<Json, std::string> parsed = ParseJson(Nested(kMaxJsonDepth));
  ASSERT_TRUE(parsed.is_ok()) << parsed.err_value();
  EXPECT_EQ(Stringify(parsed.ok_value()), Nested(kMaxJsonDepth));
  Result<Json, std::string> objects = ParseJson("{\"a\":{\"b\":[1,{\"c\":null}]}}");
  ASSERT_TRUE(objects.is_ok());
  EXPECT_EQ(objects.ok_value().depth(), 4);
}

TEST(ParseJson, InvalidJsonStillSaysWhatAndWhere) {
  // The iterative reader reports where it noticed the error (the '}'), not where the bad value began.
  Result<Json, std::string> parsed = ParseJson("{\"a\": tru}");
  ASSERT_TRUE(parsed.is_err());
  EXPECT_EQ(parsed.err_value(), "Invalid value. at offset 9");
  parsed = ParseJson("[1, 2");
  ASSERT_TRUE(parsed.is_err());
  EXPECT_EQ(parsed.err_value(), "Missing a comma or ']' after an array element. at offset 5");
}

TEST(ParseEventJson, ATooDeepEventIsAnInvalidEventError) {
  try {
    ParseEventJson(std::string(200 * 1024, '['));
    FAIL() << "no error";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), "Ruchy.InvalidEvent");
    EXPECT_EQ(e.message(), "the event is not valid JSON: JSON nested deeper than 512 levels at offset 512");
  }
}

TEST(JsonValues, AProgramCannotBuildAValueDeeperThanTheLimit) {
  // `j = [j]` in a loop: each level is checked as it is added, so copying, printing, comparing
  // and freeing never recurse more than kMaxJsonDepth levels.
  Json j = Json::Null();
  int built = 0;
  try {
    for (; built < 100'000; ++built) j = MakeJsonArray({j});
    FAIL() << "built 100000 levels";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), "Ruchy.JsonError");
    EXPECT_EQ(e.message(), "JSON nested deeper than 512 levels");
  }
  EXPECT_EQ(built, kMaxJsonDepth);
  EXPECT_EQ(j.depth(), kMaxJsonDepth);
  Json copy = j;
  EXPECT_TRUE(copy == j);
  EXPECT_EQ(Stringify(copy), "[" + Stringify(j[0]) + "]");

  Json object = Json::Object();
  try {
    for (int i = 0; i < 1000; ++i) object = MakeJsonObject({{"k", object}});
    FAIL() << "built 1000 levels";
  } catch (const RuntimeError& e) {
    EXPECT_EQ(e.type(), "Ruchy.JsonError");
  }
  EXPECT_EQ(object.depth(), kMaxJsonDepth);
}

TEST(JsonValues, ReplacingAMemberRecomputesTheDepth) {
  Json deep = ParseJson(Nested(kMaxJsonDepth - 1)).ok_value();
  Json o = Json::Object();
  o.set("k", deep);
  EXPECT_EQ(o.depth(), kMaxJsonDepth);
  o.set("k", Json::Of(int64_t{1}));  // The deep member is gone: room again.
  EXPECT_EQ(o.depth(), 1);
  Json outer = Json::Array();
  outer.push(o);
  EXPECT_EQ(outer.depth(), 2);
}

}  // namespace
}  // namespace rt
