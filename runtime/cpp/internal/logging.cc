// Runtime logging: plain text lines, or one JSON object per line when AWS_LAMBDA_LOG_FORMAT=JSON,
// filtered by AWS_LAMBDA_LOG_LEVEL. Written with one write(2) per line so lines from concurrent
// workers never interleave.
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/cpp/internal/json_text.h"
#include "runtime/cpp/internal/runtime_state.h"
#include "runtime/handler.h"

namespace lambda {
namespace {

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kTrace: return "TRACE";
    case LogLevel::kDebug: return "DEBUG";
    case LogLevel::kInfo: return "INFO";
    case LogLevel::kWarn: return "WARN";
    case LogLevel::kError: return "ERROR";
    case LogLevel::kFatal: return "FATAL";
  }
  return "INFO";
}

struct LogConfig {
  bool json = false;
  LogLevel min_level = LogLevel::kInfo;
};

const LogConfig& Config() {
  static const LogConfig config = [] {
    LogConfig c;
    const char* format = std::getenv("AWS_LAMBDA_LOG_FORMAT");
    c.json = format != nullptr && strcasecmp(format, "JSON") == 0;
    if (const char* level = std::getenv("AWS_LAMBDA_LOG_LEVEL")) {
      for (LogLevel l : {LogLevel::kTrace, LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError,
                         LogLevel::kFatal}) {
        if (strcasecmp(level, LevelName(l)) == 0) c.min_level = l;
      }
    }
    return c;
  }();
  return config;
}

constexpr long kNanosPerMilli = 1000000;

// N as exactly DIGITS decimal digits (zero-padded).
void AppendDigits(std::string* out, long n, int digits) {
  char text[8];
  for (int i = digits - 1; i >= 0; --i, n /= 10) text[i] = static_cast<char>('0' + n % 10);
  out->append(text, digits);
}

// 2024-01-02T03:04:05.678Z. By hand: strftime would link musl's time zone code and snprintf the
// printf family into every bootstrap (issue 18), for a UTC stamp.
void AppendTimestamp(std::string* out, const tm& utc, long millis) {
  out->append(std::to_string(utc.tm_year + 1900L));
  out->push_back('-');
  AppendDigits(out, utc.tm_mon + 1, 2);
  out->push_back('-');
  AppendDigits(out, utc.tm_mday, 2);
  out->push_back('T');
  AppendDigits(out, utc.tm_hour, 2);
  out->push_back(':');
  AppendDigits(out, utc.tm_min, 2);
  out->push_back(':');
  AppendDigits(out, utc.tm_sec, 2);
  out->push_back('.');
  AppendDigits(out, millis, 3);
  out->push_back('Z');
}

}  // namespace

void Log(LogLevel level, std::string_view message) {
  const LogConfig& config = Config();
  if (level < config.min_level) return;
  std::string line;
  const std::string& request_id = internal::CurrentRequestId();
  if (config.json) {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    tm utc{};
    gmtime_r(&now.tv_sec, &utc);
    line = "{\"timestamp\":\"";
    AppendTimestamp(&line, utc, now.tv_nsec / kNanosPerMilli);
    line.append("\",\"level\":\"").append(LevelName(level)).append("\",\"message\":");
    internal::AppendJsonString(&line, message);
    if (!request_id.empty()) {
      line.append(",\"requestId\":");
      internal::AppendJsonString(&line, request_id);
    }
    line.append("}\n");
  } else {
    line.append(LevelName(level)).push_back(' ');
    if (!request_id.empty()) line.append("RequestId: ").append(request_id).push_back(' ');
    line.append(message).push_back('\n');
  }
  ssize_t ignored = ::write(2, line.data(), line.size());
  (void)ignored;
}

}  // namespace lambda
