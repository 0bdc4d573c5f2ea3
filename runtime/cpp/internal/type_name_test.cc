// ReadableTypeName against what the compiler writes into std::type_info::name(), for the classes
// handlers throw, and the mangled name back for anything it does not decode.
#include "runtime/cpp/internal/type_name.h"

#include <stdexcept>
#include <typeinfo>
#include <vector>

#include "gtest/gtest.h"

namespace mylib {
struct Error : std::exception {};
namespace deeper {
struct Problem : std::runtime_error {
  Problem() : std::runtime_error("x") {}
};
}  // namespace deeper
}  // namespace mylib

struct TopLevel {};

template <typename T>
struct Boxed {};

namespace lambda::internal {
namespace {

TEST(ReadableTypeName, ClassesHandlersThrow) {
  EXPECT_EQ(ReadableTypeName(typeid(std::runtime_error).name()), "std::runtime_error");
  EXPECT_EQ(ReadableTypeName(typeid(std::out_of_range).name()), "std::out_of_range");
  EXPECT_EQ(ReadableTypeName(typeid(std::bad_alloc).name()), "std::bad_alloc");
  EXPECT_EQ(ReadableTypeName(typeid(mylib::Error).name()), "mylib::Error");
  EXPECT_EQ(ReadableTypeName(typeid(mylib::deeper::Problem).name()), "mylib::deeper::Problem");
  EXPECT_EQ(ReadableTypeName(typeid(TopLevel).name()), "TopLevel");
}

TEST(ReadableTypeName, LibcxxInlineNamespaceIsLeftOut) {
  EXPECT_EQ(ReadableTypeName("NSt3__112bad_weak_ptrE"), "std::bad_weak_ptr");
  EXPECT_EQ(ReadableTypeName("N3foo3__1E"), "foo::__1");  // only std's
}

TEST(ReadableTypeName, WhatItCannotDecodeComesBackMangled) {
  const std::string templated = typeid(Boxed<int>).name();
  EXPECT_EQ(ReadableTypeName(templated.c_str()), templated);
  struct Local {};
  const std::string local = typeid(Local).name();
  EXPECT_EQ(ReadableTypeName(local.c_str()), local);
  for (const char* s : {"", "N", "NE", "N3fooE3bar", "9short", "3foo4", "St", "0x", "99999999999999999999999a"}) {
    EXPECT_EQ(ReadableTypeName(s), s) << s;
  }
}

}  // namespace
}  // namespace lambda::internal
