// expect: ListAccounts: the row type inferred differs between the backends an any_connection may choose: name it, db.execute<Row>(...)
#include <ctsql/any.hpp>

inline constexpr auto schema = ctsql::schema<"CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner TEXT NOT NULL)">;
inline constexpr auto ListAccounts = ctsql::query<"-- name: ListAccounts :many\nSELECT id, owner FROM accounts", schema>;

void list(ctsql::any_connection& db) { db.execute(ListAccounts); }
