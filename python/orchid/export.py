"""orchid-export: a PyTorch Hyena or Orchid layer as orchid-run input.

Writes a directory holding one float32 `.npy` file per weight, named and
laid out as docs/weights.md documents them, and `<function>.mlir`, the
layer as an `orchid.hyena` or `orchid.orchid` op whose attributes all come
from the layer's configuration (and the shapes of its weights), so that
nobody types an attribute by hand:

    python3 -m orchid.export model.ckpt --prefix backbone.layers.0.mixer. \\
        --config layer.json --seq-len 1024 -o layer
    orchid-run layer/hyena.mlir --weights=layer --input=x.npy --prepare ...

From Python, `export(module, directory, seq_len=...)` does the same for a
module object (its configuration read from the module itself), and
`export(state_dict, directory, config=..., prefix=...)` for a state_dict.

Supported: safari's HyenaOperator (filter channels interleaved, `(v o)`),
the standalone Hyena module (blocked, `(o d)`: `layout = "blocked"`), and
Orchid's operator (both conditioning kinds, bidirectional static filters,
the residual long convolution). Every entry of the state_dict under the
prefix must be understood: an unknown one is an error, never dropped.
"""

import argparse
import inspect
import json
import math
import os
import pickle
import re
import shutil
import sys
import tempfile

import numpy as np


class ExportError(Exception):
    """A checkpoint or configuration that cannot be exported as asked."""


# Configuration keys of each layer and their defaults (the originals').
FILTER_SWITCHES = {
    "bias": True,
    "modulate": True,
    "normalized": False,
    "shift": 0.0,
    "w_mod": 1.0,
    "fast_decay_pct": 0.3,
    "slow_decay_pct": 1.5,
    "target": 1e-2,
}
HYENA_DEFAULTS = dict(FILTER_SWITCHES, layout="interleaved", grid="reject")
ORCHID_DEFAULTS = dict(
    FILTER_SWITCHES,
    cond_causal=True,
    alpha_adapt=1.0,
    mode="circular",
    layer_norm_eps=1e-5,
    residual=None,
)
# Sizes read from the weights; a configuration may repeat them (checked).
SHAPE_KEYS = ("d_model", "l_max", "order", "filter_order", "emb_dim",
              "num_inner_mlps", "short_kernel_size", "cond_kernel_size",
              "conditioning", "sconv", "bidirectional")
# Keys that only matter for training, initialisation or the choice of
# kernels (safari's fused and jitted variants compute the same function).
TRAINING_KEYS = ("lr", "lr_pos_emb", "modulation_lr", "wd", "dropout",
                 "filter_dropout", "fused_fft_conv", "w", "train_freq",
                 "_name_", "layer", "channels", "jit_filter", "return_state",
                 "fused_bias_fc")
# Keys of safari's HyenaOperator that change the computation: only their
# defaults are expressible.
HYENA_FIXED = {"num_heads": 1, "num_blocks": 1, "inner_factor": 1,
               "outer_mixing": False, "post_order_ffn": False,
               "activation": "id", "short_filter_order": 3}


def _to_float32(key, value):
    """A float32 C-order array of a tensor (any float dtype, bf16 too)."""
    if hasattr(value, "detach"):
        if not value.is_floating_point():
            raise ExportError("'%s' has dtype %s, not a floating-point "
                              "type" % (key, value.dtype))
        import torch
        value = value.detach().to(device="cpu", dtype=torch.float32).numpy()
    value = np.asarray(value)
    if value.dtype.kind != "f":
        raise ExportError("'%s' has dtype %s, not a floating-point type"
                          % (key, value.dtype))
    return np.ascontiguousarray(value, dtype=np.float32)


class StateReader:
    """The entries of a state_dict under a prefix; remembers which were
    read so that the rest can be reported."""

    def __init__(self, state, prefix):
        self.prefix = prefix
        self.entries = {k[len(prefix):]: v for k, v in state.items()
                        if k.startswith(prefix)}
        self.used = set()

    def has(self, key):
        return key in self.entries

    def get(self, key, shape=None):
        if key not in self.entries:
            raise ExportError("no parameter '%s%s' in the checkpoint"
                              % (self.prefix, key))
        self.used.add(key)
        array = _to_float32(self.prefix + key, self.entries[key])
        if shape is not None and tuple(array.shape) != tuple(shape):
            raise ExportError("'%s%s' has shape %s, expected %s" % (
                self.prefix, key, "x".join(map(str, array.shape)),
                "x".join(map(str, shape))))
        return array

    def epsilon(self, key):
        """The machine epsilon of the stored dtype of an entry."""
        value = self.entries[key]
        if hasattr(value, "dtype") and hasattr(value, "detach"):
            import torch
            return torch.finfo(value.dtype).eps
        return float(np.finfo(np.asarray(value).dtype).eps)

    def indices(self, key):
        """The sorted layer indices i of '<key>.<i>.weight'."""
        pattern = re.compile(re.escape(key) + r"\.(\d+)\.weight")
        return sorted(int(m.group(1)) for k in self.entries
                      for m in [pattern.fullmatch(k)] if m)

    def check_all_used(self):
        unknown = sorted(k for k in self.entries if k not in self.used)
        if unknown:
            raise ExportError(
                "parameters that orchid-export does not understand: %s"
                % ", ".join(self.prefix + k for k in unknown))


def _check_size(config, key, value):
    """Takes a size from the weights; a configured one must agree."""
    given = config.get(key)
    if given is not None and given != value:
        raise ExportError("the configuration says %s = %r but the weights "
                          "give %r" % (key, given, value))
    config[key] = value


def _read_filter(reader, base, out_features, config, reverse=False):
    """The implicit filter under `base`: its FFN (and, with `reverse`,
    `implicit_filter_rev`), the stored z and deltas, the skip bias."""
    ffn = base + ("implicit_filter_rev" if reverse else "implicit_filter")
    linear = reader.indices(ffn)
    if len(linear) < 2 or linear != list(range(0, 2 * len(linear), 2)):
        raise ExportError("expected the Linear layers of '%s%s' at indices "
                          "0, 2, 4, ..., found %s" % (reader.prefix, ffn,
                                                      linear))
    w_in = reader.get("%s.0.weight" % ffn)
    width, emb = w_in.shape
    inner = linear[1:-1]
    weights = {
        "w_in": w_in,
        "b_in": reader.get("%s.0.bias" % ffn, (width,)),
        "w_inner": np.stack([reader.get("%s.%d.weight" % (ffn, i),
                                        (width, width)) for i in inner])
        .reshape(len(inner), width, width),
        "b_inner": np.stack([reader.get("%s.%d.bias" % (ffn, i), (width,))
                             for i in inner]).reshape(len(inner), width),
        "freq": np.stack([reader.get("%s.%d.freq" % (ffn, i + 1)).reshape(-1)
                          for i in linear[:-1]]),
        "w_out": reader.get("%s.%d.weight" % (ffn, linear[-1]),
                            (out_features, width)),
    }
    if weights["freq"].shape[1] != width:
        raise ExportError("the Sin frequencies of '%s%s' do not have %d "
                          "features" % (reader.prefix, ffn, width))
    if reader.has("%s.%d.bias" % (ffn, linear[-1])):
        raise ExportError("'%s%s.%d' has a bias; the originals' last filter "
                          "layer has none" % (reader.prefix, ffn, linear[-1]))
    if reverse:
        return weights, (width, emb, len(inner))
    weights["bias"] = reader.get(base + "bias", (out_features,))
    if reader.has(base + "pos_emb.z"):
        z = reader.get(base + "pos_emb.z")
        if z.ndim != 3 or z.shape[0] != 1 or z.shape[2] != emb:
            raise ExportError("'%s%spos_emb.z' has shape %s, expected "
                              "1 x l_max x %d" % (reader.prefix, base,
                                                  "x".join(map(str, z.shape)),
                                                  emb))
        weights["z"] = z[0]
    if reader.has(base + "pos_emb.t"):
        t = reader.get(base + "pos_emb.t").reshape(-1)
        expected = np.linspace(0.0, 1.0, t.size)
        # Within the rounding of the stored dtype (fp16, bf16 checkpoints).
        tolerance = max(1e-6, reader.epsilon(base + "pos_emb.t"))
        if not np.allclose(t, expected, rtol=0, atol=tolerance):
            raise ExportError(
                "'%s%spos_emb.t' is not linspace(0, 1, l_max): the compiler "
                "computes t by that formula" % (reader.prefix, base))
        weights["t_size"] = t.size
    if reader.has(base + "modulation.deltas"):
        weights["deltas"] = reader.get(base + "modulation.deltas",
                                       (1, 1, out_features)).reshape(-1)
    return weights, (width, emb, len(inner))


def _filter_sizes(config, shapes, l_max_rows):
    width, emb, inner = shapes
    _check_size(config, "filter_order", width)
    _check_size(config, "emb_dim", emb)
    _check_size(config, "num_inner_mlps", inner)
    if l_max_rows is not None:
        _check_size(config, "l_max", l_max_rows)
    if config.get("l_max") is None:
        raise ExportError("the checkpoint stores no positional embedding: "
                          "give l_max in the configuration")


def _deltas_formula(config, features):
    """ExponentialModulation's deltas for a filter of `features` outputs."""
    target = config["target"]
    return np.linspace(math.log(target) / config["slow_decay_pct"],
                       math.log(target) / config["fast_decay_pct"],
                       features).astype(np.float32)


def _merge(defaults, config, extra_keys=()):
    """The defaults overridden by the configuration; unknown keys fail."""
    merged = dict(defaults)
    for key, value in config.items():
        if key in defaults or key in SHAPE_KEYS or key in extra_keys:
            merged[key] = value
        elif key in TRAINING_KEYS:
            continue
        else:
            raise ExportError("unknown configuration key '%s'" % key)
    return merged


def hyena_layer(state, config, prefix=""):
    """The weights (name -> array, in operand order) and configuration of
    a Hyena operator; `config` holds the switches not visible in weights."""
    config = _merge(HYENA_DEFAULTS, config, HYENA_FIXED)
    for key, default in HYENA_FIXED.items():
        value = config.pop(key, default)
        if value != default:
            raise ExportError("%s = %r is not supported (only %r)"
                              % (key, value, default))
    if config["layout"] not in ("interleaved", "blocked"):
        raise ExportError("layout must be 'interleaved' (safari, '(v o)') "
                          "or 'blocked' (standalone, '(o d)'), not %r"
                          % config["layout"])
    reader = StateReader(state, prefix)
    in_w = reader.get("in_proj.weight")
    d = in_w.shape[1]
    if in_w.shape[0] % d or in_w.shape[0] // d < 3:
        raise ExportError("in_proj.weight has shape %s: not (N+1)D x D with "
                          "N >= 2" % "x".join(map(str, in_w.shape)))
    order = in_w.shape[0] // d - 1
    _check_size(config, "d_model", d)
    _check_size(config, "order", order)
    wide, c = (order + 1) * d, (order - 1) * d
    short_w = reader.get("short_filter.weight")
    if short_w.ndim != 3 or short_w.shape[:2] != (wide, 1):
        raise ExportError("short_filter.weight has shape %s, expected "
                          "%d x 1 x K" % ("x".join(map(str, short_w.shape)),
                                          wide))
    flt, shapes = _read_filter(reader, "filter_fn.", c, config)
    _filter_sizes(config, shapes,
                  flt["z"].shape[0] if "z" in flt else flt.get("t_size"))
    if "deltas" not in flt:
        flt["deltas"] = _deltas_formula(config, c)
    if config["layout"] == "blocked":
        # Feature o D + d of the standalone module is d (N-1) + o here.
        perm = [o * d + i for i in range(d) for o in range(order - 1)]
        for key in ("w_out", "bias", "deltas"):
            flt[key] = flt[key][perm]
    weights = {
        "in_proj_weight": in_w,
        "in_proj_bias": reader.get("in_proj.bias", (wide,)),
        "short_filter_weight": short_w[:, 0, :],
        "short_filter_bias": reader.get("short_filter.bias", (wide,)),
    }
    weights.update(("filter_" + k, flt[k]) for k in
                   ("w_in", "b_in", "w_inner", "b_inner", "freq", "w_out"))
    weights["filter_bias"] = flt["bias"]
    weights["out_proj_weight"] = reader.get("out_proj.weight", (d, d))
    weights["out_proj_bias"] = reader.get("out_proj.bias", (d,))
    if "z" in flt:
        weights["filter_z"] = flt["z"]
    weights["filter_deltas"] = flt["deltas"]
    reader.check_all_used()
    config["layer"] = "hyena"
    return weights, config


CONDITION_NAMES = {
    "spectral": [("nn_model", "conv1", "ln1"), ("nn_model2", "conv2", "ln2")],
    "correlation": [("nn_model_k", "convk", "lnk"),
                    ("nn_model_q", "convq", "lnq"),
                    ("nn_model_frq", "conv3", "ln3")],
}


def orchid_layer(state, config, prefix=""):
    """The weights and configuration of an Orchid operator."""
    config = _merge(ORCHID_DEFAULTS, config)
    residual_config = config.pop("residual") or {}
    reader = StateReader(state, prefix)
    in_w = reader.get("in_linear.weight")
    d = in_w.shape[1]
    if in_w.shape[0] % d or in_w.shape[0] // d < 3:
        raise ExportError("in_linear.weight has shape %s: not (N+1)D x D "
                          "with N >= 2" % "x".join(map(str, in_w.shape)))
    order = in_w.shape[0] // d - 1
    _check_size(config, "d_model", d)
    _check_size(config, "order", order)
    wide, c = (order + 1) * d, (order - 1) * d
    short_w = reader.get("conv1d_short.weight")
    if short_w.ndim != 3 or short_w.shape[:2] != (wide, 1):
        raise ExportError("conv1d_short.weight has shape %s, expected "
                          "%d x 1 x K" % ("x".join(map(str, short_w.shape)),
                                          wide))
    _check_size(config, "short_kernel_size", short_w.shape[2])
    bidirectional = reader.has("fixed_conv.implicit_filter_rev.0.weight")
    _check_size(config, "bidirectional", bidirectional)
    if config["mode"] not in ("circular", "causal"):
        raise ExportError("mode must be 'circular' (the original) or "
                          "'causal', not %r" % config["mode"])

    weights = {
        "in_proj_weight": in_w,
        "in_proj_bias": reader.get("in_linear.bias", (wide,)),
        "short_filter_weight": short_w[:, 0, :],
        "short_filter_bias": reader.get("conv1d_short.bias", (wide,)),
    }

    def add_filter(base, name, features, cfg):
        flt, shapes = _read_filter(reader, base, features, cfg)
        rows = flt["z"].shape[0] if "z" in flt else flt.get("t_size")
        if rows is None and cfg.get("l_max") is None:
            cfg["l_max"] = config.get("l_max")
        _filter_sizes(cfg, shapes, rows)
        weights.update(("%s_%s" % (name, k), flt[k]) for k in
                       ("w_in", "b_in", "w_inner", "b_inner", "freq",
                        "w_out", "bias"))
        if "z" in flt:
            weights[name + "_z"] = flt["z"]
        if "deltas" in flt:
            weights[name + "_deltas"] = flt["deltas"]
        has_rev = reader.has(base + "implicit_filter_rev.0.weight")
        if has_rev != bidirectional:
            raise ExportError("'%s%s' and 'fixed_conv' disagree on "
                              "implicit_filter_rev" % (reader.prefix, base))
        if has_rev:
            rev, rev_shapes = _read_filter(reader, base, features, cfg,
                                           reverse=True)
            if rev_shapes != shapes:
                raise ExportError("'%s%simplicit_filter_rev' differs in shape "
                                  "from implicit_filter" % (reader.prefix,
                                                            base))
            weights.update(("%s_rev_%s" % (name, k), rev[k]) for k in
                           ("w_in", "b_in", "w_inner", "b_inner", "freq",
                            "w_out"))

    add_filter("fixed_conv.", "filter", c, config)

    kinds = [kind for kind, nets in CONDITION_NAMES.items()
             if reader.has("conv_kernel_nn.%s.conv1d_ls.0.weight"
                           % nets[0][0])]
    if len(kinds) != 1:
        raise ExportError("expected the conditioning network of one kind "
                          "under '%sconv_kernel_nn.' (nn_model/nn_model2 or "
                          "nn_model_k/nn_model_q/nn_model_frq)" % prefix)
    kind = kinds[0]
    _check_size(config, "conditioning", kind)
    kernel_sizes = set()
    for i, (net, conv, norm) in enumerate(CONDITION_NAMES[kind]):
        base = "conv_kernel_nn.%s." % net
        last = i == len(CONDITION_NAMES[kind]) - 1
        out = 2 * c if last else d
        w = reader.get(base + "conv1d_ls.0.weight")
        per_group = 2 if (last and kind == "correlation") else 1
        if w.ndim != 3 or w.shape[:2] != (out, per_group):
            raise ExportError("'%s%sconv1d_ls.0.weight' has shape %s, "
                              "expected %d x %d x K" % (
                                  prefix, base, "x".join(map(str, w.shape)),
                                  out, per_group))
        kernel_sizes.add(w.shape[2])
        weights[conv + "_w"] = w if per_group == 2 else w[:, 0, :]
        weights[conv + "_b"] = reader.get(base + "conv1d_ls.0.bias", (out,))
        weights[norm + "_g"] = reader.get(
            base + "norm_ls.0.norm_conv_kernel.weight", (out,))
        weights[norm + "_b"] = reader.get(
            base + "norm_ls.0.norm_conv_kernel.bias", (out,))
    if len(kernel_sizes) != 1:
        raise ExportError("the conditioning convolutions have different "
                          "kernel sizes %s" % sorted(kernel_sizes))
    _check_size(config, "cond_kernel_size", kernel_sizes.pop())

    sconv = reader.has("fixed_conv_res.implicit_filter.0.weight")
    _check_size(config, "sconv", sconv)
    if sconv:
        res = {k: config[k] for k in FILTER_SWITCHES}
        for key, value in residual_config.items():
            if key not in FILTER_SWITCHES and key not in (
                    "filter_order", "emb_dim", "num_inner_mlps", "l_max"):
                raise ExportError("unknown residual configuration key '%s'"
                                  % key)
            res[key] = value
        add_filter("fixed_conv_res.", "residual", d, res)
        config["residual"] = res
    else:
        config["residual"] = None
    weights["out_proj_weight"] = reader.get("out_linear.weight", (d, d))
    weights["out_proj_bias"] = reader.get("out_linear.bias", (d,))
    reader.check_all_used()
    config["layer"] = "orchid"
    return weights, config


# ---------------------------------------------------------------------------
# The .mlir of a layer.


def _float(value):
    """An MLIR float literal (always with a '.')."""
    value = float(value)
    if not math.isfinite(value):
        raise ExportError("attribute value %r is not finite" % value)
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("e" + exponent if exponent else "")


def _bool(value):
    return "true" if value else "false"


def _filter_attr(cfg, grid, bias=None):
    """#orchid.filter with every parameter spelled out, over lines."""
    params = [
        "l_max = %d" % cfg["l_max"], "shift = %s" % _float(cfg["shift"]),
        "target = %s" % _float(cfg["target"]),
        "fast_decay_pct = %s" % _float(cfg["fast_decay_pct"]),
        "slow_decay_pct = %s" % _float(cfg["slow_decay_pct"]),
        "modulate = %s" % _bool(cfg["modulate"]),
        "bias = %s" % _bool(cfg["bias"] if bias is None else bias),
        "w_mod = %s" % _float(cfg["w_mod"]),
        # Both originals normalise after the modulation.
        "normalize = %s" % ("after_modulation" if cfg["normalized"]
                            else "none"),
        "grid = %s" % grid]
    return "#orchid.filter<\n" + _wrap(params, " " * 10) + ">"


def _tensor_type(shape):
    return "tensor<%sxf32>" % "x".join(map(str, shape))


def _wrap(items, indent, width=78, sep=","):
    """`items` joined by `sep` and a space over lines of at most `width`
    characters."""
    lines, line = [], ""
    for i, item in enumerate(items):
        piece = item + (sep if i + 1 < len(items) else "")
        if line and len(indent) + len(line) + 1 + len(piece) > width:
            lines.append(indent + line)
            line = piece
        else:
            line = piece if not line else line + " " + piece
    lines.append(indent + line)
    return "\n".join(lines)


def _signature(names, shapes):
    return ["%%%s: %s" % (n, _tensor_type(shapes[n])) for n in names]


def layer_mlir(weights, config, batch, seq_len, function):
    """The function applying the layer to a (batch, seq_len, D) input."""
    d = config["d_model"]
    io = (batch, seq_len, d)
    shapes = {"x": io}
    shapes.update((k, v.shape) for k, v in weights.items())
    names = ["x"] + list(weights)
    ops = lambda group: ", ".join("%" + n for n in group)
    if config["layer"] == "hyena":
        if seq_len > config["l_max"] and config["grid"] == "reject":
            raise ExportError(
                "L = %d exceeds the Hyena layer's l_max = %d: the original "
                "silently truncates its input there, so the compiled layer "
                "rejects it" % (seq_len, config["l_max"]))
        positional = names[:14]
        optional = [("filter_z", "filter_z"),
                    ("filter_deltas", "filter_deltas")]
        body = "orchid.hyena\n" + _wrap(["%" + n for n in positional],
                                          "      ")
        groups = ["%s(%%%s)" % (kw, n) for kw, n in optional if n in weights]
        attrs = "{order = %d : i64,\n       filter = %s}" % (
            config["order"], _filter_attr(config, config["grid"]))
        text = [body] + groups
        operands = positional + [n for _, n in optional if n in weights]
    else:
        mode = "bidirectional" if config["bidirectional"] else config["mode"]
        filt = ["filter_" + k for k in ("w_in", "b_in", "w_inner", "b_inner",
                                        "freq", "w_out", "bias")]
        res = ["residual_" + k for k in ("w_in", "b_in", "w_inner",
                                         "b_inner", "freq", "w_out", "bias")]
        rev = lambda base: ["%s_rev_%s" % (base, k) for k in (
            "w_in", "b_in", "w_inner", "b_inner", "freq", "w_out")]
        cond = [n for n in weights if re.match(
            r"(conv[123kq]|ln[123kq])_[wbg]$", n)]
        has = lambda n: n in weights
        text = ["orchid.orchid %s %s\n%s" % (
                    mode, config["conditioning"],
                    _wrap(["%" + n for n in names[:5]], "      ")),
                "filter(%s)" % ops(filt)]
        operands = names[:5] + filt
        for kw, group in (("filter_z", ["filter_z"]),
                          ("filter_deltas", ["filter_deltas"]),
                          ("filter_reverse", rev("filter"))):
            if has(group[0]):
                text.append("%s(%s)" % (kw, ops(group)))
                operands += group
        text.append("condition(%s)" % ops(cond))
        operands += cond
        sconv = config["residual"] is not None
        text.append("residual(%s)" % (ops(res) if sconv else ""))
        if sconv:
            operands += res
            for kw, group in (("residual_z", ["residual_z"]),
                              ("residual_deltas", ["residual_deltas"]),
                              ("residual_reverse", rev("residual"))):
                if has(group[0]):
                    text.append("%s(%s)" % (kw, ops(group)))
                    operands += group
        text.append("out(%out_proj_weight, %out_proj_bias)")
        operands += ["out_proj_weight", "out_proj_bias"]
        attrs = ["order = %d : i64" % config["order"],
                 "alpha_adapt = %s : f64" % _float(config["alpha_adapt"]),
                 "causal_condition = %s" % _bool(config["cond_causal"]),
                 "eps = %s : f64" % _float(config["layer_norm_eps"]),
                 # The main convolutions apply the filter bias whatever the
                 # filter's switch (the original's global convolution ignores
                 # it); the residual convolution honours it.
                 "filter = %s" % _filter_attr(config, "zero_pad", bias=True)]
        if sconv:
            attrs.append("residual_filter = %s"
                         % _filter_attr(config["residual"], "zero_pad"))
        attrs = "{" + ",\n       ".join(attrs) + "}"
    if sorted(operands) != sorted(names):
        raise ExportError("internal error: operands %s do not match the "
                          "weights %s" % (operands, names))
    types = [_tensor_type(shapes[n]) for n in operands]
    lines = [
        "// %s layer exported by orchid-export: B = %d, L = %d, D = %d, "
        "order %d." % (config["layer"].capitalize(), batch, seq_len, d,
                       config["order"]),
        "func.func @%s(" % function,
        _wrap(_signature(operands, shapes), "    ") + ")",
        "    -> %s {" % _tensor_type(io),
        "  %y = " + text[0],
    ]
    lines += [_wrap(t.split(" "), "      ", sep="") for t in text[1:]]
    lines += ["      " + attrs,
              "      : (" + _wrap(types, "         ").lstrip() + ")",
              "      -> %s" % _tensor_type(io),
              "  return %%y : %s" % _tensor_type(io),
              "}", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Module objects, checkpoints, output.


def _layer_kind(keys, prefix):
    if prefix + "in_proj.weight" in keys:
        return "hyena"
    if prefix + "in_linear.weight" in keys:
        return "orchid"
    return None


def layer_prefixes(state):
    """The prefixes of the Hyena and Orchid layers in a state_dict."""
    found = []
    for key in state:
        for head, filt in (("in_proj.weight", "filter_fn."),
                           ("in_linear.weight", "fixed_conv.")):
            if key.endswith(head):
                prefix = key[:-len(head)]
                if any(k.startswith(prefix + filt) for k in state):
                    found.append(prefix)
    return sorted(found)


def resolve_prefix(state, prefix):
    """The prefix as the state_dict spells it (a Lightning checkpoint adds
    'model.'), or an error listing the layers there are."""
    for candidate in (prefix, "model." + prefix):
        if _layer_kind(state, candidate):
            return candidate
    found = layer_prefixes(state)
    where = ("layers found at prefixes: %s" % ", ".join(
        repr(p) for p in found)) if found else "no Hyena or Orchid layer found"
    raise ExportError("no Hyena or Orchid layer at prefix %r; %s"
                      % (prefix, where))


def config_from_module(module, given=None):
    """The configuration of a module object (the originals' attributes).
    A switch it cannot read is an error unless `given` (the caller's
    configuration) sets it."""
    given = given or {}
    if hasattr(module, "filter_fn") and hasattr(module, "in_proj"):
        flt = module.filter_fn
        layout = getattr(module, "layout", None)
        if layout is None:
            layout = "interleaved" if hasattr(module, "head_dim") else \
                "blocked"
        config = {"layout": layout}
    elif hasattr(module, "fixed_conv") and hasattr(module, "in_linear"):
        flt = module.fixed_conv
        # No default here: a switch read wrongly is a silent wrong answer.
        missing = [name for name in ("mode", "cond_causal", "alpha_adapt")
                   if not hasattr(module, name) and name not in given]
        if missing:
            raise ExportError(
                "%s has no attribute %s: give the layer's configuration "
                "(config=, or --config with its checkpoint)" %
                (type(module).__name__, ", ".join(missing)))
        kinds = {"mode": str, "cond_causal": bool, "alpha_adapt": float}
        config = {name: kind(getattr(module, name))
                  for name, kind in kinds.items() if hasattr(module, name)}
        norms = [m for m in module.conv_kernel_nn.modules()
                 if type(m).__name__ == "LayerNorm"]
        if norms:
            config["layer_norm_eps"] = norms[0].eps
        if hasattr(module, "fixed_conv_res"):
            config["residual"] = _filter_config(module.fixed_conv_res,
                                                given.get("residual", {}))
    else:
        raise ExportError("%s is neither a Hyena operator (in_proj, "
                          "filter_fn) nor an Orchid operator (in_linear, "
                          "fixed_conv)" % type(module).__name__)
    config.update(_filter_config(flt, given))
    return config


# The configuration key of each filter switch and where the originals keep it.
_FILTER_SWITCHES = (("bias", "filter", "use_bias", bool),
                    ("normalized", "filter", "normalized", bool),
                    ("modulate", "modulation", "modulate", bool),
                    ("shift", "modulation", "shift", float))


def _filter_config(flt, given):
    owners = {"filter": flt, "modulation": flt.modulation}
    missing = ["%s.%s" % (type(owners[owner]).__name__, attr)
               for key, owner, attr, _ in _FILTER_SWITCHES
               if not hasattr(owners[owner], attr) and key not in given]
    if missing:
        raise ExportError(
            "cannot read the filter's switches (%s missing): give the "
            "layer's configuration (config=, or --config with its "
            "checkpoint)" % ", ".join(missing))
    config = {key: kind(getattr(owners[owner], attr))
              for key, owner, attr, kind in _FILTER_SWITCHES
              if hasattr(owners[owner], attr)}
    # safari's Sin has no w_mod: its frequency scale is in freq itself.
    sins = [m for m in flt.implicit_filter if hasattr(m, "freq")]
    config["w_mod"] = float(getattr(sins[0], "w_mod", 1.0)) if sins else 1.0
    return config


def build_layer(state, config, prefix=""):
    """The weights and the full configuration of the layer at `prefix`."""
    prefix = resolve_prefix(state, prefix)
    kind = _layer_kind(state, prefix)
    if config.get("layer", kind) != kind:
        raise ExportError("the configuration is for a %s layer but %r holds "
                          "a %s layer" % (config["layer"], prefix, kind))
    return (hyena_layer if kind == "hyena" else orchid_layer)(
        state, dict(config), prefix)


def write_layer(weights, config, directory, seq_len=None, batch=1,
                function=None, force=False):
    """Writes the weights and `<function>.mlir` into `directory`, through
    a temporary directory renamed at the end: an error leaves nothing."""
    seq_len = config["l_max"] if seq_len is None else seq_len
    if seq_len < 1 or batch < 1:
        raise ExportError("the sequence length and batch must be positive")
    function = function or config["layer"]
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_$.]*", function):
        raise ExportError("%r is not a valid function name" % function)
    text = layer_mlir(weights, config, batch, seq_len, function)
    directory = os.path.abspath(directory)
    if os.path.exists(directory) and not force:
        raise ExportError("%s exists (pass --force to replace it)"
                          % directory)
    parent = os.path.dirname(directory)
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".orchid-export-", dir=parent)
    try:
        for name, array in weights.items():
            np.save(os.path.join(tmp, name + ".npy"), array)
        with open(os.path.join(tmp, function + ".mlir"), "w") as f:
            f.write(text)
        old = None
        if os.path.exists(directory):
            old = tempfile.mkdtemp(prefix=".orchid-export-old-", dir=parent)
            os.rename(directory, os.path.join(old, "d"))
        os.rename(tmp, directory)
        if old:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return os.path.join(directory, function + ".mlir")


def export(layer, directory, seq_len=None, batch=1, config=None, prefix="",
           function=None, force=False):
    """Exports a module object, or a state_dict with its configuration;
    returns the path of the .mlir file."""
    if hasattr(layer, "state_dict") and callable(layer.state_dict):
        merged = config_from_module(layer, config)
        merged.update(config or {})
        state = layer.state_dict()
    else:
        merged, state = dict(config or {}), layer
    weights, full = build_layer(state, merged, prefix)
    return write_layer(weights, full, directory, seq_len, batch, function,
                       force)


def load_checkpoint(path, allow_pickle=False):
    """The state_dict in a file written by torch.save (a plain state_dict,
    or a checkpoint holding one under 'state_dict' or 'model')."""
    import torch

    if not os.path.isfile(path):
        raise ExportError("%s: no such file" % path)
    safe = "weights_only" in inspect.signature(torch.load).parameters
    try:
        if safe and not allow_pickle:
            try:
                ckpt = torch.load(path, map_location="cpu", weights_only=True)
            except pickle.UnpicklingError as error:
                raise ExportError(
                    "%s holds objects other than tensors and plain "
                    "containers, which torch.load will not read safely "
                    "(%s); if you trust the file, pass --allow-pickle to "
                    "unpickle it in full" % (path, _first_line(error)))
        elif safe:
            ckpt = torch.load(path, map_location="cpu", weights_only=False)
        else:
            ckpt = torch.load(path, map_location="cpu")
    except ExportError:
        raise
    except Exception as error:
        raise ExportError("cannot read checkpoint %s (not a complete file "
                          "written by torch.save?): %s"
                          % (path, _first_line(error)))
    for key in ("state_dict", "model"):
        if isinstance(ckpt, dict) and isinstance(ckpt.get(key), dict):
            ckpt = ckpt[key]
    if not isinstance(ckpt, dict):
        raise ExportError("%s holds a %s, not a state_dict"
                          % (path, type(ckpt).__name__))
    return ckpt


def _first_line(error):
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


def _parse_set(items):
    config = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ExportError("--set expects KEY=VALUE, got %r" % item)
        try:
            config[key] = json.loads(value)
        except ValueError:
            config[key] = value
    return config


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="orchid-export", description=__doc__.splitlines()[0],
        epilog="Configuration keys (JSON object in --config, or --set): "
        "Hyena: layout (interleaved|blocked), bias, modulate, normalized, "
        "shift, w_mod, target, fast_decay_pct, slow_decay_pct, grid "
        "(reject|extrapolate); Orchid: the same filter switches, mode "
        "(circular|causal), cond_causal, alpha_adapt, layer_norm_eps, "
        "residual (an object of filter switches for fixed_conv_res). "
        "Sizes (d_model, order, l_max, ...) come from the weights; given "
        "ones are checked.")
    parser.add_argument("checkpoint", help="file written by torch.save")
    parser.add_argument("-o", "--output", required=True,
                        help="directory to write (<name>.npy, <function>.mlir)")
    parser.add_argument("--prefix", default="",
                        help="key prefix of the layer, e.g. "
                        "'backbone.layers.0.mixer.'")
    parser.add_argument("--config", help="JSON file of the layer's "
                        "configuration")
    parser.add_argument("--set", action="append", default=[],
                        metavar="KEY=VALUE",
                        help="a configuration entry (JSON value); overrides "
                        "--config")
    parser.add_argument("--seq-len", type=int,
                        help="sequence length L of the .mlir (default l_max)")
    parser.add_argument("--batch", type=int, default=1, help="batch size B")
    parser.add_argument("--function", help="function name (default: hyena or "
                        "orchid)")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing output directory")
    parser.add_argument("--allow-pickle", action="store_true",
                        help="unpickle the checkpoint in full (runs code "
                        "from the file: trusted files only)")
    args = parser.parse_args(argv)
    try:
        config = {}
        if args.config:
            try:
                with open(args.config) as f:
                    config = json.load(f)
            except (OSError, ValueError) as error:
                raise ExportError("cannot read --config %s: %s"
                                  % (args.config, error))
            if not isinstance(config, dict):
                raise ExportError("--config %s is not a JSON object"
                                  % args.config)
        config.update(_parse_set(args.set))
        state = load_checkpoint(args.checkpoint, args.allow_pickle)
        weights, full = build_layer(state, config, args.prefix)
        path = write_layer(weights, full, args.output, args.seq_len,
                           args.batch, args.function, args.force)
    except ExportError as error:
        print("orchid-export: error: %s" % error, file=sys.stderr)
        return 1
    for name, array in weights.items():
        print("%s %s" % (name, "x".join(map(str, array.shape))))
    print("wrote %s" % path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
