// Field names of row structs, read by the compiler.
#include <ctsql/reflection.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace app {
struct User {
    std::int64_t id;
    std::string name;
    std::optional<bool> is_active;
    std::chrono::sys_seconds created_at;
};
template <class T>
struct Box {
    T value_1;
    int _under;
};
}  // namespace app

struct Single {
    double x;
};

namespace {

constexpr auto user_fields = ctsql::field_names<app::User>();
static_assert(user_fields.size() == 4);
static_assert(user_fields[0] == "id" && user_fields[1] == "name" && user_fields[2] == "is_active" &&
              user_fields[3] == "created_at");
static_assert(ctsql::field_names<app::Box<std::string>>()[0] == "value_1");
static_assert(ctsql::field_names<app::Box<std::string>>()[1] == "_under");
static_assert(ctsql::field_names<Single>()[0] == "x");

static_assert(ctsql::row_struct<app::User>);
static_assert(!ctsql::row_struct<std::string>);
static_assert(!ctsql::row_struct<std::optional<int>>);
static_assert(!ctsql::row_struct<int>);

}  // namespace

TEST_CASE("field names are usable at run time") {
    CHECK(user_fields[3] == "created_at");
}

namespace {
struct InAnonymousNamespace {
    int first_field;
    std::string second;
};
static_assert(ctsql::field_names<InAnonymousNamespace>()[1] == "second");
}  // namespace

TEST_CASE("local row structs have field names too") {
    struct Local {
        int alpha;
        double beta;
    };
    static_assert(ctsql::field_names<Local>()[1] == "beta");
    CHECK(ctsql::field_names<Local>()[0] == "alpha");
}
