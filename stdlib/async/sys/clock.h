/* File: stdlib/async/sys/clock.h
 *
 * Clocks, in milliseconds, for the Ruchy standard library (C interop).
 *   rt_clock_monotonic_ms  CLOCK_MONOTONIC: for durations and deadlines (sleep_until); never
 *                          jumps; its zero is arbitrary (boot).
 *   rt_clock_epoch_ms      CLOCK_REALTIME: wall time, milliseconds since 1970-01-01 UTC (what
 *                          Lambda's deadline header holds); may jump when the clock is set.
 */
#ifndef STDLIB_ASYNC_SYS_CLOCK_H_
#define STDLIB_ASYNC_SYS_CLOCK_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int64_t rt_clock_monotonic_ms(void);
int64_t rt_clock_epoch_ms(void);

#ifdef __cplusplus
}
#endif

#endif /* STDLIB_ASYNC_SYS_CLOCK_H_ */
