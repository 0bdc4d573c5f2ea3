#include "tools/fake_lambda/lambda_api.h"

#include <cstdio>
#include <ctime>
#include <optional>
#include <string_view>

#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "runtime/cpp/http/base64.h"
#include "tools/emulator/emulator.h"
#include "tools/fake_lambda/function_rules.h"
#include "tools/fake_lambda/sha256.h"

namespace lambda::fake {
namespace {

constexpr std::string_view kFunctions = "/2015-03-31/functions";
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void String(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteConfiguration(JsonWriter& w, const StoredFunction& f) {
  w.StartObject();
  String(w, "FunctionName", f.name);
  String(w, "FunctionArn", f.arn);
  String(w, "Runtime", f.runtime);
  String(w, "Role", f.role);
  String(w, "Handler", f.handler);
  w.Key("CodeSize");
  w.Uint64(f.zip.size());
  String(w, "Description", f.description);
  w.Key("Timeout");
  w.Int(f.timeout_seconds);
  w.Key("MemorySize");
  w.Int(f.memory_mb);
  String(w, "LastModified", f.last_modified);
  String(w, "CodeSha256", f.code_sha256);
  String(w, "Version", "$LATEST");
  if (!f.environment.empty()) {
    w.Key("Environment");
    w.StartObject();
    w.Key("Variables");
    w.StartObject();
    for (const auto& [k, v] : f.environment) String(w, k.c_str(), v);
    w.EndObject();
    w.EndObject();
  }
  w.Key("TracingConfig");
  w.StartObject();
  String(w, "Mode", "PassThrough");
  w.EndObject();
  String(w, "RevisionId", f.revision_id);
  // Functions are ready at once here; on Lambda they are Pending for a moment (hence the CLI's
  // `aws lambda wait function-active-v2`, which passes at once against this fake).
  String(w, "State", "Active");
  String(w, "LastUpdateStatus", "Successful");
  String(w, "PackageType", "Zip");
  w.Key("Architectures");
  w.StartArray();
  w.String(f.architecture.c_str());
  w.EndArray();
  w.Key("EphemeralStorage");
  w.StartObject();
  w.Key("Size");
  w.Int(512);
  w.EndObject();
  w.EndObject();
}

ApiResponse Json(int status, const std::string& body) {
  ApiResponse r;
  r.status = status;
  r.headers = {{"Content-Type", "application/json"}};
  r.body = body;
  return r;
}

ApiResponse ConfigurationResponse(int status, const StoredFunction& f) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  WriteConfiguration(w, f);
  return Json(status, buffer.GetString());
}

std::string Now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[40];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%S.000+0000", &tm);
  return text;
}

std::string RevisionId(uint64_t n) {
  char text[40];
  std::snprintf(text, sizeof(text), "00000000-0000-4000-8000-%012llx", static_cast<unsigned long long>(n));
  return text;
}

std::string CodeSha256(const std::string& zip) {
  auto digest = Sha256(zip);
  return http::Base64Encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

// SigV4 is checked for shape and scope only: "AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/lambda/aws4_request, ...".
std::optional<ApiError> CheckAuthorization(const ApiRequest& request, const std::string& region) {
  auto it = request.headers.find("authorization");
  constexpr std::string_view kScheme = "AWS4-HMAC-SHA256 ";
  if (it == request.headers.end() || it->second.rfind(kScheme, 0) != 0) {
    return ApiError{403, "MissingAuthenticationTokenException", "Missing Authentication Token"};
  }
  std::size_t credential = it->second.find("Credential=");
  if (credential == std::string::npos) {
    return ApiError{403, "IncompleteSignatureException", "Authorization header requires 'Credential' parameter."};
  }
  std::string scope = it->second.substr(credential + 11);
  scope = scope.substr(0, scope.find_first_of(", "));
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    std::size_t slash = scope.find('/', start);
    parts.push_back(scope.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 5 || parts[4] != "aws4_request") {
    return ApiError{403, "IncompleteSignatureException", "Credential should be KEY/DATE/REGION/SERVICE/aws4_request."};
  }
  if (parts[2] != region) {
    return ApiError{403, "InvalidSignatureException",
                    "Credential should be scoped to a valid region, not '" + parts[2] + "'. This endpoint serves " +
                        region + "."};
  }
  if (parts[3] != "lambda") {
    return ApiError{403, "InvalidSignatureException", "Credential should be scoped to correct service: 'lambda'. "};
  }
  return std::nullopt;
}

}  // namespace

std::string LambdaApi::Arn(const std::string& name) const {
  return "arn:aws:lambda:" + options_.region + ":" + options_.account + ":function:" + name;
}

ApiError LambdaApi::NotFound(const std::string& name) const {
  return ApiError{404, "ResourceNotFoundException", "Function not found: " + Arn(name)};
}

std::map<std::string, StoredFunction> LambdaApi::Functions() const {
  std::lock_guard<std::mutex> lock(mu_);
  return functions_;
}

ApiResponse LambdaApi::Handle(const ApiRequest& request) {
  std::string_view path = request.path;
  if (path.substr(0, kFunctions.size()) != kFunctions) {
    return ErrorResponse({404, "UnknownOperationException",
                          "fake_lambda does not implement " + request.method + " " + request.path});
  }
  if (auto e = CheckAuthorization(request, options_.region)) return ErrorResponse(*e);
  std::string_view rest = path.substr(kFunctions.size());
  if (rest.empty() || rest == "/") {
    if (request.method == "POST") return CreateFunction(request);
    if (request.method == "GET") return ListFunctions();
  } else if (rest[0] == '/') {
    rest.remove_prefix(1);
    std::size_t slash = rest.find('/');
    std::string id(rest.substr(0, slash));
    std::string_view sub = slash == std::string_view::npos ? "" : rest.substr(slash);
    std::string name;
    if (auto e = ParseFunctionName(id, &name)) return ErrorResponse(*e);
    if (sub.empty() && request.method == "GET") return GetFunction(name, false);
    if (sub.empty() && request.method == "DELETE") return DeleteFunction(name);
    if (sub == "/configuration" && request.method == "GET") return GetFunction(name, true);
    if (sub == "/code" && request.method == "PUT") return UpdateFunctionCode(name, request);
    if (sub == "/invocations" && request.method == "POST") return Invoke(name, request);
  }
  return ErrorResponse({404, "UnknownOperationException",
                        "fake_lambda does not implement " + request.method + " " + request.path});
}

ApiResponse LambdaApi::CreateFunction(const ApiRequest& request) {
  StoredFunction f;
  if (auto e = ParseCreateFunction(request.body, &f)) return ErrorResponse(*e);
  std::lock_guard<std::mutex> lock(mu_);
  if (functions_.count(f.name)) {
    return ErrorResponse({409, "ResourceConflictException", "Function already exist: " + f.name});
  }
  f.arn = Arn(f.name);
  f.code_sha256 = CodeSha256(f.zip);
  f.last_modified = Now();
  f.revision_id = RevisionId(++revisions_);
  f.code_revision = revisions_;
  functions_[f.name] = f;
  return ConfigurationResponse(201, f);
}

ApiResponse LambdaApi::UpdateFunctionCode(const std::string& name, const ApiRequest& request) {
  StoredFunction current;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = functions_.find(name);
    if (it == functions_.end()) return ErrorResponse(NotFound(name));
    current = it->second;
  }
  std::string zip, architecture;
  if (auto e = ParseUpdateFunctionCode(request.body, current, &zip, &architecture)) return ErrorResponse(*e);
  StoredFunction updated;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = functions_.find(name);
    if (it == functions_.end()) return ErrorResponse(NotFound(name));
    StoredFunction& f = it->second;
    f.zip = std::move(zip);
    f.architecture = architecture;
    f.code_sha256 = CodeSha256(f.zip);
    f.last_modified = Now();
    f.revision_id = RevisionId(++revisions_);
    f.code_revision = revisions_;
    updated = f;
  }
  if (runner_) runner_->Forget(name);
  return ConfigurationResponse(200, updated);
}

ApiResponse LambdaApi::GetFunction(const std::string& name, bool configuration_only) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = functions_.find(name);
  if (it == functions_.end()) return ErrorResponse(NotFound(name));
  if (configuration_only) return ConfigurationResponse(200, it->second);
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("Configuration");
  WriteConfiguration(w, it->second);
  // Lambda answers with a presigned S3 URL to the code; this fake keeps no copy to serve.
  w.Key("Code");
  w.StartObject();
  String(w, "RepositoryType", "S3");
  String(w, "Location", "");
  w.EndObject();
  w.EndObject();
  return Json(200, buffer.GetString());
}

ApiResponse LambdaApi::DeleteFunction(const std::string& name) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (functions_.erase(name) == 0) return ErrorResponse(NotFound(name));
  }
  if (runner_) runner_->Forget(name);
  ApiResponse r;
  r.status = 204;
  return r;
}

ApiResponse LambdaApi::ListFunctions() {
  std::lock_guard<std::mutex> lock(mu_);
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("Functions");
  w.StartArray();
  for (const auto& [name, f] : functions_) WriteConfiguration(w, f);
  w.EndArray();
  w.EndObject();
  return Json(200, buffer.GetString());
}

ApiResponse LambdaApi::Invoke(const std::string& name, const ApiRequest& request) {
  StoredFunction f;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = functions_.find(name);
    if (it == functions_.end()) return ErrorResponse(NotFound(name));
    f = it->second;
  }
  auto header = [&](const char* key) -> std::string {
    auto it = request.headers.find(key);
    return it == request.headers.end() ? "" : it->second;
  };
  std::string type = header("x-amz-invocation-type");
  if (type.empty()) type = "RequestResponse";
  if (type != "RequestResponse" && type != "Event" && type != "DryRun") {
    return ErrorResponse(Validation({"Value '" + type +
                                     "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum "
                                     "value set: [Event, RequestResponse, DryRun]"}));
  }
  if (request.body.size() > emulator::kMaxInvokeRequestBytes) {
    return ErrorResponse({emulator::kRequestTooLargeStatus, emulator::kRequestTooLargeType,
                          emulator::RequestTooLargeMessage()});
  }
  std::string payload = request.body.empty() ? "{}" : request.body;
  rapidjson::Document doc;
  doc.Parse(payload.data(), payload.size());
  if (doc.HasParseError()) {
    return ErrorResponse({400, "InvalidRequestContentException", "Could not parse request body into json"});
  }
  if (type == "DryRun") {
    ApiResponse r;
    r.status = 204;
    return r;
  }
  if (type == "Event") {
    return ErrorResponse(InvalidParameter("fake_lambda runs RequestResponse and DryRun invokes only"));
  }
  if (!IsOsOnlyRuntime(f.runtime)) {
    return ErrorResponse(InvalidParameter("fake_lambda runs functions with an OS-only runtime (provided.al2023, "
                                          "provided.al2) only, not " + f.runtime));
  }
  if (!runner_) return ErrorResponse({500, "ServiceException", "fake_lambda was started without a function runner"});
  FunctionRunner::Result result = runner_->Invoke(f, payload, header("x-amz-log-type") == "Tail");
  ApiResponse r = Json(200, result.body);
  r.headers.push_back({"X-Amz-Executed-Version", "$LATEST"});
  if (result.function_error) r.headers.push_back({"X-Amz-Function-Error", "Unhandled"});
  if (header("x-amz-log-type") == "Tail") r.headers.push_back({"X-Amz-Log-Result", http::Base64Encode(result.log_tail)});
  return r;
}

}  // namespace lambda::fake
