#!/usr/bin/env python3
"""Writes reproducible OCI images for Lambda: per-architecture images, a multi-arch index, and a
docker-archive tarball. Every byte is a function of the inputs: tar entries sorted, uid/gid 0,
mtime 0; gzip without a name or timestamp at level 9; JSON with sorted keys; fixed `created`.

  build_oci.py image --bootstrap FILE --arch arm64|amd64 --layout DIR --archive OUT.tar --layer OUT.tar.gz
  build_oci.py index --layout DIR --archive OUT.tar IMAGE.tar...
  build_oci.py docker --image IMAGE.tar --tag NAME:TAG --out OUT.tar

The bootstrap is the image's only file: /var/runtime/bootstrap, the ENTRYPOINT, as in AWS's
provided.al2023 base images; the working directory is Lambda's task root /var/task.
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile

BOOTSTRAP_PATH = "var/runtime/bootstrap"
TASK_ROOT = "/var/task"
CREATED = "1970-01-01T00:00:00Z"
ENV = [
    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG=en_US.UTF-8",
    "TZ=:/etc/localtime",
    "LAMBDA_TASK_ROOT=/var/task",
    "LAMBDA_RUNTIME_DIR=/var/runtime",
]
MEDIA_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
MEDIA_INDEX = "application/vnd.oci.image.index.v1+json"
MEDIA_CONFIG = "application/vnd.oci.image.config.v1+json"
MEDIA_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def tar_bytes(entries):
    """entries: (path, bytes or None for a directory, mode)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path, data, mode in sorted(entries, key=lambda e: e[0]):
            info = tarfile.TarInfo(path)
            info.mtime = 0
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = mode
            if data is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def gzip_bytes(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


class Layout:
    """An OCI image layout directory being written."""

    def __init__(self, path):
        self.path = path
        if os.path.exists(path):
            shutil.rmtree(path)
        os.makedirs(os.path.join(path, "blobs", "sha256"))
        self.write("oci-layout", canonical({"imageLayoutVersion": "1.0.0"}))

    def write(self, rel, data):
        with open(os.path.join(self.path, rel), "wb") as f:
            f.write(data)

    def blob(self, data, media_type, **extra):
        digest = sha(data)
        self.write(os.path.join("blobs", "sha256", digest.split(":")[1]), data)
        desc = {"mediaType": media_type, "digest": digest, "size": len(data)}
        desc.update(extra)
        return desc

    def archive(self, out):
        """The layout as one tarball (what skopeo calls oci-archive:)."""
        entries = []
        for root, dirs, files in os.walk(self.path):
            rel_root = os.path.relpath(root, self.path)
            for d in dirs:
                entries.append((os.path.normpath(os.path.join(rel_root, d)), None, 0o755))
            for name in files:
                with open(os.path.join(root, name), "rb") as f:
                    entries.append((os.path.normpath(os.path.join(rel_root, name)), f.read(), 0o644))
        with open(out, "wb") as f:
            f.write(tar_bytes(entries))


def read_archive(path):
    with tarfile.open(path) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def cmd_image(args):
    with open(args.bootstrap, "rb") as f:
        bootstrap = f.read()
    layer_tar = tar_bytes([
        ("var", None, 0o755),
        ("var/runtime", None, 0o755),
        (BOOTSTRAP_PATH, bootstrap, 0o755),
        ("var/task", None, 0o755),
    ])
    layer_gz = gzip_bytes(layer_tar)
    with open(args.layer, "wb") as f:
        f.write(layer_gz)
    layout = Layout(args.layout)
    layer_desc = layout.blob(layer_gz, MEDIA_LAYER)
    config = {
        "architecture": args.arch,
        "os": "linux",
        "created": CREATED,
        "config": {
            "Entrypoint": ["/" + BOOTSTRAP_PATH],
            "WorkingDir": TASK_ROOT,
            "Env": ENV,
        },
        "rootfs": {"type": "layers", "diff_ids": [sha(layer_tar)]},
        "history": [{"created": CREATED, "created_by": "ruchy-lambda oci_image: bootstrap"}],
    }
    if args.arch == "arm64":
        config["variant"] = "v8"
    config_desc = layout.blob(canonical(config), MEDIA_CONFIG)
    manifest = {"schemaVersion": 2, "mediaType": MEDIA_MANIFEST, "config": config_desc, "layers": [layer_desc]}
    platform = {"architecture": args.arch, "os": "linux"}
    if args.arch == "arm64":
        platform["variant"] = "v8"
    manifest_desc = layout.blob(canonical(manifest), MEDIA_MANIFEST, platform=platform,
                                annotations={"org.opencontainers.image.ref.name": "latest"})
    layout.write("index.json", canonical({"schemaVersion": 2, "mediaType": MEDIA_INDEX, "manifests": [manifest_desc]}))
    layout.archive(args.archive)


def cmd_index(args):
    layout = Layout(args.layout)
    manifests = []
    for image in args.images:
        files = read_archive(image)
        for name, data in files.items():
            if name.startswith("blobs/"):
                layout.write(name, data)
        for desc in json.loads(files["index.json"])["manifests"]:
            desc = dict(desc)
            desc.pop("annotations", None)
            manifests.append(desc)
    manifests.sort(key=lambda d: (d["platform"]["architecture"], d["digest"]))
    index = {"schemaVersion": 2, "mediaType": MEDIA_INDEX, "manifests": manifests}
    index_desc = layout.blob(canonical(index), MEDIA_INDEX, annotations={"org.opencontainers.image.ref.name": "latest"})
    layout.write("index.json", canonical({"schemaVersion": 2, "mediaType": MEDIA_INDEX, "manifests": [index_desc]}))
    layout.archive(args.archive)


def cmd_docker(args):
    files = read_archive(args.image)
    top = json.loads(files["index.json"])["manifests"][0]
    blob = lambda d: files["blobs/sha256/" + d["digest"].split(":")[1]]
    manifest = json.loads(blob(top))
    config = blob(manifest["config"])
    entries = []
    layers = []
    for layer in manifest["layers"]:
        data = gzip.decompress(blob(layer))
        name = hashlib.sha256(data).hexdigest() + "/layer.tar"
        entries.append((name.split("/")[0], None, 0o755))
        entries.append((name, data, 0o644))
        layers.append(name)
    config_name = manifest["config"]["digest"].split(":")[1] + ".json"
    entries.append((config_name, config, 0o644))
    entries.append(("manifest.json", json.dumps([{"Config": config_name, "RepoTags": [args.tag], "Layers": layers}],
                                                 sort_keys=True).encode(), 0o644))
    with open(args.out, "wb") as f:
        f.write(tar_bytes(entries))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("image")
    p.add_argument("--bootstrap", required=True)
    p.add_argument("--arch", required=True, choices=["arm64", "amd64"])
    p.add_argument("--layout", required=True)
    p.add_argument("--archive", required=True)
    p.add_argument("--layer", required=True)
    p = sub.add_parser("index")
    p.add_argument("--layout", required=True)
    p.add_argument("--archive", required=True)
    p.add_argument("images", nargs="+")
    p = sub.add_parser("docker")
    p.add_argument("--image", required=True)
    p.add_argument("--tag", required=True)
    p.add_argument("--out", required=True)
    args = parser.parse_args()
    {"image": cmd_image, "index": cmd_index, "docker": cmd_docker}[args.command](args)


if __name__ == "__main__":
    main()
