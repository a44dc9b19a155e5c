# orchid_compile(TARGET name SOURCE model.mlir SEQ_LEN L [L2 ...]
#                [PREPARE] [FUNCTION f] [BATCH B] [OPTIONS opt ...])
#
# Runs ORCHID_COMPILE_EXECUTABLE at build time to turn SOURCE into
# lib<name>.so and its header lib<name>.h (docs/aot.md) in
# ${CMAKE_CURRENT_BINARY_DIR}/orchid/<name>, and defines <name>, an
# interface library: linking it builds the library first, links it and
# liborchid_cpu_runtime, and puts the header on the include path. A copy
# of liborchid_cpu_runtime.so is put beside the library, where the
# library's rpath ($ORIGIN) finds it. The
# target's properties ORCHID_LIBRARY and ORCHID_HEADER give the paths, for
# programs that open the library through the C API instead.
function(orchid_compile)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "PREPARE"
    "TARGET;SOURCE;FUNCTION;BATCH" "SEQ_LEN;OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "orchid_compile: unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required TARGET SOURCE SEQ_LEN)
    if(NOT ARG_${required})
      message(FATAL_ERROR "orchid_compile: ${required} is required")
    endif()
  endforeach()
  foreach(length IN LISTS ARG_SEQ_LEN)
    if(NOT length MATCHES "^[1-9][0-9]*$")
      message(FATAL_ERROR
        "orchid_compile: SEQ_LEN '${length}' is not a positive integer")
    endif()
  endforeach()
  get_filename_component(source "${ARG_SOURCE}" ABSOLUTE
    BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/orchid/${ARG_TARGET}")
  set(library "${dir}/lib${ARG_TARGET}.so")
  set(header "${dir}/lib${ARG_TARGET}.h")
  list(JOIN ARG_SEQ_LEN "," lengths)
  set(args "${source}" "--seq-len=${lengths}" -o "${library}")
  if(ARG_PREPARE)
    list(APPEND args --prepare)
  endif()
  if(ARG_FUNCTION)
    list(APPEND args "--function=${ARG_FUNCTION}")
  endif()
  if(ARG_BATCH)
    list(APPEND args "--batch=${ARG_BATCH}")
  endif()
  list(APPEND args ${ARG_OPTIONS})

  add_custom_command(OUTPUT "${library}" "${header}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${dir}"
    COMMAND "${ORCHID_COMPILE_EXECUTABLE}" ${args}
    # The library finds the runtime beside itself (its rpath is $ORIGIN).
    COMMAND "${CMAKE_COMMAND}" -E copy_if_different
            "$<TARGET_FILE:Orchid::cpu_runtime>" "${dir}"
    DEPENDS "${source}" "${ORCHID_COMPILE_EXECUTABLE}"
    COMMENT "Compiling ${ARG_SOURCE} for L = ${lengths} with orchid-compile"
    VERBATIM)
  add_custom_target(${ARG_TARGET}_orchid_compile
    DEPENDS "${library}" "${header}")

  add_library(${ARG_TARGET} INTERFACE)
  target_include_directories(${ARG_TARGET} INTERFACE "${dir}")
  target_link_libraries(${ARG_TARGET} INTERFACE "${library}"
    Orchid::cpu_runtime)
  add_dependencies(${ARG_TARGET} ${ARG_TARGET}_orchid_compile)
  set_target_properties(${ARG_TARGET} PROPERTIES
    ORCHID_LIBRARY "${library}" ORCHID_HEADER "${header}")
endfunction()
