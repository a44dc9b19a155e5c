#!/usr/bin/env python3
"""Runs ptxas on every PTX object of the gpu.binary ops read from stdin.

gpu-module-to-binary with format=isa stores each kernel module's PTX as an
escaped string attribute (`assembly = "..."`); this extracts each one to a
temporary file and assembles it, then prints one summary line.
"""

import argparse
import re
import subprocess
import sys
import tempfile


def unescape(text):
    # MLIR prints non-printable and special bytes in strings as \XX (hex).
    out = bytearray()
    i = 0
    while i < len(text):
        if text[i] == "\\":
            out += bytes.fromhex(text[i + 1:i + 3])
            i += 3
        else:
            out += text[i].encode()
            i += 1
    return out.decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ptxas", required=True)
    parser.add_argument("--arch", default="sm_90")
    args = parser.parse_args()
    objects = re.findall(r'assembly = "((?:[^"\\]|\\[0-9A-Fa-f]{2})*)"',
                         sys.stdin.read())
    for ptx in objects:
        with tempfile.NamedTemporaryFile("w", suffix=".ptx") as f:
            f.write(unescape(ptx))
            f.flush()
            result = subprocess.run(
                [args.ptxas, "-arch=" + args.arch, f.name, "-o", "/dev/null"],
                capture_output=True, text=True)
            if result.returncode != 0:
                sys.stderr.write(result.stderr)
                print("ptxas failed")
                return 1
    print("ptxas: %d PTX modules assembled" % len(objects))
    return 0 if objects else 1


if __name__ == "__main__":
    sys.exit(main())
