// Reading mysql:// and mariadb:// URLs: every part percent-decoded, sockets, options, and
// messages for bad URLs that never quote the URL (it may hold a password).
#include <ctsql/mysql/url.hpp>

#include <doctest/doctest.h>

#include <string>

#include "support/caught.hpp"

using ctsql::mysql::detail::parse_url;
using ctsql::mysql::detail::ssl_mode;

TEST_CASE("a URL's parts") {
    const auto p = parse_url("mysql://app:p%40ss:w@rd@db.example.org:3307/shop?ssl-mode=VERIFY_IDENTITY&ssl-ca=%2Fetc%2Fca.pem&connect-timeout=7");
    CHECK(p.user == "app");
    CHECK(p.password == "p@ss:w@rd");
    CHECK(p.host == "db.example.org");
    CHECK(p.port == 3307);
    CHECK(p.database == "shop");
    CHECK(p.ssl == ssl_mode::verify_identity);
    CHECK(p.ssl_ca == "/etc/ca.pem");
    CHECK(p.connect_timeout == 7);
    CHECK(p.socket.empty());
}

TEST_CASE("defaults, IPv6 hosts and unix sockets") {
    const auto bare = parse_url("mariadb://root@/");
    CHECK(bare.user == "root");
    CHECK(bare.password.empty());
    CHECK(bare.host == "localhost");
    CHECK(bare.port == 0);
    CHECK(bare.database.empty());
    CHECK(bare.ssl == ssl_mode::preferred);

    const auto v6 = parse_url("mysql://u:pw@[::1]:33069/db");
    CHECK(v6.host == "::1");
    CHECK(v6.port == 33069);

    const auto by_option = parse_url("mysql://u@localhost/db?socket=/run/mysqld/mysqld.sock");
    CHECK(by_option.socket == "/run/mysqld/mysqld.sock");
    const auto by_host = parse_url("mysql://u@%2Frun%2Fmysqld%2Fmysqld.sock/db");
    CHECK(by_host.socket == "/run/mysqld/mysqld.sock");
    CHECK(by_host.host == "localhost");
    CHECK(by_host.database == "db");
}

TEST_CASE("bad URLs are connection failures that do not quote the URL") {
    const auto rejected = [](const std::string& url) {
        const ctsql::error e = test::caught([&] { parse_url(url); });
        CHECK(e.code() == ctsql::errc::connection_failure);
        CHECK(std::string{e.what()}.find("secret") == std::string::npos);
        return e.text();
    };
    CHECK(rejected("postgresql://u:secret@host/db").find("mysql://") != std::string::npos);
    CHECK(rejected("mysql://u:secret@host:port/db").find("port is not a number") != std::string::npos);
    CHECK(rejected("mysql://u:secret@host/db?colour=blue").find("an unknown option") != std::string::npos);
    CHECK(rejected("mysql://u:secret@host/db?ssl-mode=maybe").find("ssl-mode must be") != std::string::npos);
    CHECK(rejected("mysql://u:secret%4@host/db").find("two hex digits") != std::string::npos);
    CHECK(rejected("mysql://u:secret@[::1/db").find("IPv6") != std::string::npos);
}
