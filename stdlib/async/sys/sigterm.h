/* File: stdlib/async/sys/sigterm.h
 *
 * SIGTERM as something a loop can wait for. Lambda sends SIGTERM before it shuts a sandbox down;
 * the runtime wants to finish what it is doing, not die in the middle.
 *
 * rt_sigterm_fd() installs (once per process) a SIGTERM handler and returns an eventfd that
 * becomes readable when SIGTERM arrives and stays readable: every loop on every thread that waits
 * for it (`await readable(rt_sigterm_fd())`, or rt::wait_sigterm() in shutdown.h) wakes. The fd
 * must never be read or closed. The handler replaces SIGTERM's default action (ending the
 * process) and any handler installed before.
 */
#ifndef STDLIB_ASYNC_SYS_SIGTERM_H_
#define STDLIB_ASYNC_SYS_SIGTERM_H_

#ifdef __cplusplus
extern "C" {
#endif

/* The eventfd that turns readable on SIGTERM (installing the handler on first use), or -errno. */
int rt_sigterm_fd(void);
/* 1 once SIGTERM has arrived (after rt_sigterm_fd installed the handler), else 0. */
int rt_sigterm_received(void);

#ifdef __cplusplus
}
#endif

#endif /* STDLIB_ASYNC_SYS_SIGTERM_H_ */
