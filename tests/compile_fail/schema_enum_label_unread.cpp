// expect: GetFeeling: label 'happy' of enum 'mood' has no enumerator of that name in field 'feeling'
#include "postgres_site.hpp"

enum class gloomy { sad, ok };
struct Feeling {
    gloomy feeling;
};

inline constexpr auto GetFeeling = ctsql::query<"-- name: GetFeeling :one\nSELECT feeling FROM people WHERE id = $1", schema>;

void run(ctsql::postgres::connection& db) { db.execute<Feeling>(GetFeeling, 1); }
