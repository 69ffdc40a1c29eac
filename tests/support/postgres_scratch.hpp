#pragma once
// A PostgreSQL schema of a test's own, on the server at CTSQL_POSTGRES_URL (or another server's
// URL): every connection the test opens through url() has it first on its search path, so tests
// running at once do not see each other's tables. Dropped, with everything in it, at the end of
// the test.

#include <ctsql/postgres.hpp>

#include <cstdlib>
#include <string>
#include <unistd.h>
#include <utility>

namespace test {

class postgres_scratch {
public:
    explicit postgres_scratch(std::string server = server_url())
        : server_(std::move(server)), name_("ctsql_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++)) {
        ctsql::postgres::connection{server_}.execute_script("DROP SCHEMA IF EXISTS " + name_ + " CASCADE; CREATE SCHEMA " + name_);
    }
    postgres_scratch(const postgres_scratch&) = delete;
    ~postgres_scratch() { ctsql::postgres::connection{server_}.execute_script("DROP SCHEMA " + name_ + " CASCADE"); }

    static std::string server_url() { return std::getenv("CTSQL_POSTGRES_URL"); }

    // The server's URL with this schema on the search path.
    std::string url() const {
        return server_ + (server_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name_;
    }
    ctsql::postgres::connection connect() const { return ctsql::postgres::connection{url()}; }
    const std::string& name() const { return name_; }

private:
    std::string server_;
    std::string name_;

    static int& counter() {
        static int next = 0;
        return next;
    }
};

}  // namespace test
