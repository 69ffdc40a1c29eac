// expect: GetVisits: result column 'visits' (unsigned 32-bit integer) does not fit field 'visits' (32-bit integer)
#include "mysql_site.hpp"

inline constexpr auto GetVisits = ctsql::query<"-- name: GetVisits :one\nSELECT id, visits FROM people WHERE id = $1", schema>;

struct Visits {
    std::uint64_t id;
    std::int32_t visits;
};

void run(ctsql::mysql::connection& db) { db.execute<Visits>(GetVisits, 1u); }
