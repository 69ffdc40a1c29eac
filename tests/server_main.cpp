// main() for the tests that need database servers, whose URLs are in the environment variables
// named by CTSQL_SERVER_URL_VARIABLES. Without one they are skipped (exit code 77, which ctest
// reports as skipped), unless CTSQL_REQUIRE_SERVERS is set, as scripts/test sets it: then a
// missing server is a failure.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

int main(int argc, char** argv) {
    bool listing = false;  // ctest lists the test cases at build time, servers or not
    for (int i = 1; i < argc; ++i) listing = listing || std::string_view{argv[i]}.starts_with("--list");
    for (const char* variable : {CTSQL_SERVER_URL_VARIABLES}) {
        if (listing || std::getenv(variable) != nullptr) continue;
        if (std::getenv("CTSQL_REQUIRE_SERVERS") != nullptr) {
            std::fprintf(stderr, "%s is not set, but CTSQL_REQUIRE_SERVERS is: the server did not start\n", variable);
            return 1;
        }
        std::fprintf(stderr, "skipped: %s is not set (scripts/test starts the server and sets it)\n", variable);
        return 77;
    }
    return doctest::Context{argc, argv}.run();
}
