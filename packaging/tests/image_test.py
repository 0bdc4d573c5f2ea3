"""The container images checked with the tools that consume them: skopeo reads each image, the
multi-arch index and the docker archive; umoci unpacks each image's root filesystem, whose
entrypoint is then started against the emulator and must serve an invoke (arm64 under qemu).

Arguments: the arm64 and x86_64 image archives, the index, the arm64 docker archive, the emulator,
and the C library (glibc or musl) both bootstraps must be linked against."""

import json
import os
import subprocess
import sys
import tempfile
import unittest

IMAGES = {"arm64": os.path.abspath(sys.argv[1]), "amd64": os.path.abspath(sys.argv[2])}
INDEX = os.path.abspath(sys.argv[3])
DOCKER = os.path.abspath(sys.argv[4])
EMULATOR = os.path.abspath(sys.argv[5])
LIBC = sys.argv[6]
del sys.argv[1:7]

# Static glibc always links its tunables start-up code, which reads this variable by name; musl
# has no such thing. (Stripped static binaries carry no other trace of their C library.)
GLIBC_MARKER = b"GLIBC_TUNABLES"


def c_library(path):
    with open(path, "rb") as f:
        return "glibc" if GLIBC_MARKER in f.read() else "musl"


def run(*cmd):
    # skopeo unpacks oci-archive: into TMPDIR (default /var/tmp, not writable in the sandbox).
    env = dict(os.environ, TMPDIR=os.environ.get("TEST_TMPDIR", tempfile.gettempdir()))
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    if r.returncode != 0:
        raise AssertionError("%s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr))
    return r.stdout


def layout(tar):
    """The archive unpacked as an OCI layout: skopeo's oci-archive: transport needs a writable
    /var/tmp, which the test sandbox does not have, so tests read `oci:DIR` instead."""
    out = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    subprocess.run(["tar", "-xf", tar, "-C", out], check=True)
    return "oci:" + out


class ImageTest(unittest.TestCase):
    def test_skopeo_reads_each_image(self):
        for arch, tar in IMAGES.items():
            info = json.loads(run("skopeo", "inspect", layout(tar)))
            self.assertEqual(info["Architecture"], arch)
            self.assertEqual(info["Os"], "linux")
            self.assertEqual(len(info["Layers"]), 1)
            self.assertIn("LAMBDA_TASK_ROOT=/var/task", info["Env"])
            config = json.loads(run("skopeo", "inspect", "--config", layout(tar)))
            self.assertEqual(config["config"]["Entrypoint"], ["/var/runtime/bootstrap"])
            self.assertEqual(config["config"]["WorkingDir"], "/var/task")

    def test_index_lists_both_architectures(self):
        index = json.loads(run("skopeo", "inspect", "--raw", layout(INDEX)))
        arches = sorted(m["platform"]["architecture"] for m in index["manifests"])
        self.assertEqual(arches, ["amd64", "arm64"])
        digests = {json.loads(run("skopeo", "inspect", layout(IMAGES[a])))["Digest"] for a in IMAGES}
        self.assertEqual({m["digest"] for m in index["manifests"]}, digests)

    def test_docker_archive(self):
        info = json.loads(run("skopeo", "inspect", "docker-archive:" + DOCKER))
        self.assertEqual(info["Architecture"], "arm64")

    def test_unpacked_entrypoint_serves_an_invoke(self):
        for arch, tar in IMAGES.items():
            with self.subTest(arch=arch), tempfile.TemporaryDirectory() as tmp:
                layout = os.path.join(tmp, "layout")
                os.makedirs(layout)
                subprocess.run(["tar", "-xf", tar, "-C", layout], check=True)
                bundle = os.path.join(tmp, "bundle")
                run("umoci", "unpack", "--rootless", "--image", layout + ":latest", bundle)
                with open(os.path.join(bundle, "config.json")) as f:
                    entry = json.load(f)["process"]["args"]
                self.assertEqual(entry, ["/var/runtime/bootstrap"])
                rootfs = os.path.join(bundle, "rootfs")
                self.assertEqual(sorted(os.listdir(os.path.join(rootfs, "var"))), ["runtime", "task"])
                bootstrap = rootfs + entry[0]
                self.assertEqual(c_library(bootstrap), LIBC)
                cmd = [EMULATOR, "--runtime-api-port", "0", "--once", '{"name":"image"}']
                if arch == "arm64":
                    cmd += ["--bootstrap", "/usr/bin/qemu-aarch64-static", "--", bootstrap]
                else:
                    cmd += ["--bootstrap", bootstrap]
                r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(json.loads(r.stdout)["message"], "Hello, image!")


if __name__ == "__main__":
    unittest.main(verbosity=2)
