# ctsql_embed_sql(<target> [NAMESPACE <ns>] FILES <files...>)
# Turns each .sql file into a header "<file name>.hpp" (users.sql -> "users.sql.hpp") that
# defines `inline constexpr char <ns>::<stem>_sql[]` with the file's text, regenerated when the
# file changes, and puts the headers on <target>'s include path. The stem is the name without its
# last extension, made an identifier: schema.sqlite.sql -> schema_sqlite_sql.
#
# The text starts with a marker comment naming the file, `/* ctsql: file db/queries/users.sql:1 */`,
# with no line break after it, so that compile-time diagnostics name the file and the line
# (docs/sql-files.md). The path is the file's relative to the top-level source directory
# (CMAKE_SOURCE_DIR), or its absolute path when it lies outside that tree.

# Cached, so that the function finds the script when it is called from a parent project that
# added ctsql with add_subdirectory or FetchContent, outside this file's directory scope.
set(CTSQL_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_sql_file.cmake" CACHE INTERNAL "ctsql_embed_sql's worker script")

function(ctsql_embed_sql target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "NAMESPACE" "FILES")
  if(NOT arg_FILES)
    message(FATAL_ERROR "ctsql_embed_sql(${target}): no FILES given")
  endif()
  set(output_dir "${CMAKE_CURRENT_BINARY_DIR}/ctsql_embedded/${target}")
  set(headers)
  foreach(file IN LISTS arg_FILES)
    get_filename_component(source "${file}" ABSOLUTE)
    get_filename_component(file_name "${source}" NAME)
    get_filename_component(stem "${source}" NAME_WLE)
    file(RELATIVE_PATH origin "${CMAKE_SOURCE_DIR}" "${source}")
    if(origin MATCHES "^\\.\\./")
      set(origin "${source}")
    endif()
    if(origin MATCHES "\\*/")
      message(FATAL_ERROR "ctsql_embed_sql(${target}): the path ${origin} contains '*/', which ends the comment naming it")
    endif()
    set(header "${output_dir}/${file_name}.hpp")
    add_custom_command(
      OUTPUT "${header}"
      COMMAND ${CMAKE_COMMAND} -DSOURCE=${source} -DORIGIN=${origin} -DHEADER=${header} -DSTEM=${stem}
              -DNAMESPACE=${arg_NAMESPACE} -P "${CTSQL_EMBED_SCRIPT}"
      DEPENDS "${source}" "${CTSQL_EMBED_SCRIPT}"
      COMMENT "ctsql: embedding ${file_name}"
      VERBATIM)
    list(APPEND headers "${header}")
  endforeach()
  target_sources(${target} PRIVATE ${headers})
  target_include_directories(${target} PRIVATE "${output_dir}")
endfunction()
