#include "runtime/cpp/http/writer.h"

#include <cstdio>

namespace lambda::http {
namespace {

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
  char line[32];
  std::snprintf(line, sizeof(line), "HTTP/1.1 %03d ", status);
  out->append(line).append(reason).append("\r\n");
  AppendFields(out, headers);
  out->append("\r\n");
}

void AppendChunk(std::string* out, std::string_view data) {
  if (data.empty()) return;
  char size[24];
  std::snprintf(size, sizeof(size), "%zx\r\n", data.size());
  out->append(size).append(data).append("\r\n");
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
