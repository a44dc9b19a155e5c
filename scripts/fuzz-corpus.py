#!/usr/bin/env python3
"""Writes a seed corpus for the fuzz targets from the test suite.

Usage: fuzz-corpus.py SOURCE_ROOT OUT_DIR

OUT_DIR/mlir gets one file per `// -----` section of every .mlir file under
test/ and examples/ (RUN and CHECK lines dropped: the fuzzer mutates
programs, not test scripts); OUT_DIR/npy gets small .npy files of every
dtype and rank the reader accepts.
"""
import os
import re
import struct
import sys


def mlir_seeds(root):
    for top in ("test", "examples"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if not name.endswith(".mlir"):
                    continue
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    text = f.read()
                for section in re.split(r"^// -----\s*$", text, flags=re.M):
                    body = "\n".join(
                        line for line in section.splitlines()
                        if not re.match(r"\s*//\s*(RUN|CHECK|[A-Z0-9-]+:)", line))
                    if body.strip():
                        yield body + "\n"


def npy(descr, shape, payload):
    dims = ",".join(str(d) for d in shape) + ("," if len(shape) == 1 else "")
    header = "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }" % (descr, dims)
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + payload


def npy_seeds():
    yield npy("<f4", (2, 3), struct.pack("<6f", *range(6)))
    yield npy("<f8", (3,), struct.pack("<3d", 0.5, -1.0, 2.0))
    yield npy("<c8", (1, 2, 1), struct.pack("<4f", 1, 2, 3, -4))
    yield npy("<f4", (), struct.pack("<f", 7))
    yield npy("<f4", (0, 4), b"")


def main():
    root, out = sys.argv[1], sys.argv[2]
    for kind, seeds in (("mlir", mlir_seeds(root)), ("npy", npy_seeds())):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
        count = 0
        for count, seed in enumerate(seeds, 1):
            mode = "w" if kind == "mlir" else "wb"
            with open(os.path.join(out, kind, "seed-%04d" % count), mode) as f:
                f.write(seed)
        print("%s: %d seeds in %s" % (kind, count, os.path.join(out, kind)))


if __name__ == "__main__":
    main()
