"""Writes the checkpoints of the orchid-export tests, and compares outputs.

    checkpoints.py write DIR     # the checkpoints, inputs, expected outputs
    checkpoints.py compare Y.npy EXPECTED.npy NAME

`write` saves a Hyena and an Orchid layer of random, perturbed weights as
a model would hold them (under `backbone.layers.N.mixer.`), in the forms
orchid-export must read or reject: float32, float16 and bfloat16
state_dicts, a Lightning checkpoint, one holding a pickled object, one
with an unknown parameter, and a truncated file. For the readable ones it
writes the input `x.npy` and the module's float64 output on the weights as
stored (rounded to the checkpoint's precision).
"""

import argparse
import os
import sys

import numpy as np
import torch

from orchid.testing import modules

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare_layers import perturb  # noqa: E402


def layer(kind, seed):
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(seed)
    if kind == "hyena":
        module = modules.HyenaOperator(4, 16, filter_order=8)
    else:
        module = modules.OrchidOperator(4, 16, filter_order=8,
                                        conditioning="correlation")
    perturb(module, torch.Generator().manual_seed(seed))
    return module


def fresh(kind):
    return layer(kind, 1 if kind == "hyena" else 2)


def model_state(module, dtype, layer_index=0):
    """The layer inside a model: every key under backbone.layers.N.mixer."""
    prefix = "backbone.layers.%d.mixer." % layer_index
    state = {prefix + k: v.to(dtype) for k, v in module.state_dict().items()}
    state["backbone.embedding.weight"] = torch.randn(10, 4).to(dtype)
    return state


def expected(module, state, directory, name, length=16):
    """x.npy and the module's output with the weights as stored."""
    prefix = "backbone.layers.0.mixer."
    if any(k.startswith("model.") for k in state):
        prefix = "model." + prefix
    # t stays the formula (the compiler computes it; orchid-export checks
    # the stored one within the rounding of its dtype).
    module.load_state_dict({k[len(prefix):]: v.double() for k, v in
                            state.items() if k.startswith(prefix)
                            and not k.endswith("pos_emb.t")}, strict=False)
    x = torch.randn(1, length, 4).float().double()
    with torch.no_grad():
        y = module(x).numpy()
    np.save(os.path.join(directory, name + "-x.npy"),
            x.numpy().astype(np.float32))
    np.save(os.path.join(directory, name + "-expected.npy"), y)


def write(directory):
    os.makedirs(directory, exist_ok=True)
    path = lambda name: os.path.join(directory, name + ".pt")
    hyena, orchid = fresh("hyena"), fresh("orchid")

    state = model_state(fresh("hyena"), torch.float32)
    torch.save(state, path("hyena-f32"))
    expected(hyena, state, directory, "hyena-f32")
    with open(path("hyena-f32"), "rb") as f:
        data = f.read()
    with open(path("truncated"), "wb") as f:
        f.write(data[: len(data) // 2])

    state = model_state(fresh("hyena"), torch.float16)
    torch.save(state, path("hyena-f16"))
    expected(hyena, state, directory, "hyena-f16")

    state = model_state(fresh("orchid"), torch.bfloat16)
    torch.save(state, path("orchid-bf16"))
    expected(orchid, state, directory, "orchid-bf16")

    state = {"model." + k: v for k, v in
             model_state(fresh("orchid"), torch.float32).items()}
    torch.save({"state_dict": state, "epoch": 3, "global_step": 120,
                "pytorch-lightning_version": "2.1.0"}, path("lightning"))
    expected(orchid, state, directory, "lightning")

    torch.save({"state_dict": model_state(fresh("hyena"), torch.float32),
                "hyper_parameters": argparse.Namespace(d_model=4)},
               path("pickled"))

    state = model_state(fresh("hyena"), torch.float32)
    state["backbone.layers.0.mixer.filter_fn.pos_emb.extra"] = torch.zeros(3)
    torch.save(state, path("unknown"))


def compare(result, reference, name):
    y = np.load(result).astype(np.float64)
    ref = np.load(reference)
    error = np.linalg.norm(y - ref) / np.linalg.norm(ref)
    print("%s: relative L2 %.2e %s 1e-05" % (
        name, error, "<=" if error <= 1e-5 else "EXCEEDS"))
    return 0 if error <= 1e-5 else 1


def main():
    if sys.argv[1] == "write":
        write(sys.argv[2])
        return 0
    return compare(*sys.argv[2:5])


if __name__ == "__main__":
    sys.exit(main())
