// expect: Wide: '*' over 's4' gives more columns than the query has room for (its own '*'s multiplied them): list the columns
#include "call_site.hpp"

// Each level's *s multiply the columns of the one below, past what the query's shape makes room for.
inline constexpr auto schema = ctsql::schema<"CREATE TABLE t (a INT, b INT, c INT)">;
inline constexpr auto Wide = ctsql::query<
    "-- name: Wide :many\nSELECT *, *, *, * FROM (SELECT *, *, *, * FROM (SELECT *, *, *, * FROM (SELECT *, *, *, * "
    "FROM (SELECT *, *, *, * FROM (SELECT * FROM t) s0) s1) s2) s3) s4",
    schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute<std::int64_t>(Wide);
}
