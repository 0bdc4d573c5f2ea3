/* File: stdlib/async/sys/process.h
 *
 * The process: environment variables and exit, for the Ruchy standard library (C interop).
 *
 * The environment is process-wide and glibc's setenv is not thread-safe: set variables only while
 * no other thread reads or writes the environment (the Lambda runtime sets _X_AMZN_TRACE_ID
 * only when it runs a single loop, as the C++ runtime does).
 */
#ifndef STDLIB_ASYNC_SYS_PROCESS_H_
#define STDLIB_ASYNC_SYS_PROCESS_H_

#ifdef __cplusplus
#define RT_NORETURN [[noreturn]]
extern "C" {
#else
#define RT_NORETURN _Noreturn
#endif

/* The value of NAME, or NULL when it is not set. Valid until the environment changes. */
const char* rt_env_get(const char* name);
/* Sets NAME to VALUE (replacing it). 0 or -errno (-EINVAL: empty NAME or one containing '='). */
int rt_env_set(const char* name, const char* value);
/* Removes NAME. 0 or -errno. */
int rt_env_unset(const char* name);

/* Flushes stdout and stderr and ends the process with CODE at once: no destructors or atexit
 * handlers run (other threads may still be running loops, whose objects those would destroy
 * under them). */
RT_NORETURN void rt_process_exit(int code);

#ifdef __cplusplus
}
#endif

#endif /* STDLIB_ASYNC_SYS_PROCESS_H_ */
