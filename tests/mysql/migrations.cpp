// Migrations on MariaDB: a database of the test's own, opened by several connections; each DDL
// statement commits at once, and the named lock keeps two processes from migrating at once.
#include <ctsql/mysql.hpp>

#include "support/mysql_scratch.hpp"

namespace {

struct migrations_fixture {
    static constexpr bool transactional_ddl = false;
    static constexpr const char* pause_statement = "DO SLEEP(0.1)";

    test::mysql_scratch scratch;
    auto opener() const {
        return [this] { return scratch.connect(); };
    }
};

}  // namespace

#include "support/migration_cases.hpp"
