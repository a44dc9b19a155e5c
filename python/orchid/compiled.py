"""Libraries compiled by orchid-compile, called from Python.

`compile(path, seq_len=...)` runs orchid-compile and returns a `Library`;
`load(path)` opens one that exists. `library.function(name, seq_len)` (or
`library[name, seq_len]`) is a callable that takes the source function's
arguments, in its order, as NumPy arrays or CPU torch tensors (contiguous
arrays of the right dtype are passed without a copy), runs the prepare
entry once per distinct set of filter weights, and returns the results as
NumPy arrays. Errors of the C API (liborchid_api, runtime/include/orchid/
orchid.h) are raised as `OrchidError` with its message.

Only ctypes and NumPy are needed: no LLVM, no MLIR.
"""

import ctypes
import hashlib
import os
import shutil
import subprocess
import tempfile

import numpy as np

__all__ = ["OrchidError", "Library", "CompiledFunction", "compile", "load"]

_DTYPES = {1: np.float32, 2: np.float64, 3: np.complex64}
_FORWARD, _PREPARE = 0, 1
_MAX_RANK = 8


class OrchidError(RuntimeError):
    """A failure reported by liborchid_api or orchid-compile."""


class _EntryInfo(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("function", ctypes.c_char_p),
                ("seq_len", ctypes.c_int64), ("kind", ctypes.c_int),
                ("num_inputs", ctypes.c_int64),
                ("num_outputs", ctypes.c_int64)]


class _TensorInfo(ctypes.Structure):
    _fields_ = [("dtype", ctypes.c_int), ("rank", ctypes.c_int64),
                ("shape", ctypes.c_int64 * _MAX_RANK),
                ("num_elements", ctypes.c_int64), ("source", ctypes.c_int64)]


def _find_lib_dir():
    """The directory of liborchid_api: $ORCHID_LIB_DIR, or ../lib beside
    the orchid-compile on $PATH."""
    if os.environ.get("ORCHID_LIB_DIR"):
        return os.environ["ORCHID_LIB_DIR"]
    tool = shutil.which("orchid-compile")
    if tool:
        return os.path.join(os.path.dirname(os.path.realpath(tool)), "..",
                            "lib")
    raise OrchidError("cannot find liborchid_api: set ORCHID_LIB_DIR to the "
                      "directory holding it (build/lib)")


_api = None


def _load_api():
    global _api
    if _api is not None:
        return _api
    lib_dir = _find_lib_dir()
    try:
        # Loaded first, globally, so that compiled libraries find it by name.
        ctypes.CDLL(os.path.join(lib_dir, "liborchid_cpu_runtime.so"),
                    mode=ctypes.RTLD_GLOBAL)
        api = ctypes.CDLL(os.path.join(lib_dir, "liborchid_api.so"))
    except OSError as error:
        raise OrchidError(f"cannot load the Orchid runtime from {lib_dir}: "
                          f"{error}") from None
    p, i64 = ctypes.c_void_p, ctypes.c_int64
    pp, i64p = ctypes.POINTER(p), ctypes.POINTER(i64)
    signatures = {
        "orchid_last_error": (ctypes.c_char_p, []),
        "orchid_open": (ctypes.c_int, [ctypes.c_char_p, ctypes.POINTER(p)]),
        "orchid_close": (None, [p]),
        "orchid_num_entries": (i64, [p]),
        "orchid_entry_info_at": (ctypes.c_int,
                                 [p, i64, ctypes.POINTER(_EntryInfo)]),
        "orchid_tensor_info_at": (ctypes.c_int, [p, i64, ctypes.c_int, i64,
                                                 ctypes.POINTER(_TensorInfo)]),
        "orchid_lookup": (ctypes.c_int,
                          [p, ctypes.c_char_p, i64, ctypes.c_int, i64p]),
        "orchid_call": (ctypes.c_int, [p, i64, pp, i64p, i64, pp, i64p, i64]),
    }
    for name, (restype, argtypes) in signatures.items():
        fn = getattr(api, name)
        fn.restype, fn.argtypes = restype, argtypes
    _api = api
    return api


def _check(status):
    if status != 0:
        raise OrchidError(_load_api().orchid_last_error().decode())


class _Entry:
    """One entry point and the dtype and shape of each of its tensors."""

    def __init__(self, library, index):
        api = _load_api()
        info = _EntryInfo()
        _check(api.orchid_entry_info_at(library, index, ctypes.byref(info)))
        self.index, self.name = index, info.name.decode()
        self.inputs = [self._tensor(library, 0, i)
                       for i in range(info.num_inputs)]
        self.outputs = [self._tensor(library, 1, i)
                        for i in range(info.num_outputs)]

    def _tensor(self, library, is_output, i):
        t = _TensorInfo()
        _check(_load_api().orchid_tensor_info_at(library, self.index,
                                                 is_output, i,
                                                 ctypes.byref(t)))
        return (np.dtype(_DTYPES[t.dtype]), tuple(t.shape[:t.rank]), t.source)


def _as_array(value, dtype, shape, what):
    """`value` as a C-contiguous array of `dtype` and `shape`: the same
    memory where it already is one."""
    if hasattr(value, "detach") and hasattr(value, "device"):  # torch
        if value.device.type != "cpu":
            raise OrchidError(f"{what} is on {value.device}; this library "
                              "runs on the CPU")
        value = value.detach().contiguous().numpy()
    array = np.ascontiguousarray(value, dtype=dtype)
    if array.shape != shape:
        raise OrchidError(f"{what} has shape {array.shape} but the library "
                          f"expects {shape}")
    return array


class CompiledFunction:
    """A function of a compiled library at one sequence length."""

    def __init__(self, library, function, seq_len):
        self._library, self.seq_len = library, seq_len
        self.function = function
        self._forward = self._lookup(function, seq_len, _FORWARD)
        try:
            self._prepare = self._lookup(function, seq_len, _PREPARE)
        except OrchidError:
            self._prepare = None
        self._prepared_key, self._prepared = None, None
        self.num_arguments = 1 + max(
            (s for e in (self._forward, self._prepare) if e
             for _, _, s in e.inputs), default=-1)

    def _lookup(self, function, seq_len, kind):
        index = ctypes.c_int64()
        name = function.encode() if function else None
        _check(_load_api().orchid_lookup(self._library._handle, name, seq_len,
                                         kind, ctypes.byref(index)))
        return _Entry(self._library._handle, index.value)

    def _call(self, entry, inputs):
        outputs = [np.empty(shape, dtype) for dtype, shape, _ in entry.outputs]

        def pointers(arrays):
            return (ctypes.c_void_p * max(1, len(arrays)))(
                *[a.ctypes.data for a in arrays])

        def sizes(arrays):
            return (ctypes.c_int64 * max(1, len(arrays)))(
                *[a.size for a in arrays])

        _check(_load_api().orchid_call(
            self._library._handle, entry.index, pointers(inputs),
            sizes(inputs), len(inputs), pointers(outputs), sizes(outputs),
            len(outputs)))
        return outputs

    def _gather(self, entry, args, prepared):
        inputs = []
        for i, (dtype, shape, source) in enumerate(entry.inputs):
            if source < 0:
                inputs.append(prepared[-source - 1])
            else:
                inputs.append(_as_array(args[source], dtype, shape,
                                        f"argument {source}"))
        return inputs

    def __call__(self, *args):
        """Runs the function on its arguments (in the source function's
        order); returns its result, or a tuple of its results."""
        if len(args) != self.num_arguments:
            raise OrchidError(f"{self.function} at L = {self.seq_len} takes "
                              f"{self.num_arguments} arguments but "
                              f"{len(args)} were given")
        prepared = None
        if self._prepare:
            weights = self._gather(self._prepare, args, None)
            # Prepared once per distinct weights: their bytes are the key.
            digest = hashlib.blake2b(digest_size=16)
            for w in weights:
                digest.update(memoryview(w).cast("B"))
            key = digest.digest()
            if key != self._prepared_key:
                self._prepared = self._call(self._prepare, weights)
                self._prepared_key = key
            prepared = self._prepared
        results = self._call(self._forward,
                             self._gather(self._forward, args, prepared))
        return results[0] if len(results) == 1 else tuple(results)


class Library:
    """An open library built by orchid-compile."""

    def __init__(self, path):
        api = _load_api()
        handle = ctypes.c_void_p()
        _check(api.orchid_open(os.fsencode(path), ctypes.byref(handle)))
        self._handle, self.path = handle, path
        self.entries = [_Entry(handle, i)
                        for i in range(api.orchid_num_entries(handle))]

    def function(self, name=None, seq_len=None):
        """The callable of `name` (default: the library's only function)
        at `seq_len`."""
        if seq_len is None:
            raise OrchidError("give the sequence length to call")
        return CompiledFunction(self, name, int(seq_len))

    def __getitem__(self, key):
        name, seq_len = key
        return self.function(name, seq_len)

    def close(self):
        if self._handle:
            _load_api().orchid_close(self._handle)
            self._handle = None

    def __del__(self):
        if getattr(self, "_handle", None) and _api is not None:
            self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def load(path):
    """Opens the compiled library at `path`."""
    return Library(path)


def compile(path, seq_len, target="cpu", function=None, prepare=False,
            output=None, compiler=None):
    """Compiles `function` of the .mlir file `path` for each length of
    `seq_len` (an int or a list) with orchid-compile (`compiler`, or the one
    on $PATH) and opens the result; `prepare` hoists the filter work of a
    block into prepare entries, which the callable then runs once per
    weights. With one length, returns the callable
    of that length; with several, the Library. `output` names the library
    to write (default: a temporary directory's)."""
    lengths = [seq_len] if isinstance(seq_len, int) else list(seq_len)
    tool = compiler or shutil.which("orchid-compile")
    if not tool:
        raise OrchidError("cannot find orchid-compile: put it on PATH")
    if output is None:
        output = os.path.join(tempfile.mkdtemp(prefix="orchid-"), "lib.so")
    command = [tool, os.fspath(path),
               "--seq-len=" + ",".join(str(int(n)) for n in lengths),
               "--target=" + target, "-o", os.fspath(output)]
    if function:
        command.append("--function=" + function)
    if prepare:
        command.append("--prepare")
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise OrchidError(done.stderr.strip())
    library = Library(output)
    if len(lengths) == 1:
        return library.function(function, lengths[0])
    return library
