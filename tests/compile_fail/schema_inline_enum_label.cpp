// expect: GetState: label 'new' of the column's ENUM has no enumerator of that name in field 'state'
#include "call_site.hpp"

// MySQL's inline ENUM, whose type has no name of its own.
inline constexpr auto shop = ctsql::schema<"CREATE TABLE orders (id INTEGER PRIMARY KEY, state ENUM('new', 'shipped') NOT NULL);">;
inline constexpr auto GetState = ctsql::query<"-- name: GetState :one\nSELECT state FROM orders WHERE id = $1", shop>;

enum class order_state { pending, shipped };
struct Order {
    order_state state;
};

void run(ctsql::sqlite::connection& db) { db.execute<Order>(GetState, 1); }
