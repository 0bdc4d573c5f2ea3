"""Public rules for packaging Lambda functions. Implementations live in packaging/private/.

    load("@ruchy_lambda//packaging:defs.bzl", "ruchy_lambda_function")

    ruchy_lambda_function(
        name = "hello",
        src = "hello.ruchy",
        zip_budgets = {"arm64": 900000, "x86_64": 1000000},
    )
"""

load("//packaging/private:function.bzl", _cc_lambda_function = "cc_lambda_function", _ruchy_lambda_function = "ruchy_lambda_function")
load("//packaging/private:oci.bzl", _container_index = "container_index", _docker_archive = "docker_archive", _oci_image = "oci_image")
load("//packaging/private:release.bzl", _release = "release")
load("//packaging/private:serve.bzl", _serve_functions = "serve_functions")
load("//packaging/private:size_budget.bzl", _size_budget_test = "size_budget_test")
load("//packaging/private:zip.bzl", _lambda_zip = "lambda_zip")

lambda_zip = _lambda_zip
size_budget_test = _size_budget_test
ruchy_lambda_function = _ruchy_lambda_function
cc_lambda_function = _cc_lambda_function
oci_image = _oci_image
container_index = _container_index
docker_archive = _docker_archive
release = _release
serve_functions = _serve_functions
