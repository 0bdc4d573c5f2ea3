/* File: stdlib/async/sys/net.h
 *
 * Non-blocking TCP and fd I/O for the Ruchy standard library to call through its C interop.
 * Plain C signatures: every function returns a non-negative result or a negative errno
 * (-EAGAIN: it would block; wait with readable()/writable() from readiness.h and try again).
 * Sockets are non-blocking and close-on-exec; TCP_NODELAY is on (request/response traffic is
 * latency-bound). Hosts are numeric IPv4 or IPv6 addresses, or "localhost" (127.0.0.1): no name
 * resolution, which would block the loop.
 *
 * When an event loop runs on the calling thread, these keep it informed: an EAGAIN, or a read or
 * write shorter than asked, makes it forget that the fd was ready (readiness.h), rt_fd_close
 * wakes tasks waiting on the fd (-EBADF), and a new fd that reuses the number of one closed
 * behind the loop's back replaces the stale registration. rt_fd_read/rt_fd_write are for stream
 * fds (TCP sockets, pipes), where a short read means drained and a short write means full.
 *
 *   int fd = rt_tcp_connect("127.0.0.1", 9001);    // in progress: wait writable(fd), then
 *   int err = rt_tcp_connect_result(fd);           // 0 when connected
 */
#ifndef STDLIB_ASYNC_SYS_NET_H_
#define STDLIB_ASYNC_SYS_NET_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Starts connecting to HOST:PORT. Returns the fd, connected or still connecting (then wait until
 * it is writable and ask rt_tcp_connect_result), or -errno (-EINVAL: bad host or port). */
int rt_tcp_connect(const char* host, int port);
/* The outcome of a connect once the fd is writable: 0, or -errno (-ECONNREFUSED...). */
int rt_tcp_connect_result(int fd);

/* A listening socket on HOST:PORT (port 0: any free port, see rt_tcp_local_port), with
 * SO_REUSEADDR. BACKLOG <= 0 means the system's maximum. */
int rt_tcp_listen(const char* host, int port, int backlog);
/* A connection from a listening fd (non-blocking), or -EAGAIN when none is waiting. */
int rt_tcp_accept(int listen_fd);
/* The local port of a socket, or -errno. */
int rt_tcp_local_port(int fd);
int rt_tcp_set_nodelay(int fd, int on);

/* Bytes read (> 0), 0 at the end of the stream, or -errno. LEN < 0 is -EINVAL. */
int64_t rt_fd_read(int fd, void* buf, int64_t len);
/* Bytes written (> 0, possibly fewer than LEN), or -errno. Never raises SIGPIPE on sockets
 * (a closed peer is -EPIPE). */
int64_t rt_fd_write(int fd, const void* buf, int64_t len);

enum { RT_SHUT_READ = 0, RT_SHUT_WRITE = 1, RT_SHUT_BOTH = 2 };
int rt_tcp_shutdown(int fd, int how);

/* Closes FD, waking tasks of this thread's loop that wait on it (-EBADF). 0 or -errno. */
int rt_fd_close(int fd);

#ifdef __cplusplus
}
#endif

#endif /* STDLIB_ASYNC_SYS_NET_H_ */
