// Several functions behind one Invoke API port, and a bootstrap replaced on disk, seen through
// cpp-httplib: an independent client, not the emulator's own HTTP code.
#include "tools/emulator/function_set.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "gtest/gtest.h"
#include "httplib.h"
#include "tools/emulator/json_util.h"

namespace lambda::emulator {
namespace {

std::string InvokePath(const std::string& name) { return "/2015-03-31/functions/" + name + "/invocations"; }

EmulatorOptions FakeFunction(const std::string& name, const std::string& mode) {
  EmulatorOptions options;
  options.function_name = name;
  options.bootstrap = std::getenv("FAKE_RUNTIME");
  options.bootstrap_args = {mode};
  options.log_sink = [](std::string_view) {};
  return options;
}

TEST(FunctionSetTest, EachFunctionByNameWithItsOwnRuntime) {
  std::vector<EmulatorOptions> functions = {FakeFunction("echoer", "echo"), FakeFunction("envdump", "env")};
  functions[1].memory_mb = 512;  // Options are per function.
  FunctionSet set(std::move(functions));
  ASSERT_EQ(set.Start(0), "");
  httplib::Client client("127.0.0.1", set.invoke_port());

  auto echoed = client.Post(InvokePath("echoer").c_str(), "{\"a\":1}", "application/json");
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->status, 200);
  EXPECT_EQ(echoed->body, "{\"a\":1}");

  auto env = client.Post(InvokePath("envdump").c_str(), "{}", "application/json");
  ASSERT_TRUE(env);
  EXPECT_EQ(env->status, 200);
  EXPECT_NE(env->body.find("AWS_LAMBDA_FUNCTION_NAME=envdump\n"), std::string::npos) << env->body;
  EXPECT_NE(env->body.find("AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512\n"), std::string::npos) << env->body;

  // A qualifier, a full ARN and a partial ARN, percent-encoded as SDKs send them, name the same function.
  for (const char* name : {"echoer:%24LATEST", "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aechoer",
                           "123456789012%3Afunction%3Aechoer%3Aprod"}) {
    auto r = client.Post(InvokePath(name).c_str(), "\"x\"", "application/json");
    ASSERT_TRUE(r) << name;
    EXPECT_EQ(r->status, 200) << name;
    EXPECT_EQ(r->body, "\"x\"") << name;
  }
  EXPECT_EQ(set.Find("echoer")->Starts(), 1);
  EXPECT_EQ(set.Find("envdump")->Starts(), 1);
  EXPECT_NE(set.Find("echoer")->runtime_api_port(), set.Find("envdump")->runtime_api_port());
}

TEST(FunctionSetTest, UnknownNameIsResourceNotFound) {
  FunctionSet set({FakeFunction("echoer", "echo")});
  ASSERT_EQ(set.Start(0), "");
  httplib::Client client("127.0.0.1", set.invoke_port());
  for (const std::string& path :
       {InvokePath("nobody"), std::string("/2021-11-15/functions/nobody/response-streaming-invocations")}) {
    auto r = client.Post(path.c_str(), "{}", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(r->get_header_value("x-amzn-ErrorType"), "ResourceNotFoundException");
    EXPECT_EQ(r->body,
              "{\"Type\":\"User\",\"Message\":\"Function not found: "
              "arn:aws:lambda:us-east-1:123456789012:function:nobody\"}");
  }
  // The connection stays usable, and nothing was started for the unknown name.
  auto ok = client.Post(InvokePath("echoer").c_str(), "1", "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->body, "1");
}

TEST(FunctionSetTest, RefusesDuplicateAndEmptyNames) {
  FunctionSet twice({FakeFunction("same", "echo"), FakeFunction("same", "env")});
  EXPECT_EQ(twice.Start(0), "function same is given twice (or has no name)");
  FunctionSet unnamed({FakeFunction("", "echo")});
  EXPECT_EQ(unnamed.Start(0), "function \"\" is given twice (or has no name)");
  FunctionSet none({});
  EXPECT_EQ(none.Start(0), "no functions to serve");
}

// A bootstrap that is a script: rewriting it on disk is what a rebuild does to a binary.
void WriteScript(const std::string& path, const std::string& mode) {
  std::string temporary = path + ".new";
  {
    std::ofstream out(temporary);
    out << "#!/bin/sh\nexec '" << std::getenv("FAKE_RUNTIME") << "' " << mode << "\n";
  }
  ASSERT_EQ(::chmod(temporary.c_str(), 0755), 0);
  ASSERT_EQ(std::rename(temporary.c_str(), path.c_str()), 0);  // As a build replaces an output.
}

TEST(FunctionSetTest, ABootstrapReplacedOnDiskServesTheNextInvoke) {
  std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/replaced";
  ::mkdir(dir.c_str(), 0755);
  std::string bootstrap = dir + "/bootstrap";
  WriteScript(bootstrap, "echo");
  EmulatorOptions options;
  options.function_name = "dev";
  options.bootstrap = bootstrap;
  options.restart_on_change = true;
  options.log_sink = [](std::string_view) {};
  FunctionSet set({options});
  ASSERT_EQ(set.Start(0), "");
  httplib::Client client("127.0.0.1", set.invoke_port());

  auto first = client.Post(InvokePath("dev").c_str(), "before", "text/plain");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "before");
  auto unchanged = client.Post(InvokePath("dev").c_str(), "same", "text/plain");
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(unchanged->body, "same");
  EXPECT_EQ(set.Find("dev")->Starts(), 1);  // An unchanged file keeps its runtime warm.

  WriteScript(bootstrap, "env");
  auto after = client.Post(InvokePath("dev").c_str(), "after", "text/plain");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  EXPECT_NE(after->body.find("AWS_LAMBDA_FUNCTION_NAME=dev\n"), std::string::npos) << after->body;
  EXPECT_EQ(set.Find("dev")->Starts(), 2);
}

TEST(FunctionSetTest, WithoutRestartOnChangeTheRuntimeStays) {
  std::string dir = std::string(std::getenv("TEST_TMPDIR")) + "/kept";
  ::mkdir(dir.c_str(), 0755);
  std::string bootstrap = dir + "/bootstrap";
  WriteScript(bootstrap, "echo");
  EmulatorOptions options;
  options.function_name = "dev";
  options.bootstrap = bootstrap;
  options.log_sink = [](std::string_view) {};
  FunctionSet set({options});
  ASSERT_EQ(set.Start(0), "");
  httplib::Client client("127.0.0.1", set.invoke_port());
  ASSERT_TRUE(client.Post(InvokePath("dev").c_str(), "one", "text/plain"));
  WriteScript(bootstrap, "env");
  auto r = client.Post(InvokePath("dev").c_str(), "two", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "two");
  EXPECT_EQ(set.Find("dev")->Starts(), 1);
}

}  // namespace
}  // namespace lambda::emulator
