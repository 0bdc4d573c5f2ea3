"""rules_proto for Bazel 4.2.3 without a download: the native proto rules, re-exported."""

proto_library = native.proto_library
proto_lang_toolchain = native.proto_lang_toolchain
