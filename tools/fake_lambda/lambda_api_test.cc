// The control plane in process: every check, its error type, status and message, and what a
// stored function looks like. Invokes go to a recording runner here; aws_cli_test runs real
// bootstraps through the emulator.
#include "tools/fake_lambda/lambda_api.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "rapidjson/document.h"
#include "runtime/cpp/http/base64.h"
#include "tools/fake_lambda/function_rules.h"
#include "tools/fake_lambda/sha256.h"

namespace lambda::fake {
namespace {

constexpr char kRole[] = "arn:aws:iam::123456789012:role/lambda-test";
constexpr char kAuth[] =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/lambda/aws4_request, "
    "SignedHeaders=host;x-amz-date, Signature=0123";

class RecordingRunner : public FunctionRunner {
 public:
  Result Invoke(const StoredFunction& f, const std::string& payload, bool log_tail) override {
    invoked.push_back(f.name + " " + payload);
    return next;
  }
  void Forget(const std::string& name) override { forgotten.push_back(name); }
  Result next;
  std::vector<std::string> invoked, forgotten;
};

void Put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xff));
  s.push_back(static_cast<char>((v >> 8) & 0xff));
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

// A one-file stored zip.
std::string OneFileZip(const std::string& name, uint32_t mode, const std::string& data = "\x7f" "ELF") {
  std::string z;
  Put32(z, 0x04034b50);
  Put16(z, 20); Put16(z, 0); Put16(z, 0); Put32(z, 0); Put32(z, 0);
  Put32(z, static_cast<uint32_t>(data.size())); Put32(z, static_cast<uint32_t>(data.size()));
  Put16(z, static_cast<uint32_t>(name.size())); Put16(z, 0);
  z += name + data;
  std::size_t directory = z.size();
  Put32(z, 0x02014b50);
  Put16(z, 3 << 8 | 20); Put16(z, 20); Put16(z, 0); Put16(z, 0); Put32(z, 0); Put32(z, 0);
  Put32(z, static_cast<uint32_t>(data.size())); Put32(z, static_cast<uint32_t>(data.size()));
  Put16(z, static_cast<uint32_t>(name.size())); Put16(z, 0); Put16(z, 0); Put16(z, 0); Put16(z, 0);
  Put32(z, mode << 16); Put32(z, 0);
  z += name;
  std::size_t size = z.size() - directory;
  Put32(z, 0x06054b50);
  Put16(z, 0); Put16(z, 0); Put16(z, 1); Put16(z, 1);
  Put32(z, static_cast<uint32_t>(size)); Put32(z, static_cast<uint32_t>(directory)); Put16(z, 0);
  return z;
}

std::string Good() { return OneFileZip("bootstrap", 0100755); }

std::string CreateBody(const std::string& extra = "", const std::string& zip = Good(),
                       const std::string& name = "greet") {
  return "{\"FunctionName\":\"" + name + "\",\"Runtime\":\"provided.al2023\",\"Role\":\"" + kRole +
         "\",\"Handler\":\"bootstrap\",\"Architectures\":[\"arm64\"],\"Code\":{\"ZipFile\":\"" +
         http::Base64Encode(zip) + "\"}" + extra + "}";
}

class LambdaApiTest : public ::testing::Test {
 protected:
  ApiResponse Call(const std::string& method, const std::string& path, const std::string& body = "",
                   std::map<std::string, std::string> headers = {}) {
    if (!headers.count("authorization")) headers["authorization"] = kAuth;
    return api_.Handle({method, path, headers, body});
  }
  ApiResponse Create(const std::string& body) { return Call("POST", "/2015-03-31/functions", body); }

  // Status, error type and message of an error answer.
  static void ExpectError(const ApiResponse& r, int status, const std::string& type, const std::string& message) {
    EXPECT_EQ(r.status, status) << r.body;
    std::string header;
    for (const auto& [k, v] : r.headers) {
      if (k == "x-amzn-ErrorType") header = v;
    }
    EXPECT_EQ(header, type);
    rapidjson::Document doc;
    doc.Parse(r.body.c_str());
    ASSERT_TRUE(doc.IsObject()) << r.body;
    EXPECT_EQ(std::string(doc["message"].GetString()), message);
  }

  RecordingRunner runner_;
  LambdaApi api_{ApiOptions{}, &runner_};
};

TEST_F(LambdaApiTest, CreatesAFunctionAsLambdaDescribesIt) {
  ApiResponse r = Create(CreateBody(",\"MemorySize\":256,\"Timeout\":10,\"Environment\":{\"Variables\":{\"MODE\":\"x\"}}"));
  ASSERT_EQ(r.status, 201) << r.body;
  rapidjson::Document doc;
  doc.Parse(r.body.c_str());
  EXPECT_STREQ(doc["FunctionName"].GetString(), "greet");
  EXPECT_STREQ(doc["FunctionArn"].GetString(), "arn:aws:lambda:us-east-1:123456789012:function:greet");
  EXPECT_STREQ(doc["Runtime"].GetString(), "provided.al2023");
  EXPECT_STREQ(doc["Handler"].GetString(), "bootstrap");
  EXPECT_STREQ(doc["Architectures"][0].GetString(), "arm64");
  EXPECT_EQ(doc["MemorySize"].GetInt(), 256);
  EXPECT_EQ(doc["Timeout"].GetInt(), 10);
  EXPECT_STREQ(doc["Environment"]["Variables"]["MODE"].GetString(), "x");
  EXPECT_EQ(doc["CodeSize"].GetUint64(), Good().size());
  auto digest = Sha256(Good());
  EXPECT_EQ(doc["CodeSha256"].GetString(),
            http::Base64Encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size())));
  EXPECT_STREQ(doc["State"].GetString(), "Active");
  EXPECT_STREQ(doc["Version"].GetString(), "$LATEST");
}

TEST_F(LambdaApiTest, DefaultsAreLambdas) {
  ASSERT_EQ(Create("{\"FunctionName\":\"d\",\"Runtime\":\"provided.al2023\",\"Role\":\"" + std::string(kRole) +
                   "\",\"Handler\":\"bootstrap\",\"Code\":{\"ZipFile\":\"" + http::Base64Encode(Good()) + "\"}}")
                .status,
            201);
  StoredFunction f = api_.Functions().at("d");
  EXPECT_EQ(f.architecture, "x86_64");
  EXPECT_EQ(f.memory_mb, 128);
  EXPECT_EQ(f.timeout_seconds, 3);
}

TEST_F(LambdaApiTest, SecondCreateOfTheSameNameConflicts) {
  ASSERT_EQ(Create(CreateBody()).status, 201);
  ExpectError(Create(CreateBody()), 409, "ResourceConflictException", "Function already exist: greet");
}

TEST_F(LambdaApiTest, MissingMembersAreListedTogether) {
  ExpectError(Create("{\"Runtime\":\"provided.al2023\"}"), 400, "ValidationException",
              "3 validation errors detected: Value null at 'functionName' failed to satisfy constraint: Member must "
              "not be null; Value null at 'role' failed to satisfy constraint: Member must not be null; Value null at "
              "'code' failed to satisfy constraint: Member must not be null");
}

TEST_F(LambdaApiTest, RoleMustBeAnIamRoleArn) {
  std::string body = CreateBody();
  body.replace(body.find(kRole), std::string(kRole).size(), "arn:aws:iam::ACCOUNT:role/ROLE");
  ExpectError(Create(body), 400, "ValidationException",
              "1 validation error detected: Value 'arn:aws:iam::ACCOUNT:role/ROLE' at 'role' failed to satisfy "
              "constraint: Member must satisfy regular expression pattern: "
              "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
}

TEST_F(LambdaApiTest, ArchitecturesIsOneOfTwo) {
  std::string body = CreateBody();
  std::string arm = "[\"arm64\"]";
  ExpectError(Create(std::string(body).replace(body.find(arm), arm.size(), "[\"arm\"]")), 400, "ValidationException",
              "1 validation error detected: Value '[arm]' at 'architectures' failed to satisfy constraint: Member "
              "must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be "
              "null]");
  ExpectError(Create(std::string(body).replace(body.find(arm), arm.size(), "[\"arm64\",\"x86_64\"]")), 400,
              "ValidationException",
              "1 validation error detected: Value '[arm64, x86_64]' at 'architectures' failed to satisfy constraint: "
              "Member must have length less than or equal to 1");
}

TEST_F(LambdaApiTest, RuntimeMustBeOneLambdaHasAndStillCreates) {
  std::string body = CreateBody();
  std::string runtime = "provided.al2023";
  ApiResponse r = Create(std::string(body).replace(body.find(runtime), runtime.size(), "provided.al2024"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Value provided.al2024 at 'runtime' failed to satisfy constraint: Member must satisfy enum "
                        "value set: ["),
            std::string::npos)
      << r.body;
  ExpectError(Create(std::string(body).replace(body.find(runtime), runtime.size(), "go1.x")), 400,
              "InvalidParameterValueException",
              "The runtime parameter of go1.x is no longer supported for creating or updating AWS Lambda functions. "
              "We recommend you use a supported runtime while creating or updating functions.");
}

TEST_F(LambdaApiTest, ZipPackagesNeedRuntimeAndHandler) {
  std::string body = CreateBody();
  std::string handler = ",\"Handler\":\"bootstrap\"";
  ExpectError(Create(std::string(body).replace(body.find(handler), handler.size(), "")), 400,
              "InvalidParameterValueException",
              "Runtime and Handler are mandatory parameters for functions created with deployment packages.");
}

TEST_F(LambdaApiTest, MemoryAndTimeoutRanges) {
  ExpectError(Create(CreateBody(",\"MemorySize\":64")), 400, "ValidationException",
              "1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint: Member must have "
              "value greater than or equal to 128");
  ExpectError(Create(CreateBody(",\"Timeout\":0")), 400, "ValidationException",
              "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have "
              "value greater than or equal to 1");
  ExpectError(Create(CreateBody(",\"Timeout\":901")), 400, "InvalidParameterValueException",
              "Timeout must be at most 900 seconds");
}

TEST_F(LambdaApiTest, ReservedEnvironmentVariablesAreRefused) {
  ExpectError(Create(CreateBody(",\"Environment\":{\"Variables\":{\"AWS_REGION\":\"x\"}}")), 400,
              "InvalidParameterValueException",
              "Lambda was unable to configure your environment variables because the environment variables you have "
              "provided contains reserved keys that are currently not supported for modification. Reserved keys used "
              "in this request: AWS_REGION");
}

TEST_F(LambdaApiTest, TheZipMustBeAZip) {
  ExpectError(Create(CreateBody("", "just text")), 400, "InvalidParameterValueException",
              "Could not unzip uploaded file. Please check your file, then try to upload again.");
}

TEST_F(LambdaApiTest, OsOnlyRuntimesNeedAnExecutableBootstrapAtTheRoot) {
  ApiResponse missing = Create(CreateBody("", OneFileZip("bin/bootstrap", 0100755)));
  ExpectError(missing, 400, "InvalidParameterValueException",
              "The zip has no bootstrap at its root (it holds: bin/bootstrap). With runtime provided.al2023 the "
              "function is the executable named bootstrap at the top of the zip. Lambda accepts this upload, then "
              "fails every invoke with Runtime.InvalidEntrypoint; fake_lambda refuses it now.");
  ExpectError(Create(CreateBody("", OneFileZip("bootstrap", 0100644))), 400, "InvalidParameterValueException",
              "bootstrap has mode 0644 in the zip: Lambda runs it as a user that owns none of the files, so it needs "
              "read and execute permission for everyone (0755). Lambda accepts this upload, then fails every invoke "
              "with Runtime.InvalidEntrypoint; fake_lambda refuses it now.");
  ExpectError(Create(CreateBody("", OneFileZip("bootstrap", 0100750))), 400, "InvalidParameterValueException",
              "bootstrap has mode 0750 in the zip: Lambda runs it as a user that owns none of the files, so it needs "
              "read and execute permission for everyone (0755). Lambda accepts this upload, then fails every invoke "
              "with Runtime.InvalidEntrypoint; fake_lambda refuses it now.");
  EXPECT_TRUE(api_.Functions().empty());
}

TEST_F(LambdaApiTest, ManagedRuntimesNeedNoBootstrap) {
  std::string body = CreateBody("", OneFileZip("index.py", 0100644));
  std::string runtime = "provided.al2023";
  EXPECT_EQ(Create(body.replace(body.find(runtime), runtime.size(), "python3.12")).status, 201);
}

TEST_F(LambdaApiTest, UnmodelledSettingsAreRefusedNotIgnored) {
  ExpectError(Create(CreateBody(",\"Layers\":[]")), 400, "InvalidParameterValueException",
              "fake_lambda does not model Layers; leave it out here, or test it against Lambda");
}

TEST_F(LambdaApiTest, RequestsNeedASigV4HeaderForThisRegionAndLambda) {
  ApiResponse r = api_.Handle({"POST", "/2015-03-31/functions", {}, CreateBody()});
  ExpectError(r, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
  std::string other = kAuth;
  other.replace(other.find("us-east-1"), 9, "eu-west-1");
  ExpectError(Call("POST", "/2015-03-31/functions", CreateBody(), {{"authorization", other}}), 403,
              "InvalidSignatureException",
              "Credential should be scoped to a valid region, not 'eu-west-1'. This endpoint serves us-east-1.");
  std::string s3 = kAuth;
  s3.replace(s3.find("/lambda/"), 8, "/s3/");
  ExpectError(Call("POST", "/2015-03-31/functions", CreateBody(), {{"authorization", s3}}), 403,
              "InvalidSignatureException", "Credential should be scoped to correct service: 'lambda'. ");
}

TEST_F(LambdaApiTest, UpdateFunctionCodeReplacesTheZipAndTheArchitecture) {
  ASSERT_EQ(Create(CreateBody()).status, 201);
  std::string before = api_.Functions().at("greet").revision_id;
  std::string zip = OneFileZip("bootstrap", 0100755, "new code");
  ApiResponse r = Call("PUT", "/2015-03-31/functions/greet/code",
                       "{\"ZipFile\":\"" + http::Base64Encode(zip) + "\",\"Architectures\":[\"x86_64\"]}");
  ASSERT_EQ(r.status, 200) << r.body;
  StoredFunction f = api_.Functions().at("greet");
  EXPECT_EQ(f.zip, zip);
  EXPECT_EQ(f.architecture, "x86_64");
  EXPECT_NE(f.revision_id, before);
  EXPECT_EQ(runner_.forgotten, std::vector<std::string>{"greet"});
  // By ARN, as the CLI also allows; the checks of CreateFunction apply to the new zip.
  ExpectError(Call("PUT", "/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:greet/code",
                   "{\"ZipFile\":\"" + http::Base64Encode(OneFileZip("main", 0100755)) + "\"}"),
              400, "InvalidParameterValueException",
              "The zip has no bootstrap at its root (it holds: main). With runtime provided.al2023 the function is "
              "the executable named bootstrap at the top of the zip. Lambda accepts this upload, then fails every "
              "invoke with Runtime.InvalidEntrypoint; fake_lambda refuses it now.");
}

TEST_F(LambdaApiTest, UnknownFunctionsAreNotFound) {
  std::string message = "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope";
  ExpectError(Call("PUT", "/2015-03-31/functions/nope/code", "{\"ZipFile\":\"\"}"), 404, "ResourceNotFoundException",
              message);
  ExpectError(Call("GET", "/2015-03-31/functions/nope"), 404, "ResourceNotFoundException", message);
  ExpectError(Call("DELETE", "/2015-03-31/functions/nope"), 404, "ResourceNotFoundException", message);
  ExpectError(Call("POST", "/2015-03-31/functions/nope/invocations", "{}"), 404, "ResourceNotFoundException", message);
}

TEST_F(LambdaApiTest, GetListAndDelete) {
  ASSERT_EQ(Create(CreateBody()).status, 201);
  rapidjson::Document doc;
  doc.Parse(Call("GET", "/2015-03-31/functions/greet").body.c_str());
  EXPECT_STREQ(doc["Configuration"]["FunctionName"].GetString(), "greet");
  doc.Parse(Call("GET", "/2015-03-31/functions/greet/configuration").body.c_str());
  EXPECT_STREQ(doc["LastUpdateStatus"].GetString(), "Successful");
  doc.Parse(Call("GET", "/2015-03-31/functions/").body.c_str());
  EXPECT_EQ(doc["Functions"].Size(), 1u);
  EXPECT_EQ(Call("DELETE", "/2015-03-31/functions/greet").status, 204);
  EXPECT_TRUE(api_.Functions().empty());
}

TEST_F(LambdaApiTest, InvokeRunsTheFunctionAndReportsItsErrors) {
  ASSERT_EQ(Create(CreateBody()).status, 201);
  runner_.next = {false, "{\"ok\":true}", "START...REPORT"};
  ApiResponse r = Call("POST", "/2015-03-31/functions/greet/invocations", "{\"a\":1}", {{"x-amz-log-type", "Tail"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"ok\":true}");
  EXPECT_EQ(runner_.invoked, std::vector<std::string>{"greet {\"a\":1}"});
  std::map<std::string, std::string> headers(r.headers.begin(), r.headers.end());
  EXPECT_EQ(headers["X-Amz-Log-Result"], http::Base64Encode("START...REPORT"));
  EXPECT_FALSE(headers.count("X-Amz-Function-Error"));
  runner_.next = {true, "{\"errorType\":\"Boom\"}", ""};
  r = Call("POST", "/2015-03-31/functions/greet/invocations", "");
  headers = std::map<std::string, std::string>(r.headers.begin(), r.headers.end());
  EXPECT_EQ(headers["X-Amz-Function-Error"], "Unhandled");
  EXPECT_EQ(runner_.invoked.back(), "greet {}");  // no payload is an empty object, as on Lambda
}

TEST_F(LambdaApiTest, InvokeChecksThePayloadFirst) {
  ASSERT_EQ(Create(CreateBody()).status, 201);
  ExpectError(Call("POST", "/2015-03-31/functions/greet/invocations", std::string(6 * 1024 * 1024 + 1, ' ')), 413,
              "RequestEntityTooLargeException",
              "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
  ExpectError(Call("POST", "/2015-03-31/functions/greet/invocations", "{not json"), 400,
              "InvalidRequestContentException", "Could not parse request body into json");
  EXPECT_EQ(Call("POST", "/2015-03-31/functions/greet/invocations", "{}", {{"x-amz-invocation-type", "DryRun"}}).status,
            204);
  EXPECT_TRUE(runner_.invoked.empty());
}

TEST(Sha256, KnownAnswers) {
  auto hex = [](const std::string& data) {
    std::string out;
    for (uint8_t b : Sha256(data)) {
      static const char kDigits[] = "0123456789abcdef";
      out += kDigits[b >> 4];
      out += kDigits[b & 15];
    }
    return out;
  };
  EXPECT_EQ(hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace lambda::fake
