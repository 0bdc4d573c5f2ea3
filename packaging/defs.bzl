"""Public rules for packaging Lambda functions. Implementations live in packaging/private/."""

load("//packaging/private:size_budget.bzl", _size_budget_test = "size_budget_test")
load("//packaging/private:zip.bzl", _lambda_zip = "lambda_zip")

lambda_zip = _lambda_zip
size_budget_test = _size_budget_test
