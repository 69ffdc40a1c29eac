// The catalog: DDL of three dialects read into tables, columns, types and enums.
#include <ctsql/catalog.hpp>
#include <ctsql/fixed_string.hpp>
#include <ctsql/schema.hpp>

#include <doctest/doctest.h>

namespace {

using namespace ctsql;

template <fixed_string Ddl>
constexpr auto read = read_catalog<detail::measure_catalog(Ddl.view())>(Ddl.view());

template <auto& Catalog>
constexpr const column_definition& column(std::string_view table, std::string_view name) {
    return Catalog.columns[Catalog.find_column(Catalog.find_table(table), name)];
}

// PostgreSQL: types with arguments and several words, arrays, enums, identity, constraints.
inline constexpr auto postgres = read<R"sql(
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE IF NOT EXISTS public.accounts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    balance NUMERIC(12, 2) NOT NULL DEFAULT 0,
    ratio DOUBLE PRECISION,
    nickname CHARACTER VARYING(40) COLLATE "C",
    seen TIMESTAMP WITH TIME ZONE DEFAULT now(),
    born DATE,
    tags TEXT[] NOT NULL DEFAULT '{}',
    feeling mood NOT NULL DEFAULT 'ok',
    token UUID DEFAULT uuid_generate_v4(),
    code SMALLINT CHECK (code > 0),
    parent BIGINT REFERENCES accounts (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT positive CHECK (balance >= 0),
    UNIQUE (nickname)
);
CREATE INDEX accounts_seen ON accounts USING btree (seen DESC);
CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.seen := now(); RETURN NEW; END; $$ LANGUAGE plpgsql;
COMMENT ON TABLE accounts IS 'money; and more';
CREATE TABLE pairs (a INT, b INT, PRIMARY KEY (a, b));
ALTER TABLE accounts ADD COLUMN note TEXT, ALTER COLUMN ratio SET NOT NULL, DROP COLUMN code;
ALTER TABLE accounts RENAME COLUMN born TO birthday;
ALTER TYPE mood ADD VALUE 'ecstatic';
CREATE VIEW rich AS SELECT id, balance FROM accounts WHERE balance > 1000;
)sql">;
static_assert(postgres.ok());
static_assert(postgres.tables.size() == 3 && postgres.tables[2].view && postgres.tables[2].view_query.starts_with("SELECT id"));
static_assert(column<postgres>("accounts", "id").type.name == type_name::bigint);
static_assert(!column<postgres>("accounts", "id").nullable && column<postgres>("accounts", "id").has_default);
static_assert(column<postgres>("accounts", "balance").type.name == type_name::decimal);
static_assert(column<postgres>("accounts", "balance").type.arguments == "12, 2");
static_assert(column<postgres>("accounts", "ratio").type.name == type_name::double_);
static_assert(!column<postgres>("accounts", "ratio").nullable);  // SET NOT NULL
static_assert(column<postgres>("accounts", "nickname").type.name == type_name::varchar);
static_assert(column<postgres>("accounts", "seen").type.name == type_name::timestamptz);
static_assert(column<postgres>("accounts", "tags").type.array);
static_assert(resolve(column<postgres>("accounts", "tags").type, dialect::postgresql).array);
static_assert(!resolve(column<postgres>("accounts", "tags").type, dialect::sqlite).array);  // text, by affinity
static_assert(column<postgres>("accounts", "feeling").type.name == type_name::enumeration);
static_assert(postgres.enums[0].label_count == 4 && postgres.labels[3] == "ecstatic");
static_assert(column<postgres>("accounts", "token").type.name == type_name::uuid);
static_assert(postgres.find_column(postgres.find_table("accounts"), "code") == postgres.npos);  // dropped
static_assert(column<postgres>("accounts", "birthday").type.name == type_name::date);      // renamed
static_assert(column<postgres>("accounts", "note").nullable);                                 // added
static_assert(!column<postgres>("pairs", "a").nullable && !column<postgres>("pairs", "b").nullable);

// MySQL: inline ENUM, UNSIGNED, AUTO_INCREMENT, KEY lines, table options, MODIFY and CHANGE.
inline constexpr auto mysql = read<R"sql(
CREATE TABLE `orders` (
  `id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  `state` ENUM('new', 'paid', 'sent') NOT NULL DEFAULT 'new',
  `amount` DECIMAL(10,2) NOT NULL,
  `key` VARCHAR(20),
  `flag` TINYINT(1) NOT NULL DEFAULT 0,
  `payload` JSON,
  `created` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (`id`),
  KEY `orders_state` (`state`),
  UNIQUE KEY `orders_key` (`key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
ALTER TABLE orders MODIFY COLUMN amount DECIMAL(12,2) NULL;
ALTER TABLE orders CHANGE `key` `lookup` VARCHAR(40) NOT NULL;
)sql">;
static_assert(mysql.ok());
static_assert(column<mysql>("orders", "id").type.is_unsigned && column<mysql>("orders", "id").has_default);
static_assert(column<mysql>("orders", "state").type.name == type_name::enumeration);
static_assert(mysql.enums[0].name.empty() && mysql.enums[0].label_count == 3);
static_assert(column<mysql>("orders", "amount").nullable && column<mysql>("orders", "amount").type.arguments == "12,2");
static_assert(!column<mysql>("orders", "lookup").nullable);
static_assert(column<mysql>("orders", "created").type.name == type_name::timestamp);
static_assert(resolve(column<mysql>("orders", "id").type, dialect::mysql).bits == 64);

// SQLite: untyped columns, any words as a type, AUTOINCREMENT, triggers with bodies, DROP.
inline constexpr auto sqlite = read<R"sql(
CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body, score UNSIGNED BIG INT, at DATETIME) STRICT;
CREATE TRIGGER notes_touch AFTER UPDATE ON notes BEGIN UPDATE notes SET at = CURRENT_TIMESTAMP; END;
CREATE TABLE scratch (x TEXT);
DROP TABLE IF EXISTS scratch;
DROP TABLE IF EXISTS never_was;
PRAGMA foreign_keys = ON;
)sql">;
static_assert(sqlite.ok());
static_assert(sqlite.find_table("scratch") == sqlite.npos);
static_assert(resolve(column<sqlite>("notes", "body").type, dialect::sqlite).family == type_family::any);
static_assert(resolve(column<sqlite>("notes", "score").type, dialect::sqlite).family == type_family::integer);
static_assert(resolve(column<sqlite>("notes", "id").type, dialect::sqlite).bits == 64);

// Views as migrations and dumps alter them. MySQL's ALTER VIEW ... AS redefines one;
// PostgreSQL's renames one or a column of it, and its other forms change nothing a query reads.
inline constexpr auto altered_views = read<R"sql(
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, active BOOLEAN);
CREATE VIEW active_users AS SELECT id, name FROM users WHERE active;
ALTER VIEW active_users OWNER TO app;
ALTER VIEW IF EXISTS active_users SET SCHEMA public;
ALTER VIEW active_users ALTER COLUMN name SET DEFAULT 'anonymous';
ALTER VIEW public.active_users RENAME TO members;
ALTER VIEW IF EXISTS members RENAME COLUMN name TO full_name;
ALTER TABLE members RENAME full_name TO display_name;
ALTER VIEW IF EXISTS never_was RENAME TO still_not;
CREATE VIEW names (n) AS SELECT name FROM users;
ALTER VIEW names (label) AS SELECT name FROM users WHERE active;
CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM users;
ALTER MATERIALIZED VIEW counts RENAME TO user_counts;
ALTER MATERIALIZED VIEW IF EXISTS user_counts SET TABLESPACE fast;
)sql">;
static_assert(altered_views.ok());
static_assert(altered_views.find_table("active_users") == altered_views.npos);
static_assert(altered_views.tables[altered_views.find_table("members")].view);
static_assert(altered_views.find_table("still_not") == altered_views.npos);
static_assert(altered_views.view_renames.size() == 2);
static_assert(altered_views.view_renames[0].view == altered_views.find_table("members"));
static_assert(altered_views.view_renames[0].from == "name" && altered_views.view_renames[0].to == "full_name");
static_assert(altered_views.view_renames[1].from == "full_name" && altered_views.view_renames[1].to == "display_name");
static_assert(altered_views.tables[altered_views.find_table("names")].view_columns.starts_with("(label)"));
static_assert(altered_views.tables[altered_views.find_table("names")].view_query.ends_with("WHERE active"));
static_assert(altered_views.tables[altered_views.find_table("user_counts")].view);
static_assert(read<"ALTER VIEW nope RENAME TO other">.error.code == catalog_problem::unknown_table);
static_assert(read<"CREATE VIEW v AS SELECT 1 AS a; ALTER VIEW v RENAME COLUMN a b">.error.subject == "b");
static_assert(read<"CREATE VIEW v AS SELECT 1; ALTER VIEW nope OWNER TO app">.ok());  // as before: not looked up

// One declared name, a width per dialect.
inline constexpr declared_type integer_type = column<postgres>("pairs", "a").type;
static_assert(resolve(integer_type, dialect::sqlite).bits == 64);
static_assert(resolve(integer_type, dialect::postgresql).bits == 32);
static_assert(resolve(integer_type, dialect::mysql).bits == 32);

// DDL the catalog cannot read is an error with the statement and the place.
static_assert(read<"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT FROBNICATE)">.error.code == catalog_problem::unreadable);
static_assert(read<"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT FROBNICATE)">.error.subject == "FROBNICATE");
static_assert(read<"CREAT TABLE t (id INT)">.error.code == catalog_problem::unknown_statement);
static_assert(read<"ALTER TABLE nope ADD COLUMN x INT">.error.code == catalog_problem::unknown_table);
static_assert(read<"CREATE TABLE t (a INT); ALTER TABLE t DROP COLUMN b">.error.code == catalog_problem::unknown_column);
static_assert(read<"CREATE TABLE t (a INT); CREATE TABLE t (b INT)">.error.code == catalog_problem::duplicate_table);
static_assert(read<"CREATE TABLE t (a INT, a TEXT)">.error.code == catalog_problem::duplicate_column);
static_assert(read<"CREATE TABLE t (a INT); CREATE TABLE IF NOT EXISTS t (b INT)">.ok());

// A table's columns are searched from its first on: they stay found when columns and tables
// before them are dropped, and a column added later, after other tables' columns, is found too.
inline constexpr auto reshaped = read<R"sql(
CREATE TABLE a (x INT, y INT);
CREATE TABLE b (p INT, q INT);
CREATE TABLE c (m INT, n TEXT);
ALTER TABLE b ADD COLUMN r TEXT;
ALTER TABLE a DROP COLUMN x;
DROP TABLE b;
ALTER TABLE a ADD COLUMN z TEXT;
CREATE TABLE b (s INT);
)sql">;
static_assert(reshaped.ok() && reshaped.columns.size() == 5);
static_assert(column<reshaped>("a", "y").table == reshaped.find_table("a"));
static_assert(column<reshaped>("a", "z").type.name == type_name::text);
static_assert(column<reshaped>("c", "m").name == "m" && column<reshaped>("c", "n").type.name == type_name::text);
static_assert(column<reshaped>("b", "s").table == reshaped.find_table("b"));
static_assert(reshaped.find_column(reshaped.find_table("a"), "x") == reshaped.npos);
static_assert(reshaped.find_column(reshaped.find_table("c"), "y") == reshaped.npos);

inline constexpr auto broken = read<"CREATE TABLE users (\n  id INTEGER,\n  name TEXT SOMETHING\n)">;
static_assert(describe(broken).view() == "schema: cannot read 'SOMETHING' in 'CREATE TABLE users (' (line 3, column 13)");

}  // namespace

TEST_CASE("the catalog reader runs at run time too") {
    constexpr std::string_view ddl = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)";
    const auto c = read_catalog<detail::measure_catalog(ddl)>(ddl);
    CHECK(c.ok());
    CHECK(c.columns.size() == 2);
    CHECK_FALSE(c.columns[1].nullable);
}
