"""Compares compiled Hyena and Orchid layers with the PyTorch modules.

For each case of a group: build the PyTorch module (orchid.testing.modules)
in float64, perturb every stored tensor (weights, biases, z, deltas, Sin
frequencies, LayerNorms) as training would, round it to float32, export it
with orchid-export (the module-object API, or the command line on a saved
checkpoint), run the exported .mlir with orchid-run and print the relative
L2 error of its output against the module's float64 output:

    compare_layers.py GROUP --orchid-run=PATH --export=PATH --work=DIR

Exits non-zero when a case exceeds the tolerance or a tool fails.
"""

import argparse
import json
import os
import subprocess
import sys

import numpy as np
import torch

from orchid import export
from orchid.testing import modules

TOLERANCE = 1e-5


def perturb(module, generator):
    """Moves every stored tensor away from its initial value."""
    with torch.no_grad():
        for name, value in module.state_dict(keep_vars=True).items():
            noise = torch.randn(value.shape, generator=generator,
                                dtype=value.dtype)
            if name.endswith("pos_emb.t"):
                continue  # a buffer the originals derive and never train
            if name.endswith("pos_emb.z"):
                value += 0.05 * noise
            elif name.endswith("modulation.deltas"):
                value *= torch.exp(0.3 * noise)
            elif name.endswith(".freq"):
                value += 0.3 * noise
            elif "norm_conv_kernel" in name:
                value += 0.2 * noise
            else:
                value += 0.1 * noise
            value.copy_(value.float().double())


HYENA = dict(d_model=4, filter_order=8)
ORCHID = dict(d_model=4, filter_order=8)


def hyena(name, l_max, length, batch=1, **kwargs):
    args = dict(HYENA, l_max=l_max)
    args.update(kwargs)
    return name, "hyena", args, length, batch


def orchid(name, l_max, length, batch=1, **kwargs):
    args = dict(ORCHID, l_max=l_max)
    args.update(kwargs)
    return name, "orchid", args, length, batch


GROUPS = {
    # Every switch of the Hyena filter, on and off.
    "hyena-switches": [
        hyena("hyena_defaults", 16, 16),
        hyena("hyena_no_bias", 16, 16, bias=False),
        hyena("hyena_no_modulate", 16, 16, modulate=False),
        hyena("hyena_normalized", 16, 16, normalized=True),
        hyena("hyena_shift", 16, 16, shift=0.05, batch=2),
        hyena("hyena_all_off", 16, 16, bias=False, modulate=False),
        hyena("hyena_all_on", 16, 16, normalized=True, shift=0.1),
        hyena("hyena_modulation_lr", 16, 16, modulation_lr=1e-3),
    ],
    # Orders 2 to 4, both filter-channel layouts, short and awkward lengths.
    "hyena-orders": [
        hyena("hyena_n2_interleaved_l7", 16, 7),
        hyena("hyena_n2_blocked_l13", 16, 13, layout="blocked", batch=2),
        hyena("hyena_n3_interleaved_l13", 16, 13, order=3),
        hyena("hyena_n3_blocked_l16", 16, 16, order=3, layout="blocked",
              normalized=True),
        hyena("hyena_n4_interleaved_l100", 128, 100, order=4, batch=2),
        hyena("hyena_n4_blocked_l7", 16, 7, order=4, layout="blocked",
              modulate=False),
        hyena("hyena_n3_emb5_inner1", 16, 13, order=3, emb_dim=5,
              num_inner_mlps=1),
    ],
    # Both conditioning kinds with every switch; the original's causal
    # conditioning and circular convolution are the defaults.
    "orchid-switches": [
        orchid("orchid_spectral_defaults", 16, 16),
        orchid("orchid_correlation_defaults", 16, 16,
               conditioning="correlation"),
        orchid("orchid_spectral_noncausal_cond", 16, 16, cond_causal=False),
        orchid("orchid_correlation_noncausal_cond", 16, 16,
               conditioning="correlation", cond_causal=False, batch=2),
        orchid("orchid_spectral_alpha_b2", 16, 13, alpha_adapt=0.5, batch=2),
        orchid("orchid_correlation_causal_cond_b2", 16, 13,
               conditioning="correlation", batch=2),
        orchid("orchid_spectral_causal_mode", 16, 16, mode="causal"),
        orchid("orchid_correlation_causal_mode", 16, 13,
               conditioning="correlation", mode="causal", cond_causal=False),
        orchid("orchid_spectral_switches_off", 16, 16, bias=False,
               modulate=False, sconv=False),
        orchid("orchid_spectral_switches_on", 16, 16, normalized=True,
               shift=0.05, w_mod=10.0, w=0.1, short_kernel_size=5),
        orchid("orchid_correlation_residual_differs", 16, 16,
               conditioning="correlation", normalized=True,
               res_filter_args=dict(order=6, bias=False, normalized=False,
                                    modulate=False)),
        orchid("orchid_correlation_cond_kernel5", 16, 16,
               conditioning="correlation", cond_kernel_size=5),
    ],
    # Bidirectional static filters; lengths below, at and above l_max
    # (Orchid's rule: static kernels of l_max taps), awkward lengths.
    "orchid-lengths": [
        orchid("orchid_spectral_bidirectional", 16, 16, bidirectional=True),
        orchid("orchid_correlation_bidirectional_b2", 16, 13,
               conditioning="correlation", bidirectional=True, batch=2),
        orchid("orchid_spectral_bidirectional_noncausal_cond", 16, 7,
               bidirectional=True, cond_causal=False),
        orchid("orchid_spectral_l7_below", 16, 7),
        orchid("orchid_spectral_l20_above", 16, 20),
        orchid("orchid_correlation_l100_above", 64, 100,
               conditioning="correlation"),
        orchid("orchid_spectral_bidirectional_l20_above", 16, 20,
               bidirectional=True),
        orchid("orchid_correlation_l13_above_noncausal", 8, 13,
               conditioning="correlation", cond_causal=False),
        orchid("orchid_spectral_n3", 16, 13, order=3),
        orchid("orchid_correlation_n3", 16, 13, order=3,
               conditioning="correlation"),
    ],
}

# Cases exported through the command line from a saved checkpoint (with
# the configuration a user would write), the others through the API.
CLI_CASES = {"hyena_n2_blocked_l13", "hyena_no_modulate",
             "orchid_correlation_noncausal_cond", "orchid_spectral_bidirectional"}
# Constructor arguments that are switches, as a configuration names them.
CONFIG_KEYS = set(export.FILTER_SWITCHES) | {
    "layout", "mode", "cond_causal", "alpha_adapt"}


def build(kind, args):
    torch.set_default_dtype(torch.float64)
    args = dict(args)
    if kind == "hyena":
        return modules.HyenaOperator(**args)
    return modules.OrchidOperator(**args)


def run_case(case, tools, work, seed):
    name, kind, args, length, batch = case
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    module = build(kind, args)
    perturb(module, generator)
    x = torch.randn(batch, length, args["d_model"], generator=generator)
    x = x.float().double()
    with torch.no_grad():
        expected = module(x).numpy()
    case_dir = os.path.join(work, name)
    os.makedirs(case_dir, exist_ok=True)
    out = os.path.join(case_dir, "layer")
    if name in CLI_CASES:
        checkpoint = os.path.join(case_dir, "model.pt")
        torch.save(module.state_dict(), checkpoint)
        # As a training configuration would spell it: the switches, sizes
        # (checked against the weights) and keys that only matter for
        # training.
        config = {k: v for k, v in args.items() if k in CONFIG_KEYS}
        config.update((k, args[k]) for k in ("d_model", "l_max",
                                             "filter_order") if k in args)
        config.update(_name_=kind, lr=1e-3, lr_pos_emb=1e-5, dropout=0.0)
        with open(os.path.join(case_dir, "config.json"), "w") as f:
            json.dump(config, f)
        subprocess.run([tools.export, checkpoint, "--config",
                        os.path.join(case_dir, "config.json"), "--seq-len",
                        str(length), "--batch", str(batch), "-o", out,
                        "--force"], check=True, stdout=subprocess.DEVNULL,
                       env=dict(os.environ, ORCHID_PYTHON=sys.executable))
        mlir = os.path.join(out, kind + ".mlir")
    else:
        mlir = export.export(module, out, seq_len=length, batch=batch,
                             force=True)
    np.save(os.path.join(case_dir, "x.npy"), x.numpy().astype(np.float32))
    result = os.path.join(case_dir, "y.npy")
    run = subprocess.run([tools.orchid_run, mlir, "--weights=" + out,
                          "--input=" + os.path.join(case_dir, "x.npy"),
                          "--prepare", "--output=" + result],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print("%s: orchid-run failed: %s" % (name, run.stderr.strip()))
        return False
    y = np.load(result).astype(np.float64)
    error = np.linalg.norm(y - expected) / np.linalg.norm(expected)
    ok = error <= TOLERANCE
    print("%s: relative L2 %.2e %s %.0e" % (name, error,
                                            "<=" if ok else "EXCEEDS",
                                            TOLERANCE))
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("group", choices=sorted(GROUPS))
    parser.add_argument("--orchid-run", dest="orchid_run", required=True)
    parser.add_argument("--export", required=True,
                        help="the orchid-export launcher")
    parser.add_argument("--work", required=True)
    parser.add_argument("--only", help="run only this case")
    tools = parser.parse_args()
    ok = True
    for seed, case in enumerate(GROUPS[tools.group], start=1):
        if tools.only and case[0] != tools.only:
            continue
        ok = run_case(case, tools, tools.work, seed) and ok
    sys.stdout.flush()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
