#pragma once
// A MySQL database of a test's own, on the server at CTSQL_MYSQL_URL (or another server's URL):
// connections opened through url() use it, so tests running at once do not see each other's
// tables. Dropped, with everything in it, at the end of the test.

#include <ctsql/mysql.hpp>

#include <cstdlib>
#include <string>
#include <unistd.h>
#include <utility>

namespace test {

class mysql_scratch {
public:
    explicit mysql_scratch(std::string server = server_url())
        : server_(std::move(server)), name_("ctsql_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++)) {
        ctsql::mysql::connection{server_}.execute_script("DROP DATABASE IF EXISTS " + name_ + "; CREATE DATABASE " + name_);
    }
    mysql_scratch(const mysql_scratch&) = delete;
    ~mysql_scratch() { ctsql::mysql::connection{server_}.execute_script("DROP DATABASE " + name_); }

    static std::string server_url() { return std::getenv("CTSQL_MYSQL_URL"); }

    // The server's URL with this database in place of its own: mysql://user@host:port/<name>.
    std::string url() const {
        const std::size_t path = server_.find('/', server_.find("://") + 3);
        return server_.substr(0, path) + "/" + name_;
    }
    ctsql::mysql::connection connect(const ctsql::mysql::options& options = {}) const {
        return ctsql::mysql::connection{url(), options};
    }
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
