"""PyTorch implementations of the original Hyena and Orchid layers.

They follow the semantics and the state_dict names of the originals
(safari's `HyenaOperator` and `HyenaFilter`, the standalone Hyena module,
Orchid's operator) so that a checkpoint of an original loads into them
unchanged, and they share no code with the compiler's float64 reference:
the tests compare the compiled blocks with these modules, so that a
misreading of the originals in the compiler cannot hide behind the same
misreading in its reference.

Shapes: B batch, L length, D channels; blocks take (B, L, D).
"""

import math

import torch
from torch import nn


def fftconv(u, k, bias):
    """Hyena's causal FFT convolution of u (B, D, L) with k (D, L'), plus
    the skip term u * bias; exact on 2L points."""
    length = u.shape[-1]
    n = 2 * length
    y = torch.fft.irfft(torch.fft.rfft(u, n=n) * torch.fft.rfft(k, n=n), n=n)
    return y[..., :length] + u * bias[:, None]


def forward_transform(a, n):
    """Orchid's F_n: rfft of `a` zero-padded or cut to n points, over n."""
    return torch.fft.rfft(a, n=n, dim=-1) / n


def inverse_transform(spectrum, n):
    """Orchid's G_n: the inverse real DFT on n points without a 1/n factor."""
    return torch.fft.irfft(spectrum, n=n, dim=-1, norm="forward")


class OptimModule(nn.Module):
    """Registers a tensor as a parameter, or as a buffer when lr == 0, as
    the originals do (a trained parameter and a buffer both end up in the
    state_dict)."""

    def register(self, name, tensor, lr=None):
        if lr == 0.0:
            self.register_buffer(name, tensor)
        else:
            self.register_parameter(name, nn.Parameter(tensor))


class PositionalEmbedding(OptimModule):
    """Features [t, Re z, Im z] on the training grid of `seq_len` points;
    `z` is a trainable parameter unless lr_pos_emb == 0, `t` a buffer."""

    def __init__(self, emb_dim, seq_len, lr_pos_emb=1e-5):
        super().__init__()
        if emb_dim < 3 or emb_dim % 2 == 0:
            raise ValueError("emb_dim must be odd and >= 3, got %d" % emb_dim)
        self.seq_len = seq_len
        bands = (emb_dim - 1) // 2
        t = torch.linspace(0, 1, seq_len, dtype=torch.float64)[None, :, None]
        w = 2 * math.pi * torch.arange(seq_len, dtype=torch.float64) / seq_len
        f = torch.linspace(1e-4, bands - 1, bands, dtype=torch.float64)
        z = torch.exp(-1j * f[None, None, :] * w[None, :, None])
        z = torch.cat([t, z.real, z.imag], dim=-1)
        dtype = torch.get_default_dtype()
        self.register("z", z.to(dtype), lr=lr_pos_emb)
        self.register("t", t.to(dtype), lr=0.0)

    def forward(self, length):
        """The first `length` rows of z and t (all of them when longer)."""
        return self.z[:, :length], self.t[:, :length]


class ExponentialModulation(OptimModule):
    """h * (exp(-t |deltas|) + shift), or h unchanged when not `modulate`;
    `deltas` is a buffer unless modulation_lr > 0."""

    def __init__(self, d_model, fast_decay_pct=0.3, slow_decay_pct=1.5,
                 target=1e-2, modulation_lr=0.0, modulate=True, shift=0.0):
        super().__init__()
        self.modulate = modulate
        self.shift = shift
        max_decay = math.log(target) / fast_decay_pct
        min_decay = math.log(target) / slow_decay_pct
        deltas = torch.linspace(min_decay, max_decay, d_model,
                                dtype=torch.float64)[None, None]
        self.register("deltas", deltas.to(torch.get_default_dtype()),
                      lr=modulation_lr)

    def forward(self, t, h):
        if not self.modulate:
            return h
        return h * (torch.exp(-t * self.deltas.abs()) + self.shift)


class Sin(nn.Module):
    """sin(w_mod * freq * x) with a learned per-feature `freq` (1, dim)."""

    def __init__(self, dim, w=1.0, w_mod=1.0, train_freq=True):
        super().__init__()
        freq = w * torch.ones(1, dim)
        self.w_mod = w_mod
        if train_freq:
            self.freq = nn.Parameter(freq)
        else:
            self.register_buffer("freq", freq)

    def forward(self, x):
        return torch.sin(self.w_mod * self.freq * x)


def implicit_ffn(emb_dim, width, out_features, num_inner_mlps, w, w_mod):
    """Linear, Sin, (Linear, Sin) * num_inner_mlps, Linear without bias;
    one Sin (and so one freq) per layer."""
    layers = [nn.Linear(emb_dim, width), Sin(width, w, w_mod)]
    for _ in range(num_inner_mlps):
        layers += [nn.Linear(width, width), Sin(width, w, w_mod)]
    layers.append(nn.Linear(width, out_features, bias=False))
    return nn.Sequential(*layers)


class HyenaFilter(OptimModule):
    """The implicit filter: FFN of the positional embedding, exponential
    modulation, optional L1 normalisation across features (after the
    modulation), and the skip `bias` (zeroed when `bias` is False).

    `filter(L)` gives (1, L', d_model) with L' = min(L, seq_len); with
    `bidirectional` (Orchid's static filters) a second FFN
    `implicit_filter_rev` gives the kernel of the negative lags, and
    `filter_rev(L)` returns it.
    """

    def __init__(self, d_model, emb_dim=3, order=64, seq_len=1024,
                 lr_pos_emb=1e-5, w=1.0, w_mod=1.0, bias=True,
                 num_inner_mlps=2, normalized=False, bidirectional=False,
                 fast_decay_pct=0.3, slow_decay_pct=1.5, target=1e-2,
                 modulation_lr=0.0, modulate=True, shift=0.0):
        super().__init__()
        self.d_model = d_model
        self.use_bias = bias
        self.normalized = normalized
        self.seq_len = seq_len
        self.bias = nn.Parameter(torch.randn(d_model))
        self.pos_emb = PositionalEmbedding(emb_dim, seq_len, lr_pos_emb)
        self.implicit_filter = implicit_ffn(emb_dim, order, d_model,
                                            num_inner_mlps, w, w_mod)
        if bidirectional:
            self.implicit_filter_rev = implicit_ffn(emb_dim, order, d_model,
                                                    num_inner_mlps, w, w_mod)
        self.bidirectional = bidirectional
        self.modulation = ExponentialModulation(
            d_model, fast_decay_pct=fast_decay_pct,
            slow_decay_pct=slow_decay_pct, target=target,
            modulation_lr=modulation_lr, modulate=modulate, shift=shift)

    def _evaluate(self, ffn, length):
        z, t = self.pos_emb(length)
        h = self.modulation(t, ffn(z))
        if self.normalized:
            h = h / torch.norm(h, dim=-1, p=1, keepdim=True)
        return h

    def filter(self, length):
        return self._evaluate(self.implicit_filter, length)

    def filter_rev(self, length):
        return self._evaluate(self.implicit_filter_rev, length)

    def skip_bias(self):
        return self.bias if self.use_bias else 0 * self.bias

    def forward(self, x, length, k=None, bias=None):
        """Hyena's use: the causal FFT convolution of x (B, D, L)."""
        if k is None:
            k = self.filter(length)[0].transpose(0, 1)
        if bias is None:
            bias = self.bias
        bias = bias if self.use_bias else 0 * bias
        return fftconv(x, k, bias)


class HyenaOperator(nn.Module):
    """The Hyena operator of order N on (B, L, D).

    `layout` is the filter-channel order of the (N-1) D filter features:
    "interleaved" is safari's `(v o)` (feature d (N-1) + o belongs to
    channel d of convolution o), "blocked" the standalone module's `(o d)`
    (feature o D + d). Lengths above l_max are rejected (the originals
    silently truncate the input there).
    """

    def __init__(self, d_model, l_max, order=2, filter_order=64,
                 layout="interleaved", **filter_args):
        super().__init__()
        if order < 2:
            raise ValueError("order must be >= 2")
        if layout not in ("interleaved", "blocked"):
            raise ValueError("layout must be 'interleaved' or 'blocked'")
        self.d_model = d_model
        self.l_max = l_max
        self.order = order
        self.layout = layout
        width = d_model * (order + 1)
        self.in_proj = nn.Linear(d_model, width)
        self.out_proj = nn.Linear(d_model, d_model)
        self.short_filter = nn.Conv1d(width, width, 3, padding=2, groups=width)
        self.filter_fn = HyenaFilter(d_model * (order - 1), order=filter_order,
                                     seq_len=l_max, **filter_args)

    def split_filters(self, features):
        """(..., (N-1) D) -> (N-1, ..., D) in the module's layout."""
        n, d = self.order - 1, self.d_model
        shape = features.shape[:-1]
        if self.layout == "interleaved":
            split = features.reshape(*shape, d, n)
            return split.permute(-1, *range(len(shape)), -2)
        split = features.reshape(*shape, n, d)
        return split.permute(-2, *range(len(shape)), -1)

    def forward(self, u):
        length = u.shape[-2]
        if length > self.l_max:
            raise ValueError("L = %d exceeds l_max = %d" % (length, self.l_max))
        z = self.in_proj(u).transpose(1, 2)
        uc = self.short_filter(z)[..., :length]
        *x, v = uc.split(self.d_model, dim=1)
        k = self.split_filters(self.filter_fn.filter(length)[0])  # N-1, L, D
        bias = self.split_filters(self.filter_fn.bias)
        for o, x_i in enumerate(reversed(x[1:])):
            v = v * x_i
            v = self.filter_fn(v, length, k=k[o].transpose(0, 1), bias=bias[o])
        return self.out_proj((v * x[0]).transpose(1, 2))


class NormConvKernel(nn.Module):
    """Holds a LayerNorm as `norm_conv_kernel`, the original's nesting."""

    def __init__(self, channels, eps=1e-5):
        super().__init__()
        self.norm_conv_kernel = nn.LayerNorm(channels, eps=eps)


class ConvNorm(nn.Module):
    """A centred Conv1d then a LayerNorm over its output channels, on
    (B, C, T); state_dict names `conv1d_ls.0.*`, `norm_ls.0.norm_conv_kernel.*`."""

    def __init__(self, in_channels, out_channels, kernel_size, groups, eps):
        super().__init__()
        if kernel_size % 2 == 0:
            raise ValueError("conditioning kernels must be odd")
        self.conv1d_ls = nn.ModuleList([nn.Conv1d(
            in_channels, out_channels, kernel_size, padding=kernel_size // 2,
            groups=groups)])
        self.norm_ls = nn.ModuleList([NormConvKernel(out_channels, eps)])

    def forward(self, x):
        y = self.conv1d_ls[0](x).transpose(1, 2)
        return self.norm_ls[0].norm_conv_kernel(y).transpose(1, 2)


class ConditioningNetwork(nn.Module):
    """Orchid's data-dependent kernel from a = z[..., -D:] (B, L, D).

    `kind` "spectral" (absfreq: `nn_model`, `nn_model2`) or "correlation"
    (corrTime: `nn_model_k`, `nn_model_q`, `nn_model_frq`, the latter a
    Conv1d(2D, 2C, K, groups=D)). `spectrum(a, n)` gives H (B, C, n//2+1),
    C = (N-1) D, channel d (N-1) + o belonging to convolution o.
    """

    def __init__(self, d_model, order=2, kind="spectral", kernel_size=3,
                 eps=1e-5):
        super().__init__()
        d, c = d_model, d_model * (order - 1)
        self.kind = kind
        self.channels = c
        if kind == "spectral":
            self.nn_model = ConvNorm(d, d, kernel_size, d, eps)
            self.nn_model2 = ConvNorm(d, 2 * c, kernel_size, d, eps)
        elif kind == "correlation":
            self.nn_model_k = ConvNorm(d, d, kernel_size, d, eps)
            self.nn_model_q = ConvNorm(d, d, kernel_size, d, eps)
            self.nn_model_frq = ConvNorm(2 * d, 2 * c, kernel_size, d, eps)
        else:
            raise ValueError("kind must be 'spectral' or 'correlation'")

    def spectrum(self, a, n):
        a = a.transpose(1, 2)  # B, D, L
        if self.kind == "spectral":
            power = forward_transform(self.nn_model(a), n).abs() ** 2
            a2 = self.nn_model2(power)
            return torch.complex(a2[:, 0::2], a2[:, 1::2])
        keys = forward_transform(self.nn_model_k(a), n)
        queries = forward_transform(self.nn_model_q(a), n)
        s = keys.conj() * queries
        a3 = self.nn_model_frq(torch.cat([s.real, s.imag], dim=1))
        return torch.complex(a3[:, :self.channels], a3[:, self.channels:])


class OrchidOperator(nn.Module):
    """Orchid's operator of order N on (B, L, D), transform "fft".

    The long convolutions use the static kernel of `fixed_conv` plus the
    data-dependent one of `conv_kernel_nn` (times `alpha_adapt`): with
    `cond_causal` (the original's default) the condition is computed on
    2L points, brought back to time by G_2L and its first L taps added to
    the static kernel; otherwise its spectrum is added to the static
    kernel's spectrum. `mode` "circular" (the original: L points, 1/L
    scaled) or "causal" (2L points); `bidirectional` static filters add
    the flipped `implicit_filter_rev` kernel at the negative lags and use
    2L points. `sconv` adds the residual long convolution of the input with
    `fixed_conv_res`. Static kernels have min(L, l_max) taps.
    """

    def __init__(self, d_model, l_max, order=2, filter_order=64,
                 short_kernel_size=3, conditioning="spectral",
                 cond_kernel_size=3, cond_causal=True, alpha_adapt=1.0,
                 mode="circular", bidirectional=False, sconv=True,
                 layer_norm_eps=1e-5, res_filter_args=None, **filter_args):
        super().__init__()
        if mode not in ("circular", "causal"):
            raise ValueError("mode must be 'circular' or 'causal'")
        self.d_model = d_model
        self.l_max = l_max
        self.order = order
        self.mode = mode
        self.bidirectional = bidirectional
        self.cond_causal = cond_causal
        self.alpha_adapt = alpha_adapt
        self.sconv = sconv
        width = d_model * (order + 1)
        self.in_linear = nn.Linear(d_model, width)
        self.out_linear = nn.Linear(d_model, d_model)
        self.conv1d_short = nn.Conv1d(width, width, short_kernel_size,
                                      padding=short_kernel_size - 1,
                                      groups=width)
        self.fixed_conv = HyenaFilter(d_model * (order - 1),
                                      order=filter_order, seq_len=l_max,
                                      bidirectional=bidirectional,
                                      **filter_args)
        self.conv_kernel_nn = ConditioningNetwork(
            d_model, order, conditioning, cond_kernel_size, layer_norm_eps)
        if sconv:
            args = dict(filter_args if res_filter_args is None
                        else res_filter_args)
            args.setdefault("order", filter_order)
            self.fixed_conv_res = HyenaFilter(d_model, seq_len=l_max,
                                              bidirectional=bidirectional,
                                              **args)

    def split(self, features):
        """(B?, (N-1) D, T) -> (N-1, B?, D, T), channel d (N-1) + o."""
        n, d = self.order - 1, self.d_model
        lead = features.shape[:-2]
        split = features.reshape(*lead, d, n, features.shape[-1])
        return split.movedim(-2, 0)

    def static_kernel(self, flt, length):
        """The static kernels (C, T) in time: min(L, l_max) taps, or the
        2L-point bidirectional kernel."""
        k = flt.filter(length)[0].transpose(0, 1)
        if not self.bidirectional:
            return k
        rev = flt.filter_rev(length)[0].transpose(0, 1)
        # pad(k, (0, L)) + pad(flip(k_rev), (L, 0)) for kernels of T taps:
        # k at indices 0 .. T-1, the flipped k_rev at L .. L+T-1.
        taps = k.shape[-1]
        kernel = k.new_zeros(k.shape[0], 2 * length)
        kernel[:, :taps] = k
        kernel[:, length:length + taps] = kernel[:, length:length + taps] + \
            rev.flip(-1)
        return kernel

    def long_conv(self, v, kernel, spectrum, bias, n):
        """G_n(F_n(v) (F_n(kernel) + spectrum))[..., :L] + v * bias."""
        length = v.shape[-1]
        k = forward_transform(kernel, n)
        if spectrum is not None:
            k = k + spectrum
        y = inverse_transform(forward_transform(v, n) * k, n)[..., :length]
        return y + v * bias[:, None]

    def forward(self, x):
        length = x.shape[-2]
        n = 2 * length if (self.mode == "causal" or self.bidirectional) \
            else length
        z = self.in_linear(x)
        a = z[..., -self.d_model:]
        uc = self.conv1d_short(z.transpose(1, 2))[..., :length]
        *xs, v = uc.split(self.d_model, dim=1)

        static = self.split(self.static_kernel(self.fixed_conv, length))
        # The main convolutions apply fixed_conv.bias whatever its switch
        # (the original's global convolution ignores it); the residual one
        # honours it.
        bias = self.split(self.fixed_conv.bias[:, None])[..., 0]
        if self.cond_causal:
            h = self.conv_kernel_nn.spectrum(a, 2 * length)
            h = inverse_transform(h, 2 * length)[..., :length]
            cond_time, cond_freq = self.split(self.alpha_adapt * h), None
        else:
            h = self.conv_kernel_nn.spectrum(a, n)
            cond_time, cond_freq = None, self.split(self.alpha_adapt * h)

        for o, x_i in enumerate(reversed(xs[1:])):
            v = v * x_i
            kernel = static[o]
            if cond_time is not None:
                taps = max(kernel.shape[-1], length)
                kernel = nn.functional.pad(kernel, (0, taps - kernel.shape[-1]))
                kernel = kernel + nn.functional.pad(
                    cond_time[o], (0, taps - length))
            spectrum = None if cond_freq is None else cond_freq[o]
            v = self.long_conv(v, kernel, spectrum, bias[o], n)
        y = v * xs[0]
        if self.sconv:
            res = self.fixed_conv_res
            y = y + self.long_conv(x.transpose(1, 2),
                                   self.static_kernel(res, length),
                                   None, res.skip_bias(), n)
        return self.out_linear(y.transpose(1, 2))
