// The example application (a blog's users and posts) as a program: it connects to the database
// DATABASE_URL names (sqlite://blog.db when unset), brings its schema up to date with the
// migrations of that database's dialect, and runs the application's main flow step by step.
// Any surprise ends it with exit code 1. The queries are db/queries/*.sql, the migrations
// db/migrations/*.sql, both embedded at build time (CMakeLists.txt).
//
//   DATABASE_URL=postgresql://user@localhost/blog ./blog
#include <ctsql/any.hpp>

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "posts.sql.hpp"
#include "users.sql.hpp"
#include "migrations.hpp"

namespace blog {

// Each dialect's migrations, and the queries checked at compile time against the schema they
// build: the databases give the ids different types (PostgreSQL's SERIAL is a 32-bit integer,
// SQLite's INTEGER 64 bits), so each backend's code is checked against its own schema.
template <ctsql::dialect D>
constexpr const auto& migrations() {
    if constexpr (D == ctsql::dialect::sqlite) return sqlite_migrations;
    else if constexpr (D == ctsql::dialect::postgresql) return postgres_migrations;
    else return mysql_migrations;
}

template <ctsql::dialect D>
struct queries {
    static constexpr auto schema = ctsql::schema_from<migrations<D>()>;
    static constexpr auto users = ctsql::query_set<users_sql, schema>;
    static constexpr auto posts = ctsql::query_set<posts_sql, schema>;
};

using timestamp = std::chrono::sys_time<std::chrono::microseconds>;

template <class Id>
struct User {
    Id id;
    std::string name;
    std::string email;
    std::optional<bool> is_active;
    std::optional<timestamp> created_at;
    std::optional<timestamp> updated_at;
};

template <class Id>
struct Post {
    Id id;
    std::optional<Id> user_id;
    std::string title;
    std::optional<std::string> content;
    std::optional<bool> published;
    std::optional<timestamp> created_at;
};

template <class Id>
struct PostWithAuthor {
    Id id;
    std::optional<Id> user_id;
    std::string title;
    std::optional<std::string> content;
    std::optional<bool> published;
    std::optional<timestamp> created_at;
    std::string author_name;
    std::string author_email;
};

// A step's outcome that is not what the flow expects.
struct surprise {
    std::string what;
};

void expect(bool holds, std::string_view what) {
    if (!holds) throw surprise{std::string{what}};
}

void step(int number, std::string_view what) { fmt::print("{}. {}\n", number, what); }

// The application's main flow, on the connection of the backend DATABASE_URL chose.
template <class Connection>
void run_main_flow(Connection& db) {
    constexpr auto& users = queries<Connection::dialect>::users;
    constexpr auto& posts = queries<Connection::dialect>::posts;
    constexpr auto CreateUser = users.template get<"CreateUser">();
    constexpr auto GetUserByID = users.template get<"GetUserByID">();
    constexpr auto GetUserByEmail = users.template get<"GetUserByEmail">();
    constexpr auto UpdateUser = users.template get<"UpdateUser">();
    constexpr auto DeleteUser = users.template get<"DeleteUser">();
    constexpr auto CreatePost = posts.template get<"CreatePost">();
    constexpr auto GetPostByID = posts.template get<"GetPostByID">();
    constexpr auto GetPostsByUserID = posts.template get<"GetPostsByUserID">();
    constexpr auto DeletePost = posts.template get<"DeletePost">();
    using Id = typename decltype(db.execute(CreateUser, "", ""))::value_type;  // the type the schema gives ids
    using User = blog::User<Id>;
    using Post = blog::Post<Id>;
    using PostWithAuthor = blog::PostWithAuthor<Id>;

    // Emails of this run's own, so that runs against one database do not meet.
    const std::string tag = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    const std::string ann_email = "ann." + tag + "@example.org";
    const std::string bob_email = "bob." + tag + "@example.org";

    step(1, "create a user and get its id back");
    const Id user_id = db.template execute<Id>(CreateUser, "Ann", ann_email).value();
    fmt::print("   user {}\n", user_id);

    step(2, "read the user by id, then by email");
    const std::optional<User> by_id = db.template execute<User>(GetUserByID, user_id);
    expect(by_id && by_id->name == "Ann" && by_id->email == ann_email, "the user read by id is the one created");
    const std::optional<User> by_email = db.template execute<User>(GetUserByEmail, ann_email);
    expect(by_email && by_email->id == user_id, "the user read by email is the one created");
    fmt::print("   {} <{}>, active: {}\n", by_id->name, by_id->email, by_id->is_active.value_or(false));

    step(3, "create a post for that user and get its id back");
    const Id post_id =
        db.template execute<Id>(CreatePost, user_id, "Hello", "My first post").value();
    fmt::print("   post {}\n", post_id);

    step(4, "list the user's posts; read one post joined with its author");
    const std::vector<Post> listed = db.template execute<Post>(GetPostsByUserID, user_id);
    expect(listed.size() == 1 && listed[0].title == "Hello", "the user has the one post created");
    const std::optional<PostWithAuthor> post = db.template execute<PostWithAuthor>(GetPostByID, post_id);
    expect(post && post->author_name == "Ann" && post->author_email == ann_email, "the post's author is the user");
    fmt::print("   \"{}\" by {} <{}>\n", post->title, post->author_name, post->author_email);

    step(5, "rename the user, keeping the email");
    db.execute(UpdateUser, user_id, "Ann Smith", std::nullopt);

    step(6, "read the user again");
    const std::optional<User> renamed = db.template execute<User>(GetUserByID, user_id);
    expect(renamed && renamed->name == "Ann Smith", "the user has the new name");
    expect(renamed->email == ann_email, "the user kept the email");
    fmt::print("   {} <{}>\n", renamed->name, renamed->email);

    step(7, "delete the post, then the user");
    db.execute(DeletePost, post_id);
    expect(db.template execute<Post>(GetPostsByUserID, user_id).empty(), "the post is gone");
    db.execute(DeleteUser, user_id);
    expect(!db.template execute<User>(GetUserByID, user_id), "the user is gone");

    step(8, "a second user with an email already taken is refused");
    const Id bob = db.template execute<Id>(CreateUser, "Bob", bob_email).value();
    try {
        db.template execute<Id>(CreateUser, "Robert", bob_email);
        expect(false, "the second user with a taken email is refused");
    } catch (const ctsql::error& e) {
        if (e.code() != ctsql::errc::unique_violation) throw;
        fmt::print("   refused: {}\n", ctsql::to_string(e.code()));
    }
    db.execute(DeleteUser, bob);
}

}  // namespace blog

int main() {
    const char* from_environment = std::getenv("DATABASE_URL");
    const std::string url = from_environment != nullptr ? from_environment : "sqlite://blog.db";
    try {
        ctsql::any_connection db = ctsql::connect(url);
        fmt::print("connected to {}\n", ctsql::to_string(db.dialect()));
        db.visit([]<class Connection>(Connection& backend) {
            const std::size_t applied = ctsql::migrate(backend, blog::migrations<Connection::dialect>());
            fmt::print("migrations: {} applied\n", applied);
            blog::run_main_flow(backend);
        });
        fmt::print("done\n");
        return 0;
    } catch (const blog::surprise& s) {
        fmt::print(stderr, "blog: expected that {}, but it was not so\n", s.what);
    } catch (const ctsql::error& e) {
        fmt::print(stderr, "blog: {}\n", e.what());
    }
    return 1;
}
