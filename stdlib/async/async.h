// File: stdlib/async/async.h
//
// Ruchy's async runtime: the one header generated code includes for async/await. See
// docs/stdlib.md ("Async") for the model; each header documents its part:
//
//   task.h       rt::Task<T>: what `async fun` returns; `await` is co_await
//   spawn.h      rt::spawn, rt::JoinHandle (join, detach, cancel)
//   select.h     rt::select: first of several tasks
//   select_pair.h  rt::select_pair: Ruchy's `select(a, b)`
//   tcp.h        rt::TcpListener, rt::TcpStream: Ruchy's sockets
//   timeout.h    rt::timeout: a task against a timer
//   sleep.h      rt::sleep, rt::sleep_until
//   readiness.h  rt::readable, rt::writable: fds on the loop
//   shutdown.h   rt::wait_sigterm
//   block_on.h   rt::BlockOn: how `async fun main()` runs
//   opaque_values.h  tasks and join handles held in Ruchy structs and vector literals
//   loop.h       rt::Loop: the event loop itself
//   sys/*.h      the C primitives (sockets, clocks, environment, exit, SIGTERM)
#ifndef STDLIB_ASYNC_ASYNC_H_
#define STDLIB_ASYNC_ASYNC_H_

#include "stdlib/async/block_on.h"
#include "stdlib/async/errors.h"
#include "stdlib/async/loop.h"
#include "stdlib/async/opaque_values.h"
#include "stdlib/async/readiness.h"
#include "stdlib/async/select.h"
#include "stdlib/async/select_pair.h"
#include "stdlib/async/shutdown.h"
#include "stdlib/async/sleep.h"
#include "stdlib/async/spawn.h"
#include "stdlib/async/sys/clock.h"
#include "stdlib/async/sys/net.h"
#include "stdlib/async/sys/process.h"
#include "stdlib/async/sys/sigterm.h"
#include "stdlib/async/task.h"
#include "stdlib/async/tcp.h"
#include "stdlib/async/timeout.h"

#endif  // STDLIB_ASYNC_ASYNC_H_
