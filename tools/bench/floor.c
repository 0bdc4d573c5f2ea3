#define _GNU_SOURCE
/* The floor: the least a Lambda runtime can do. One socket, a blocking loop of
 * GET /runtime/invocation/next and POST /runtime/invocation/<id>/response echoing the event,
 * nothing else (no JSON, no error handling beyond giving up). Every benchmark result also reads
 * as a ratio to this: the cost of the HTTP exchange itself on this machine. */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static char buf[1 << 16];
static size_t have = 0;

static int fill(int fd) {
  if (have == sizeof buf) return -1;
  ssize_t n = read(fd, buf + have, sizeof buf - have);
  if (n <= 0) return -1;
  have += (size_t)n;
  return 0;
}

static void consume(size_t n) {
  memmove(buf, buf + n, have - n);
  have -= n;
}

static int write_all(int fd, const char* p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

int main(void) {
  const char* api = getenv("AWS_LAMBDA_RUNTIME_API");
  if (!api) return 1;
  char host[256];
  snprintf(host, sizeof host, "%s", api);
  char* colon = strrchr(host, ':');
  if (!colon) return 1;
  *colon = 0;
  int port = atoi(colon + 1);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
  if (inet_pton(AF_INET, strcmp(host, "localhost") == 0 ? "127.0.0.1" : host, &addr.sin_addr) != 1) return 1;
  if (connect(fd, (struct sockaddr*)&addr, sizeof addr) != 0) return 1;
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  static const char next[] = "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: r\r\n\r\n";
  char* body = NULL;
  size_t body_cap = 0;
  for (;;) {
    if (write_all(fd, next, sizeof next - 1)) return 1;
    char* end;
    while (!(end = memmem(buf, have, "\r\n\r\n", 4))) {
      if (fill(fd)) return 1;
    }
    size_t header_len = (size_t)(end - buf) + 4;
    size_t length = 0;
    char id[128] = {0};
    for (char* line = buf; line < end;) {
      char* eol = memmem(line, (size_t)(end - line) + 2, "\r\n", 2);
      if (!eol) break;
      if (strncasecmp(line, "Content-Length:", 15) == 0) length = strtoull(line + 15, NULL, 10);
      if (strncasecmp(line, "Lambda-Runtime-Aws-Request-Id:", 30) == 0) {
        char* v = line + 30;
        while (*v == ' ') ++v;
        size_t n = (size_t)(eol - v) < sizeof id - 1 ? (size_t)(eol - v) : sizeof id - 1;
        memcpy(id, v, n);
      }
      line = eol + 2;
    }
    consume(header_len);
    if (length > body_cap) {
      body_cap = length;
      body = realloc(body, body_cap);
    }
    size_t got = 0;
    while (got < length) {
      if (have == 0 && fill(fd)) return 1;
      size_t take = have < length - got ? have : length - got;
      memcpy(body + got, buf, take);
      got += take;
      consume(take);
    }
    char head[512];
    int n = snprintf(head, sizeof head,
                     "POST /2018-06-01/runtime/invocation/%s/response HTTP/1.1\r\nHost: r\r\n"
                     "Content-Length: %zu\r\n\r\n", id, length);
    if (write_all(fd, head, (size_t)n) || write_all(fd, body, length)) return 1;
    /* The 202 answer. */
    while (!(end = memmem(buf, have, "\r\n\r\n", 4))) {
      if (fill(fd)) return 1;
    }
    size_t answer_len = (size_t)(end - buf) + 4, answer_body = 0;
    for (char* line = buf; line < end; ++line) {
      if (strncasecmp(line, "\nContent-Length:", 16) == 0) answer_body = strtoull(line + 16, NULL, 10);
    }
    while (have < answer_len + answer_body) {
      if (fill(fd)) return 1;
    }
    consume(answer_len + answer_body);
  }
}
