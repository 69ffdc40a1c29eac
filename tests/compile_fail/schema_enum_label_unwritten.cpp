// expect: SetFeeling: enumerator 'ecstatic' of argument 2 is not a label of enum 'mood'
#include "postgres_site.hpp"

enum class feelings { sad, ok, happy, ecstatic };

inline constexpr auto SetFeeling = ctsql::query<"-- name: SetFeeling :exec\nUPDATE people SET feeling = $2 WHERE id = $1", schema>;

void run(ctsql::postgres::connection& db) { db.execute(SetFeeling, 1, feelings::happy); }
