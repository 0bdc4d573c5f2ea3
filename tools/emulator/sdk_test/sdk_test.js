// tools/emulator as the AWS SDK for JavaScript v3 sees it: Invoke and InvokeWithResponseStream
// sent by @aws-sdk/client-lambda to one emulator serving several functions, and what the SDK
// parses out of the answers. Offline: the SDK talks to 127.0.0.1 only, with fixed credentials.
'use strict';

const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  LambdaClient,
} = require('@aws-sdk/client-lambda');

const EMULATOR = process.env.EMULATOR;
const FIXTURES = ['echo', 'context', 'fail', 'stream', 'sleep'];
const MAX_PENDING_INVOKES = 64; // tools/emulator/limits.h kMaxPendingInvokes
const MAX_INVOKE_REQUEST_BYTES = 6 * 1024 * 1024; // kMaxInvokeRequestBytes

// Starts `emulator --function NAME=PATH ...` on a free port; resolves to {port, stop, stderr()}.
function startEmulator(functions) {
  const args = ['--port', '0'];
  for (const [name, file] of Object.entries(functions)) args.push('--function', `${name}=${file}`);
  const child = spawn(EMULATOR, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      stderr += text;
      const match = /Invoke API on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
      if (match && !child.started) {
        child.started = true;
        resolve({
          port: Number(match[1]),
          stderr: () => stderr,
          stop: () => new Promise((done) => {
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.once('exit', (code) => {
      if (!child.started) reject(new Error(`emulator exited with ${code}:\n${stderr}`));
    });
  });
}

function clientFor(port) {
  return new LambdaClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1, // A 429 must reach the test, not be retried.
  });
}

// How long to wait for a line the emulator writes to stderr: its pipe may deliver the line after
// the HTTP answer it belongs to (a bound on waiting, not a timed assertion).
const STDERR_WAIT_MS = 10000;

async function stderrMatching(emulator, pattern) {
  const deadline = Date.now() + STDERR_WAIT_MS;
  while (!pattern.test(emulator.stderr())) {
    if (Date.now() > deadline) assert.fail(`emulator stderr never matched ${pattern}:\n${emulator.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const text = (bytes) => Buffer.from(bytes).toString('utf8');
const json = (value) => Buffer.from(JSON.stringify(value));

// Reads a response stream the way SDK users do; returns {chunks, complete, order}.
async function readStream(output) {
  const chunks = [];
  const order = [];
  let complete;
  for await (const event of output.EventStream) {
    if (event.PayloadChunk) {
      chunks.push(text(event.PayloadChunk.Payload));
      order.push('PayloadChunk');
    }
    if (event.InvokeComplete) {
      complete = event.InvokeComplete;
      order.push('InvokeComplete');
    }
  }
  return { chunks, complete, order };
}

describe('several functions in one emulator', () => {
  let emulator;
  let lambda;
  before(async () => {
    const functions = {};
    for (const name of FIXTURES) functions[name] = process.env[`FIXTURE_${name.toUpperCase()}`];
    emulator = await startEmulator(functions);
    lambda = clientFor(emulator.port);
  });
  after(async () => {
    lambda.destroy();
    assert.equal(await emulator.stop(), 0);
  });

  it('Invoke RequestResponse returns the payload, status and version', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: json({ name: 'sdk' }) }));
    assert.equal(out.StatusCode, 200);
    assert.equal(out.ExecutedVersion, '$LATEST');
    assert.equal(out.FunctionError, undefined);
    assert.deepEqual(JSON.parse(text(out.Payload)), { name: 'sdk' });
    assert.match(out.$metadata.requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('each function is addressed by name, with its own runtime', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'context', Payload: json({}) }));
    const context = JSON.parse(text(out.Payload));
    assert.equal(context.function_name, 'context');
    assert.equal(context.function_arn, 'arn:aws:lambda:us-east-1:123456789012:function:context');
    assert.equal(context.request_id, out.$metadata.requestId);
    // The ARN form of the name reaches the same function.
    const byArn = await lambda.send(new InvokeCommand({
      FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:echo', Payload: json('arn'),
    }));
    assert.equal(text(byArn.Payload), '"arn"');
  });

  it('an unknown name is ResourceNotFoundException', async () => {
    await assert.rejects(
      lambda.send(new InvokeCommand({ FunctionName: 'nobody', Payload: json({}) })),
      (error) => {
        assert.equal(error.name, 'ResourceNotFoundException');
        assert.equal(error.$metadata.httpStatusCode, 404);
        assert.equal(error.message, 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nobody');
        assert.equal(error.Type, 'User');
        return true;
      });
    await assert.rejects(
      lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'nobody', Payload: json({}) })),
      { name: 'ResourceNotFoundException' });
  });

  it('LogType Tail returns the logs of the invoke', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: json(1), LogType: 'Tail' }));
    const logs = Buffer.from(out.LogResult, 'base64').toString();
    assert.match(logs, new RegExp(`END RequestId: ${out.$metadata.requestId}\n`));
    assert.match(logs, new RegExp(`REPORT RequestId: ${out.$metadata.requestId}\tDuration: `));
  });

  it('Event answers 202 at once; DryRun answers 204', async () => {
    const event = await lambda.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'Event', Payload: json(2) }));
    assert.equal(event.StatusCode, 202);
    assert.equal(event.Payload?.length ?? 0, 0);
    const dry = await lambda.send(new InvokeCommand({ FunctionName: 'echo', InvocationType: 'DryRun', Payload: json(3) }));
    assert.equal(dry.StatusCode, 204);
  });

  it('ClientContext reaches the function', async () => {
    const custom = { custom: { tenant: 'acme' }, env: { locale: 'en' } };
    const out = await lambda.send(new InvokeCommand({
      FunctionName: 'context',
      ClientContext: Buffer.from(JSON.stringify(custom)).toString('base64'),
      Payload: json({}),
    }));
    assert.deepEqual(JSON.parse(text(out.Payload)).client_context, custom);
  });

  it('a function error is FunctionError Unhandled with the error payload', async () => {
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'fail', Payload: json('bad input') }));
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Unhandled');
    const error = JSON.parse(text(out.Payload));
    assert.equal(error.errorType, 'FixtureError');
    assert.equal(error.errorMessage, '"bad input"');
  });

  it('an event over 6 MiB is RequestEntityTooLargeException', async () => {
    await assert.rejects(
      lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: Buffer.alloc(MAX_INVOKE_REQUEST_BYTES + 1, 0x20) })),
      (error) => {
        assert.equal(error.name, 'RequestEntityTooLargeException');
        assert.equal(error.$metadata.httpStatusCode, 413);
        assert.match(error.message, /Request must be smaller than 6291456 bytes/);
        return true;
      });
  });

  it('InvokeWithResponseStream: PayloadChunk events, then InvokeComplete', async () => {
    const out = await lambda.send(new InvokeWithResponseStreamCommand({
      FunctionName: 'stream', Payload: json({ chunks: 3, size: 4 }),
    }));
    assert.equal(out.StatusCode, 200);
    assert.equal(out.ExecutedVersion, '$LATEST');
    const { chunks, complete, order } = await readStream(out);
    assert.deepEqual(chunks, ['xxxx', 'xxxx', 'xxxx']);
    assert.deepEqual(order, ['PayloadChunk', 'PayloadChunk', 'PayloadChunk', 'InvokeComplete']);
    assert.equal(complete.ErrorCode, undefined);
    assert.equal(complete.ErrorDetails, undefined);
  });

  it('InvokeWithResponseStream: large chunks arrive whole, in events of at most 256 KiB', async () => {
    const size = 300 * 1024; // Over the emulator's 256 KiB per PayloadChunk.
    const out = await lambda.send(new InvokeWithResponseStreamCommand({
      FunctionName: 'stream', Payload: json({ chunks: 2, size }),
    }));
    const { chunks, complete } = await readStream(out);
    assert.equal(chunks.join(''), 'x'.repeat(2 * size));
    // How the relay receives the runtime's bytes decides the count; the bound is the encoder's.
    for (const chunk of chunks) assert.ok(chunk.length <= 256 * 1024, `a chunk of ${chunk.length} bytes`);
    assert.deepEqual(complete, {});
  });

  it('InvokeWithResponseStream: an error mid-stream ends it in InvokeComplete', async () => {
    const out = await lambda.send(new InvokeWithResponseStreamCommand({
      FunctionName: 'stream', Payload: json({ chunks: 3, size: 2, fail_after: 2 }), LogType: 'Tail',
    }));
    assert.equal(out.StatusCode, 200);
    const { chunks, complete } = await readStream(out);
    assert.deepEqual(chunks, ['xx', 'xx']);
    assert.equal(complete.ErrorCode, 'FixtureStreamError');
    assert.equal(JSON.parse(complete.ErrorDetails).errorMessage, 'failed after 2 chunks');
    assert.match(Buffer.from(complete.LogResult, 'base64').toString(), /REPORT RequestId: /);
  });

  it('InvokeWithResponseStream: a failure before the first byte', async () => {
    const out = await lambda.send(new InvokeWithResponseStreamCommand({
      FunctionName: 'fail', Payload: json('early'),
    }));
    assert.equal(out.StatusCode, 200);
    const { chunks, complete } = await readStream(out);
    assert.deepEqual(chunks, []);
    assert.equal(complete.ErrorCode, 'FixtureError');
    assert.equal(JSON.parse(complete.ErrorDetails).errorMessage, '"early"');
  });

  it('past the pending limit the answer is TooManyRequestsException', async () => {
    // One slow invoke runs, the rest wait: the queue fills without any timing assumption.
    for (let i = 0; i < MAX_PENDING_INVOKES; i++) {
      const queued = await lambda.send(new InvokeCommand({ FunctionName: 'sleep', InvocationType: 'Event', Payload: json(60000) }));
      assert.equal(queued.StatusCode, 202);
    }
    await assert.rejects(
      lambda.send(new InvokeCommand({ FunctionName: 'sleep', Payload: json(1) })),
      (error) => {
        assert.equal(error.name, 'TooManyRequestsException');
        assert.equal(error.$metadata.httpStatusCode, 429);
        assert.equal(error.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
        return true;
      });
    // Another function's queue is its own.
    const other = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: json('free') }));
    assert.equal(text(other.Payload), '"free"');
  });
});

describe('a bootstrap replaced on disk', () => {
  it('serves the next invoke', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR, 'replace-'));
    const bootstrap = path.join(dir, 'bootstrap');
    const install = (source) => { // As a build replaces its output: a new file renamed into place.
      fs.copyFileSync(source, `${bootstrap}.new`);
      fs.chmodSync(`${bootstrap}.new`, 0o755);
      fs.renameSync(`${bootstrap}.new`, bootstrap);
    };
    install(process.env.FIXTURE_ECHO);
    const emulator = await startEmulator({ dev: bootstrap });
    const lambda = clientFor(emulator.port);
    try {
      const before = await lambda.send(new InvokeCommand({ FunctionName: 'dev', Payload: json('v1') }));
      assert.equal(text(before.Payload), '"v1"');
      install(process.env.FIXTURE_CONTEXT);
      const afterChange = await lambda.send(new InvokeCommand({ FunctionName: 'dev', Payload: json('v2') }));
      assert.equal(JSON.parse(text(afterChange.Payload)).function_name, 'dev');
      await stderrMatching(emulator, /changed on disk; starting it again/);
    } finally {
      lambda.destroy();
      await emulator.stop();
    }
  });
});
