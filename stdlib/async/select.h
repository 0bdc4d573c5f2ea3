// File: stdlib/async/select.h
//
// select: run several tasks concurrently and take the first to finish; the others are cancelled.
//
//   std::variant<int64_t, rt::Unit> r = co_await rt::select(Fetch(), rt::sleep(100));
//   if (r.index() == 0) use(std::get<0>(r));        // Fetch finished first
//
//   rt::Selected<int64_t> s = co_await rt::select(std::move(tasks));   // a vector of Task<int64_t>
//   // s.index: which task finished first; s.value: its value
//
// - The result says which task won by position: for tasks given one by one, a std::variant whose
//   index() is the winner's position (Task<void> contributes rt::Unit); for a vector, a
//   Selected{index, value}. Generated code matches on the index.
// - "Finish" means with a value or with an error: if the first task to finish raised, select
//   cancels the others and re-raises that error (asyncio's FIRST_COMPLETED, tokio's select! on
//   the branches' outputs).
// - The losers are cancelled the way JoinHandle::cancel cancels a task (spawn.h): their frames
//   are destroyed and their cleanup has run by the time select returns.
// - The tasks are started in order, each until it first suspends; one that finishes without
//   suspending wins, and the tasks after it never start. Among tasks woken in the same round of
//   the loop, the one resumed first wins (fds ready, then timers due, in deadline order).
// - Cancelling the task awaiting select cancels every task in it.
// - select of no tasks raises Ruchy.AsyncMisuse.
#ifndef STDLIB_ASYNC_SELECT_H_
#define STDLIB_ASYNC_SELECT_H_

#include <array>
#include <coroutine>
#include <cstddef>
#include <utility>
#include <variant>
#include <vector>

#include "stdlib/async/errors.h"
#include "stdlib/async/internal/race.h"
#include "stdlib/async/task.h"

namespace rt {

template <class T>
struct Selected {
  std::size_t index = 0;
  async_internal::ValueOfT<T> value;
};

namespace async_internal {

// The winner's result out of its frame, as VALUE, or its error re-raised.
template <class T>
ValueOfT<T> TakeFromFrame(std::coroutine_handle<> frame) {
  auto& promise = std::coroutine_handle<Promise<T>>::from_address(frame.address()).promise();
  if constexpr (std::is_void_v<T>) {
    promise.TakeResult();
    return Unit{};
  } else {
    return promise.TakeResult();
  }
}

template <class T>
void AddBranch(RaceBranch& branch, Task<T>& task) {
  if (!task.valid()) ThrowAwaitedTwice();
  branch.promise = &task.handle().promise();
  branch.frame = task.Release();
}

template <class... T>
class SelectAwaiter {
 public:
  using Result = std::variant<ValueOfT<T>...>;

  explicit SelectAwaiter(Task<T>&... tasks) : race_(branches_.data(), sizeof...(T)) {
    std::size_t i = 0;
    (AddBranch(branches_[i++], tasks), ...);
  }

  bool await_ready() const noexcept { return false; }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> awaiting) {
    return race_.Start(awaiting, awaiting.promise().context());
  }
  Result await_resume() { return Take(std::index_sequence_for<T...>{}); }

 private:
  template <std::size_t... I>
  Result Take(std::index_sequence<I...>) {
    using Taker = Result (*)(std::coroutine_handle<>);
    static constexpr Taker kTakers[] = {[](std::coroutine_handle<> frame) {
      return Result(std::in_place_index<I>, TakeFromFrame<std::tuple_element_t<I, std::tuple<T...>>>(frame));
    }...};
    return kTakers[race_.winner()](race_.winner_frame());
  }

  std::array<RaceBranch, sizeof...(T)> branches_;
  Race race_;
};

template <class T>
class SelectVectorAwaiter {
 public:
  explicit SelectVectorAwaiter(std::vector<Task<T>>& tasks)
      : branches_(tasks.size()), race_(branches_.data(), tasks.size()) {
    for (std::size_t i = 0; i < tasks.size(); ++i) AddBranch(branches_[i], tasks[i]);
  }

  bool await_ready() const {
    if (branches_.empty()) ThrowAsyncMisuse("select() of no tasks: nothing could ever finish first");
    return false;
  }
  template <class P>
  bool await_suspend(std::coroutine_handle<P> awaiting) {
    return race_.Start(awaiting, awaiting.promise().context());
  }
  Selected<T> await_resume() { return Selected<T>{race_.winner(), TakeFromFrame<T>(race_.winner_frame())}; }

 private:
  std::vector<RaceBranch> branches_;
  Race race_;
};

}  // namespace async_internal

template <class... T>
Task<std::variant<async_internal::ValueOfT<T>...>> select(Task<T>... tasks) {
  static_assert(sizeof...(T) > 0, "select() needs at least one task");
  co_return co_await async_internal::SelectAwaiter<T...>(tasks...);
}

template <class T>
Task<Selected<T>> select(std::vector<Task<T>> tasks) {
  co_return co_await async_internal::SelectVectorAwaiter<T>(tasks);
}

}  // namespace rt

#endif  // STDLIB_ASYNC_SELECT_H_
