#pragma once
// A mysql:// or mariadb:// URL, read into what mysql_real_connect takes:
//   mysql://user:password@host:port/database?ssl-mode=required&connect-timeout=5
//   mysql://user@localhost/database?socket=/run/mysqld/mysqld.sock
// User, password, database and values are percent-decoded ('?' and '/' in a password must be:
// %3F, %2F). Messages about a bad URL never quote it: it may hold a password.

#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "../detail/characters.hpp"
#include "../error.hpp"

namespace ctsql::mysql::detail {

enum class ssl_mode : unsigned char { preferred, disabled, required, verify_ca, verify_identity };

struct connect_parameters {
    std::string user;
    std::string password;
    std::string host = "localhost";  // localhost: the default unix socket
    unsigned port = 0;               // 0: the default, 3306
    std::string database;
    std::string socket;              // a unix socket path, with host localhost
    ssl_mode ssl = ssl_mode::preferred;
    std::string ssl_ca;              // a file of trusted certificate authorities
    unsigned connect_timeout = 0;    // seconds; 0: the library's default
};

[[noreturn]] inline void bad_url(std::string_view what) {
    throw error{errc::connection_failure, {}, std::string{"bad MySQL URL: "} + std::string{what}};
}

inline std::string percent_decoded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        unsigned value = 0;
        if (i + 2 >= text.size()) bad_url("a '%' not followed by two hex digits");
        const auto [end, rc] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
        if (rc != std::errc{} || end != text.data() + i + 3) bad_url("a '%' not followed by two hex digits");
        out += static_cast<char>(value);
        i += 2;
    }
    return out;
}

inline unsigned parse_number(std::string_view text, std::string_view what) {
    unsigned value = 0;
    const auto [end, rc] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || rc != std::errc{} || end != text.data() + text.size())
        bad_url(std::string{what} + " is not a number");
    return value;
}

inline ssl_mode parse_ssl_mode(std::string_view value) {
    const std::string mode = percent_decoded(value);
    for (const auto& [name, known] : {std::pair{"disabled", ssl_mode::disabled}, std::pair{"preferred", ssl_mode::preferred},
                                      std::pair{"required", ssl_mode::required}, std::pair{"verify_ca", ssl_mode::verify_ca},
                                      std::pair{"verify_identity", ssl_mode::verify_identity}})
        if (ctsql::detail::iequals(mode, name)) return known;
    bad_url("ssl-mode must be disabled, preferred, required, verify_ca or verify_identity");
}

inline void apply_option(connect_parameters& p, std::string_view key, std::string_view value) {
    if (key == "ssl-mode" || key == "sslmode") p.ssl = parse_ssl_mode(value);
    else if (key == "ssl-ca") p.ssl_ca = percent_decoded(value);
    else if (key == "socket") p.socket = percent_decoded(value);
    else if (key == "connect-timeout") p.connect_timeout = parse_number(value, "connect-timeout");
    else bad_url("an unknown option (the options are ssl-mode, ssl-ca, socket and connect-timeout)");
}

inline connect_parameters parse_url(std::string_view url) {
    const std::size_t scheme_end = url.find("://");
    const std::string_view scheme = url.substr(0, scheme_end);
    if (scheme_end == std::string_view::npos || (scheme != "mysql" && scheme != "mariadb"))
        bad_url("expected mysql://user:password@host:port/database or mariadb://...");
    std::string_view rest = url.substr(scheme_end + 3);
    connect_parameters p;

    std::string_view query;
    if (const std::size_t mark = rest.find('?'); mark != std::string_view::npos) {
        query = rest.substr(mark + 1);
        rest = rest.substr(0, mark);
    }
    // The last '@' before the path ends the user information: a password may hold '@'.
    const std::size_t last_at = rest.rfind('@');
    const std::size_t slash_after_at = rest.find('/', last_at == std::string_view::npos ? 0 : last_at);
    std::string_view authority = rest.substr(0, slash_after_at);
    if (slash_after_at != std::string_view::npos) p.database = percent_decoded(rest.substr(slash_after_at + 1));
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        const std::string_view user_info = authority.substr(0, at);
        const std::size_t colon = user_info.find(':');
        p.user = percent_decoded(user_info.substr(0, colon));
        if (colon != std::string_view::npos) p.password = percent_decoded(user_info.substr(colon + 1));
        authority = authority.substr(at + 1);
    }
    std::string_view host = authority;
    if (host.starts_with('[')) {  // [::1]:3306
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos) bad_url("an IPv6 host without its closing ']'");
        if (close + 1 < host.size()) {
            if (host[close + 1] != ':') bad_url("text after an IPv6 host");
            p.port = parse_number(host.substr(close + 2), "the port");
        }
        host = host.substr(1, close - 1);
    } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        p.port = parse_number(host.substr(colon + 1), "the port");
        host = host.substr(0, colon);
    }
    if (!host.empty()) p.host = percent_decoded(host);
    if (p.host.starts_with('/')) {  // mysql://user@%2Frun%2Fmysqld%2Fmysqld.sock/db
        p.socket = p.host;
        p.host = "localhost";
    }

    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos) bad_url("an option without a value");
        apply_option(p, pair.substr(0, equals), pair.substr(equals + 1));
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    }
    return p;
}

}  // namespace ctsql::mysql::detail
