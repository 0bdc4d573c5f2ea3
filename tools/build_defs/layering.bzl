"""no_dependency_test: proves with a build-time query that one part of the tree does not depend on
another (layering that must hold, e.g. the compiler never links the standard library)."""

def no_dependency_test(name, roots, forbidden, why, **kwargs):
    """Fails when any of `roots` depends (through any attribute, data included) on a target whose
    label matches the regular expression `forbidden`.

    Args:
      name: the test's name.
      roots: labels whose transitive dependencies are examined.
      forbidden: a regular expression over labels (`filter()` syntax of `bazel query`).
      why: one line printed on failure: the rule that was broken.
      **kwargs: passed to the sh_test.
    """
    query = name + "_query"
    native.genquery(
        name = query,
        expression = 'filter("%s", deps(set(%s)))' % (forbidden, " ".join([str(r) for r in roots])),
        scope = roots,
        testonly = True,
    )
    native.sh_test(
        name = name,
        srcs = [Label("//tools/build_defs:expect_empty.sh")],
        args = ["$(rootpath :%s)" % query, "'%s'" % why],
        data = [":" + query],
        **kwargs
    )
