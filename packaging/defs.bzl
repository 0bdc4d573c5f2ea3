"""Public rules for packaging Lambda functions. Implementations live in packaging/private/."""

load("//packaging/private:size_budget.bzl", _size_budget_test = "size_budget_test")

size_budget_test = _size_budget_test
