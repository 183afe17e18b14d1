# The parts of the library, and the rule the build keeps between them.
#
# newsdesk_part(NAME SOURCES files... [USES parts...] [PUBLIC libs...] [PRIVATE libs...])
#
# A part is the directory NAME/. Its code includes its own headers and those of the parts it
# USES as "NAME/file.hpp", and the public API as <newsdesk/file.hpp>; nothing else of the
# source tree is on its include path, so including a part it may not use fails to compile.
# Each part sees a directory of its own in the build tree (parts/NAME/) holding one link,
# NAME -> the source directory; its users get that directory, and their own.
#
# Two targets per part:
#   newsdesk_NAME_headers  (INTERFACE) the part's headers and what they need: what a user of
#                          the part links to compile against it (other parts, tests, fuzzers);
#   newsdesk_NAME          (OBJECT) its code, compiled once and linked into libnewsdesk.
# Use is transitive: a part sees what the parts it uses see (CMake's usage requirements are),
# so the table in README.md ("Architecture") lists each part's direct uses only.

# The public API: include/newsdesk/, which every part may include.
add_library(newsdesk_api INTERFACE)
target_include_directories(newsdesk_api INTERFACE ${PROJECT_SOURCE_DIR}/include)

function(newsdesk_part name)
  cmake_parse_arguments(PART "" "" "SOURCES;USES;PUBLIC;PRIVATE" ${ARGN})
  set(view ${PROJECT_BINARY_DIR}/parts/${name})
  file(MAKE_DIRECTORY ${view})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${view}/${name} SYMBOLIC)

  add_library(newsdesk_${name}_headers INTERFACE)
  target_include_directories(newsdesk_${name}_headers INTERFACE ${view})
  target_link_libraries(newsdesk_${name}_headers INTERFACE newsdesk_api ${PART_PUBLIC})
  foreach(used IN LISTS PART_USES)
    target_link_libraries(newsdesk_${name}_headers INTERFACE newsdesk_${used}_headers)
  endforeach()

  add_library(newsdesk_${name} OBJECT ${PART_SOURCES})
  set_target_properties(newsdesk_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_link_libraries(newsdesk_${name} PUBLIC newsdesk_${name}_headers PRIVATE newsdesk_warnings ${PART_PRIVATE})
  # Object libraries linked directly: their code goes into the shared library.
  target_link_libraries(newsdesk PRIVATE newsdesk_${name})
endfunction()

# newsdesk_program_part(NAME): the part NAME/ of the programs (render, server), a static
# library already added as newsdesk_NAME, on the public API: its users include its headers as
# "NAME/file.hpp"; the library's parts are not on its include path.
function(newsdesk_program_part name)
  set(view ${PROJECT_BINARY_DIR}/parts/${name})
  file(MAKE_DIRECTORY ${view})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${view}/${name} SYMBOLIC)
  target_include_directories(newsdesk_${name} PUBLIC ${view})
endfunction()
