#include "runtime/cpp/http/writer.h"

#include <string>

// No printf here: these run on every request, and snprintf would link the whole printf family
// into every bootstrap (issue 18).
namespace lambda::http {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void AppendFields(std::string* out, const Headers& headers) {
  for (const auto& [name, value] : headers.entries()) {
    out->append(name).append(": ").append(value).append("\r\n");
  }
}

}  // namespace

void AppendRequestHead(std::string* out, std::string_view method, std::string_view target, const Headers& headers) {
  out->append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  AppendFields(out, headers);
  out->append("\r\n");
}

void AppendResponseHead(std::string* out, int status, std::string_view reason, const Headers& headers) {
  out->append("HTTP/1.1 ");
  if (status >= 0 && status <= 999) {  // three digits, as "%03d"
    out->push_back(static_cast<char>('0' + status / 100));
    out->push_back(static_cast<char>('0' + status / 10 % 10));
    out->push_back(static_cast<char>('0' + status % 10));
  } else {
    out->append(std::to_string(status));
  }
  out->append(" ").append(reason).append("\r\n");
  AppendFields(out, headers);
  out->append("\r\n");
}

void AppendChunk(std::string* out, std::string_view data) {
  if (data.empty()) return;
  char size[2 * sizeof(std::size_t)];  // hex digits, last first
  int n = 0;
  for (std::size_t rest = data.size(); rest != 0; rest >>= 4) size[n++] = kHexDigits[rest & 0xf];
  while (n > 0) out->push_back(size[--n]);
  out->append("\r\n").append(data).append("\r\n");
}

void AppendLastChunk(std::string* out, const Headers& trailers) {
  out->append("0\r\n");
  AppendFields(out, trailers);
  out->append("\r\n");
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 413: return "Request Entity Too Large";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
  }
  return "Unknown";
}

}  // namespace lambda::http
