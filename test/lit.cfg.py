# -*- Python -*-

import os
import shutil
import subprocess
import sys

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "ORCHID"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.orchid_obj_root, "test")
config.excludes = ["Inputs", "Unit", "CMakeLists.txt", "lit.cfg.py",
                   "lit.site.cfg.py"]

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%orchid_src_root", config.orchid_src_root))
config.substitutions.append(("%orchid_tools_dir", config.orchid_tools_dir))
config.substitutions.append(("%llvm_tools_dir", config.llvm_tools_dir))
config.substitutions.append(("%orchid_obj_root", config.orchid_obj_root))
config.substitutions.append(("%orchid_lib_dir",
                             os.path.join(config.orchid_obj_root, "lib")))

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tool_dirs = [config.orchid_tools_dir, config.llvm_tools_dir]
tools = [ToolSubst("orchid-opt", unresolved="ignore"),
         ToolSubst("orchid-run", unresolved="ignore"),
         ToolSubst("orchid-compile", unresolved="ignore"),
         ToolSubst("orchid-aot-run", unresolved="ignore"),
         ToolSubst("orchid-opt-fuzzer", unresolved="ignore"),
         ToolSubst("orchid-npy-fuzzer", unresolved="ignore")]
llvm_config.add_tool_substitutions(tools, tool_dirs)

# ptxas validates generated PTX where the CUDA toolkit is installed.
cuda_root = os.environ.get("CUDA_ROOT", "/usr/local/cuda")
if os.path.exists(os.path.join(cuda_root, "bin", "ptxas")):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", os.path.join(cuda_root, "bin", "ptxas")))
    config.environment["CUDA_ROOT"] = cuda_root

# GPU execution tests need a driver and a device.
if os.path.exists("/dev/nvidia0") or os.environ.get("ORCHID_FORCE_GPU_TESTS"):
    config.available_features.add("cuda-gpu")

# The GPU lowering's emulation on the CPU (test/Integration/GPU/Inputs/
# emulate.py) needs NumPy and mlir-runner.
if os.path.exists(os.path.join(config.llvm_tools_dir, "mlir-runner")):
    for python in (sys.executable, shutil.which("python3"), "/usr/bin/python3"):
        if python and subprocess.run([python, "-c", "import numpy"],
                                     capture_output=True).returncode == 0:
            config.available_features.add("numpy")
            config.substitutions.append(("%numpy_python", python))
            break

# The comparisons with PyTorch implementations of the original layers
# (test/Integration/PyTorch) need torch and NumPy; orchid-export runs on
# the same interpreter, from python/ of the source tree.
for python in (sys.executable, shutil.which("python3"), "/usr/bin/python3"):
    if python and subprocess.run([python, "-c", "import torch, numpy"],
                                 capture_output=True).returncode == 0:
        config.available_features.add("torch")
        config.substitutions.append(("%torch_python", python))
        config.substitutions.append((
            "%orchid_export",
            "env ORCHID_PYTHON=%s %s" % (python, os.path.join(
                config.orchid_src_root, "tools", "orchid-export",
                "orchid-export"))))
        break
config.environment["PYTHONPATH"] = os.pathsep.join(
    [os.path.join(config.orchid_src_root, "python")] +
    ([config.environment["PYTHONPATH"]]
     if config.environment.get("PYTHONPATH") else []))

# Programs built against the headers orchid-compile writes need a C compiler.
cc = shutil.which("cc")
if cc:
    config.available_features.add("cc")
    config.substitutions.append(("%cc", cc))

# In sanitizer builds the runtime libraries are instrumented too: programs
# that are not (Python, a plain C program) cannot load them.
runtime = os.path.join(config.orchid_obj_root, "lib", "liborchid_cpu_runtime.so")
if os.path.exists(runtime):
    with open(runtime, "rb") as f:
        if b"__asan_init" in f.read():
            config.available_features.add("asan")

# The C++ compiler of the build, for projects built against an installed
# Orchid (test/Tools/install).
cache = os.path.join(config.orchid_obj_root, "CMakeCache.txt")
if os.path.exists(cache):
    with open(cache) as f:
        for line in f:
            if line.startswith("CMAKE_CXX_COMPILER:"):
                config.available_features.add("cxx")
                config.substitutions.append(
                    ("%cxx", line.split("=", 1)[1].strip()))
                break
