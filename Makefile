# Convenience entry points; the real build is CMake + Ninja in $(BUILD_DIR).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
LLVM_DIR ?= /usr/lib/llvm-22
JOBS ?= $(shell nproc)

CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
  -DMLIR_DIR=$(LLVM_DIR)/lib/cmake/mlir \
  -DLLVM_EXTERNAL_LIT=$(LLVM_DIR)/bin/lit \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache

.PHONY: all deps configure build check demo bench docs format clean

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

# Regenerates the ODS-derived documentation under docs/.
docs: build
	cmake --build $(BUILD_DIR) --target orchid-docs

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
