#pragma once
// A MySQL database of a test's own, on the server at CTSQL_MYSQL_URL: connections opened
// through url() use it, so tests running at once do not see each other's tables. Dropped, with
// everything in it, at the end of the test.

#include <ctsql/mysql.hpp>

#include <cstdlib>
#include <string>
#include <unistd.h>

namespace test {

class mysql_scratch {
public:
    mysql_scratch() : name_("ctsql_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter()++)) {
        admin_.execute_script("DROP DATABASE IF EXISTS " + name_ + "; CREATE DATABASE " + name_);
    }
    mysql_scratch(const mysql_scratch&) = delete;
    ~mysql_scratch() { ctsql::mysql::connection{server_url()}.execute_script("DROP DATABASE " + name_); }

    static std::string server_url() { return std::getenv("CTSQL_MYSQL_URL"); }

    // The server's URL with this database in place of its own: mysql://user@host:port/<name>.
    std::string url() const {
        const std::string base = server_url();
        const std::size_t path = base.find('/', base.find("://") + 3);
        return base.substr(0, path) + "/" + name_;
    }
    ctsql::mysql::connection connect(const ctsql::mysql::options& options = {}) const {
        return ctsql::mysql::connection{url(), options};
    }
    const std::string& name() const { return name_; }

private:
    std::string name_;
    ctsql::mysql::connection admin_{server_url()};

    static int& counter() {
        static int next = 0;
        return next;
    }
};

}  // namespace test
