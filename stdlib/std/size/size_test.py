"""What std::base64 and std::bytes (written in Ruchy) add to the hello bootstrap.

    size_test.py --budget=BYTES ARCH:BASELINE:VARIANT ...

BASELINE is examples/hello's stripped release bootstrap, VARIANT the same handler using
std::base64 and std::bytes (hello_base64.ruchy). Prints both sizes and the difference per
architecture; fails when the difference exceeds the budget.
"""
import argparse
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=int, required=True)
    parser.add_argument("pairs", nargs="+")
    args = parser.parse_args()
    failed = False
    for pair in args.pairs:
        arch, baseline, variant = pair.split(":")
        base, var = os.path.getsize(baseline), os.path.getsize(variant)
        delta = var - base
        print("%s: hello bootstrap %d bytes, with std::base64 + std::bytes %d bytes: %+d (budget %d)" % (
            arch, base, var, delta, args.budget))
        if delta > args.budget:
            failed = True
    if failed:
        sys.exit("std::base64 + std::bytes grew the bootstrap past the budget")


if __name__ == "__main__":
    main()
