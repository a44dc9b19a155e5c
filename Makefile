# Convenience entry points; the real build is CMake + Ninja in $(BUILD_DIR).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
LLVM_DIR ?= /usr/lib/llvm-22
JOBS ?= $(shell nproc)

CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
  -DMLIR_DIR=$(LLVM_DIR)/lib/cmake/mlir \
  -DLLVM_EXTERNAL_LIT=$(LLVM_DIR)/bin/lit \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache

.PHONY: all deps configure build check demo bench docs format clean \
  deps-sanitizers fuzz check-asan

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Builds everything and runs every test (lit + unit tests) through ctest.
check: build
	@bash scripts/run-tests.sh $(BUILD_DIR)

# Compiles and runs the example model.
demo: build
	bash examples/run-demo.sh $(BUILD_DIR)

bench: build
	cmake --build $(BUILD_DIR) --target orchid-bench
	bash bench/run.sh $(BUILD_DIR)

# Sanitizer and fuzzing builds: Clang, with AddressSanitizer and
# UndefinedBehaviorSanitizer on every Orchid target, in build dirs of their
# own (docs/robustness.md).
ASAN_DIR ?= build-asan
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
SANITIZER_FLAGS = -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DLLVM_USE_SANITIZER="Address;Undefined"
# Leaks of MLIR's process-lifetime registries are not Orchid's to fix, and
# LLVM's allocators poison memory in instrumented inline code that the
# uninstrumented libMLIR then reads legitimately: user poisoning is off.
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:allow_user_poisoning=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

deps-sanitizers: deps
	@bash scripts/install-deps.sh --sanitizers

# Runs the whole test suite on the sanitizer build.
check-asan: deps-sanitizers
	cmake -S . -B $(ASAN_DIR) $(CMAKE_FLAGS) $(SANITIZER_FLAGS)
	cmake --build $(ASAN_DIR) -j $(JOBS)
	$(SANITIZER_ENV) bash scripts/run-tests.sh $(ASAN_DIR)

# Runs each fuzz target for FUZZ_SECONDS on the sanitizer build.
fuzz: deps-sanitizers
	cmake -S . -B $(FUZZ_DIR) $(CMAKE_FLAGS) $(SANITIZER_FLAGS) \
	  -DLLVM_USE_SANITIZE_COVERAGE=ON
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target orchid-opt-fuzzer \
	  orchid-npy-fuzzer
	$(SANITIZER_ENV) bash scripts/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# Regenerates the ODS-derived documentation under docs/.
docs: build
	cmake --build $(BUILD_DIR) --target orchid-docs

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
