// File: stdlib/async/select_pair.h
//
// Ruchy's `select(a, b)` and `select_all(tasks)`: the first of several tasks of one result type,
// as `(index, value)`, the losers cancelled (select.h has the semantics). A tuple rather than
// select.h's variant because Ruchy has no anonymous sum type; all tasks give the same type, so
// the value needs no tag.
//
//   match await select(fetch(), fallback()) { (0, v) => ..., (_, v) => ... }
#ifndef STDLIB_ASYNC_SELECT_PAIR_H_
#define STDLIB_ASYNC_SELECT_PAIR_H_

#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "stdlib/async/select.h"
#include "stdlib/async/task.h"

namespace rt {

// The tasks are parameters by value: they live in this frame until select has finished with them.
template <class T>
Task<std::tuple<int64_t, async_internal::ValueOfT<T>>> select_pair(Task<T> first, Task<T> second) {
  std::vector<Task<T>> tasks;
  tasks.push_back(std::move(first));
  tasks.push_back(std::move(second));
  Selected<T> won = co_await select(std::move(tasks));
  co_return std::tuple<int64_t, async_internal::ValueOfT<T>>(static_cast<int64_t>(won.index), std::move(won.value));
}

// Ruchy's `select_all(tasks)`: the first of a vector of tasks, as `(index, value)`; the others
// are cancelled, and an empty vector raises Ruchy.AsyncMisuse (select.h).
template <class T>
Task<std::tuple<int64_t, async_internal::ValueOfT<T>>> select_all(std::vector<Task<T>> tasks) {
  Selected<T> won = co_await select(std::move(tasks));
  co_return std::tuple<int64_t, async_internal::ValueOfT<T>>(static_cast<int64_t>(won.index), std::move(won.value));
}

}  // namespace rt

#endif  // STDLIB_ASYNC_SELECT_PAIR_H_
