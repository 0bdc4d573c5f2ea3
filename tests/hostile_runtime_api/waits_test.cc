// Waits: every wait for a Runtime API reply except /next is bounded, and SIGTERM ends the runtime
// with status 0 promptly wherever it is waiting (Lambda allows 500 ms to 2 s at shutdown).
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <string>
#include <thread>

#include "tests/hostile_runtime_api/hostile_test_base.h"

namespace lambda::hostile {
namespace {

using namespace std::chrono_literals;

// Longer than any sane bound on a reply (the runtimes use 30 s), shorter than a hung test.
constexpr auto kReplyGuard = 120s;
// How long a runtime may take to exit after SIGTERM here: far above the 1 s it is allowed (a
// loaded machine, qemu), far below the reply bound, so a runtime that only notices SIGTERM when
// its wait times out fails.
constexpr auto kSigtermGuard = 10s;

class Waits : public HostileTest {
 protected:
  // Hands out one event and reads its response, leaving the runtime waiting for the answer.
  void LeaveTheResponseUnanswered(Peer& peer) {
    ASSERT_TRUE(peer.Send(NextReply("unanswered", "{\"wait\":true}")));
    CapturedRequest posted = peer.ReadRequest();
    ASSERT_TRUE(posted.ok()) << posted.error.message;
    ASSERT_EQ(posted.target, ResponsePath("unanswered"));
  }

  void ExpectCleanExitAfterSigterm() {
    runtime_->Signal(SIGTERM);
    std::optional<int> status = runtime_->WaitForExit(kSigtermGuard);
    ASSERT_TRUE(status.has_value()) << "still running after SIGTERM\n" << runtime_->LogText();
    EXPECT_TRUE(WIFEXITED(*status)) << "ended by signal " << WTERMSIG(*status);
    EXPECT_EQ(WEXITSTATUS(*status), 0) << runtime_->LogText();
  }
};

TEST_F(Waits, AResponseNeverAnsweredIsGivenUpOn) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  LeaveTheResponseUnanswered(*peer);
  // The runtime drops the connection it waited on, polls again on a new one and serves.
  ASSERT_TRUE(peer->ClosedByRuntime(kReplyGuard)) << "it waited forever\n" << runtime_->LogText();
  CapturedRequest first;
  std::unique_ptr<Peer> again = api_.AcceptPoll(&first);
  ASSERT_NE(again, nullptr) << runtime_->LogText();
  EXPECT_TRUE(first.IsNext());
  EXPECT_EQ(EchoRoundTrip(*again, "after-silence", "{}"), "");
}

TEST_F(Waits, AReplyTrickledForeverIsBoundedAsAWhole) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  LeaveTheResponseUnanswered(*peer);
  // A slow-loris answer: a byte of header every 200 ms, never ending. A bound per read would
  // never fire; only a bound on the whole reply does.
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    if (!peer->Send("HTTP/1.1 202 Accepted\r\n")) return;
    for (int i = 0; !stop; ++i) {
      if (!peer->Send(i % 10 == 9 ? "\r\n" : "X-Slow: ")) return;
      std::this_thread::sleep_for(200ms);
      if (!peer->Send("a")) return;
    }
  });
  bool closed = peer->ClosedByRuntime(kReplyGuard);
  stop = true;
  trickle.join();
  ASSERT_TRUE(closed) << "it waited on the trickle\n" << runtime_->LogText();
  CapturedRequest first;
  std::unique_ptr<Peer> again = api_.AcceptPoll(&first);
  ASSERT_NE(again, nullptr) << runtime_->LogText();
  EXPECT_EQ(EchoRoundTrip(*again, "after-trickle", "{}"), "");
}

TEST_F(Waits, SigtermWhileIdleInNextExitsZero) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_EQ(EchoRoundTrip(*peer, "warm", "{}"), "");
  ExpectCleanExitAfterSigterm();
}

TEST_F(Waits, SigtermWhileWaitingForTheAcceptanceExitsZeroPromptly) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  LeaveTheResponseUnanswered(*peer);
  ExpectCleanExitAfterSigterm();
}

TEST_F(Waits, SigtermWhileAnEventIsHalfReceivedExitsZero) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  ASSERT_TRUE(peer->Send(NextReply("half", std::string(1000, 'h')).substr(0, 400)));
  ExpectCleanExitAfterSigterm();
}

TEST_F(Waits, SigtermWhileTheApiIsUnreachableExitsZero) {
  std::unique_ptr<Peer> peer = Start();
  ASSERT_NE(peer, nullptr);
  api_.StopListening();
  peer->Close();
  // The runtime finds the API gone and backs off between attempts; SIGTERM lands in the backoff.
  ASSERT_TRUE(runtime_->WaitForLog("unreachable")) << runtime_->LogText();
  ExpectCleanExitAfterSigterm();
}

}  // namespace
}  // namespace lambda::hostile
