#!/usr/bin/python3
"""Runs docs/first-function.md exactly as written, from an empty folder: a new workspace that uses
this checkout through local_repository, the scaffold, tests, local invokes (arm64 under qemu),
zips, and the deploy commands against tools/fake_lambda. Then checks what the document cannot
run itself: the SAM template (parsed, its CodeUri a real zip, its function accepted by the
fake), a broken deploy command failing, and the document's .bazelrc lines being this
repository's own. CI runs it; it is also the test of "from another workspace".

    tools/doc_test/first_function_check.py [--keep] [--doc docs/first-function.md]

What the document's commands see, and why:
  bazel  runs with --output_base in the scratch folder (removed at the end) and this checkout's
         user.bazelrc, if any, as its --bazelrc (CI's disk cache);
  aws    is Debian's /usr/bin/aws (v2) with --endpoint-url of a fake_lambda started here, and
         test credentials;
  /path/to/ruchy-lambda in the document is replaced by this checkout's path.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import doc_blocks  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLACEHOLDER = "/path/to/ruchy-lambda"
SERVICE_ERROR = 254  # aws CLI v2: the service answered with an error
# Debian's AWS CLI v2 (tools/setup.sh), not whatever `aws` comes first on PATH (a v1 from pip
# lacks --cli-binary-format).
AWS = "/usr/bin/aws"


def say(text):
    print("first-function: " + text, flush=True)


def build_fake_lambda():
    """fake_lambda, built in this checkout (before the document's workspace exists)."""
    subprocess.run(["bazel", "build", "//tools/fake_lambda"], cwd=REPO, check=True)
    bin_dir = subprocess.run(["bazel", "info", "bazel-bin"], cwd=REPO, check=True, stdout=subprocess.PIPE,
                             text=True).stdout.strip()
    return os.path.join(bin_dir, "tools/fake_lambda/fake_lambda")


def start_fake(binary):
    proc = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"listening on (http://127.0.0.1:\d+)", line)
    if not match:
        proc.kill()
        raise SystemExit("first-function: fake_lambda did not start: %r" % line)
    return proc, match.group(1)


class CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short-form functions (!Ref, !GetAtt, !Sub ...) as plain maps."""


CfnLoader.add_multi_constructor("!", lambda loader, suffix, node: {
    "Fn::" + suffix: (loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode)
                      else loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
                      else loader.construct_mapping(node))})


def check_sam_template(workspace, aws):
    """Every AWS::Serverless::Function of template.yaml: a CodeUri that is a zip Bazel built, and a
    configuration the fake (so Lambda) accepts, deployed through the CLI under another name."""
    path = os.path.join(workspace, "template.yaml")
    with open(path) as f:
        template = yaml.load(f, Loader=CfnLoader)
    if template.get("Transform") != "AWS::Serverless-2016-10-31":
        raise doc_blocks.DocError("template.yaml: not a SAM template (Transform)")
    globals_ = template.get("Globals", {}).get("Function", {})
    functions = {k: v for k, v in template["Resources"].items() if v.get("Type") == "AWS::Serverless::Function"}
    if not functions:
        raise doc_blocks.DocError("template.yaml: no AWS::Serverless::Function")
    for logical, resource in functions.items():
        props = dict(globals_, **resource.get("Properties", {}))
        code = os.path.join(workspace, props["CodeUri"])
        if not os.path.isfile(code):
            raise doc_blocks.DocError("template.yaml: %s: CodeUri %s is not a file" % (logical, props["CodeUri"]))
        args = ["lambda", "create-function", "--function-name", "sam-check-" + logical,
                "--runtime", props["Runtime"], "--handler", props["Handler"],
                "--role", "arn:aws:iam::123456789012:role/sam-check", "--zip-file", "fileb://" + code,
                "--memory-size", str(props.get("MemorySize", 128)), "--timeout", str(props.get("Timeout", 3))]
        if "Architectures" in props:
            args += ["--architectures"] + list(props["Architectures"])
        r = aws(args)
        if r.returncode != 0:
            raise doc_blocks.DocError("template.yaml: %s: Lambda would refuse it:\n%s" % (logical, r.stderr))
        say("template.yaml: %s (%s, %s) accepted with %s" % (
            logical, props["Runtime"], ",".join(props.get("Architectures", ["x86_64"])), props["CodeUri"]))


def check_broken_deploy(doc_path, workspace, aws):
    """The document's own create-function command with a wrong architecture must fail."""
    commands = [b.text for b in doc_blocks.parse(doc_path) if b.action == "run" and "aws lambda create-function" in b.text]
    if not commands:
        raise doc_blocks.DocError("%s: no create-function command to break" % doc_path)
    lines = commands[0].split("\n")
    at = next(i for i, l in enumerate(lines) if l.startswith("aws lambda create-function"))
    command = lines[at]
    while command.endswith("\\"):  # continuation lines
        at += 1
        command = command[:-1] + " " + lines[at]
    words = shlex.split(command)[1:]
    if "--architectures" not in words:
        raise doc_blocks.DocError("%s: create-function has no --architectures to break" % doc_path)
    words[words.index("--architectures") + 1] = "arm"
    words[words.index("--function-name") + 1] = "broken-check"
    words = [w.replace("$ROLE_ARN", "arn:aws:iam::123456789012:role/x") for w in words]
    r = aws(words, cwd=workspace)
    if r.returncode != SERVICE_ERROR or "An error occurred (ValidationException)" not in r.stderr:
        raise doc_blocks.DocError("a create-function with --architectures arm did not fail as Lambda fails it "
                                  "(exit %d):\n%s" % (r.returncode, r.stderr))
    say("a broken create-function (--architectures arm) fails: %s" % r.stderr.strip().splitlines()[-1])


def check_bazelrc(workspace):
    """Each line of the document's .bazelrc is a line of this repository's, with its labels."""
    with open(os.path.join(REPO, ".bazelrc")) as f:
        ours = {l.strip() for l in f if l.strip() and not l.startswith("#")}
    with open(os.path.join(workspace, ".bazelrc")) as f:
        theirs = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    for line in theirs:
        if line.replace("@ruchy_lambda//", "//") not in ours:
            raise doc_blocks.DocError(".bazelrc of the document: %r is not in this repository's .bazelrc" % line)
    say(".bazelrc: %d lines, each one of this repository's" % len(theirs))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--doc", default=os.path.join(REPO, "docs/first-function.md"))
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder and its Bazel server")
    args = parser.parse_args()
    start = time.time()

    scratch = tempfile.mkdtemp(prefix="ruchy-first-function.")
    output_base = os.path.join(scratch, "output_base")
    rc = os.path.join(scratch, "bazelrc")
    user_rc = os.path.join(REPO, "user.bazelrc")
    shutil.copy(user_rc, rc) if os.path.exists(user_rc) else open(rc, "w").close()
    fake, endpoint = start_fake(build_fake_lambda())
    say("fake_lambda on %s; scratch %s" % (endpoint, scratch))

    prelude = os.path.join(scratch, "prelude.sh")
    with open(prelude, "w") as f:
        f.write("bazel() { command bazel --output_base=%s --bazelrc=%s \"$@\"; }\n" % (shlex.quote(output_base), shlex.quote(rc)))
        f.write("aws() { %s --endpoint-url %s \"$@\"; }\n" % (AWS, endpoint))
    home = os.path.join(scratch, "home")
    os.makedirs(home)
    env = dict(os.environ, AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="doc-test-secret",
               AWS_DEFAULT_REGION="us-east-1", AWS_PAGER="", AWS_EC2_METADATA_DISABLED="true",
               AWS_CONFIG_FILE=os.path.join(home, "no-aws-config"),
               AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "no-aws-credentials"))
    session = doc_blocks.Session(home, os.path.join(scratch, "state"), env=env, prelude=prelude,
                                 substitutions=[(PLACEHOLDER, REPO)])

    def aws(words, cwd=None):
        return subprocess.run([AWS, "--endpoint-url", endpoint] + words, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=cwd or session.cwd, timeout=300)

    status = 1
    try:
        ran = doc_blocks.run_document(args.doc, session, strict=True)
        workspace = session.cwd
        check_sam_template(workspace, aws)
        check_broken_deploy(args.doc, workspace, aws)
        check_bazelrc(workspace)
        for block, seconds in session.timings:
            say("%5.0f s  %s: %s" % (seconds, block.where(), block.text.strip().splitlines()[0]))
        for block in session.not_run:
            say("not run, as the document says: %s (%s)" % (block.where(), block.arg))
        say("ok: %d blocks of %s as written, in %.0f s" % (ran, os.path.relpath(args.doc, REPO), time.time() - start))
        status = 0
    except doc_blocks.DocError as e:
        print("first-function: FAILED: %s" % e, file=sys.stderr)
    finally:
        fake.terminate()
        fake.wait(timeout=60)
        if args.keep:
            say("kept %s (its Bazel server too: bazel --output_base=%s shutdown)" % (scratch, output_base))
        else:
            subprocess.run(["bazel", "--output_base=" + output_base, "shutdown"], cwd=session.cwd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            subprocess.run(["chmod", "-R", "u+w", scratch])
            shutil.rmtree(scratch, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
