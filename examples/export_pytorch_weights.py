#!/usr/bin/env python3
"""Writes the weights of a PyTorch Hyena layer as a directory for orchid-run.

Reads a state_dict saved with torch.save (or a checkpoint holding one under
"state_dict" or "model"), takes the parameters of one Hyena operator (the
keys under --prefix) and writes one float32 .npy file per weight of
`orchid.hyena`, named and laid out as docs/weights.md documents them:

    python3 examples/export_pytorch_weights.py model.ckpt weights \\
        --prefix backbone.layers.0.mixer.
    orchid-run hyena.mlir --weights=weights --input=x.npy --prepare ...

The hyperparameters (order, l_max, the filter configuration) are attributes
of the op in the .mlir file, not weights. Needs torch and numpy.
"""

import argparse
import os
import re
import sys

import numpy as np


def to_numpy(value):
    """A float32 C-order copy of a tensor or array."""
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.ascontiguousarray(value, dtype=np.float32)


def hyena_weights(state, prefix=""):
    """Maps a Hyena operator's state_dict entries to the documented names.

    `state` maps parameter names to tensors or arrays; the implicit filter
    is `filter_fn.implicit_filter`: Linear, Sin, (Linear, Sin) * M, Linear.
    """

    def get(key):
        if prefix + key not in state:
            raise KeyError("no parameter '%s%s' in the state_dict" % (prefix, key))
        return to_numpy(state[prefix + key])

    ffn = "filter_fn.implicit_filter."
    linear = sorted(
        int(m.group(1))
        for key in state
        for m in [re.fullmatch(re.escape(prefix + ffn) + r"(\d+)\.weight", key)]
        if m
    )
    if len(linear) < 2 or linear != list(range(0, 2 * len(linear), 2)):
        raise KeyError(
            "expected the Linear layers of '%s%s' at indices 0, 2, 4, ..., "
            "found %s" % (prefix, ffn, linear)
        )
    inner = linear[1:-1]
    width = get(ffn + "0.weight").shape[0]
    weights = {
        "in_proj_weight": get("in_proj.weight"),
        "in_proj_bias": get("in_proj.bias"),
        "short_filter_weight": get("short_filter.weight")[:, 0, :],
        "short_filter_bias": get("short_filter.bias"),
        "filter_w_in": get(ffn + "0.weight"),
        "filter_b_in": get(ffn + "0.bias"),
        "filter_w_inner": np.array(
            [get(ffn + "%d.weight" % i) for i in inner], dtype=np.float32
        ).reshape(len(inner), width, width),
        "filter_b_inner": np.array(
            [get(ffn + "%d.bias" % i) for i in inner], dtype=np.float32
        ).reshape(len(inner), width),
        "filter_freq": np.stack(
            [get(ffn + "%d.freq" % (i + 1)).reshape(width) for i in linear[:-1]]
        ),
        "filter_w_out": get(ffn + "%d.weight" % linear[-1]),
        "filter_bias": get("filter_fn.bias"),
        "out_proj_weight": get("out_proj.weight"),
        "out_proj_bias": get("out_proj.bias"),
    }
    return {name: np.ascontiguousarray(w) for name, w in weights.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", help="file written by torch.save")
    parser.add_argument("directory", help="where to write <name>.npy")
    parser.add_argument(
        "--prefix",
        default="",
        help="key prefix of the Hyena operator in the state_dict, "
        "e.g. 'backbone.layers.0.mixer.'",
    )
    args = parser.parse_args()

    import torch

    state = torch.load(args.checkpoint, map_location="cpu")
    for key in ("state_dict", "model"):
        if isinstance(state, dict) and isinstance(state.get(key), dict):
            state = state[key]
    try:
        weights = hyena_weights(state, args.prefix)
    except KeyError as error:
        sys.exit("%s: %s" % (parser.prog, error.args[0]))
    os.makedirs(args.directory, exist_ok=True)
    for name, array in weights.items():
        np.save(os.path.join(args.directory, name + ".npy"), array)
        print("%s %s" % (name, "x".join(map(str, array.shape))))


if __name__ == "__main__":
    main()
