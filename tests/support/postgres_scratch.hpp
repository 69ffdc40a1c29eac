#pragma once
// A PostgreSQL schema of a test's own, on the server at CTSQL_POSTGRES_URL: every connection
// the test opens through url() has it first on its search path, so tests running at once do
// not see each other's tables. Dropped, with everything in it, at the end of the test.

#include <ctsql/postgres.hpp>

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace test {

class postgres_scratch {
public:
    postgres_scratch() : name_("ctsql_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++)) {
        admin_.execute_script("DROP SCHEMA IF EXISTS " + name_ + " CASCADE; CREATE SCHEMA " + name_);
    }
    postgres_scratch(const postgres_scratch&) = delete;
    ~postgres_scratch() { ctsql::postgres::connection{server_url()}.execute_script("DROP SCHEMA " + name_ + " CASCADE"); }

    static std::string server_url() { return std::getenv("CTSQL_POSTGRES_URL"); }

    // The server's URL with this schema on the search path.
    std::string url() const {
        const std::string base = server_url();
        return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name_;
    }
    ctsql::postgres::connection connect() const { return ctsql::postgres::connection{url()}; }
    const std::string& name() const { return name_; }

private:
    std::string name_;
    ctsql::postgres::connection admin_{server_url()};

    static int& counter() {
        static int next = 0;
        return next;
    }
};

}  // namespace test
