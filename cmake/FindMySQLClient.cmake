# Finds the MySQL C API as MariaDB's Connector/C has it (Debian: libmariadb-dev), which talks to
# MySQL and MariaDB servers alike.
# Defines MySQLClient_FOUND and the imported target MySQLClient::MySQLClient.

find_path(MySQLClient_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb)
find_library(MySQLClient_LIBRARY NAMES mariadb)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MySQLClient REQUIRED_VARS MySQLClient_LIBRARY MySQLClient_INCLUDE_DIR)

if(MySQLClient_FOUND AND NOT TARGET MySQLClient::MySQLClient)
  add_library(MySQLClient::MySQLClient UNKNOWN IMPORTED)
  set_target_properties(MySQLClient::MySQLClient PROPERTIES IMPORTED_LOCATION "${MySQLClient_LIBRARY}"
                        INTERFACE_INCLUDE_DIRECTORIES "${MySQLClient_INCLUDE_DIR}")
endif()
mark_as_advanced(MySQLClient_INCLUDE_DIR MySQLClient_LIBRARY)
