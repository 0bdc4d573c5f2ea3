#include "tools/fake_lambda/function_rules.h"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <set>
#include <vector>

#include "rapidjson/document.h"
#include "runtime/cpp/http/base64.h"
#include "tools/fake_lambda/zip_directory.h"

namespace lambda::fake {
namespace {

// Runtimes Lambda creates functions with (a snapshot of AWS's list; update it when AWS does).
const std::set<std::string> kRuntimes = {
    "nodejs18.x", "nodejs20.x", "nodejs22.x", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13",
    "java8.al2",  "java11",     "java17",     "java21",    "dotnet8",    "ruby3.2",    "ruby3.3",    "ruby3.4",
    "provided.al2", "provided.al2023",
};
// Runtimes still in the API's enum that Lambda refuses for new code.
const std::set<std::string> kDeprecatedRuntimes = {
    "nodejs",  "nodejs4.3", "nodejs6.10",    "nodejs8.10",    "nodejs10.x",    "nodejs12.x",   "nodejs14.x",
    "nodejs16.x", "nodejs4.3-edge", "java8", "python2.7", "python3.6", "python3.7", "python3.8", "dotnetcore1.0",
    "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "go1.x", "ruby2.5", "ruby2.7", "provided",
};
const std::set<std::string> kArchitectures = {"x86_64", "arm64"};
// Environment variables Lambda sets itself and refuses to take from the function's configuration.
const std::set<std::string> kReservedVariables = {
    "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
};
// Members of CreateFunction that the fake does not model: refused rather than silently ignored,
// so a test never passes on a setting nobody looked at.
const char* const kUnmodelled[] = {"VpcConfig", "DeadLetterConfig", "KMSKeyArn", "TracingConfig", "Layers",
                                   "FileSystemConfigs", "ImageConfig", "CodeSigningConfigArn", "EphemeralStorage",
                                   "SnapStart", "LoggingConfig", "Tags"};

const std::regex kFunctionNamePattern(
    R"((arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?)");
const std::regex kRolePattern(R"(arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+)");
const std::regex kHandlerPattern(R"([^\s]+)");
const std::regex kVariableNamePattern(R"([a-zA-Z]([a-zA-Z0-9_])+)");
constexpr std::size_t kMaxFunctionNameLength = 64;
constexpr std::size_t kMaxHandlerLength = 128;
constexpr std::size_t kMaxDescriptionLength = 256;
constexpr int kMinMemoryMb = 128;
constexpr int kMaxMemoryMb = 10240;

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

std::string Violation(const std::string& value, const std::string& member, const std::string& constraint) {
  return "Value " + value + " at '" + member + "' failed to satisfy constraint: " + constraint;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A member read with its JSON type checked: a wrong type is the client's serialization error.
std::optional<ApiError> TypeError(const char* member, const char* wanted) {
  return ApiError{400, "SerializationException", std::string(member) + " must be " + wanted};
}

std::optional<ApiError> ReadString(const rapidjson::Value& doc, const char* member, std::optional<std::string>* out) {
  auto it = doc.FindMember(member);
  if (it == doc.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsString()) return TypeError(member, "a string");
  *out = std::string(it->value.GetString(), it->value.GetStringLength());
  return std::nullopt;
}

std::optional<ApiError> ReadInt(const rapidjson::Value& doc, const char* member, std::optional<int64_t>* out) {
  auto it = doc.FindMember(member);
  if (it == doc.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsInt64()) return TypeError(member, "an integer");
  *out = it->value.GetInt64();
  return std::nullopt;
}

std::optional<ApiError> ParseBody(std::string_view body, rapidjson::Document* doc) {
  doc->Parse(body.data(), body.size());
  if (doc->HasParseError() || !doc->IsObject()) {
    return ApiError{400, "SerializationException", "Could not parse the request body as a JSON object"};
  }
  return std::nullopt;
}

// Architectures: exactly one of x86_64, arm64.
void CheckArchitectures(const rapidjson::Value& doc, std::vector<std::string>* violations, std::string* out,
                        std::optional<ApiError>* type_error) {
  auto it = doc.FindMember("Architectures");
  if (it == doc.MemberEnd() || it->value.IsNull()) return;
  if (!it->value.IsArray()) {
    *type_error = TypeError("Architectures", "a list");
    return;
  }
  std::vector<std::string> values;
  for (const auto& v : it->value.GetArray()) {
    if (!v.IsString()) {
      *type_error = TypeError("Architectures", "a list of strings");
      return;
    }
    values.emplace_back(v.GetString(), v.GetStringLength());
  }
  std::string shown = "'[" + JoinList(values) + "]'";
  if (values.empty()) {
    violations->push_back(Violation(shown, "architectures", "Member must have length greater than or equal to 1"));
  } else if (values.size() > 1) {
    violations->push_back(Violation(shown, "architectures", "Member must have length less than or equal to 1"));
  } else if (!kArchitectures.count(values[0])) {
    violations->push_back(Violation(shown, "architectures",
                                    "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, "
                                    "arm64], Member must not be null]"));
  } else {
    *out = values[0];
  }
}

std::optional<ApiError> CheckRuntime(const std::string& runtime) {
  if (kDeprecatedRuntimes.count(runtime)) {
    return InvalidParameter("The runtime parameter of " + runtime +
                            " is no longer supported for creating or updating AWS Lambda functions. We recommend "
                            "you use a supported runtime while creating or updating functions.");
  }
  if (!kRuntimes.count(runtime)) {
    std::vector<std::string> all(kRuntimes.begin(), kRuntimes.end());
    all.insert(all.end(), kDeprecatedRuntimes.begin(), kDeprecatedRuntimes.end());
    return InvalidParameter(Violation(runtime, "runtime", "Member must satisfy enum value set: [" + JoinList(all) +
                                                              "] or be a valid ARN"));
  }
  return std::nullopt;
}

std::optional<ApiError> CheckEnvironment(const rapidjson::Value& doc, std::map<std::string, std::string>* out) {
  auto it = doc.FindMember("Environment");
  if (it == doc.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsObject()) return TypeError("Environment", "an object");
  auto vars = it->value.FindMember("Variables");
  if (vars == it->value.MemberEnd()) return std::nullopt;
  if (!vars->value.IsObject()) return TypeError("Environment.Variables", "an object of strings");
  std::vector<std::string> reserved;
  for (const auto& m : vars->value.GetObject()) {
    std::string key(m.name.GetString(), m.name.GetStringLength());
    if (!m.value.IsString()) return TypeError("Environment.Variables", "an object of strings");
    if (!std::regex_match(key, kVariableNamePattern)) {
      return Validation({Violation("[" + key + "]", "environment.variables",
                                   "Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+")});
    }
    if (kReservedVariables.count(key)) reserved.push_back(key);
    (*out)[key] = std::string(m.value.GetString(), m.value.GetStringLength());
  }
  if (!reserved.empty()) {
    return InvalidParameter(
        "Lambda was unable to configure your environment variables because the environment variables you have "
        "provided contains reserved keys that are currently not supported for modification. Reserved keys used in "
        "this request: " + JoinList(reserved));
  }
  return std::nullopt;
}

// Code.ZipFile (base64 in the JSON body), or why the request has no zip this fake can take.
std::optional<ApiError> ReadZipFile(const rapidjson::Value& code, std::string* zip) {
  if (!code.IsObject()) return TypeError("Code", "an object");
  if (code.HasMember("S3Bucket") || code.HasMember("S3Key") || code.HasMember("ImageUri")) {
    return InvalidParameter(
        "fake_lambda takes code in the request only (ZipFile, the CLI's --zip-file fileb://...); it has no S3 or "
        "ECR to read S3Bucket/S3Key or ImageUri from");
  }
  auto it = code.FindMember("ZipFile");
  if (it == code.MemberEnd() || it->value.IsNull()) return InvalidParameter("Please provide a source for function code.");
  if (!it->value.IsString()) return TypeError("Code.ZipFile", "base64 text");
  if (!http::Base64Decode(std::string_view(it->value.GetString(), it->value.GetStringLength()), zip)) {
    return InvalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
  }
  return std::nullopt;
}

std::string ModeText(uint32_t mode) {
  char text[8];
  std::snprintf(text, sizeof(text), "%04o", mode & 07777);
  return text;
}

std::optional<ApiError> CheckBootstrap(const std::vector<ZipEntry>& entries, const std::string& runtime) {
  auto it = std::find_if(entries.begin(), entries.end(), [](const ZipEntry& e) { return e.name == "bootstrap"; });
  const std::string consequence =
      " Lambda accepts this upload, then fails every invoke with Runtime.InvalidEntrypoint; fake_lambda refuses it "
      "now.";
  if (it == entries.end()) {
    std::vector<std::string> names;
    for (const auto& e : entries) {
      if (names.size() == 5) {
        names.push_back("...");
        break;
      }
      names.push_back(e.name);
    }
    return InvalidParameter("The zip has no bootstrap at its root (it holds: " + JoinList(names) +
                            "). With runtime " + runtime +
                            " the function is the executable named bootstrap at the top of the zip." + consequence);
  }
  if (!it->unix_mode) {
    return InvalidParameter("bootstrap records no Unix permissions (the zip was made on a system without them), so "
                            "it is not executable." + consequence);
  }
  uint32_t type = *it->unix_mode & kFileTypeMask;
  if (type != kRegularFile && type != kSymlink && type != 0) {
    return InvalidParameter("bootstrap is not a regular file in the zip." + consequence);
  }
  if ((*it->unix_mode & (kOtherRead | kOtherExecute)) != (kOtherRead | kOtherExecute)) {
    return InvalidParameter("bootstrap has mode " + ModeText(*it->unix_mode) +
                            " in the zip: Lambda runs it as a user that owns none of the files, so it needs read "
                            "and execute permission for everyone (0755)." + consequence);
  }
  return std::nullopt;
}

}  // namespace

bool IsOsOnlyRuntime(const std::string& runtime) { return runtime.rfind("provided", 0) == 0; }

std::optional<ApiError> ParseFunctionName(const std::string& value, std::string* name) {
  if (!std::regex_match(value, kFunctionNamePattern)) {
    return Validation({Violation(Quoted(value), "functionName",
                                 "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-"
                                 "z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|["
                                 "a-zA-Z0-9-_]+))?")});
  }
  std::string n = value;
  std::size_t function = n.find("function:");
  if (n.rfind("arn:", 0) == 0 && function != std::string::npos) n = n.substr(function + 9);
  n = n.substr(0, n.find(':'));
  if (n.size() > kMaxFunctionNameLength) {
    return Validation({Violation(Quoted(n), "functionName", "Member must have length less than or equal to 64")});
  }
  *name = n;
  return std::nullopt;
}

std::optional<ApiError> CheckZip(const std::string& zip, const std::string& runtime) {
  if (zip.size() > kMaxZippedBytes) {
    return ApiError{413, "RequestEntityTooLargeException",
                    "Zipped size must be smaller than " + std::to_string(kMaxZippedBytes) + " bytes"};
  }
  std::string why;
  auto entries = ReadZipDirectory(zip, &why);
  if (!entries) {
    return InvalidParameter("Could not unzip uploaded file. Please check your file, then try to upload again.");
  }
  uint64_t unzipped = 0;
  for (const auto& e : *entries) unzipped += e.uncompressed_size;
  if (unzipped >= kMaxUnzippedBytes) {
    return InvalidParameter("Unzipped size must be smaller than " + std::to_string(kMaxUnzippedBytes) + " bytes");
  }
  if (IsOsOnlyRuntime(runtime)) return CheckBootstrap(*entries, runtime);
  return std::nullopt;
}

std::optional<ApiError> ParseCreateFunction(std::string_view body, StoredFunction* out) {
  if (body.size() > kMaxCodeRequestBytes) {
    return ApiError{413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + std::to_string(kMaxCodeRequestBytes) +
                        " bytes for the CreateFunction operation"};
  }
  rapidjson::Document doc;
  if (auto e = ParseBody(body, &doc)) return e;
  for (const char* member : kUnmodelled) {
    if (doc.HasMember(member)) {
      return InvalidParameter(std::string("fake_lambda does not model ") + member +
                              "; leave it out here, or test it against Lambda");
    }
  }

  std::optional<std::string> name, role, runtime, handler, description, package_type;
  std::optional<int64_t> memory, timeout;
  for (auto [member, slot] : {std::pair{"FunctionName", &name}, {"Role", &role}, {"Runtime", &runtime},
                              {"Handler", &handler}, {"Description", &description}, {"PackageType", &package_type}}) {
    if (auto e = ReadString(doc, member, slot)) return e;
  }
  if (auto e = ReadInt(doc, "MemorySize", &memory)) return e;
  if (auto e = ReadInt(doc, "Timeout", &timeout)) return e;

  // Every constraint violation of the members, reported together as AWS's validation does.
  std::vector<std::string> violations;
  if (!name) violations.push_back(Violation("null", "functionName", "Member must not be null"));
  if (!role) violations.push_back(Violation("null", "role", "Member must not be null"));
  if (!doc.HasMember("Code") || doc["Code"].IsNull()) violations.push_back(Violation("null", "code", "Member must not be null"));
  if (role && !std::regex_match(*role, kRolePattern)) {
    violations.push_back(Violation(Quoted(*role), "role",
                                   "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:"
                                   "role/?[a-zA-Z_0-9+=,.@\\-_/]+"));
  }
  if (handler && handler->size() > kMaxHandlerLength) {
    violations.push_back(Violation(Quoted(*handler), "handler", "Member must have length less than or equal to 128"));
  } else if (handler && !std::regex_match(*handler, kHandlerPattern)) {
    violations.push_back(Violation(Quoted(*handler), "handler", "Member must satisfy regular expression pattern: [^\\s]+"));
  }
  if (description && description->size() > kMaxDescriptionLength) {
    violations.push_back(Violation(Quoted(*description), "description", "Member must have length less than or equal to 256"));
  }
  if (memory && *memory < kMinMemoryMb) {
    violations.push_back(Violation(Quoted(std::to_string(*memory)), "memorySize", "Member must have value greater than or equal to 128"));
  } else if (memory && *memory > kMaxMemoryMb) {
    violations.push_back(Violation(Quoted(std::to_string(*memory)), "memorySize", "Member must have value less than or equal to 10240"));
  }
  if (timeout && *timeout < 1) {
    violations.push_back(Violation(Quoted(std::to_string(*timeout)), "timeout", "Member must have value greater than or equal to 1"));
  }
  if (package_type && *package_type != "Zip" && *package_type != "Image") {
    violations.push_back(Violation(Quoted(*package_type), "packageType", "Member must satisfy enum value set: [Image, Zip]"));
  }
  std::optional<ApiError> type_error;
  CheckArchitectures(doc, &violations, &out->architecture, &type_error);
  if (type_error) return type_error;
  if (name) {
    if (auto e = ParseFunctionName(*name, &out->name)) violations.push_back(e->message.substr(e->message.find("Value ")));
  }
  if (!violations.empty()) return Validation(violations);

  if (timeout && *timeout > kMaxTimeoutSeconds) {
    return InvalidParameter("Timeout must be at most " + std::to_string(kMaxTimeoutSeconds) + " seconds");
  }
  if (package_type && *package_type == "Image") {
    return InvalidParameter("fake_lambda serves zip packages only; it has no ECR to read an image from");
  }
  if (runtime) {
    if (auto e = CheckRuntime(*runtime)) return e;
  }
  if (!runtime || !handler) {
    return InvalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.");
  }
  if (auto e = CheckEnvironment(doc, &out->environment)) return e;
  if (auto e = ReadZipFile(doc["Code"], &out->zip)) return e;
  if (auto e = CheckZip(out->zip, *runtime)) return e;

  out->role = *role;
  out->runtime = *runtime;
  out->handler = *handler;
  out->description = description.value_or("");
  if (memory) out->memory_mb = static_cast<int>(*memory);
  if (timeout) out->timeout_seconds = static_cast<int>(*timeout);
  return std::nullopt;
}

std::optional<ApiError> ParseUpdateFunctionCode(std::string_view body, const StoredFunction& current, std::string* zip,
                                                std::string* architecture) {
  if (body.size() > kMaxCodeRequestBytes) {
    return ApiError{413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + std::to_string(kMaxCodeRequestBytes) +
                        " bytes for the UpdateFunctionCode operation"};
  }
  rapidjson::Document doc;
  if (auto e = ParseBody(body, &doc)) return e;
  std::vector<std::string> violations;
  std::optional<ApiError> type_error;
  *architecture = current.architecture;
  CheckArchitectures(doc, &violations, architecture, &type_error);
  if (type_error) return type_error;
  if (!violations.empty()) return Validation(violations);
  if (auto e = ReadZipFile(doc, zip)) return e;
  return CheckZip(*zip, current.runtime);
}

}  // namespace lambda::fake
