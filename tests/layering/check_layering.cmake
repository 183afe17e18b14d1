# Builds each layering probe (tests/layering/CMakeLists.txt) and checks that it compiles when
# it should and fails when it should. Also refuses includes that climb out of a part's
# directory ("../"), which would go around the include path.
set(wrong 0)
foreach(probe IN LISTS PROBES)
  string(REPLACE ":" ";" probe ${probe})
  list(GET probe 0 target)
  list(GET probe 1 expected)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${target}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(rc EQUAL 0)
    set(got builds)
  else()
    set(got refused)
  endif()
  if(NOT got STREQUAL expected)
    math(EXPR wrong "${wrong} + 1")
    message("WRONG: ${target} ${got}, the rule says it is ${expected}:\n${out}")
  endif()
endforeach()
list(LENGTH PROBES count)

file(GLOB_RECURSE sources ${SOURCE_DIR}/text/* ${SOURCE_DIR}/schema/* ${SOURCE_DIR}/extract/*
     ${SOURCE_DIR}/storage/* ${SOURCE_DIR}/indexer/* ${SOURCE_DIR}/searcher/* ${SOURCE_DIR}/render/*
     ${SOURCE_DIR}/server/* ${SOURCE_DIR}/cli/*)
list(FILTER sources INCLUDE REGEX "\\.(cpp|hpp)$")
foreach(source IN LISTS sources)
  file(STRINGS ${source} climbing REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]\\.\\./")
  if(climbing)
    math(EXPR wrong "${wrong} + 1")
    message("WRONG: ${source} includes through \"../\": ${climbing}")
  endif()
endforeach()

if(wrong GREATER 0)
  message(FATAL_ERROR "${wrong} of ${count} layering probes (and the ../ check) went against the rule")
endif()
message("${count} layering probes as the rule says; no include climbs out of its part")
