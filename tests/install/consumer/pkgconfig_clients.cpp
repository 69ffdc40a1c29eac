// Built with the flags of `pkg-config --cflags --libs ctsql-postgres ctsql-mysql` alone: both
// client libraries link, and a refused connection is ctsql's connection_failure on each.
#include <ctsql/mysql.hpp>
#include <ctsql/postgres.hpp>

template <class Connection>
bool refused(const char* url) {
    try {
        Connection db{url};
    } catch (const ctsql::error& e) {
        return e.code() == ctsql::errc::connection_failure;
    }
    return false;
}

int main() {
    // Port 1 on loopback: nothing listens there.
    const bool postgres = refused<ctsql::postgres::connection>("postgresql://ctsql@127.0.0.1:1/none");
    const bool mysql = refused<ctsql::mysql::connection>("mysql://ctsql@127.0.0.1:1/none");
    return postgres && mysql ? 0 : 1;
}
