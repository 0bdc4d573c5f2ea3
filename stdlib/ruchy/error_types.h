// The runtime error types of Ruchy programs, declared once: what `catch e` sees as `e.type` and
// what a Lambda invoke reports as its errorType. Code raises them by these names
// (`rt::Fail(rt::errors::kUnwrapNone, ...)`), never by a string literal; docs/stdlib.md lists them
// and //stdlib:error_types_test keeps both true.
#ifndef RUCHY_STD_ERROR_TYPES_H_
#define RUCHY_STD_ERROR_TYPES_H_

// X(Name, when it is raised)
#define RUCHY_ERROR_TYPES(X)                                                                     \
  X(DivisionByZero, "an integer `/` or `%` by zero")                                             \
  X(ArithmeticError, "a negative integer exponent, a value that does not fit exactly, a bad step") \
  X(UnwrapNone, "`unwrap`/`expect` on `None`")                                                   \
  X(UnwrapErr, "`unwrap`/`expect` on `Err`, `unwrap_err` on `Ok`")                               \
  X(IndexOutOfRange, "an index or insert position outside a sequence")                           \
  X(KeyNotFound, "`m[k]` of a key the map does not have")                                        \
  X(StringIndex, "a string index or slice bound inside a character")                             \
  X(NoMatch, "a `match` on numbers or strings without `_` got a value no arm matches")         \
  X(Panic, "`panic(...)`")                                                                       \
  X(Thrown, "`throw value` of a value that is not an `Error`")                                   \
  X(StackOverflow, "recursion deeper than the thread's stack allows (docs/language.md, Limits)")  \
  X(AssertionFailed, "`assert`, `assert_eq` or `assert_ne` failed")                              \
  X(JsonError, "a `Json` changed in a way its kind does not allow, or nested too deeply")        \
  X(InvalidEvent, "a Lambda event that is not JSON or does not fit the handler's event type")    \
  X(NoHandler, "a Lambda handler file without a handler")                                        \
  X(InternalError, "a C++ exception that is not a Ruchy error reached the Lambda bridge")        \
  X(Cancelled, "awaiting a task that was cancelled")                                             \
  X(Timeout, "`timeout(ms, task)` ran out of time")                                              \
  X(Deadlock, "`block_on` waits for something that can never happen")                           \
  X(AsyncMisuse, "a task awaited twice, `spawn` without a loop, `select` of nothing")            \
  X(IoError, "the operating system refused an operation (the message has errno's text)")         \
  X(InvalidArgument, "a built-in given an argument outside its domain (a zero `range` step, `windows(0)`, a radix outside 2..=36, a negative `sleep`)") \
  X(ParseError, "`int(s)`, `float(s)`, `parse_int(s)`, `parse_float(s)` or `s.to_int()` of text that is not a number")

namespace rt::errors {

#define RUCHY_DECLARE_ERROR_TYPE(name, when) inline constexpr char k##name[] = "Ruchy." #name;
RUCHY_ERROR_TYPES(RUCHY_DECLARE_ERROR_TYPE)
#undef RUCHY_DECLARE_ERROR_TYPE

}  // namespace rt::errors

#endif  // RUCHY_STD_ERROR_TYPES_H_
