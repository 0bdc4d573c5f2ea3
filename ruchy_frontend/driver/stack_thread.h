// Running a piece of work on a thread with a stack of a chosen size.
//
// The front end's passes (parser, checker, generator) recurse over the syntax tree. The parser
// bounds the tree's depth (kMaxNestingDepth, parse/parser.h), and CompileSource runs the passes on
// a thread whose stack is sized for that bound, so whether a program compiles does not depend on
// the caller's stack (8 MiB on a main thread, often less on worker threads, more under no rule).
#ifndef RUCHY_FRONTEND_DRIVER_STACK_THREAD_H_
#define RUCHY_FRONTEND_DRIVER_STACK_THREAD_H_

#include <cstddef>
#include <functional>
#include <string>

namespace ruchy {

struct StackThreadOptions {
  size_t stack_bytes = 0;
  // Report how much of the stack the work touched (StackThreadResult::peak_bytes), for tests
  // and measurements.
  bool measure = false;
};

struct StackThreadResult {
  bool ran = false;       // false: the thread could not be created (`error` says why)
  std::string error;
  size_t peak_bytes = 0;  // with `measure`: the deepest point the stack reached, in bytes
};

// Runs `work` on a new thread with `options.stack_bytes` of stack (plus an unmapped guard below)
// and waits for it. An exception thrown by `work` is rethrown on the calling thread.
StackThreadResult RunOnStackThread(const StackThreadOptions& options, const std::function<void()>& work);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_DRIVER_STACK_THREAD_H_
