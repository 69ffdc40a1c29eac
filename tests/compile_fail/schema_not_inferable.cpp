// expect: ListNotes: result column 'body' (any) has no C++ type to infer: name the row type, db.execute<Row>(...)
#include "call_site.hpp"

inline constexpr auto schema = ctsql::schema<"CREATE TABLE notes (id INTEGER PRIMARY KEY, body)">;
inline constexpr auto ListNotes = ctsql::query<"-- name: ListNotes :many\nSELECT id, body FROM notes", schema>;

void run(ctsql::sqlite::connection& db) {
    db.execute(ListNotes);
}
